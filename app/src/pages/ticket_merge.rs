//! Agents' tools on a ticket page: merging a duplicate into another ticket, and turning a
//! resolved ticket into an article draft.

use crate::api::tickets::{MergeTicket, TicketToArticle};
use crate::domain::ticket::{Status, TicketPageData};
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The merge form; shown to staff while the ticket is not closed.
#[component]
pub fn MergeBox(data: TicketPageData, merge: ServerAction<MergeTicket>) -> impl IntoView {
    let i18n = use_i18n();
    let t = data.ticket;
    let error = move || match merge.value().get() {
        Some(Err(e)) => Some(crate::components::error_text(&e, i18n.locale())),
        _ => None,
    };
    (data.staff && t.status != Status::Closed).then(|| {
        view! {
            <ActionForm action=merge attr:class="canned-form merge-form">
                <input type="hidden" name="form[number]" value=t.number.clone() />
                <input type="hidden" name="form[revision]" value=t.work.revision.to_string() />
                <label for="merge-into">{i18n.t(|s| s.work.merge_label)}</label>
                <input id="merge-into" name="form[into]" required placeholder="IT-2026-000001"
                    pattern="[Ii][Tt]-[0-9]{4}-[0-9]{6}" />
                <button type="submit" class="button">{i18n.t(|s| s.work.merge_submit)}</button>
                <p class="field-error" role="alert">{error}</p>
            </ActionForm>
        }
    })
}

/// "Turn into an article draft", for staff once the ticket is resolved or closed.
#[component]
pub fn SedimentBox(data: TicketPageData, make: ServerAction<TicketToArticle>) -> impl IntoView {
    let i18n = use_i18n();
    let done = move || {
        match make.value().get() {
        Some(Ok(id)) => Some(view! {
            <p class="notice notice-success" role="status">
                <a href=format!("/staff/drafts#draft-{id}")>{i18n.locale().strings().care.draft_made}</a>
            </p>
        }.into_any()),
        Some(Err(e)) => Some(view! {
            <p class="field-error" role="alert">{crate::components::error_text(&e, i18n.locale())}</p>
        }.into_any()),
        None => None,
    }
    };
    let finished = crate::domain::rating::may_rate(data.ticket.status);
    (data.staff && finished).then(|| {
        view! {
            <ActionForm action=make attr:class="sediment-form">
                <input type="hidden" name="number" value=data.ticket.number.clone() />
                <button type="submit" class="button">{i18n.t(|s| s.care.draft_make)}</button>
            </ActionForm>
            {done}
        }
    })
}
