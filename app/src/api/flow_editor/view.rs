use crate::domain::flow_views::FlowEditorView;
use leptos::prelude::*;

/// The editor's view of a flow: the graph being edited, its problems and its versions.
#[server(endpoint = "flow-editor/view")]
pub async fn get_flow_editor(slug: String) -> Result<FlowEditorView, ServerFnError> {
    use super::super::ssr::{internal, require_signed_in, services};
    use crate::domain::auth::Operation;
    require_signed_in(Operation::EditKnowledge).await?;
    let (graph, is_draft) = super::editable(&slug).await?;
    let problems = super::problems_of(&graph).await?;
    let versions = services()?
        .store
        .flow_versions(&slug)
        .await
        .map_err(internal)?;
    Ok(FlowEditorView {
        slug,
        graph,
        is_draft,
        problems,
        versions,
    })
}
