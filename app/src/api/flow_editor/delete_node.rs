use leptos::prelude::*;

/// Removes a node from a draft; answers that led to it are then listed as problems.
#[server(endpoint = "flow-editor/delete-node")]
pub async fn delete_flow_node(slug: String, id: String) -> Result<(), ServerFnError> {
    use super::super::ssr::require_signed_in;
    use crate::domain::auth::Operation;
    use crate::domain::flow_edit::delete_node;
    let editor = require_signed_in(Operation::EditKnowledge).await?;
    let (mut graph, _) = super::editable(&slug).await?;
    if delete_node(&mut graph, &id) {
        super::save_draft(&slug, &graph, editor.id).await?;
    }
    super::back_to_editor(&slug);
    Ok(())
}
