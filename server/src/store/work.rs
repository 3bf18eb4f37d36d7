//! Ticket work on SQLite: revision-guarded changes, settings, breach flags and the queues.

use super::rows::{ticket_view, TICKET_COLUMNS};
use super::sql::SqlStore;
use super::tickets::{insert_event, insert_event_with};
use super::{db, to_ms};
use app::domain::console::{Queue, QueueQuery, Sort};
use app::domain::ticket::{Code, EventKind, TicketView};
use app::domain::work::ServiceSettings;
use app::ports::{AgentRecord, BreachCount, ChangeOutcome, StoreError, TicketChange, TicketStore};
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::Row;

/// The settings row holding [`ServiceSettings`].
const SERVICE_KEY: &str = "service";

/// Open work: everything before resolved.
const OPEN: &str = "status NOT IN ('resolved', 'closed')";

#[async_trait]
impl TicketStore for SqlStore {
    async fn change_ticket(&self, c: TicketChange) -> Result<ChangeOutcome, StoreError> {
        let now = c.events.first().map(|e| e.at).unwrap_or_else(Utc::now);
        let mut tx = super::write_tx(self.writer()).await?;
        // The revision check and the write are one statement, so two agents cannot both pass.
        let row = sqlx::query(
            "UPDATE tickets SET revision = revision + 1, updated_at = $3,
                 status = COALESCE($4, status),
                 resolve_due = COALESCE($5, resolve_due),
                 paused_at = CASE WHEN $6 THEN $7 ELSE paused_at END,
                 first_responded_at = CASE WHEN $6 THEN $8 ELSE first_responded_at END,
                 resolved_at = CASE WHEN $6 THEN $9 ELSE resolved_at END,
                 closed_at = CASE WHEN $6 THEN $10 ELSE closed_at END,
                 assignee_id = CASE WHEN $11 THEN $12 ELSE assignee_id END
             WHERE number = $1 AND revision = $2
             RETURNING id, revision",
        )
        .bind(&c.number)
        .bind(c.revision)
        .bind(to_ms(now))
        .bind(c.step.as_ref().map(|s| s.status.code()))
        .bind(c.step.as_ref().map(|s| to_ms(s.resolve_due)))
        .bind(c.step.is_some())
        .bind(c.step.as_ref().and_then(|s| s.paused_at).map(to_ms))
        .bind(
            c.step
                .as_ref()
                .and_then(|s| s.first_responded_at)
                .map(to_ms),
        )
        .bind(c.step.as_ref().and_then(|s| s.resolved_at).map(to_ms))
        .bind(c.step.as_ref().and_then(|s| s.closed_at).map(to_ms))
        .bind(c.assignee.is_some())
        .bind(c.assignee.flatten())
        .fetch_optional(&mut *tx)
        .await
        .map_err(db)?;
        let Some(row) = row else {
            return Ok(ChangeOutcome::Conflict);
        };
        let ticket_id: i64 = row.try_get("id").map_err(db)?;
        let with_reply = c.events.iter().any(|e| e.kind == EventKind::Reply);
        for e in &c.events {
            insert_event_with(&mut tx, ticket_id, e, with_reply).await?;
        }
        for e in &c.others {
            // A ticket that vanished would leave half a change: undo all of it.
            let other: Option<i64> = sqlx::query_scalar(
                "UPDATE tickets SET updated_at = $1 WHERE number = $2 RETURNING id",
            )
            .bind(to_ms(e.at))
            .bind(&e.number)
            .fetch_optional(&mut *tx)
            .await
            .map_err(db)?;
            let Some(other) = other else {
                return Ok(ChangeOutcome::Conflict);
            };
            insert_event(&mut tx, other, e).await?;
        }
        tx.commit().await.map_err(db)?;
        self.wake_notifier();
        Ok(ChangeOutcome::Done {
            revision: row.try_get("revision").map_err(db)?,
        })
    }

    async fn service_settings(&self) -> Result<ServiceSettings, StoreError> {
        let json: Option<String> =
            sqlx::query_scalar("SELECT value_json FROM settings WHERE key = $1")
                .bind(SERVICE_KEY)
                .fetch_optional(self.pool())
                .await
                .map_err(db)?;
        match json {
            None => Ok(ServiceSettings::default()),
            Some(j) => serde_json::from_str(&j)
                .map_err(|e| StoreError::Corrupt(format!("service settings: {e}"))),
        }
    }

