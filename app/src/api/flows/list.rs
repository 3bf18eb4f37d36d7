use crate::domain::flow_views::FlowSummary;
use leptos::prelude::*;

/// The published flows, by category then address; anyone may list them.
#[server(endpoint = "flows/list")]
pub async fn get_flows() -> Result<Vec<FlowSummary>, ServerFnError> {
    use super::super::ssr::{internal, require, services};
    use crate::domain::auth::Operation;
    require(Operation::UsePublicPortal).await?;
    services()?.store.flows(false).await.map_err(internal)
}
