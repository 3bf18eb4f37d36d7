//! The hash-chained audit trail on SQLite.

use super::db;
use super::rows::escape_like;
use super::sql::SqlStore;
use app::domain::audit::{canonical, verify_chain, AuditEntry, AuditRecord, ChainBreak, GENESIS};
use app::ports::{AuditFilter, AuditStore, StoreError};
use async_trait::async_trait;
use sha2::{Digest, Sha256};
use sqlx::any::AnyRow;
use sqlx::Row;

/// SHA-256, hex-encoded.
pub fn sha256_hex(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

fn record_of(row: &AnyRow) -> Result<AuditRecord, StoreError> {
    Ok(AuditRecord {
        id: row.try_get("id").map_err(db)?,
        entry: AuditEntry {
            at_ms: row.try_get("at").map_err(db)?,
            actor_id: row.try_get("actor_id").map_err(db)?,
            actor_label: row.try_get("actor_label").map_err(db)?,
            action: row.try_get("action").map_err(db)?,
            target: row.try_get("target").map_err(db)?,
            detail: row.try_get("detail").map_err(db)?,
            source_ip: row.try_get("source_ip").map_err(db)?,
        },
        prev_hash: row.try_get("prev_hash").map_err(db)?,
        hash: row.try_get("hash").map_err(db)?,
    })
}

const COLUMNS: &str =
    "id, at, actor_id, actor_label, action, target, detail, source_ip, prev_hash, hash";

#[async_trait]
impl AuditStore for SqlStore {
    async fn append_audit(&self, e: AuditEntry) -> Result<(), StoreError> {
        // Appends are serialised so two records never chain to the same predecessor; the
        // explicit id makes a race with another process fail instead of forking the chain.
        let _guard = self.audit_lock().lock().await;
        let mut tx = super::write_tx(self.writer()).await?;
        let last: Option<(i64, String)> =
            sqlx::query_as("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")
                .fetch_optional(&mut *tx)
                .await
                .map_err(db)?;
        let (id, prev) = match last {
            Some((id, hash)) => (id + 1, hash),
            None => (1, GENESIS.to_string()),
        };
        let hash = sha256_hex(&canonical(id, &e, &prev));
        sqlx::query(
            "INSERT INTO audit_log (id, at, actor_id, actor_label, action, target, detail, source_ip, prev_hash, hash)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(id)
        .bind(e.at_ms)
        .bind(e.actor_id)
        .bind(&e.actor_label)
        .bind(&e.action)
        .bind(&e.target)
        .bind(&e.detail)
        .bind(&e.source_ip)
        .bind(&prev)
        .bind(&hash)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        tx.commit().await.map_err(db)
    }

    async fn audit_records(&self, f: AuditFilter) -> Result<Vec<AuditRecord>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM audit_log
             WHERE lower(action) LIKE lower($1) ESCAPE '\\' AND lower(actor_label) LIKE lower($2) ESCAPE '\\' AND id < $3
             ORDER BY id DESC LIMIT $4"
        ))
        .bind(format!("{}%", escape_like(&f.action_prefix)))
        .bind(format!("%{}%", escape_like(&f.actor)))
        .bind(f.before_id.unwrap_or(i64::MAX))
        .bind(f.limit.clamp(1, 500))
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter().map(record_of).collect()
    }

    async fn verify_audit(&self) -> Result<Result<usize, ChainBreak>, StoreError> {
        let rows = sqlx::query(&format!("SELECT {COLUMNS} FROM audit_log ORDER BY id"))
            .fetch_all(self.pool())
            .await
            .map_err(db)?;
        let records: Vec<AuditRecord> = rows.iter().map(record_of).collect::<Result<_, _>>()?;
        Ok(verify_chain(&records, sha256_hex))
    }
}
