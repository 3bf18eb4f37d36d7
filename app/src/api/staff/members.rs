use crate::domain::account::StaffMember;
use leptos::prelude::*;

/// Everyone holding a staff role (admins only).
#[server(endpoint = "staff/members")]
pub async fn staff_members() -> Result<Vec<StaffMember>, ServerFnError> {
    use super::super::ssr::{internal, require, services};
    use crate::domain::auth::Operation;
    require(Operation::ManageStaff).await?;
    services()?.store.staff().await.map_err(internal)
}
