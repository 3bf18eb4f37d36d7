use leptos::prelude::*;

/// Lets editors approve their own articles, or not (admins; off by default); audited.
#[server(endpoint = "editor/self-review")]
pub async fn set_self_review(allowed: bool) -> Result<(), ServerFnError> {
    use super::super::ssr::{audit, internal, require_signed_in, services};
    use crate::domain::auth::Operation;
    let store = services()?.store;
    let admin = require_signed_in(Operation::ManageSettings).await?;
    store
        .set_self_review(allowed, chrono::Utc::now())
        .await
        .map_err(internal)?;
    audit(Some(&admin), "", "kb.self_review", "", &allowed.to_string()).await?;
    super::back_without_js("/staff/kb");
    Ok(())
}
