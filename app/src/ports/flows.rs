//! Diagnosis flows on the store: drafts, immutable versions, runs and their counts.

use super::StoreError;
use crate::domain::flow::{FlowFile, FlowGraph};
use crate::domain::flow_run::{RunStatus, Taken};
use crate::domain::flow_views::{FlowStats, FlowSummary, FlowVersionInfo};
use async_trait::async_trait;
use chrono::{DateTime, Utc};

/// One version of a flow as stored.
#[derive(Clone, Debug)]
pub struct StoredFlow {
    pub version_id: i64,
    pub slug: String,
    /// 0 for the draft.
    pub version: i64,
    pub graph: FlowGraph,
}

/// A run as stored.
#[derive(Clone, Debug)]
pub struct StoredRun {
    pub id: i64,
    pub flow: StoredFlow,
    pub user_id: Option<i64>,
    pub preview: bool,
    pub status: RunStatus,
    pub path: Vec<Taken>,
}

/// A new run.
#[derive(Clone, Debug)]
pub struct RunInsert {
    pub token_hash: String,
    pub version_id: i64,
    pub user_id: Option<i64>,
    pub preview: bool,
    pub status: RunStatus,
    pub start: String,
    pub at: DateTime<Utc>,
}

/// What a change to a flow's versions came to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlowChange {
    /// Done; the version now live (0 when none is).
    Done(i64),
    /// No such flow, draft or version.
    Missing,
}

/// Flows on the store.
#[async_trait]
pub trait FlowStore: Send + Sync {
    /// Flows with a live version (or every flow, for staff), by category and title.
    async fn flows(&self, all: bool) -> Result<Vec<FlowSummary>, StoreError>;
    /// The live version of a flow.
    async fn live_flow(&self, slug: &str) -> Result<Option<StoredFlow>, StoreError>;
    /// The draft of a flow, if one is kept.
    async fn flow_draft(&self, slug: &str) -> Result<Option<StoredFlow>, StoreError>;
    /// A flow's published versions, newest first.
    async fn flow_versions(&self, slug: &str) -> Result<Vec<FlowVersionInfo>, StoreError>;
    /// One published version.
    async fn flow_version(
        &self,
        slug: &str,
        version: i64,
    ) -> Result<Option<StoredFlow>, StoreError>;
    /// Creates or replaces a flow's draft (creating the flow when new).
    async fn save_flow_draft(
        &self,
        slug: &str,
        graph: &FlowGraph,
        by: i64,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError>;
    /// Drops a flow's draft.
    async fn discard_flow_draft(&self, slug: &str) -> Result<bool, StoreError>;
    /// Publishes `graph` as the flow's next version and drops the draft, in one transaction;
    /// `restored_from` names the version a roll-back copies.
    async fn publish_flow(
        &self,
        slug: &str,
        graph: &FlowGraph,
        restored_from: Option<i64>,
        by: Option<i64>,
        at: DateTime<Utc>,
    ) -> Result<i64, StoreError>;
    /// Takes a flow's live version off the portal; runs on it still complete.
    async fn unpublish_flow(&self, slug: &str) -> Result<FlowChange, StoreError>;
    /// Publishes each changed file in one transaction; returns how many changed.
    async fn import_flows(
        &self,
        files: &[FlowFile],
        by: Option<i64>,
        at: DateTime<Utc>,
    ) -> Result<usize, StoreError>;
}

/// Runs of flows on the store, and their counts.
#[async_trait]
pub trait FlowRunStore: Send + Sync {
    /// Starts a run; returns its id.
    async fn start_run(&self, run: RunInsert) -> Result<i64, StoreError>;
    /// A run by the hash of its link's token.
    async fn run(&self, token_hash: &str) -> Result<Option<StoredRun>, StoreError>;
    /// Stores a run's new path if it still has `before` answers (else false: it moved on);
    /// `node` is where it now stands, counted as reached.
    async fn save_run(
        &self,
        id: i64,
        before: usize,
        path: &[Taken],
        node: &str,
        status: RunStatus,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError>;
    /// Counts of runs (not previews) started since `since`, per version and per node.
    async fn flow_stats(&self, slug: &str, since: DateTime<Utc>) -> Result<FlowStats, StoreError>;
}
