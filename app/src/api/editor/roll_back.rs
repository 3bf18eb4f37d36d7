use crate::i18n::Locale;
use leptos::prelude::*;

/// Publishes a copy of an earlier published version as the newest; audited.
#[server(endpoint = "editor/roll-back")]
pub async fn roll_back_article(
    slug: String,
    locale: Locale,
    version: i64,
) -> Result<(), ServerFnError> {
    use super::super::ssr::{audit, internal, require_signed_in, services};
    use super::{outcome, refused, reindex};
    use crate::domain::auth::Operation;
    use crate::domain::review::{ReviewProblem, VersionStatus};
    let services = services()?;
    let editor = require_signed_in(Operation::EditKnowledge).await?;
    let old = services
        .store
        .version_text(&slug, locale, version)
        .await
        .map_err(internal)?
        .filter(|t| t.info.status == VersionStatus::Published)
        .ok_or_else(|| refused(ReviewProblem::NotFound))?;
    let html = crate::markdown::render(&old.body_md);
    let done = services
        .store
        .roll_back(&slug, locale, version, editor.id, html, chrono::Utc::now())
        .await
        .map_err(internal)?;
    outcome(done)?;
    reindex(&services, &slug).await;
    let target = format!("{slug}/{}", locale.code());
    audit(
        Some(&editor),
        "",
        "kb.roll_back",
        &target,
        &format!("to v{version}"),
    )
    .await?;
    Ok(())
}
