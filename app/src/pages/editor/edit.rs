//! The article editor: labels, text with a live preview, save, submit for review.

use super::history_href;
use crate::api::editor::{get_editor_form, preview_markdown, SaveArticle, SubmitArticle};
use crate::api::kb::list_categories;
use crate::components::loading::Loading;
use crate::components::page_title::PageTitle;
use crate::domain::kb::KbCategory;
use crate::domain::kb_editor::EditorForm;
use crate::domain::review::VersionStatus;
use crate::i18n::{use_i18n, Locale};
use crate::pages::not_found::{NotFound, ServerErrorNotice};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

/// `/staff/kb/edit?slug=…&lang=…`; without a slug, a new article.
#[component]
pub fn EditorPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let page = Resource::new(
        move || {
            let q = query.read();
            let lang = q
                .get("lang")
                .and_then(|l| Locale::parse(&l))
                .unwrap_or(i18n.locale());
            let draft = q.get("draft").and_then(|d| d.parse::<i64>().ok());
            (
                q.get("slug").unwrap_or_default(),
                lang,
                i18n.locale(),
                draft,
            )
        },
        |(slug, lang, locale, draft)| async move {
            let form = get_editor_form(slug, lang, draft).await?;
            let categories = list_categories(locale).await?;
            Ok::<_, ServerFnError>(form.map(|f| (f, categories)))
        },
    );
    view! {
        <PageTitle pick=|s| s.editor.title />
        <p><a href="/staff/kb">{i18n.t(|s| s.editor.title)}</a></p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(Some((f, categories))) => view! { <Editor f categories /> }.into_any(),
                    Ok(None) => view! { <NotFound /> }.into_any(),
                    Err(_) => view! { <ServerErrorNotice /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Editor(f: EditorForm, categories: Vec<KbCategory>) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let s = i18n.locale().strings();
    let e = s.editor;
    let is_new = f.slug.is_empty();
    let save = ServerAction::<SaveArticle>::new();
    let navigate = use_navigate();
    let lang = f.locale.clone();
    Effect::new(move |_| {
        if let Some(Ok(slug)) = save.value().get() {
            navigate(
                &format!("/staff/kb/edit?slug={slug}&lang={lang}&saved=1"),
                Default::default(),
            );
        }
    });
    let error = move || match save.value().get() {
        Some(Err(err)) => Some(crate::components::error_text(&err, i18n.locale())),
        _ => None,
    };
    let saved = query.read_untracked().get("saved").is_some();
    let options = categories
        .into_iter()
        .map(|c| {
            let selected = c.slug == f.category_slug;
            let label = if c.parent.is_some() {
                format!(" {}", c.name)
            } else {
                c.name
            };
            view! { <option value=c.slug selected=selected>{label}</option> }
        })
        .collect_view();
    let body = RwSignal::new(f.body_md.clone());
    let area = NodeRef::<leptos::html::Textarea>::new();
    let heading = if is_new {
        e.new_article.to_string()
    } else {
        f.title.clone()
    };
    let other = if f.locale == "en" { "zh" } else { "en" };
    let other_name = if other == "en" {
        s.lang_name_en
    } else {
        s.lang_name_zh
    };
    view! {
        <h1>{heading}</h1>
        {(!is_new).then(|| view! {
            <p>
                <code>{f.slug.clone()}</code> " · "
                <a href=super::edit_href(&f.slug, other)>{other_name}</a> " · "
                <a href=history_href(&f.slug, &f.locale)>{e.history}</a>
            </p>
        })}
        {saved.then(|| view! { <p class="notice" role="status">{e.saved}</p> })}
        {(!is_new).then(|| view! { <Workflow slug=f.slug.clone() locale=f.locale.clone() /> })}
        <ActionForm action=save attr:class="editor-form">
            <input type="hidden" name="form[new]" value=is_new.to_string() />
            {if is_new {
                view! {
                    <div class="field">
                        <label for="ed-slug">{e.field_slug}</label>
                        <input id="ed-slug" name="form[slug]" required pattern="[a-z0-9]+(-[a-z0-9]+)*" minlength="3" maxlength="80" />
                        <p class="hint">{e.field_slug_hint}</p>
                    </div>
                    <div class="field">
                        <label for="ed-lang">{e.field_language}</label>
                        <select id="ed-lang" name="form[locale]">
                            <option value="zh" selected=f.locale == "zh">{s.lang_name_zh}</option>
                            <option value="en" selected=f.locale == "en">{s.lang_name_en}</option>
                        </select>
                    </div>
                }
                    .into_any()
            } else {
                view! {
                    <input type="hidden" name="form[slug]" value=f.slug.clone() />
                    <input type="hidden" name="form[locale]" value=f.locale.clone() />
                }
                    .into_any()
            }}
            <div class="field">
                <label for="ed-category">{e.field_category}</label>
                <select id="ed-category" name="form[category]" required>
                    {options}
                </select>
            </div>
            <div class="field checkbox">
                <input type="checkbox" id="ed-internal" name="form[internal]" value="on" checked=f.internal />
                <label for="ed-internal">{e.field_internal}</label>
            </div>
            <div class="field">
                <label for="ed-tags">{e.field_tags}</label>
                <input id="ed-tags" name="form[tags]" value=f.tags.clone() />
                <p class="hint">{e.field_tags_hint}</p>
            </div>
            <div class="field">
                <label for="ed-related">{e.field_related}</label>
                <input id="ed-related" name="form[related]" value=f.related.clone() aria-describedby="ed-related-hint" />
                <p class="hint" id="ed-related-hint">{e.field_related_hint}</p>
            </div>
            <div class="field">
                <label for="ed-title">{e.field_title}</label>
                <input id="ed-title" name="form[title]" required maxlength="200" value=f.title.clone() />
            </div>
            <div class="field">
                <label for="ed-summary">{e.field_summary}</label>
                <input id="ed-summary" name="form[summary]" maxlength="300" value=f.summary.clone() />
            </div>
            <div class="editor-panes">
                <div class="field">
                    <label for="ed-body">{e.field_body}</label>
                    <ImagePicker body area />
                    <textarea
                        node_ref=area
                        id="ed-body"
                        name="form[body]"
                        rows="18"
                        required
                        on:input=move |ev| body.set(event_target_value(&ev))
                    >{f.body_md.clone()}</textarea>
                    <p class="hint">{e.field_body_hint}</p>
                </div>
                <Preview body />
            </div>
            <p class="field-error" role="alert">{error}</p>
            <button type="submit" class="button button-primary">{e.save_draft}</button>
        </ActionForm>
    }
}

/// The open version's state and its next step: submit, withdraw, or the reviewer's comment.
/// It reloads on its own after a step, leaving the text being edited alone.
#[component]
fn Workflow(slug: String, locale: String) -> impl IntoView {
    let i18n = use_i18n();
    let submit = ServerAction::<SubmitArticle>::new();
    let lang = Locale::parse(&locale).unwrap_or_default();
    let state = Resource::new(
        move || submit.version().get(),
        move |_| {
            let slug = slug.clone();
            async move { get_editor_form(slug, lang, None).await }
        },
    );
    let error = move || match submit.value().get() {
        Some(Err(err)) => Some(crate::components::error_text(&err, i18n.locale())),
        _ => None,
    };
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let e = i18n.locale().strings().editor;
                let Some(f) = state.await.ok().flatten() else {
                    return ().into_any();
                };
                let Some(open) = f.open else {
                    return ().into_any();
                };
                let in_review = open.status == VersionStatus::InReview;
                let comment = (open.status == VersionStatus::Rejected).then(|| view! {
                    <blockquote class="review-comment">
                        <p>{e.sent_back_by} " " {open.reviewer.clone()} ":"</p>
                        <p class="event-body">{open.comment.clone()}</p>
                    </blockquote>
                });
                view! {
                    <section class="card workflow" aria-live="polite">
                        <p>
                            {e.version} " " {open.version} ": "
                            <strong class="version-status">{e.status(open.status)}</strong>
                        </p>
                        {comment}
                        {in_review.then(|| view! { <p>{e.submitted}</p> })}
                        <ActionForm action=submit>
                            <input type="hidden" name="slug" value=f.slug.clone() />
                            <input type="hidden" name="locale" value=f.locale.clone() />
                            <input type="hidden" name="version" value=open.version.to_string() />
                            <input type="hidden" name="withdraw" value=in_review.to_string() />
                            <button type="submit" class="button">{if in_review { e.withdraw } else { e.submit }}</button>
                        </ActionForm>
                        <p class="field-error" role="alert">{error}</p>
                    </section>
                }
                    .into_any()
            })}
        </Transition>
    }
}

