use crate::domain::auth::Viewer;
use leptos::prelude::*;

/// The signed-in person, or `None`.
#[server(endpoint = "auth/me")]
pub async fn current_user() -> Result<Option<Viewer>, ServerFnError> {
    super::super::ssr::viewer().await
}
