//! An article's versions in one language: who wrote and approved each, what it changed,
//! restoring an earlier one, unpublishing.

use super::diff_view::DiffView;
use crate::api::editor::{
    article_versions, reader_feedback, version_diff, RollBackArticle, UnpublishArticle,
};
use crate::components::loading::Loading;
use crate::components::page_title::PageTitle;
use crate::domain::kb_editor::VersionInfo;
use crate::domain::review::VersionStatus;
use crate::i18n::{format_time, use_i18n, Locale};
use crate::pages::not_found::ServerErrorNotice;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// `/staff/kb/history?slug=…&lang=…[&diff=N]`.
#[component]
pub fn HistoryPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let restore = ServerAction::<RollBackArticle>::new();
    let unpublish = ServerAction::<UnpublishArticle>::new();
    let target = move || {
        let q = query.read();
        (
            q.get("slug").unwrap_or_default(),
            q.get("lang")
                .and_then(|l| Locale::parse(&l))
                .unwrap_or_default(),
        )
    };
    let versions = Resource::new(
        move || (target(), restore.version().get(), unpublish.version().get()),
        |((slug, lang), _, _)| article_versions(slug, lang),
    );
    let diff = Resource::new(
        move || {
            (
                target(),
                query.read().get("diff").and_then(|d| d.parse::<i64>().ok()),
            )
        },
        |((slug, lang), v)| async move {
            match v {
                Some(v) => version_diff(slug, lang, v).await.map(|d| Some((v, d))),
                None => Ok(None),
            }
        },
    );
    let error = move || {
        let failed = match (restore.value().get(), unpublish.value().get()) {
            (Some(Err(err)), _) | (_, Some(Err(err))) => Some(err),
            _ => None,
        };
        failed.map(|err| crate::components::error_text(&err, i18n.locale()))
    };
    let notice = move || {
        let e = i18n.locale().strings().editor;
        if matches!(restore.value().get(), Some(Ok(()))) {
            Some(e.rolled_back)
        } else if matches!(unpublish.value().get(), Some(Ok(()))) {
            Some(e.unpublished)
        } else {
            None
        }
    };
    view! {
        <PageTitle pick=|s| s.editor.history />
        <p><a href="/staff/kb">{i18n.t(|s| s.editor.title)}</a></p>
        <h1>{i18n.t(|s| s.editor.history)} " · " <code>{move || target().0}</code></h1>
        <p class="field-error" role="alert">{error}</p>
        {move || notice().map(|n| view! { <p class="notice" role="status">{n}</p> })}
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                let (slug, lang) = target();
                match versions.await {
                    Ok(list) => {
                        let live = list.iter().any(|v| v.live);
                        let rows = list
                            .into_iter()
                            .map(|v| view! { <Row v slug=slug.clone() lang restore /> })
                            .collect_view();
                        view! {
                            <div class="table-scroll">
                                <table class="data-table versions">
                                    <Head />
                                    <tbody>{rows}</tbody>
                                </table>
                            </div>
                            {live.then(|| view! { <Unpublish slug lang unpublish /> })}
                        }
                            .into_any()
                    }
                    Err(_) => view! { <ServerErrorNotice /> }.into_any(),
                }
            })}
        </Transition>
        <Feedback slug=Signal::derive(move || target().0) lang=Signal::derive(move || target().1) />
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                diff.await.ok().flatten().map(|(v, lines)| view! {
                    <h2>{i18n.locale().strings().editor.compare} " · v" {v}</h2>
                    <DiffView lines />
                })
            })}
        </Transition>
    }
}

#[component]
fn Head() -> impl IntoView {
    let e = use_i18n().locale().strings().editor;
    view! {
        <thead>
            <tr>
                <th scope="col">{e.version}</th>
                <th scope="col">{e.status}</th>
                <th scope="col">{e.field_title}</th>
                <th scope="col">{e.author}</th>
                <th scope="col">{e.reviewer}</th>
                <th scope="col">{e.when}</th>
                <th scope="col"></th>
            </tr>
        </thead>
    }
}

#[component]
fn Row(
    v: VersionInfo,
    slug: String,
    lang: Locale,
    restore: ServerAction<RollBackArticle>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let e = locale.strings().editor;
    let href = format!(
        "{}&diff={}",
        super::history_href(&slug, lang.code()),
        v.version
    );
    let restorable = v.status == VersionStatus::Published && !v.live;
    view! {
        <tr class=if v.live { "live" } else { "" }>
            <td>{format!("v{}", v.version)}</td>
            <td>{e.status(v.status)} {v.live.then(|| view! { " " <span class="badge">{e.live}</span> })}</td>
            <td>{v.title.clone()}</td>
            <td>{v.author.clone()}</td>
            <td>{v.reviewer.clone()}</td>
            <td>{format_time(v.created_at, locale)}</td>
            <td>
                <a href=href>{e.compare}</a>
                {restorable.then(|| view! {
                    <ActionForm action=restore>
                        <input type="hidden" name="slug" value=slug.clone() />
                        <input type="hidden" name="locale" value=lang.code() />
                        <input type="hidden" name="version" value=v.version.to_string() />
                        <button type="submit" class="button">{e.roll_back}</button>
                    </ActionForm>
                })}
            </td>
        </tr>
    }
}

#[component]
fn Unpublish(
    slug: String,
    lang: Locale,
    unpublish: ServerAction<UnpublishArticle>,
) -> impl IntoView {
    let e = use_i18n().locale().strings().editor;
    view! {
        <ActionForm action=unpublish attr:class="danger-zone">
            <input type="hidden" name="slug" value=slug />
            <input type="hidden" name="locale" value=lang.code() />
            <button type="submit" class="button">{e.unpublish}</button>
        </ActionForm>
    }
}

/// Readers' counts and comments on the article.
#[component]
fn Feedback(slug: Signal<String>, lang: Signal<Locale>) -> impl IntoView {
    let i18n = use_i18n();
    let found = Resource::new(
        move || (slug.get(), lang.get()),
        |(s, l)| reader_feedback(s, l),
    );
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let locale = i18n.locale();
                let s = locale.strings();
                let e = s.editor;
                let Ok((extras, comments)) = found.await else {
                    return ().into_any();
                };
                let list = if comments.is_empty() {
                    view! { <p>{e.feedback_none}</p> }.into_any()
                } else {
                    let items = comments
                        .into_iter()
                        .map(|c| view! {
                            <li>
                                <strong>{if c.helpful { e.feedback_helped } else { e.feedback_not_helped }}</strong>
                                " · " {format_time(c.at, locale)}
                                <p class="event-body">{c.comment}</p>
                            </li>
                        })
                        .collect_view();
                    view! { <ul class="plain-list">{items}</ul> }.into_any()
                };
                view! {
                    <section class="reader-feedback" aria-labelledby="feedback-heading">
                        <h2 id="feedback-heading">{e.feedback_title}</h2>
                        <p>
                            {s.kb.views} ": " {extras.views} " · " {e.feedback_helped} ": " {extras.helpful}
                            " · " {e.feedback_not_helped} ": " {extras.not_helpful}
                        </p>
                        {list}
                    </section>
                }
                    .into_any()
            })}
        </Transition>
    }
}
