use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The console's bulk form: the ticked tickets and what to do with them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BulkForm {
    #[serde(default)]
    pub numbers: Vec<String>,
    /// An [`Action`](crate::domain::lifecycle::Action) code, or `assign`.
    pub action: String,
    /// With `assign`: an agent's id, `me`, or empty for the unassigned queue.
    #[serde(default)]
    pub assignee: String,
}

/// What a bulk change did, ticket by ticket.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BulkOutcome {
    pub changed: Vec<String>,
    /// Tickets left as they were, with the reason in the asker's language.
    pub refused: Vec<(String, String)>,
}

/// Most tickets one bulk change takes.
pub const BULK_MAX: usize = 200;

/// Changes the status or assignee of many tickets at once (agents). Each ticket goes through
/// the state machine on its latest version; those it refuses are listed with the reason.
#[server(endpoint = "tickets/bulk")]
pub async fn bulk_change(form: BulkForm) -> Result<BulkOutcome, ServerFnError> {
    use super::super::ssr::{
        audit, bad_request, internal, request_locale, require_signed_in, services,
    };
    use super::work::{assignment_event, status_event};
    use crate::domain::auth::Operation;
    use crate::domain::lifecycle::{Action, Actor};
    use crate::domain::work;
    use crate::ports::{ChangeOutcome, TicketChange};

    let me = require_signed_in(Operation::WorkTickets).await?;
    let s = request_locale().strings();
    if form.numbers.len() > BULK_MAX {
        return Err(bad_request(s.work.err_not_from_here));
    }
    let store = services()?.store;
    let settings = store.service_settings().await.map_err(internal)?;
    let assign = form.action == "assign";
    let action = Action::from_code(&form.action);
    if !assign && action.is_none() {
        return Err(bad_request(s.work.err_not_from_here));
    }
    let target = match form.assignee.trim() {
        "" => None,
        "me" => Some(me.id),
        id => Some(id.parse::<i64>().unwrap_or(-1)),
    };
    let agents = store.agents().await.map_err(internal)?;
    let target_name =
        target.and_then(|id| agents.iter().find(|a| a.id == id).map(|a| a.name.clone()));
    if assign && target.is_some() && target_name.is_none() {
        return Err(bad_request(s.work.err_not_agent));
    }
    let mut outcome = BulkOutcome::default();
    for number in &form.numbers {
        let Some(access) = super::open_ticket(number, "").await? else {
            continue;
        };
        let t = &access.ticket.view;
        let now = chrono::Utc::now();
        let change = match action {
            Some(action) if !assign => match work::act(t, action, Actor::Agent, now, &settings) {
                Ok(step) => TicketChange {
                    number: t.number.clone(),
                    revision: t.work.revision,
                    events: vec![status_event(&access, t.status, step.status, now)],
                    step: Some(step),
                    assignee: None,
                    others: Vec::new(),
                },
                Err(e) => {
                    outcome
                        .refused
                        .push((t.number.clone(), s.work.refused(e).to_string()));
                    continue;
                }
            },
            _ => TicketChange {
                number: t.number.clone(),
                revision: t.work.revision,
                step: None,
                assignee: Some(target),
                events: vec![assignment_event(&access, target_name.clone(), "", now)],
                others: Vec::new(),
            },
        };
        match store.change_ticket(change).await.map_err(internal)? {
            ChangeOutcome::Done { .. } => {
                audit(Some(&me), "", "ticket.bulk", &t.number, &form.action).await?;
                outcome.changed.push(t.number.clone());
            }
            ChangeOutcome::Conflict => outcome
                .refused
                .push((t.number.clone(), s.work.err_conflict.to_string())),
        }
    }
    if super::super::ssr::is_plain_form_post() {
        leptos_axum::redirect("/console?queue=all");
    }
    Ok(outcome)
}
