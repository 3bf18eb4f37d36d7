//! Integrations: the tokens of programs using the REST API.

use super::StoreError;
use async_trait::async_trait;
use chrono::{DateTime, Utc};

/// A live API token's owner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiClient {
    pub id: i64,
    /// What the integration is, e.g. "monitoring"; shown as the author of what it does.
    pub name: String,
}

/// API tokens on the store.
#[async_trait]
pub trait IntegrationStore: Send + Sync {
    /// Records a new token (by hash) under `name`; false if a live token has that name.
    async fn create_api_token(
        &self,
        name: &str,
        token_hash: &str,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError>;
    /// The integration a live token belongs to, noting its use.
    async fn api_client(
        &self,
        token_hash: &str,
        at: DateTime<Utc>,
    ) -> Result<Option<ApiClient>, StoreError>;
    /// Revokes the live token called `name`; false if there is none.
    async fn revoke_api_token(&self, name: &str, at: DateTime<Utc>) -> Result<bool, StoreError>;
}
