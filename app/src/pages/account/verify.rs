use crate::api::auth::{VerifyEmail, VerifyOutcome};
use crate::components::account_form::{problem_from_query, query_value};
use crate::components::error_text;
use crate::components::page_title::PageTitle;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// Confirms an e-mail address: the link opens this page, a button press confirms.
#[component]
pub fn VerifyPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<VerifyEmail>::new();
    let initial_done = query_value("done").parse::<u64>().ok();
    let initial_problem = problem_from_query();
    let token = StoredValue::new(query_value("token"));
    let result = move || {
        let a = i18n.locale().strings().account;
        match action.value().get() {
            Some(Ok(VerifyOutcome::Verified { claimed })) => Some(Ok(claimed)),
            Some(Ok(VerifyOutcome::Refused { problem })) => {
                Some(Err(a.problem(problem).to_string()))
            }
            Some(Err(e)) => Some(Err(error_text(&e, i18n.locale()))),
            None => initial_done
                .map(Ok)
                .or_else(|| initial_problem.map(|p| Err(a.problem(p).to_string()))),
        }
    };
    view! {
        <PageTitle pick=|s| s.account.verify_title />
        <h1>{i18n.t(|s| s.account.verify_title)}</h1>
        {move || {
            let a = i18n.locale().strings().account;
            match result() {
                Some(Ok(claimed)) => view! {
                    <p class="notice notice-success" role="status">
                        {a.verify_done}
                        {(claimed > 0).then(|| view! { " " {a.verify_claimed} " " {claimed} })}
                    </p>
                    <a class="button" href="/tickets">{i18n.t(|s| s.nav_my_tickets)}</a>
                }
                    .into_any(),
                other => view! {
                    {other.and_then(Result::err).map(|m| view! { <p class="notice notice-error" role="alert">{m}</p> })}
                    <ActionForm action attr:class="account-form">
                        <input type="hidden" name="token" value=token.get_value() />
                        <button type="submit" class="button button-primary">{a.verify_title}</button>
                    </ActionForm>
                }
                    .into_any(),
            }
        }}
    }
}
