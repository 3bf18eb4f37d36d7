use leptos::prelude::*;

/// Replaces a draft with a pasted flow file (schema `helpdesk-flow/1`). The file is checked as
/// a whole: with any problem nothing changes and every problem is listed.
#[server(endpoint = "flow-editor/json")]
pub async fn replace_flow_json(slug: String, json: String) -> Result<(), ServerFnError> {
    use super::super::ssr::require_signed_in;
    use crate::domain::auth::Operation;
    use crate::domain::flow_check::parse_file;
    let editor = require_signed_in(Operation::EditKnowledge).await?;
    super::editable(&slug).await?;
    let file = parse_file(&json).map_err(|problems| super::refused(&problems))?;
    let problems = super::problems_of(&file.graph).await?;
    if !problems.is_empty() {
        return Err(super::refused(&problems));
    }
    super::save_draft(&slug, &file.graph, editor.id).await?;
    super::back_to_editor(&slug);
    Ok(())
}
