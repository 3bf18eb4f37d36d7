use leptos::prelude::*;

/// Adds the customer's (or an agent's) public reply to a ticket they may open.
#[server(endpoint = "tickets/reply")]
pub async fn reply_to_ticket(
    number: String,
    #[server(default)] key: String,
    body: String,
) -> Result<bool, ServerFnError> {
    use super::super::ssr::{internal, services};
    use crate::domain::ticket::EventKind;
    use crate::ports::NewTicketEvent;

    let body = super::checked_body(&body)?;
    let Some(access) = super::open_ticket(&number, &key).await? else {
        return Ok(false);
    };
    let actor_name = access
        .viewer
        .as_ref()
        .map(|v| v.display_name.clone())
        .unwrap_or_else(|| access.ticket.view.contact_name.clone());
    services()?
        .store
        .add_ticket_event(NewTicketEvent {
            number: access.ticket.view.number.clone(),
            kind: EventKind::Reply,
            actor_id: access.viewer.as_ref().map(|v| v.id),
            actor_name,
            public: true,
            body,
            at: chrono::Utc::now(),
        })
        .await
        .map_err(internal)?;
    if super::super::ssr::is_plain_form_post() {
        leptos_axum::redirect(&super::page_href(&access.ticket.view.number, &key));
    }
    Ok(true)
}
