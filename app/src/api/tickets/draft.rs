use crate::domain::ticket::TicketForm;
use crate::domain::validation::FieldError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A refused form kept for a browser without JavaScript: what was typed and what was wrong.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub form: TicketForm,
    pub errors: Vec<FieldError>,
}

/// Reads back a refused form by the id the redirect carried.
#[server(endpoint = "tickets/draft")]
pub async fn load_draft(id: String) -> Result<Option<Draft>, ServerFnError> {
    use super::super::ssr::{internal, services};
    if id.len() != 32 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(None);
    }
    let json = services()?
        .store
        .draft(&id, chrono::Utc::now())
        .await
        .map_err(internal)?;
    Ok(json.and_then(|j| serde_json::from_str(&j).ok()))
}
