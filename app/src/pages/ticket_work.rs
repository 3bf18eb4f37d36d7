//! The working parts of a ticket page: its clocks, the lifecycle buttons, assignment, and the
//! customer's other tickets.

use crate::api::tickets::{ActOnTicket, AssignTicket};
use crate::components::error_text;
use crate::components::ticket_list::TicketLines;
use crate::domain::sla::{Clock, ClockState};
use crate::domain::ticket::{Status, TicketPageData, TicketSummary};
use crate::i18n::{format_time, use_i18n};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Both clocks with their due times and state, and why a clock stands still.
#[component]
pub fn Clocks(data: TicketPageData) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let s = locale.strings();
    let w = s.work;
    let status = data.ticket.status;
    let why = match status {
        Status::WaitingOnCustomer if data.staff => Some(w.paused_waiting_staff),
        Status::WaitingOnCustomer => Some(w.paused_waiting),
        Status::Resolved if !data.staff => Some(w.resolved_confirm),
        _ => None,
    };
    view! {
        <section class="clocks" aria-labelledby="clocks-title">
            <h2 id="clocks-title">{w.expected_times}</h2>
            <dl class="ticket-facts">
                <dt>{s.ticket_expect_response}</dt>
                <dd><ClockLine clock=data.respond /></dd>
                <dt>{s.ticket_expect_resolve}</dt>
                <dd><ClockLine clock=data.resolve /></dd>
            </dl>
            {why.map(|text| view! { <p class="notice" role="status">{text}</p> })}
        </section>
    }
}

#[component]
fn ClockLine(clock: Clock) -> impl IntoView {
    let locale = use_i18n().locale();
    let w = locale.strings().work;
    let state = super::console::clock_class(clock.state);
    let left = matches!(
        clock.state,
        ClockState::Running | ClockState::Warning | ClockState::Breached | ClockState::Paused
    )
    .then(|| format!(" · {}", w.remaining(clock.minutes_left)));
    view! {
        <time datetime=clock.due.to_rfc3339()>{format_time(clock.due, locale)}</time>
        " "
        <span class=format!("clock clock-{state}")>{w.clock(clock.state)}</span>
        {left}
    }
}

/// What went wrong with the last step, hydrated or (without JavaScript) from `?error=`.
#[component]
pub fn WorkProblem(
    act: ServerAction<ActOnTicket>,
    assign: ServerAction<AssignTicket>,
) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let text = move || {
        let locale = i18n.locale();
        let w = locale.strings().work;
        for v in [act.value().get(), assign.value().get()] {
            if let Some(Err(e)) = v {
                return Some(error_text(&e, locale));
            }
        }
        let code = query.read().get("error")?;
        Some(
            match code.as_str() {
                "conflict" => w.err_conflict,
                "closed" => w.err_closed_reply,
                "not_agent" => w.err_not_agent,
                _ => w.err_not_from_here,
            }
            .to_string(),
        )
    };
    move || {
        text().map(|t| view! { <p class="notice notice-error work-problem" role="alert">{t}</p> })
    }
}

/// One button per lifecycle step the viewer may take, and the assignment form for staff.
#[component]
pub fn StepButtons(
    data: TicketPageData,
    key: String,
    act: ServerAction<ActOnTicket>,
    assign: ServerAction<AssignTicket>,
) -> impl IntoView {
    let locale = use_i18n().locale();
    let w = locale.strings().work;
    let number = data.ticket.number.clone();
    let revision = data.ticket.work.revision.to_string();
    let customer = !data.staff;
    let buttons = data
        .actions
        .clone()
        .into_iter()
        .map(|a| {
            let (number, key, revision) = (number.clone(), key.clone(), revision.clone());
            view! {
                <ActionForm action=act attr:class="step-form">
                    <input type="hidden" name="form[number]" value=number />
                    <input type="hidden" name="form[key]" value=key />
                    <input type="hidden" name="form[revision]" value=revision />
                    <input type="hidden" name="form[action]" value=a.code() />
                    <button type="submit" class=format!("button step-{}", a.code())>
                        {w.action(a, customer)}
                    </button>
                </ActionForm>
            }
        })
        .collect_view();
    let assign_form = data.staff.then(move || {
        let current = data.ticket.work.assignee_id;
        let options = data
            .agents
            .iter()
            .map(|(id, name)| {
                view! { <option value=id.to_string() selected=current == Some(*id)>{name.clone()}</option> }
            })
            .collect_view();
        let (n2, r2) = (number.clone(), revision.clone());
        let take = current.is_none().then(move || {
            view! {
                <ActionForm action=assign attr:class="take-form">
                    <input type="hidden" name="form[number]" value=n2 />
                    <input type="hidden" name="form[revision]" value=r2 />
                    <input type="hidden" name="form[assignee]" value="me" />
                    <button type="submit" class="button button-primary">{w.take}</button>
                </ActionForm>
            }
        });
        view! {
            <ActionForm action=assign attr:class="assign-form">
                <input type="hidden" name="form[number]" value=number />
                <input type="hidden" name="form[revision]" value=revision />
                <div class="field">
                    <label for="assignee">{w.assignee}</label>
                    <select id="assignee" name="form[assignee]">
                        <option value="" selected=current.is_none()>{w.nobody}</option>
                        {options}
                    </select>
                </div>
                <div class="field">
                    <label for="assign-reason">{w.assign_reason}</label>
                    <input id="assign-reason" name="form[reason]" maxlength="500" />
                </div>
                <button type="submit" class="button">{w.assign}</button>
            </ActionForm>
            {take}
        }
    });
    view! {
        <section class="ticket-steps" aria-label=w.actions>
            <div class="step-buttons">{buttons}</div>
            {assign_form}
        </section>
    }
}

/// The customer's other tickets, beside the current one (staff only).
#[component]
pub fn EarlierTickets(list: Vec<TicketSummary>) -> impl IntoView {
    let w = use_i18n().locale().strings().work;
    let empty = list.is_empty();
    view! {
        <section class="earlier-tickets" aria-labelledby="earlier-title">
            <h2 id="earlier-title">{w.earlier_tickets}</h2>
            {empty.then(|| view! { <p>{w.none_earlier}</p> })}
            <TicketLines list />
        </section>
    }
}
