//! Reusable pieces of the layout and forms.

pub mod account_form;
pub mod article_list;
pub mod breadcrumb;
pub mod field;
pub mod file_picker;
pub mod footer;
pub mod header;
pub mod incident_banner;
pub mod lang_switch;
pub mod live;
pub mod loading;
pub mod page_title;
pub mod search_box;
pub mod ticket_list;
pub mod user_menu;

use crate::i18n::Locale;
use leptos::prelude::ServerFnError;

/// The sentence to show for a failed server call: the server's own message when it wrote one
/// for the user (rate limits, permissions), the generic one otherwise.
pub fn error_text(err: &ServerFnError, locale: Locale) -> String {
    match err {
        ServerFnError::ServerError(msg) if msg != crate::api::INTERNAL_ERROR => msg.clone(),
        _ => locale.strings().error_generic.to_string(),
    }
}
