use crate::domain::attachment::UploadResult;
use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

/// Stages files chosen in a ticket or reply form, each checked by its content. Every file
/// gets its own answer, so one refused photo never costs the others or the typed message.
#[server(endpoint = "tickets/upload", input = MultipartFormData)]
pub async fn upload_files(data: MultipartData) -> Result<Vec<UploadResult>, ServerFnError> {
    use super::super::ssr::{
        bad_request, client_ip, internal, random_token, rate_limit, request_locale, services,
        token_hash,
    };
    use crate::domain::attachment::{
        clean_name, sniff, FileProblem, StagedFile, MAX_FILES, MAX_FILE_BYTES, MAX_MESSAGE_BYTES,
    };
    use crate::ports::{FileError, StagedRecord};

    let services = services()?;
    rate_limit(
        &format!("upload:ip:{}", client_ip()),
        services.limits.upload_per_ip,
    )?;
    // A cut-off or malformed body: say so plainly; the form keeps what was typed.
    let broken_part = |e: &dyn std::fmt::Display| {
        tracing::info!(error = %e, "unreadable upload");
        bad_request(request_locale().strings().care.file_failed)
    };
    let mut parts = data
        .into_inner()
        .ok_or_else(|| internal("multipart data missing"))?;
    let (mut results, mut count, mut total) = (Vec::new(), 0usize, 0usize);
    while let Some(mut field) = parts.next_field().await.map_err(|e| broken_part(&e))? {
        let Some(name) = field.file_name().map(str::to_string) else {
            continue;
        };
        if name.is_empty() {
            continue;
        }
        count += 1;
        // Read at most one byte past the limit: an oversize file is refused, not buffered.
        let mut bytes = Vec::new();
        let mut oversize = false;
        while let Some(chunk) = field.chunk().await.map_err(|e| broken_part(&e))? {
            if bytes.len() + chunk.len() > MAX_FILE_BYTES {
                oversize = true;
            } else {
                bytes.extend_from_slice(&chunk);
            }
        }
        total += bytes.len();
        let checked = if count > MAX_FILES || total > MAX_MESSAGE_BYTES {
            Err(FileProblem::TooMany)
        } else if oversize {
            Err(FileProblem::TooLarge)
        } else {
            sniff(&bytes)
        };
        let kind = match checked {
            Ok(kind) => kind,
            Err(problem) => {
                results.push(UploadResult::Refused { name, problem });
                continue;
            }
        };
        let size = bytes.len() as i64;
        let stored = match services.files.put(bytes, kind).await {
            Ok(stored) => stored,
            Err(FileError::Unreadable(why)) => {
                tracing::info!(%why, "an image that does not decode was refused");
                results.push(UploadResult::Refused {
                    name,
                    problem: FileProblem::Unsupported,
                });
                continue;
            }
            Err(e) => return Err(internal(e)),
        };
        let token = random_token();
        let file = StagedFile {
            token: token.clone(),
            name: clean_name(&name, kind),
            size,
            kind,
        };
        services
            .store
            .stage_file(StagedRecord {
                token_hash: token_hash(&token),
                file: file.clone(),
                stored,
                at: chrono::Utc::now(),
            })
            .await
            .map_err(internal)?;
        results.push(UploadResult::Staged(file));
    }
    Ok(results)
}

/// The staged files a form names (comma-separated tokens), as the hashes the store keeps.
/// More than a message may carry is refused with 400.
#[cfg(feature = "ssr")]
pub(crate) fn staged_hashes(tokens: &str) -> Result<Vec<String>, ServerFnError> {
    use super::super::ssr::{bad_request, request_locale, token_hash};
    let tokens: Vec<&str> = tokens
        .split(',')
        .map(str::trim)
        .filter(|t| t.len() == 32 && t.bytes().all(|b| b.is_ascii_hexdigit()))
        .collect();
    if tokens.len() > crate::domain::attachment::MAX_FILES {
        return Err(bad_request(request_locale().strings().care.file_too_many));
    }
    Ok(tokens.into_iter().map(token_hash).collect())
}
