use leptos::prelude::*;

/// Adds an internal note to a ticket; agents and admins only, never shown to customers.
#[server(endpoint = "tickets/note")]
pub async fn add_internal_note(number: String, body: String) -> Result<bool, ServerFnError> {
    use super::super::ssr::{internal, require_signed_in, services};
    use crate::domain::auth::Operation;
    use crate::domain::ticket::EventKind;
    use crate::ports::NewTicketEvent;

    let agent = require_signed_in(Operation::WorkTickets).await?;
    let body = super::checked_body(&body)?;
    let Some(number) = crate::domain::ticket_number::normalise(&number) else {
        return Ok(false);
    };
    let services = services()?;
    if services
        .store
        .ticket(&number)
        .await
        .map_err(internal)?
        .is_none()
    {
        return Ok(false);
    }
    services
        .store
        .add_ticket_event(NewTicketEvent {
            number: number.clone(),
            kind: EventKind::Note,
            actor_id: Some(agent.id),
            actor_name: agent.display_name.clone(),
            public: false,
            body,
            at: chrono::Utc::now(),
            change: None,
            files: Vec::new(),
        })
        .await
        .map_err(internal)?;
    if super::super::ssr::is_plain_form_post() {
        leptos_axum::redirect(&format!("/tickets/{number}"));
    }
    Ok(true)
}
