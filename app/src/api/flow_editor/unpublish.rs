use leptos::prelude::*;

/// Takes a flow off the portal and out of search; runs already on it still complete.
#[server(endpoint = "flow-editor/unpublish")]
pub async fn unpublish_flow_live(slug: String) -> Result<(), ServerFnError> {
    use super::super::ssr::{audit, internal, request_locale, require_signed_in, services};
    use crate::domain::auth::Operation;
    use crate::ports::FlowChange;
    let editor = require_signed_in(Operation::EditKnowledge).await?;
    let change = services()?
        .store
        .unpublish_flow(&slug)
        .await
        .map_err(internal)?;
    if change == FlowChange::Missing {
        return Err(super::super::flows_not_found(
            request_locale().strings().flows.flow_missing,
        ));
    }
    super::reindex(&slug).await;
    audit(Some(&editor), "", "flow.unpublish", &slug, "").await?;
    super::back_to_editor(&slug);
    Ok(())
}
