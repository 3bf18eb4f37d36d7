use crate::domain::diff::DiffLine;
use crate::i18n::Locale;
use leptos::prelude::*;

/// What `version` changed against the version before it (everything, for the first).
#[server(endpoint = "editor/diff")]
pub async fn version_diff(
    slug: String,
    locale: Locale,
    version: i64,
) -> Result<Vec<DiffLine>, ServerFnError> {
    use super::super::ssr::{internal, require_signed_in, services};
    use super::refused;
    use crate::domain::auth::Operation;
    use crate::domain::diff::line_diff;
    use crate::domain::review::ReviewProblem;
    let store = services()?.store;
    require_signed_in(Operation::EditKnowledge).await?;
    let Some(after) = store
        .version_text(&slug, locale, version)
        .await
        .map_err(internal)?
    else {
        return Err(refused(ReviewProblem::NotFound));
    };
    let before = store
        .version_text(&slug, locale, version - 1)
        .await
        .map_err(internal)?
        .map(|t| t.body_md)
        .unwrap_or_default();
    Ok(line_diff(&before, &after.body_md))
}
