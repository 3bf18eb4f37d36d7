//! A list of ticket lines: number, subject, status and when it was opened.

use crate::domain::ticket::TicketSummary;
use crate::i18n::{format_time, use_i18n};
use leptos::prelude::*;

/// Ticket lines, each linking to its ticket.
#[component]
pub fn TicketLines(
    list: Vec<TicketSummary>,
    #[prop(default = "")] class: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let s = locale.strings();
    let rows = list
        .into_iter()
        .map(|t| view! {
            <li>
                <a href=t.href>{t.number} " · " {t.subject}</a>
                <span class="meta">{s.status(t.status)} " · " {format_time(t.created_at, locale)}</span>
            </li>
        })
        .collect_view();
    view! { <ul class=format!("article-list {class}")>{rows}</ul> }
}
