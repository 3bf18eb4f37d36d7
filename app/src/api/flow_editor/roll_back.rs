use leptos::prelude::*;

/// Publishes a copy of an earlier version as the newest one; a draft in progress is kept.
#[server(endpoint = "flow-editor/roll-back")]
pub async fn roll_back_flow(slug: String, version: i64) -> Result<i64, ServerFnError> {
    use super::super::ssr::{audit, internal, request_locale, require_signed_in, services};
    use crate::domain::auth::Operation;
    let editor = require_signed_in(Operation::EditKnowledge).await?;
    let store = services()?.store;
    let old = match version {
        1.. => store.flow_version(&slug, version).await.map_err(internal)?,
        _ => None,
    };
    let Some(old) = old else {
        return Err(super::super::flows_not_found(
            request_locale().strings().flows.flow_missing,
        ));
    };
    let new = store
        .publish_flow(
            &slug,
            &old.graph,
            Some(version),
            Some(editor.id),
            chrono::Utc::now(),
        )
        .await
        .map_err(internal)?;
    super::reindex(&slug).await;
    let target = format!("{slug}/{new}");
    audit(
        Some(&editor),
        "",
        "flow.roll_back",
        &target,
        &version.to_string(),
    )
    .await?;
    super::back_to_editor(&slug);
    Ok(new)
}
