use crate::domain::ticket::TicketSummary;
use leptos::prelude::*;

/// The newest tickets of every customer (agents and admins).
#[server(endpoint = "staff/queue")]
pub async fn ticket_queue() -> Result<Vec<TicketSummary>, ServerFnError> {
    use super::super::ssr::{internal, require, services};
    use crate::domain::auth::Operation;
    // Taken before the first await (see `staff_members`).
    let store = services()?.store;
    require(Operation::WorkTickets).await?;
    let mut list = store.all_tickets(200).await.map_err(internal)?;
    for t in &mut list {
        t.href = format!("/tickets/{}", t.number);
    }
    Ok(list)
}
