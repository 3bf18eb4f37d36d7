//! Teams for automatic assignment.

use super::StoreError;
use crate::domain::assignment::Team;
use crate::domain::ticket::Category;
use async_trait::async_trait;
use chrono::{DateTime, Utc};

/// Teams on the store.
#[async_trait]
pub trait TeamStore: Send + Sync {
    /// Every team with its members and categories, by name.
    async fn teams(&self) -> Result<Vec<Team>, StoreError>;
    /// Creates a team; false if the name is taken.
    async fn create_team(&self, name: &str, at: DateTime<Utc>) -> Result<bool, StoreError>;
    /// Adds someone to a team (available) or removes them.
    async fn set_member(&self, team_id: i64, user_id: i64, member: bool) -> Result<(), StoreError>;
    /// Marks someone available for automatic assignment in every team of theirs, or away.
    async fn set_available(&self, user_id: i64, available: bool) -> Result<(), StoreError>;
    /// Sends new tickets of a category to a team, or to nobody (the unassigned queue).
    async fn route_category(
        &self,
        category: Category,
        team_id: Option<i64>,
    ) -> Result<(), StoreError>;
}
