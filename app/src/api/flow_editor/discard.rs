use leptos::prelude::*;

/// Drops a draft; the live version (if any) is untouched.
#[server(endpoint = "flow-editor/discard")]
pub async fn discard_flow(slug: String) -> Result<(), ServerFnError> {
    use super::super::ssr::{internal, require_signed_in, services};
    use crate::domain::auth::Operation;
    require_signed_in(Operation::EditKnowledge).await?;
    services()?
        .store
        .discard_flow_draft(&slug)
        .await
        .map_err(internal)?;
    super::back_to_editor(&slug);
    Ok(())
}
