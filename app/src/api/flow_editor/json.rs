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
    let parsed = parse_file(&json);
    let mut problems = parsed.as_ref().err().cloned().unwrap_or_default();
    // Readable but invalid files get their missing articles listed too: every problem at once.
    if let Ok(raw) = serde_json::from_str::<crate::domain::flow::FlowFile>(&json) {
        problems.extend(super::article_problems(&raw.graph).await?);
    }
    let file = match parsed {
        Ok(file) if problems.is_empty() => file,
        _ => return Err(super::refused(&problems)),
    };
    super::save_draft(&slug, &file.graph, editor.id).await?;
    super::back_to_editor(&slug);
    Ok(())
}
