//! The support lead's complaints: open ones by deadline with a form for the outcome, and the
//! latest handled ones.

use super::not_found::ServerErrorNotice;
use crate::api::staff::{list_complaints, RecordComplaintOutcome};
use crate::components::loading::Loading;
use crate::components::page_title::PageTitle;
use crate::domain::rating::ComplaintView;
use crate::i18n::{format_time, use_i18n};
use leptos::prelude::*;

/// The complaints page (admins).
#[component]
pub fn ComplaintsPage() -> impl IntoView {
    let i18n = use_i18n();
    let record = ServerAction::<RecordComplaintOutcome>::new();
    let lists = Resource::new(move || record.version().get(), |_| list_complaints());
    view! {
        <PageTitle pick=|s| s.care.complaints_title />
        <h1>{i18n.t(|s| s.care.complaints_title)}</h1>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match lists.await {
                    Ok(l) => {
                        let care = i18n.locale().strings().care;
                        let now = l.now;
                        let open = if l.open.is_empty() {
                            view! { <p>{care.complaints_none}</p> }.into_any()
                        } else {
                            l.open
                                .into_iter()
                                .map(|c| view! { <OpenComplaint c now record /> })
                                .collect_view()
                                .into_any()
                        };
                        let handled = l
                            .handled
                            .into_iter()
                            .map(|c| view! { <HandledComplaint c /> })
                            .collect_view();
                        view! {
                            <h2>{care.complaints_open}</h2>
                            {open}
                            <h2>{care.complaints_closed}</h2>
                            {handled}
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
fn Head(c: ComplaintView) -> impl IntoView {
    let i18n = use_i18n();
    let care = i18n.locale().strings().care;
    view! {
        <h3><a href=format!("/tickets/{}", c.number)>{c.number.clone()}</a> " · " {c.subject}</h3>
        <p class="rating-overall">{care.stars(c.overall)}</p>
        {(!c.comment.is_empty()).then(|| view! { <p class="event-body">{c.comment}</p> })}
    }
}

#[component]
fn OpenComplaint(
    c: ComplaintView,
    now: chrono::DateTime<chrono::Utc>,
    record: ServerAction<RecordComplaintOutcome>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let care = locale.strings().care;
    let overdue = c.due_at < now;
    let id = format!("outcome-{}", c.number);
    let error = move || match record.value().get() {
        Some(Err(e)) => Some(crate::components::error_text(&e, i18n.locale())),
        _ => None,
    };
    view! {
        <article class="card complaint-item">
            <Head c=c.clone() />
            <p class=if overdue { "clock clock-breached" } else { "clock" }>
                {care.complaint_due} " "
                <time datetime=c.due_at.to_rfc3339()>{format_time(c.due_at, locale)}</time>
                {overdue.then(|| view! { " · " {care.complaint_overdue} })}
            </p>
            <ActionForm action=record attr:class="outcome-form">
                <input type="hidden" name="number" value=c.number.clone() />
                <div class="field">
                    <label for=id.clone()>{care.complaint_outcome_label}</label>
                    <textarea id=id name="outcome" rows="3" required maxlength="2000"></textarea>
                </div>
                <p class="field-error" role="alert">{error}</p>
                <button type="submit" class="button button-primary">{care.complaint_record}</button>
            </ActionForm>
        </article>
    }
}

#[component]
fn HandledComplaint(c: ComplaintView) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let care = locale.strings().care;
    view! {
        <article class="card complaint-item">
            <Head c=c.clone() />
            <p><strong>{care.complaint_outcome}</strong> " · " {c.handled_by.clone()}
                {c.closed_at.map(|at| view! { " · " <time datetime=at.to_rfc3339()>{format_time(at, locale)}</time> })}</p>
            <p class="event-body">{c.outcome}</p>
        </article>
    }
}
