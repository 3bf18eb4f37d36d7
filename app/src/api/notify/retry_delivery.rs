use leptos::prelude::*;

/// Puts a failed delivery back in the queue now (admins).
#[server(endpoint = "notify/retry")]
pub async fn retry_delivery(id: i64) -> Result<bool, ServerFnError> {
    use super::super::ssr::{internal, is_plain_form_post, require_signed_in, services};
    use crate::domain::auth::Operation;
    let store = services()?.store;
    require_signed_in(Operation::ManageSettings).await?;
    let done = store
        .retry_delivery(id, chrono::Utc::now())
        .await
        .map_err(internal)?;
    if is_plain_form_post() {
        leptos_axum::redirect(super::LOG);
    }
    Ok(done)
}
