//! Reading article versions: their rows, and the editors' list of articles.

use super::{db, from_ms};
use app::domain::kb_editor::{EditorArticle, LanguageState, VersionInfo};
use app::domain::review::VersionStatus;
use app::i18n::Locale;
use app::ports::StoreError;
use sqlx::any::AnyRow;
use sqlx::Row;
use std::collections::HashMap;

pub(super) const VERSION_COLUMNS: &str =
    "v.version, v.status, v.title, v.summary, v.body_md, v.author_id,
     v.review_comment, v.created_at,
     COALESCE((SELECT display_name FROM users u WHERE u.id = v.author_id), '') AS author,
     COALESCE((SELECT display_name FROM users u WHERE u.id = v.reviewer_id), '') AS reviewer,
     CASE WHEN EXISTS (SELECT 1 FROM article_translations t WHERE t.article_id = v.article_id
               AND t.locale = v.locale AND t.version = v.version) THEN 1 ELSE 0 END AS live";

pub(super) fn status_of(row: &AnyRow) -> Result<VersionStatus, StoreError> {
    let code: String = row.try_get("status").map_err(db)?;
    VersionStatus::from_code(&code).ok_or_else(|| StoreError::Corrupt(format!("status {code}")))
}

pub(super) fn version_info(row: &AnyRow) -> Result<VersionInfo, StoreError> {
    Ok(VersionInfo {
        version: row.try_get("version").map_err(db)?,
        status: status_of(row)?,
        title: row.try_get("title").map_err(db)?,
        author: row.try_get("author").map_err(db)?,
        author_id: row.try_get("author_id").map_err(db)?,
        reviewer: row.try_get("reviewer").map_err(db)?,
        comment: row.try_get("review_comment").map_err(db)?,
        created_at: from_ms(row.try_get("created_at").map_err(db)?)?,
        live: row.try_get::<i64, _>("live").map_err(db)? != 0,
    })
}

/// Every article with each language's published and open version, for the editors' list.
pub(super) async fn editor_list(
    pool: &sqlx::AnyPool,
    locale: Locale,
) -> Result<Vec<EditorArticle>, StoreError> {
    let articles = sqlx::query(
        "SELECT a.id, a.slug, a.internal, c.slug AS category_slug
         FROM articles a JOIN kb_categories c ON c.id = a.category_id
         ORDER BY a.position, a.id",
    )
    .fetch_all(pool)
    .await
    .map_err(db)?;
    // (article, locale) → (published version, title) and (open version, status, title).
    let mut published: HashMap<(i64, String), (i64, String)> = HashMap::new();
    for r in sqlx::query("SELECT article_id, locale, version, title FROM article_translations")
        .fetch_all(pool)
        .await
        .map_err(db)?
    {
        published.insert(
            (
                r.try_get("article_id").map_err(db)?,
                r.try_get("locale").map_err(db)?,
            ),
            (
                r.try_get("version").map_err(db)?,
                r.try_get("title").map_err(db)?,
            ),
        );
    }
    let mut open: HashMap<(i64, String), (i64, VersionStatus, String)> = HashMap::new();
    for r in sqlx::query(
        "SELECT article_id, locale, version, status, title FROM article_versions
         WHERE status <> 'published' ORDER BY version",
    )
    .fetch_all(pool)
    .await
    .map_err(db)?
    {
        open.insert(
            (
                r.try_get("article_id").map_err(db)?,
                r.try_get("locale").map_err(db)?,
            ),
            (
                r.try_get("version").map_err(db)?,
                status_of(&r)?,
                r.try_get("title").map_err(db)?,
            ),
        );
    }
    let mut out = Vec::with_capacity(articles.len());
    for a in articles {
        let id: i64 = a.try_get("id").map_err(db)?;
        let mut title = String::new();
        let mut languages = Vec::new();
        let mut order = Locale::ALL.to_vec();
        order.sort_by_key(|l| *l != locale);
        for l in order {
            let key = (id, l.code().to_string());
            let p = published.get(&key);
            let o = open.get(&key);
            if title.is_empty() {
                title = p
                    .map(|p| p.1.clone())
                    .or_else(|| o.map(|o| o.2.clone()))
                    .unwrap_or_default();
            }
            languages.push(LanguageState {
                locale: l.code().to_string(),
                published: p.map(|p| p.0),
                open: o.map(|o| (o.0, o.1)),
            });
        }
        languages.sort_by_key(|s| Locale::ALL.iter().position(|l| l.code() == s.locale));
        out.push(EditorArticle {
            slug: a.try_get("slug").map_err(db)?,
            title,
            category_slug: a.try_get("category_slug").map_err(db)?,
            internal: a.try_get::<i64, _>("internal").map_err(db)? != 0,
            languages,
        });
    }
    Ok(out)
}
