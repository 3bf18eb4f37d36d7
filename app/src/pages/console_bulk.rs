//! The console's bulk changes (tick tickets, pick an action) and its keyboard shortcuts.

use crate::api::tickets::{BulkChange, BulkOutcome};
use crate::domain::lifecycle::Action;
use crate::i18n::use_i18n;
use leptos::leptos_dom::helpers::window_event_listener;
use leptos::prelude::*;

/// The ticked tickets, kept across the queue's refreshes.
pub type Selection = RwSignal<Vec<String>>;

/// Action, assignee and the apply button, with what the last bulk change did.
#[component]
pub fn BulkBar(bulk: ServerAction<BulkChange>, agents: Vec<(i64, String)>) -> impl IntoView {
    let i18n = use_i18n();
    let actions = move || {
        let w = i18n.locale().strings().work;
        Action::ALL
            .into_iter()
            .filter(|a| *a != Action::Reopen)
            .map(|a| view! { <option value=a.code()>{w.action(a, false)}</option> })
            .collect_view()
    };
    let people = move || {
        let w = i18n.locale().strings().work;
        let list = agents.clone();
        view! {
            <option value="me">{w.take}</option>
            <option value="">{w.unassigned}</option>
            {list.into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
        }
    };
    view! {
        <fieldset class="bulk-bar">
            <legend>{i18n.t(|s| s.work.bulk_title)}</legend>
            <div class="field">
                <label for="bulk-action">{i18n.t(|s| s.work.bulk_action)}</label>
                <select id="bulk-action" name="form[action]">
                    {actions}
                    <option value="assign">{i18n.t(|s| s.work.bulk_assign)}</option>
                </select>
            </div>
            <div class="field">
                <label for="bulk-assignee">{i18n.t(|s| s.work.bulk_assignee)}</label>
                <select id="bulk-assignee" name="form[assignee]">
                    {people}
                </select>
            </div>
            // Never disabled: without JavaScript the selection is not known until posted.
            <button type="submit" class="button">
                {i18n.t(|s| s.work.bulk_apply)}
            </button>
            <BulkResult bulk />
        </fieldset>
    }
}

#[component]
fn BulkResult(bulk: ServerAction<BulkChange>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let w = i18n.locale().strings().work;
        match bulk.value().get() {
            Some(Ok(BulkOutcome { changed, refused })) => {
                let refused = refused
                    .into_iter()
                    .map(|(n, why)| view! { <li>{n} ": " {why}</li> })
                    .collect_view();
                view! {
                    <div role="status" class="bulk-result">
                        <p>{w.bulk_changed} ": " {changed.join(", ")}</p>
                        <ul>{refused}</ul>
                    </div>
                }
                .into_any()
            }
            Some(Err(e)) => view! {
                <p class="field-error" role="alert">{crate::components::error_text(&e, i18n.locale())}</p>
            }
            .into_any(),
            None => ().into_any(),
        }
    }
}

/// The tick box of one queue line; named by position so a plain form post sends a list.
#[component]
pub fn Tick(number: String, index: usize, selected: Selection) -> impl IntoView {
    let i18n = use_i18n();
    let label = {
        let number = number.clone();
        move || format!("{} {number}", i18n.locale().strings().work.bulk_select)
    };
    let checked = {
        let number = number.clone();
        move || selected.with(|s| s.contains(&number))
    };
    let value = number.clone();
    let toggle = move |_| {
        selected.update(|s| match s.iter().position(|n| *n == number) {
            Some(i) => {
                s.remove(i);
            }
            None => s.push(number.clone()),
        })
    };
    view! {
        <input type="checkbox" class="tick" name=format!("form[numbers][{index}]") value=value
            aria-label=label prop:checked=checked on:change=toggle />
    }
}

/// j / k move between tickets, x ticks the current one, Enter opens it (the link), r refreshes.
pub fn keyboard_shortcuts(refresh: impl Fn() + Clone + 'static) {
    use wasm_bindgen::JsCast;
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let doc = document();
        let active = doc.active_element();
        let typing = active.as_ref().is_some_and(|e| {
            matches!(e.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA")
                && !e.class_list().contains("tick")
        });
        if typing {
            return;
        }
        let links = doc.query_selector_all(".console-queue tbody a").ok();
        let rows: Vec<web_sys::HtmlElement> = links
            .map(|l| {
                (0..l.length())
                    .filter_map(|i| l.item(i))
                    .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
                    .collect()
            })
            .unwrap_or_default();
        let current = active.and_then(|a| {
            rows.iter().position(|r| {
                r.is_same_node(Some(&a))
                    || r.closest("tr")
                        .ok()
                        .flatten()
                        .is_some_and(|tr| tr.contains(Some(&a)))
            })
        });
        let go = |i: usize| {
            if let Some(r) = rows.get(i) {
                let _ = r.focus();
            }
        };
        match ev.key().as_str() {
            "j" => go(current.map_or(0, |i| (i + 1).min(rows.len().saturating_sub(1)))),
            "k" => go(current.map_or(0, |i| i.saturating_sub(1))),
            "x" => {
                let tick = current
                    .and_then(|i| rows.get(i))
                    .and_then(|r| r.closest("tr").ok().flatten())
                    .and_then(|tr| tr.query_selector("input.tick").ok().flatten())
                    .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(t) = tick {
                    t.click();
                }
            }
            "r" => refresh(),
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || handle.remove());
}
