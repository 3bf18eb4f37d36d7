use crate::domain::rating::ComplaintView;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The support lead's complaint list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ComplaintLists {
    /// Open complaints, nearest deadline first.
    pub open: Vec<ComplaintView>,
    /// The latest handled ones.
    pub handled: Vec<ComplaintView>,
    pub now: chrono::DateTime<chrono::Utc>,
}

/// Open and recently handled complaints (the support lead: admins).
#[server(endpoint = "staff/complaints")]
pub async fn list_complaints() -> Result<ComplaintLists, ServerFnError> {
    use super::super::ssr::{internal, require_signed_in, services};
    use crate::domain::auth::Operation;
    let store = services()?.store;
    require_signed_in(Operation::HandleComplaints).await?;
    Ok(ComplaintLists {
        open: store.complaints(true, 200).await.map_err(internal)?,
        handled: store.complaints(false, 50).await.map_err(internal)?,
        now: chrono::Utc::now(),
    })
}

/// Records what was done about a complaint; the customer sees it on the ticket.
#[server(endpoint = "staff/complaint-outcome")]
pub async fn record_complaint_outcome(
    number: String,
    outcome: String,
) -> Result<bool, ServerFnError> {
    use super::super::ssr::{
        audit, back_to_form, bad_request, internal, request_locale, require_signed_in, services,
    };
    use crate::domain::auth::Operation;
    use crate::ports::ComplaintOutcome;
    let store = services()?.store;
    let lead = require_signed_in(Operation::HandleComplaints).await?;
    let outcome = outcome.trim().to_string();
    if outcome.is_empty() || outcome.chars().count() > crate::domain::rating::COMMENT_MAX {
        back_to_form("/staff/complaints", "outcome", &[("number", &number)]);
        return Err(bad_request(
            request_locale().strings().care.complaint_outcome_missing,
        ));
    }
    let Some(number) = crate::domain::ticket_number::normalise(&number) else {
        return Ok(false);
    };
    let closed = store
        .close_complaint(ComplaintOutcome {
            number: number.clone(),
            outcome: outcome.clone(),
            by_id: lead.id,
            by_name: lead.display_name.clone(),
            at: chrono::Utc::now(),
        })
        .await
        .map_err(internal)?;
    if closed {
        audit(Some(&lead), "", "complaint.close", &number, &outcome).await?;
    }
    if super::super::ssr::is_plain_form_post() {
        leptos_axum::redirect("/staff/complaints");
    }
    Ok(closed)
}
