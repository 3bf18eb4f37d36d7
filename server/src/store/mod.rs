//! Storage: opening the database, migrations, and the SQLite implementation of the store port.

mod accounts;
mod article_rows;
mod articles;
mod audit;
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
pub(crate) mod outbox;
mod privacy;
mod rows;
mod sla_sweep;
mod sqlite;
mod teams;
mod tickets;
mod work;

pub use audit::sha256_hex;

pub use kb::SearchDoc;
pub use kb_import::ImportReport;
pub use notices::{Claimed, LiveRow, NewDelivery, OutboxRow, People, Person, TicketContext};
pub use sqlite::SqliteStore;

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

/// Starts a write transaction that takes SQLite's write lock at once. A deferred one that reads
/// first fails with "database is locked" when another writer commits before its first write,
/// instead of waiting its turn.
pub(crate) async fn write_tx(
    pool: &sqlx::SqlitePool,
) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, StoreError> {
    pool.begin_with("BEGIN IMMEDIATE").await.map_err(db)
}

/// Wraps a driver error for the store port.
pub(crate) fn db(err: sqlx::Error) -> StoreError {
    StoreError::Database(err.to_string())
}
