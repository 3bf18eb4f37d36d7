use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The merge form of the ticket page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MergeForm {
    /// The duplicate, closed by the merge.
    pub number: String,
    pub revision: i64,
    /// The ticket that carries on.
    pub into: String,
}

/// Closes a duplicate into another ticket (agents). The duplicate's timeline says where it
/// went; the other ticket gets its subject and description as an internal entry. Both in one
/// transaction, under the duplicate's revision.
#[server(endpoint = "tickets/merge")]
pub async fn merge_ticket(form: MergeForm) -> Result<bool, ServerFnError> {
    use super::super::ssr::{
        audit, back_to_form, bad_request, internal, request_locale, require_signed_in, services,
    };
    use super::work::{actor_name, commit, refused};
    use crate::domain::auth::Operation;
    use crate::domain::ticket::{EventChange, EventKind, Status};
    use crate::ports::{NewTicketEvent, TicketChange};

    let me = require_signed_in(Operation::WorkTickets).await?;
    let Some(access) = super::open_ticket(&form.number, "").await? else {
        return Ok(false);
    };
    let t = &access.ticket.view;
    let back = format!("/tickets/{}", t.number);
    let store = services()?.store;
    let w = request_locale().strings().work;
    let target = crate::domain::ticket_number::normalise(&form.into);
    let target = match target {
        Some(n) if n != t.number => store.ticket(&n).await.map_err(internal)?,
        _ => None,
    };
    let Some(target) = target.filter(|g| g.view.status != Status::Closed) else {
        back_to_form(&back, "merge_target", &[]);
        return Err(bad_request(w.err_merge_target));
    };
    let into = target.view.number.clone();
    let settings = store.service_settings().await.map_err(internal)?;
    let now = chrono::Utc::now();
    let step = crate::domain::work::merge(t, now, &settings.calendar).map_err(|e| {
        back_to_form(&back, "refused", &[]);
        refused(e)
    })?;
    let entry = |number: &str, public: bool, body: String, change| NewTicketEvent {
        number: number.to_string(),
        kind: EventKind::Merged,
        actor_id: Some(me.id),
        actor_name: actor_name(&access),
        public,
        body,
        at: now,
        change: Some(change),
        files: Vec::new(),
    };
    let details = format!("{}\n\n{}", t.subject, t.description);
    let change = TicketChange {
        number: t.number.clone(),
        revision: form.revision,
        step: Some(step),
        assignee: None,
        events: vec![entry(
            &t.number,
            true,
            String::new(),
            EventChange::MergedInto { into: into.clone() },
        )],
        others: vec![entry(
            &into,
            false,
            details,
            EventChange::MergedFrom {
                from: t.number.clone(),
            },
        )],
    };
    if let Err(e) = commit(change).await {
        back_to_form(&back, "conflict", &[]);
        return Err(e);
    }
    audit(Some(&me), "", "ticket.merge", &t.number, &into).await?;
    if super::super::ssr::is_plain_form_post() {
        leptos_axum::redirect(&format!("/tickets/{into}"));
    }
    Ok(true)
}
