//! What flow pages show: lists, versions, runs and analytics, shared by server and browser.

use super::flow::{FlowGraph, Text};
use super::flow_check::Problem;
use super::flow_run::RunStatus;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A flow in a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlowSummary {
    pub slug: String,
    pub category: String,
    pub title: Text,
    pub summary: Text,
    /// The live version's number; `None` when unpublished.
    pub live: Option<i64>,
    /// Whether unpublished edits wait in a draft (staff lists only).
    pub has_draft: bool,
}

/// One version of a flow for the editors' history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlowVersionInfo {
    pub version: i64,
    /// `published` (live) or `retired`.
    pub status: String,
    pub author: String,
    pub published_at: Option<DateTime<Utc>>,
    pub nodes: usize,
    /// The version it was restored from, for roll-backs.
    pub restored_from: Option<i64>,
}

/// The editor's view of a flow: the draft (or the live version when there is no draft), its
/// problems and the version history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlowEditorView {
    pub slug: String,
    pub graph: FlowGraph,
    pub is_draft: bool,
    pub problems: Vec<Problem>,
    pub versions: Vec<FlowVersionInfo>,
}

/// The screen a run is on, ready to render in the viewer's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunView {
    pub token: String,
    pub flow_slug: String,
    pub flow_title: String,
    pub version: i64,
    /// Staff trying a draft.
    pub preview: bool,
    pub status: RunStatus,
    pub node_id: String,
    /// `question`, `step`, `solution` or `escalate`.
    pub kind: String,
    pub text: String,
    /// The answers offered here, in order (their index is the choice).
    pub choices: Vec<String>,
    /// Linked articles as (slug, title).
    pub articles: Vec<(String, String)>,
    pub progress: u8,
    /// Screens answered so far.
    pub answered: usize,
    /// The questions and answers so far.
    pub transcript: Vec<(String, String)>,
    /// The prefilled ticket form, on escalation.
    pub ticket_link: Option<String>,
}

/// Counts of one version's runs in a period.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionStats {
    pub version: i64,
    pub started: i64,
    pub completed: i64,
    /// Solved without a ticket.
    pub deflected: i64,
    pub escalated: i64,
}

/// How many runs reached a node, and how many stopped there without finishing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NodeStats {
    pub version: i64,
    pub node: String,
    pub reached: i64,
    pub dropped: i64,
}

/// A flow's analytics for a period.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlowStats {
    pub versions: Vec<VersionStats>,
    pub nodes: Vec<NodeStats>,
}
