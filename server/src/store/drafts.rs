//! Article drafts made from tickets, on SQLite.

use super::rows::locale_of;
use super::{db, from_ms, to_ms, SqlStore};
use app::domain::sediment::ArticleDraft;
use app::ports::{DraftStore, NewDraft, StoreError};
use async_trait::async_trait;
use sqlx::Row;

#[async_trait]
impl DraftStore for SqlStore {
    async fn add_article_draft(&self, d: NewDraft) -> Result<i64, StoreError> {
        sqlx::query_scalar(
            "INSERT INTO article_drafts (ticket_id, locale, title, body_md, author_id, author, created_at)
             SELECT id, $2, $3, $4, $5, $6, $7 FROM tickets WHERE number = $1
             RETURNING id",
        )
        .bind(&d.number)
        .bind(d.locale.code())
        .bind(&d.title)
        .bind(&d.body_md)
        .bind(d.author_id)
        .bind(&d.author)
        .bind(to_ms(d.at))
        .fetch_one(self.writer())
        .await
        .map_err(db)
    }

    async fn article_drafts(&self, limit: i64) -> Result<Vec<ArticleDraft>, StoreError> {
        let rows = sqlx::query(
            "SELECT d.id, t.number, d.locale, d.title, d.body_md, d.author, d.created_at
             FROM article_drafts d JOIN tickets t ON t.id = d.ticket_id
             ORDER BY d.created_at DESC, d.id DESC LIMIT $1",
        )
        .bind(limit)
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter()
            .map(|r| {
                Ok(ArticleDraft {
                    id: r.try_get("id").map_err(db)?,
                    ticket_number: r.try_get("number").map_err(db)?,
                    locale: locale_of(&r.try_get::<String, _>("locale").map_err(db)?)?,
                    title: r.try_get("title").map_err(db)?,
                    body_md: r.try_get("body_md").map_err(db)?,
                    author: r.try_get("author").map_err(db)?,
                    created_at: from_ms(r.try_get("created_at").map_err(db)?)?,
                })
            })
            .collect()
    }
}
