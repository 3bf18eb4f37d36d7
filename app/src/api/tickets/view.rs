use crate::domain::ticket::TicketView;
use leptos::prelude::*;

/// A ticket, shown only to whoever holds the key from its link; `None` for anyone else.
#[server(endpoint = "tickets/view")]
pub async fn get_ticket(number: String, key: String) -> Result<Option<TicketView>, ServerFnError> {
    use super::super::ssr::{internal, same_hash, services, token_hash};
    let found = match crate::domain::ticket_number::normalise(&number) {
        Some(n) => services()?.store.ticket(&n).await.map_err(internal)?,
        None => None,
    };
    // Unknown number and wrong key look the same, so numbers cannot be probed.
    match found {
        Some(t) if same_hash(&t.access_hash, &token_hash(&key)) => Ok(Some(t.view)),
        _ => Ok(None),
    }
}
