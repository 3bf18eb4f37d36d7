//! Canned replies on SQLite.

use super::{db, to_ms, SqlStore};
use app::domain::canned::CannedReply;
use app::i18n::Locale;
use app::ports::{CannedStore, NewCanned, StoreError};
use async_trait::async_trait;
use sqlx::Row;

#[async_trait]
impl CannedStore for SqlStore {
    async fn canned_replies(&self) -> Result<Vec<CannedReply>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, locale, title, body FROM canned_replies ORDER BY locale, title, id",
        )
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter()
            .map(|r| {
                let code: String = r.try_get("locale").map_err(db)?;
                Ok(CannedReply {
                    id: r.try_get("id").map_err(db)?,
                    locale: Locale::parse(&code)
                        .ok_or_else(|| StoreError::Corrupt(format!("locale {code}")))?,
                    title: r.try_get("title").map_err(db)?,
                    body: r.try_get("body").map_err(db)?,
                })
            })
            .collect()
    }

    async fn add_canned(&self, c: NewCanned) -> Result<i64, StoreError> {
        sqlx::query_scalar(
            "INSERT INTO canned_replies (locale, title, body, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(c.locale.code())
        .bind(&c.title)
        .bind(&c.body)
        .bind(c.by)
        .bind(to_ms(c.at))
        .fetch_one(self.writer())
        .await
        .map_err(db)
    }

    async fn delete_canned(&self, id: i64) -> Result<bool, StoreError> {
        let done = sqlx::query("DELETE FROM canned_replies WHERE id = $1")
            .bind(id)
            .execute(self.writer())
            .await
            .map_err(db)?;
        Ok(done.rows_affected() == 1)
    }
}
