//! The editors' start page: every article and its languages, the review queue, the settings.

use super::{edit_href, history_href};
use crate::api::editor::{get_editor_home, SetSelfReview};
use crate::components::loading::Loading;
use crate::components::page_title::PageTitle;
use crate::domain::kb_editor::EditorArticle;
use crate::i18n::use_i18n;
use crate::pages::not_found::ServerErrorNotice;
use leptos::prelude::*;

/// `/staff/kb`.
#[component]
pub fn EditorHomePage() -> impl IntoView {
    let i18n = use_i18n();
    let setting = ServerAction::<SetSelfReview>::new();
    let home = Resource::new(
        move || (i18n.locale(), setting.version().get()),
        |(locale, _)| get_editor_home(locale),
    );
    view! {
        <PageTitle pick=|s| s.editor.title />
        <h1>{i18n.t(|s| s.editor.title)}</h1>
        <p>{i18n.t(|s| s.editor.intro)}</p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let s = i18n.locale().strings();
                let e = s.editor;
                match home.await {
                    Ok(h) => {
                        let rows = h
                            .articles
                            .into_iter()
                            .map(|a| view! { <ArticleRow a /> })
                            .collect_view();
                        let admin = h.may_configure.then(|| { view! {
                            <ActionForm action=setting attr:class="self-review-form">
                                <input type="hidden" name="allowed" value=(!h.self_review).to_string() />
                                <p>
                                    {e.self_review} ": " <strong>{if h.self_review { e.self_review_on } else { e.self_review_off }}</strong> " "
                                    <button type="submit" class="button">{if h.self_review { e.self_review_forbid } else { e.self_review_allow }}</button>
                                </p>
                            </ActionForm>
                        }.into_any() });
                        let table = view! {
                            <div class="table-scroll">
                                <table class="data-table editor-articles">
                                    <thead>
                                        <tr>
                                            <th scope="col">{e.field_title}</th>
                                            <th scope="col">{e.field_category}</th>
                                            <th scope="col">{e.field_language}</th>
                                        </tr>
                                    </thead>
                                    <tbody>{rows}</tbody>
                                </table>
                            </div>
                        }
                        .into_any();
                        view! {
                            <p>
                                <a class="button button-primary" href="/staff/kb/edit">{e.new_article}</a> " "
                                <a class="button" href="/staff/kb/review">{e.review_queue} " (" <span class="review-count">{h.waiting}</span> ")"</a>
                            </p>
                            {admin}
                            {table}
                        }
                            .into_any()
                    }
                    Err(_) => view! { <ServerErrorNotice /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ArticleRow(a: EditorArticle) -> impl IntoView {
    let i18n = use_i18n();
    let s = i18n.locale().strings();
    let e = s.editor;
    let first = a
        .languages
        .first()
        .map(|l| l.locale.clone())
        .unwrap_or_default();
    let languages = a
        .languages
        .iter()
        .map(|l| {
            let name = if l.locale == "en" { s.lang_name_en } else { s.lang_name_zh };
            let published = l.published.map(|v| format!("{}{v}", e.published_v));
            let open = l.open.map(|(v, st)| format!("v{v} {}", e.status(st)));
            let state = match (published, open) {
                (None, None) => e.language_missing.to_string(),
                (p, o) => [p, o].into_iter().flatten().collect::<Vec<_>>().join(" · "),
            };
            view! {
                <li>
                    <a href=edit_href(&a.slug, &l.locale)>{name}</a> ": " {state}
                    {l.published.map(|_| view! { " · " <a href=history_href(&a.slug, &l.locale)>{e.history}</a> })}
                </li>
            }
        })
        .collect_view();
    let languages = languages.into_any();
    view! {
        <tr>
            <td>
                <a href=edit_href(&a.slug, &first)>{if a.title.is_empty() { a.slug.clone() } else { a.title.clone() }}</a>
                {a.internal.then(|| view! { " " <span class="badge">{e.internal}</span> })}
                <br /><code>{a.slug.clone()}</code>
            </td>
            <td>{a.category_slug.clone()}</td>
            <td><ul class="plain-list">{languages}</ul></td>
        </tr>
    }
}
