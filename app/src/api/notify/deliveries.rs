use crate::domain::notify::{DeliveryCounts, DeliveryLine};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The delivery log's page: counts per status and the newest deliveries.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeliveryPage {
    pub counts: DeliveryCounts,
    pub lines: Vec<DeliveryLine>,
    /// The viewer may retry failed deliveries and manage webhooks (admins).
    pub admin: bool,
}

/// The newest 200 deliveries (failed ones only with `failed`), for people who work tickets.
#[server(endpoint = "notify/deliveries")]
pub async fn delivery_log(failed: bool) -> Result<DeliveryPage, ServerFnError> {
    use super::super::ssr::{internal, require_signed_in, services};
    use crate::domain::auth::{may, Operation};
    let store = services()?.store;
    let who = require_signed_in(Operation::WorkTickets).await?;
    let (counts, lines) = store.deliveries(failed, 200).await.map_err(internal)?;
    Ok(DeliveryPage {
        counts,
        lines,
        admin: may(Some(&who), Operation::ManageSettings),
    })
}
