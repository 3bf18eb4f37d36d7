//! Flow editors' pages: the list, the editor with its drawing, and analytics.

mod edit;
mod graph;
mod list;
mod node_form;
mod stats;
mod versions;

pub use edit::FlowEditorPage;
pub use list::FlowListPage;
pub use stats::FlowStatsPage;
