use crate::domain::account::AccountOutcome;
use crate::i18n::Locale;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The registration form.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RegisterForm {
    pub display_name: String,
    pub email: String,
    pub password: String,
    pub password_confirm: String,
}

/// Creates a customer account, signs it in and mails a link that confirms the address.
#[server(endpoint = "auth/register")]
pub async fn register(form: RegisterForm, locale: Locale) -> Result<AccountOutcome, ServerFnError> {
    use super::super::ssr::{
        audit, back_to_form, client_ip, hash_password, internal, rate_limit, services,
        start_session,
    };
    use crate::domain::account::{normalise_email, AccountProblem};
    use crate::domain::password::check_password;
    use crate::domain::validation::is_plausible_email;
    use crate::ports::{NewUser, TokenPurpose};

    let services = services()?;
    let ip = client_ip();
    let email = normalise_email(&form.email);
    let name = form.display_name.trim().to_string();
    let problem = if name.is_empty() || name.chars().count() > 100 {
        Some(AccountProblem::NameRequired)
    } else if !is_plausible_email(&email) || email.len() > 254 {
        Some(AccountProblem::InvalidEmail)
    } else if let Err(problem) = check_password(&form.password, &email) {
        Some(AccountProblem::Password { problem })
    } else if form.password != form.password_confirm {
        Some(AccountProblem::PasswordsDiffer)
    } else {
        None
    };
    let keep = [("email", email.as_str()), ("name", name.as_str())];
    if let Some(problem) = problem {
        back_to_form("/register", problem.code(), &keep);
        return Ok(AccountOutcome::Refused { problem });
    }
    rate_limit(
        &format!("register:ip:{ip}"),
        services.limits.register_per_ip,
    )?;
    let hash = hash_password(form.password).await.map_err(internal)?;
    let created = services
        .store
        .create_user(NewUser {
            email: email.clone(),
            display_name: name.clone(),
            password_hash: hash,
            locale,
            roles: Vec::new(),
            verified: false,
            created_at: chrono::Utc::now(),
        })
        .await
        .map_err(internal)?;
    let Some(user_id) = created else {
        back_to_form("/register", AccountProblem::EmailTaken.code(), &keep);
        return Ok(AccountOutcome::Refused {
            problem: AccountProblem::EmailTaken,
        });
    };
    start_session(user_id, &ip).await?;
    super::send_link(user_id, &email, TokenPurpose::Verify, locale).await?;
    audit(None, &email, "auth.register", &email, "").await?;
    let next = "/account?welcome=1".to_string();
    if super::super::ssr::is_plain_form_post() {
        leptos_axum::redirect(&next);
    }
    Ok(AccountOutcome::Done { next: Some(next) })
}
