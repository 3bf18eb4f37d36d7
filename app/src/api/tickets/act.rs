use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A status change as the ticket page posts it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ActForm {
    pub number: String,
    /// The access key of a guest link; empty for signed-in people.
    #[serde(default)]
    pub key: String,
    /// An [`Action`](crate::domain::lifecycle::Action) code.
    pub action: String,
    /// The revision the page showed; a newer one means someone else acted meanwhile.
    pub revision: i64,
}

/// Moves a ticket through its lifecycle. Agents take every step; the customer confirms a
/// resolution or reopens. A stale revision is refused with "changed meanwhile" (409).
#[server(endpoint = "tickets/act")]
pub async fn act_on_ticket(form: ActForm) -> Result<bool, ServerFnError> {
    use super::super::ssr::{audit, bad_request, internal, request_locale, services};
    use super::work::{actor, commit, refused, status_event};
    use crate::domain::lifecycle::{Action, Actor};
    use crate::domain::work;
    use crate::ports::TicketChange;

    let Some(action) = Action::from_code(&form.action) else {
        return Err(bad_request(
            request_locale().strings().work.err_not_from_here,
        ));
    };
    let Some(access) = super::open_ticket(&form.number, &form.key).await? else {
        return Ok(false);
    };
    let t = &access.ticket.view;
    let back = super::page_href(&t.number, &form.key);
    let fail = |e: ServerFnError, code: &str| {
        super::super::ssr::back_to_form(&back, code, &[]);
        e
    };
    if form.revision != t.work.revision {
        let msg = request_locale().strings().work.err_conflict;
        return Err(fail(super::super::ssr::conflict(msg), "conflict"));
    }
    let settings = services()?
        .store
        .service_settings()
        .await
        .map_err(internal)?;
    let now = chrono::Utc::now();
    let who = actor(&access);
    let step =
        work::act(t, action, who, now, &settings).map_err(|e| fail(refused(e), "refused"))?;
    let event = status_event(&access, t.status, step.status, now);
    commit(TicketChange {
        number: t.number.clone(),
        revision: form.revision,
        step: Some(step),
        assignee: None,
        events: vec![event],
        others: Vec::new(),
    })
    .await
    .map_err(|e| fail(e, "conflict"))?;
    if who == Actor::Agent {
        let detail = format!("{} → {}", action.code(), t.number);
        audit(
            access.viewer.as_ref(),
            "",
            "ticket.status",
            &t.number,
            &detail,
        )
        .await?;
    }
    if super::super::ssr::is_plain_form_post() {
        leptos_axum::redirect(&back);
    }
    Ok(true)
}
