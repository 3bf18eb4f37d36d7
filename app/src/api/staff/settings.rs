use crate::domain::settings_form::{SettingsForm, SettingsProblem};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What became of a settings form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum SettingsOutcome {
    Saved,
    /// The named field is wrong; nothing was saved.
    Invalid {
        field: String,
        problem: SettingsProblem,
    },
}

/// The service settings as the admins' form shows them (admins only).
#[server(endpoint = "staff/settings")]
pub async fn service_settings() -> Result<SettingsForm, ServerFnError> {
    use super::super::ssr::{internal, require_signed_in, services};
    use crate::domain::auth::Operation;
    require_signed_in(Operation::ManageSettings).await?;
    let settings = services()?
        .store
        .service_settings()
        .await
        .map_err(internal)?;
    Ok(SettingsForm::from_settings(&settings))
}

/// Saves the service settings (admins only); a wrong field is named and nothing is saved.
/// Without JavaScript the browser comes back to the form with what was typed.
#[server(endpoint = "staff/save-settings")]
pub async fn save_service_settings(form: SettingsForm) -> Result<SettingsOutcome, ServerFnError> {
    use super::super::ssr::{
        audit, back_to_form, internal, is_plain_form_post, require_signed_in, services,
    };
    use crate::domain::auth::Operation;

    let admin = require_signed_in(Operation::ManageSettings).await?;
    let settings = match form.parse() {
        Ok(s) => s,
        Err((field, problem)) => {
            let kept = serde_json::to_string(&form).map_err(internal)?;
            back_to_form(
                "/staff/settings",
                "invalid",
                &[("field", field), ("form", &kept)],
            );
            return Ok(SettingsOutcome::Invalid {
                field: field.to_string(),
                problem,
            });
        }
    };
    let store = services()?.store;
    store
        .save_service_settings(&settings, chrono::Utc::now())
        .await
        .map_err(internal)?;
    let detail = serde_json::to_string(&settings).map_err(internal)?;
    audit(Some(&admin), "", "settings.service", "service", &detail).await?;
    if is_plain_form_post() {
        leptos_axum::redirect("/staff/settings?saved=1");
    }
    Ok(SettingsOutcome::Saved)
}
