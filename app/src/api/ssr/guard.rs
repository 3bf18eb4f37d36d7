//! Guards every server function uses: authorisation, rate limits, client address, audit.

use super::{header, internal, request_locale, services, viewer};
use crate::domain::audit::AuditEntry;
use crate::domain::auth::{may, Operation, Viewer};
use crate::domain::rate_limit::{Limit, RateLimiter, RetryAfter};
use axum::http::{request::Parts, HeaderValue, StatusCode};
use leptos::prelude::*;
use leptos_axum::ResponseOptions;

/// The asking person, if they may perform `op`; otherwise 401 (signed out) or 403, with a
/// message in their language.
pub async fn require(op: Operation) -> Result<Option<Viewer>, ServerFnError> {
    let who = viewer().await?;
    if may(who.as_ref(), op) {
        return Ok(who);
    }
    let s = request_locale().strings().account;
    let (status, message) = if who.is_none() {
        (StatusCode::UNAUTHORIZED, s.err_signed_out)
    } else {
        (StatusCode::FORBIDDEN, s.err_forbidden)
    };
    set_status(status);
    Err(ServerFnError::new(message))
}

/// Like [`require`] for operations that need someone signed in.
pub async fn require_signed_in(op: Operation) -> Result<Viewer, ServerFnError> {
    match require(op).await? {
        Some(v) => Ok(v),
        None => {
            set_status(StatusCode::UNAUTHORIZED);
            Err(ServerFnError::new(
                request_locale().strings().account.err_signed_out,
            ))
        }
    }
}

/// Runs `f` on the shared rate limiter with the current time in milliseconds.
fn with_limiter<T>(f: impl FnOnce(&mut RateLimiter, i64) -> T) -> Result<T, ServerFnError> {
    let services = services()?;
    let now = chrono::Utc::now().timestamp_millis();
    let mut limiter = services
        .limiter
        .lock()
        .map_err(|_| internal("rate limiter lock poisoned"))?;
    Ok(f(&mut limiter, now))
}

/// Counts an attempt under `key`; when over `limit`, answers 429 with `Retry-After`.
pub fn rate_limit(key: &str, limit: Limit) -> Result<(), ServerFnError> {
    with_limiter(|l, now| l.hit(key, limit, now))?.map_err(too_many)
}

/// Refuses while failures under `key` are being waited out (progressive back-off); `free`
/// failures pass before the waits start.
pub fn check_backoff(key: &str, free: u32) -> Result<(), ServerFnError> {
    with_limiter(|l, now| l.backoff(key, free, now))?.map_err(too_many)
}

/// Records a failure (or, with `ok`, clears the streak) under each key.
pub fn record_attempt(keys: &[&str], ok: bool) -> Result<(), ServerFnError> {
    with_limiter(|l, now| {
        for key in keys {
            if ok {
                l.succeed(key);
            } else {
                l.fail(key, now);
            }
        }
    })
}

fn too_many(RetryAfter(secs): RetryAfter) -> ServerFnError {
    set_status(StatusCode::TOO_MANY_REQUESTS);
    if let (Some(res), Ok(v)) = (
        use_context::<ResponseOptions>(),
        HeaderValue::from_str(&secs.to_string()),
    ) {
        res.insert_header(axum::http::header::RETRY_AFTER, v);
    }
    let template = request_locale().strings().account.err_rate_limited;
    ServerFnError::new(template.replace("{n}", &secs.to_string()))
}

/// Refuses bad input with 400 and a message already in the user's language.
pub fn bad_request(message: &str) -> ServerFnError {
    set_status(StatusCode::BAD_REQUEST);
    ServerFnError::new(message)
}

/// A 409 for a change decided on a stale copy, with the user-facing message.
pub fn conflict(message: &str) -> ServerFnError {
    set_status(StatusCode::CONFLICT);
    ServerFnError::new(message)
}

fn set_status(status: StatusCode) {
    if let Some(res) = use_context::<ResponseOptions>() {
        res.set_status(status);
    }
}

/// The client's address: the socket peer, or the first `X-Forwarded-For` hop behind a trusted
/// proxy.
pub fn client_ip() -> String {
    let trust_proxy = services().map(|s| s.trust_proxy).unwrap_or(false);
    if trust_proxy {
        if let Some(first) = header(axum::http::header::HeaderName::from_static(
            "x-forwarded-for",
        ))
        .and_then(|v| v.split(',').next().map(|s| s.trim().to_string()))
        .filter(|s| !s.is_empty())
        {
            return first;
        }
    }
    use_context::<Parts>()
        .and_then(|p| {
            p.extensions
                .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                .map(|c| c.0.ip().to_string())
        })
        .unwrap_or_default()
}

/// Appends an audit record for `actor` (None: anonymous, labelled with `label`).
pub async fn audit(
    actor: Option<&Viewer>,
    label: &str,
    action: &str,
    target: &str,
    detail: &str,
) -> Result<(), ServerFnError> {
    let entry = AuditEntry {
        at_ms: chrono::Utc::now().timestamp_millis(),
        actor_id: actor.map(|v| v.id),
        actor_label: actor
            .map(|v| v.email.clone())
            .unwrap_or_else(|| label.to_string()),
        action: action.to_string(),
        target: target.to_string(),
        detail: detail.to_string(),
        source_ip: client_ip(),
    };
    services()?
        .store
        .append_audit(entry)
        .await
        .map_err(internal)
}