/// Uploads an image and appends the Markdown that shows it to the text (JavaScript only; the
/// text typed so far is never at risk).
#[component]
fn ImagePicker(body: RwSignal<String>, area: NodeRef<leptos::html::Textarea>) -> impl IntoView {
    use crate::api::editor::upload_article_image;
    use crate::domain::attachment::ACCEPT_IMAGES;
    let i18n = use_i18n();
    let upload =
        Action::new_local(|data: &web_sys::FormData| upload_article_image(data.clone().into()));
    Effect::new(move |_| {
        if let Some(Ok(markdown)) = upload.value().get() {
            let Some(el) = area.get_untracked() else {
                return;
            };
            let mut text = el.value();
            if !text.is_empty() && !text.ends_with('\n') {
                text.push('\n');
            }
            text.push('\n');
            text.push_str(&markdown);
            text.push('\n');
            el.set_value(&text);
            body.set(text);
        }
    });
    let on_change = move |ev: leptos::ev::Event| {
        use leptos::wasm_bindgen::JsCast;
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let (Some(file), Ok(data)) = (
            input.files().and_then(|l| l.get(0)),
            web_sys::FormData::new(),
        ) else {
            return;
        };
        if data
            .append_with_blob_and_filename("image", &file, &file.name())
            .is_ok()
        {
            upload.dispatch_local(data);
        }
        input.set_value("");
    };
    let status = move || {
        let e = i18n.locale().strings().editor;
        if upload.pending().get() {
            Some(e.image_uploading)
        } else if matches!(upload.value().get(), Some(Ok(_))) {
            Some(e.image_inserted)
        } else {
            None
        }
    };
    let error = move || match upload.value().get() {
        Some(Err(err)) => Some(crate::components::error_text(&err, i18n.locale())),
        _ => None,
    };
    view! {
        <div class="field image-picker">
            <label for="ed-image">{i18n.t(|s| s.editor.image_label)}</label>
            <input type="file" id="ed-image" accept=ACCEPT_IMAGES aria-describedby="ed-image-hint" on:change=on_change />
            <p class="hint" id="ed-image-hint">{i18n.t(|s| s.editor.image_hint)}</p>
            <p class="hint" role="status">{status}</p>
            <p class="field-error" role="alert">{error}</p>
        </div>
    }
}

/// The rendered text, refreshed while typing: debounced, and an answer to an older request is
/// dropped so the preview never goes back in time.
#[component]
fn Preview(body: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let html = RwSignal::new(String::new());
    let asked = StoredValue::new(0u64);
    Effect::new(move |_| {
        let text = body.get();
        let ticket = asked.get_value() + 1;
        asked.set_value(ticket);
        set_timeout(
            // The editor may be gone (saved and re-rendered) by the time these run.
            move || {
                if asked.try_get_value() != Some(ticket) {
                    return;
                }
                leptos::task::spawn_local(async move {
                    if let Ok(rendered) = preview_markdown(text).await {
                        if asked.try_get_value() == Some(ticket) {
                            html.try_set(rendered);
                        }
                    }
                });
            },
            std::time::Duration::from_millis(300),
        );
    });
    view! {
        <section class="preview" aria-labelledby="preview-heading">
            <h2 id="preview-heading">{i18n.t(|s| s.editor.preview)}</h2>
            <div class="article-body" inner_html=move || html.get()></div>
        </section>
    }
}
