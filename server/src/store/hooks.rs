//! Notifications on SQLite: the delivery log, webhooks, preferences and queued account mail.

use super::outbox::{record, Notice};
use super::sql::SqlStore;
use super::{db, from_ms, to_ms};
use app::domain::incident::{Incident, IncidentForm};
use app::domain::notify::{DeliveryCounts, DeliveryLine, DeliveryStatus, NoticeKind};
use app::domain::ticket::Code;
use app::domain::webhook::{HookFormat, Webhook};
use app::ports::{AccountMail, LinkOutcome, NewWebhook, NotifyStore, StoreError};
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::Row;

#[async_trait]
impl NotifyStore for SqlStore {
    async fn deliveries(
        &self,
        failed_only: bool,
        limit: i64,
    ) -> Result<(DeliveryCounts, Vec<DeliveryLine>), StoreError> {
        let mut counts = DeliveryCounts::default();
        for r in sqlx::query("SELECT status, COUNT(*) AS n FROM deliveries GROUP BY status")
            .fetch_all(self.pool())
            .await
            .map_err(db)?
        {
            let n: i64 = r.try_get("n").map_err(db)?;
            match r.try_get::<String, _>("status").map_err(db)?.as_str() {
                "pending" => counts.pending = n,
                "sent" => counts.sent = n,
                _ => counts.failed = n,
            }
        }
        let rows = sqlx::query(
            "SELECT d.id, d.event_id, o.kind, d.channel, d.recipient, d.summary, d.status,
                    d.attempts, d.last_error, d.created_at, d.next_at, d.sent_at
             FROM deliveries d JOIN outbox_events o ON o.id = d.event_id
             WHERE (NOT $1 OR d.status = 'failed') ORDER BY d.id DESC LIMIT $2",
        )
        .bind(failed_only)
        .bind(limit)
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        let lines = rows
            .iter()
            .map(|r| {
                let kind: String = r.try_get("kind").map_err(db)?;
                let status: String = r.try_get("status").map_err(db)?;
                Ok(DeliveryLine {
                    id: r.try_get("id").map_err(db)?,
                    event_id: r.try_get("event_id").map_err(db)?,
                    kind: NoticeKind::from_code(&kind)
                        .ok_or_else(|| StoreError::Corrupt(format!("notice kind {kind}")))?,
                    channel: r.try_get("channel").map_err(db)?,
                    recipient: r.try_get("recipient").map_err(db)?,
                    summary: r.try_get("summary").map_err(db)?,
                    status: DeliveryStatus::from_code(&status)
                        .ok_or_else(|| StoreError::Corrupt(format!("delivery status {status}")))?,
                    attempts: r.try_get("attempts").map_err(db)?,
                    last_error: r.try_get("last_error").map_err(db)?,
                    created_at: from_ms(r.try_get("created_at").map_err(db)?)?,
                    next_at: from_ms(r.try_get("next_at").map_err(db)?)?,
                    sent_at: r
                        .try_get::<Option<i64>, _>("sent_at")
                        .map_err(db)?
                        .map(from_ms)
                        .transpose()?,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok((counts, lines))
    }

    async fn prune_notices(&self, before: DateTime<Utc>) -> Result<u64, StoreError> {
        let done = sqlx::query(
            "DELETE FROM outbox_events WHERE created_at < $1 AND dispatched = 1
               AND NOT EXISTS (SELECT 1 FROM deliveries d
                               WHERE d.event_id = outbox_events.id AND d.status = 'pending')",
        )
        .bind(to_ms(before))
        .execute(self.writer())
        .await
        .map_err(db)?;
        Ok(done.rows_affected())
    }

    async fn retry_delivery(&self, id: i64, at: DateTime<Utc>) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE deliveries SET status = 'pending', next_at = $2, leased_until = 0
             WHERE id = $1 AND status = 'failed'",
        )
        .bind(id)
        .bind(to_ms(at))
        .execute(self.writer())
        .await
        .map_err(db)?;
        self.wake_notifier();
        Ok(done.rows_affected() == 1)
    }

    async fn webhooks(&self) -> Result<Vec<Webhook>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, name, url, secret, events_json, format FROM webhooks
             WHERE enabled = 1 ORDER BY name, id",
        )
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter()
            .map(|r| {
                let events: String = r.try_get("events_json").map_err(db)?;
                let format: String = r.try_get("format").map_err(db)?;
                Ok(Webhook {
                    id: r.try_get("id").map_err(db)?,
                    name: r.try_get("name").map_err(db)?,
                    url: r.try_get("url").map_err(db)?,
                    secret: r.try_get("secret").map_err(db)?,
                    events: serde_json::from_str(&events).unwrap_or_default(),
                    format: HookFormat::from_code(&format).unwrap_or(HookFormat::Json),
                })
            })
            .collect()
    }

