use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The assignment form of the ticket page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AssignForm {
    pub number: String,
    pub revision: i64,
    /// An agent's id, `me`, or empty to return the ticket to the unassigned queue.
    #[serde(default)]
    pub assignee: String,
    /// Why it changes hands, kept in the timeline (internal).
    #[serde(default)]
    pub reason: String,
}

/// Gives a ticket to an agent, takes it, or hands it back (agents only).
#[server(endpoint = "tickets/assign")]
pub async fn assign_ticket(form: AssignForm) -> Result<bool, ServerFnError> {
    use super::super::ssr::{audit, bad_request, internal, request_locale, services};
    use super::work::{assignment_event, commit};
    use crate::domain::auth::Operation;
    use crate::ports::TicketChange;

    let me = super::super::ssr::require_signed_in(Operation::WorkTickets).await?;
    let Some(access) = super::open_ticket(&form.number, "").await? else {
        return Ok(false);
    };
    let s = request_locale().strings();
    let number = access.ticket.view.number.clone();
    let back = format!("/tickets/{number}");
    let agents = services()?.store.agents().await.map_err(internal)?;
    let target = match form.assignee.trim() {
        "" => None,
        "me" => Some(me.id),
        id => Some(id.parse::<i64>().unwrap_or(-1)),
    };
    let name = match target {
        None => None,
        Some(id) => match agents.iter().find(|a| a.id == id) {
            Some(a) => Some(a.name.clone()),
            None => {
                super::super::ssr::back_to_form(&back, "not_agent", &[]);
                return Err(bad_request(s.work.err_not_agent));
            }
        },
    };
    let reason: String = form.reason.trim().chars().take(500).collect();
    let event = assignment_event(&access, name.clone(), &reason, chrono::Utc::now());
    if let Err(e) = commit(TicketChange {
        number: number.clone(),
        revision: form.revision,
        step: None,
        assignee: Some(target),
        events: vec![event],
        others: Vec::new(),
    })
    .await
    {
        super::super::ssr::back_to_form(&back, "conflict", &[]);
        return Err(e);
    }
    let detail = format!("{} {}", name.unwrap_or_default(), reason);
    audit(Some(&me), "", "ticket.assign", &number, detail.trim()).await?;
    if super::super::ssr::is_plain_form_post() {
        leptos_axum::redirect(&back);
    }
    Ok(true)
}
