use crate::domain::ticket::TicketForm;
use crate::domain::validation::FieldError;
use crate::i18n::Locale;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What became of a submitted ticket form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum CreateTicketOutcome {
    /// Stored; `href` opens it.
    Created { number: String, href: String },
    /// Refused; the form keeps its values and shows these.
    Invalid { errors: Vec<FieldError> },
}

/// Validates and stores a ticket. Without JavaScript the browser is redirected: to the new
/// ticket, or back to the form with what was typed and the errors. Files the picker staged
/// (`attachments`) go with the first entry of the timeline.
#[server(endpoint = "tickets/create")]
pub async fn create_ticket(
    form: TicketForm,
    locale: Locale,
    #[server(default)] attachments: String,
) -> Result<CreateTicketOutcome, ServerFnError> {
    use super::super::ssr::{
        client_ip, internal, is_plain_form_post, random_token, rate_limit, services, viewer,
    };
    use crate::domain::validation::validate_ticket;

    let services = services()?;
    let now = chrono::Utc::now();
    let who = viewer().await?;
    let files = super::staged_hashes(&attachments)?;
    let ticket = match validate_ticket(&form) {
        Ok(ticket) => ticket,
        Err(errors) => {
            if is_plain_form_post() {
                let id = random_token();
                let draft = super::Draft {
                    form,
                    errors: errors.clone(),
                };
                let json = serde_json::to_string(&draft).map_err(internal)?;
                let expires = now + chrono::Duration::hours(1);
                services
                    .store
                    .save_draft(&id, &json, expires)
                    .await
                    .map_err(internal)?;
                leptos_axum::redirect(&format!("/tickets/new?draft={id}"));
            }
            return Ok(CreateTicketOutcome::Invalid { errors });
        }
    };
    rate_limit(
        &format!("ticket:ip:{}", client_ip()),
        services.limits.ticket_per_ip,
    )?;
    if let Some(v) = &who {
        rate_limit(
            &format!("ticket:acct:{}", v.id),
            services.limits.ticket_per_account,
        )?;
    }
    let opened = open_validated(
        &services,
        ticket,
        locale,
        who.as_ref().map(|v| v.id),
        files,
        &super::super::ssr::link_base(),
    )
    .await
    .map_err(internal)?;
    let (number, key) = (opened.number, opened.key);
    super::remember_ticket(&number, &key);
    let href = format!("{}&created=1", super::ticket_href(&number, &key));
    if is_plain_form_post() {
        leptos_axum::redirect(&href);
    }
    Ok(CreateTicketOutcome::Created { number, href })
}

/// A stored ticket: its number, the key of its private link, and when answers are due.
#[cfg(feature = "ssr")]
pub struct Opened {
    pub number: String,
    pub key: String,
    pub first_response_due: chrono::DateTime<chrono::Utc>,
    pub resolve_due: chrono::DateTime<chrono::Utc>,
}

/// Stores a validated ticket under the SLA targets in force, with staged files; the outbox mails
/// the contact its private link (built on `link_base`). Shared by the form and the REST API.
#[cfg(feature = "ssr")]
pub async fn open_validated(
    services: &crate::ports::Services,
    ticket: crate::domain::ticket::NewTicket,
    locale: Locale,
    requester_id: Option<i64>,
    files: Vec<String>,
    link_base: &str,
) -> Result<Opened, crate::ports::StoreError> {
    use super::super::ssr::{random_token, token_hash};
    // Whole milliseconds, as stored, so the times answered equal the times read back later.
    let now = chrono::Utc::now();
    let now = chrono::DateTime::from_timestamp_millis(now.timestamp_millis()).unwrap_or(now);
    let settings = services.store.service_settings().await?;
    let targets = settings.sla.targets(ticket.priority, ticket.impact);
    let due = settings
        .sla
        .due(ticket.priority, ticket.impact, now, &settings.calendar);
    let key = random_token();
    let number = services
        .store
        .create_ticket(crate::ports::TicketInsert {
            ticket,
            locale,
            access_hash: token_hash(&key),
            created_at: now,
            requester_id,
            first_response_due: due.first_response,
            resolve_due: due.resolve,
            targets,
            files,
            link: format!("{link_base}{}", super::ticket_href("{number}", &key)),
        })
        .await?;
    Ok(Opened {
        number,
        key,
        first_response_due: due.first_response,
        resolve_due: due.resolve,
    })
}
