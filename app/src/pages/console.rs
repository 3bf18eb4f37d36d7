//! The agents' console: queues, filters and orders, SLA countdowns; refreshes on its own.

use super::account::SignInPrompt;
use super::console_bulk::{keyboard_shortcuts, BulkBar, Selection, Tick};
use crate::api::staff::{console_queue, list_agents};
use crate::api::tickets::BulkChange;
use crate::components::live::LiveUpdates;
use crate::components::loading::Loading;
use crate::components::page_title::PageTitle;
use crate::domain::console::{Queue, QueueLine, QueueQuery, Sort};
use crate::domain::sla::{Clock, ClockState};
use crate::domain::ticket::{Category, Code, Priority};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// How often the queue reloads itself.
const REFRESH_SECS: u64 = 30;

/// The console page at `/console`.
#[component]
pub fn ConsolePage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let param = move |k: &str| query.read().get(k).unwrap_or_default();
    let wanted = Memo::new(move |_| {
        QueueQuery::from_params(
            &param("queue"),
            &param("category"),
            &param("priority"),
            &param("sort"),
        )
    });
    let tick = RwSignal::new(0u32);
    let selected: Selection = RwSignal::new(Vec::new());
    let bulk = ServerAction::<BulkChange>::new();
    // Effects run only in the browser, so the server never starts a timer. A refresh waits
    // while tickets are ticked, so a selection is never pulled from under the agent.
    Effect::new(move |_| {
        let refresh = move || {
            if selected.with_untracked(Vec::is_empty) {
                tick.update(|n| *n += 1);
            }
        };
        if let Ok(handle) =
            set_interval_with_handle(refresh, std::time::Duration::from_secs(REFRESH_SECS))
        {
            on_cleanup(move || handle.clear());
        }
        keyboard_shortcuts(move || tick.update(|n| *n += 1));
    });
    Effect::new(move |_| {
        if bulk.version().get() > 0 {
            selected.set(Vec::new());
            tick.update(|n| *n += 1);
        }
    });
    // A live notice refreshes the queue at once, unless tickets are ticked.
    let on_notice = Callback::new(move |_| {
        if selected.with_untracked(Vec::is_empty) {
            tick.update(|n| *n += 1);
        }
    });
    let agents = Resource::new(|| (), |_| list_agents());
    let lines = Resource::new(
        move || (wanted.get(), tick.get()),
        |(q, _)| console_queue(q),
    );
    view! {
        <PageTitle pick=|s| s.work.console_title />
        <h1>{i18n.t(|s| s.work.console_title)}</h1>
        <LiveUpdates on_notice />
        <QueueTabs current=Signal::derive(move || wanted.get()) />
        <Filters current=Signal::derive(move || wanted.get()) />
        <p class="hint">{i18n.t(|s| s.work.auto_refresh)} " " {i18n.t(|s| s.work.keyboard_hint)}</p>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match (lines.await, agents.await) {
                    (Ok(list), Ok(agents)) => view! {
                        <ActionForm action=bulk attr:class="bulk-form">
                            <BulkBar bulk agents />
                            <QueueTable list selected />
                        </ActionForm>
                    }
                    .into_any(),
                    _ => view! { <SignInPrompt next="/console" /> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// The URL of a queue with the other choices kept.
fn href(q: &QueueQuery) -> String {
    let mut url = format!("/console?queue={}&sort={}", q.queue.code(), q.sort.code());
    if let Some(c) = q.category {
        url.push_str(&format!("&category={}", c.code()));
    }
    if let Some(p) = q.priority {
        url.push_str(&format!("&priority={}", p.code()));
    }
    url
}

#[component]
fn QueueTabs(current: Signal<QueueQuery>) -> impl IntoView {
    let i18n = use_i18n();
    let tabs = move || {
        let w = i18n.locale().strings().work;
        let now = current.get();
        Queue::ALL
            .into_iter()
            .map(|q| {
                let target = QueueQuery {
                    queue: q,
                    ..now.clone()
                };
                let here = (now.queue == q).then_some("page");
                view! { <li><a href=href(&target) aria-current=here>{w.queue(q)}</a></li> }
            })
            .collect_view()
    };
    view! {
        <nav class="queue-tabs" aria-label=move || i18n.locale().strings().work.queues>
            <ul>{tabs}</ul>
        </nav>
    }
}

#[component]
fn Filters(current: Signal<QueueQuery>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let s = i18n.locale().strings();
        let w = s.work;
        let q = current.get();
        let categories = Category::ALL
            .iter()
            .map(|c| view! { <option value=c.code() selected=q.category == Some(*c)>{s.category(*c)}</option> })
            .collect_view();
        let priorities = Priority::ALL
            .iter()
            .map(|p| view! { <option value=p.code() selected=q.priority == Some(*p)>{s.priority(*p).0}</option> })
            .collect_view();
        let sorts = Sort::ALL
            .into_iter()
            .map(|o| view! { <option value=o.code() selected=q.sort == o>{w.sort(o)}</option> })
            .collect_view();
        view! {
            <form class="console-filters" method="get" action="/console">
                <input type="hidden" name="queue" value=q.queue.code() />
                <div class="field">
                    <label for="f-category">{w.filter_category}</label>
                    <select id="f-category" name="category">
                        <option value="">{w.any}</option>
                        {categories}
                    </select>
                </div>
                <div class="field">
                    <label for="f-priority">{w.filter_priority}</label>
                    <select id="f-priority" name="priority">
                        <option value="">{w.any}</option>
                        {priorities}
                    </select>
                </div>
                <div class="field">
                    <label for="f-sort">{w.sort_by}</label>
                    <select id="f-sort" name="sort">{sorts}</select>
                </div>
                <button type="submit" class="button">{w.apply}</button>
            </form>
        }
    }
}

#[component]
fn QueueTable(list: Vec<QueueLine>, selected: Selection) -> impl IntoView {
    let locale = use_i18n().locale();
    let s = locale.strings();
    let w = s.work;
    if list.is_empty() {
        return view! { <p class="queue-empty">{w.queue_empty}</p> }.into_any();
    }
    let rows = list
        .into_iter()
        .enumerate()
        .map(|(index, line)| {
            let t = line.ticket;
            let href = format!("/tickets/{}", t.number);
            let assignee = t.work.assignee_name.unwrap_or_else(|| w.unassigned.to_string());
            view! {
                <tr class=format!("priority-{}", t.priority.code())>
                    <td><Tick number=t.number.clone() index selected /></td>
                    <td><a href=href>{t.number}</a></td>
                    <td>{t.subject}</td>
                    <td>{t.contact_name}</td>
                    <td>{s.priority(t.priority).0}</td>
                    <td><span class=format!("status status-{}", t.status.code())>{s.status(t.status)}</span></td>
                    <td>{assignee}</td>
                    <td><Countdown clock=line.respond /></td>
                    <td><Countdown clock=line.resolve /></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="console-queue">
                <thead>
                    <tr>
                        <th scope="col"><span class="visually-hidden">{w.bulk_select}</span></th>
                        <th scope="col">{w.col_number}</th>
                        <th scope="col">{w.col_subject}</th>
                        <th scope="col">{w.col_requester}</th>
                        <th scope="col">{w.filter_priority}</th>
                        <th scope="col">{w.col_status}</th>
                        <th scope="col">{w.assignee}</th>
                        <th scope="col">{w.response_due}</th>
                        <th scope="col">{w.resolve_due}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn Countdown(clock: Clock) -> impl IntoView {
    let w = use_i18n().locale().strings().work;
    let running = matches!(
        clock.state,
        ClockState::Running | ClockState::Warning | ClockState::Breached
    );
    let text = if running {
        w.remaining(clock.minutes_left)
    } else {
        w.clock(clock.state).to_string()
    };
    let class = format!("clock clock-{}", clock_class(clock.state));
    view! { <span class=class>{text}</span> }
}

/// The CSS class suffix of a clock state.
pub fn clock_class(state: ClockState) -> &'static str {
    match state {
        ClockState::Running => "running",
        ClockState::Warning => "warning",
        ClockState::Breached => "breached",
        ClockState::Paused => "paused",
        ClockState::Met => "met",
        ClockState::MetLate => "met-late",
    }
}
