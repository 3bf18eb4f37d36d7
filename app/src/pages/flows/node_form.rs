//! The form of one node (or of a new one), with its own save and delete.

use crate::api::flow_editor::{DeleteFlowNode, SaveFlowNode};
use crate::domain::flow::{Node, NodeKind};
use crate::domain::flow_edit::options_text;
use crate::domain::ticket::{Code, Priority};
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// Edits `node`, or adds a node when it is `None`; `changed` is bumped after each save.
#[component]
pub fn NodeEditor(slug: String, node: Option<Node>, changed: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let s = i18n.locale().strings();
    let f = s.flows;
    let save = ServerAction::<SaveFlowNode>::new();
    let delete = ServerAction::<DeleteFlowNode>::new();
    Effect::new(move |_| {
        if matches!(save.value().get(), Some(Ok(())))
            || matches!(delete.value().get(), Some(Ok(())))
        {
            changed.update(|n| *n += 1);
        }
    });
    let error = move || match save.value().get() {
        Some(Err(e)) => Some(crate::components::error_text(&e, i18n.locale())),
        _ => None,
    };
    let is_new = node.is_none();
    let id = node.as_ref().map(|n| n.id.clone()).unwrap_or_default();
    let key = if is_new {
        "new".to_string()
    } else {
        id.clone()
    };
    let kind = node.as_ref().map_or("question", |n| n.kind_code());
    let (text_zh, text_en) = node
        .as_ref()
        .map(|n| (n.text.zh.clone(), n.text.en.clone()))
        .unwrap_or_default();
    let (mut options, mut next, mut articles, mut priority) = (
        String::new(),
        String::new(),
        String::new(),
        Priority::Normal.code().to_string(),
    );
    match node.as_ref().map(|n| &n.kind) {
        Some(NodeKind::Question { options: o }) => options = options_text(o),
        Some(NodeKind::Step { next: n }) => next = n.clone(),
        Some(NodeKind::Solution {
            articles: a,
            next: n,
        }) => {
            articles = a.join(", ");
            next = n.clone();
        }
        Some(NodeKind::Escalate { priority: p }) => priority = p.clone(),
        None => {}
    }
    let kinds = ["question", "step", "solution", "escalate"]
        .into_iter()
        .map(|k| view! { <option value=k selected=k == kind>{f.kind(k)}</option> })
        .collect_view();
    let priorities = Priority::ALL
        .iter()
        .map(|p| view! { <option value=p.code() selected=p.code() == priority>{s.priority(*p).0}</option> })
        .collect_view();
    let field = move |name: &str| format!("node-{key}-{name}");
    let anchor = if is_new {
        "node-new".to_string()
    } else {
        format!("node-{id}")
    };
    let (save_slug, delete_slug, delete_id) = (slug.clone(), slug, id.clone());
    let heading = if is_new {
        f.add_node.to_string()
    } else {
        f.node_label(&id)
    };
    view! {
        <section class="flow-node-form card" id=anchor>
            <h3>{heading}</h3>
            <ActionForm action=save>
                <input type="hidden" name="form[slug]" value=save_slug />
                <input type="hidden" name="form[is_new]" value=is_new.to_string() />
                <div class="field-row">
                    <div class="field">
                        <label for=field("id")>{f.node_id}</label>
                        <input id=field("id") name="form[id]" value=id required maxlength="40"
                            readonly=!is_new pattern="[a-z0-9_-]+" />
                    </div>
                    <div class="field">
                        <label for=field("kind")>{f.node_kind}</label>
                        <select id=field("kind") name="form[kind]">{kinds}</select>
                    </div>
                </div>
                <div class="field">
                    <label for=field("zh")>{f.text_zh}</label>
                    <textarea id=field("zh") name="form[text_zh]" rows="2" lang="zh-CN">{text_zh}</textarea>
                </div>
                <div class="field">
                    <label for=field("en")>{f.text_en}</label>
                    <textarea id=field("en") name="form[text_en]" rows="2" lang="en">{text_en}</textarea>
                </div>
                <div class="field for-kind for-question">
                    <label for=field("options")>{f.options}</label>
                    <p class="hint" id=field("options-hint")>{f.options_hint}</p>
                    <textarea id=field("options") name="form[options]" rows="3"
                        aria-describedby=field("options-hint")>{options}</textarea>
                </div>
                <div class="field for-kind for-step for-solution">
                    <label for=field("next")>{f.next_node}</label>
                    <input id=field("next") name="form[next]" value=next placeholder=f.next_hint />
                </div>
                <div class="field for-kind for-solution">
                    <label for=field("articles")>{f.articles}</label>
                    <input id=field("articles") name="form[articles]" value=articles placeholder=f.articles_hint />
                </div>
                <div class="field for-kind for-escalate">
                    <label for=field("priority")>{f.priority}</label>
                    <select id=field("priority") name="form[priority]">{priorities}</select>
                </div>
                <p class="field-error flow-refusal" role="alert">{error}</p>
                <button type="submit" class="button">{if is_new { f.add_node } else { f.save_node }}</button>
            </ActionForm>
            {(!is_new).then(move || view! {
                <ActionForm action=delete>
                    <input type="hidden" name="slug" value=delete_slug />
                    <input type="hidden" name="id" value=delete_id />
                    <button type="submit" class="button button-danger">{f.delete_node}</button>
                </ActionForm>
            })}
        </section>
    }
}
