//! Ratings and complaints on SQLite.

use super::tickets::insert_event;
use super::{db, from_ms, to_ms, SqlStore};
use app::domain::rating::{ComplaintView, Rating, RatingView};
use app::domain::ticket::{EventChange, EventKind};
use app::ports::{
    CareStore, ComplaintOutcome, NewTicketEvent, RateOutcome, RatingInsert, StoreError,
};
use async_trait::async_trait;
use sqlx::any::AnyRow;
use sqlx::Row;

const COMPLAINT_COLUMNS: &str = "t.number, t.subject, r.overall, r.comment, c.opened_at,
    c.due_at, c.outcome, c.handled_by, c.closed_at
    FROM complaints c JOIN tickets t ON t.id = c.ticket_id
    JOIN ratings r ON r.ticket_id = c.ticket_id";

fn stars(r: &AnyRow, column: &str) -> Result<Option<u8>, StoreError> {
    let v: Option<i64> = r.try_get(column).map_err(db)?;
    v.map(|n| u8::try_from(n).map_err(|_| StoreError::Corrupt(format!("{column} = {n}"))))
        .transpose()
}

fn complaint(r: &AnyRow) -> Result<ComplaintView, StoreError> {
    Ok(ComplaintView {
        number: r.try_get("number").map_err(db)?,
        subject: r.try_get("subject").map_err(db)?,
        overall: stars(r, "overall")?.unwrap_or(1),
        comment: r.try_get("comment").map_err(db)?,
        opened_at: from_ms(r.try_get("opened_at").map_err(db)?)?,
        due_at: from_ms(r.try_get("due_at").map_err(db)?)?,
        outcome: r.try_get("outcome").map_err(db)?,
        handled_by: r.try_get("handled_by").map_err(db)?,
        closed_at: r
            .try_get::<Option<i64>, _>("closed_at")
            .map_err(db)?
            .map(from_ms)
            .transpose()?,
    })
}

#[async_trait]
impl CareStore for SqlStore {
    async fn rate(&self, i: RatingInsert) -> Result<RateOutcome, StoreError> {
        let mut tx = super::write_tx(self.writer()).await?;
        let at = to_ms(i.at);
        let ticket_id: Option<i64> =
            sqlx::query_scalar("UPDATE tickets SET updated_at = $1 WHERE number = $2 RETURNING id")
                .bind(at)
                .bind(&i.number)
                .fetch_optional(&mut *tx)
                .await
                .map_err(db)?;
        let Some(ticket_id) = ticket_id else {
            return Err(StoreError::Corrupt(format!("no ticket {}", i.number)));
        };
        let r = &i.rating;
        let saved: Option<i64> = sqlx::query_scalar(
            "INSERT INTO ratings (ticket_id, overall, speed, effect, attitude, comment, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (ticket_id) DO NOTHING RETURNING ticket_id",
        )
        .bind(ticket_id)
        .bind(i64::from(r.overall))
        .bind(r.speed.map(i64::from))
        .bind(r.effect.map(i64::from))
        .bind(r.attitude.map(i64::from))
        .bind(&r.comment)
        .bind(at)
        .fetch_optional(&mut *tx)
        .await
        .map_err(db)?;
        if saved.is_none() {
            return Ok(RateOutcome::AlreadyRated);
        }
        let event = |kind, actor_id, actor_name: &str, body: &str, change| NewTicketEvent {
            number: i.number.clone(),
            kind,
            actor_id,
            actor_name: actor_name.to_string(),
            public: true,
            body: body.to_string(),
            at: i.at,
            change,
            files: Vec::new(),
        };
        let rated = event(
            EventKind::Rated,
            i.actor_id,
            &i.actor_name,
            &r.comment,
            Some(EventChange::Rated { overall: r.overall }),
        );
        insert_event(&mut tx, ticket_id, &rated).await?;
        if let Some(due) = i.complaint_due {
            sqlx::query(
                "INSERT INTO complaints (ticket_id, opened_at, due_at) VALUES ($1, $2, $3)",
            )
            .bind(ticket_id)
            .bind(at)
            .bind(to_ms(due))
            .execute(&mut *tx)
            .await
            .map_err(db)?;
            // Written by the portal itself, which opened the complaint.
            let opened = event(EventKind::Complaint, None, "", "", None);
            insert_event(&mut tx, ticket_id, &opened).await?;
        }
        tx.commit().await.map_err(db)?;
        Ok(RateOutcome::Saved)
    }

    async fn rating(&self, number: &str) -> Result<Option<RatingView>, StoreError> {
        let row = sqlx::query(
            "SELECT r.overall, r.speed, r.effect, r.attitude, r.comment, r.created_at
             FROM ratings r JOIN tickets t ON t.id = r.ticket_id WHERE t.number = $1",
        )
        .bind(number)
        .fetch_optional(self.pool())
        .await
        .map_err(db)?;
        row.map(|r| {
            Ok(RatingView {
                rating: Rating {
                    overall: stars(&r, "overall")?.unwrap_or(1),
                    speed: stars(&r, "speed")?,
                    effect: stars(&r, "effect")?,
                    attitude: stars(&r, "attitude")?,
                    comment: r.try_get("comment").map_err(db)?,
                },
                at: from_ms(r.try_get("created_at").map_err(db)?)?,
            })
        })
        .transpose()
    }

    async fn complaint(&self, number: &str) -> Result<Option<ComplaintView>, StoreError> {
        let sql = format!("SELECT {COMPLAINT_COLUMNS} WHERE t.number = $1");
        let row = sqlx::query(&sql)
            .bind(number)
            .fetch_optional(self.pool())
            .await
            .map_err(db)?;
        row.as_ref().map(complaint).transpose()
    }

    async fn complaints(&self, open: bool, limit: i64) -> Result<Vec<ComplaintView>, StoreError> {
        let sql = if open {
            format!(
                "SELECT {COMPLAINT_COLUMNS} WHERE c.closed_at IS NULL ORDER BY c.due_at LIMIT $1"
            )
        } else {
            format!(
                "SELECT {COMPLAINT_COLUMNS} WHERE c.closed_at IS NOT NULL
                 ORDER BY c.closed_at DESC LIMIT $1"
            )
        };
        let rows = sqlx::query(&sql)
            .bind(limit)
            .fetch_all(self.pool())
            .await
            .map_err(db)?;
        rows.iter().map(complaint).collect()
    }

    async fn close_complaint(&self, o: ComplaintOutcome) -> Result<bool, StoreError> {
        let mut tx = super::write_tx(self.writer()).await?;
        let ticket_id: Option<i64> = sqlx::query_scalar(
            "UPDATE complaints SET outcome = $1, handled_by = $2, closed_at = $3
             WHERE closed_at IS NULL
               AND ticket_id = (SELECT id FROM tickets WHERE number = $4)
             RETURNING ticket_id",
        )
        .bind(&o.outcome)
        .bind(&o.by_name)
        .bind(to_ms(o.at))
        .bind(&o.number)
        .fetch_optional(&mut *tx)
        .await
        .map_err(db)?;
        let Some(ticket_id) = ticket_id else {
            return Ok(false);
        };
        let event = NewTicketEvent {
            number: o.number.clone(),
            kind: EventKind::ComplaintClosed,
            actor_id: Some(o.by_id),
            actor_name: o.by_name.clone(),
            public: true,
            body: o.outcome.clone(),
            at: o.at,
            change: None,
            files: Vec::new(),
        };
        insert_event(&mut tx, ticket_id, &event).await?;
        tx.commit().await.map_err(db)?;
        Ok(true)
    }
}
