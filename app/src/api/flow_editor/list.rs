use crate::domain::flow_views::FlowSummary;
use leptos::prelude::*;

/// Every flow, drafts and unpublished ones included, for editors.
#[server(endpoint = "flow-editor/list")]
pub async fn get_staff_flows() -> Result<Vec<FlowSummary>, ServerFnError> {
    use super::super::ssr::{internal, require_signed_in, services};
    use crate::domain::auth::Operation;
    require_signed_in(Operation::EditKnowledge).await?;
    services()?.store.flows(true).await.map_err(internal)
}
