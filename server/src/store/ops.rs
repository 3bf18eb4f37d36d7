//! What the operations endpoints read: readiness and the database gauges of `/metrics`.

use super::db;
use super::sql::SqlStore;
use app::ports::StoreError;
use sqlx::Row;

/// Counts for `/metrics`, read at each scrape.
#[derive(Debug, Default)]
pub struct Gauges {
    pub tickets_by_status: Vec<(String, i64)>,
    pub unassigned_open: i64,
    pub undispatched: i64,
    pub deliveries_by_status: Vec<(String, i64)>,
    pub response_breaches: i64,
    pub resolve_breaches: i64,
    pub breached_open: i64,
}

impl SqlStore {
    /// Ok when the database answers and its applied migrations are the ones this build has.
    pub async fn readiness(&self) -> Result<(), String> {
        let wanted = self.migrator().iter().map(|m| m.version).max().unwrap_or(0);
        let applied: Option<i64> =
            sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success")
                .fetch_one(self.pool())
                .await
                .map_err(|e| format!("database unreachable: {e}"))?;
        match applied {
            Some(v) if v == wanted => Ok(()),
            Some(v) => Err(format!("database schema at {v}, this build needs {wanted}")),
            None => Err("database not migrated".into()),
        }
    }

    /// Queue depths, outbox backlog and SLA breach counts.
    pub async fn gauges(&self) -> Result<Gauges, StoreError> {
        let pairs = |sql: &'static str| async move {
            let rows = sqlx::query(sql).fetch_all(self.pool()).await.map_err(db)?;
            rows.iter()
                .map(|r| {
                    Ok((
                        r.try_get::<String, _>(0).map_err(db)?,
                        r.try_get::<i64, _>(1).map_err(db)?,
                    ))
                })
                .collect::<Result<Vec<_>, StoreError>>()
        };
        let tickets_by_status =
            pairs("SELECT status, COUNT(*) FROM tickets GROUP BY status ORDER BY status").await?;
        let deliveries_by_status =
            pairs("SELECT status, COUNT(*) FROM deliveries GROUP BY status ORDER BY status")
                .await?;
        let row = sqlx::query(
            "SELECT
               (SELECT COUNT(*) FROM tickets WHERE assignee_id IS NULL
                  AND status NOT IN ('resolved', 'closed')) AS unassigned,
               (SELECT COUNT(*) FROM outbox_events WHERE dispatched = 0) AS undispatched,
               (SELECT COUNT(*) FROM tickets WHERE response_breached = 1) AS response,
               (SELECT COUNT(*) FROM tickets WHERE resolve_breached = 1) AS resolve,
               (SELECT COUNT(*) FROM tickets WHERE (response_breached = 1 OR resolve_breached = 1)
                  AND status NOT IN ('resolved', 'closed')) AS breached_open",
        )
        .fetch_one(self.pool())
        .await
        .map_err(db)?;
        Ok(Gauges {
            tickets_by_status,
            unassigned_open: row.try_get("unassigned").map_err(db)?,
            undispatched: row.try_get("undispatched").map_err(db)?,
            deliveries_by_status,
            response_breaches: row.try_get("response").map_err(db)?,
            resolve_breaches: row.try_get("resolve").map_err(db)?,
            breached_open: row.try_get("breached_open").map_err(db)?,
        })
    }
}
