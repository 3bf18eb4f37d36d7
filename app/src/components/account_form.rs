//! Pieces shared by the account forms: a plain labelled input and the outcome message.

use super::error_text;
use super::user_menu::reload_to;
use crate::domain::account::{AccountOutcome, AccountProblem};
use crate::i18n::{use_i18n, AccountStrings};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// What an account form's server call returned, if anything yet.
pub type Outcome = Signal<Option<Result<AccountOutcome, ServerFnError>>>;

/// A labelled input with an optional hint.
#[component]
pub fn PlainField(
    id: &'static str,
    name: &'static str,
    label: fn(&AccountStrings) -> &'static str,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(default = "")] autocomplete: &'static str,
    #[prop(into, default = String::new())] value: String,
    #[prop(default = None)] hint: Option<fn(&AccountStrings) -> &'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id>{move || label(i18n.locale().strings().account)}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{move || h(i18n.locale().strings().account)}</p> })}
            <input
                id=id
                name=name
                type=input_type
                autocomplete=autocomplete
                value=value
                required=true
                aria-describedby=hint.map(|_| hint_id.clone())
            />
        </div>
    }
}

/// The problem a browser without JavaScript was sent back with (`?error=`).
pub fn problem_from_query() -> Option<AccountProblem> {
    let query = use_query_map();
    let code = query.read_untracked().get("error")?;
    AccountProblem::from_code(&code)
}

/// A query value, read once.
pub fn query_value(name: &str) -> String {
    use_query_map()
        .read_untracked()
        .get(name)
        .unwrap_or_default()
}

/// Shows the form's refusal or failure, and leaves for the next page when it is done.
#[component]
pub fn FormFeedback(outcome: Outcome) -> impl IntoView {
    let i18n = use_i18n();
    let initial = problem_from_query();
    Effect::new(move |_| {
        if let Some(Ok(AccountOutcome::Done { next: Some(next) })) = outcome.get() {
            reload_to(&next);
        }
    });
    let message = move || {
        let locale = i18n.locale();
        match outcome.get() {
            Some(Ok(AccountOutcome::Refused { problem })) => {
                Some(locale.strings().account.problem(problem).to_string())
            }
            Some(Err(e)) => Some(error_text(&e, locale)),
            Some(Ok(_)) => None,
            None => initial.map(|p| locale.strings().account.problem(p).to_string()),
        }
    };
    view! {
        <div class="form-feedback" role="alert" aria-live="assertive">
            {move || message().map(|m| view! { <p class="notice notice-error">{m}</p> })}
        </div>
    }
}

/// Percent-encodes a query value for a link.
pub fn encode(v: &str) -> String {
    v.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
