use crate::domain::assignment::Team;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The teams page's data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamsPage {
    pub teams: Vec<Team>,
    /// Agents who can be added to a team, as (id, name).
    pub agents: Vec<(i64, String)>,
    /// The asking agent's id, for their own availability.
    pub me: i64,
    /// The asker may change teams and routing (admins).
    pub manage: bool,
}

/// Teams, members and routing (people who work tickets).
#[server(endpoint = "staff/teams")]
pub async fn list_teams() -> Result<TeamsPage, ServerFnError> {
    use super::super::ssr::{internal, require_signed_in, services};
    use crate::domain::auth::{may, Operation};
    let store = services()?.store;
    let me = require_signed_in(Operation::WorkTickets).await?;
    Ok(TeamsPage {
        teams: store.teams().await.map_err(internal)?,
        agents: store
            .agents()
            .await
            .map_err(internal)?
            .into_iter()
            .map(|a| (a.id, a.name))
            .collect(),
        me: me.id,
        manage: may(Some(&me), Operation::ManageSettings),
    })
}

/// Creates a team (admins).
#[server(endpoint = "staff/team-create")]
pub async fn create_team(name: String) -> Result<bool, ServerFnError> {
    use super::super::ssr::{
        audit, back_to_form, bad_request, internal, request_locale, require_signed_in, services,
    };
    use crate::domain::auth::Operation;
    let store = services()?.store;
    let admin = require_signed_in(Operation::ManageSettings).await?;
    let care = request_locale().strings().care;
    let name = name.trim().to_string();
    if name.is_empty() || name.chars().count() > 80 {
        back_to_form("/staff/teams", "name", &[]);
        return Err(bad_request(care.team_name_missing));
    }
    if !store
        .create_team(&name, chrono::Utc::now())
        .await
        .map_err(internal)?
    {
        back_to_form("/staff/teams", "taken", &[]);
        return Err(bad_request(care.team_name_taken));
    }
    audit(Some(&admin), "", "team.create", &name, "").await?;
    back_home();
    Ok(true)
}

/// Adds someone who works tickets to a team, or removes them (admins).
#[server(endpoint = "staff/team-member")]
pub async fn set_team_member(
    team_id: i64,
    user_id: i64,
    member: bool,
) -> Result<bool, ServerFnError> {
    use super::super::ssr::{audit, internal, require_signed_in, services};
    use crate::domain::auth::Operation;
    let store = services()?.store;
    let admin = require_signed_in(Operation::ManageSettings).await?;
    let agents = store.agents().await.map_err(internal)?;
    if member && !agents.iter().any(|a| a.id == user_id) {
        return Ok(false);
    }
    store
        .set_member(team_id, user_id, member)
        .await
        .map_err(internal)?;
    let detail = format!("team {team_id}, user {user_id}, member {member}");
    audit(
        Some(&admin),
        "",
        "team.member",
        &team_id.to_string(),
        &detail,
    )
    .await?;
    back_home();
    Ok(true)
}

/// Marks the asking agent available for automatic assignment, or away.
#[server(endpoint = "staff/availability")]
pub async fn set_availability(available: bool) -> Result<bool, ServerFnError> {
    use super::super::ssr::{internal, require_signed_in, services};
    use crate::domain::auth::Operation;
    let store = services()?.store;
    let me = require_signed_in(Operation::WorkTickets).await?;
    store
        .set_available(me.id, available)
        .await
        .map_err(internal)?;
    back_home();
    Ok(true)
}

/// Sends new tickets of a category to a team, or to nobody (admins).
#[server(endpoint = "staff/team-route")]
pub async fn route_category(category: String, team: String) -> Result<bool, ServerFnError> {
    use super::super::ssr::{
        audit, bad_request, internal, request_locale, require_signed_in, services,
    };
    use crate::domain::auth::Operation;
    use crate::domain::ticket::{Category, Code};
    let store = services()?.store;
    let admin = require_signed_in(Operation::ManageSettings).await?;
    let Some(category) = Category::from_code(&category) else {
        return Err(bad_request(
            request_locale().strings().work.err_not_from_here,
        ));
    };
    let team_id = team.parse::<i64>().ok();
    let teams = store.teams().await.map_err(internal)?;
    if team_id.is_some_and(|id| !teams.iter().any(|t| t.id == id)) {
        return Err(bad_request(
            request_locale().strings().work.err_not_from_here,
        ));
    }
    store
        .route_category(category, team_id)
        .await
        .map_err(internal)?;
    audit(Some(&admin), "", "team.route", category.code(), &team).await?;
    back_home();
    Ok(true)
}

/// Without JavaScript, back to the teams page.
#[cfg(feature = "ssr")]
fn back_home() {
    if super::super::ssr::is_plain_form_post() {
        leptos_axum::redirect("/staff/teams");
    }
}
