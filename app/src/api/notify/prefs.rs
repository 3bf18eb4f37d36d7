use crate::domain::notify::NoticeKind;
use leptos::prelude::*;

/// The e-mail notices the signed-in person may choose, each with whether it is on.
#[server(endpoint = "notify/prefs")]
pub async fn notify_prefs() -> Result<Vec<(NoticeKind, bool)>, ServerFnError> {
    use super::super::ssr::{internal, require_signed_in, services};
    use crate::domain::auth::Operation;
    let store = services()?.store;
    let who = require_signed_in(Operation::ManageOwnAccount).await?;
    let muted = store.muted(who.id).await.map_err(internal)?;
    Ok(NoticeKind::PREFERENCES
        .iter()
        .map(|k| (*k, !muted.contains(k)))
        .collect())
}
