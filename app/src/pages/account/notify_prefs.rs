//! The account's e-mail notification preferences.

use crate::api::notify::{notify_prefs, SaveNotifyPrefs};
use crate::components::loading::Loading;
use crate::domain::ticket::Code;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// One checkbox per notice kind a person may turn off.
#[component]
pub fn NotifyPrefs() -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveNotifyPrefs>::new();
    let prefs = Resource::new(move || save.version().get(), |_| notify_prefs());
    let n = i18n.locale().strings().notify;
    let saved = move || matches!(save.value().get(), Some(Ok(true)));
    view! {
        <h2 id="notify-prefs">{n.prefs_title}</h2>
        <p class="hint">{n.prefs_intro}</p>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                let boxes = prefs
                    .await
                    .unwrap_or_default()
                    .into_iter()
                    .map(|(kind, on)| {
                        let id = format!("pref-{}", kind.code());
                        view! {
                            <div class="check">
                                <input type="checkbox" id=id.clone() name=format!("on[{}]", kind.code())
                                    value="1" checked=on />
                                <label for=id>{n.kind(kind)}</label>
                            </div>
                        }
                    })
                    .collect_view();
                view! {
                    <ActionForm action=save attr:class="notify-prefs">
                        <fieldset>
                            <legend>{n.prefs_title}</legend>
                            {boxes}
                        </fieldset>
                        <button type="submit" class="button">{n.prefs_save}</button>
                    </ActionForm>
                }
            })}
        </Transition>
        <Show when=saved>
            <p class="notice notice-success" role="status">{n.prefs_saved}</p>
        </Show>
    }
}
