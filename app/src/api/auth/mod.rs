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

/// Creates a single-use link for `user_id` and mails it to `to`.
#[cfg(feature = "ssr")]
async fn send_link(
    user_id: i64,
    to: &str,
    purpose: crate::ports::TokenPurpose,
    locale: crate::i18n::Locale,
) -> Result<(), leptos::prelude::ServerFnError> {
    use super::ssr::{internal, random_token, services, token_hash};
    use crate::ports::{Mail, TokenPurpose};
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
    let s = locale.strings();
    let a = s.account;
    let (subject, intro) = match purpose {
        TokenPurpose::Reset => (a.forgot_title, a.forgot_intro),
        TokenPurpose::Verify => (a.verify_title, a.account_welcome),
    };
    let body = format!("{intro}\n\n{link}\n\n{}\n", s.app_name);
    services
        .mailer
        .send(Mail {
            to: to.to_string(),
            subject: format!("{} · {subject}", s.app_name),
            body,
        })
        .await
        .map_err(internal)
}
