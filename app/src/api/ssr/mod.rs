//! Request helpers shared by the server functions (server only).

mod guard;
mod password;
mod session;

pub use guard::*;
pub use password::*;
pub use session::*;

use crate::ports::Services;
use axum::http::{header, request::Parts, HeaderValue};
use leptos::prelude::*;
use leptos_axum::ResponseOptions;
use std::fmt::Display;

/// The services provided by the server for this request.
#[track_caller]
pub fn services() -> Result<Services, ServerFnError> {
    let caller = std::panic::Location::caller();
    use_context::<Services>()
        .ok_or_else(|| internal(format!("services missing from context at {caller}")))
}

/// Logs an internal failure and returns an error that reveals nothing of it.
pub fn internal(err: impl Display) -> ServerFnError {
    tracing::error!(error = %err, "server function failed");
    ServerFnError::new(crate::api::INTERNAL_ERROR)
}

/// The value of a request header, if it is text.
pub fn header(name: header::HeaderName) -> Option<String> {
    let parts = use_context::<Parts>()?;
    parts.headers.get(name)?.to_str().ok().map(str::to_string)
}

/// The value of a cookie sent with this request.
pub fn cookie(name: &str) -> Option<String> {
    cookie_in(&use_context::<Parts>()?.headers, name)
}

/// The value of a cookie among request headers.
pub fn cookie_in(headers: &axum::http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

/// Sets a long-lived, HttpOnly, SameSite=Lax cookie on the response.
pub fn set_cookie(name: &str, value: &str, max_age_days: u32) {
    set_cookie_secs(name, value, i64::from(max_age_days) * 86_400);
}

/// Sets an HttpOnly, SameSite=Lax cookie living `max_age` seconds (0 deletes it).
pub fn set_cookie_secs(name: &str, value: &str, max_age: i64) {
    let secure = if use_context::<Services>().is_some_and(|s| s.secure_cookies) {
        "; Secure"
    } else {
        ""
    };
    let cookie =
        format!("{name}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{secure}");
    if let (Some(res), Ok(v)) = (
        use_context::<ResponseOptions>(),
        HeaderValue::from_str(&cookie),
    ) {
        res.append_header(header::SET_COOKIE, v);
    }
}

/// The portal's address for links in e-mails: the configured one, else this request's host.
pub fn link_base() -> String {
    let configured = services()
        .map(|s| s.public_url.trim_end_matches('/').to_string())
        .unwrap_or_default();
    if !configured.is_empty() {
        return configured;
    }
    let host = header(header::HOST).unwrap_or_else(|| "127.0.0.1:3000".to_string());
    format!("http://{host}")
}

/// The request's language: the cookie, then `Accept-Language`.
pub fn request_locale() -> crate::i18n::Locale {
    crate::i18n::Locale::negotiate(
        cookie(crate::i18n::LOCALE_COOKIE).as_deref(),
        header(header::ACCEPT_LANGUAGE).as_deref(),
    )
}

/// Sends a browser without JavaScript back to `path` with an error code and the values to
/// keep (never passwords).
pub fn back_to_form(path: &str, error: &str, keep: &[(&str, &str)]) {
    if !is_plain_form_post() {
        return;
    }
    let joiner = if path.contains('?') { '&' } else { '?' };
    let mut url = format!("{path}{joiner}error={error}");
    for (k, v) in keep {
        url.push_str(&format!(
            "&{k}={}",
            crate::components::account_form::encode(v)
        ));
    }
    leptos_axum::redirect(&url);
}

/// True when the request is a plain HTML form post (no JavaScript), which expects a redirect.
pub fn is_plain_form_post() -> bool {
    header(header::ACCEPT).is_some_and(|v| v.contains("text/html"))
}

/// A random token of 128 bits, hex-encoded.
pub fn random_token() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// SHA-256 of a token, hex-encoded: what the database keeps instead of the token.
pub fn token_hash(token: &str) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Compares two hashes in constant time.
pub fn same_hash(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}
