//! Accounts, sessions, one-time links and privacy on SQLite.

use super::rows::locale_of;
use super::sql::SqlStore;
use super::{db, from_ms, to_ms};
use app::domain::account::StaffMember;
use app::domain::auth::Role;
use app::ports::{
    AccountStore, NewUser, SessionRecord, StoreError, TokenPurpose, TokenUse, UserRecord,
};
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::any::AnyRow;
use sqlx::Row;

const USER_COLUMNS: &str = "u.id, u.email, u.display_name, u.password_hash, u.locale, \
     u.email_verified_at, u.disabled, \
     (SELECT string_agg(role, ',') FROM user_roles r WHERE r.user_id = u.id) AS roles";

fn user_of(row: &AnyRow) -> Result<UserRecord, StoreError> {
    let roles: Option<String> = row.try_get("roles").map_err(db)?;
    let mut roles: Vec<Role> = roles
        .unwrap_or_default()
        .split(',')
        .filter_map(Role::from_code)
        .collect();
    roles.sort();
    Ok(UserRecord {
        id: row.try_get("id").map_err(db)?,
        email: row.try_get("email").map_err(db)?,
        display_name: row.try_get("display_name").map_err(db)?,
        password_hash: row.try_get("password_hash").map_err(db)?,
        locale: locale_of(&row.try_get::<String, _>("locale").map_err(db)?)?,
        roles,
        email_verified: row
            .try_get::<Option<i64>, _>("email_verified_at")
            .map_err(db)?
            .is_some(),
        disabled: row.try_get::<i64, _>("disabled").map_err(db)? != 0,
    })
}

impl SqlStore {
    async fn classify_token(
        &self,
        token_hash: &str,
        purpose: TokenPurpose,
        now: DateTime<Utc>,
    ) -> Result<TokenUse, StoreError> {
        let row = sqlx::query(
            "SELECT user_id, expires_at, used_at FROM one_time_tokens
             WHERE token_hash = $1 AND purpose = $2",
        )
        .bind(token_hash)
        .bind(purpose.code())
        .fetch_optional(self.pool())
        .await
        .map_err(db)?;
        let Some(row) = row else {
            return Ok(TokenUse::Unknown);
        };
        let used: Option<i64> = row.try_get("used_at").map_err(db)?;
        let expires: i64 = row.try_get("expires_at").map_err(db)?;
        Ok(if used.is_some() {
            TokenUse::Used
        } else if expires <= to_ms(now) {
            TokenUse::Expired
        } else {
            TokenUse::Valid {
                user_id: row.try_get("user_id").map_err(db)?,
            }
        })
    }
}

#[async_trait]
impl AccountStore for SqlStore {
    async fn create_user(&self, user: NewUser) -> Result<Option<i64>, StoreError> {
        let mut tx = super::write_tx(self.writer()).await?;
        let id: Option<i64> = sqlx::query_scalar(
            "INSERT INTO users (email, display_name, password_hash, locale, created_at, email_verified_at)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (email) DO NOTHING
             RETURNING id",
        )
        .bind(&user.email)
        .bind(&user.display_name)
        .bind(&user.password_hash)
        .bind(user.locale.code())
        .bind(to_ms(user.created_at))
        .bind(user.verified.then(|| to_ms(user.created_at)))
        .fetch_optional(&mut *tx)
        .await
        .map_err(db)?;
        let Some(id) = id else {
            return Ok(None);
        };
        for role in &user.roles {
            sqlx::query("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)")
                .bind(id)
                .bind(role.code())
                .execute(&mut *tx)
                .await
                .map_err(db)?;
        }
        tx.commit().await.map_err(db)?;
        Ok(Some(id))
    }

