use crate::domain::flow_views::FlowStats;
use leptos::prelude::*;

/// Longest analytics period, in days.
pub const MAX_DAYS: i64 = 3660;

/// A flow's runs in the last `days` days: per version, and reached / left per node.
#[server(endpoint = "flow-editor/stats")]
pub async fn get_flow_stats(slug: String, days: i64) -> Result<FlowStats, ServerFnError> {
    use super::super::ssr::{internal, require_signed_in, services};
    use crate::domain::auth::Operation;
    require_signed_in(Operation::EditKnowledge).await?;
    let since = chrono::Utc::now() - chrono::Duration::days(days.clamp(1, MAX_DAYS));
    services()?
        .store
        .flow_stats(&slug, since)
        .await
        .map_err(internal)
}
