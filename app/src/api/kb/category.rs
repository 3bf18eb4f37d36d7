use crate::domain::kb::KbCategoryPage;
use crate::i18n::Locale;
use leptos::prelude::*;

/// One category and its articles; `None` when there is no such category.
#[server(endpoint = "kb/category")]
pub async fn get_category(
    slug: String,
    locale: Locale,
) -> Result<Option<KbCategoryPage>, ServerFnError> {
    use super::super::ssr::{internal, services};
    services()?
        .store
        .kb_category(&slug, locale)
        .await
        .map_err(internal)
}
