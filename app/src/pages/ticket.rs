//! A ticket's page: for the holder of its link, the customer who opened it, or staff.

use super::not_found::{NotFound, ServerErrorNotice};
use super::ticket_care::CareSection;
use super::ticket_merge::{MergeBox, SedimentBox};
use super::ticket_work::{Clocks, EarlierTickets, StepButtons, WorkProblem};
use crate::api::tickets::{
    get_ticket, ActOnTicket, AddInternalNote, AssignTicket, MergeTicket, ReplyToTicket,
    TicketToArticle,
};
use crate::components::file_picker::FilePicker;
use crate::components::live::LiveUpdates;
use crate::components::loading::Loading;
use crate::domain::attachment::{format_size, AttachmentView};
use crate::domain::canned::{fill, CannedReply};
use crate::domain::ticket::{Code, EventChange, EventKind, TicketEvent, TicketPageData};
use crate::i18n::{format_time, use_i18n};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// Shows a ticket's facts, its conversation and the reply form.
#[component]
pub fn TicketPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let reply = ServerAction::<ReplyToTicket>::new();
    let note = ServerAction::<AddInternalNote>::new();
    let act = ServerAction::<ActOnTicket>::new();
    let assign = ServerAction::<AssignTicket>::new();
    let merge = ServerAction::<MergeTicket>::new();
    let make = ServerAction::<TicketToArticle>::new();
    // Reload after a successful reply or note only: a failed one keeps what was typed. A
    // refused step reloads too, so "changed meanwhile" comes with the latest state.
    let saved = RwSignal::new(0u32);
    let bump = move || saved.update(|n| *n += 1);
    Effect::new(move |_| {
        if let Some(Ok(true)) = reply.value().get() {
            bump();
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(true)) = note.value().get() {
            bump();
        }
    });
    Effect::new(move |_| {
        if act.value().get().is_some()
            || assign.value().get().is_some()
            || matches!(merge.value().get(), Some(Ok(_)))
        {
            bump();
        }
    });
    // Staff's news and the portal's reload the customer's page, unless a reply is being typed
    // (which a reload would lose). Staff pages reload on their own actions only, so a click is
    // never lost to a reload.
    let staff_view = RwSignal::new(true);
    let on_notice = Callback::new(move |e: Option<crate::domain::notify::LiveEvent>| {
        use crate::domain::notify::NoticeKind::*;
        let news = e.is_some_and(|e| {
            matches!(
                e.kind,
                AgentReply | StatusChanged | RatingRequest | Merged | IncidentResolved
            )
        });
        if news && !staff_view.get_untracked() && !reply_in_progress() {
            bump();
        }
    });
    let ticket = Resource::new(
        move || {
            (
                params.read().get("number").unwrap_or_default(),
                query.read().get("key").unwrap_or_default(),
                saved.get(),
            )
        },
        |(number, key, _)| get_ticket(number, key),
    );
    Effect::new(move |_| {
        if let Some(Ok(Some(d))) = ticket.get() {
            staff_view.set(d.staff);
        }
    });
    let live_number = params.read_untracked().get("number").unwrap_or_default();
    let live_key = query.read_untracked().get("key").unwrap_or_default();
    view! {
        <LiveUpdates ticket=live_number key=live_key on_notice />
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match ticket.await {
                    Ok(Some(data)) => {
                        let key = query.read_untracked().get("key").unwrap_or_default();
                        view! { <TicketBody data key reply note act assign merge make /> }.into_any()
                    }
                    Ok(None) => view! { <NotFound /> }.into_any(),
                    Err(_) => view! { <ServerErrorNotice /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn TicketBody(
    data: TicketPageData,
    key: String,
    reply: ServerAction<ReplyToTicket>,
    note: ServerAction<AddInternalNote>,
    act: ServerAction<ActOnTicket>,
    assign: ServerAction<AssignTicket>,
    merge: ServerAction<MergeTicket>,
    make: ServerAction<TicketToArticle>,
) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let created = move || query.read().get("created").is_some();
    let rated = move || query.read().get("rated").is_some();
    let locale = i18n.locale();
    let s = locale.strings();
    let a = s.account;
    let t = data.ticket.clone();
    let (priority, _) = s.priority(t.priority);
    let w = s.work;
    let assignee = t
        .work
        .assignee_name
        .clone()
        .unwrap_or_else(|| w.unassigned.to_string());
    let number = t.number.clone();
    let events = data
        .events
        .clone()
        .into_iter()
        .map(|e| view! { <EventItem e /> })
        .collect_view();
    // An agent's chosen canned reply (a GET form, so it works without JavaScript too).
    let prefill = query
        .read_untracked()
        .get("canned")
        .and_then(|id| id.parse::<i64>().ok())
        .and_then(|id| data.canned.iter().find(|c| c.id == id))
        .map(|c| fill(&c.body, &t.contact_name, &t.number))
        .unwrap_or_default();
    let reply_error = move || match reply.value().get() {
        Some(Err(e)) => Some(crate::components::error_text(&e, i18n.locale())),
        _ => None,
    };
    view! {
        <Title text=t.number.clone() />
        {rated().then(|| view! {
            <div class="notice notice-success" role="status">{s.care.rate_thanks}</div>
        })}
        {created().then(|| view! {
            <div class="notice notice-success" role="status">
                <strong>{s.ticket_created}</strong> " " {s.ticket_keep_link}
            </div>
        })}
        <h1>{t.subject}</h1>
        <dl class="ticket-facts">
            <dt>{s.ticket_number}</dt>
            <dd class="ticket-number">{t.number.clone()}</dd>
            <dt>{s.ticket_status}</dt>
            <dd><span class=format!("status status-{}", t.status.code())>{s.status(t.status)}</span></dd>
            {data.staff.then(|| view! { <dt>{w.assignee}</dt><dd class="assignee">{assignee}</dd> })}
            <dt>{s.ticket_opened}</dt>
            <dd><time datetime=t.created_at.to_rfc3339()>{format_time(t.created_at, locale)}</time></dd>
            <dt>{s.field_category}</dt>
            <dd>{s.category(t.category)}</dd>
            <dt>{s.field_priority}</dt>
            <dd>{priority}</dd>
            <dt>{s.field_impact}</dt>
            <dd>{s.impact(t.impact).0}</dd>
        </dl>
        <CareSection data=data.clone() key=key.clone() />
        <Clocks data=data.clone() />
        <WorkProblem act assign />
        <StepButtons data=data.clone() key=key.clone() act assign />
        <MergeBox data=data.clone() merge />
        <SedimentBox data=data.clone() make />
        <h2>{s.ticket_details}</h2>
        <p class="ticket-description">{t.description}</p>
        <h2>{a.conversation}</h2>
        <ol class="timeline">{events}</ol>
        {(data.staff && !data.canned.is_empty()).then(|| view! { <CannedPicker list=data.canned.clone() /> })}
        <ActionForm action=reply attr:class="reply-form">
            <input type="hidden" name="number" value=t.number.clone() />
            <input type="hidden" name="key" value=key />
            <div class="field">
                <label for="reply-body">{a.reply_label}</label>
                <textarea id=REPLY_BOX name="body" rows="4" required maxlength="10000">{prefill}</textarea>
            </div>
            <FilePicker id="reply-files" name="attachments" />
            <p class="field-error" role="alert">{reply_error}</p>
            <button type="submit" class="button button-primary">{a.reply_submit}</button>
        </ActionForm>
        {data.staff.then(move || view! {
            <ActionForm action=note attr:class="note-form">
                <input type="hidden" name="number" value=number.clone() />
                <div class="field">
                    <label for="note-body">{a.note_label}</label>
                    <textarea id="note-body" name="body" rows="3" required maxlength="10000"></textarea>
                </div>
                <button type="submit" class="button">{a.note_submit}</button>
            </ActionForm>
        })}
        {data.staff.then(|| view! { <EarlierTickets list=data.earlier.clone() /> })}
    }
}

#[component]
fn EventItem(e: TicketEvent) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let a = locale.strings().account;
    let class = if e.internal {
        "event event-internal"
    } else {
        "event"
    };
    let w = locale.strings().work;
    let s = locale.strings();
    let what = match (e.kind, &e.change) {
        (EventKind::Created, _) => Some(a.event_created.to_string()),
        (EventKind::Note, _) => Some(a.internal_note.to_string()),
        (EventKind::Status, Some(EventChange::Status { from, to })) => Some(format!(
            "{} {} → {}",
            w.event_status,
            s.status(*from),
            s.status(*to)
        )),
        (EventKind::Assigned, Some(EventChange::Assigned { to: Some(name) })) => {
            Some(format!("{} {name}", w.event_assigned))
        }
        (EventKind::Assigned, _) => Some(w.event_unassigned.to_string()),
        (EventKind::Rated, Some(EventChange::Rated { overall })) => {
            Some(format!("{} {}", s.care.event_rated, s.care.stars(*overall)))
        }
        (EventKind::Complaint, _) => Some(s.care.event_complaint.to_string()),
        (EventKind::Merged, Some(EventChange::MergedInto { into })) => {
            Some(format!("{} {into}", w.event_merged_into))
        }
        (EventKind::Merged, Some(EventChange::MergedFrom { from })) => {
            Some(format!("{} {from}", w.event_merged_from))
        }
        (EventKind::ComplaintClosed, _) => Some(s.care.event_complaint_closed.to_string()),
        _ => None,
    };
    view! {
        <li class=class>
            <p class="meta">
                <strong>{if e.author.is_empty() { w.system.to_string() } else { e.author }}</strong>
                {what.map(|w| view! { " · " {w} })}
                " · "
                <time datetime=e.at.to_rfc3339()>{format_time(e.at, locale)}</time>
            </p>
            {(!e.body.is_empty()).then(|| view! { <p class="event-body">{e.body}</p> })}
            {(!e.attachments.is_empty()).then(|| view! { <Attachments list=e.attachments.clone() /> })}
        </li>
    }
}

/// Files of a timeline entry: photos as thumbnails, other files as links with their size.
#[component]
fn Attachments(list: Vec<AttachmentView>) -> impl IntoView {
    let i18n = use_i18n();
    let items = list
        .into_iter()
        .map(|a| {
            let size = format_size(a.size);
            match a.preview_href {
                Some(preview) => view! {
                    <li class="attachment attachment-image">
                        <a href=a.href.clone() target="_blank" rel="noopener">
                            <img src=preview alt=a.name.clone() loading="lazy" />
                        </a>
                        <span class="file-name">{a.name}</span> " · " {size}
                    </li>
                }
                .into_any(),
                None => view! {
                    <li class="attachment">
                        <a href=a.href>{a.name}</a> " · " {size}
                    </li>
                }
                .into_any(),
            }
        })
        .collect_view();
    view! {
        <div class="attachments">
            <p class="visually-hidden">{i18n.t(|s| s.care.files_attached)}</p>
            <ul>{items}</ul>
        </div>
    }
}

/// Puts a canned reply into the reply box: a plain GET form, so it needs no JavaScript.
#[component]
fn CannedPicker(list: Vec<CannedReply>) -> impl IntoView {
    let i18n = use_i18n();
    let care = i18n.locale().strings().care;
    let options = list
        .into_iter()
        .map(|c| {
            let label = format!("{} · {}", c.title, c.locale.code());
            view! { <option value=c.id.to_string()>{label}</option> }
        })
        .collect_view();
    view! {
        <form method="get" class="canned-form">
            <label for="canned-pick">{care.canned_pick}</label>
            <select id="canned-pick" name="canned">{options}</select>
            <button type="submit" class="button">{care.canned_insert}</button>
        </form>
    }
}

/// The id of the reply box.
const REPLY_BOX: &str = "reply-body";

/// Whether the reply box holds text the customer or agent has not sent yet.
fn reply_in_progress() -> bool {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        document()
            .get_element_by_id(REPLY_BOX)
            .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
            .is_some_and(|t| !t.value().trim().is_empty())
    }
    #[cfg(not(feature = "hydrate"))]
    false
}
