//! The flow editor (`/staff/flows/edit?slug=`): problems, publish, details, drawing, nodes, JSON.

use super::super::not_found::ServerErrorNotice;
use super::graph::FlowGraphView;
use super::node_form::NodeEditor;
use super::versions::Versions;
use crate::api::flow_editor::{
    get_flow_editor, DiscardFlow, PublishFlowDraft, ReplaceFlowJson, SaveFlowDetails,
    UnpublishFlowLive,
};
use crate::api::flows::{run_path, StartFlow};
use crate::components::loading::Loading;
use crate::components::page_title::PageTitle;
use crate::domain::flow::{FlowFile, SCHEMA};
use crate::domain::flow_run::url_encode;
use crate::domain::flow_views::FlowEditorView;
use crate::domain::ticket::{Category, Code};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

/// The editor page.
#[component]
pub fn FlowEditorPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let changed = RwSignal::new(0u32);
    let editor = Resource::new(
        move || (query.read().get("slug").unwrap_or_default(), changed.get()),
        |(slug, _)| get_flow_editor(slug),
    );
    view! {
        <PageTitle pick=|s| s.flows.editor_title />
        <p class="meta"><a href="/staff/flows">{i18n.t(|s| s.flows.staff_title)}</a></p>
        <h1>{i18n.t(|s| s.flows.editor_title)}</h1>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match editor.await {
                    Ok(view) => view! { <Editor view changed /> }.into_any(),
                    Err(_) => view! { <ServerErrorNotice /> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// Bumps `changed` whenever `action` succeeds, so the editor reloads.
fn reload_after<A>(action: ServerAction<A>, changed: RwSignal<u32>)
where
    A: leptos::server_fn::ServerFn + Clone + Send + Sync + 'static,
    A::Output: Send + Sync + 'static,
    A::Error: Send + Sync + 'static,
{
    Effect::new(move |_| {
        if action.value().with(|v| matches!(v, Some(Ok(_)))) {
            changed.update(|n| *n += 1);
        }
    });
}

#[component]
fn Editor(view: FlowEditorView, changed: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let s = locale.strings();
    let f = s.flows;
    let publish = ServerAction::<PublishFlowDraft>::new();
    let discard = ServerAction::<DiscardFlow>::new();
    let unpublish = ServerAction::<UnpublishFlowLive>::new();
    let details = ServerAction::<SaveFlowDetails>::new();
    let json = ServerAction::<ReplaceFlowJson>::new();
    let preview = ServerAction::<StartFlow>::new();
    reload_after(publish, changed);
    reload_after(discard, changed);
    reload_after(unpublish, changed);
    reload_after(details, changed);
    reload_after(json, changed);
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(token)) = preview.value().get() {
            navigate(&run_path(&token), Default::default());
        }
    });
    let err = move |e: Option<Result<(), ServerFnError>>| match e {
        Some(Err(e)) => Some(crate::components::error_text(&e, i18n.locale())),
        _ => None,
    };
    let publish_message = move || match publish.value().get() {
        Some(Ok(v)) => Some((false, f.published.replace("{v}", &v.to_string()))),
        Some(Err(e)) => Some((true, crate::components::error_text(&e, i18n.locale()))),
        None => err(unpublish.value().get())
            .or_else(|| err(discard.value().get()))
            .map(|m| (true, m)),
    };
    let slug = view.slug.clone();
    let g = view.graph.clone();
    let live = view.versions.iter().any(|v| v.status == "published");
    let problems = view
        .problems
        .iter()
        .map(|p| view! { <li>{f.problem(p)}</li> })
        .collect_view();
    let clean = view.problems.is_empty();
    let categories = Category::ALL
        .iter()
        .map(|c| view! { <option value=c.code() selected=c.code() == g.category>{s.category(*c)}</option> })
        .collect_view();
    let file = FlowFile {
        schema: SCHEMA.into(),
        slug: slug.clone(),
        graph: g.clone(),
    };
    let json_text = serde_json::to_string_pretty(&file).unwrap_or_default();
    let download = format!(
        "data:application/json;charset=utf-8,{}",
        url_encode(&json_text)
    );
    let draft_actions = view.is_draft.then(|| {
        let (s1, s2, s3) = (slug.clone(), slug.clone(), slug.clone());
        view! {
            <ActionForm action=preview>
                <input type="hidden" name="slug" value=s1 />
                <input type="hidden" name="preview" value="true" />
                <button type="submit" class="button">{f.preview}</button>
            </ActionForm>
            <ActionForm action=publish>
                <input type="hidden" name="slug" value=s2 />
                <button type="submit" class="button button-primary flow-publish">{f.publish}</button>
            </ActionForm>
            <ActionForm action=discard>
                <input type="hidden" name="slug" value=s3 />
                <button type="submit" class="button">{f.discard}</button>
            </ActionForm>
        }
    });
    let live_actions = live.then(|| {
        let slug = slug.clone();
        view! {
            <ActionForm action=unpublish>
                <input type="hidden" name="slug" value=slug />
                <button type="submit" class="button button-danger">{f.unpublish}</button>
            </ActionForm>
        }
    });
    let (details_slug, json_slug) = (slug.clone(), slug.clone());
    let file_name = format!("{slug}.json");
    let title = g.title.clone();
    let summary = g.summary.clone();
    let start = g.start.clone();
    let nodes = g
        .nodes
        .iter()
        .map(|n| view! { <NodeEditor slug=slug.clone() node=Some(n.clone()) changed /> })
        .collect_view();
    view! {
        <p><code class="flow-slug">{slug.clone()}</code> " "
            {if view.is_draft { view! { <span class="badge">{f.draft_badge}</span> }.into_any() } else { ().into_any() }}
        </p>
        <section class="flow-problems" aria-live="polite">
            {if clean {
                view! { <p class="notice notice-success" id="flow-ready">{f.no_problems}</p> }.into_any()
            } else {
                view! { <h2>{f.problems_title}</h2> <ul id="flow-problems" class="notice notice-error">{problems}</ul> }.into_any()
            }}
        </section>
        <div class="flow-actions">
            {draft_actions}
            {live_actions}
            <a class="button" href=format!("/staff/flows/stats?slug={slug}")>{f.analytics}</a>
        </div>
        {move || publish_message().map(|(bad, m)| view! {
            <p class=if bad { "notice notice-error flow-message" } else { "notice notice-success flow-message" } role="status">{m}</p>
        })}
        <h2>{f.details}</h2>
        <ActionForm action=details attr:class="flow-details">
            <input type="hidden" name="form[slug]" value=details_slug />
            <div class="field"><label for="flow-title-zh">{f.title_zh}</label>
                <input id="flow-title-zh" name="form[title_zh]" lang="zh-CN" value=title.zh.clone() maxlength="200" /></div>
            <div class="field"><label for="flow-title-en">{f.title_en}</label>
                <input id="flow-title-en" name="form[title_en]" lang="en" value=title.en.clone() maxlength="200" /></div>
            <div class="field"><label for="flow-summary-zh">{f.summary_zh}</label>
                <textarea id="flow-summary-zh" name="form[summary_zh]" lang="zh-CN" rows="2">{summary.zh.clone()}</textarea></div>
            <div class="field"><label for="flow-summary-en">{f.summary_en}</label>
                <textarea id="flow-summary-en" name="form[summary_en]" lang="en" rows="2">{summary.en.clone()}</textarea></div>
            <div class="field"><label for="flow-category">{f.col_category}</label>
                <select id="flow-category" name="form[category]">{categories}</select></div>
            <div class="field"><label for="flow-start">{f.start_node}</label>
                <input id="flow-start" name="form[start]" value=start maxlength="40" /></div>
            <p class="field-error" role="alert">{move || err(details.value().get())}</p>
            <button type="submit" class="button">{f.save}</button>
        </ActionForm>
        <FlowGraphView graph=g problems=view.problems.clone() />
        <h2>{f.nodes_title}</h2>
        {nodes}
        <NodeEditor slug=slug.clone() node=None changed />
        <Versions slug=slug.clone() versions=view.versions.clone() changed />
        <h2>{f.json_title}</h2>
        <p class="hint">{f.json_hint}</p>
        <ActionForm action=json attr:class="flow-json">
            <input type="hidden" name="slug" value=json_slug />
            <label class="visually-hidden" for="flow-json">{f.json_title}</label>
            <textarea id="flow-json" name="json" rows="12" spellcheck="false">{json_text}</textarea>
            <p class="field-error flow-refusal" role="alert">{move || err(json.value().get())}</p>
            <button type="submit" class="button">{f.json_replace}</button>
            " "
            <a class="button" href=download download=file_name>{f.export}</a>
        </ActionForm>
    }
}
