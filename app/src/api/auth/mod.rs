//! Signing in and out, registration, password changes and resets, address verification.

mod change_password;
mod forgot;
mod login;
mod logout;
mod me;
mod register;
mod reset;
mod verify;

pub use change_password::*;
pub use forgot::*;
pub use login::*;
pub use logout::*;
pub use me::*;
pub use register::*;
pub use reset::*;
pub use verify::*;

/// How long a reset or verification link works, in minutes.
#[cfg(feature = "ssr")]
const LINK_MINUTES: i64 = 60;

/// Creates a single-use link for `user_id` and queues its e-mail to `to` in the outbox.
#[cfg(feature = "ssr")]
async fn send_link(
    user_id: i64,
    to: &str,
    purpose: crate::ports::TokenPurpose,
    locale: crate::i18n::Locale,
) -> Result<(), leptos::prelude::ServerFnError> {
    use super::ssr::{internal, random_token, services, token_hash};
    use crate::ports::{AccountMail, TokenPurpose};
    let services = services()?;
    let token = random_token();
    let now = chrono::Utc::now();
    let expires = now + chrono::Duration::minutes(LINK_MINUTES);
    services
        .store
        .create_token(&token_hash(&token), purpose, user_id, now, expires)
        .await
        .map_err(internal)?;
    let path = match purpose {
        TokenPurpose::Reset => "reset",
        TokenPurpose::Verify => "verify",
    };
    let link = format!("{}/{path}?token={token}", super::ssr::link_base());
    services
        .store
        .queue_account_mail(AccountMail {
            user_id,
            to: to.to_string(),
            locale,
            link,
            reset: purpose == TokenPurpose::Reset,
            at: now,
        })
        .await
        .map_err(internal)
}
