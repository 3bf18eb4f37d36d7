use crate::domain::audit::AuditRecord;
use leptos::prelude::*;

/// Audit records, newest first, filtered by action prefix and actor (admins only).
#[server(endpoint = "staff/audit")]
pub async fn audit_log(
    #[server(default)] action: String,
    #[server(default)] actor: String,
    #[server(default)] before: Option<i64>,
) -> Result<Vec<AuditRecord>, ServerFnError> {
    use super::super::ssr::{internal, require, services};
    use crate::domain::auth::Operation;
    use crate::ports::AuditFilter;
    require(Operation::ReadAudit).await?;
    services()?
        .store
        .audit_records(AuditFilter {
            action_prefix: action.trim().to_string(),
            actor: actor.trim().to_string(),
            before_id: before,
            limit: 100,
        })
        .await
        .map_err(internal)
}
