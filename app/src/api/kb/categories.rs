use crate::domain::kb::KbCategory;
use crate::i18n::Locale;
use leptos::prelude::*;

/// Knowledge-base categories with their article counts.
#[server(endpoint = "kb/categories")]
pub async fn list_categories(locale: Locale) -> Result<Vec<KbCategory>, ServerFnError> {
    use super::super::ssr::{internal, services};
    services()?
        .store
        .kb_categories(locale)
        .await
        .map_err(internal)
}
