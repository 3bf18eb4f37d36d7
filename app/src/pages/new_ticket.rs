//! The open-a-ticket form. With JavaScript it submits in place; without, it posts and the
//! server redirects to the ticket or back here with the draft (what was typed, and the errors).
//! Query parameters (`subject`, `description`, `category`, …) prefill it, for escalations.

use crate::api::tickets::{load_draft, CreateTicket, CreateTicketOutcome, Draft};
use crate::components::field::{RadioGroup, SelectField, TextArea, TextField};
use crate::components::file_picker::FilePicker;
use crate::components::loading::Loading;
use crate::components::page_title::PageTitle;
use crate::domain::ticket::TicketForm as Fields;
use crate::domain::validation::{limits, Field, FieldError};
use crate::i18n::{use_i18n, Strings};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

/// The ticket form page.
#[component]
pub fn NewTicketPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let draft = Resource::new(
        move || query.read().get("draft"),
        |id| async move {
            match id {
                Some(id) => load_draft(id).await.ok().flatten(),
                None => None,
            }
        },
    );
    // A diagnosis flow that could not solve the problem escalates here with what it learned.
    let prefill = move || {
        let q = query.read_untracked();
        let get = |k: &str| q.get(k).unwrap_or_default();
        Draft {
            form: Fields {
                subject: get("subject"),
                description: get("description"),
                category: get("category"),
                priority: get("priority"),
                impact: get("impact"),
                device: get("device"),
                software_version: get("software_version"),
                started: get("started"),
                ..Default::default()
            },
            errors: Vec::new(),
        }
    };
    view! {
        <PageTitle pick=|s| s.ticket_new_title />
        <h1>{i18n.t(|s| s.ticket_new_title)}</h1>
        <p>{i18n.t(|s| s.ticket_new_intro)}</p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let draft = draft.await.unwrap_or_else(prefill);
                view! { <TicketForm draft /> }
            })}
        </Suspense>
    }
}

/// The form itself, filled from `draft`.
#[component]
fn TicketForm(draft: Draft) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<CreateTicket>::new();
    let initial_errors = draft.errors;
    let failed = Memo::new(move |_| matches!(action.value().get(), Some(Err(_))));
    let errors: Signal<Vec<FieldError>> = Signal::derive(move || match action.value().get() {
        Some(Ok(CreateTicketOutcome::Invalid { errors })) => errors,
        Some(_) => Vec::new(),
        None => initial_errors.clone(),
    });
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(CreateTicketOutcome::Created { href, .. })) = action.value().get() {
            navigate(&href, Default::default());
        }
    });
    let f = draft.form;
    view! {
        <ActionForm action attr:class="ticket-form" attr:novalidate=true>
            <input type="hidden" name="locale" value=move || i18n.locale().code() />
            <ErrorSummary errors />
            <Show when=move || failed.get()>
                <div class="notice notice-error" role="alert">{i18n.t(|s| s.error_generic)}</div>
            </Show>
            <fieldset class="section">
                <legend>{i18n.t(|s| s.section_contact)}</legend>
                <TextField field=Field::ContactName errors value=f.contact_name required=true autocomplete="name" max=limits::NAME />
                <TextField field=Field::ContactEmail errors value=f.contact_email required=true input_type="email" autocomplete="email" max=limits::EMAIL />
                <TextField field=Field::ContactPhone errors value=f.contact_phone input_type="tel" autocomplete="tel" max=limits::PHONE />
                <TextField field=Field::Organisation errors value=f.organisation autocomplete="organization" max=limits::ORGANISATION />
            </fieldset>
            <fieldset class="section">
                <legend>{i18n.t(|s| s.section_classification)}</legend>
                <SelectField field=Field::Category errors value=f.category label=Strings::category />
                <RadioGroup field=Field::Priority errors value=f.priority label=Strings::priority />
                <RadioGroup field=Field::Impact errors value=f.impact label=Strings::impact />
            </fieldset>
            <fieldset class="section">
                <legend>{i18n.t(|s| s.section_problem)}</legend>
                <TextField field=Field::Subject errors value=f.subject required=true max=limits::SUBJECT />
                <TextArea field=Field::Description errors value=f.description required=true hint=|s| s.field_description_hint max=limits::DESCRIPTION />
                <TextField field=Field::Started errors value=f.started hint=|s| s.field_started_hint max=limits::SHORT_TEXT />
                <TextField field=Field::Device errors value=f.device hint=|s| s.field_device_hint max=limits::SHORT_TEXT />
                <TextField field=Field::SoftwareVersion errors value=f.software_version max=limits::SHORT_TEXT />
                <FilePicker id="ticket-files" name="attachments" />
            </fieldset>
            <button type="submit" class="button button-primary" disabled=move || action.pending().get()>
                {move || {
                    let s = i18n.locale().strings();
                    if action.pending().get() { s.submitting } else { s.submit_ticket }
                }}
            </button>
        </ActionForm>
    }
}

/// Every error at the top of the form, each linking to its field.
#[component]
fn ErrorSummary(errors: Signal<Vec<FieldError>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Show when=move || !errors.with(Vec::is_empty)>
            <div class="error-summary" role="alert" tabindex="-1">
                <h2>{i18n.t(|s| s.errors_summary)}</h2>
                <ul>
                    {move || {
                        let s = i18n.locale().strings();
                        errors
                            .get()
                            .into_iter()
                            .map(|e| {
                                let href = format!("#{}", e.field.input_id());
                                view! { <li><a href=href>{s.field(e.field)} ": " {s.problem(e.problem)}</a></li> }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}
