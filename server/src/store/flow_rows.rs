//! Reading flow rows: the stored graph JSON back into the domain.

use super::db;
use app::domain::flow::FlowGraph;
use app::domain::flow_views::FlowSummary;
use app::ports::{StoreError, StoredFlow};
use sqlx::any::AnyRow;
use sqlx::Row;

/// The columns [`stored_flow`] reads, from `flow_versions v JOIN flows f`.
pub(super) const FLOW_COLUMNS: &str = "v.id AS version_id, f.slug, v.version, v.graph_json";

/// A stored graph; only valid graphs are stored, so a failure means corruption.
pub(super) fn graph_of(json: &str) -> Result<FlowGraph, StoreError> {
    serde_json::from_str(json).map_err(|e| StoreError::Corrupt(format!("flow graph: {e}")))
}

/// A row of `version_id, slug, version, graph_json`.
pub(super) fn stored_flow(r: &AnyRow) -> Result<StoredFlow, StoreError> {
    let json: String = r.try_get("graph_json").map_err(db)?;
    Ok(StoredFlow {
        version_id: r.try_get("version_id").map_err(db)?,
        slug: r.try_get("slug").map_err(db)?,
        version: r.try_get("version").map_err(db)?,
        graph: graph_of(&json)?,
    })
}

/// A list row of `slug, category, live, has_draft` with the graph that stands for it.
pub(super) fn summary(r: &AnyRow, json: &str, all: bool) -> Result<FlowSummary, StoreError> {
    let graph = graph_of(json)?;
    Ok(FlowSummary {
        slug: r.try_get("slug").map_err(db)?,
        category: r.try_get("category").map_err(db)?,
        title: graph.title,
        summary: graph.summary,
        live: r.try_get("live").map_err(db)?,
        has_draft: all && r.try_get::<i64, _>("has_draft").map_err(db)? == 1,
    })
}
