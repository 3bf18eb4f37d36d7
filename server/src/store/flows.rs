//! Diagnosis flows on SQLite: the draft is version 0, published versions never change.

use super::flow_rows::{graph_of, stored_flow, summary, FLOW_COLUMNS};
use super::{db, from_ms, to_ms, write_tx, SqlStore};
use app::domain::flow::{FlowFile, FlowGraph};
use app::domain::flow_views::{FlowSummary, FlowVersionInfo};
use app::ports::{FlowChange, FlowStore, StoreError, StoredFlow};
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::{Any, Row, Transaction};

/// The flow's id, creating the flow when new.
async fn flow_id(
    tx: &mut Transaction<'_, Any>,
    slug: &str,
    graph: &FlowGraph,
    at: DateTime<Utc>,
) -> Result<i64, StoreError> {
    sqlx::query_scalar(
        "INSERT INTO flows (slug, category, created_at) VALUES ($1, $2, $3)
         ON CONFLICT (slug) DO UPDATE SET category = excluded.category
         RETURNING id",
    )
    .bind(slug)
    .bind(&graph.category)
    .bind(to_ms(at))
    .fetch_one(&mut **tx)
    .await
    .map_err(db)
}

/// Publishes `graph` as the next version inside `tx`; returns the new number.
async fn publish_in(
    tx: &mut Transaction<'_, Any>,
    slug: &str,
    graph: &FlowGraph,
    restored_from: Option<i64>,
    by: Option<i64>,
    at: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let flow = flow_id(tx, slug, graph, at).await?;
    let json = serde_json::to_string(graph).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    sqlx::query(
        "UPDATE flow_versions SET status = 'retired' WHERE flow_id = $1 AND status = 'published'",
    )
    .bind(flow)
    .execute(&mut **tx)
    .await
    .map_err(db)?;
    if restored_from.is_none() {
        // The draft is what was published; a roll-back leaves work in progress alone.
        sqlx::query("DELETE FROM flow_versions WHERE flow_id = $1 AND version = 0")
            .bind(flow)
            .execute(&mut **tx)
            .await
            .map_err(db)?;
    }
    sqlx::query_scalar(
        "INSERT INTO flow_versions
             (flow_id, version, graph_json, status, created_at, published_at, created_by,
              restored_from)
         SELECT $1, COALESCE(MAX(version), 0) + 1, $2, 'published', $3, $3, $4, $5
         FROM flow_versions WHERE flow_id = $1
         RETURNING version",
    )
    .bind(flow)
    .bind(json)
    .bind(to_ms(at))
    .bind(by)
    .bind(restored_from)
    .fetch_one(&mut **tx)
    .await
    .map_err(db)
}

#[async_trait]
impl FlowStore for SqlStore {
    async fn flows(&self, all: bool) -> Result<Vec<FlowSummary>, StoreError> {
        // The newest version stands for the flow: the draft for staff, else the live one.
        let rows = sqlx::query(
            "SELECT f.slug, f.category,
                    (SELECT graph_json FROM flow_versions v WHERE v.flow_id = f.id
                       AND (v.status = 'published' OR ($1 AND v.version = 0))
                     ORDER BY v.version = 0 DESC, v.version DESC LIMIT 1) AS graph_json,
                    (SELECT version FROM flow_versions v WHERE v.flow_id = f.id
                       AND v.status = 'published') AS live,
                    CASE WHEN EXISTS (SELECT 1 FROM flow_versions v WHERE v.flow_id = f.id
                       AND v.version = 0) THEN 1 ELSE 0 END AS has_draft
             FROM flows f ORDER BY f.category, f.slug",
        )
        .bind(all)
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        let mut out = Vec::new();
        for r in &rows {
            let Some(json) = r.try_get::<Option<String>, _>("graph_json").map_err(db)? else {
                continue;
            };
            out.push(summary(r, &json, all)?);
        }
        Ok(out)
    }

