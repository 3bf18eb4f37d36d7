use crate::domain::account::AccountOutcome;
use leptos::prelude::*;

/// Erases the signed-in person's personal details after they confirm with their password.
#[server(endpoint = "account/erase")]
pub async fn erase_my_data(
    password: String,
    confirm: Option<String>,
) -> Result<AccountOutcome, ServerFnError> {
    use super::super::ssr::{
        audit, back_to_form, current_session, internal, services, set_cookie_secs, verify_password,
        viewer_of, SESSION_COOKIE,
    };
    use crate::domain::account::AccountProblem;

    let Some((_, user)) = current_session().await? else {
        back_to_form("/login", AccountProblem::NotSignedIn.code(), &[]);
        return Ok(AccountOutcome::Refused {
            problem: AccountProblem::NotSignedIn,
        });
    };
    if confirm.is_none() || !verify_password(password, user.password_hash.clone()).await {
        back_to_form("/account", AccountProblem::CurrentPasswordWrong.code(), &[]);
        return Ok(AccountOutcome::Refused {
            problem: AccountProblem::CurrentPasswordWrong,
        });
    }
    let viewer = viewer_of(&user);
    // The audit record keeps the account id, not the address: it must survive the erasure.
    audit(
        Some(&viewer),
        "",
        "privacy.erase",
        &format!("user:{}", user.id),
        "",
    )
    .await?;
    services()?
        .store
        .erase_user(user.id, chrono::Utc::now())
        .await
        .map_err(internal)?;
    set_cookie_secs(SESSION_COOKIE, "", 0);
    let next = "/?erased=1".to_string();
    if super::super::ssr::is_plain_form_post() {
        leptos_axum::redirect(&next);
    }
    Ok(AccountOutcome::Done { next: Some(next) })
}
