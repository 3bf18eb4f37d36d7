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
        client_ip, internal, is_plain_form_post, random_token, rate_limit, services, token_hash,
        viewer,
    };
    use crate::domain::validation::validate_ticket;
    use crate::ports::TicketInsert;

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
    let settings = services.store.service_settings().await.map_err(internal)?;
    let targets = settings.sla.targets(ticket.priority, ticket.impact);
    let due = settings
        .sla
        .due(ticket.priority, ticket.impact, now, &settings.calendar);
    let key = random_token();
    let (email, subject) = (ticket.contact_email.clone(), ticket.subject.clone());
    let number = services
        .store
        .create_ticket(TicketInsert {
            ticket,
            locale,
            access_hash: token_hash(&key),
            created_at: now,
            requester_id: who.as_ref().map(|v| v.id),
            first_response_due: due.first_response,
            resolve_due: due.resolve,
            targets,
            files,
        })
        .await
        .map_err(internal)?;
    super::remember_ticket(&number, &key);
    mail_link(&services, &email, &subject, &number, &key, locale).await;
    let href = format!("{}&created=1", super::ticket_href(&number, &key));
    if is_plain_form_post() {
        leptos_axum::redirect(&href);
    }
    Ok(CreateTicketOutcome::Created { number, href })
}

/// Mails the ticket's private link to its contact, so a guest who closes the page can find it
/// again. A failure is logged, not shown: the ticket itself is stored.
#[cfg(feature = "ssr")]
async fn mail_link(
    services: &crate::ports::Services,
    to: &str,
    subject: &str,
    number: &str,
    key: &str,
    locale: Locale,
) {
    let s = locale.strings();
    let link = format!(
        "{}{}",
        super::super::ssr::link_base(),
        super::ticket_href(number, key)
    );
    let mail = crate::ports::Mail {
        to: to.to_string(),
        subject: format!("{} · {number} · {subject}", s.app_name),
        body: format!(
            "{}\n\n{number} · {subject}\n\n{}\n{link}\n",
            s.ticket_created, s.ticket_keep_link
        ),
    };
    if let Err(e) = services.mailer.send(mail).await {
        tracing::warn!(error = %e, "could not send the ticket link");
    }
}
