use crate::domain::account::AccountProblem;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What confirming an address did.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum VerifyOutcome {
    /// Confirmed; `claimed` earlier guest tickets joined the account.
    Verified {
        claimed: u64,
    },
    Refused {
        problem: AccountProblem,
    },
}

/// Confirms an e-mail address with the mailed link (a button press, not the page load, so mail
/// scanners that open links cannot use it up) and claims the guest tickets of that address.
#[server(endpoint = "auth/verify")]
pub async fn verify_email(token: String) -> Result<VerifyOutcome, ServerFnError> {
    use super::super::ssr::{audit, back_to_form, internal, services, token_hash};
    use crate::ports::{TokenPurpose, TokenUse};

    let services = services()?;
    let now = chrono::Utc::now();
    let used = services
        .store
        .consume_token(&token_hash(&token), TokenPurpose::Verify, now)
        .await
        .map_err(internal)?;
    let problem = match used {
        TokenUse::Valid { user_id } => {
            let claimed = services
                .store
                .verify_email(user_id, now)
                .await
                .map_err(internal)?;
            let email = services
                .store
                .user(user_id)
                .await
                .map_err(internal)?
                .map(|u| u.email)
                .unwrap_or_default();
            audit(
                None,
                &email,
                "auth.verified",
                &email,
                &format!("claimed={claimed}"),
            )
            .await?;
            if super::super::ssr::is_plain_form_post() {
                leptos_axum::redirect(&format!("/verify?done={claimed}"));
            }
            return Ok(VerifyOutcome::Verified { claimed });
        }
        TokenUse::Expired => AccountProblem::LinkExpired,
        TokenUse::Used => AccountProblem::LinkUsed,
        TokenUse::Unknown => AccountProblem::LinkInvalid,
    };
    back_to_form("/verify", problem.code(), &[]);
    Ok(VerifyOutcome::Refused { problem })
}