    async fn live_flow(&self, slug: &str) -> Result<Option<StoredFlow>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {FLOW_COLUMNS} FROM flow_versions v JOIN flows f ON f.id = v.flow_id
             WHERE f.slug = $1 AND v.status = 'published'"
        ))
        .bind(slug)
        .fetch_optional(self.pool())
        .await
        .map_err(db)?;
        row.as_ref().map(stored_flow).transpose()
    }

    async fn flow_draft(&self, slug: &str) -> Result<Option<StoredFlow>, StoreError> {
        self.flow_version(slug, 0).await
    }

    async fn flow_versions(&self, slug: &str) -> Result<Vec<FlowVersionInfo>, StoreError> {
        let rows = sqlx::query(
            "SELECT v.version, v.status, v.graph_json, v.published_at, v.restored_from,
                    COALESCE(u.display_name, '') AS author
             FROM flow_versions v JOIN flows f ON f.id = v.flow_id
             LEFT JOIN users u ON u.id = v.created_by
             WHERE f.slug = $1 AND v.version > 0 ORDER BY v.version DESC",
        )
        .bind(slug)
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter()
            .map(|r| {
                let published: Option<i64> = r.try_get("published_at").map_err(db)?;
                let json: String = r.try_get("graph_json").map_err(db)?;
                Ok(FlowVersionInfo {
                    version: r.try_get("version").map_err(db)?,
                    status: r.try_get("status").map_err(db)?,
                    author: r.try_get("author").map_err(db)?,
                    published_at: published.map(from_ms).transpose()?,
                    nodes: graph_of(&json)?.nodes.len(),
                    restored_from: r.try_get("restored_from").map_err(db)?,
                })
            })
            .collect()
    }

    async fn flow_version(
        &self,
        slug: &str,
        version: i64,
    ) -> Result<Option<StoredFlow>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {FLOW_COLUMNS} FROM flow_versions v JOIN flows f ON f.id = v.flow_id
             WHERE f.slug = $1 AND v.version = $2"
        ))
        .bind(slug)
        .bind(version)
        .fetch_optional(self.pool())
        .await
        .map_err(db)?;
        row.as_ref().map(stored_flow).transpose()
    }

    async fn save_flow_draft(
        &self,
        slug: &str,
        graph: &FlowGraph,
        by: i64,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let json = serde_json::to_string(graph).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let mut tx = write_tx(self.writer()).await?;
        let flow = flow_id(&mut tx, slug, graph, at).await?;
        sqlx::query(
            "INSERT INTO flow_versions (flow_id, version, graph_json, status, created_at, created_by)
             VALUES ($1, 0, $2, 'draft', $3, $4)
             ON CONFLICT (flow_id, version) DO UPDATE SET graph_json = excluded.graph_json,
                 created_at = excluded.created_at, created_by = excluded.created_by",
        )
        .bind(flow)
        .bind(json)
        .bind(to_ms(at))
        .bind(by)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        tx.commit().await.map_err(db)
    }

    async fn discard_flow_draft(&self, slug: &str) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "DELETE FROM flow_versions WHERE version = 0
               AND flow_id = (SELECT id FROM flows WHERE slug = $1)",
        )
        .bind(slug)
        .execute(self.writer())
        .await
        .map_err(db)?;
        Ok(done.rows_affected() == 1)
    }

    async fn publish_flow(
        &self,
        slug: &str,
        graph: &FlowGraph,
        restored_from: Option<i64>,
        by: Option<i64>,
        at: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        let mut tx = write_tx(self.writer()).await?;
        let version = publish_in(&mut tx, slug, graph, restored_from, by, at).await?;
        tx.commit().await.map_err(db)?;
        Ok(version)
    }

    async fn unpublish_flow(&self, slug: &str) -> Result<FlowChange, StoreError> {
        let done = sqlx::query(
            "UPDATE flow_versions SET status = 'retired' WHERE status = 'published'
               AND flow_id = (SELECT id FROM flows WHERE slug = $1)",
        )
        .bind(slug)
        .execute(self.writer())
        .await
        .map_err(db)?;
        Ok(if done.rows_affected() == 1 {
            FlowChange::Done(0)
        } else {
            FlowChange::Missing
        })
    }

    async fn import_flows(
        &self,
        files: &[FlowFile],
        by: Option<i64>,
        at: DateTime<Utc>,
    ) -> Result<usize, StoreError> {
        let mut tx = write_tx(self.writer()).await?;
        let mut changed = 0;
        for file in files {
            let live: Option<String> = sqlx::query_scalar(
                "SELECT v.graph_json FROM flow_versions v JOIN flows f ON f.id = v.flow_id
                 WHERE f.slug = $1 AND v.status = 'published'",
            )
            .bind(&file.slug)
            .fetch_optional(&mut *tx)
            .await
            .map_err(db)?;
            if live.as_deref().map(graph_of).transpose()?.as_ref() == Some(&file.graph) {
                continue;
            }
            publish_in(&mut tx, &file.slug, &file.graph, None, by, at).await?;
            changed += 1;
        }
        tx.commit().await.map_err(db)?;
        Ok(changed)
    }
}
