use leptos::prelude::*;

/// Links a ticket to an open incident, so its customer hears when it is resolved.
#[server(endpoint = "incidents/link")]
pub async fn link_incident(id: i64, number: String) -> Result<bool, ServerFnError> {
    use super::super::ssr::{
        bad_request, internal, is_plain_form_post, request_locale, require_signed_in, services,
    };
    use crate::domain::auth::Operation;
    use crate::ports::LinkOutcome;
    let store = services()?.store;
    require_signed_in(Operation::WorkTickets).await?;
    let number = crate::domain::ticket_number::normalise(&number).unwrap_or(number);
    let s = request_locale().strings().notify;
    match store
        .link_incident(id, &number, chrono::Utc::now())
        .await
        .map_err(internal)?
    {
        LinkOutcome::Linked => {}
        LinkOutcome::NoTicket => return Err(bad_request(s.inc_no_ticket)),
        LinkOutcome::Closed => return Err(bad_request(s.inc_done)),
    }
    if is_plain_form_post() {
        leptos_axum::redirect(super::INCIDENTS);
    }
    Ok(true)
}
