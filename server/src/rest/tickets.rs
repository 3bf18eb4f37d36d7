//! Ticket endpoints of the REST API.

use super::{client, link_base, locale, ApiError};
use app::api::tickets::open_validated;
use app::domain::console::{Queue, QueueQuery, Sort};
use app::domain::ticket::{Code, TicketForm, TicketView};
use app::domain::validation::validate_ticket;
use app::ports::Services;
use axum::extract::{rejection::JsonRejection, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};

/// A ticket as the API sends it.
#[derive(Serialize)]
struct TicketOut {
    number: String,
    subject: String,
    description: String,
    contact_name: String,
    category: &'static str,
    priority: &'static str,
    impact: &'static str,
    status: &'static str,
    created_at: chrono::DateTime<chrono::Utc>,
    first_response_due: chrono::DateTime<chrono::Utc>,
    resolve_due: chrono::DateTime<chrono::Utc>,
    assignee: Option<String>,
}

impl From<TicketView> for TicketOut {
    fn from(t: TicketView) -> Self {
        TicketOut {
            number: t.number,
            subject: t.subject,
            description: t.description,
            contact_name: t.contact_name,
            category: t.category.code(),
            priority: t.priority.code(),
            impact: t.impact.code(),
            status: t.status.code(),
            created_at: t.created_at,
            first_response_due: t.first_response_due,
            resolve_due: t.resolve_due,
            assignee: t.work.assignee_name,
        }
    }
}

/// `POST /tickets`: opens a ticket for a customer. The contact gets the private link by mail,
/// as with the portal's form; the answer carries it too.
pub async fn create(
    State(services): State<Services>,
    headers: HeaderMap,
    body: Result<Json<TicketForm>, JsonRejection>,
) -> Result<Response, ApiError> {
    let integration = client(&services, &headers).await?;
    let Json(form) = body.map_err(|e| ApiError::BadJson(e.body_text()))?;
    let locale = locale(&headers);
    let s = locale.strings();
    let ticket = validate_ticket(&form).map_err(|errors| {
        ApiError::Invalid(
            errors
                .into_iter()
                .map(|e| {
                    serde_json::json!({
                        "field": e.field.input_id(),
                        "message": format!("{}: {}", s.field(e.field), s.problem(e.problem)),
                    })
                })
                .collect(),
        )
    })?;
    let base = link_base(&services, &headers);
    let opened = open_validated(&services, ticket, locale, None, Vec::new(), &base).await?;
    tracing::info!(integration = %integration.name, number = %opened.number, "ticket opened over the API");
    let body = serde_json::json!({
        "number": opened.number,
        "status": "new",
        "customer_link": format!("{base}{}", app::api::tickets::ticket_href(&opened.number, &opened.key)),
        "first_response_due": opened.first_response_due,
        "resolve_due": opened.resolve_due,
    });
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

/// `GET /tickets/{number}`: a ticket and its public timeline.
pub async fn show(
    State(services): State<Services>,
    headers: HeaderMap,
    Path(number): Path<String>,
) -> Result<Response, ApiError> {
    client(&services, &headers).await?;
    let number = app::domain::ticket_number::normalise(&number).ok_or(ApiError::NotFound)?;
    let ticket = services
        .store
        .ticket(&number)
        .await?
        .ok_or(ApiError::NotFound)?;
    let events: Vec<serde_json::Value> = services
        .store
        .ticket_events(&number, false)
        .await?
        .into_iter()
        .map(|e| {
            serde_json::json!({
                "kind": e.kind.code(),
                "author": e.author,
                "body": e.body,
                "at": e.at,
            })
        })
        .collect();
    let body = serde_json::json!({ "ticket": TicketOut::from(ticket.view), "events": events });
    Ok(Json(body).into_response())
}

/// Query of `GET /tickets`.
#[derive(Deserialize)]
pub struct ListQuery {
    /// `open` (the default: not closed) or `all`.
    #[serde(default)]
    status: String,
    #[serde(default)]
    limit: Option<i64>,
}

/// `GET /tickets`: the newest tickets, open ones by default.
pub async fn list(
    State(services): State<Services>,
    headers: HeaderMap,
    Query(q): Query<ListQuery>,
) -> Result<Response, ApiError> {
    client(&services, &headers).await?;
    let limit = q.limit.unwrap_or(50).clamp(1, 200);
    let query = QueueQuery {
        queue: Queue::All,
        sort: Sort::Newest,
        ..Default::default()
    };
    let tickets: Vec<TicketOut> = services
        .store
        .queue(&query, 0, chrono::Utc::now(), limit)
        .await?
        .into_iter()
        .filter(|t| q.status == "all" || app::domain::lifecycle::is_open(t.status))
        .map(TicketOut::from)
        .collect();
    Ok(Json(serde_json::json!({ "tickets": tickets })).into_response())
}
