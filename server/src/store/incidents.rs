//! Major incidents on SQLite: declaring, linking tickets, resolving with notices.

use super::outbox::{record, Notice};
use super::{db, from_ms, to_ms};
use app::domain::incident::{Incident, IncidentForm};
use app::domain::notify::NoticeKind;
use app::ports::{LinkOutcome, StoreError};
use chrono::{DateTime, Utc};
use sqlx::{AnyPool, Row};

/// Open incidents first (newest first), then resolved ones; with their tickets' numbers.
pub(super) async fn list(
    pool: &AnyPool,
    open_only: bool,
    limit: i64,
) -> Result<Vec<Incident>, StoreError> {
    let rows = sqlx::query(
        "SELECT i.id, i.title_zh, i.title_en, i.services_zh, i.services_en, i.declared_at,
                i.resolved_at,
                (SELECT string_agg(t.number, ' ') FROM incident_tickets l
                 JOIN tickets t ON t.id = l.ticket_id WHERE l.incident_id = i.id) AS numbers
         FROM incidents i WHERE (NOT $1 OR i.resolved_at IS NULL)
         ORDER BY i.resolved_at IS NOT NULL, COALESCE(i.resolved_at, i.declared_at) DESC
         LIMIT $2",
    )
    .bind(open_only)
    .bind(limit)
    .fetch_all(pool)
    .await
    .map_err(db)?;
    rows.iter()
        .map(|r| {
            let numbers: Option<String> = r.try_get("numbers").map_err(db)?;
            let mut tickets: Vec<String> = numbers
                .unwrap_or_default()
                .split_whitespace()
                .map(str::to_string)
                .collect();
            tickets.sort();
            Ok(Incident {
                id: r.try_get("id").map_err(db)?,
                title_zh: r.try_get("title_zh").map_err(db)?,
                title_en: r.try_get("title_en").map_err(db)?,
                services_zh: r.try_get("services_zh").map_err(db)?,
                services_en: r.try_get("services_en").map_err(db)?,
                declared_at: from_ms(r.try_get("declared_at").map_err(db)?)?,
                resolved_at: r
                    .try_get::<Option<i64>, _>("resolved_at")
                    .map_err(db)?
                    .map(from_ms)
                    .transpose()?,
                tickets,
            })
        })
        .collect()
}

/// Declares an incident; the notice goes to webhooks and live streams.
pub(super) async fn declare(
    pool: &AnyPool,
    f: &IncidentForm,
    by: i64,
    at: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let mut tx = super::write_tx(pool).await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO incidents (title_zh, title_en, services_zh, services_en, declared_by, declared_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(&f.title_zh)
    .bind(&f.title_en)
    .bind(&f.services_zh)
    .bind(&f.services_en)
    .bind(by)
    .bind(to_ms(at))
    .fetch_one(&mut *tx)
    .await
    .map_err(db)?;
    let notice = Notice {
        kind: NoticeKind::IncidentDeclared,
        ticket_id: None,
        actor_id: Some(by),
        public: true,
        data: facts(id, f),
        at,
    };
    record(&mut tx, notice).await?;
    tx.commit().await.map_err(db)?;
    Ok(id)
}

fn facts(id: i64, f: &IncidentForm) -> serde_json::Value {
    serde_json::json!({
        "incident": id, "title_zh": f.title_zh, "title_en": f.title_en,
        "services_zh": f.services_zh, "services_en": f.services_en,
    })
}

/// Links a ticket to an open incident (again is fine).
pub(super) async fn link(
    pool: &AnyPool,
    id: i64,
    number: &str,
    at: DateTime<Utc>,
) -> Result<LinkOutcome, StoreError> {
    let open: Option<i64> =
        sqlx::query_scalar("SELECT id FROM incidents WHERE id = $1 AND resolved_at IS NULL")
            .bind(id)
            .fetch_optional(pool)
            .await
            .map_err(db)?;
    if open.is_none() {
        return Ok(LinkOutcome::Closed);
    }
    let done = sqlx::query(
        "INSERT INTO incident_tickets (incident_id, ticket_id, linked_at)
         SELECT $1, id, $3 FROM tickets WHERE number = $2
         ON CONFLICT (incident_id, ticket_id) DO NOTHING",
    )
    .bind(id)
    .bind(number.trim())
    .bind(to_ms(at))
    .execute(pool)
    .await
    .map_err(db)?;
    if done.rows_affected() == 1 {
        return Ok(LinkOutcome::Linked);
    }
    let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM tickets WHERE number = $1")
        .bind(number.trim())
        .fetch_optional(pool)
        .await
        .map_err(db)?;
    Ok(if exists.is_some() {
        LinkOutcome::Linked
    } else {
        LinkOutcome::NoTicket
    })
}

/// Resolves an open incident and, in the same transaction, queues a notice for each linked
/// ticket, so no customer is forgotten if the server stops right after.
pub(super) async fn resolve(
    pool: &AnyPool,
    id: i64,
    by: i64,
    at: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let mut tx = super::write_tx(pool).await?;
    let row = sqlx::query(
        "UPDATE incidents SET resolved_at = $2 WHERE id = $1 AND resolved_at IS NULL
         RETURNING title_zh, title_en, services_zh, services_en",
    )
    .bind(id)
    .bind(to_ms(at))
    .fetch_optional(&mut *tx)
    .await
    .map_err(db)?;
    let Some(r) = row else { return Ok(false) };
    let form = IncidentForm {
        title_zh: r.try_get("title_zh").map_err(db)?,
        title_en: r.try_get("title_en").map_err(db)?,
        services_zh: r.try_get("services_zh").map_err(db)?,
        services_en: r.try_get("services_en").map_err(db)?,
    };
    let tickets: Vec<i64> =
        sqlx::query_scalar("SELECT ticket_id FROM incident_tickets WHERE incident_id = $1")
            .bind(id)
            .fetch_all(&mut *tx)
            .await
            .map_err(db)?;
    for ticket in tickets {
        let notice = Notice {
            kind: NoticeKind::IncidentResolved,
            ticket_id: Some(ticket),
            actor_id: Some(by),
            public: true,
            data: facts(id, &form),
            at,
        };
        record(&mut tx, notice).await?;
    }
    tx.commit().await.map_err(db)?;
    Ok(true)
}
