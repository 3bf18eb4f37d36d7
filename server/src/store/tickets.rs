//! Writing tickets and their timelines on SQLite.

use super::{db, from_ms, to_ms};
use app::domain::notify::NoticeKind;
use app::domain::ticket::{Code, EventKind, Status, TicketEvent};
use app::domain::ticket_number;
use app::ports::{NewTicketEvent, StoreError, TicketInsert};
use chrono::Datelike;
use sqlx::{AnyPool, Row};

/// Stores a ticket and its first event in one transaction; returns the new number.
pub(super) async fn insert_ticket(
    pool: &AnyPool,
    insert: TicketInsert,
) -> Result<String, StoreError> {
    let t = &insert.ticket;
    let now = to_ms(insert.created_at);
    let year = insert.created_at.year();
    let mut tx = super::write_tx(pool).await?;
    // The first statement writes, so SQLite takes the write lock at once and concurrent
    // creators queue on busy_timeout instead of failing on a stale snapshot.
    let seq: i64 = sqlx::query_scalar(
        "INSERT INTO ticket_counters (year, next_value) VALUES ($1, 1)
         ON CONFLICT (year) DO UPDATE SET next_value = ticket_counters.next_value + 1
         RETURNING next_value",
    )
    .bind(year)
    .fetch_one(&mut *tx)
    .await
    .map_err(db)?;
    let number = ticket_number::format(year, seq);
    let ticket_id: i64 = sqlx::query_scalar(
        "INSERT INTO tickets (number, contact_name, contact_email, contact_phone, organisation,
             subject, description, started, device, software_version, category, priority, impact,
             status, locale, access_hash, created_at, updated_at, first_response_due, resolve_due,
             requester_id, respond_minutes, resolve_minutes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17, $18, $19, $20, $21, $22)
         RETURNING id",
    )
    .bind(&number)
    .bind(&t.contact_name)
    .bind(&t.contact_email)
    .bind(&t.contact_phone)
    .bind(&t.organisation)
    .bind(&t.subject)
    .bind(&t.description)
    .bind(&t.started)
    .bind(&t.device)
    .bind(&t.software_version)
    .bind(t.category.code())
    .bind(t.priority.code())
    .bind(t.impact.code())
    .bind(Status::New.code())
    .bind(insert.locale.code())
    .bind(&insert.access_hash)
    .bind(now)
    .bind(to_ms(insert.first_response_due))
    .bind(to_ms(insert.resolve_due))
    .bind(insert.requester_id)
    .bind(insert.targets.respond_minutes)
    .bind(insert.targets.resolve_minutes)
    .fetch_one(&mut *tx)
    .await
    .map_err(db)?;
    let event_id: i64 = sqlx::query_scalar(
        "INSERT INTO ticket_events (ticket_id, kind, actor_id, actor_name, public, body, created_at)
         VALUES ($1, 'created', $4, $2, 1, '', $3) RETURNING id",
    )
    .bind(ticket_id)
    .bind(&t.contact_name)
    .bind(now)
    .bind(insert.requester_id)
    .fetch_one(&mut *tx)
    .await
    .map_err(db)?;
    super::files::claim(
        &mut tx,
        ticket_id,
        event_id,
        &insert.files,
        insert.created_at,
    )
    .await?;
    // The receipt carries the guest's private link; it is blanked once the mail is out.
    let notice = super::outbox::Notice {
        kind: NoticeKind::TicketCreated,
        ticket_id: Some(ticket_id),
        actor_id: insert.requester_id,
        public: true,
        data: serde_json::json!({
            "actor": t.contact_name,
            "link": insert.link.replace("{number}", &number),
        }),
        at: insert.created_at,
    };
    super::outbox::record(&mut tx, notice).await?;
    super::teams::auto_assign(&mut tx, ticket_id, &number, t.category, insert.created_at).await?;
    tx.commit().await.map_err(db)?;
    Ok(number)
}

