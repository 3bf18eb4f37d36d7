//! Who is asking: the session cookie, looked up in the database on each request.

use super::{cookie, internal, random_token, services, set_cookie_secs, token_hash};
use crate::domain::auth::Viewer;
use crate::ports::{Services, SessionRecord, StoreError, UserRecord};
use leptos::prelude::*;

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "sid";

/// The signed-in person, or `None`. A forged, expired or ended session is simply signed out.
pub async fn viewer() -> Result<Option<Viewer>, ServerFnError> {
    Ok(current_session().await?.map(|(_, user)| viewer_of(&user)))
}

/// The live session and its account, if any.
pub async fn current_session() -> Result<Option<(SessionRecord, UserRecord)>, ServerFnError> {
    let Some(token) = cookie(SESSION_COOKIE) else {
        return Ok(None);
    };
    session_of_token(&services()?, &token)
        .await
        .map_err(internal)
}

/// The live session a cookie token names, outside server functions too. Ended and expired
/// sessions are removed; busy ones are touched now and then.
pub async fn session_of_token(
    services: &Services,
    token: &str,
) -> Result<Option<(SessionRecord, UserRecord)>, StoreError> {
    if token.len() != 32 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(None);
    }
    let hash = token_hash(token);
    let Some((session, user)) = services.store.session(&hash).await? else {
        return Ok(None);
    };
    let now = chrono::Utc::now();
    if user.disabled
        || !services
            .sessions
            .is_live(session.created_at, session.last_seen_at, now)
    {
        services.store.delete_session(&hash).await?;
        return Ok(None);
    }
    if services.sessions.should_touch(session.last_seen_at, now) {
        services.store.touch_session(&hash, now).await?;
    }
    Ok(Some((session, user)))
}

/// The viewer a stored account stands for.
pub fn viewer_of(user: &UserRecord) -> Viewer {
    Viewer {
        id: user.id,
        email: user.email.clone(),
        display_name: user.display_name.clone(),
        roles: user.roles.clone(),
        email_verified: user.email_verified,
    }
}

/// Starts a new session for `user_id` (ending the one this browser had: rotation) and sets
/// the cookie. Returns the new token's hash.
pub async fn start_session(user_id: i64, source_ip: &str) -> Result<String, ServerFnError> {
    end_session().await?;
    let services = services()?;
    let token = random_token();
    let hash = token_hash(&token);
    let now = chrono::Utc::now();
    services
        .store
        .create_session(SessionRecord {
            token_hash: hash.clone(),
            user_id,
            created_at: now,
            last_seen_at: now,
            source_ip: source_ip.to_string(),
        })
        .await
        .map_err(internal)?;
    set_cookie_secs(
        SESSION_COOKIE,
        &token,
        services.sessions.absolute.num_seconds(),
    );
    Ok(hash)
}

/// Ends this browser's session on the server and clears the cookie.
pub async fn end_session() -> Result<(), ServerFnError> {
    if let Some(token) = cookie(SESSION_COOKIE) {
        services()?
            .store
            .delete_session(&token_hash(&token))
            .await
            .map_err(internal)?;
        set_cookie_secs(SESSION_COOKIE, "", 0);
    }
    Ok(())
}
