use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

/// Everything stored about the signed-in person, as a JSON download.
#[server(input = GetUrl, endpoint = "account/export")]
pub async fn export_my_data() -> Result<serde_json::Value, ServerFnError> {
    use super::super::ssr::{audit, internal, require_signed_in, services};
    use crate::domain::auth::Operation;
    use axum::http::{header, HeaderValue};

    let viewer = require_signed_in(Operation::ManageOwnAccount).await?;
    let data = services()?
        .store
        .export_user(viewer.id)
        .await
        .map_err(internal)?;
    audit(Some(&viewer), "", "privacy.export", &viewer.email, "").await?;
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.insert_header(
            header::CONTENT_DISPOSITION,
            HeaderValue::from_static("attachment; filename=\"my-data.json\""),
        );
    }
    Ok(data)
}
