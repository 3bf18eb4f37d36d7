use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

/// Uploads one image for an article (knowledge editors); returns the Markdown that shows it.
/// Only images of at most 5 MB are taken, judged by their content.
#[server(endpoint = "editor/image", input = MultipartFormData)]
pub async fn upload_article_image(data: MultipartData) -> Result<String, ServerFnError> {
    use super::super::ssr::{bad_request, internal, request_locale, require_signed_in, services};
    use crate::domain::attachment::{clean_name, sniff};
    use crate::domain::auth::Operation;
    use crate::domain::review::MAX_IMAGE_BYTES;
    use crate::ports::{FileError, KbImage};
    let services = services()?;
    let editor = require_signed_in(Operation::EditKnowledge).await?;
    let e = request_locale().strings().editor;
    let mut parts = data
        .into_inner()
        .ok_or_else(|| internal("multipart data missing"))?;
    while let Some(mut field) = parts
        .next_field()
        .await
        .map_err(|_| bad_request(e.image_failed))?
    {
        let Some(name) = field
            .file_name()
            .map(str::to_string)
            .filter(|n| !n.is_empty())
        else {
            continue;
        };
        // Read at most one chunk past the limit: an oversize image is refused, not buffered.
        let mut bytes = Vec::new();
        while let Some(chunk) = field
            .chunk()
            .await
            .map_err(|_| bad_request(e.image_failed))?
        {
            if bytes.len() + chunk.len() > MAX_IMAGE_BYTES {
                return Err(bad_request(e.image_too_large));
            }
            bytes.extend_from_slice(&chunk);
        }
        let kind = sniff(&bytes)
            .ok()
            .filter(|k| k.is_image())
            .ok_or_else(|| bad_request(e.image_not_image))?;
        let size = bytes.len() as i64;
        let stored = match services.files.put(bytes, kind).await {
            Ok(stored) => stored,
            Err(FileError::Unreadable(_)) => return Err(bad_request(e.image_not_image)),
            Err(err) => return Err(internal(err)),
        };
        let display_key = stored
            .display_key
            .ok_or_else(|| bad_request(e.image_not_image))?;
        let name = clean_name(&name, kind);
        let id = services
            .store
            .add_kb_image(KbImage {
                storage_key: stored.key,
                display_key,
                name: name.clone(),
                size,
                by: editor.id,
                at: chrono::Utc::now(),
            })
            .await
            .map_err(internal)?;
        let alt: String = name
            .rsplit_once('.')
            .map(|(stem, _)| stem)
            .unwrap_or(&name)
            .replace(['[', ']'], "");
        return Ok(format!("![{alt}](/kb-images/{id})"));
    }
    Err(bad_request(e.image_failed))
}

/// Serves an article image's display copy to anyone: it is public once an article links it.
#[cfg(feature = "ssr")]
pub async fn serve_kb_image(services: crate::ports::Services, id: i64) -> axum::response::Response {
    use axum::http::{header, HeaderValue, StatusCode};
    use axum::response::IntoResponse;
    let key = match services.store.kb_image(id).await {
        Ok(Some(key)) => key,
        Ok(None) => return (StatusCode::NOT_FOUND, "图片不存在 · No such image").into_response(),
        Err(err) => {
            tracing::error!(%err, id, "reading an article image failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    match services.files.read(&key).await {
        Ok(bytes) => {
            let mut response = bytes.into_response();
            let h = response.headers_mut();
            h.insert(header::CONTENT_TYPE, HeaderValue::from_static("image/jpeg"));
            h.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=604800, immutable"),
            );
            h.insert(
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static("default-src 'none'; sandbox"),
            );
            response
        }
        Err(err) => {
            tracing::error!(%err, id, "an article image's bytes are missing");
            StatusCode::NOT_FOUND.into_response()
        }
    }
}
