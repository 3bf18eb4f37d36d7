//! Teams and automatic assignment on SQLite.

use super::{db, to_ms, SqlStore};
use app::domain::assignment::{next_assignee, Candidate, Team, TeamMember};
use app::domain::ticket::{Category, Code, EventChange, EventKind};
use app::ports::{NewTicketEvent, StoreError, TeamStore};
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::{Any, Row, Transaction};

/// People who can take tickets: agents and admins whose account is in use.
const WORKS_TICKETS: &str = "u.disabled = 0 AND EXISTS (SELECT 1 FROM user_roles r
    WHERE r.user_id = u.id AND r.role IN ('agent', 'admin'))";

#[async_trait]
impl TeamStore for SqlStore {
    async fn teams(&self) -> Result<Vec<Team>, StoreError> {
        let teams = sqlx::query("SELECT id, name FROM teams ORDER BY name, id")
            .fetch_all(self.pool())
            .await
            .map_err(db)?;
        let members = sqlx::query(
            "SELECT m.team_id, m.user_id, m.available, u.display_name
             FROM team_members m JOIN users u ON u.id = m.user_id
             ORDER BY u.display_name, u.id",
        )
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        let routes = sqlx::query("SELECT category, team_id FROM category_teams")
            .fetch_all(self.pool())
            .await
            .map_err(db)?;
        let mut out = Vec::new();
        for t in teams {
            let id: i64 = t.try_get("id").map_err(db)?;
            let mut team = Team {
                id,
                name: t.try_get("name").map_err(db)?,
                members: Vec::new(),
                categories: Vec::new(),
            };
            for m in &members {
                if m.try_get::<i64, _>("team_id").map_err(db)? == id {
                    team.members.push(TeamMember {
                        user_id: m.try_get("user_id").map_err(db)?,
                        name: m.try_get("display_name").map_err(db)?,
                        available: m.try_get::<i64, _>("available").map_err(db)? == 1,
                    });
                }
            }
            for r in &routes {
                if r.try_get::<i64, _>("team_id").map_err(db)? == id {
                    let code: String = r.try_get("category").map_err(db)?;
                    team.categories.extend(Category::from_code(&code));
                }
            }
            out.push(team);
        }
        Ok(out)
    }

    async fn create_team(&self, name: &str, at: DateTime<Utc>) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "INSERT INTO teams (name, created_at) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        )
        .bind(name)
        .bind(to_ms(at))
        .execute(self.writer())
        .await
        .map_err(db)?;
        Ok(done.rows_affected() == 1)
    }

    async fn set_member(&self, team_id: i64, user_id: i64, member: bool) -> Result<(), StoreError> {
        let sql = if member {
            "INSERT INTO team_members (team_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING"
        } else {
            "DELETE FROM team_members WHERE team_id = $1 AND user_id = $2"
        };
        sqlx::query(sql)
            .bind(team_id)
            .bind(user_id)
            .execute(self.writer())
            .await
            .map_err(db)?;
        Ok(())
    }

    async fn set_available(&self, user_id: i64, available: bool) -> Result<(), StoreError> {
        sqlx::query("UPDATE team_members SET available = $1 WHERE user_id = $2")
            .bind(i64::from(available))
            .bind(user_id)
            .execute(self.writer())
            .await
            .map_err(db)?;
        Ok(())
    }

    async fn route_category(
        &self,
        category: Category,
        team_id: Option<i64>,
    ) -> Result<(), StoreError> {
        let query = match team_id {
            Some(team) => sqlx::query(
                "INSERT INTO category_teams (category, team_id) VALUES ($1, $2)
                 ON CONFLICT (category) DO UPDATE SET team_id = excluded.team_id",
            )
            .bind(category.code())
            .bind(team),
            None => {
                sqlx::query("DELETE FROM category_teams WHERE category = $1").bind(category.code())
            }
        };
        query.execute(self.writer()).await.map_err(db)?;
        Ok(())
    }
}

/// Gives a new ticket to its category's team and, round robin, to the team's next available
/// agent; inside the ticket's own transaction, so concurrent tickets take distinct turns.
pub(super) async fn auto_assign(
    tx: &mut Transaction<'_, Any>,
    ticket_id: i64,
    number: &str,
    category: Category,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    let team: Option<i64> =
        sqlx::query_scalar("SELECT team_id FROM category_teams WHERE category = $1")
            .bind(category.code())
            .fetch_optional(&mut **tx)
            .await
            .map_err(db)?;
    let Some(team) = team else {
        return Ok(());
    };
    let rows = sqlx::query(&format!(
        "SELECT m.user_id, m.available, m.last_assigned_at, u.display_name
         FROM team_members m JOIN users u ON u.id = m.user_id
         WHERE m.team_id = $1 AND {WORKS_TICKETS}"
    ))
    .bind(team)
    .fetch_all(&mut **tx)
    .await
    .map_err(db)?;
    let mut candidates = Vec::new();
    for r in &rows {
        candidates.push(Candidate {
            user_id: r.try_get("user_id").map_err(db)?,
            available: r.try_get::<i64, _>("available").map_err(db)? == 1,
            last_assigned_ms: r.try_get("last_assigned_at").map_err(db)?,
        });
    }
    let chosen = next_assignee(&candidates);
    sqlx::query("UPDATE tickets SET team_id = $1, assignee_id = $2 WHERE id = $3")
        .bind(team)
        .bind(chosen)
        .bind(ticket_id)
        .execute(&mut **tx)
        .await
        .map_err(db)?;
    let Some(user) = chosen else {
        return Ok(());
    };
    sqlx::query(
        "UPDATE team_members SET last_assigned_at = $1 WHERE team_id = $2 AND user_id = $3",
    )
    .bind(to_ms(at))
    .bind(team)
    .bind(user)
    .execute(&mut **tx)
    .await
    .map_err(db)?;
    let mut name = String::new();
    for r in &rows {
        if r.try_get::<i64, _>("user_id").map_err(db)? == user {
            name = r.try_get("display_name").map_err(db)?;
        }
    }
    // Written by the portal itself; internal, like any hand-over.
    let event = NewTicketEvent {
        number: number.to_string(),
        kind: EventKind::Assigned,
        actor_id: None,
        actor_name: String::new(),
        public: false,
        body: String::new(),
        at,
        change: Some(EventChange::Assigned { to: Some(name) }),
        files: Vec::new(),
    };
    super::tickets::insert_event(tx, ticket_id, &event).await
}
