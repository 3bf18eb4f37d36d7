//! "Did this help?" under an article: yes or no, and an optional comment.

use crate::api::kb::{ArticleFeedback, MAX_COMMENT};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The feedback form; it thanks the reader once sent (with or without JavaScript).
#[component]
pub fn Feedback(slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let s = i18n.locale().strings();
    let action = ServerAction::<ArticleFeedback>::new();
    let sent_before = query.read_untracked().get("thanks").is_some();
    let sent = move || sent_before || matches!(action.value().get(), Some(Ok(())));
    view! {
        <section class="feedback" aria-labelledby="feedback-heading">
            <h2 id="feedback-heading">{s.kb.helped_question}</h2>
            <Show when=sent fallback=move || view! { <FeedbackForm slug=slug.clone() action /> }>
                <p class="notice" role="status">{s.kb.helped_thanks}</p>
            </Show>
        </section>
    }
}

#[component]
fn FeedbackForm(slug: String, action: ServerAction<ArticleFeedback>) -> impl IntoView {
    let i18n = use_i18n();
    let s = i18n.locale().strings();
    let error = move || match action.value().get() {
        Some(Err(e)) => Some(crate::components::error_text(&e, i18n.locale())),
        _ => None,
    };
    view! {
        <ActionForm action attr:class="feedback-form">
            <input type="hidden" name="slug" value=slug />
            <input type="hidden" name="locale" value=i18n.locale().code() />
            <fieldset class="choice">
                <legend class="visually-hidden">{s.kb.helped_question}</legend>
                <label>
                    <input type="radio" name="helpful" value="true" required />
                    {s.kb.helped_yes}
                </label>
                <label>
                    <input type="radio" name="helpful" value="false" required />
                    {s.kb.helped_no}
                </label>
            </fieldset>
            <div class="field">
                <label for="feedback-comment">{s.kb.helped_comment}</label>
                <textarea
                    id="feedback-comment"
                    name="comment"
                    rows="3"
                    maxlength=MAX_COMMENT.to_string()
                ></textarea>
            </div>
            <p class="field-error" role="alert">{error}</p>
            <button type="submit" class="button">{s.kb.helped_send}</button>
        </ActionForm>
    }
}
