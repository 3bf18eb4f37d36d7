use leptos::prelude::*;

/// People tickets can be given to, as (id, name) (people who work tickets).
#[server(endpoint = "staff/agents")]
pub async fn list_agents() -> Result<Vec<(i64, String)>, ServerFnError> {
    use super::super::ssr::{internal, require_signed_in, services};
    use crate::domain::auth::Operation;
    let store = services()?.store;
    require_signed_in(Operation::WorkTickets).await?;
    Ok(store
        .agents()
        .await
        .map_err(internal)?
        .into_iter()
        .map(|a| (a.id, a.name))
        .collect())
}
