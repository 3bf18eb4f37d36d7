use crate::domain::flow_edit::DetailsForm;
use leptos::prelude::*;

/// Saves a draft's titles, summary, category and start node.
#[server(endpoint = "flow-editor/details")]
pub async fn save_flow_details(form: DetailsForm) -> Result<(), ServerFnError> {
    use super::super::ssr::require_signed_in;
    use crate::domain::auth::Operation;
    use crate::domain::flow_edit::apply_details;
    let editor = require_signed_in(Operation::EditKnowledge).await?;
    let (mut graph, _) = super::editable(&form.slug).await?;
    apply_details(&mut graph, &form);
    super::save_draft(&form.slug, &graph, editor.id).await?;
    super::back_to_editor(&form.slug);
    Ok(())
}
