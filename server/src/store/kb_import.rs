//! Importing and exporting the knowledge base as files, in one transaction each way.

use super::{db, to_ms, write_tx, SqlStore};
use crate::kb_files::{ArticleFile, CategoryLine};
use app::ports::StoreError;
use sqlx::Row;

/// What an import did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub categories: usize,
    pub published: usize,
    pub unchanged: usize,
    /// Files naming categories that neither exist nor are in the folder (nothing was changed).
    pub unknown_categories: Vec<String>,
}

impl SqlStore {
    /// Creates or updates the categories, then publishes every text that differs from what
    /// readers see, as a new version. All or nothing.
    pub async fn import_articles(
        &self,
        categories: &[CategoryLine],
        articles: &[ArticleFile],
    ) -> Result<ImportReport, StoreError> {
        let mut report = ImportReport::default();
        let mut tx = write_tx(self.writer()).await?;
        for c in categories {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO kb_categories (slug, position, parent_id)
                 VALUES ($1, $2, (SELECT id FROM kb_categories WHERE slug = $3))
                 ON CONFLICT (slug) DO UPDATE SET position = excluded.position,
                     parent_id = excluded.parent_id
                 RETURNING id",
            )
            .bind(&c.slug)
            .bind(c.position)
            .bind(&c.parent)
            .fetch_one(&mut *tx)
            .await
            .map_err(db)?;
            for (locale, (name, description)) in [("zh", &c.zh), ("en", &c.en)] {
                sqlx::query(
                    "INSERT INTO kb_category_translations (category_id, locale, name, description)
                     VALUES ($1, $2, $3, $4)
                     ON CONFLICT (category_id, locale) DO UPDATE SET name = excluded.name,
                         description = excluded.description",
                )
                .bind(id)
                .bind(locale)
                .bind(name)
                .bind(description)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
            }
            report.categories += 1;
        }
        let now = to_ms(chrono::Utc::now());
        for a in articles {
            let category: Option<i64> =
                sqlx::query_scalar("SELECT id FROM kb_categories WHERE slug = $1")
                    .bind(&a.category)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(db)?;
            let Some(category) = category else {
                report.unknown_categories.push(format!(
                    "{}.{}.md: {}",
                    a.slug,
                    a.lang.code(),
                    a.category
                ));
                continue;
            };
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO articles (category_id, slug, internal, position, created_at)
                 VALUES ($1, $2, $3, (SELECT COALESCE(MAX(position), 0) + 1 FROM articles), $4)
                 ON CONFLICT (slug) DO UPDATE SET category_id = excluded.category_id,
                     internal = excluded.internal
                 RETURNING id",
            )
            .bind(category)
            .bind(&a.slug)
            .bind(i64::from(a.internal))
            .bind(now)
            .fetch_one(&mut *tx)
            .await
            .map_err(db)?;
            for tag in &a.tags {
                sqlx::query("INSERT INTO article_tags (article_id, tag) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                    .bind(id)
                    .bind(tag)
                    .execute(&mut *tx)
                    .await
                    .map_err(db)?;
            }
            let live = sqlx::query(
                "SELECT title, summary, body_md FROM article_translations
                 WHERE article_id = $1 AND locale = $2",
            )
            .bind(id)
            .bind(a.lang.code())
            .fetch_optional(&mut *tx)
            .await
            .map_err(db)?;
            let same = match &live {
                Some(r) => {
                    r.try_get::<String, _>("title").map_err(db)? == a.title
                        && r.try_get::<String, _>("summary").map_err(db)? == a.summary
                        && r.try_get::<String, _>("body_md").map_err(db)? == a.body_md
                }
                None => false,
            };
            if same {
                report.unchanged += 1;
                continue;
            }
            let version: i64 = sqlx::query_scalar(
                "INSERT INTO article_versions
                     (article_id, locale, version, title, summary, body_md, status, created_at,
                      reviewed_at, review_comment)
                 VALUES ($1, $2,
                     (SELECT COALESCE(MAX(version), 0) + 1 FROM article_versions
                      WHERE article_id = $1 AND locale = $2),
                     $3, $4, $5, 'published', $6, $6, 'imported')
                 RETURNING version",
            )
            .bind(id)
            .bind(a.lang.code())
            .bind(&a.title)
            .bind(&a.summary)
            .bind(&a.body_md)
            .bind(now)
            .fetch_one(&mut *tx)
            .await
            .map_err(db)?;
            sqlx::query(
                "INSERT INTO article_translations
                     (article_id, locale, title, summary, body_md, body_html, version, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                 ON CONFLICT (article_id, locale) DO UPDATE SET title = excluded.title,
                     summary = excluded.summary, body_md = excluded.body_md,
                     body_html = excluded.body_html, version = excluded.version,
                     updated_at = excluded.updated_at",
            )
            .bind(id)
            .bind(a.lang.code())
            .bind(&a.title)
            .bind(&a.summary)
            .bind(&a.body_md)
            .bind(app::markdown::render(&a.body_md))
            .bind(version)
            .bind(now)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
            report.published += 1;
        }
        if report.unknown_categories.is_empty() {
            tx.commit().await.map_err(db)?;
        } else {
            tx.rollback().await.map_err(db)?;
            report.published = 0;
            report.unchanged = 0;
            report.categories = 0;
        }
        Ok(report)
    }

    /// Every category and every published text, as files would hold them.
    pub async fn export_articles(
        &self,
    ) -> Result<(Vec<CategoryLine>, Vec<ArticleFile>), StoreError> {
        let rows = sqlx::query(
            "SELECT c.slug, c.position, p.slug AS parent,
                    COALESCE(z.name, c.slug) AS zh_name, COALESCE(z.description, '') AS zh_desc,
                    COALESCE(e.name, c.slug) AS en_name, COALESCE(e.description, '') AS en_desc
             FROM kb_categories c
             LEFT JOIN kb_categories p ON p.id = c.parent_id
             LEFT JOIN kb_category_translations z ON z.category_id = c.id AND z.locale = 'zh'
             LEFT JOIN kb_category_translations e ON e.category_id = c.id AND e.locale = 'en'
             ORDER BY c.parent_id IS NOT NULL, c.position, c.id",
        )
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        let categories = rows
            .iter()
            .map(|r| {
                Ok(CategoryLine {
                    slug: r.try_get("slug").map_err(db)?,
                    position: r.try_get("position").map_err(db)?,
                    parent: r.try_get("parent").map_err(db)?,
                    zh: (
                        r.try_get("zh_name").map_err(db)?,
                        r.try_get("zh_desc").map_err(db)?,
                    ),
                    en: (
                        r.try_get("en_name").map_err(db)?,
                        r.try_get("en_desc").map_err(db)?,
                    ),
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        let articles = self
            .article_docs(None)
            .await?
            .into_iter()
            .map(|d| ArticleFile {
                slug: d.slug,
                lang: d.lang,
                category: d.categories.first().cloned().unwrap_or_default(),
                title: d.title,
                summary: d.summary,
                tags: d.tags,
                internal: d.internal,
                body_md: d.body_md,
            })
            .collect();
        Ok((categories, articles))
    }
}
