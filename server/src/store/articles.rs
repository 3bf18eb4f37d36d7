//! Writing, reviewing and publishing articles in SQLite.

use super::article_rows::{editor_list, status_of, version_info, VERSION_COLUMNS};
use super::rows::{comma_list, locale_of};
use super::{db, to_ms, write_tx, SqlStore};
use app::domain::kb_editor::{EditorArticle, VersionInfo, VersionText};
use app::domain::review::VersionStatus;
use app::i18n::Locale;
use app::ports::{ArticleLabels, ArticleStore, DraftSave, EditOutcome, StoreError, VersionMove};
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::{Any, Row, Transaction};

async fn article_id(tx: &mut Transaction<'_, Any>, slug: &str) -> Result<Option<i64>, StoreError> {
    sqlx::query_scalar("SELECT id FROM articles WHERE slug = $1")
        .bind(slug)
        .fetch_optional(&mut **tx)
        .await
        .map_err(db)
}

/// Makes `version`'s text the one readers see.
async fn publish_text(
    tx: &mut Transaction<'_, Any>,
    article: i64,
    locale: Locale,
    version: i64,
    body_html: &str,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO article_translations
             (article_id, locale, title, summary, body_md, body_html, version, updated_at)
         SELECT article_id, locale, title, summary, body_md, $4, version, $5
         FROM article_versions WHERE article_id = $1 AND locale = $2 AND version = $3
         ON CONFLICT (article_id, locale) DO UPDATE SET
             title = excluded.title, summary = excluded.summary, body_md = excluded.body_md,
             body_html = excluded.body_html, version = excluded.version,
             updated_at = excluded.updated_at",
    )
    .bind(article)
    .bind(locale.code())
    .bind(version)
    .bind(body_html)
    .bind(to_ms(at))
    .execute(&mut **tx)
    .await
    .map_err(db)?;
    Ok(())
}

#[async_trait]
impl ArticleStore for SqlStore {
    async fn editor_articles(&self, locale: Locale) -> Result<Vec<EditorArticle>, StoreError> {
        editor_list(self.pool(), locale).await
    }

    async fn article_labels(&self, slug: &str) -> Result<Option<ArticleLabels>, StoreError> {
        let row = sqlx::query(
            "SELECT c.slug AS category_slug, a.internal,
                    (SELECT string_agg(tag, ',') FROM article_tags g WHERE g.article_id = a.id) AS tags,
                    (SELECT string_agg(x.slug, ',') FROM
                        (SELECT o.slug FROM article_related r JOIN articles o ON o.id = r.related_id
                         WHERE r.article_id = a.id ORDER BY r.position) x) AS related
             FROM articles a JOIN kb_categories c ON c.id = a.category_id WHERE a.slug = $1",
        )
        .bind(slug)
        .fetch_optional(self.pool())
        .await
        .map_err(db)?;
        row.map(|r| {
            Ok(ArticleLabels {
                related: comma_list(&r, "related")?,
                category_slug: r.try_get("category_slug").map_err(db)?,
                internal: r.try_get::<i64, _>("internal").map_err(db)? != 0,
                tags: comma_list(&r, "tags")?,
            })
        })
        .transpose()
    }

