//! The delivery log staff read (with failures and their reasons), and webhooks for admins.

use super::not_found::ServerErrorNotice;
use crate::api::notify::{delivery_log, list_webhooks, AddWebhook, DeleteWebhook, RetryDelivery};
use crate::components::loading::Loading;
use crate::components::page_title::PageTitle;
use crate::domain::notify::{DeliveryLine, DeliveryStatus, NoticeKind};
use crate::domain::ticket::Code;
use crate::domain::webhook::Webhook;
use crate::i18n::{format_time, use_i18n};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// `/staff/notifications`: counts, the newest deliveries, and (admins) the webhooks.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let retry = ServerAction::<RetryDelivery>::new();
    let failed = move || query.read().get("failed").is_some();
    let log = Resource::new(
        move || (failed(), retry.version().get()),
        |(failed, _)| delivery_log(failed),
    );
    view! {
        <PageTitle pick=|s| s.notify.log_title />
        <h1>{i18n.t(|s| s.notify.log_title)}</h1>
        <p class="hint">{i18n.t(|s| s.notify.log_intro)}</p>
        <nav class="tabs">
            <a href="/staff/notifications" aria-current=move || (!failed()).then_some("page")>
                {i18n.t(|s| s.notify.log_all)}
            </a>
            <a href="/staff/notifications?failed=1" aria-current=move || failed().then_some("page")>
                {i18n.t(|s| s.notify.log_only_failed)}
            </a>
        </nav>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match log.await {
                    Ok(log) => {
                        let n = i18n.locale().strings().notify;
                        let counts = n
                            .log_counts
                            .replace("{p}", &log.counts.pending.to_string())
                            .replace("{s}", &log.counts.sent.to_string())
                            .replace("{f}", &log.counts.failed.to_string());
                        let admin = log.admin;
                        view! {
                            <p class="delivery-counts">{counts}</p>
                            <DeliveryTable lines=log.lines admin retry />
                            {admin.then(|| view! { <Webhooks /> })}
                        }
                        .into_any()
                    }
                    Err(_) => view! { <ServerErrorNotice /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn DeliveryTable(
    lines: Vec<DeliveryLine>,
    admin: bool,
    retry: ServerAction<RetryDelivery>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let n = locale.strings().notify;
    if lines.is_empty() {
        return view! { <p>{n.log_empty}</p> }.into_any();
    }
    let rows = lines
        .into_iter()
        .map(|d| {
            let status = match d.status {
                DeliveryStatus::Pending => n.status_pending,
                DeliveryStatus::Sent => n.status_sent,
                DeliveryStatus::Failed => n.status_failed,
            };
            let next =
                (d.status == DeliveryStatus::Pending).then(|| format_time(d.next_at, locale));
            let button = (admin && d.status == DeliveryStatus::Failed).then(|| {
                view! {
                    <ActionForm action=retry>
                        <input type="hidden" name="id" value=d.id.to_string() />
                        <button type="submit" class="button">{n.log_retry}</button>
                    </ActionForm>
                }
            });
            view! {
                <tr class=format!("delivery delivery-{}", d.status.code())>
                    <td>{format_time(d.created_at, locale)}</td>
                    <td>{n.kind(d.kind)}<br /><span class="hint">{d.summary}</span></td>
                    <td>{d.channel} ": " {d.recipient}</td>
                    <td>{status}</td>
                    <td>{d.attempts}</td>
                    <td class="delivery-error">{d.last_error}</td>
                    <td>{next}{button}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        // Wide on a phone: the scrolling region takes the keyboard focus to scroll.
        <div class="table-scroll" tabindex="0" role="region" aria-label=n.log_title>
            <table class="delivery-log">
                <thead>
                    <tr>
                        <th scope="col">{n.log_when}</th>
                        <th scope="col">{n.log_what}</th>
                        <th scope="col">{n.log_to}</th>
                        <th scope="col">{n.log_status}</th>
                        <th scope="col">{n.log_attempts}</th>
                        <th scope="col">{n.log_error}</th>
                        <th scope="col">{n.log_next}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// Webhooks: the registered ones with their secrets, and the form to add one.
#[component]
fn Webhooks() -> impl IntoView {
    let i18n = use_i18n();
    let add = ServerAction::<AddWebhook>::new();
    let delete = ServerAction::<DeleteWebhook>::new();
    let hooks = Resource::new(
        move || (add.version().get(), delete.version().get()),
        |_| list_webhooks(),
    );
    let n = i18n.locale().strings().notify;
    view! {
        <h2>{n.hooks_title}</h2>
        <p class="hint">{n.hooks_intro} " " {n.hook_docs}</p>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match hooks.await {
                    Ok(list) if list.is_empty() => view! { <p>{n.hooks_empty}</p> }.into_any(),
                    Ok(list) => list
                        .into_iter()
                        .map(|h| view! { <HookItem h delete /> })
                        .collect_view()
                        .into_any(),
                    Err(_) => view! { <ServerErrorNotice /> }.into_any(),
                }
            })}
        </Transition>
        <HookForm add />
    }
}

#[component]
fn HookItem(h: Webhook, delete: ServerAction<DeleteWebhook>) -> impl IntoView {
    let n = use_i18n().locale().strings().notify;
    let events = if h.events.is_empty() {
        n.hook_events_hint.to_string()
    } else {
        h.events
            .iter()
            .map(|k| n.kind(*k))
            .collect::<Vec<_>>()
            .join(", ")
    };
    view! {
        <article class="card webhook">
            <h3>{h.name}</h3>
            <p><code>{h.url}</code> " · " {h.format.code()}</p>
            <p>{n.hook_events} ": " {events}</p>
            <p>{n.hook_secret} ": " <code class="secret">{h.secret}</code></p>
            <ActionForm action=delete>
                <input type="hidden" name="id" value=h.id.to_string() />
                <button type="submit" class="button">{n.hook_delete}</button>
            </ActionForm>
        </article>
    }
}

#[component]
fn HookForm(add: ServerAction<AddWebhook>) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let kept = move |k: &str| query.read_untracked().get(k).unwrap_or_default();
    let n = i18n.locale().strings().notify;
    let error = move || match add.value().get() {
        Some(Err(e)) => Some(crate::components::error_text(&e, i18n.locale())),
        _ => None,
    };
    let kinds = NoticeKind::ALL
        .iter()
        .filter(|k| **k != NoticeKind::AccountLink)
        .map(|k| view! { <option value=k.code()>{n.kind(*k)}</option> })
        .collect_view();
    view! {
        <ActionForm action=add attr:class="webhook-form">
            <div class="field">
                <label for="hook-name">{n.hook_name}</label>
                <input id="hook-name" name="form[name]" required maxlength="80" value=kept("name") />
            </div>
            <div class="field">
                <label for="hook-url">{n.hook_url}</label>
                <input id="hook-url" name="form[url]" type="url" required value=kept("url") />
            </div>
            <div class="field">
                <label for="hook-format">{n.hook_format}</label>
                <select id="hook-format" name="form[format]">
                    <option value="json">{n.hook_format_json}</option>
                    <option value="slack">{n.hook_format_slack}</option>
                </select>
            </div>
            <div class="field">
                <label for="hook-events">{n.hook_events}</label>
                <p class="hint" id="hook-events-hint">{n.hook_events_hint}</p>
                <input id="hook-events" name="form[events]" aria-describedby="hook-events-hint"
                    list="hook-kinds" placeholder="ticket_created, sla_breach" />
                <datalist id="hook-kinds">{kinds}</datalist>
            </div>
            <p class="field-error" role="alert">{error}</p>
            <button type="submit" class="button button-primary">{n.hook_add}</button>
        </ActionForm>
    }
}
