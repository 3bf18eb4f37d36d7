//! The SLA sweep: warnings at 75 % of a target and breaches, each flagged once, each with its
//! notice written in the same transaction as its flag.

use super::outbox::{record, Notice};
use super::{db, to_ms};
use app::domain::notify::NoticeKind;
use app::ports::{BreachCount, StoreError};
use chrono::{DateTime, Utc};
use sqlx::AnyPool;

/// Open work: everything before resolved.
const OPEN: &str = "status NOT IN ('resolved', 'closed')";

/// One flag: the statement that sets it, the notice and the clock it names.
struct Flag {
    sql: String,
    kind: NoticeKind,
    clock: &'static str,
}

fn flags() -> [Flag; 4] {
    [
        Flag {
            sql: "UPDATE tickets SET response_breached = 1
                  WHERE response_breached = 0 AND first_response_due < $1
                    AND (first_responded_at IS NULL OR first_responded_at > first_response_due)
                  RETURNING id, CASE WHEN first_responded_at IS NULL THEN 1 ELSE 0 END AS running"
                .into(),
            kind: NoticeKind::SlaBreach,
            clock: "response",
        },
        Flag {
            sql: format!(
                "UPDATE tickets SET resolve_breached = 1
                 WHERE resolve_breached = 0 AND resolve_due < $1
                   AND (({OPEN} AND (paused_at IS NULL OR paused_at > resolve_due))
                        OR resolved_at > resolve_due)
                 RETURNING id, CASE WHEN {OPEN} THEN 1 ELSE 0 END AS running"
            ),
            kind: NoticeKind::SlaBreach,
            clock: "resolve",
        },
        // A running clock in its last quarter: due − now ≤ target × 60 000 ms × ¼.
        Flag {
            sql: format!(
                "UPDATE tickets SET response_warned = 1
                 WHERE response_warned = 0 AND response_breached = 0 AND {OPEN}
                   AND first_responded_at IS NULL AND first_response_due >= $1
                   AND first_response_due - $1 <= respond_minutes * 15000
                 RETURNING id, 1 AS running"
            ),
            kind: NoticeKind::SlaWarning,
            clock: "response",
        },
        Flag {
            sql: format!(
                "UPDATE tickets SET resolve_warned = 1
                 WHERE resolve_warned = 0 AND resolve_breached = 0 AND {OPEN}
                   AND paused_at IS NULL AND resolve_due >= $1
                   AND resolve_due - $1 <= resolve_minutes * 15000
                 RETURNING id, 1 AS running"
            ),
            kind: NoticeKind::SlaWarning,
            clock: "resolve",
        },
    ]
}

/// Sets every due flag and queues a notice for each clock still running (a breach found only
/// after the ticket was resolved is counted for reports, not announced).
pub(super) async fn flag(pool: &AnyPool, now: DateTime<Utc>) -> Result<BreachCount, StoreError> {
    let mut tx = super::write_tx(pool).await?;
    let mut count = BreachCount::default();
    for (i, f) in flags().into_iter().enumerate() {
        let rows: Vec<(i64, i64)> = sqlx::query_as(&f.sql)
            .bind(to_ms(now))
            .fetch_all(&mut *tx)
            .await
            .map_err(db)?;
        let n = rows.len() as u64;
        match i {
            0 => count.response = n,
            1 => count.resolve = n,
            _ => count.warned += n,
        }
        for (ticket, running) in rows {
            if running == 0 {
                continue;
            }
            let notice = Notice {
                kind: f.kind,
                ticket_id: Some(ticket),
                actor_id: None,
                public: false,
                data: serde_json::json!({ "clock": f.clock }),
                at: now,
            };
            record(&mut tx, notice).await?;
        }
    }
    tx.commit().await.map_err(db)?;
    Ok(count)
}
