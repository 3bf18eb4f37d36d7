use crate::api::auth::Register;
use crate::components::account_form::{query_value, FormFeedback, PlainField};
use crate::components::page_title::PageTitle;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The registration page.
#[component]
pub fn RegisterPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<Register>::new();
    let outcome = Signal::derive(move || action.value().get());
    view! {
        <PageTitle pick=|s| s.account.register_title />
        <h1>{i18n.t(|s| s.account.register_title)}</h1>
        <p>{i18n.t(|s| s.account.register_intro)}</p>
        <ActionForm action attr:class="account-form">
            <FormFeedback outcome />
            <input type="hidden" name="locale" value=move || i18n.locale().code() />
            <PlainField id="display_name" name="form[display_name]" label=|a| a.display_name autocomplete="name" value=query_value("name") />
            <PlainField id="email" name="form[email]" label=|a| a.email input_type="email" autocomplete="email" value=query_value("email") />
            <PlainField id="password" name="form[password]" label=|a| a.password input_type="password" autocomplete="new-password" hint=Some(|a| a.password_hint) />
            <PlainField id="password_confirm" name="form[password_confirm]" label=|a| a.password_confirm input_type="password" autocomplete="new-password" />
            <button type="submit" class="button button-primary" disabled=move || action.pending().get()>
                {i18n.t(|s| s.account.register_submit)}
            </button>
        </ActionForm>
        <p><a href="/login">{i18n.t(|s| s.account.have_account)}</a></p>
    }
}
