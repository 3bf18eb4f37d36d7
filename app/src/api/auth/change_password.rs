use crate::domain::account::AccountOutcome;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The change-password form.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ChangePasswordForm {
    pub current: String,
    pub password: String,
    pub password_confirm: String,
}

/// Changes the signed-in person's password; their other sessions end.
#[server(endpoint = "auth/change-password")]
pub async fn change_password(form: ChangePasswordForm) -> Result<AccountOutcome, ServerFnError> {
    use super::super::ssr::{
        audit, back_to_form, current_session, hash_password, internal, services, verify_password,
        viewer_of,
    };
    use crate::domain::account::AccountProblem;
    use crate::domain::password::check_password;

    let Some((session, user)) = current_session().await? else {
        back_to_form("/login", AccountProblem::NotSignedIn.code(), &[]);
        return Ok(AccountOutcome::Refused {
            problem: AccountProblem::NotSignedIn,
        });
    };
    let refuse = |problem: AccountProblem| {
        back_to_form("/account", problem.code(), &[]);
        Ok(AccountOutcome::Refused { problem })
    };
    if !verify_password(form.current, user.password_hash.clone()).await {
        return refuse(AccountProblem::CurrentPasswordWrong);
    }
    if let Err(problem) = check_password(&form.password, &user.email) {
        return refuse(AccountProblem::Password { problem });
    }
    if form.password != form.password_confirm {
        return refuse(AccountProblem::PasswordsDiffer);
    }
    let hash = hash_password(form.password).await.map_err(internal)?;
    services()?
        .store
        .set_password(user.id, &hash, Some(&session.token_hash))
        .await
        .map_err(internal)?;
    let viewer = viewer_of(&user);
    audit(
        Some(&viewer),
        "",
        "auth.password_changed",
        &viewer.email,
        "",
    )
    .await?;
    let next = "/account?changed=1".to_string();
    if super::super::ssr::is_plain_form_post() {
        leptos_axum::redirect(&next);
    }
    Ok(AccountOutcome::Done { next: Some(next) })
}
