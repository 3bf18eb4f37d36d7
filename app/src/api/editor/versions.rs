use crate::domain::kb_editor::VersionInfo;
use crate::i18n::Locale;
use leptos::prelude::*;

/// Every version of one language of an article, newest first.
#[server(endpoint = "editor/versions")]
pub async fn article_versions(
    slug: String,
    locale: Locale,
) -> Result<Vec<VersionInfo>, ServerFnError> {
    use super::super::ssr::{internal, require_signed_in, services};
    use crate::domain::auth::Operation;
    let store = services()?.store;
    require_signed_in(Operation::EditKnowledge).await?;
    store.versions(&slug, locale).await.map_err(internal)
}
