use crate::api::account::EraseMyData;
use crate::api::auth::{current_user, ChangePassword};
use crate::components::account_form::{query_value, FormFeedback, PlainField};
use crate::components::loading::Loading;
use crate::components::page_title::PageTitle;
use crate::domain::auth::Viewer;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The signed-in person's account: address, password, their data.
#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = use_i18n();
    let me = Resource::new(|| (), |_| current_user());
    view! {
        <PageTitle pick=|s| s.account.account_title />
        <h1>{i18n.t(|s| s.account.account_title)}</h1>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match me.await {
                    Ok(Some(v)) => view! { <AccountBody v /> }.into_any(),
                    _ => view! { <SignInPrompt next="/account" /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Asks a signed-out visitor to log in and come back to `next`.
#[component]
pub fn SignInPrompt(next: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p>{i18n.t(|s| s.account.err_signed_out)}</p>
        <a class="button button-primary" href=format!("/login?next={next}")>{i18n.t(|s| s.account.login)}</a>
    }
}

#[component]
fn AccountBody(v: Viewer) -> impl IntoView {
    let i18n = use_i18n();
    let change = ServerAction::<ChangePassword>::new();
    let erase = ServerAction::<EraseMyData>::new();
    let change_outcome = Signal::derive(move || change.value().get());
    let erase_outcome = Signal::derive(move || erase.value().get());
    let welcome = !query_value("welcome").is_empty();
    let changed = !query_value("changed").is_empty();
    let a = move || i18n.locale().strings().account;
    view! {
        {welcome.then(|| view! { <p class="notice notice-success" role="status">{move || a().account_welcome}</p> })}
        {changed.then(|| view! { <p class="notice notice-success" role="status">{move || a().password_changed}</p> })}
        <dl class="ticket-facts">
            <dt>{move || a().display_name}</dt>
            <dd>{v.display_name.clone()}</dd>
            <dt>{move || a().email}</dt>
            <dd>
                {v.email.clone()} " · "
                {move || if v.email_verified { a().account_verified } else { a().account_unverified }}
            </dd>
        </dl>
        <p><a class="button" href="/tickets">{i18n.t(|s| s.nav_my_tickets)}</a></p>
        <h2>{move || a().change_password}</h2>
        <ActionForm action=change attr:class="account-form">
            <FormFeedback outcome=change_outcome />
            <PlainField id="current" name="form[current]" label=|a| a.current_password input_type="password" autocomplete="current-password" />
            <PlainField id="password" name="form[password]" label=|a| a.new_password input_type="password" autocomplete="new-password" hint=Some(|a| a.password_hint) />
            <PlainField id="password_confirm" name="form[password_confirm]" label=|a| a.password_confirm input_type="password" autocomplete="new-password" />
            <button type="submit" class="button button-primary">{move || a().change_password_submit}</button>
        </ActionForm>
        <super::notify_prefs::NotifyPrefs />
        <h2>{move || a().privacy_title}</h2>
        <p>{move || a().privacy_intro}</p>
        <p><a class="button" href="/api/account/export" download="my-data.json">{move || a().export_link}</a></p>
        <h3>{move || a().erase_title}</h3>
        <p>{move || a().erase_intro}</p>
        <ActionForm action=erase attr:class="account-form danger-zone">
            <FormFeedback outcome=erase_outcome />
            <PlainField id="erase-password" name="password" label=|a| a.current_password input_type="password" autocomplete="current-password" />
            <div class="field checkbox">
                <input id="erase-confirm" type="checkbox" name="confirm" value="yes" required=true />
                <label for="erase-confirm">{move || a().erase_confirm}</label>
            </div>
            <button type="submit" class="button button-danger">{move || a().erase_submit}</button>
        </ActionForm>
    }
}
