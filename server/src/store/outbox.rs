//! The outbox: notices written inside the transaction of the change that causes them.

use super::{db, to_ms};
use app::domain::notify::NoticeKind;
use app::domain::ticket::{Code, EventKind};
use app::ports::{NewTicketEvent, StoreError};
use chrono::{DateTime, Utc};
use sqlx::{Any, Transaction};

/// One notice to record.
pub(crate) struct Notice {
    pub kind: NoticeKind,
    pub ticket_id: Option<i64>,
    pub actor_id: Option<i64>,
    /// Whether the ticket's customer may see it on their live stream.
    pub public: bool,
    pub data: serde_json::Value,
    pub at: DateTime<Utc>,
}

/// Writes a notice in the caller's transaction; it commits or vanishes with the change.
pub(crate) async fn record(tx: &mut Transaction<'_, Any>, n: Notice) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO outbox_events (kind, ticket_id, actor_id, public, data_json, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(n.kind.code())
    .bind(n.ticket_id)
    .bind(n.actor_id)
    .bind(i64::from(n.public))
    .bind(n.data.to_string())
    .bind(to_ms(n.at))
    .execute(&mut **tx)
    .await
    .map_err(db)?;
    // PostgreSQL delivers this at commit (once per transaction) to every instance's listener,
    // which wakes its sender and live hub; SQLite has one instance, woken in-process.
    if tx.backend_name() == "PostgreSQL" {
        sqlx::query("SELECT pg_notify($1, '')")
            .bind(OUTBOX_CHANNEL)
            .execute(&mut **tx)
            .await
            .map_err(db)?;
    }
    Ok(())
}

/// The PostgreSQL channel that announces new notices.
pub(crate) const OUTBOX_CHANNEL: &str = "helpdesk_outbox";

/// Records the notice a timeline entry gives; a reply counts as an agent's when staff wrote it.
/// `with_reply` marks a status change that came with a reply, which tells the customer nothing
/// the reply's notice does not.
pub(crate) async fn record_event(
    tx: &mut Transaction<'_, Any>,
    ticket_id: i64,
    e: &NewTicketEvent,
    with_reply: bool,
) -> Result<(), StoreError> {
    let by_staff = match (e.kind, e.actor_id) {
        (EventKind::Reply, Some(actor)) => {
            sqlx::query_scalar::<_, i64>(
                "SELECT CASE WHEN EXISTS (SELECT 1 FROM user_roles WHERE user_id = $1
                    AND role IN ('agent', 'admin')) THEN 1 ELSE 0 END",
            )
            .bind(actor)
            .fetch_one(&mut **tx)
            .await
            .map_err(db)?
                == 1
        }
        // A reply without an account is a guest's: the customer's.
        _ => false,
    };
    let kind = NoticeKind::of_event(e.kind, by_staff, e.change.as_ref());
    let body = if e.kind == EventKind::Reply {
        e.body.as_str()
    } else {
        ""
    };
    record(
        tx,
        Notice {
            kind,
            ticket_id: Some(ticket_id),
            actor_id: e.actor_id,
            public: e.public,
            data: serde_json::json!({
                "actor": e.actor_name,
                "body": body,
                "change": e.change,
                "with_reply": with_reply && e.kind != EventKind::Reply,
            }),
            at: e.at,
        },
    )
    .await
}
