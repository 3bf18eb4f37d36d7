//! A file picker that uploads as soon as files are chosen: a refused file is reported at once,
//! with the reason, and nothing typed is at risk. The form sends only the staged files' tokens.

use crate::api::tickets::upload_files;
use crate::domain::attachment::{
    format_size, FileProblem, StagedFile, UploadResult, ACCEPT, MAX_FILES,
};
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The picker; `name` is the form field that carries the tokens.
#[component]
pub fn FilePicker(id: &'static str, name: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let staged = RwSignal::new(Vec::<StagedFile>::new());
    let refused = RwSignal::new(Vec::<(String, FileProblem)>::new());
    let failed = RwSignal::new(false);
    let upload = Action::new_local(|data: &web_sys::FormData| upload_files(data.clone().into()));
    Effect::new(move |_| match upload.value().get() {
        Some(Ok(results)) => {
            failed.set(false);
            for r in results {
                match r {
                    UploadResult::Staged(f) => staged.update(|s| s.push(f)),
                    UploadResult::Refused { name, problem } => {
                        refused.update(|list| list.push((name, problem)))
                    }
                }
            }
        }
        Some(Err(_)) => failed.set(true),
        None => {}
    });
    let on_change = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let (Some(list), Ok(data)) = (input.files(), web_sys::FormData::new()) else {
            return;
        };
        let room = MAX_FILES.saturating_sub(staged.with_untracked(Vec::len));
        let mut over = Vec::new();
        let mut sent = 0;
        for i in 0..list.length() {
            let Some(file) = list.get(i) else { continue };
            if sent < room {
                if data
                    .append_with_blob_and_filename("files", &file, &file.name())
                    .is_ok()
                {
                    sent += 1;
                }
            } else {
                over.push((file.name(), FileProblem::TooMany));
            }
        }
        // Cleared so the same file can be chosen again after a refusal.
        input.set_value("");
        refused.set(over);
        if sent > 0 {
            upload.dispatch_local(data);
        }
    };
    let tokens = move || {
        staged.with(|s| {
            s.iter()
                .map(|f| f.token.as_str())
                .collect::<Vec<_>>()
                .join(",")
        })
    };
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field file-picker">
            <label for=id>{i18n.t(|s| s.care.files_label)}</label>
            <p class="hint" id=hint_id.clone()>{i18n.t(|s| s.care.files_hint)}</p>
            <input type="file" id=id multiple accept=ACCEPT aria-describedby=hint_id on:change=on_change />
            <input type="hidden" name=name prop:value=tokens />
            <Show when=move || upload.pending().get()>
                <p class="hint" role="status">{i18n.t(|s| s.care.files_uploading)}</p>
            </Show>
            <ul class="file-list">
                <For each=move || staged.get() key=|f| f.token.clone() let(f)>
                    <StagedLine f staged />
                </For>
            </ul>
            <div class="field-error" role="alert">
                {move || {
                    let care = i18n.locale().strings().care;
                    refused
                        .get()
                        .into_iter()
                        .map(|(name, p)| view! { <p>{name} ": " {care.file_problem(p)}</p> })
                        .collect_view()
                }}
                {move || failed.get().then(|| view! { <p>{i18n.locale().strings().care.file_failed}</p> })}
            </div>
        </div>
    }
}

/// A staged file with its size and a button to drop it from the message.
#[component]
fn StagedLine(f: StagedFile, staged: RwSignal<Vec<StagedFile>>) -> impl IntoView {
    let i18n = use_i18n();
    let token = f.token.clone();
    let remove = move |_| staged.update(|s| s.retain(|x| x.token != token));
    view! {
        <li>
            <span class="file-name">{f.name}</span>
            " · "
            <span class="file-size">{format_size(f.size)}</span>
            " "
            <button type="button" class="link-button" on:click=remove>
                {i18n.t(|s| s.care.files_remove)}
            </button>
        </li>
    }
}
