//! Runs of diagnosis flows on SQLite: each pinned to a version row, with the nodes it reached.

use super::flow_rows::{stored_flow, FLOW_COLUMNS};
use super::{db, to_ms, write_tx, SqlStore};
use app::domain::flow_run::{RunStatus, Taken};
use app::domain::flow_views::{FlowStats, NodeStats, VersionStats};
use app::ports::{FlowRunStore, RunInsert, StoreError, StoredRun};
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::{Any, Row, Transaction};

#[async_trait]
impl FlowRunStore for SqlStore {
    async fn start_run(&self, run: RunInsert) -> Result<i64, StoreError> {
        let mut tx = write_tx(self.writer()).await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO flow_runs (token_hash, version_id, user_id, preview, status,
                 current_node, path_json, started_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, '[]', $7, $7) RETURNING id",
        )
        .bind(&run.token_hash)
        .bind(run.version_id)
        .bind(run.user_id)
        .bind(i64::from(run.preview))
        .bind(run.status.code())
        .bind(&run.start)
        .bind(to_ms(run.at))
        .fetch_one(&mut *tx)
        .await
        .map_err(db)?;
        visit(&mut tx, id, &run.start).await?;
        tx.commit().await.map_err(db)?;
        Ok(id)
    }

    async fn run(&self, token_hash: &str) -> Result<Option<StoredRun>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT r.id, r.user_id, r.preview, r.status, r.path_json, {FLOW_COLUMNS}
             FROM flow_runs r JOIN flow_versions v ON v.id = r.version_id
             JOIN flows f ON f.id = v.flow_id WHERE r.token_hash = $1"
        ))
        .bind(token_hash)
        .fetch_optional(self.pool())
        .await
        .map_err(db)?;
        let Some(r) = row else { return Ok(None) };
        let status: String = r.try_get("status").map_err(db)?;
        let path: String = r.try_get("path_json").map_err(db)?;
        Ok(Some(StoredRun {
            id: r.try_get("id").map_err(db)?,
            flow: stored_flow(&r)?,
            user_id: r.try_get("user_id").map_err(db)?,
            preview: r.try_get::<i64, _>("preview").map_err(db)? != 0,
            status: RunStatus::from_code(&status)
                .ok_or_else(|| StoreError::Corrupt(format!("run status {status}")))?,
            path: serde_json::from_str(&path).map_err(|e| StoreError::Corrupt(e.to_string()))?,
        }))
    }

    async fn save_run(
        &self,
        id: i64,
        before: usize,
        path: &[Taken],
        node: &str,
        status: RunStatus,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let json = serde_json::to_string(path).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let mut tx = write_tx(self.writer()).await?;
        // Only if nobody answered meanwhile (two tabs, or a shared link used twice).
        let done = sqlx::query(
            "UPDATE flow_runs SET path_json = $1, current_node = $2, status = $3, updated_at = $4
             WHERE id = $5 AND json_array_length(path_json) = $6",
        )
        .bind(json)
        .bind(node)
        .bind(status.code())
        .bind(to_ms(at))
        .bind(id)
        .bind(before as i64)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
        visit(&mut tx, id, node).await?;
        tx.commit().await.map_err(db)?;
        Ok(true)
    }

    async fn flow_stats(&self, slug: &str, since: DateTime<Utc>) -> Result<FlowStats, StoreError> {
        let rows = sqlx::query(
            "SELECT v.version, COUNT(*) AS started,
                    COALESCE(SUM(CASE WHEN r.status <> 'active' THEN 1 ELSE 0 END), 0) AS completed,
                    COALESCE(SUM(CASE WHEN r.status = 'solved' THEN 1 ELSE 0 END), 0) AS deflected,
                    COALESCE(SUM(CASE WHEN r.status = 'escalated' THEN 1 ELSE 0 END), 0) AS escalated
             FROM flow_runs r JOIN flow_versions v ON v.id = r.version_id
             JOIN flows f ON f.id = v.flow_id
             WHERE f.slug = $1 AND r.preview = 0 AND r.started_at >= $2
             GROUP BY v.version ORDER BY v.version DESC",
        )
        .bind(slug)
        .bind(to_ms(since))
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        let versions = rows
            .iter()
            .map(|r| {
                Ok(VersionStats {
                    version: r.try_get("version").map_err(db)?,
                    started: r.try_get("started").map_err(db)?,
                    completed: r.try_get("completed").map_err(db)?,
                    deflected: r.try_get("deflected").map_err(db)?,
                    escalated: r.try_get("escalated").map_err(db)?,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        let rows = sqlx::query(
            "SELECT v.version, x.node_id AS node, COUNT(*) AS reached,
                    COALESCE(SUM(CASE WHEN r.status = 'active' AND r.current_node = x.node_id THEN 1 ELSE 0 END), 0) AS dropped
             FROM flow_run_visits x JOIN flow_runs r ON r.id = x.run_id
             JOIN flow_versions v ON v.id = r.version_id JOIN flows f ON f.id = v.flow_id
             WHERE f.slug = $1 AND r.preview = 0 AND r.started_at >= $2
             GROUP BY v.version, x.node_id ORDER BY v.version DESC, reached DESC, x.node_id",
        )
        .bind(slug)
        .bind(to_ms(since))
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        let nodes = rows
            .iter()
            .map(|r| {
                Ok(NodeStats {
                    version: r.try_get("version").map_err(db)?,
                    node: r.try_get("node").map_err(db)?,
                    reached: r.try_get("reached").map_err(db)?,
                    dropped: r.try_get("dropped").map_err(db)?,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(FlowStats { versions, nodes })
    }
}

/// Counts a node as reached by a run, once.
async fn visit(tx: &mut Transaction<'_, Any>, run: i64, node: &str) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO flow_run_visits (run_id, node_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
    )
    .bind(run)
    .bind(node)
    .execute(&mut **tx)
    .await
    .map_err(db)?;
    Ok(())
}