    async fn user_by_email(&self, email: &str) -> Result<Option<UserRecord>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {USER_COLUMNS} FROM users u WHERE u.email = $1 AND u.erased_at IS NULL"
        ))
        .bind(email)
        .fetch_optional(self.pool())
        .await
        .map_err(db)?;
        row.as_ref().map(user_of).transpose()
    }

    async fn user(&self, id: i64) -> Result<Option<UserRecord>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {USER_COLUMNS} FROM users u WHERE u.id = $1 AND u.erased_at IS NULL"
        ))
        .bind(id)
        .fetch_optional(self.pool())
        .await
        .map_err(db)?;
        row.as_ref().map(user_of).transpose()
    }

    async fn set_password(
        &self,
        user_id: i64,
        hash: &str,
        keep: Option<&str>,
    ) -> Result<(), StoreError> {
        let mut tx = super::write_tx(self.writer()).await?;
        sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
            .bind(hash)
            .bind(user_id)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
            .bind(user_id)
            .bind(keep.unwrap_or(""))
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        tx.commit().await.map_err(db)
    }

    async fn create_session(&self, s: SessionRecord) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at, source_ip)
             VALUES ($1, $2, $3, $3, $3, $4)",
        )
        .bind(&s.token_hash)
        .bind(s.user_id)
        .bind(to_ms(s.created_at))
        .bind(&s.source_ip)
        .execute(self.pool())
        .await
        .map_err(db)?;
        Ok(())
    }

    async fn session(
        &self,
        token_hash: &str,
    ) -> Result<Option<(SessionRecord, UserRecord)>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT s.token_hash, s.user_id, s.created_at, s.last_seen_at, s.source_ip, {USER_COLUMNS}
             FROM sessions s JOIN users u ON u.id = s.user_id
             WHERE s.token_hash = $1 AND u.erased_at IS NULL"
        ))
        .bind(token_hash)
        .fetch_optional(self.pool())
        .await
        .map_err(db)?;
        let Some(row) = row else {
            return Ok(None);
        };
        let session = SessionRecord {
            token_hash: row.try_get("token_hash").map_err(db)?,
            user_id: row.try_get("user_id").map_err(db)?,
            created_at: from_ms(row.try_get("created_at").map_err(db)?)?,
            last_seen_at: from_ms(row.try_get("last_seen_at").map_err(db)?)?,
            source_ip: row.try_get("source_ip").map_err(db)?,
        };
        Ok(Some((session, user_of(&row)?)))
    }

    async fn touch_session(&self, token_hash: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
        sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
            .bind(to_ms(now))
            .bind(token_hash)
            .execute(self.pool())
            .await
            .map_err(db)?;
        Ok(())
    }

    async fn delete_session(&self, token_hash: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(self.pool())
            .await
            .map_err(db)?;
        Ok(())
    }

    async fn create_token(
        &self,
        token_hash: &str,
        purpose: TokenPurpose,
        user_id: i64,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO one_time_tokens (token_hash, purpose, user_id, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash)
        .bind(purpose.code())
        .bind(user_id)
        .bind(to_ms(now))
        .bind(to_ms(expires_at))
        .execute(self.pool())
        .await
        .map_err(db)?;
        Ok(())
    }

    async fn peek_token(
        &self,
        token_hash: &str,
        purpose: TokenPurpose,
        now: DateTime<Utc>,
    ) -> Result<TokenUse, StoreError> {
        self.classify_token(token_hash, purpose, now).await
    }

    async fn consume_token(
        &self,
        token_hash: &str,
        purpose: TokenPurpose,
        now: DateTime<Utc>,
    ) -> Result<TokenUse, StoreError> {
        // One statement: two requests racing with the same link cannot both use it.
        let used: Option<i64> = sqlx::query_scalar(
            "UPDATE one_time_tokens SET used_at = $1
             WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1
             RETURNING user_id",
        )
        .bind(to_ms(now))
        .bind(token_hash)
        .bind(purpose.code())
        .fetch_optional(self.pool())
        .await
        .map_err(db)?;
        match used {
            Some(user_id) => Ok(TokenUse::Valid { user_id }),
            None => self.classify_token(token_hash, purpose, now).await,
        }
    }

    async fn verify_email(&self, user_id: i64, now: DateTime<Utc>) -> Result<u64, StoreError> {
        let mut tx = super::write_tx(self.writer()).await?;
        let email: Option<String> = sqlx::query_scalar(
            "UPDATE users SET email_verified_at = COALESCE(email_verified_at, $1)
             WHERE id = $2 RETURNING email",
        )
        .bind(to_ms(now))
        .bind(user_id)
        .fetch_optional(&mut *tx)
        .await
        .map_err(db)?;
        let Some(email) = email else {
            return Ok(0);
        };
        let claimed = sqlx::query(
            "UPDATE tickets SET requester_id = $1
             WHERE requester_id IS NULL AND lower(contact_email) = $2",
        )
        .bind(user_id)
        .bind(&email)
        .execute(&mut *tx)
        .await
        .map_err(db)?
        .rows_affected();
        tx.commit().await.map_err(db)?;
        Ok(claimed)
    }

    async fn staff(&self) -> Result<Vec<StaffMember>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {USER_COLUMNS} FROM users u
             WHERE EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id)
             ORDER BY u.display_name, u.id"
        ))
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter()
            .map(|r| {
                let u = user_of(r)?;
                Ok(StaffMember {
                    id: u.id,
                    email: u.email,
                    display_name: u.display_name,
                    roles: u.roles,
                })
            })
            .collect()
    }

    async fn set_roles(&self, user_id: i64, roles: &[Role]) -> Result<(), StoreError> {
        let mut tx = super::write_tx(self.writer()).await?;
        sqlx::query("DELETE FROM user_roles WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        for role in roles {
            sqlx::query("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)")
                .bind(user_id)
                .bind(role.code())
                .execute(&mut *tx)
                .await
                .map_err(db)?;
        }
        tx.commit().await.map_err(db)
    }

    async fn export_user(&self, user_id: i64) -> Result<serde_json::Value, StoreError> {
        super::privacy::export(self.pool(), user_id).await
    }

    async fn erase_user(&self, user_id: i64, now: DateTime<Utc>) -> Result<(), StoreError> {
        super::privacy::erase(self.writer(), user_id, to_ms(now)).await
    }
}
