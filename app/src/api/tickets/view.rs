use crate::domain::ticket::TicketPageData;
use leptos::prelude::*;

/// A ticket with its timeline, clocks and the steps the viewer may take, for whoever holds the
/// key from its link, the customer who opened it, or staff who work tickets; `None` for anyone
/// else. Internal notes, the agent list and the customer's other tickets go to staff only.
#[server(endpoint = "tickets/view")]
pub async fn get_ticket(
    number: String,
    key: String,
) -> Result<Option<TicketPageData>, ServerFnError> {
    use super::super::ssr::{internal, services};
    use crate::domain::lifecycle::{transition, Action};
    use crate::domain::ticket::TicketSummary;
    use crate::domain::work::clocks;

    let Some(access) = super::open_ticket(&number, &key).await? else {
        return Ok(None);
    };
    let store = services()?.store;
    let mut t = access.ticket.view.clone();
    if !access.staff {
        // Staff ids and internal hand-overs stay internal.
        t.work.assignee_id = None;
        t.work.assignee_name = None;
    }
    let mut events = store
        .ticket_events(&t.number, access.staff)
        .await
        .map_err(internal)?;
    if !key.is_empty() {
        // A guest's file links carry the key that opens the ticket.
        let key = crate::components::account_form::encode(&key);
        let with_key = |href: &mut String| href.push_str(&format!("?key={key}"));
        for a in events.iter_mut().flat_map(|e| e.attachments.iter_mut()) {
            with_key(&mut a.href);
            if let Some(p) = a.preview_href.as_mut() {
                with_key(p);
            }
        }
    }
    let settings = store.service_settings().await.map_err(internal)?;
    let now = chrono::Utc::now();
    let (respond, resolve) = clocks(&t, now, &settings.calendar);
    let who = super::work::actor(&access);
    let policy = settings.lifecycle.policy();
    let actions = Action::ALL
        .into_iter()
        .filter(|a| transition(t.status, *a, who, t.work.closed_at, now, &policy).is_ok())
        .collect();
    let canned = if access.staff {
        let all = store.canned_replies().await.map_err(internal)?;
        crate::domain::canned::for_ticket(all, access.ticket.locale)
    } else {
        Vec::new()
    };
    let (agents, earlier) = if access.staff {
        let agents = store.agents().await.map_err(internal)?;
        let earlier = store
            .tickets_of_requester(&t.number, 10)
            .await
            .map_err(internal)?;
        (
            agents.into_iter().map(|a| (a.id, a.name)).collect(),
            earlier
                .into_iter()
                .map(|e| TicketSummary {
                    href: format!("/tickets/{}", e.number),
                    number: e.number,
                    subject: e.subject,
                    status: e.status,
                    created_at: e.created_at,
                })
                .collect(),
        )
    } else {
        (Vec::new(), Vec::new())
    };
    let rating = store.rating(&t.number).await.map_err(internal)?;
    let complaint = store.complaint(&t.number).await.map_err(internal)?;
    let may_rate = !access.staff && rating.is_none() && crate::domain::rating::may_rate(t.status);
    Ok(Some(TicketPageData {
        ticket: t,
        events,
        staff: access.staff,
        respond,
        resolve,
        actions,
        agents,
        earlier,
        may_rate,
        rating,
        complaint,
        canned,
    }))
}
