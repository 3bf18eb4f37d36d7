use crate::api::auth::Login;
use crate::components::account_form::{query_value, FormFeedback, PlainField};
use crate::components::page_title::PageTitle;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The login page.
#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<Login>::new();
    let outcome = Signal::derive(move || action.value().get());
    let reset_done = !query_value("reset").is_empty();
    view! {
        <PageTitle pick=|s| s.account.login_title />
        <h1>{i18n.t(|s| s.account.login_title)}</h1>
        {reset_done.then(|| view! { <p class="notice notice-success" role="status">{i18n.t(|s| s.account.reset_done)}</p> })}
        <ActionForm action attr:class="account-form">
            <FormFeedback outcome />
            <input type="hidden" name="form[next]" value=query_value("next") />
            <PlainField id="email" name="form[email]" label=|a| a.email input_type="email" autocomplete="username" value=query_value("email") />
            <PlainField id="password" name="form[password]" label=|a| a.password input_type="password" autocomplete="current-password" />
            <button type="submit" class="button button-primary" disabled=move || action.pending().get()>
                {i18n.t(|s| s.account.login_submit)}
            </button>
        </ActionForm>
        <p><a href="/forgot">{i18n.t(|s| s.account.forgot_link)}</a></p>
        <p><a href="/register">{i18n.t(|s| s.account.no_account)}</a></p>
    }
}
