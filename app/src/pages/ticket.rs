//! A ticket's page, opened with the key from its link.

use super::not_found::{NotFound, ServerErrorNotice};
use crate::api::tickets::get_ticket;
use crate::components::loading::Loading;
use crate::i18n::{format_time, use_i18n};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// Shows a ticket's number, status and expected times.
#[component]
pub fn TicketPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let created = move || query.read().get("created").is_some();
    let ticket = Resource::new(
        move || {
            (
                params.read().get("number").unwrap_or_default(),
                query.read().get("key").unwrap_or_default(),
            )
        },
        |(number, key)| get_ticket(number, key),
    );
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match ticket.await {
                    Ok(Some(t)) => {
                        let locale = i18n.locale();
                        let s = locale.strings();
                        let (priority, _) = s.priority(t.priority);
                        view! {
                            <Title text=t.number.clone() />
                            {created().then(|| view! {
                                <div class="notice notice-success" role="status">
                                    <strong>{s.ticket_created}</strong> " " {s.ticket_keep_link}
                                </div>
                            })}
                            <h1>{t.subject}</h1>
                            <dl class="ticket-facts">
                                <dt>{s.ticket_number}</dt>
                                <dd class="ticket-number">{t.number}</dd>
                                <dt>{s.ticket_status}</dt>
                                <dd><span class=format!("status status-{}", crate::domain::ticket::Code::code(t.status))>{s.status(t.status)}</span></dd>
                                <dt>{s.ticket_expect_response}</dt>
                                <dd><time datetime=t.first_response_due.to_rfc3339()>{format_time(t.first_response_due, locale)}</time></dd>
                                <dt>{s.ticket_expect_resolve}</dt>
                                <dd><time datetime=t.resolve_due.to_rfc3339()>{format_time(t.resolve_due, locale)}</time></dd>
                                <dt>{s.ticket_opened}</dt>
                                <dd><time datetime=t.created_at.to_rfc3339()>{format_time(t.created_at, locale)}</time></dd>
                                <dt>{s.field_category}</dt>
                                <dd>{s.category(t.category)}</dd>
                                <dt>{s.field_priority}</dt>
                                <dd>{priority}</dd>
                                <dt>{s.field_impact}</dt>
                                <dd>{s.impact(t.impact).0}</dd>
                            </dl>
                            <h2>{s.ticket_details}</h2>
                            <p class="ticket-description">{t.description}</p>
                        }
                            .into_any()
                    }
                    Ok(None) => view! { <NotFound /> }.into_any(),
                    Err(_) => view! { <ServerErrorNotice /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
