use crate::i18n::Locale;
use leptos::prelude::*;

/// Remembers the chosen language in a cookie; a plain form post is sent back where it came from.
#[server(endpoint = "prefs/locale")]
pub async fn set_locale(locale: Locale) -> Result<Locale, ServerFnError> {
    use super::super::ssr::set_cookie;
    set_cookie(crate::i18n::LOCALE_COOKIE, locale.code(), 365);
    Ok(locale)
}
