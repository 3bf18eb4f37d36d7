use crate::i18n::Locale;
use leptos::prelude::*;

/// Longest feedback comment, in characters.
pub const MAX_COMMENT: usize = 1000;

/// Records "did this help?" for a public article; anonymous. A plain form post returns to the
/// article with a thank-you.
#[server(endpoint = "kb/feedback")]
pub async fn article_feedback(
    slug: String,
    locale: Locale,
    helpful: bool,
    comment: String,
) -> Result<(), ServerFnError> {
    use super::super::ssr::{bad_request, internal, is_plain_form_post, request_locale, services};
    use crate::ports::FeedbackInsert;
    let strings = request_locale().strings();
    if comment.chars().count() > MAX_COMMENT {
        return Err(bad_request(&strings.kb.feedback_too_long(MAX_COMMENT)));
    }
    let saved = services()?
        .store
        .add_feedback(FeedbackInsert {
            slug: slug.clone(),
            locale,
            helpful,
            comment: comment.trim().to_string(),
            at: chrono::Utc::now(),
        })
        .await
        .map_err(internal)?;
    if !saved {
        return Err(bad_request(strings.kb.feedback_no_article));
    }
    if is_plain_form_post() {
        leptos_axum::redirect(&format!("/articles/{slug}?thanks=1"));
    }
    Ok(())
}
