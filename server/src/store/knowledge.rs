//! Knowledge-base analytics, feedback and synonyms in SQLite.

use super::rows::{comma_list, pick_translations};
use super::{db, from_ms, to_ms, write_tx, SqlStore};
use app::domain::kb::{synonym_terms, ArticleExtras, QueryStat, SearchInsights};
use app::i18n::Locale;
use app::ports::{FeedbackInsert, KbImage, KnowledgeStore, StoreError};
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::Row;

/// Related articles shown under an article.
const RELATED: usize = 4;

#[async_trait]
impl KnowledgeStore for SqlStore {
    async fn log_search(
        &self,
        id: i64,
        query: &str,
        locale: Locale,
        results: i64,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO search_log (id, query, locale, results, created_at)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(query)
        .bind(locale.code())
        .bind(results)
        .bind(to_ms(at))
        .execute(self.writer())
        .await
        .map_err(db)?;
        Ok(())
    }

    async fn log_click(&self, search_id: i64, slug: &str) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE search_log SET clicked_slug = $2 WHERE id = $1 AND clicked_slug IS NULL",
        )
        .bind(search_id)
        .bind(slug)
        .execute(self.writer())
        .await
        .map_err(db)?;
        Ok(())
    }

    async fn count_view(&self, slug: &str) -> Result<(), StoreError> {
        sqlx::query("UPDATE articles SET views = views + 1 WHERE slug = $1")
            .bind(slug)
            .execute(self.writer())
            .await
            .map_err(db)?;
        Ok(())
    }

    async fn add_feedback(&self, f: FeedbackInsert) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "INSERT INTO article_feedback (article_id, locale, helpful, comment, created_at)
             SELECT id, $2, $3, $4, $5 FROM articles WHERE slug = $1 AND internal = 0",
        )
        .bind(&f.slug)
        .bind(f.locale.code())
        .bind(i64::from(f.helpful))
        .bind(&f.comment)
        .bind(to_ms(f.at))
        .execute(self.writer())
        .await
        .map_err(db)?;
        Ok(done.rows_affected() == 1)
    }

    async fn article_extras(
        &self,
        slug: &str,
        locale: Locale,
        internal: bool,
    ) -> Result<ArticleExtras, StoreError> {
        let Some(row) = sqlx::query(
            "SELECT a.id, a.views,
                    (SELECT COUNT(*) FROM article_feedback f WHERE f.article_id = a.id AND f.helpful = 1) AS yes,
                    (SELECT COUNT(*) FROM article_feedback f WHERE f.article_id = a.id AND f.helpful = 0) AS no,
                    (SELECT string_agg(tag, ',') FROM article_tags g WHERE g.article_id = a.id) AS tags
             FROM articles a WHERE a.slug = $1",
        )
        .bind(slug)
        .fetch_optional(self.pool())
        .await
        .map_err(db)?
        else {
            return Ok(ArticleExtras::default());
        };
        let id: i64 = row.try_get("id").map_err(db)?;
        // Chosen links first, then articles sharing tags, then the same category.
        let related = sqlx::query(
            "SELECT a.id, a.slug, t.locale, t.title, t.summary
             FROM articles a JOIN article_translations t ON t.article_id = a.id
             WHERE a.id <> $1 AND (a.internal = 0 OR $2)
               AND (EXISTS (SELECT 1 FROM article_related r WHERE r.article_id = $1 AND r.related_id = a.id)
                    OR EXISTS (SELECT 1 FROM article_tags g1 JOIN article_tags g2 ON g1.tag = g2.tag
                               WHERE g1.article_id = $1 AND g2.article_id = a.id)
                    OR a.category_id = (SELECT category_id FROM articles WHERE id = $1))
             ORDER BY COALESCE((SELECT r.position FROM article_related r
                                WHERE r.article_id = $1 AND r.related_id = a.id), 1000000),
                      (SELECT COUNT(*) FROM article_tags g1 JOIN article_tags g2 ON g1.tag = g2.tag
                       WHERE g1.article_id = $1 AND g2.article_id = a.id) DESC,
                      a.position, a.id",
        )
        .bind(id)
        .bind(internal)
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        let mut related = pick_translations(related, locale)?;
        related.truncate(RELATED);
        Ok(ArticleExtras {
            views: row.try_get("views").map_err(db)?,
            helpful: row.try_get("yes").map_err(db)?,
            not_helpful: row.try_get("no").map_err(db)?,
            tags: comma_list(&row, "tags")?,
            related,
        })
    }

    async fn search_insights(
        &self,
        since: DateTime<Utc>,
        limit: i64,
    ) -> Result<SearchInsights, StoreError> {
        let total: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM search_log WHERE created_at >= $1")
                .bind(to_ms(since))
                .fetch_one(self.pool())
                .await
                .map_err(db)?;
        let stats = |empty: bool| {
            sqlx::query(
                "SELECT query, COUNT(*) AS searches, COUNT(clicked_slug) AS clicks,
                        (SELECT l.results FROM search_log l WHERE l.query = s.query
                         ORDER BY l.created_at DESC, l.id DESC LIMIT 1) AS latest_results
                 FROM search_log s
                 WHERE created_at >= $1 AND ($2 = 0 OR results = 0)
                 GROUP BY query ORDER BY searches DESC, MAX(created_at) DESC LIMIT $3",
            )
            .bind(to_ms(since))
            .bind(i64::from(empty))
            .bind(limit)
        };
        let read = |rows: Vec<sqlx::any::AnyRow>| -> Result<Vec<QueryStat>, StoreError> {
            rows.iter()
                .map(|r| {
                    Ok(QueryStat {
                        query: r.try_get("query").map_err(db)?,
                        searches: r.try_get("searches").map_err(db)?,
                        clicks: r.try_get("clicks").map_err(db)?,
                        results: r.try_get("latest_results").map_err(db)?,
                    })
                })
                .collect()
        };
        let top = read(stats(false).fetch_all(self.pool()).await.map_err(db)?)?;
        let empty = read(stats(true).fetch_all(self.pool()).await.map_err(db)?)?;
        Ok(SearchInsights {
            days: (Utc::now() - since).num_days(),
            total,
            top,
            empty,
        })
    }

    async fn synonym_lines(&self) -> Result<Vec<String>, StoreError> {
        sqlx::query_scalar("SELECT terms FROM kb_synonyms ORDER BY position, id")
            .fetch_all(self.pool())
            .await
            .map_err(db)
    }

    async fn save_synonyms(&self, lines: &[String]) -> Result<(), StoreError> {
        let mut tx = write_tx(self.writer()).await?;
        sqlx::query("DELETE FROM kb_synonyms")
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        for (position, line) in lines.iter().enumerate() {
            let terms = synonym_terms(line);
            if terms.len() < 2 {
                continue;
            }
            sqlx::query("INSERT INTO kb_synonyms (terms, position) VALUES ($1, $2)")
                .bind(terms.join(","))
                .bind(i64::try_from(position).unwrap_or(i64::MAX))
                .execute(&mut *tx)
                .await
                .map_err(db)?;
        }
        tx.commit().await.map_err(db)
    }

    async fn add_kb_image(&self, image: KbImage) -> Result<i64, StoreError> {
        sqlx::query_scalar(
            "INSERT INTO kb_images (storage_key, display_key, name, size, uploaded_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(&image.storage_key)
        .bind(&image.display_key)
        .bind(&image.name)
        .bind(image.size)
        .bind(image.by)
        .bind(to_ms(image.at))
        .fetch_one(self.writer())
        .await
        .map_err(db)
    }

    async fn kb_image(&self, id: i64) -> Result<Option<String>, StoreError> {
        sqlx::query_scalar("SELECT display_key FROM kb_images WHERE id = $1")
            .bind(id)
            .fetch_optional(self.pool())
            .await
            .map_err(db)
    }

    async fn feedback_comments(
        &self,
        slug: &str,
        limit: i64,
    ) -> Result<Vec<(bool, String, DateTime<Utc>)>, StoreError> {
        let rows = sqlx::query(
            "SELECT f.helpful, f.comment, f.created_at FROM article_feedback f
             JOIN articles a ON a.id = f.article_id
             WHERE a.slug = $1 AND f.comment <> ''
             ORDER BY f.created_at DESC, f.id DESC LIMIT $2",
        )
        .bind(slug)
        .bind(limit)
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter()
            .map(|r| {
                Ok((
                    r.try_get::<i64, _>("helpful").map_err(db)? != 0,
                    r.try_get("comment").map_err(db)?,
                    from_ms(r.try_get("created_at").map_err(db)?)?,
                ))
            })
            .collect()
    }
}
