use crate::domain::flow_views::FlowSummary;
use leptos::prelude::*;

/// A published flow's title and summary, with its number of screens, before it starts.
#[server(endpoint = "flows/intro")]
pub async fn get_flow_intro(slug: String) -> Result<(FlowSummary, usize), ServerFnError> {
    use super::super::ssr::{internal, request_locale, require, services};
    require(crate::domain::auth::Operation::UsePublicPortal).await?;
    let Some(flow) = services()?.store.live_flow(&slug).await.map_err(internal)? else {
        return Err(super::not_found(
            request_locale().strings().flows.flow_missing,
        ));
    };
    let screens = flow.graph.nodes.len();
    let summary = FlowSummary {
        slug: flow.slug,
        category: flow.graph.category.clone(),
        title: flow.graph.title,
        summary: flow.graph.summary,
        live: Some(flow.version),
        has_draft: false,
    };
    Ok((summary, screens))
}
