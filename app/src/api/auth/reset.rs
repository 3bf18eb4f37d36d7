use crate::domain::account::AccountOutcome;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The choose-a-new-password form, carrying the token from the mailed link.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ResetForm {
    pub token: String,
    pub password: String,
    pub password_confirm: String,
}

/// Sets a new password with a reset link; the link is used up and every session ends.
#[server(endpoint = "auth/reset")]
pub async fn reset_password(form: ResetForm) -> Result<AccountOutcome, ServerFnError> {
    use super::super::ssr::{audit, back_to_form, hash_password, internal, services, token_hash};
    use crate::domain::account::AccountProblem;
    use crate::domain::password::check_password;
    use crate::ports::{TokenPurpose, TokenUse};

    let services = services()?;
    let refuse = |problem: AccountProblem| {
        back_to_form("/reset", problem.code(), &[("token", &form.token)]);
        Ok(AccountOutcome::Refused { problem })
    };
    let now = chrono::Utc::now();
    let hash = token_hash(&form.token);
    let link = |found: TokenUse| match found {
        TokenUse::Valid { user_id } => Ok(user_id),
        TokenUse::Expired => Err(AccountProblem::LinkExpired),
        TokenUse::Used => Err(AccountProblem::LinkUsed),
        TokenUse::Unknown => Err(AccountProblem::LinkInvalid),
    };
    // Look first, use up last: a refused password leaves the link working for another try.
    let peeked = services
        .store
        .peek_token(&hash, TokenPurpose::Reset, now)
        .await;
    let user_id = match link(peeked.map_err(internal)?) {
        Ok(id) => id,
        Err(problem) => return refuse(problem),
    };
    let Some(user) = services.store.user(user_id).await.map_err(internal)? else {
        return refuse(AccountProblem::NoSuchAccount);
    };
    if let Err(problem) = check_password(&form.password, &user.email) {
        return refuse(AccountProblem::Password { problem });
    }
    if form.password != form.password_confirm {
        return refuse(AccountProblem::PasswordsDiffer);
    }
    let used = services
        .store
        .consume_token(&hash, TokenPurpose::Reset, now)
        .await;
    if let Err(problem) = link(used.map_err(internal)?) {
        return refuse(problem);
    }
    let new_hash = hash_password(form.password).await.map_err(internal)?;
    services
        .store
        .set_password(user.id, &new_hash, None)
        .await
        .map_err(internal)?;
    audit(None, &user.email, "auth.reset", &user.email, "").await?;
    let next = "/login?reset=1".to_string();
    if super::super::ssr::is_plain_form_post() {
        leptos_axum::redirect(&next);
    }
    Ok(AccountOutcome::Done { next: Some(next) })
}