    async fn save_article_draft(&self, d: DraftSave) -> Result<EditOutcome, StoreError> {
        let mut tx = write_tx(self.writer()).await?;
        let Some(category): Option<i64> =
            sqlx::query_scalar("SELECT id FROM kb_categories WHERE slug = $1")
                .bind(&d.labels.category_slug)
                .fetch_optional(&mut *tx)
                .await
                .map_err(db)?
        else {
            return Ok(EditOutcome::UnknownCategory);
        };
        let at = to_ms(d.at);
        let id = match article_id(&mut tx, &d.slug).await? {
            Some(id) => {
                sqlx::query("UPDATE articles SET category_id = $2, internal = $3 WHERE id = $1")
                    .bind(id)
                    .bind(category)
                    .bind(i64::from(d.labels.internal))
                    .execute(&mut *tx)
                    .await
                    .map_err(db)?;
                id
            }
            None => sqlx::query_scalar(
                "INSERT INTO articles (category_id, slug, internal, position, created_at)
                 VALUES ($1, $2, $3, (SELECT COALESCE(MAX(position), 0) + 1 FROM articles), $4)
                 RETURNING id",
            )
            .bind(category)
            .bind(&d.slug)
            .bind(i64::from(d.labels.internal))
            .bind(at)
            .fetch_one(&mut *tx)
            .await
            .map_err(db)?,
        };
        sqlx::query("DELETE FROM article_tags WHERE article_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        for tag in &d.labels.tags {
            sqlx::query("INSERT INTO article_tags (article_id, tag) VALUES ($1, $2)")
                .bind(id)
                .bind(tag)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
        }
        sqlx::query("DELETE FROM article_related WHERE article_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        for (position, slug) in d.labels.related.iter().enumerate() {
            let done = sqlx::query(
                "INSERT INTO article_related (article_id, related_id, position)
                 SELECT $1, id, $3 FROM articles WHERE slug = $2 AND id <> $1
                 ON CONFLICT DO NOTHING",
            )
            .bind(id)
            .bind(slug)
            .bind(i64::try_from(position).unwrap_or(i64::MAX))
            .execute(&mut *tx)
            .await
            .map_err(db)?;
            if done.rows_affected() != 1 {
                return Ok(EditOutcome::UnknownRelated);
            }
        }
        let open = sqlx::query(
            "SELECT version, status FROM article_versions
             WHERE article_id = $1 AND locale = $2 AND status <> 'published'
             ORDER BY version DESC LIMIT 1",
        )
        .bind(id)
        .bind(d.locale.code())
        .fetch_optional(&mut *tx)
        .await
        .map_err(db)?;
        match open {
            Some(row) if status_of(&row)? == VersionStatus::InReview => {
                return Ok(EditOutcome::Stale)
            }
            Some(row) => {
                let version: i64 = row.try_get("version").map_err(db)?;
                sqlx::query(
                    "UPDATE article_versions SET title = $4, summary = $5, body_md = $6,
                         status = 'draft', author_id = $7, created_at = $8
                     WHERE article_id = $1 AND locale = $2 AND version = $3",
                )
                .bind(id)
                .bind(d.locale.code())
                .bind(version)
                .bind(&d.title)
                .bind(&d.summary)
                .bind(&d.body_md)
                .bind(d.author_id)
                .bind(at)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
            }
            None => {
                sqlx::query(
                    "INSERT INTO article_versions
                         (article_id, locale, version, title, summary, body_md, status, author_id, created_at)
                     VALUES ($1, $2,
                         (SELECT COALESCE(MAX(version), 0) + 1 FROM article_versions
                          WHERE article_id = $1 AND locale = $2),
                         $3, $4, $5, 'draft', $6, $7)",
                )
                .bind(id)
                .bind(d.locale.code())
                .bind(&d.title)
                .bind(&d.summary)
                .bind(&d.body_md)
                .bind(d.author_id)
                .bind(at)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
            }
        }
        tx.commit().await.map_err(db)?;
        Ok(EditOutcome::Done)
    }

    async fn move_version(&self, m: VersionMove) -> Result<EditOutcome, StoreError> {
        let mut tx = write_tx(self.writer()).await?;
        let Some(id) = article_id(&mut tx, &m.slug).await? else {
            return Ok(EditOutcome::Missing);
        };
        let reviewed = matches!(m.to, VersionStatus::Published | VersionStatus::Rejected);
        let done = sqlx::query(
            "UPDATE article_versions SET status = $5,
                 reviewer_id = CASE WHEN $6 THEN $7 ELSE reviewer_id END,
                 reviewed_at = CASE WHEN $6 THEN $8 ELSE reviewed_at END,
                 review_comment = CASE WHEN $6 THEN $9 ELSE review_comment END
             WHERE article_id = $1 AND locale = $2 AND version = $3 AND status = $4",
        )
        .bind(id)
        .bind(m.locale.code())
        .bind(m.version)
        .bind(m.from.code())
        .bind(m.to.code())
        .bind(reviewed)
        .bind(m.by)
        .bind(to_ms(m.at))
        .bind(&m.comment)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        if done.rows_affected() != 1 {
            return Ok(EditOutcome::Stale);
        }
        if m.to == VersionStatus::Published {
            let html = m.body_html.as_deref().unwrap_or_default();
            publish_text(&mut tx, id, m.locale, m.version, html, m.at).await?;
        }
        tx.commit().await.map_err(db)?;
        Ok(EditOutcome::Done)
    }

