use crate::domain::webhook::Webhook;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Every registered webhook (admins).
#[server(endpoint = "notify/webhooks")]
pub async fn list_webhooks() -> Result<Vec<Webhook>, ServerFnError> {
    use super::super::ssr::{internal, require_signed_in, services};
    use crate::domain::auth::Operation;
    let store = services()?.store;
    require_signed_in(Operation::ManageSettings).await?;
    store.webhooks().await.map_err(internal)
}

/// What an admin typed to register a webhook; `events` are the ticked kinds' codes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebhookForm {
    pub name: String,
    pub url: String,
    pub format: String,
    #[serde(default)]
    pub events: String,
}

/// Registers a webhook with a fresh signing secret; a bad name or address is refused with 400.
#[server(endpoint = "notify/webhook-add")]
pub async fn add_webhook(form: WebhookForm) -> Result<i64, ServerFnError> {
    use super::super::ssr::{
        back_to_form, bad_request, internal, is_plain_form_post, random_token, request_locale,
        require_signed_in, services,
    };
    use crate::domain::auth::Operation;
    use crate::domain::notify::NoticeKind;
    use crate::domain::ticket::Code;
    use crate::domain::webhook::{check, HookFormat, HookProblem};
    let store = services()?.store;
    require_signed_in(Operation::ManageSettings).await?;
    let (name, url) = match check(&form.name, &form.url) {
        Ok(ok) => ok,
        Err(p) => {
            back_to_form(
                super::LOG,
                "hook",
                &[("name", &form.name), ("url", &form.url)],
            );
            let s = request_locale().strings().notify;
            return Err(bad_request(match p {
                HookProblem::BadName => s.hook_bad_name,
                HookProblem::BadUrl => s.hook_bad_url,
            }));
        }
    };
    let events = form
        .events
        .split([',', ' '])
        .filter_map(NoticeKind::from_code)
        .collect();
    let id = store
        .add_webhook(crate::ports::NewWebhook {
            name,
            url,
            secret: format!("whsec_{}", random_token()),
            events,
            format: HookFormat::from_code(&form.format).unwrap_or(HookFormat::Json),
            at: chrono::Utc::now(),
        })
        .await
        .map_err(internal)?;
    if is_plain_form_post() {
        leptos_axum::redirect(super::LOG);
    }
    Ok(id)
}

/// Removes a webhook (admins).
#[server(endpoint = "notify/webhook-delete")]
pub async fn delete_webhook(id: i64) -> Result<bool, ServerFnError> {
    use super::super::ssr::{internal, is_plain_form_post, require_signed_in, services};
    use crate::domain::auth::Operation;
    let store = services()?.store;
    require_signed_in(Operation::ManageSettings).await?;
    let done = store.delete_webhook(id).await.map_err(internal)?;
    if is_plain_form_post() {
        leptos_axum::redirect(super::LOG);
    }
    Ok(done)
}
