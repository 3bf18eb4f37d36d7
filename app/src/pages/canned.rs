//! Canned replies: agents list, add and delete the answers they reuse, per language.

use super::not_found::ServerErrorNotice;
use crate::api::staff::{list_canned, AddCanned, DeleteCanned};
use crate::components::loading::Loading;
use crate::components::page_title::PageTitle;
use crate::domain::canned::CannedReply;
use crate::i18n::{use_i18n, Locale};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The canned-replies page (people who work tickets).
#[component]
pub fn CannedPage() -> impl IntoView {
    let i18n = use_i18n();
    let add = ServerAction::<AddCanned>::new();
    let delete = ServerAction::<DeleteCanned>::new();
    let list = Resource::new(
        move || (add.version().get(), delete.version().get()),
        |_| list_canned(),
    );
    view! {
        <PageTitle pick=|s| s.care.canned_title />
        <h1>{i18n.t(|s| s.care.canned_title)}</h1>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(replies) if replies.is_empty() => {
                        view! { <p>{i18n.locale().strings().care.canned_none}</p> }.into_any()
                    }
                    Ok(replies) => replies
                        .into_iter()
                        .map(|c| view! { <CannedItem c delete /> })
                        .collect_view()
                        .into_any(),
                    Err(_) => view! { <ServerErrorNotice /> }.into_any(),
                }
            })}
        </Transition>
        <AddForm add />
    }
}

#[component]
fn CannedItem(c: CannedReply, delete: ServerAction<DeleteCanned>) -> impl IntoView {
    let i18n = use_i18n();
    let care = i18n.locale().strings().care;
    view! {
        <article class="card canned-item" lang=c.locale.tag()>
            <h2>{c.title}</h2>
            <p class="event-body">{c.body}</p>
            <ActionForm action=delete>
                <input type="hidden" name="id" value=c.id.to_string() />
                <button type="submit" class="button">{care.canned_delete}</button>
            </ActionForm>
        </article>
    }
}

#[component]
fn AddForm(add: ServerAction<AddCanned>) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let care = i18n.locale().strings().care;
    let kept = |k: &str| query.read_untracked().get(k).unwrap_or_default();
    let (title, body) = (kept("title"), kept("body"));
    let error = move || match add.value().get() {
        Some(Err(e)) => Some(crate::components::error_text(&e, i18n.locale())),
        _ => None,
    };
    let s = i18n.locale().strings();
    let languages = Locale::ALL
        .into_iter()
        .map(|l| {
            let selected = l == i18n.locale();
            let name = match l {
                Locale::Zh => s.lang_name_zh,
                Locale::En => s.lang_name_en,
            };
            view! { <option value=l.code() selected=selected>{name}</option> }
        })
        .collect_view();
    view! {
        <h2>{care.canned_add}</h2>
        <ActionForm action=add attr:class="canned-add">
            <div class="field">
                <label for="canned-locale">{care.canned_language}</label>
                <select id="canned-locale" name="locale">{languages}</select>
            </div>
            <div class="field">
                <label for="canned-title">{care.canned_name}</label>
                <input id="canned-title" name="title" required maxlength="80" value=title />
            </div>
            <div class="field">
                <label for="canned-body">{care.canned_body}</label>
                <p class="hint" id="canned-body-hint">{care.canned_body_hint}</p>
                <textarea id="canned-body" name="body" rows="5" required maxlength="5000"
                    aria-describedby="canned-body-hint">{body}</textarea>
            </div>
            <p class="field-error" role="alert">{error}</p>
            <button type="submit" class="button button-primary">{care.canned_add}</button>
        </ActionForm>
    }
}
