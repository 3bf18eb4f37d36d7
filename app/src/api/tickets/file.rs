//! Serves attached files to those who may open their ticket. A plain axum handler: a file is
//! bytes with its own headers, not a server-function result.

use crate::api::ssr::{cookie_in, session_of_token, viewer_of, SESSION_COOKIE};
use crate::ports::Services;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// Which copy of a file to send.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Copy {
    Original,
    /// The downscaled JPEG of an image.
    Display,
}

/// Answers a request for attachment `id`. Unknown files and files the asker may not see look
/// the same (404), so ids cannot be probed.
pub async fn serve_file(
    services: Services,
    headers: HeaderMap,
    id: i64,
    copy: Copy,
    key: String,
) -> Response {
    match respond(&services, &headers, id, copy, &key).await {
        Ok(Some(response)) => response,
        Ok(None) => (
            StatusCode::NOT_FOUND,
            "文件不存在或无权查看 · File not found or not yours to see",
        )
            .into_response(),
        Err(e) => {
            tracing::error!(error = %e, id, "serving an attachment failed");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "出错了，请稍后再试 · Something went wrong, please try again",
            )
                .into_response()
        }
    }
}

async fn respond(
    services: &Services,
    headers: &HeaderMap,
    id: i64,
    copy: Copy,
    key: &str,
) -> Result<Option<Response>, String> {
    let store = &services.store;
    let Some(file) = store.attachment(id).await.map_err(|e| e.to_string())? else {
        return Ok(None);
    };
    let Some(ticket) = store
        .ticket(&file.ticket_number)
        .await
        .map_err(|e| e.to_string())?
    else {
        return Ok(None);
    };
    let viewer = match cookie_in(headers, SESSION_COOKIE) {
        Some(token) => session_of_token(services, &token)
            .await
            .map_err(|e| e.to_string())?
            .map(|(_, user)| viewer_of(&user)),
        None => None,
    };
    let Some(staff) = super::may_open(&ticket, viewer.as_ref(), key) else {
        return Ok(None);
    };
    if file.internal && !staff {
        return Ok(None);
    }
    let (storage_key, content_type) = match (copy, &file.display_key) {
        (Copy::Display, Some(k)) => (k.clone(), "image/jpeg"),
        (Copy::Display, None) => return Ok(None),
        (Copy::Original, _) => (file.storage_key.clone(), file.kind.content_type()),
    };
    let bytes = services
        .files
        .read(&storage_key)
        .await
        .map_err(|e| e.to_string())?;
    // PDFs are downloaded rather than opened in the portal's origin; photos and text show
    // inline, in a sandbox that runs nothing.
    let disposition = if file.kind == crate::domain::attachment::FileKind::Pdf {
        "attachment"
    } else {
        "inline"
    };
    let name = crate::components::account_form::encode(&file.name);
    let header_value = |v: String| HeaderValue::from_str(&v).map_err(|e| e.to_string());
    let mut response = bytes.into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(
        header::CONTENT_DISPOSITION,
        header_value(format!("{disposition}; filename*=UTF-8''{name}"))?,
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=86400"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; img-src 'self'; sandbox"),
    );
    Ok(Some(response))
}
