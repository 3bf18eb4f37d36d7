//! The admins' service settings: SLA targets, the service calendar and lifecycle windows.

use super::account::SignInPrompt;
use crate::api::staff::{service_settings, SaveServiceSettings, SettingsOutcome};
use crate::components::account_form::query_value;
use crate::components::loading::Loading;
use crate::components::page_title::PageTitle;
use crate::domain::settings_form::SettingsForm;
use crate::domain::ticket::{Code, Priority};
use crate::i18n::{use_i18n, Strings};
use leptos::prelude::*;

/// The settings page at `/staff/settings`.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveServiceSettings>::new();
    // Without JavaScript a refused form comes back in the address, as typed.
    let kept: Option<SettingsForm> = serde_json::from_str(&query_value("form")).ok();
    let stored = Resource::new(|| (), |_| service_settings());
    view! {
        <PageTitle pick=|s| s.work.settings_title />
        <h1>{i18n.t(|s| s.work.settings_title)}</h1>
        <p>{i18n.t(|s| s.work.settings_intro)}</p>
        <Suspense fallback=Loading>
            {move || {
                let kept = kept.clone();
                Suspend::new(async move {
                    match (kept, stored.await) {
                        (Some(form), _) | (None, Ok(form)) => {
                            view! { <SettingsFormView form save /> }.into_any()
                        }
                        (None, Err(_)) => view! { <SignInPrompt next="/staff/settings" /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn SettingsFormView(form: SettingsForm, save: ServerAction<SaveServiceSettings>) -> impl IntoView {
    let locale = use_i18n().locale();
    let w = locale.strings().work;
    let first_problem = form.parse().err();
    let feedback = move || {
        let problem = match save.value().get() {
            Some(Ok(SettingsOutcome::Saved)) => return Some((true, w.settings_saved.to_string())),
            Some(Ok(SettingsOutcome::Invalid { field, problem })) => Some((field, problem)),
            Some(Err(e)) => return Some((false, crate::components::error_text(&e, locale))),
            None if !query_value("saved").is_empty() => {
                return Some((true, w.settings_saved.to_string()))
            }
            None => first_problem.map(|(f, p)| (f.to_string(), p)),
        };
        problem.map(|(field, p)| {
            (
                false,
                format!(
                    "{} — {}",
                    label(locale.strings(), &field),
                    w.settings_problem(p)
                ),
            )
        })
    };
    let targets = [
        (
            "urgent",
            label(locale.strings(), "urgent"),
            &form.urgent_respond,
            &form.urgent_resolve,
        ),
        (
            "important",
            label(locale.strings(), "important"),
            &form.important_respond,
            &form.important_resolve,
        ),
        (
            "normal",
            label(locale.strings(), "normal"),
            &form.normal_respond,
            &form.normal_resolve,
        ),
        (
            "global",
            w.settings_global.to_string(),
            &form.global_respond,
            &form.global_resolve,
        ),
    ]
    .map(|(key, name, respond, resolve)| {
        let respond_label = format!("{name} · {}", w.settings_respond);
        let resolve_label = format!("{name} · {}", w.settings_resolve);
        view! {
            <tr>
                <th scope="row">{name}</th>
                <td><input type="number" min="1" required aria-label=respond_label
                    name=format!("form[{key}_respond]") value=respond.clone() /></td>
                <td><input type="number" min="1" required aria-label=resolve_label
                    name=format!("form[{key}_resolve]") value=resolve.clone() /></td>
            </tr>
        }
    });
    let days = [
        ("mon", w.mon, &form.mon),
        ("tue", w.tue, &form.tue),
        ("wed", w.wed, &form.wed),
        ("thu", w.thu, &form.thu),
        ("fri", w.fri, &form.fri),
        ("sat", w.sat, &form.sat),
        ("sun", w.sun, &form.sun),
    ]
    .map(|(key, name, on)| {
        view! {
            <label class="check">
                <input type="checkbox" name=format!("form[{key}]") value="on" checked=on.is_some() />
                {name}
            </label>
        }
    });
    let business = form.mode == "business";
    view! {
        <ActionForm action=save attr:class="settings-form">
            {move || feedback().map(|(ok, text)| {
                let class = if ok { "notice notice-success" } else { "notice notice-error" };
                view! { <p class=class role=if ok { "status" } else { "alert" }>{text}</p> }
            })}
            <fieldset>
                <legend>{w.settings_targets}</legend>
                <table class="settings-targets">
                    <thead><tr><td></td><th scope="col">{w.settings_respond}</th><th scope="col">{w.settings_resolve}</th></tr></thead>
                    <tbody>{targets}</tbody>
                </table>
            </fieldset>
            <fieldset>
                <legend>{w.settings_calendar}</legend>
                <label class="check"><input type="radio" name="form[mode]" value="always" checked=!business />{w.settings_always}</label>
                <label class="check"><input type="radio" name="form[mode]" value="business" checked=business />{w.settings_business}</label>
                <div class="field">
                    <label for="s-hours">{w.settings_hours}</label>
                    <input id="s-hours" name="form[hours]" value=form.hours.clone() />
                </div>
                <fieldset class="weekdays">
                    <legend>{w.settings_weekdays}</legend>
                    {days}
                </fieldset>
                <div class="field">
                    <label for="s-offset">{w.settings_offset}</label>
                    <input id="s-offset" name="form[utc_offset]" value=form.utc_offset.clone() />
                </div>
                <div class="field">
                    <label for="s-holidays">{w.settings_holidays}</label>
                    <textarea id="s-holidays" name="form[holidays]" rows="4">{form.holidays.clone()}</textarea>
                </div>
                <div class="field">
                    <label for="s-workdays">{w.settings_workdays}</label>
                    <textarea id="s-workdays" name="form[workdays]" rows="3">{form.workdays.clone()}</textarea>
                </div>
            </fieldset>
            <fieldset>
                <legend>{w.settings_lifecycle}</legend>
                <div class="field">
                    <label for="s-reopen">{w.settings_reopen}</label>
                    <input id="s-reopen" type="number" min="0" max="365" name="form[reopen_days]" value=form.reopen_days.clone() />
                </div>
                <div class="field">
                    <label for="s-quiet">{w.settings_quiet}</label>
                    <input id="s-quiet" type="number" min="0" max="365" name="form[quiet_days]" value=form.quiet_days.clone() />
                </div>
            </fieldset>
            <button type="submit" class="button button-primary">{w.settings_save}</button>
        </ActionForm>
    }
}

/// The label of a settings field, for the error line.
fn label(s: &Strings, field: &str) -> String {
    let w = s.work;
    let (row, col) = field.rsplit_once('_').unwrap_or((field, ""));
    let col = match col {
        "respond" => w.settings_respond,
        "resolve" => w.settings_resolve,
        _ => "",
    };
    let row = match (row, field) {
        (_, "hours") => w.settings_hours,
        (_, "utc_offset") => w.settings_offset,
        (_, "holidays") => w.settings_holidays,
        (_, "workdays") => w.settings_workdays,
        (_, "reopen_days") => w.settings_reopen,
        (_, "quiet_days") => w.settings_quiet,
        (_, "mon") => w.settings_weekdays,
        ("global", _) => w.settings_global,
        _ => Priority::from_code(row).map_or(row, |p| s.priority(p).0),
    };
    if col.is_empty() {
        row.to_string()
    } else {
        format!("{row} · {col}")
    }
}
