use crate::api::auth::ResetPassword;
use crate::components::account_form::{query_value, FormFeedback, PlainField};
use crate::components::page_title::PageTitle;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// Chooses a new password with the token from the mailed link.
#[component]
pub fn ResetPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<ResetPassword>::new();
    let outcome = Signal::derive(move || action.value().get());
    view! {
        <PageTitle pick=|s| s.account.reset_title />
        <h1>{i18n.t(|s| s.account.reset_title)}</h1>
        <ActionForm action attr:class="account-form">
            <FormFeedback outcome />
            <input type="hidden" name="form[token]" value=query_value("token") />
            <PlainField id="password" name="form[password]" label=|a| a.new_password input_type="password" autocomplete="new-password" hint=Some(|a| a.password_hint) />
            <PlainField id="password_confirm" name="form[password_confirm]" label=|a| a.password_confirm input_type="password" autocomplete="new-password" />
            <button type="submit" class="button button-primary" disabled=move || action.pending().get()>
                {i18n.t(|s| s.account.reset_submit)}
            </button>
        </ActionForm>
        <p><a href="/forgot">{i18n.t(|s| s.account.forgot_link)}</a></p>
    }
}
