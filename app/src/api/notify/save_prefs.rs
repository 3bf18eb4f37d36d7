use leptos::prelude::*;

/// Saves which e-mail notices the signed-in person wants: `on` has a key per ticked kind's
/// code (checkboxes named `on[code]`); every other choosable kind is turned off.
#[server(endpoint = "notify/prefs-save")]
pub async fn save_notify_prefs(
    #[server(default)] on: std::collections::HashMap<String, String>,
) -> Result<bool, ServerFnError> {
    use super::super::ssr::{internal, is_plain_form_post, require_signed_in, services};
    use crate::domain::auth::Operation;
    use crate::domain::notify::NoticeKind;
    use crate::domain::ticket::Code;
    let store = services()?.store;
    let who = require_signed_in(Operation::ManageOwnAccount).await?;
    let muted: Vec<NoticeKind> = NoticeKind::PREFERENCES
        .iter()
        .copied()
        .filter(|k| !on.contains_key(k.code()))
        .collect();
    store.set_muted(who.id, &muted).await.map_err(internal)?;
    if is_plain_form_post() {
        leptos_axum::redirect("/account?saved=prefs");
    }
    Ok(true)
}
