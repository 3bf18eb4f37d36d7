//! The staff area: the ticket queue for agents; staff roles and the audit trail for admins.

use super::account::SignInPrompt;
use crate::api::auth::current_user;
use crate::api::staff::{staff_members, ticket_queue, SetStaffRoles};
use crate::components::account_form::{query_value, FormFeedback};
use crate::components::loading::Loading;
use crate::components::page_title::PageTitle;
use crate::components::ticket_list::TicketLines;
use crate::domain::auth::{may, Operation, Role, Viewer};
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// Staff landing page: what the signed-in person's roles allow.
#[component]
pub fn StaffPage() -> impl IntoView {
    let i18n = use_i18n();
    let me = Resource::new(|| (), |_| current_user());
    view! {
        <PageTitle pick=|s| s.staff_title />
        <h1>{i18n.t(|s| s.staff_title)}</h1>
        <p>{i18n.t(|s| s.staff_intro)}</p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let a = i18n.locale().strings().account;
                match me.await {
                    Ok(Some(v)) if v.is_staff() => view! { <StaffHome v /> }.into_any(),
                    Ok(Some(_)) => view! { <p>{a.staff_no_role}</p> }.into_any(),
                    _ => view! { <p>{a.staff_sign_in}</p> <SignInPrompt next="/staff" /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn StaffHome(v: Viewer) -> impl IntoView {
    let i18n = use_i18n();
    let a = move || i18n.locale().strings().account;
    let roles = v
        .roles
        .iter()
        .map(|r| a().role(*r))
        .collect::<Vec<_>>()
        .join(" · ");
    view! {
        <p>{move || a().signed_in_as} " " <strong>{v.display_name.clone()}</strong> " (" {roles} ")"</p>
        {may(Some(&v), Operation::ReadAudit).then(|| view! { <p><a class="button" href="/staff/audit">{move || a().audit_title}</a></p> })}
        {may(Some(&v), Operation::ManageSettings).then(|| view! { <p><a class="button" href="/staff/settings">{move || i18n.locale().strings().work.settings_title}</a></p> })}
        {may(Some(&v), Operation::EditKnowledge).then(|| view! { <p><a class="button button-primary" href="/staff/kb">{move || i18n.locale().strings().editor.title}</a> " " <a class="button" href="/staff/search">{move || i18n.locale().strings().kb.insights_title}</a> " " <a class="button" href="/staff/flows">{move || i18n.locale().strings().flows.staff_title}</a></p> })}
        {may(Some(&v), Operation::HandleComplaints).then(|| view! { <p><a class="button" href="/staff/complaints">{move || i18n.locale().strings().care.complaints_title}</a></p> })}
        {may(Some(&v), Operation::WorkTickets).then(|| view! {
            <p><a class="button button-primary" href="/console">{move || i18n.locale().strings().work.console_title}</a>
                " " <a class="button" href="/staff/canned">{move || i18n.locale().strings().care.canned_title}</a>
                " " <a class="button" href="/staff/teams">{move || i18n.locale().strings().care.teams_title}</a>
                " " <a class="button" href="/staff/incidents">{move || i18n.locale().strings().notify.inc_title}</a>
                " " <a class="button" href="/staff/notifications">{move || i18n.locale().strings().notify.log_title}</a>
                " " <a class="button" href="/staff/drafts">{move || i18n.locale().strings().care.drafts_title}</a></p>
            <Queue />
        })}
        {may(Some(&v), Operation::ManageStaff).then(|| view! { <StaffAdmin /> })}
    }
}

#[component]
fn Queue() -> impl IntoView {
    let i18n = use_i18n();
    let list = Resource::new(|| (), |_| ticket_queue());
    view! {
        <h2>{i18n.t(|s| s.account.queue_title)}</h2>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let list = list.await.unwrap_or_default();
                if list.is_empty() {
                    return view! { <p>{i18n.t(|s| s.account.queue_empty)}</p> }.into_any();
                }
                view! { <TicketLines list class="queue" /> }.into_any()
            })}
        </Suspense>
    }
}

#[component]
fn StaffAdmin() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<SetStaffRoles>::new();
    let outcome = Signal::derive(move || action.value().get());
    let members = Resource::new(move || action.version().get(), |_| staff_members());
    let saved = move || {
        !query_value("saved").is_empty()
            || matches!(
                action.value().get(),
                Some(Ok(crate::domain::account::AccountOutcome::Done { .. }))
            )
    };
    let a = move || i18n.locale().strings().account;
    view! {
        <h2>{move || a().staff_members}</h2>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                let a = i18n.locale().strings().account;
                let rows = members
                    .await
                    .unwrap_or_default()
                    .into_iter()
                    .map(|m| {
                        let roles = m.roles.iter().map(|r| a.role(*r)).collect::<Vec<_>>().join(" · ");
                        view! { <tr><td>{m.display_name}</td><td>{m.email}</td><td>{roles}</td></tr> }
                    })
                    .collect_view();
                view! {
                    <table class="data-table staff-table">
                        <thead><tr><th>{a.display_name}</th><th>{a.email}</th><th>{a.staff_roles}</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                }
            })}
        </Transition>
        <h3>{move || a().staff_grant_title}</h3>
        <p>{move || a().staff_grant_intro}</p>
        <Show when=saved>
            <p class="notice notice-success" role="status">{move || a().staff_saved}</p>
        </Show>
        <ActionForm action attr:class="account-form">
            <FormFeedback outcome />
            <div class="field">
                <label for="staff-email">{move || a().email}</label>
                <input id="staff-email" name="form[email]" type="email" required=true value=query_value("email") />
            </div>
            <fieldset class="field">
                <legend>{move || a().staff_roles}</legend>
                {Role::ALL
                    .into_iter()
                    .map(|r| {
                        let id = format!("role-{}", r.code());
                        view! {
                            <div class="checkbox">
                                <input id=id.clone() type="checkbox" name=format!("form[{}]", r.code()) value="on" />
                                <label for=id>{move || a().role(r)}</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <button type="submit" class="button button-primary">{move || a().staff_save}</button>
        </ActionForm>
    }
}
