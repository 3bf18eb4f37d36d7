use leptos::prelude::*;

/// Most synonym groups, and words in one group.
pub const MAX_SYNONYM_GROUPS: usize = 500;
pub const MAX_SYNONYM_WORDS: usize = 20;

/// The synonym groups as editable text, one comma-separated group per line.
#[server(endpoint = "staff/synonyms")]
pub async fn synonyms() -> Result<String, ServerFnError> {
    use super::super::ssr::{internal, require_signed_in, services};
    use crate::domain::auth::Operation;
    let store = services()?.store;
    require_signed_in(Operation::EditKnowledge).await?;
    Ok(store.synonym_lines().await.map_err(internal)?.join("\n"))
}
