use leptos::prelude::*;

/// Publishes a draft as the flow's next version, which never changes afterwards. Refused with
/// every problem while any remains. Returns the new version's number.
#[server(endpoint = "flow-editor/publish")]
pub async fn publish_flow_draft(slug: String) -> Result<i64, ServerFnError> {
    use super::super::ssr::{audit, internal, request_locale, require_signed_in, services};
    use crate::domain::auth::Operation;
    let editor = require_signed_in(Operation::EditKnowledge).await?;
    let store = services()?.store;
    let Some(draft) = store.flow_draft(&slug).await.map_err(internal)? else {
        return Err(super::super::flows_not_found(
            request_locale().strings().flows.flow_missing,
        ));
    };
    let problems = super::problems_of(&draft.graph).await?;
    if !problems.is_empty() {
        return Err(super::refused(&problems));
    }
    let version = store
        .publish_flow(
            &slug,
            &draft.graph,
            None,
            Some(editor.id),
            chrono::Utc::now(),
        )
        .await
        .map_err(internal)?;
    super::reindex(&slug).await;
    audit(
        Some(&editor),
        "",
        "flow.publish",
        &format!("{slug}/{version}"),
        "",
    )
    .await?;
    super::back_to_editor(&slug);
    Ok(version)
}
