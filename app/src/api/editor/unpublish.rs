use crate::i18n::Locale;
use leptos::prelude::*;

/// Takes one language of an article off the portal at once (and out of search); audited.
#[server(endpoint = "editor/unpublish")]
pub async fn unpublish_article(slug: String, locale: Locale) -> Result<(), ServerFnError> {
    use super::super::ssr::{audit, internal, require_signed_in, services};
    use super::{outcome, reindex};
    use crate::domain::auth::Operation;
    let services = services()?;
    let editor = require_signed_in(Operation::EditKnowledge).await?;
    let done = services
        .store
        .unpublish(&slug, locale)
        .await
        .map_err(internal)?;
    outcome(done)?;
    reindex(&services, &slug).await;
    let target = format!("{slug}/{}", locale.code());
    audit(Some(&editor), "", "kb.unpublish", &target, "").await?;
    super::back_without_js(&format!(
        "/staff/kb/history?slug={slug}&lang={}",
        locale.code()
    ));
    Ok(())
}
