//! Live updates over Server-Sent Events. One hub tails the outbox and broadcasts each notice;
//! each stream filters them for its viewer. Event ids are outbox ids, so a browser that
//! reconnects with `Last-Event-ID` gets what it missed from the database.

use crate::store::{LiveRow, SqlStore};
use app::api::ssr::{cookie_in, same_hash, session_of_token, token_hash, SESSION_COOKIE};
use app::domain::auth::{may, Operation};
use app::domain::notify::{LiveEvent, NoticeKind};
use app::ports::Services;
use axum::extract::Query;
use axum::http::{HeaderMap, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use std::convert::Infallible;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::broadcast;

/// Most notices a reconnecting stream is sent from the database.
const BACKLOG: i64 = 1_000;

/// The broadcaster of notices to every open stream.
pub struct LiveHub {
    tx: broadcast::Sender<Arc<LiveRow>>,
    /// The last notice broadcast.
    position: AtomicI64,
    /// Becomes true when the server shuts down: streams end, so graceful shutdown is not held
    /// open by them, and browsers reconnect (to another instance, behind a load balancer).
    closing: tokio::sync::watch::Sender<bool>,
}

impl LiveHub {
    /// Starts tailing the outbox from its current end.
    pub async fn start(store: SqlStore) -> Result<Arc<Self>, app::ports::StoreError> {
        let (tx, _) = broadcast::channel(4_096);
        let hub = Arc::new(LiveHub {
            tx,
            position: AtomicI64::new(store.last_notice_id().await?),
            closing: tokio::sync::watch::channel(false).0,
        });
        let tail = hub.clone();
        tokio::spawn(async move {
            let mut signal = store.notice_signal();
            loop {
                let from = tail.position.load(Ordering::SeqCst);
                match store.live_after(from, 500).await {
                    Ok(rows) => {
                        let full = rows.len() == 500;
                        for r in rows {
                            tail.position.store(r.id, Ordering::SeqCst);
                            // No receivers is fine: nobody is watching.
                            let _ = tail.tx.send(Arc::new(r));
                        }
                        if full {
                            continue;
                        }
                    }
                    Err(e) => tracing::warn!(error = %e, "live hub could not read the outbox"),
                }
                // Another instance's commits are seen within a second.
                tokio::select! {
                    _ = signal.changed() => {}
                    _ = tokio::time::sleep(Duration::from_secs(1)) => {}
                }
            }
        });
        Ok(hub)
    }

    /// Ends every open stream; called when the server starts shutting down.
    pub fn close(&self) {
        self.closing.send_replace(true);
    }
}

/// Who a stream is for.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Watcher {
    Staff,
    Customer(i64),
    /// A guest holding a ticket's key sees that ticket only.
    Guest(String),
}

/// Query of the stream: one ticket only, a guest's key, or where to resume.
#[derive(serde::Deserialize, Default)]
pub struct StreamQuery {
    #[serde(default)]
    ticket: String,
    #[serde(default)]
    key: String,
    /// Resume after this id, for clients that cannot set `Last-Event-ID`.
    after: Option<i64>,
}

/// Whether `w` may see `row`, optionally narrowed to one ticket.
fn visible(w: &Watcher, row: &LiveRow, ticket: &str) -> bool {
    if row.kind == NoticeKind::AccountLink {
        return false;
    }
    if !ticket.is_empty() && row.number.as_deref() != Some(ticket) {
        return false;
    }
    match w {
        Watcher::Staff => true,
        Watcher::Customer(id) => {
            row.public
                && (row.requester_id == Some(*id)
                    || (row.number.is_none() && row.kind == NoticeKind::IncidentDeclared))
        }
        Watcher::Guest(n) => row.public && row.number.as_deref() == Some(n.as_str()),
    }
}

/// `GET /events`: the viewer's stream, or 401 when nobody is signed in and no ticket key fits.
pub async fn stream(
    services: Services,
    hub: Arc<LiveHub>,
    store: SqlStore,
    headers: HeaderMap,
    Query(q): Query<StreamQuery>,
) -> Response {
    let watcher = match watcher(&services, &headers, &q).await {
        Ok(Some(w)) => w,
        Ok(None) => return StatusCode::UNAUTHORIZED.into_response(),
        Err(e) => {
            tracing::error!(error = %e, "live stream: cannot check who is asking");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let resume = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<i64>().ok())
        .or(q.after);
    let ticket = app::domain::ticket_number::normalise(&q.ticket).unwrap_or_default();
    let (out, rx) = tokio::sync::mpsc::channel::<Event>(256);
    let broadcast = hub.tx.subscribe();
    let start = hub.position.load(Ordering::SeqCst);
    let closing = hub.closing.subscribe();
    if *closing.borrow() {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    }
    let feed = feed(store, broadcast, out, watcher, ticket, resume, start);
    tokio::spawn(async move {
        let mut closing = closing;
        tokio::select! {
            _ = feed => {}
            _ = closing.wait_for(|c| *c) => {}
        }
    });
    let events = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|e| (Ok::<_, Infallible>(e), rx))
    });
    Sse::new(events)
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
        .into_response()
}

