//! The knowledge-base search box: a plain GET form, so it works before and without hydration;
//! once hydrated it suggests articles while typing.

use crate::api::kb::{suggest_articles, MAX_QUERY};
use crate::domain::kb::SearchHit;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// Pause after the last keystroke before asking for suggestions.
const DEBOUNCE_MS: u64 = 200;

/// A search form posting to `/search`; `id` keeps labels unique when two boxes share a page.
#[component]
pub fn SearchBox(#[prop(into)] id: String, #[prop(optional, into)] value: String) -> impl IntoView {
    let i18n = use_i18n();
    let suggestions = RwSignal::new(Vec::<SearchHit>::new());
    // Each keystroke takes a ticket; only the newest ticket's answer is shown.
    let latest = StoredValue::new(0u64);
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let ticket = latest.get_value() + 1;
        latest.set_value(ticket);
        if text.trim().chars().count() < 2 {
            suggestions.set(Vec::new());
            return;
        }
        set_timeout(
            // The box may be gone (the page changed) by the time these run.
            move || {
                if latest.try_get_value() != Some(ticket) {
                    return;
                }
                leptos::task::spawn_local(async move {
                    let Some(locale) = i18n.0.try_get_untracked() else {
                        return;
                    };
                    let found = suggest_articles(text, locale).await;
                    if latest.try_get_value() == Some(ticket) {
                        suggestions.try_set(found.unwrap_or_default());
                    }
                });
            },
            std::time::Duration::from_millis(DEBOUNCE_MS),
        );
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            latest.update_value(|t| *t += 1);
            suggestions.set(Vec::new());
        }
    };
    let list_id = format!("{id}-suggestions");
    view! {
        <form class="search-box" action="/search" method="get" role="search">
            <label class="visually-hidden" for=id.clone()>{i18n.t(|s| s.search_label)}</label>
            <input
                type="search"
                id=id
                name="q"
                value=value
                maxlength=MAX_QUERY.to_string()
                placeholder=i18n.t(|s| s.search_placeholder)
                enterkeyhint="search"
                autocomplete="off"
                aria-describedby=list_id.clone()
                on:input=on_input
                on:keydown=on_key
            />
            <button type="submit">{i18n.t(|s| s.search_button)}</button>
            <div id=list_id class="suggestions" aria-live="polite">
                {move || {
                    let list = suggestions.get();
                    (!list.is_empty()).then(|| {
                        let items = list
                            .into_iter()
                            .map(|h| {
                                let href = h.href();
                                view! { <li><a href=href>{h.title}</a></li> }
                            })
                            .collect_view();
                        view! {
                            <p class="visually-hidden">{i18n.t(|s| s.kb.suggestions)}</p>
                            <ul>{items}</ul>
                        }
                    })
                }}
            </div>
        </form>
    }
}