    async fn add_webhook(&self, h: NewWebhook) -> Result<i64, StoreError> {
        let events = serde_json::to_string(&h.events)
            .map_err(|e| StoreError::Corrupt(format!("webhook events: {e}")))?;
        sqlx::query_scalar(
            "INSERT INTO webhooks (name, url, secret, events_json, format, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(&h.name)
        .bind(&h.url)
        .bind(&h.secret)
        .bind(events)
        .bind(h.format.code())
        .bind(to_ms(h.at))
        .fetch_one(self.writer())
        .await
        .map_err(db)
    }

    async fn delete_webhook(&self, id: i64) -> Result<bool, StoreError> {
        let done = sqlx::query("DELETE FROM webhooks WHERE id = $1")
            .bind(id)
            .execute(self.writer())
            .await
            .map_err(db)?;
        Ok(done.rows_affected() == 1)
    }

    async fn muted(&self, user_id: i64) -> Result<Vec<NoticeKind>, StoreError> {
        let json: Option<String> =
            sqlx::query_scalar("SELECT muted_json FROM notification_prefs WHERE user_id = $1")
                .bind(user_id)
                .fetch_optional(self.pool())
                .await
                .map_err(db)?;
        Ok(json
            .and_then(|j| serde_json::from_str(&j).ok())
            .unwrap_or_default())
    }

    async fn set_muted(&self, user_id: i64, muted: &[NoticeKind]) -> Result<(), StoreError> {
        let json = serde_json::to_string(muted)
            .map_err(|e| StoreError::Corrupt(format!("muted notices: {e}")))?;
        sqlx::query(
            "INSERT INTO notification_prefs (user_id, muted_json) VALUES ($1, $2)
             ON CONFLICT (user_id) DO UPDATE SET muted_json = excluded.muted_json",
        )
        .bind(user_id)
        .bind(json)
        .execute(self.writer())
        .await
        .map_err(db)?;
        Ok(())
    }

    async fn queue_account_mail(&self, m: AccountMail) -> Result<(), StoreError> {
        let mut tx = super::write_tx(self.writer()).await?;
        let notice = Notice {
            kind: NoticeKind::AccountLink,
            ticket_id: None,
            actor_id: Some(m.user_id),
            public: false,
            data: serde_json::json!({
                "to": m.to, "link": m.link, "reset": m.reset, "locale": m.locale.code(),
            }),
            at: m.at,
        };
        record(&mut tx, notice).await?;
        tx.commit().await.map_err(db)?;
        self.wake_notifier();
        Ok(())
    }

    async fn incidents(&self, open_only: bool, limit: i64) -> Result<Vec<Incident>, StoreError> {
        super::incidents::list(self.pool(), open_only, limit).await
    }

    async fn declare_incident(
        &self,
        form: &IncidentForm,
        by: i64,
        at: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        let id = super::incidents::declare(self.writer(), form, by, at).await?;
        self.wake_notifier();
        Ok(id)
    }

    async fn link_incident(
        &self,
        id: i64,
        number: &str,
        at: DateTime<Utc>,
    ) -> Result<LinkOutcome, StoreError> {
        super::incidents::link(self.writer(), id, number, at).await
    }

    async fn resolve_incident(
        &self,
        id: i64,
        by: i64,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let done = super::incidents::resolve(self.writer(), id, by, at).await?;
        self.wake_notifier();
        Ok(done)
    }
}
