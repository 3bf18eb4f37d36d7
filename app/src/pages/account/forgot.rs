use crate::api::auth::ForgotPassword;
use crate::components::account_form::{query_value, FormFeedback, PlainField};
use crate::components::page_title::PageTitle;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// Asks for a password-reset link.
#[component]
pub fn ForgotPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<ForgotPassword>::new();
    let outcome = Signal::derive(move || action.value().get());
    let sent_before = !query_value("sent").is_empty();
    let sent = move || sent_before || matches!(action.value().get(), Some(Ok(_)));
    view! {
        <PageTitle pick=|s| s.account.forgot_title />
        <h1>{i18n.t(|s| s.account.forgot_title)}</h1>
        <p>{i18n.t(|s| s.account.forgot_intro)}</p>
        <Show when=sent>
            <p class="notice notice-success" role="status">{i18n.t(|s| s.account.forgot_sent)}</p>
        </Show>
        <ActionForm action attr:class="account-form">
            <FormFeedback outcome=Signal::derive(move || outcome.get().filter(Result::is_err)) />
            <input type="hidden" name="locale" value=move || i18n.locale().code() />
            <PlainField id="email" name="email" label=|a| a.email input_type="email" autocomplete="email" value=query_value("email") />
            <button type="submit" class="button button-primary" disabled=move || action.pending().get()>
                {i18n.t(|s| s.account.forgot_submit)}
            </button>
        </ActionForm>
    }
}
