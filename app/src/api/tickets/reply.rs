use leptos::prelude::*;

/// Adds the customer's (or an agent's) public reply to a ticket they may open. A customer's
/// reply restarts a paused clock; an agent's is the first response. A closed ticket takes no
/// reply: the customer is told to reopen it first. Staged files named in `attachments` go
/// with the reply.
#[server(endpoint = "tickets/reply")]
pub async fn reply_to_ticket(
    number: String,
    #[server(default)] key: String,
    body: String,
    #[server(default)] attachments: String,
) -> Result<bool, ServerFnError> {
    use super::super::ssr::{
        back_to_form, bad_request, conflict, internal, request_locale, services,
    };
    use super::work::{actor, actor_name, status_event};
    use crate::domain::ticket::EventKind;
    use crate::domain::work;
    use crate::ports::{ChangeOutcome, NewTicketEvent, TicketChange};

    let body = super::checked_body(&body)?;
    let files = super::staged_hashes(&attachments)?;
    let store = services()?.store;
    let settings = store.service_settings().await.map_err(internal)?;
    // A reply adds to the ticket whatever else happened meanwhile, so a lost race is retried
    // on the fresh copy instead of being refused.
    let mut attempts = 0;
    loop {
        let Some(access) = super::open_ticket(&number, &key).await? else {
            return Ok(false);
        };
        let t = &access.ticket.view;
        let back = super::page_href(&t.number, &key);
        let now = chrono::Utc::now();
        let Ok(step) = work::reply(t, actor(&access), now, &settings) else {
            back_to_form(&back, "closed", &[]);
            return Err(bad_request(
                request_locale().strings().work.err_closed_reply,
            ));
        };
        let mut events = vec![NewTicketEvent {
            number: t.number.clone(),
            kind: EventKind::Reply,
            actor_id: access.viewer.as_ref().map(|v| v.id),
            actor_name: actor_name(&access),
            public: true,
            body: body.clone(),
            at: now,
            change: None,
            files: files.clone(),
        }];
        if step.status != t.status {
            events.push(status_event(&access, t.status, step.status, now));
        }
        let change = TicketChange {
            number: t.number.clone(),
            revision: t.work.revision,
            step: step.changes(t).then_some(step),
            assignee: None,
            events,
            others: Vec::new(),
        };
        match store.change_ticket(change).await.map_err(internal)? {
            ChangeOutcome::Done { .. } => {
                if super::super::ssr::is_plain_form_post() {
                    leptos_axum::redirect(&back);
                }
                return Ok(true);
            }
            ChangeOutcome::Conflict if attempts >= 3 => {
                return Err(conflict(request_locale().strings().work.err_conflict));
            }
            ChangeOutcome::Conflict => attempts += 1,
        }
    }
}