/// Feeds one stream until its client goes away.
async fn feed(
    store: SqlStore,
    mut broadcast: broadcast::Receiver<Arc<LiveRow>>,
    out: tokio::sync::mpsc::Sender<Event>,
    who: Watcher,
    ticket: String,
    resume: Option<i64>,
    start: i64,
) {
    let mut last = match resume {
        Some(from) => {
            // What was missed, from the database; the broadcast skips what this covers.
            match catch_up(&store, &out, &who, &ticket, from).await {
                Some(last) => last,
                None => return,
            }
        }
        None => {
            let ready = Event::default()
                .event("ready")
                .id(start.to_string())
                .data("{}");
            if out.send(ready).await.is_err() {
                return;
            }
            start
        }
    };
    loop {
        // A client that went away ends the feed even when nothing it may see happens.
        let next = tokio::select! {
            _ = out.closed() => return,
            next = broadcast.recv() => next,
        };
        match next {
            Ok(row) if row.id <= last => {}
            Ok(row) => {
                last = row.id;
                if visible(&who, &row, &ticket) && out.send(event(&row)).await.is_err() {
                    return;
                }
            }
            Err(broadcast::error::RecvError::Lagged(_)) => {
                match catch_up(&store, &out, &who, &ticket, last).await {
                    Some(l) => last = l,
                    None => return,
                }
            }
            Err(broadcast::error::RecvError::Closed) => return,
        }
    }
}

/// Sends the visible notices after `from`; returns the last id read, or `None` when the
/// client is gone.
async fn catch_up(
    store: &SqlStore,
    out: &tokio::sync::mpsc::Sender<Event>,
    who: &Watcher,
    ticket: &str,
    from: i64,
) -> Option<i64> {
    let rows = match store.live_after(from, BACKLOG).await {
        Ok(rows) => rows,
        Err(e) => {
            tracing::warn!(error = %e, "live stream could not catch up");
            return Some(from);
        }
    };
    let mut last = from;
    for row in rows {
        last = row.id;
        if visible(who, &row, ticket) && out.send(event(&row)).await.is_err() {
            return None;
        }
    }
    Some(last)
}

/// The SSE event of a notice.
fn event(row: &LiveRow) -> Event {
    let e = LiveEvent {
        id: row.id,
        kind: row.kind,
        ticket: row.number.clone(),
        title: row.title.clone(),
        urgent: row.urgent,
    };
    Event::default()
        .event("notice")
        .id(row.id.to_string())
        .data(serde_json::to_string(&e).unwrap_or_default())
}

/// The watcher the session cookie or the ticket key stands for.
async fn watcher(
    services: &Services,
    headers: &HeaderMap,
    q: &StreamQuery,
) -> Result<Option<Watcher>, app::ports::StoreError> {
    if let Some(token) = cookie_in(headers, SESSION_COOKIE) {
        if let Some((_, user)) = session_of_token(services, &token).await? {
            let viewer = app::api::ssr::viewer_of(&user);
            if may(Some(&viewer), Operation::WorkTickets) {
                return Ok(Some(Watcher::Staff));
            }
            if q.key.is_empty() {
                return Ok(Some(Watcher::Customer(viewer.id)));
            }
        }
    }
    let Some(number) = app::domain::ticket_number::normalise(&q.ticket) else {
        return Ok(None);
    };
    if q.key.is_empty() {
        return Ok(None);
    }
    let Some(t) = services.store.ticket(&number).await? else {
        return Ok(None);
    };
    Ok(same_hash(&t.access_hash, &token_hash(&q.key)).then_some(Watcher::Guest(number)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(public: bool, requester: Option<i64>, number: &str, kind: NoticeKind) -> LiveRow {
        LiveRow {
            id: 1,
            kind,
            public,
            number: Some(number.to_string()),
            title: String::new(),
            urgent: false,
            requester_id: requester,
        }
    }

    #[test]
    fn customers_see_only_public_news_of_their_own_tickets() {
        let mine = row(true, Some(7), "HD-2026-000001", NoticeKind::AgentReply);
        let note = row(false, Some(7), "HD-2026-000001", NoticeKind::Note);
        let other = row(true, Some(8), "HD-2026-000002", NoticeKind::AgentReply);
        let c = Watcher::Customer(7);
        assert!(visible(&c, &mine, ""));
        assert!(!visible(&c, &note, ""));
        assert!(!visible(&c, &other, ""));
        let g = Watcher::Guest("HD-2026-000002".into());
        assert!(visible(&g, &other, ""));
        assert!(!visible(&g, &mine, ""));
        assert!(visible(&Watcher::Staff, &note, ""));
        assert!(!visible(&Watcher::Staff, &note, "HD-2026-000009"));
        let link = row(false, Some(7), "HD-2026-000001", NoticeKind::AccountLink);
        assert!(!visible(&Watcher::Staff, &link, ""));
    }
}
