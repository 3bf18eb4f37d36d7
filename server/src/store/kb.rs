//! Knowledge-base reads for the search index: every published text with what it is found by.

use super::rows::{comma_list, locale_of};
use super::{db, SqlStore};
use app::domain::flow::FlowGraph;
use app::domain::kb::{synonym_terms, FLOW_PREFIX};
use app::i18n::Locale;
use app::ports::StoreError;
use sqlx::Row;
use std::collections::HashMap;

/// One language of one article, as the index needs it.
#[derive(Clone, Debug)]
pub struct SearchDoc {
    pub slug: String,
    pub lang: Locale,
    pub title: String,
    pub summary: String,
    pub body_md: String,
    pub tags: Vec<String>,
    /// The article's category first, then each one above it.
    pub categories: Vec<String>,
    pub internal: bool,
}

impl SqlStore {
    /// Published texts to index: all of them, or those of one article or flow (`flow:<slug>`).
    pub async fn search_docs(&self, slug: Option<&str>) -> Result<Vec<SearchDoc>, StoreError> {
        match slug.map(|s| s.strip_prefix(FLOW_PREFIX)) {
            Some(Some(flow)) => return self.flow_docs(Some(flow)).await,
            Some(None) => {}
            None => {
                let mut docs = self.article_docs(None).await?;
                docs.extend(self.flow_docs(None).await?);
                return Ok(docs);
            }
        }
        self.article_docs(slug).await
    }

    /// Live diagnosis flows as documents under `flow:<slug>`: title, summary and every screen.
    async fn flow_docs(&self, slug: Option<&str>) -> Result<Vec<SearchDoc>, StoreError> {
        let rows = sqlx::query(
            "SELECT f.slug, v.graph_json FROM flows f
             JOIN flow_versions v ON v.flow_id = f.id AND v.status = 'published'
             WHERE $1 IS NULL OR f.slug = $1",
        )
        .bind(slug)
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        let mut docs = Vec::new();
        for r in &rows {
            let slug: String = r.try_get("slug").map_err(db)?;
            let json: String = r.try_get("graph_json").map_err(db)?;
            let graph: FlowGraph =
                serde_json::from_str(&json).map_err(|e| StoreError::Corrupt(e.to_string()))?;
            for lang in Locale::ALL {
                let body: Vec<&str> = graph.nodes.iter().map(|n| n.text.get(lang)).collect();
                docs.push(SearchDoc {
                    slug: format!("{FLOW_PREFIX}{slug}"),
                    lang,
                    title: graph.title.get(lang).to_string(),
                    summary: graph.summary.get(lang).to_string(),
                    body_md: body.join("\n\n"),
                    tags: Vec::new(),
                    categories: vec![graph.category.clone()],
                    internal: false,
                });
            }
        }
        Ok(docs)
    }

    /// Published article texts (no flows): all of them, or those of one article.
    pub(crate) async fn article_docs(
        &self,
        slug: Option<&str>,
    ) -> Result<Vec<SearchDoc>, StoreError> {
        let parents = self.category_parents().await?;
        let rows = sqlx::query(
            "SELECT a.id, a.slug, a.internal, c.id AS category_id, t.locale, t.title, t.summary,
                    t.body_md,
                    (SELECT string_agg(tag, ',') FROM article_tags g WHERE g.article_id = a.id)
                        AS tags
             FROM articles a
             JOIN article_translations t ON t.article_id = a.id
             JOIN kb_categories c ON c.id = a.category_id
             WHERE $1 IS NULL OR a.slug = $1
             ORDER BY a.id, t.locale",
        )
        .bind(slug)
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter()
            .map(|r| {
                let locale: String = r.try_get("locale").map_err(db)?;
                Ok(SearchDoc {
                    slug: r.try_get("slug").map_err(db)?,
                    lang: locale_of(&locale)?,
                    title: r.try_get("title").map_err(db)?,
                    summary: r.try_get("summary").map_err(db)?,
                    body_md: r.try_get("body_md").map_err(db)?,
                    tags: comma_list(r, "tags")?,
                    categories: lineage(&parents, r.try_get("category_id").map_err(db)?),
                    internal: r.try_get::<i64, _>("internal").map_err(db)? != 0,
                })
            })
            .collect()
    }

    /// Changes whenever an indexed text does; the index keeps the value it was built from.
    pub async fn search_fingerprint(&self) -> Result<String, StoreError> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n, CAST(COALESCE(SUM(t.version), 0) AS BIGINT) AS versions,
                    COALESCE(MAX(t.updated_at), 0) AS latest,
                    (SELECT COUNT(*) FROM article_tags) AS tags,
                    (SELECT CAST(COALESCE(SUM(internal * id + category_id), 0) AS BIGINT) FROM articles) AS placing
             FROM article_translations t",
        )
        .fetch_one(self.pool())
        .await
        .map_err(db)?;
        let n: i64 = row.try_get("n").map_err(db)?;
        let versions: i64 = row.try_get("versions").map_err(db)?;
        let latest: i64 = row.try_get("latest").map_err(db)?;
        let tags: i64 = row.try_get("tags").map_err(db)?;
        let placing: i64 = row.try_get("placing").map_err(db)?;
        let flows: i64 = sqlx::query_scalar(
            "SELECT CAST(COALESCE(SUM(id), 0) AS BIGINT) FROM flow_versions WHERE status = 'published'",
        )
        .fetch_one(self.pool())
        .await
        .map_err(db)?;
        Ok(format!("{n}:{versions}:{latest}:{tags}:{placing}:{flows}"))
    }

    /// Synonym groups, lower-case.
    pub async fn synonyms(&self) -> Result<Vec<Vec<String>>, StoreError> {
        let rows: Vec<String> =
            sqlx::query_scalar("SELECT terms FROM kb_synonyms ORDER BY position, id")
                .fetch_all(self.pool())
                .await
                .map_err(db)?;
        Ok(rows.iter().map(|r| synonym_terms(r)).collect())
    }

    async fn category_parents(&self) -> Result<HashMap<i64, (Option<i64>, String)>, StoreError> {
        let rows = sqlx::query("SELECT id, parent_id, slug FROM kb_categories")
            .fetch_all(self.pool())
            .await
            .map_err(db)?;
        rows.iter()
            .map(|r| {
                Ok((
                    r.try_get("id").map_err(db)?,
                    (
                        r.try_get("parent_id").map_err(db)?,
                        r.try_get("slug").map_err(db)?,
                    ),
                ))
            })
            .collect()
    }
}

/// A category's slug and those of the categories above it; stops on a loop.
fn lineage(parents: &HashMap<i64, (Option<i64>, String)>, id: i64) -> Vec<String> {
    let mut out = Vec::new();
    let mut next = Some(id);
    while let Some(current) = next {
        let Some((parent, slug)) = parents.get(&current) else {
            break;
        };
        if out.contains(slug) {
            break;
        }
        out.push(slug.clone());
        next = *parent;
    }
    out
}
