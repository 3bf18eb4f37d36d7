//! The JSON REST API for integrations (`/api/v1`), described by the OpenAPI document it serves.
//! Programs authenticate with a bearer token issued by `server admin token`.

mod openapi;
mod tickets;

use app::i18n::Locale;
use app::ports::{ApiClient, Services};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};

/// The API's routes, to be nested under `/api/v1`.
pub fn router<S: Clone + Send + Sync + 'static>(services: Services) -> Router<S> {
    Router::new()
        .route("/openapi.json", get(openapi::document))
        .route("/tickets", get(tickets::list).post(tickets::create))
        .route("/tickets/{number}", get(tickets::show))
        .with_state(services)
}

/// An API failure, answered as `{"error": code, "message": text}` in the asker's language.
#[derive(Debug)]
pub enum ApiError {
    /// No token, or one that is unknown or revoked.
    Unauthorized,
    NotFound,
    /// The body is not the JSON the endpoint takes.
    BadJson(String),
    /// The ticket failed validation; each field's problem is listed.
    Invalid(Vec<serde_json::Value>),
    /// Logged, never described.
    Internal(String),
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code, message, errors) = match self {
            ApiError::Unauthorized => (
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "Send a valid API token as 'Authorization: Bearer <token>'.".to_string(),
                None,
            ),
            ApiError::NotFound => (
                StatusCode::NOT_FOUND,
                "not_found",
                "No such ticket.".to_string(),
                None,
            ),
            ApiError::BadJson(why) => (StatusCode::BAD_REQUEST, "bad_json", why, None),
            ApiError::Invalid(errors) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid",
                "Some fields are missing or wrong; see errors.".to_string(),
                Some(errors),
            ),
            ApiError::Internal(detail) => {
                tracing::error!(error = %detail, "REST API request failed");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    "Something went wrong on our side.".to_string(),
                    None,
                )
            }
        };
        let mut body = serde_json::json!({ "error": code, "message": message });
        if let Some(errors) = errors {
            body["errors"] = serde_json::Value::Array(errors);
        }
        let mut res = (status, Json(body)).into_response();
        if status == StatusCode::UNAUTHORIZED {
            res.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                axum::http::HeaderValue::from_static("Bearer"),
            );
        }
        res
    }
}

impl From<app::ports::StoreError> for ApiError {
    fn from(e: app::ports::StoreError) -> Self {
        ApiError::Internal(e.to_string())
    }
}

/// The integration behind the request's bearer token.
async fn client(services: &Services, headers: &HeaderMap) -> Result<ApiClient, ApiError> {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|t| t.len() == 35 && t.starts_with("hd_"))
        .ok_or(ApiError::Unauthorized)?;
    let hash = app::api::ssr::token_hash(token);
    services
        .store
        .api_client(&hash, chrono::Utc::now())
        .await?
        .ok_or(ApiError::Unauthorized)
}

/// The language of messages: `Accept-Language`, English when none is given.
fn locale(headers: &HeaderMap) -> Locale {
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("en");
    Locale::negotiate(None, Some(accept))
}

/// Where links in answers point: the configured address, else the request's host.
fn link_base(services: &Services, headers: &HeaderMap) -> String {
    let configured = services.public_url.trim_end_matches('/');
    if !configured.is_empty() {
        return configured.to_string();
    }
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("127.0.0.1:3000");
    format!("http://{host}")
}
