//! The outbox's worker side: reading undispatched notices, writing deliveries, leasing and
//! settling them, and the live stream's reads. Server-only; the browser never sees these rows.

use super::sql::SqlStore;
use super::{db, from_ms, to_ms};
use app::domain::notify::NoticeKind;
use app::domain::ticket::Code;
use app::i18n::Locale;
use app::ports::StoreError;
use chrono::{DateTime, Utc};
use sqlx::Row;

/// A notice waiting for its deliveries.
#[derive(Clone, Debug)]
pub struct OutboxRow {
    pub id: i64,
    pub kind: NoticeKind,
    pub ticket_id: Option<i64>,
    pub actor_id: Option<i64>,
    pub public: bool,
    pub data: serde_json::Value,
    pub at: DateTime<Utc>,
}

/// What a notice needs to know of its ticket.
#[derive(Clone, Debug)]
pub struct TicketContext {
    pub number: String,
    pub subject: String,
    pub priority: String,
    pub status: String,
    pub category: String,
    pub requester_id: Option<i64>,
    pub contact_email: String,
    pub locale: Locale,
    pub assignee_id: Option<i64>,
    pub team_id: Option<i64>,
    pub first_response_due: DateTime<Utc>,
}

/// Someone who may receive e-mail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub id: i64,
    pub email: String,
    pub locale: Locale,
    pub muted: Vec<NoticeKind>,
}

/// Which people to look up.
#[derive(Clone, Copy, Debug)]
pub enum People {
    One(i64),
    /// A team's members who work tickets; every agent when `None`.
    Team(Option<i64>),
    /// The support leads: admins.
    Leads,
}

/// A delivery to write.
#[derive(Clone, Debug)]
pub struct NewDelivery {
    pub channel: &'static str,
    pub recipient: String,
    pub webhook_id: Option<i64>,
    pub idem_key: String,
    pub summary: String,
    pub payload: String,
    pub secret: bool,
}

/// A delivery leased for sending.
#[derive(Clone, Debug)]
pub struct Claimed {
    pub id: i64,
    pub channel: String,
    pub webhook_id: Option<i64>,
    pub idem_key: String,
    pub kind: String,
    pub payload: String,
    pub attempts: i64,
}

/// A notice as the live stream needs it.
#[derive(Clone, Debug)]
pub struct LiveRow {
    pub id: i64,
    pub kind: NoticeKind,
    pub public: bool,
    pub number: Option<String>,
    pub title: String,
    pub urgent: bool,
    pub requester_id: Option<i64>,
}

const PERSON: &str = "SELECT u.id, u.email, u.locale, COALESCE(p.muted_json, '[]') AS muted
     FROM users u LEFT JOIN notification_prefs p ON p.user_id = u.id WHERE u.disabled = 0";
const WORKER: &str =
    "EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role IN ('agent', 'admin'))";

