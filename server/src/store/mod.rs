//! Storage: opening the database, migrations, and the SQLite implementation of the store port.

mod accounts;
mod article_rows;
mod articles;
mod audit;
mod backend;
mod canned;
mod care;
mod drafts;
mod files;
mod flow_rows;
mod flow_runs;
mod flows;
mod hooks;
mod incidents;
mod integrations;
mod kb;
mod kb_import;
mod knowledge;
mod notices;
mod ops;
pub(crate) mod outbox;
mod privacy;
mod rows;
mod sla_sweep;
mod sql;
mod teams;
mod tickets;
mod work;

pub use audit::sha256_hex;

pub use kb::SearchDoc;
pub use kb_import::ImportReport;
pub use notices::{Claimed, LiveRow, NewDelivery, OutboxRow, People, Person, TicketContext};
pub use ops::Gauges;
pub use sql::{Backend, SqlStore};

use app::ports::StoreError;
use chrono::{DateTime, TimeZone, Utc};

/// Milliseconds since the epoch, as stored.
pub(crate) fn to_ms(t: DateTime<Utc>) -> i64 {
    t.timestamp_millis()
}

/// A stored time back as a UTC time.
pub(crate) fn from_ms(ms: i64) -> Result<DateTime<Utc>, StoreError> {
    Utc.timestamp_millis_opt(ms)
        .single()
        .ok_or_else(|| StoreError::Corrupt(format!("timestamp out of range: {ms}")))
}

/// Starts a write transaction that holds the database's write lock from its first statement.
/// SQLite: `BEGIN IMMEDIATE`, since a deferred one that reads first fails with "database is
/// locked" when another writer commits before its first write. PostgreSQL: a transaction-level
/// advisory lock, so writers from every instance take turns as on SQLite; read-then-write steps
/// stay safe, the audit chain never forks and outbox ids are in commit order (live events resume
/// by id).
pub(crate) async fn write_tx(
    pool: &sqlx::AnyPool,
) -> Result<sqlx::Transaction<'static, sqlx::Any>, StoreError> {
    if is_postgres(pool) {
        let mut tx = pool.begin().await.map_err(db)?;
        sqlx::query("SELECT pg_advisory_xact_lock(7001)")
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        Ok(tx)
    } else {
        pool.begin_with("BEGIN IMMEDIATE").await.map_err(db)
    }
}

/// Whether a pool talks to PostgreSQL.
pub(crate) fn is_postgres(pool: &sqlx::AnyPool) -> bool {
    sql::Backend::of_url(pool.connect_options().database_url.as_str()) == sql::Backend::Postgres
}

/// Wraps a driver error for the store port.
pub(crate) fn db(err: sqlx::Error) -> StoreError {
    StoreError::Database(err.to_string())
}
