use leptos::prelude::*;

/// Resolves an incident; every linked ticket's customer is notified (through the outbox).
#[server(endpoint = "incidents/resolve")]
pub async fn resolve_incident(id: i64) -> Result<bool, ServerFnError> {
    use super::super::ssr::{audit, internal, is_plain_form_post, require_signed_in, services};
    use crate::domain::auth::Operation;
    let store = services()?.store;
    let who = require_signed_in(Operation::WorkTickets).await?;
    let done = store
        .resolve_incident(id, who.id, chrono::Utc::now())
        .await
        .map_err(internal)?;
    if done {
        audit(Some(&who), "", "incident.resolve", &id.to_string(), "").await?;
    }
    if is_plain_form_post() {
        leptos_axum::redirect(super::INCIDENTS);
    }
    Ok(done)
}
