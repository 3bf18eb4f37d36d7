//! A person's data: the download and the erasure (pseudonymisation).

use super::db;
use app::ports::StoreError;
use serde_json::{json, Value};
use sqlx::{AnyPool, Row};

/// Everything stored about a person: account, tickets with their public timelines.
pub(super) async fn export(pool: &AnyPool, user_id: i64) -> Result<Value, StoreError> {
    let user = sqlx::query(
        "SELECT email, display_name, locale, created_at, email_verified_at FROM users WHERE id = $1",
    )
    .bind(user_id)
    .fetch_optional(pool)
    .await
    .map_err(db)?;
    let Some(user) = user else {
        return Ok(Value::Null);
    };
    let tickets = sqlx::query(
        "SELECT id, number, subject, description, contact_name, contact_email, contact_phone,
                organisation, category, priority, impact, status, created_at
         FROM tickets WHERE requester_id = $1 ORDER BY id",
    )
    .bind(user_id)
    .fetch_all(pool)
    .await
    .map_err(db)?;
    let mut out = Vec::new();
    for t in tickets {
        let id: i64 = t.try_get("id").map_err(db)?;
        let events = sqlx::query(
            "SELECT kind, actor_name, body, created_at FROM ticket_events
             WHERE ticket_id = $1 AND public = 1 ORDER BY id",
        )
        .bind(id)
        .fetch_all(pool)
        .await
        .map_err(db)?;
        let events: Result<Vec<Value>, StoreError> = events
            .iter()
            .map(|e| {
                Ok(json!({
                    "kind": e.try_get::<String, _>("kind").map_err(db)?,
                    "author": e.try_get::<String, _>("actor_name").map_err(db)?,
                    "body": e.try_get::<String, _>("body").map_err(db)?,
                    "at_ms": e.try_get::<i64, _>("created_at").map_err(db)?,
                }))
            })
            .collect();
        let text = |c: &str| t.try_get::<Option<String>, _>(c).map_err(db);
        out.push(json!({
            "number": text("number")?,
            "subject": text("subject")?,
            "description": text("description")?,
            "contact_name": text("contact_name")?,
            "contact_email": text("contact_email")?,
            "contact_phone": text("contact_phone")?,
            "organisation": text("organisation")?,
            "category": text("category")?,
            "priority": text("priority")?,
            "impact": text("impact")?,
            "status": text("status")?,
            "created_at_ms": t.try_get::<i64, _>("created_at").map_err(db)?,
            "timeline": events?,
        }));
    }
    let runs = sqlx::query(
        "SELECT f.slug, v.version, r.status, r.path_json, r.started_at
         FROM flow_runs r JOIN flow_versions v ON v.id = r.version_id
         JOIN flows f ON f.id = v.flow_id WHERE r.user_id = $1 ORDER BY r.id",
    )
    .bind(user_id)
    .fetch_all(pool)
    .await
    .map_err(db)?;
    let runs = runs
        .iter()
        .map(|r| {
            let path: String = r.try_get("path_json").map_err(db)?;
            Ok(json!({
                "flow": r.try_get::<String, _>("slug").map_err(db)?,
                "version": r.try_get::<i64, _>("version").map_err(db)?,
                "status": r.try_get::<String, _>("status").map_err(db)?,
                "answers": serde_json::from_str::<Value>(&path).unwrap_or(Value::Null),
                "started_at_ms": r.try_get::<i64, _>("started_at").map_err(db)?,
            }))
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    Ok(json!({
        "diagnosis_runs": runs,
        "account": {
            "email": user.try_get::<String, _>("email").map_err(db)?,
            "display_name": user.try_get::<String, _>("display_name").map_err(db)?,
            "locale": user.try_get::<String, _>("locale").map_err(db)?,
            "created_at_ms": user.try_get::<i64, _>("created_at").map_err(db)?,
            "email_verified_at_ms": user.try_get::<Option<i64>, _>("email_verified_at").map_err(db)?,
        },
        "tickets": out,
    }))
}

/// Replaces a person's details with a pseudonym everywhere, in one transaction; the tickets and
/// their timelines stay (service records), the sessions and links go.
pub(super) async fn erase(pool: &AnyPool, user_id: i64, now_ms: i64) -> Result<(), StoreError> {
    let pseudonym = format!("erased-user-{user_id}");
    let mut tx = super::write_tx(pool).await?;
    // Mail to them: the log keeps that something was sent, not to whom or what; unsent mail
    // is not sent any more.
    sqlx::query(
        "UPDATE deliveries SET recipient = $2, payload = '',
             status = CASE WHEN status = 'pending' THEN 'failed' ELSE status END,
             last_error = CASE WHEN status = 'pending' THEN 'recipient erased' ELSE last_error END
         WHERE channel = 'email' AND recipient = (SELECT email FROM users WHERE id = $1)",
    )
    .bind(user_id)
    .bind(format!("{pseudonym}@invalid"))
    .execute(&mut *tx)
    .await
    .map_err(db)?;
    sqlx::query(
        "UPDATE outbox_events SET data_json = json_set(data_json, '$.actor', $2) WHERE actor_id = $1",
    )
    .bind(user_id)
    .bind(&pseudonym)
    .execute(&mut *tx)
    .await
    .map_err(db)?;
    sqlx::query(
        "UPDATE users SET email = $1, display_name = $2, password_hash = NULL, erased_at = $3,
                disabled = 1
         WHERE id = $4",
    )
    .bind(format!("{pseudonym}@invalid"))
    .bind(&pseudonym)
    .bind(now_ms)
    .bind(user_id)
    .execute(&mut *tx)
    .await
    .map_err(db)?;
    sqlx::query(
        "UPDATE tickets SET contact_name = $1, contact_email = $2, contact_phone = NULL,
                organisation = NULL
         WHERE requester_id = $3",
    )
    .bind(&pseudonym)
    .bind(format!("{pseudonym}@invalid"))
    .bind(user_id)
    .execute(&mut *tx)
    .await
    .map_err(db)?;
    // Their own timeline entries: written while signed in, or as the guest who opened a ticket
    // they later claimed (staff entries always carry an actor id).
    sqlx::query(
        "UPDATE ticket_events SET actor_name = $1
         WHERE actor_id = $2
            OR (actor_id IS NULL AND ticket_id IN (SELECT id FROM tickets WHERE requester_id = $2))",
    )
    .bind(&pseudonym)
    .bind(user_id)
    .execute(&mut *tx)
    .await
    .map_err(db)?;
    // Diagnosis runs hold only answers to fixed questions; unlinking them is enough.
    sqlx::query("UPDATE flow_runs SET user_id = NULL WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
    for table in [
        "user_roles",
        "sessions",
        "one_time_tokens",
        "notification_prefs",
    ] {
        sqlx::query(&format!("DELETE FROM {table} WHERE user_id = $1"))
            .bind(user_id)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
    }
    tx.commit().await.map_err(db)
}
