use crate::domain::account::AccountOutcome;
use crate::i18n::Locale;
use leptos::prelude::*;

/// Mails a single-use reset link when the address has an account. The answer is the same
/// either way, so the form cannot be used to find out who is registered.
#[server(endpoint = "auth/forgot")]
pub async fn forgot_password(
    email: String,
    locale: Locale,
) -> Result<AccountOutcome, ServerFnError> {
    use super::super::ssr::{audit, client_ip, internal, rate_limit, services};
    use crate::domain::account::normalise_email;
    use crate::ports::TokenPurpose;

    let services = services()?;
    let email = normalise_email(&email);
    rate_limit(
        &format!("reset:ip:{}", client_ip()),
        services.limits.reset_per_ip,
    )?;
    rate_limit(
        &format!("reset:acct:{email}"),
        services.limits.reset_per_account,
    )?;
    let user = services
        .store
        .user_by_email(&email)
        .await
        .map_err(internal)?;
    if let Some(user) = user.filter(|u| !u.disabled) {
        super::send_link(user.id, &user.email, TokenPurpose::Reset, locale).await?;
        audit(None, &email, "auth.reset_requested", &email, "").await?;
    }
    let next = "/forgot?sent=1".to_string();
    if super::super::ssr::is_plain_form_post() {
        leptos_axum::redirect(&next);
    }
    Ok(AccountOutcome::Done { next: Some(next) })
}