impl SqlStore {
    /// Notices without deliveries yet, oldest first.
    pub async fn undispatched(&self, limit: i64) -> Result<Vec<OutboxRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, kind, ticket_id, actor_id, public, data_json, created_at
             FROM outbox_events WHERE dispatched = 0 ORDER BY id LIMIT $1",
        )
        .bind(limit)
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter()
            .map(|r| {
                let kind: String = r.try_get("kind").map_err(db)?;
                let data: String = r.try_get("data_json").map_err(db)?;
                Ok(OutboxRow {
                    id: r.try_get("id").map_err(db)?,
                    kind: NoticeKind::from_code(&kind)
                        .ok_or_else(|| StoreError::Corrupt(format!("notice kind {kind}")))?,
                    ticket_id: r.try_get("ticket_id").map_err(db)?,
                    actor_id: r.try_get("actor_id").map_err(db)?,
                    public: r.try_get::<i64, _>("public").map_err(db)? == 1,
                    data: serde_json::from_str(&data).unwrap_or_default(),
                    at: from_ms(r.try_get("created_at").map_err(db)?)?,
                })
            })
            .collect()
    }

    /// The ticket a notice is about.
    pub async fn ticket_context(&self, id: i64) -> Result<Option<TicketContext>, StoreError> {
        let row = sqlx::query(
            "SELECT number, subject, priority, status, category, requester_id, contact_email,
                    locale, assignee_id, team_id, first_response_due FROM tickets WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(self.pool())
        .await
        .map_err(db)?;
        let Some(r) = row else { return Ok(None) };
        let locale: String = r.try_get("locale").map_err(db)?;
        Ok(Some(TicketContext {
            number: r.try_get("number").map_err(db)?,
            subject: r.try_get("subject").map_err(db)?,
            priority: r.try_get("priority").map_err(db)?,
            status: r.try_get("status").map_err(db)?,
            category: r.try_get("category").map_err(db)?,
            requester_id: r.try_get("requester_id").map_err(db)?,
            contact_email: r.try_get("contact_email").map_err(db)?,
            locale: Locale::parse(&locale).unwrap_or_default(),
            assignee_id: r.try_get("assignee_id").map_err(db)?,
            team_id: r.try_get("team_id").map_err(db)?,
            first_response_due: from_ms(r.try_get("first_response_due").map_err(db)?)?,
        }))
    }

    /// Active accounts of a group, with their language and muted notices.
    pub async fn people(&self, who: People) -> Result<Vec<Person>, StoreError> {
        let (filter, id) = match who {
            People::One(id) => ("u.id = $1".to_string(), id),
            People::Team(Some(team)) => (
                format!("{WORKER} AND u.id IN (SELECT user_id FROM team_members WHERE team_id = $1)"),
                team,
            ),
            People::Team(None) => (format!("{WORKER} AND $1 = $1"), 0),
            People::Leads => (
                "EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = 'admin') AND $1 = $1"
                    .to_string(),
                0,
            ),
        };
        let sql = format!("{PERSON} AND {filter} ORDER BY u.id");
        let query = sqlx::query(&sql).bind(id);
        let rows = query.fetch_all(self.pool()).await.map_err(db)?;
        rows.iter()
            .map(|r| {
                let locale: String = r.try_get("locale").map_err(db)?;
                let muted: String = r.try_get("muted").map_err(db)?;
                Ok(Person {
                    id: r.try_get("id").map_err(db)?,
                    email: r.try_get("email").map_err(db)?,
                    locale: Locale::parse(&locale).unwrap_or_default(),
                    muted: serde_json::from_str(&muted).unwrap_or_default(),
                })
            })
            .collect()
    }

    /// Writes a notice's deliveries and marks it dispatched, in one transaction. A delivery
    /// whose key exists (another worker got there first) is skipped. Secrets in the notice's
    /// data are dropped: the deliveries that need them hold them until sent.
    pub async fn dispatch(
        &self,
        event_id: i64,
        deliveries: &[NewDelivery],
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let mut tx = super::write_tx(self.writer()).await?;
        for d in deliveries {
            sqlx::query(
                "INSERT INTO deliveries (event_id, channel, recipient, webhook_id, idem_key, summary,
                     payload, secret, next_at, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
                 ON CONFLICT (idem_key) DO NOTHING",
            )
            .bind(event_id)
            .bind(d.channel)
            .bind(&d.recipient)
            .bind(d.webhook_id)
            .bind(&d.idem_key)
            .bind(&d.summary)
            .bind(&d.payload)
            .bind(i64::from(d.secret))
            .bind(to_ms(now))
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        }
        sqlx::query(
            "UPDATE outbox_events SET dispatched = 1,
                 data_json = json_remove(data_json, '$.link', '$.to')
             WHERE id = $1",
        )
        .bind(event_id)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        tx.commit().await.map_err(db)
    }

    /// Leases up to `limit` due deliveries for `lease_ms`, counting the attempt now, so a
    /// sender that dies mid-send leaves them to be taken again once the lease runs out.
    pub async fn claim_due(
        &self,
        now: DateTime<Utc>,
        lease_ms: i64,
        limit: i64,
    ) -> Result<Vec<Claimed>, StoreError> {
        let now = to_ms(now);
        // Several instances claim at once on PostgreSQL: each skips rows another is claiming,
        // and the outer condition is checked again on a row that was claimed meanwhile.
        let skip_locked = if super::is_postgres(self.writer()) {
            "FOR UPDATE SKIP LOCKED"
        } else {
            ""
        };
        let rows = sqlx::query(&format!(
            "UPDATE deliveries SET leased_until = $1 + $2, attempts = attempts + 1
             WHERE id IN (SELECT id FROM deliveries
                          WHERE status = 'pending' AND next_at <= $1 AND leased_until < $1
                          ORDER BY next_at, id LIMIT $3 {skip_locked})
               AND status = 'pending' AND leased_until < $1
             RETURNING id, channel, webhook_id, idem_key, payload, attempts,
                       (SELECT kind FROM outbox_events o WHERE o.id = deliveries.event_id) AS kind"
        ))
        .bind(now)
        .bind(lease_ms)
        .bind(limit)
        .fetch_all(self.writer())
        .await
        .map_err(db)?;
        rows.iter()
            .map(|r| {
                Ok(Claimed {
                    id: r.try_get("id").map_err(db)?,
                    channel: r.try_get("channel").map_err(db)?,
                    webhook_id: r.try_get("webhook_id").map_err(db)?,
                    idem_key: r.try_get("idem_key").map_err(db)?,
                    kind: r.try_get("kind").map_err(db)?,
                    payload: r.try_get("payload").map_err(db)?,
                    attempts: r.try_get("attempts").map_err(db)?,
                })
            })
            .collect()
    }

    /// Records a delivery as sent (the last failure's reason stays for the log); a payload
    /// holding a private link is blanked.
    pub async fn delivered(&self, id: i64, now: DateTime<Utc>) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE deliveries SET status = 'sent', sent_at = $2, leased_until = 0,
                 payload = CASE WHEN secret = 1 THEN '' ELSE payload END
             WHERE id = $1",
        )
        .bind(id)
        .bind(to_ms(now))
        .execute(self.writer())
        .await
        .map_err(db)?;
        Ok(())
    }

    /// Records a failed attempt: tried again at `retry_at`, or marked failed when `None`.
    pub async fn attempt_failed(
        &self,
        id: i64,
        error: &str,
        retry_at: Option<DateTime<Utc>>,
    ) -> Result<(), StoreError> {
        let error: String = error.chars().take(500).collect();
        sqlx::query(
            "UPDATE deliveries SET leased_until = 0, last_error = $2,
                 status = CASE WHEN $3 IS NULL THEN 'failed' ELSE 'pending' END,
                 next_at = COALESCE($3, next_at)
             WHERE id = $1",
        )
        .bind(id)
        .bind(error)
        .bind(retry_at.map(to_ms))
        .execute(self.writer())
        .await
        .map_err(db)?;
        Ok(())
    }

    /// The newest notice's id: where a fresh live stream starts.
    pub async fn last_notice_id(&self) -> Result<i64, StoreError> {
        sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM outbox_events")
            .fetch_one(self.pool())
            .await
            .map_err(db)
    }

    /// Notices after `after`, oldest first, for the live stream.
    pub async fn live_after(&self, after: i64, limit: i64) -> Result<Vec<LiveRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT o.id, o.kind, o.public, t.number, t.requester_id, t.priority,
                    COALESCE(t.subject, json_extract(o.data_json, '$.title_zh'), '') AS title
             FROM outbox_events o LEFT JOIN tickets t ON t.id = o.ticket_id
             WHERE o.id > $1 ORDER BY o.id LIMIT $2",
        )
        .bind(after)
        .bind(limit)
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter()
            .filter_map(|r| {
                let kind: String = r.try_get("kind").ok()?;
                Some((r, NoticeKind::from_code(&kind)?))
            })
            .map(|(r, kind)| {
                let priority: Option<String> = r.try_get("priority").map_err(db)?;
                Ok(LiveRow {
                    id: r.try_get("id").map_err(db)?,
                    kind,
                    public: r.try_get::<i64, _>("public").map_err(db)? == 1,
                    number: r.try_get("number").map_err(db)?,
                    title: r.try_get("title").map_err(db)?,
                    urgent: priority.as_deref() == Some("urgent"),
                    requester_id: r.try_get("requester_id").map_err(db)?,
                })
            })
            .collect()
    }
}