    async fn versions(&self, slug: &str, locale: Locale) -> Result<Vec<VersionInfo>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {VERSION_COLUMNS} FROM article_versions v JOIN articles a ON a.id = v.article_id
             WHERE a.slug = $1 AND v.locale = $2 ORDER BY v.version DESC"
        ))
        .bind(slug)
        .bind(locale.code())
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter().map(version_info).collect()
    }

    async fn version_text(
        &self,
        slug: &str,
        locale: Locale,
        version: i64,
    ) -> Result<Option<VersionText>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {VERSION_COLUMNS} FROM article_versions v JOIN articles a ON a.id = v.article_id
             WHERE a.slug = $1 AND v.locale = $2 AND v.version = $3"
        ))
        .bind(slug)
        .bind(locale.code())
        .bind(version)
        .fetch_optional(self.pool())
        .await
        .map_err(db)?;
        row.map(|r| {
            Ok(VersionText {
                info: version_info(&r)?,
                summary: r.try_get("summary").map_err(db)?,
                body_md: r.try_get("body_md").map_err(db)?,
            })
        })
        .transpose()
    }

    async fn review_queue(&self) -> Result<Vec<(String, Locale, i64)>, StoreError> {
        let rows = sqlx::query(
            "SELECT a.slug, v.locale, v.version FROM article_versions v
             JOIN articles a ON a.id = v.article_id
             WHERE v.status = 'in_review' ORDER BY v.created_at, v.id",
        )
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter()
            .map(|r| {
                Ok((
                    r.try_get("slug").map_err(db)?,
                    locale_of(&r.try_get::<String, _>("locale").map_err(db)?)?,
                    r.try_get("version").map_err(db)?,
                ))
            })
            .collect()
    }

    async fn roll_back(
        &self,
        slug: &str,
        locale: Locale,
        version: i64,
        by: i64,
        body_html: String,
        at: DateTime<Utc>,
    ) -> Result<EditOutcome, StoreError> {
        let mut tx = write_tx(self.writer()).await?;
        let Some(id) = article_id(&mut tx, slug).await? else {
            return Ok(EditOutcome::Missing);
        };
        // The copy goes above every version, open ones included; an open draft stays open.
        let new_version: Option<i64> = sqlx::query_scalar(
            "INSERT INTO article_versions
                 (article_id, locale, version, title, summary, body_md, status, author_id,
                  reviewer_id, reviewed_at, created_at, restored_from)
             SELECT article_id, locale,
                    (SELECT MAX(version) + 1 FROM article_versions WHERE article_id = $1 AND locale = $2),
                    title, summary, body_md, 'published', $4, $4, $5, $5, version
             FROM article_versions
             WHERE article_id = $1 AND locale = $2 AND version = $3 AND status = 'published'
             RETURNING version",
        )
        .bind(id)
        .bind(locale.code())
        .bind(version)
        .bind(by)
        .bind(to_ms(at))
        .fetch_optional(&mut *tx)
        .await
        .map_err(db)?;
        let Some(new_version) = new_version else {
            return Ok(EditOutcome::Missing);
        };
        publish_text(&mut tx, id, locale, new_version, &body_html, at).await?;
        tx.commit().await.map_err(db)?;
        Ok(EditOutcome::Done)
    }

    async fn unpublish(&self, slug: &str, locale: Locale) -> Result<EditOutcome, StoreError> {
        let done = sqlx::query(
            "DELETE FROM article_translations
             WHERE article_id = (SELECT id FROM articles WHERE slug = $1) AND locale = $2",
        )
        .bind(slug)
        .bind(locale.code())
        .execute(self.writer())
        .await
        .map_err(db)?;
        Ok(if done.rows_affected() == 1 {
            EditOutcome::Done
        } else {
            EditOutcome::Missing
        })
    }

    async fn self_review_allowed(&self) -> Result<bool, StoreError> {
        let json: Option<String> =
            sqlx::query_scalar("SELECT value_json FROM settings WHERE key = 'kb_review'")
                .fetch_optional(self.pool())
                .await
                .map_err(db)?;
        Ok(json
            .and_then(|j| serde_json::from_str::<serde_json::Value>(&j).ok())
            .and_then(|v| v["self_review"].as_bool())
            .unwrap_or(false))
    }

    async fn set_self_review(&self, allowed: bool, at: DateTime<Utc>) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO settings (key, value_json, updated_at) VALUES ('kb_review', $1, $2)
             ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json,
                 updated_at = excluded.updated_at",
        )
        .bind(serde_json::json!({ "self_review": allowed }).to_string())
        .bind(to_ms(at))
        .execute(self.writer())
        .await
        .map_err(db)?;
        Ok(())
    }
}
