//! Teams and automatic assignment: agents set their availability; admins create teams, choose
//! members and send each category to a team.

use super::not_found::ServerErrorNotice;
use crate::api::staff::{
    list_teams, CreateTeam, RouteCategory, SetAvailability, SetTeamMember, TeamsPage,
};
use crate::components::loading::Loading;
use crate::components::page_title::PageTitle;
use crate::domain::assignment::Team;
use crate::domain::ticket::{Category, Code};
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The actions of the page, reloading it when any of them finishes.
#[derive(Clone, Copy)]
struct Actions {
    create: ServerAction<CreateTeam>,
    member: ServerAction<SetTeamMember>,
    available: ServerAction<SetAvailability>,
    route: ServerAction<RouteCategory>,
}

/// The teams page (people who work tickets).
#[component]
pub fn TeamsPage() -> impl IntoView {
    let i18n = use_i18n();
    let a = Actions {
        create: ServerAction::new(),
        member: ServerAction::new(),
        available: ServerAction::new(),
        route: ServerAction::new(),
    };
    let data = Resource::new(
        move || {
            (
                a.create.version().get(),
                a.member.version().get(),
                a.available.version().get(),
                a.route.version().get(),
            )
        },
        |_| list_teams(),
    );
    view! {
        <PageTitle pick=|s| s.care.teams_title />
        <h1>{i18n.t(|s| s.care.teams_title)}</h1>
        <p>{i18n.t(|s| s.care.teams_intro)}</p>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => view! { <TeamsBody page a /> }.into_any(),
                    Err(_) => view! { <ServerErrorNotice /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn TeamsBody(page: TeamsPage, a: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let care = i18n.locale().strings().care;
    let mine = page
        .teams
        .iter()
        .flat_map(|t| t.members.iter())
        .find(|m| m.user_id == page.me)
        .map(|m| m.available);
    let error = move || {
        let failed = [
            a.create.value().get().and_then(Result::err),
            a.route.value().get().and_then(Result::err),
        ];
        failed
            .into_iter()
            .flatten()
            .next()
            .map(|e| crate::components::error_text(&e, i18n.locale()))
    };
    let teams = if page.teams.is_empty() {
        view! { <p>{care.teams_none}</p> }.into_any()
    } else {
        page.teams
            .iter()
            .cloned()
            .map(|team| view! { <TeamCard team agents=page.agents.clone() manage=page.manage a /> })
            .collect_view()
            .into_any()
    };
    view! {
        {mine.map(|available| view! {
            <section class="card">
                <h2>{care.my_availability}</h2>
                <p>{if available { care.team_available } else { care.team_away }}</p>
                <ActionForm action=a.available>
                    <input type="hidden" name="available" value=(!available).to_string() />
                    <button type="submit" class="button">
                        {if available { care.set_away } else { care.set_available }}
                    </button>
                </ActionForm>
            </section>
        })}
        <p class="field-error" role="alert">{error}</p>
        {teams}
        {page.manage.then(|| view! {
            <Routing teams=page.teams.clone() a />
            <h2>{care.team_create}</h2>
            <ActionForm action=a.create attr:class="team-create">
                <div class="field">
                    <label for="team-name">{care.team_name}</label>
                    <input id="team-name" name="name" required maxlength="80" />
                </div>
                <button type="submit" class="button button-primary">{care.team_create}</button>
            </ActionForm>
        })}
    }
}

#[component]
fn TeamCard(team: Team, agents: Vec<(i64, String)>, manage: bool, a: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let s = i18n.locale().strings();
    let care = s.care;
    let categories = team
        .categories
        .iter()
        .map(|c| s.category(*c))
        .collect::<Vec<_>>()
        .join(" · ");
    let team_id = team.id.to_string();
    let members = team
        .members
        .iter()
        .cloned()
        .map(|m| {
            let state = if m.available {
                care.team_available
            } else {
                care.team_away
            };
            let remove = manage.then(|| {
                view! {
                    <ActionForm action=a.member attr:class="inline-form">
                        <input type="hidden" name="team_id" value=team.id.to_string() />
                        <input type="hidden" name="user_id" value=m.user_id.to_string() />
                        <input type="hidden" name="member" value="false" />
                        <button type="submit" class="link-button">{care.team_remove}</button>
                    </ActionForm>
                }
            });
            view! { <li>{m.name} " · " {state} " " {remove}</li> }
        })
        .collect_view();
    let outside: Vec<(i64, String)> = agents
        .into_iter()
        .filter(|(id, _)| !team.members.iter().any(|m| m.user_id == *id))
        .collect();
    let select_id = format!("team-{}-add", team.id);
    let add = (manage && !outside.is_empty()).then(|| {
        let options = outside
            .into_iter()
            .map(|(id, name)| view! { <option value=id.to_string()>{name}</option> })
            .collect_view();
        view! {
            <ActionForm action=a.member attr:class="canned-form">
                <input type="hidden" name="team_id" value=team_id.clone() />
                <input type="hidden" name="member" value="true" />
                <label for=select_id.clone()>{care.team_add_member}</label>
                <select id=select_id name="user_id">{options}</select>
                <button type="submit" class="button">{care.team_add_member}</button>
            </ActionForm>
        }
    });
    view! {
        <section class="card team">
            <h2>{team.name.clone()}</h2>
            <p class="hint">{categories}</p>
            <h3>{care.team_members}</h3>
            <ul>{members}</ul>
            {add}
        </section>
    }
}

/// One row per category: which team takes its new tickets.
#[component]
fn Routing(teams: Vec<Team>, a: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let s = i18n.locale().strings();
    let care = s.care;
    let rows = Category::ALL
        .iter()
        .map(|c| {
            let current = teams.iter().find(|t| t.categories.contains(c)).map(|t| t.id);
            let id = format!("route-{}", c.code());
            let options = teams
                .iter()
                .map(|t| {
                    view! { <option value=t.id.to_string() selected=current == Some(t.id)>{t.name.clone()}</option> }
                })
                .collect_view();
            view! {
                <ActionForm action=a.route attr:class="canned-form">
                    <input type="hidden" name="category" value=c.code() />
                    <label for=id.clone()>{s.category(*c)}</label>
                    <select id=id name="team">
                        <option value="" selected=current.is_none()>{care.team_nobody}</option>
                        {options}
                    </select>
                    <button type="submit" class="button">{care.team_route_save}</button>
                </ActionForm>
            }
        })
        .collect_view();
    view! {
        <h2>{care.team_routing}</h2>
        {rows}
    }
}
