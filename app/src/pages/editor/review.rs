//! The review queue: each waiting version with its changes and preview; approve or send back.

use super::diff_view::DiffView;
use crate::api::editor::{review_queue, ReviewArticle};
use crate::components::loading::Loading;
use crate::components::page_title::PageTitle;
use crate::domain::kb_editor::ReviewItem;
use crate::i18n::{format_time, use_i18n};
use crate::pages::not_found::ServerErrorNotice;
use leptos::prelude::*;

/// `/staff/kb/review`.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let i18n = use_i18n();
    let decide = ServerAction::<ReviewArticle>::new();
    let queue = Resource::new(move || decide.version().get(), |_| review_queue());
    let error = move || match decide.value().get() {
        Some(Err(err)) => Some(crate::components::error_text(&err, i18n.locale())),
        _ => None,
    };
    let query = leptos_router::hooks::use_query_map();
    let done_before = query.read_untracked().get("done").is_some();
    let done = move || done_before || matches!(decide.value().get(), Some(Ok(())));
    view! {
        <PageTitle pick=|s| s.editor.review_queue />
        <p><a href="/staff/kb">{i18n.t(|s| s.editor.title)}</a></p>
        <h1>{i18n.t(|s| s.editor.review_queue)}</h1>
        <p class="field-error" role="alert">{error}</p>
        {move || done().then(|| view! { <p class="notice" role="status">{i18n.t(|s| s.editor.reviewed)}</p> })}
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match queue.await {
                    Ok(items) if items.is_empty() => {
                        view! { <p>{i18n.locale().strings().editor.review_none}</p> }.into_any()
                    }
                    Ok(items) => items
                        .into_iter()
                        .map(|item| view! { <Item item decide /> })
                        .collect_view()
                        .into_any(),
                    Err(_) => view! { <ServerErrorNotice /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Item(item: ReviewItem, decide: ServerAction<ReviewArticle>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let s = locale.strings();
    let e = s.editor;
    let info = item.text.info.clone();
    let lang_name = if item.locale == "en" {
        s.lang_name_en
    } else {
        s.lang_name_zh
    };
    let hidden = {
        let (slug, lang, version) = (item.slug.clone(), item.locale.clone(), info.version);
        move || {
            view! {
                <input type="hidden" name="form[slug]" value=slug.clone() />
                <input type="hidden" name="form[locale]" value=lang.clone() />
                <input type="hidden" name="form[version]" value=version.to_string() />
            }
        }
    };
    let (approve_fields, send_back_fields) = (hidden.clone(), hidden);
    let comment_id = format!("comment-{}-{}", item.slug, item.locale);
    view! {
        <article class="card review-item">
            <h2>{info.title.clone()}</h2>
            <p class="meta">
                <code>{item.slug.clone()}</code> " · " {lang_name} " · " {e.version} " " {info.version}
                " · " {e.author} " " {info.author.clone()} " · " {format_time(info.created_at, locale)}
            </p>
            <h3>{e.review_changes}</h3>
            <DiffView lines=item.diff />
            <h3>{e.preview}</h3>
            <div class="article-body preview" inner_html=item.preview_html></div>
            <div class="review-actions">
                <ActionForm action=decide>
                    {approve_fields}
                    <input type="hidden" name="form[approve]" value="true" />
                    <button type="submit" class="button button-primary">{e.approve}</button>
                </ActionForm>
                <ActionForm action=decide>
                    {send_back_fields}
                    <input type="hidden" name="form[approve]" value="false" />
                    <div class="field">
                        <label for=comment_id.clone()>{e.review_comment}</label>
                        <textarea id=comment_id name="form[comment]" rows="3" maxlength="2000"></textarea>
                    </div>
                    <button type="submit" class="button">{e.send_back}</button>
                </ActionForm>
            </div>
        </article>
    }
}
