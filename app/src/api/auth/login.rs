use crate::domain::account::AccountOutcome;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The login form.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LoginForm {
    pub email: String,
    pub password: String,
    /// Where to go afterwards (a local path).
    #[serde(default)]
    pub next: String,
}

/// Signs in with e-mail and password. Failures never say whether the address is registered,
/// and repeated failures make the next attempt wait longer.
#[server(endpoint = "auth/login")]
pub async fn login(form: LoginForm) -> Result<AccountOutcome, ServerFnError> {
    use super::super::ssr::{
        audit, back_to_form, check_backoff, client_ip, internal, rate_limit, record_attempt,
        services, start_session, verify_password, viewer_of,
    };
    use crate::domain::account::{normalise_email, AccountProblem};

    let services = services()?;
    let ip = client_ip();
    // Bounded, so failed attempts cannot fill the audit trail with huge "addresses".
    let email: String = normalise_email(&form.email).chars().take(254).collect();
    let ip_key = format!("login:ip:{ip}");
    let account_key = format!("login:acct:{email}");
    check_backoff(&account_key, services.limits.free_failures)?;
    check_backoff(&ip_key, services.limits.free_failures_ip)?;
    rate_limit(&ip_key, services.limits.login_per_ip)?;

    let user = services
        .store
        .user_by_email(&email)
        .await
        .map_err(internal)?;
    let hash = user
        .as_ref()
        .filter(|u| !u.disabled)
        .and_then(|u| u.password_hash.clone());
    let ok = verify_password(form.password, hash).await;
    record_attempt(&[&account_key, &ip_key], ok)?;
    let Some(user) = user.filter(|_| ok) else {
        audit(None, &email, "auth.login_failed", &email, "").await?;
        back_to_form(
            "/login",
            AccountProblem::BadCredentials.code(),
            &[("email", &email)],
        );
        return Ok(AccountOutcome::Refused {
            problem: AccountProblem::BadCredentials,
        });
    };
    start_session(user.id, &ip).await?;
    let viewer = viewer_of(&user);
    audit(Some(&viewer), "", "auth.login", &viewer.email, "").await?;
    let next = if is_local_path(&form.next) {
        form.next
    } else if viewer.is_staff() {
        "/staff".to_string()
    } else {
        "/tickets".to_string()
    };
    if super::super::ssr::is_plain_form_post() {
        leptos_axum::redirect(&next);
    }
    Ok(AccountOutcome::Done { next: Some(next) })
}

/// Only same-site paths are followed after login (no open redirects).
pub fn is_local_path(p: &str) -> bool {
    p.starts_with('/') && !p.starts_with("//") && !p.contains('\\')
}
