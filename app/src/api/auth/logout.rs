use leptos::prelude::*;

/// Signs out: the session ends on the server, not only in the browser.
#[server(endpoint = "auth/logout")]
pub async fn logout() -> Result<(), ServerFnError> {
    use super::super::ssr::{audit, end_session, viewer};
    if let Some(v) = viewer().await? {
        audit(Some(&v), "", "auth.logout", &v.email, "").await?;
    }
    end_session().await?;
    leptos_axum::redirect("/");
    Ok(())
}
