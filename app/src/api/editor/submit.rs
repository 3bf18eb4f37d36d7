use crate::i18n::Locale;
use leptos::prelude::*;

/// Submits the language's open draft for review, or withdraws it (`withdraw`).
#[server(endpoint = "editor/submit")]
pub async fn submit_article(
    slug: String,
    locale: Locale,
    version: i64,
    withdraw: bool,
) -> Result<(), ServerFnError> {
    use super::super::ssr::{internal, require_signed_in, services};
    use super::{outcome, refused};
    use crate::domain::auth::Operation;
    use crate::domain::review::{step, ReviewAction, ReviewProblem};
    use crate::ports::VersionMove;
    let store = services()?.store;
    let editor = require_signed_in(Operation::EditKnowledge).await?;
    let Some(current) = store
        .version_text(&slug, locale, version)
        .await
        .map_err(internal)?
    else {
        return Err(refused(ReviewProblem::NotFound));
    };
    let action = if withdraw {
        ReviewAction::Withdraw
    } else {
        ReviewAction::Submit
    };
    let to = step(current.info.status, action).map_err(refused)?;
    let slug_for_link = slug.clone();
    let done = store
        .move_version(VersionMove {
            slug,
            locale,
            version,
            from: current.info.status,
            to,
            by: editor.id,
            comment: String::new(),
            at: chrono::Utc::now(),
            body_html: None,
        })
        .await
        .map_err(internal)?;
    outcome(done)?;
    super::back_without_js(&format!(
        "/staff/kb/edit?slug={slug_for_link}&lang={}",
        locale.code()
    ));
    Ok(())
}
