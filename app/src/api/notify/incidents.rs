use crate::domain::incident::Incident;
use leptos::prelude::*;

/// Incidents in progress, for the banner on every page (everyone).
#[server(endpoint = "incidents/active")]
pub async fn active_incidents() -> Result<Vec<Incident>, ServerFnError> {
    use super::super::ssr::{internal, services};
    let store = services()?.store;
    let mut list = store.incidents(true, 5).await.map_err(internal)?;
    // The banner does not list tickets: customers must not learn each other's numbers.
    for i in &mut list {
        i.tickets.clear();
    }
    Ok(list)
}

/// Open incidents and the 20 latest resolved ones, with linked tickets (people who work tickets).
#[server(endpoint = "incidents/list")]
pub async fn list_incidents() -> Result<Vec<Incident>, ServerFnError> {
    use super::super::ssr::{internal, require_signed_in, services};
    use crate::domain::auth::Operation;
    let store = services()?.store;
    require_signed_in(Operation::WorkTickets).await?;
    store.incidents(false, 40).await.map_err(internal)
}
