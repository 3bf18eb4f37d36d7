use crate::domain::ticket::TicketPageData;
use leptos::prelude::*;

/// A ticket with its timeline, for whoever holds the key from its link, the customer who opened
/// it, or staff who work tickets; `None` for anyone else. Internal notes go to staff only.
#[server(endpoint = "tickets/view")]
pub async fn get_ticket(
    number: String,
    key: String,
) -> Result<Option<TicketPageData>, ServerFnError> {
    use super::super::ssr::{internal, services};
    let Some(access) = super::open_ticket(&number, &key).await? else {
        return Ok(None);
    };
    let events = services()?
        .store
        .ticket_events(&access.ticket.view.number, access.staff)
        .await
        .map_err(internal)?;
    Ok(Some(TicketPageData {
        ticket: access.ticket.view,
        events,
        staff: access.staff,
    }))
}
