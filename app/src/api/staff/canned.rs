use crate::domain::canned::CannedReply;
use crate::i18n::Locale;
use leptos::prelude::*;

/// Every canned reply (people who work tickets).
#[server(endpoint = "staff/canned")]
pub async fn list_canned() -> Result<Vec<CannedReply>, ServerFnError> {
    use super::super::ssr::{internal, require_signed_in, services};
    use crate::domain::auth::Operation;
    let store = services()?.store;
    require_signed_in(Operation::WorkTickets).await?;
    store.canned_replies().await.map_err(internal)
}

/// Adds a canned reply in `locale`; a missing or overlong title or text is refused with 400.
#[server(endpoint = "staff/canned-add")]
pub async fn add_canned(locale: Locale, title: String, body: String) -> Result<i64, ServerFnError> {
    use super::super::ssr::{
        back_to_form, bad_request, internal, request_locale, require_signed_in, services,
    };
    use crate::domain::auth::Operation;
    use crate::ports::NewCanned;
    let store = services()?.store;
    let agent = require_signed_in(Operation::WorkTickets).await?;
    let (title, body) = match crate::domain::canned::check(&title, &body) {
        Ok(ok) => ok,
        Err(problem) => {
            back_to_form(
                "/staff/canned",
                "canned",
                &[("title", &title), ("body", &body)],
            );
            let care = request_locale().strings().care;
            return Err(bad_request(care.canned_problem(problem)));
        }
    };
    let id = store
        .add_canned(NewCanned {
            locale,
            title,
            body,
            by: agent.id,
            at: chrono::Utc::now(),
        })
        .await
        .map_err(internal)?;
    if super::super::ssr::is_plain_form_post() {
        leptos_axum::redirect("/staff/canned");
    }
    Ok(id)
}

/// Deletes a canned reply.
#[server(endpoint = "staff/canned-delete")]
pub async fn delete_canned(id: i64) -> Result<bool, ServerFnError> {
    use super::super::ssr::{internal, require_signed_in, services};
    use crate::domain::auth::Operation;
    let store = services()?.store;
    require_signed_in(Operation::WorkTickets).await?;
    let deleted = store.delete_canned(id).await.map_err(internal)?;
    if super::super::ssr::is_plain_form_post() {
        leptos_axum::redirect("/staff/canned");
    }
    Ok(deleted)
}
