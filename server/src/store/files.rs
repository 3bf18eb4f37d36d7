//! Records of attached files on SQLite: staging, claiming by a message, lookup for serving.

use super::{db, to_ms, SqlStore};
use app::domain::attachment::{AttachmentView, FileKind};
use app::ports::{AttachmentRecord, FileStore, StagedRecord, StoreError};
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::{Any, Row, Transaction};
use std::collections::HashMap;

#[async_trait]
impl FileStore for SqlStore {
    async fn stage_file(&self, r: StagedRecord) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO staged_files (token_hash, filename, kind, size_bytes, sha256, storage_key,
                 display_key, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&r.token_hash)
        .bind(&r.file.name)
        .bind(r.file.kind.code())
        .bind(r.file.size)
        .bind(&r.stored.sha256)
        .bind(&r.stored.key)
        .bind(&r.stored.display_key)
        .bind(to_ms(r.at))
        .execute(self.pool())
        .await
        .map_err(db)?;
        Ok(())
    }

    async fn expire_staged(&self, before: DateTime<Utc>) -> Result<Vec<String>, StoreError> {
        let rows = sqlx::query(
            "DELETE FROM staged_files WHERE created_at < $1 RETURNING storage_key, display_key",
        )
        .bind(to_ms(before))
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        let mut keys = Vec::new();
        for r in rows {
            keys.push(r.try_get("storage_key").map_err(db)?);
            if let Some(k) = r.try_get::<Option<String>, _>("display_key").map_err(db)? {
                keys.push(k);
            }
        }
        Ok(keys)
    }

    async fn attachment(&self, id: i64) -> Result<Option<AttachmentRecord>, StoreError> {
        let row = sqlx::query(
            "SELECT a.id, t.number, COALESCE(e.public, 1) AS public, a.filename, a.kind,
                    a.size_bytes, a.storage_key, a.display_key
             FROM attachments a
             JOIN tickets t ON t.id = a.ticket_id
             LEFT JOIN ticket_events e ON e.id = a.event_id
             WHERE a.id = $1",
        )
        .bind(id)
        .fetch_optional(self.pool())
        .await
        .map_err(db)?;
        row.map(|r| {
            Ok(AttachmentRecord {
                id: r.try_get("id").map_err(db)?,
                ticket_number: r.try_get("number").map_err(db)?,
                internal: r.try_get::<i64, _>("public").map_err(db)? == 0,
                name: r.try_get("filename").map_err(db)?,
                kind: kind(&r)?,
                size: r.try_get("size_bytes").map_err(db)?,
                storage_key: r.try_get("storage_key").map_err(db)?,
                display_key: r.try_get("display_key").map_err(db)?,
            })
        })
        .transpose()
    }
}

fn kind(r: &sqlx::any::AnyRow) -> Result<FileKind, StoreError> {
    let code: String = r.try_get("kind").map_err(db)?;
    FileKind::from_code(&code).ok_or_else(|| StoreError::Corrupt(format!("file kind {code}")))
}

/// Moves staged files onto a timeline entry, inside the entry's transaction. Tokens that are
/// unknown (expired, or already used) attach nothing.
pub(super) async fn claim(
    tx: &mut Transaction<'_, Any>,
    ticket_id: i64,
    event_id: i64,
    token_hashes: &[String],
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    for hash in token_hashes {
        let Some(r) = sqlx::query("DELETE FROM staged_files WHERE token_hash = $1 RETURNING *")
            .bind(hash)
            .fetch_optional(&mut **tx)
            .await
            .map_err(db)?
        else {
            tracing::warn!("a message named a staged file that is gone");
            continue;
        };
        sqlx::query(
            "INSERT INTO attachments (ticket_id, event_id, filename, content_type, size_bytes,
                 sha256, storage_key, kind, display_key, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(ticket_id)
        .bind(event_id)
        .bind(r.try_get::<String, _>("filename").map_err(db)?)
        .bind(kind(&r)?.content_type())
        .bind(r.try_get::<i64, _>("size_bytes").map_err(db)?)
        .bind(r.try_get::<String, _>("sha256").map_err(db)?)
        .bind(r.try_get::<String, _>("storage_key").map_err(db)?)
        .bind(r.try_get::<String, _>("kind").map_err(db)?)
        .bind(r.try_get::<Option<String>, _>("display_key").map_err(db)?)
        .bind(to_ms(at))
        .execute(&mut **tx)
        .await
        .map_err(db)?;
    }
    Ok(())
}

/// A ticket's attachments by timeline entry, with links that still lack any access key.
pub(super) async fn of_ticket(
    pool: &sqlx::AnyPool,
    number: &str,
) -> Result<HashMap<i64, Vec<AttachmentView>>, StoreError> {
    let rows = sqlx::query(
        "SELECT a.id, a.event_id, a.filename, a.kind, a.size_bytes, a.display_key
         FROM attachments a JOIN tickets t ON t.id = a.ticket_id
         WHERE t.number = $1 ORDER BY a.id",
    )
    .bind(number)
    .fetch_all(pool)
    .await
    .map_err(db)?;
    let mut by_event: HashMap<i64, Vec<AttachmentView>> = HashMap::new();
    for r in rows {
        let id: i64 = r.try_get("id").map_err(db)?;
        let event: Option<i64> = r.try_get("event_id").map_err(db)?;
        let display: Option<String> = r.try_get("display_key").map_err(db)?;
        by_event
            .entry(event.unwrap_or_default())
            .or_default()
            .push(AttachmentView {
                name: r.try_get("filename").map_err(db)?,
                size: r.try_get("size_bytes").map_err(db)?,
                kind: kind(&r)?,
                href: format!("/files/{id}"),
                preview_href: display.map(|_| format!("/files/{id}/display")),
            });
    }
    Ok(by_event)
}
