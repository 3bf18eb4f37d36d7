use crate::domain::account::StaffMember;
use leptos::prelude::*;

/// Everyone holding a staff role (admins only).
#[server(endpoint = "staff/members")]
pub async fn staff_members() -> Result<Vec<StaffMember>, ServerFnError> {
    use super::super::ssr::{internal, require, services};
    use crate::domain::auth::Operation;
    // Taken before the first await: during server rendering a re-rendered section may drop
    // this call's owner while it waits, and its context with it.
    let store = services()?.store;
    require(Operation::ManageStaff).await?;
    store.staff().await.map_err(internal)
}
