use crate::domain::account::AccountOutcome;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The grant-roles form: an address and a checkbox per role.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RolesForm {
    pub email: String,
    #[serde(default)]
    pub agent: Option<String>,
    #[serde(default)]
    pub editor: Option<String>,
    #[serde(default)]
    pub admin: Option<String>,
}

/// Replaces the staff roles of the registered person with that address (admins only).
#[server(endpoint = "staff/set-roles")]
pub async fn set_staff_roles(form: RolesForm) -> Result<AccountOutcome, ServerFnError> {
    use super::super::ssr::{audit, back_to_form, internal, require_signed_in, services};
    use crate::domain::account::{normalise_email, AccountProblem};
    use crate::domain::auth::{Operation, Role};

    let admin = require_signed_in(Operation::ManageStaff).await?;
    let services = services()?;
    let email = normalise_email(&form.email);
    let wanted: Vec<Role> = [
        (form.agent.is_some(), Role::Agent),
        (form.editor.is_some(), Role::Editor),
        (form.admin.is_some(), Role::Admin),
    ]
    .into_iter()
    .filter_map(|(on, role)| on.then_some(role))
    .collect();
    let Some(user) = services
        .store
        .user_by_email(&email)
        .await
        .map_err(internal)?
    else {
        back_to_form(
            "/staff",
            AccountProblem::NoSuchAccount.code(),
            &[("email", &email)],
        );
        return Ok(AccountOutcome::Refused {
            problem: AccountProblem::NoSuchAccount,
        });
    };
    let losing_admin = user.roles.contains(&Role::Admin) && !wanted.contains(&Role::Admin);
    if losing_admin {
        let staff = services.store.staff().await.map_err(internal)?;
        let admins = staff
            .iter()
            .filter(|m| m.roles.contains(&Role::Admin))
            .count();
        if admins <= 1 {
            back_to_form(
                "/staff",
                AccountProblem::LastAdmin.code(),
                &[("email", &email)],
            );
            return Ok(AccountOutcome::Refused {
                problem: AccountProblem::LastAdmin,
            });
        }
    }
    let before: Vec<&str> = user.roles.iter().map(|r| r.code()).collect();
    let after: Vec<&str> = wanted.iter().map(|r| r.code()).collect();
    services
        .store
        .set_roles(user.id, &wanted)
        .await
        .map_err(internal)?;
    let detail = format!("{} -> {}", before.join(","), after.join(","));
    audit(Some(&admin), "", "staff.roles", &email, &detail).await?;
    if super::super::ssr::is_plain_form_post() {
        leptos_axum::redirect("/staff?saved=1");
    }
    Ok(AccountOutcome::Done { next: None })
}
