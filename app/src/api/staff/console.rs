use crate::domain::console::{QueueLine, QueueQuery};
use leptos::prelude::*;

/// One queue of the agents' console with both clocks of every ticket (agents and admins).
#[server(endpoint = "staff/console")]
pub async fn console_queue(query: QueueQuery) -> Result<Vec<QueueLine>, ServerFnError> {
    use super::super::ssr::{internal, require_signed_in, services};
    use crate::domain::auth::Operation;
    use crate::domain::work::clocks;

    let me = require_signed_in(Operation::WorkTickets).await?;
    let store = services()?.store;
    let now = chrono::Utc::now();
    let settings = store.service_settings().await.map_err(internal)?;
    let tickets = store
        .queue(&query, me.id, now, 200)
        .await
        .map_err(internal)?;
    Ok(tickets
        .into_iter()
        .map(|ticket| {
            let (respond, resolve) = clocks(&ticket, now, &settings.calendar);
            QueueLine {
                ticket,
                respond,
                resolve,
            }
        })
        .collect())
}