/// A ticket's timeline; internal notes only when `internal` is true.
pub(super) async fn events(
    pool: &AnyPool,
    number: &str,
    internal: bool,
) -> Result<Vec<TicketEvent>, StoreError> {
    let rows = sqlx::query(
        "SELECT e.id, e.kind, e.actor_name, e.public, e.body, e.data_json, e.created_at,
                CASE WHEN EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = e.actor_id
                        AND r.role IN ('agent', 'admin')) THEN 1 ELSE 0 END AS by_staff
         FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
         WHERE t.number = $1 AND (e.public = 1 OR $2)
         ORDER BY e.id",
    )
    .bind(number)
    .bind(internal)
    .fetch_all(pool)
    .await
    .map_err(db)?;
    let mut files = super::files::of_ticket(pool, number).await?;
    rows.iter()
        .map(|r| {
            let id: i64 = r.try_get("id").map_err(db)?;
            let kind: String = r.try_get("kind").map_err(db)?;
            let data: String = r.try_get("data_json").map_err(db)?;
            Ok(TicketEvent {
                kind: EventKind::from_code(&kind)
                    .ok_or_else(|| StoreError::Corrupt(format!("event kind {kind}")))?,
                author: r.try_get("actor_name").map_err(db)?,
                body: r.try_get("body").map_err(db)?,
                internal: r.try_get::<i64, _>("public").map_err(db)? == 0,
                at: from_ms(r.try_get("created_at").map_err(db)?)?,
                // Replies and notes store `{}`, which is no change.
                change: serde_json::from_str(&data).ok(),
                attachments: files.remove(&id).unwrap_or_default(),
                by_staff: r.try_get::<i64, _>("by_staff").map_err(db)? == 1,
            })
        })
        .collect()
}

/// Appends an entry to a ticket's timeline and marks the ticket updated.
pub(super) async fn append_event(pool: &AnyPool, e: NewTicketEvent) -> Result<(), StoreError> {
    let mut tx = super::write_tx(pool).await?;
    let id: Option<i64> =
        sqlx::query_scalar("UPDATE tickets SET updated_at = $1 WHERE number = $2 RETURNING id")
            .bind(to_ms(e.at))
            .bind(&e.number)
            .fetch_optional(&mut *tx)
            .await
            .map_err(db)?;
    let Some(ticket_id) = id else {
        return Err(StoreError::Corrupt(format!("no ticket {}", e.number)));
    };
    insert_event(&mut tx, ticket_id, &e).await?;
    tx.commit().await.map_err(db)
}

/// Writes one timeline entry, and the notice it gives, inside the caller's transaction.
pub(super) async fn insert_event(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    ticket_id: i64,
    e: &NewTicketEvent,
) -> Result<(), StoreError> {
    insert_event_with(tx, ticket_id, e, false).await
}

/// Like [`insert_event`]; `with_reply` says the same change carries a reply.
pub(super) async fn insert_event_with(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    ticket_id: i64,
    e: &NewTicketEvent,
    with_reply: bool,
) -> Result<(), StoreError> {
    let data = match &e.change {
        Some(c) => serde_json::to_string(c).map_err(|err| StoreError::Corrupt(err.to_string()))?,
        None => "{}".to_string(),
    };
    let event_id: i64 = sqlx::query_scalar(
        "INSERT INTO ticket_events (ticket_id, kind, actor_id, actor_name, public, body, data_json, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(ticket_id)
    .bind(e.kind.code())
    .bind(e.actor_id)
    .bind(&e.actor_name)
    .bind(i64::from(e.public))
    .bind(&e.body)
    .bind(data)
    .bind(to_ms(e.at))
    .fetch_one(&mut **tx)
    .await
    .map_err(db)?;
    super::files::claim(tx, ticket_id, event_id, &e.files, e.at).await?;
    super::outbox::record_event(tx, ticket_id, e, with_reply).await
}