    async fn save_service_settings(
        &self,
        settings: &ServiceSettings,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let json = serde_json::to_string(settings)
            .map_err(|e| StoreError::Corrupt(format!("service settings: {e}")))?;
        sqlx::query(
            "INSERT INTO settings (key, value_json, updated_at) VALUES ($1, $2, $3)
             ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json,
                 updated_at = excluded.updated_at",
        )
        .bind(SERVICE_KEY)
        .bind(json)
        .bind(to_ms(at))
        .execute(self.pool())
        .await
        .map_err(db)?;
        Ok(())
    }

    async fn claim_job(
        &self,
        job: &str,
        holder: &str,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "INSERT INTO job_leases (name, holder, until_ms, runs) VALUES ($1, $2, $4, 1)
             ON CONFLICT (name) DO UPDATE SET holder = excluded.holder,
                 until_ms = excluded.until_ms, runs = job_leases.runs + 1
             WHERE job_leases.until_ms < $3 OR job_leases.holder = excluded.holder",
        )
        .bind(job)
        .bind(holder)
        .bind(to_ms(now))
        .bind(to_ms(until))
        .execute(self.writer())
        .await
        .map_err(db)?;
        Ok(done.rows_affected() == 1)
    }

    async fn flag_breaches(&self, now: DateTime<Utc>) -> Result<BreachCount, StoreError> {
        let count = super::sla_sweep::flag(self.writer(), now).await?;
        if count.response + count.resolve + count.warned > 0 {
            self.wake_notifier();
        }
        Ok(count)
    }

    async fn quiet_resolved(&self, before: DateTime<Utc>) -> Result<Vec<String>, StoreError> {
        sqlx::query_scalar(
            "SELECT number FROM tickets WHERE status = 'resolved' AND resolved_at <= $1
             ORDER BY resolved_at LIMIT 500",
        )
        .bind(to_ms(before))
        .fetch_all(self.pool())
        .await
        .map_err(db)
    }

    async fn queue(
        &self,
        q: &QueueQuery,
        viewer_id: i64,
        now: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<TicketView>, StoreError> {
        let which = match q.queue {
            Queue::Unassigned => format!("{OPEN} AND assignee_id IS NULL"),
            Queue::Mine => format!("{OPEN} AND assignee_id = $1"),
            // A running clock in its last quarter: due − now ≤ target × 60 000 ms × ¼.
            Queue::BreachingSoon => format!(
                "{OPEN} AND ((first_responded_at IS NULL AND first_response_due - $2 <= respond_minutes * 15000)
                   OR (paused_at IS NULL AND resolve_due - $2 <= resolve_minutes * 15000))"
            ),
            Queue::Waiting => "status = 'waiting_on_customer'".to_string(),
            Queue::All => "1 = 1".to_string(),
        };
        let order = match q.sort {
            // Indexed virtual columns (migration 0006): the next clock to run out, and priority.
            Sort::Due => "next_due, id",
            Sort::Priority => "priority_rank, next_due, id",
            Sort::Newest => "created_at DESC, id DESC",
        };
        let columns = TICKET_COLUMNS.replace("description,", "'' AS description,");
        let sql = format!(
            "SELECT {columns} FROM tickets
             WHERE {which} AND ($3 IS NULL OR category = $3) AND ($4 IS NULL OR priority = $4)
             ORDER BY {order} LIMIT $5"
        );
        let rows = sqlx::query(&sql)
            .bind(viewer_id)
            .bind(to_ms(now))
            .bind(q.category.map(|c| c.code()))
            .bind(q.priority.map(|p| p.code()))
            .bind(limit)
            .fetch_all(self.pool())
            .await
            .map_err(db)?;
        rows.iter().map(ticket_view).collect()
    }

    async fn agents(&self) -> Result<Vec<AgentRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT DISTINCT u.id, u.display_name FROM users u JOIN user_roles r ON r.user_id = u.id
             WHERE r.role IN ('agent', 'admin') AND u.disabled = 0 ORDER BY u.display_name, u.id",
        )
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter()
            .map(|r| {
                Ok(AgentRecord {
                    id: r.try_get("id").map_err(db)?,
                    name: r.try_get("display_name").map_err(db)?,
                })
            })
            .collect()
    }

    async fn tickets_of_requester(
        &self,
        number: &str,
        limit: i64,
    ) -> Result<Vec<TicketView>, StoreError> {
        let columns = TICKET_COLUMNS.replace("description,", "'' AS description,");
        let rows = sqlx::query(&format!(
            "SELECT {columns} FROM tickets, (SELECT requester_id AS rid, contact_email AS mail
                 FROM tickets WHERE number = $1) this
             WHERE number <> $1 AND (requester_id = this.rid OR contact_email = this.mail)
             ORDER BY created_at DESC, id DESC LIMIT $2"
        ))
        .bind(number)
        .bind(limit)
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter().map(ticket_view).collect()
    }
}
