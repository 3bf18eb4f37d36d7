//! The store on an embedded SQLite file: WAL mode, busy timeout, one pool.

use super::rows::{locale_of, pick_translations, ticket_summary, ticket_view, TICKET_COLUMNS};
use super::{db, from_ms, to_ms};
use app::domain::kb::{KbCategory, KbCategoryPage};
use app::domain::ticket::{TicketEvent, TicketSummary};
use app::i18n::Locale;
use app::ports::{
    ArticleRecord, GuardedSummary, GuardedTicket, NewTicketEvent, Store, StoreError, TicketInsert,
};
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Row, SqlitePool};
use std::str::FromStr;
use std::time::Duration;

/// The SQLite-backed store.
#[derive(Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
    /// One connection for write transactions: writers queue here, in order, instead of
    /// polling SQLite's busy handler (whose back-off sleeps made the slowest creates slow).
    writer: SqlitePool,
    audit_lock: std::sync::Arc<tokio::sync::Mutex<()>>,
    /// Ticks after every commit that wrote to the outbox, waking the sender and the live hub.
    notices: std::sync::Arc<tokio::sync::watch::Sender<u64>>,
}

/// Why the database could not be opened or brought up to date.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("cannot open the database {url}: {source}")]
    Connect { url: String, source: sqlx::Error },
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl SqliteStore {
    /// Opens (creating if missing) the database at `url`, without migrating it.
    pub async fn open(url: &str) -> Result<Self, OpenError> {
        let connect_err = |source| OpenError::Connect {
            url: url.to_string(),
            source,
        };
        let options = SqliteConnectOptions::from_str(url)
            .map_err(connect_err)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // FULL: a commit is on disk (WAL fsynced) before the customer is told the ticket exists.
            .synchronous(SqliteSynchronous::Full)
            .busy_timeout(Duration::from_secs(5))
            .foreign_keys(true);
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options.clone())
            .await
            .map_err(connect_err)?;
        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options)
            .await
            .map_err(connect_err)?;
        Ok(Self {
            pool,
            writer,
            audit_lock: Default::default(),
            notices: std::sync::Arc::new(tokio::sync::watch::channel(0).0),
        })
    }

    /// Applies the migrations that have not run yet.
    pub async fn migrate(&self) -> Result<(), OpenError> {
        sqlx::migrate!("./migrations/sqlite")
            .run(&self.pool)
            .await?;
        Ok(())
    }

    /// The pool, for the demo seeder and admin commands.
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// The connection of write transactions.
    pub(super) fn writer(&self) -> &SqlitePool {
        &self.writer
    }

    /// Tells the notification worker and the live hub that the outbox has news.
    pub fn wake_notifier(&self) {
        self.notices.send_modify(|n| *n = n.wrapping_add(1));
    }

    /// A receiver that changes whenever [`Self::wake_notifier`] is called.
    pub fn notice_signal(&self) -> tokio::sync::watch::Receiver<u64> {
        self.notices.subscribe()
    }

    /// Serialises appends to the audit chain.
    pub(super) fn audit_lock(&self) -> &tokio::sync::Mutex<()> {
        &self.audit_lock
    }
}

#[async_trait]
impl Store for SqliteStore {
    async fn kb_categories(&self, locale: Locale) -> Result<Vec<KbCategory>, StoreError> {
        let rows = sqlx::query(
            "SELECT c.slug, COALESCE(l.name, o.name, c.slug) AS name,
                    COALESCE(l.description, o.description, '') AS description,
                    (SELECT slug FROM kb_categories p WHERE p.id = c.parent_id) AS parent,
                    (SELECT COUNT(*) FROM articles a JOIN kb_categories ac ON ac.id = a.category_id
                     WHERE (ac.id = c.id OR ac.parent_id = c.id) AND a.internal = 0
                       AND EXISTS (SELECT 1 FROM article_translations t WHERE t.article_id = a.id))
                        AS article_count
             FROM kb_categories c
             LEFT JOIN kb_category_translations l ON l.category_id = c.id AND l.locale = $1
             LEFT JOIN kb_category_translations o ON o.category_id = c.id AND o.locale <> $1
             ORDER BY COALESCE((SELECT p.position FROM kb_categories p WHERE p.id = c.parent_id), c.position),
                      c.parent_id IS NOT NULL, c.position, c.id",
        )
        .bind(locale.code())
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        rows.iter()
            .map(|r| {
                Ok(KbCategory {
                    slug: r.try_get("slug").map_err(db)?,
                    name: r.try_get("name").map_err(db)?,
                    description: r.try_get("description").map_err(db)?,
                    parent: r.try_get("parent").map_err(db)?,
                    article_count: r.try_get("article_count").map_err(db)?,
                })
            })
            .collect()
    }

    async fn kb_category(
        &self,
        slug: &str,
        locale: Locale,
    ) -> Result<Option<KbCategoryPage>, StoreError> {
        let all = self.kb_categories(locale).await?;
        let Some(category) = all.iter().find(|c| c.slug == slug).cloned() else {
            return Ok(None);
        };
        let parent = category
            .parent
            .as_ref()
            .and_then(|p| all.iter().find(|c| &c.slug == p))
            .cloned();
        let children = all
            .into_iter()
            .filter(|c| c.parent.as_deref() == Some(slug))
            .collect();
        let rows = sqlx::query(
            "SELECT a.id, a.slug, t.locale, t.title, t.summary
             FROM articles a
             JOIN kb_categories c ON c.id = a.category_id
             JOIN article_translations t ON t.article_id = a.id
             WHERE c.slug = $1 AND a.internal = 0
             ORDER BY a.position, a.id",
        )
        .bind(slug)
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        let articles = pick_translations(rows, locale)?;
        Ok(Some(KbCategoryPage {
            category,
            parent,
            children,
            articles,
        }))
    }

    async fn article(
        &self,
        slug: &str,
        locale: Locale,
        internal: bool,
    ) -> Result<Option<ArticleRecord>, StoreError> {
        let row = sqlx::query(
            "SELECT a.slug, t.locale, t.title, t.body_html, t.updated_at, c.slug AS category_slug,
                    COALESCE(ct.name, c.slug) AS category_name, p.slug AS parent_slug,
                    COALESCE(pt.name, p.slug) AS parent_name
             FROM articles a
             JOIN article_translations t ON t.article_id = a.id
             JOIN kb_categories c ON c.id = a.category_id
             LEFT JOIN kb_category_translations ct ON ct.category_id = c.id AND ct.locale = t.locale
             LEFT JOIN kb_categories p ON p.id = c.parent_id
             LEFT JOIN kb_category_translations pt ON pt.category_id = p.id AND pt.locale = t.locale
             WHERE a.slug = $1 AND (a.internal = 0 OR $3)
             ORDER BY CASE WHEN t.locale = $2 THEN 0 ELSE 1 END
             LIMIT 1",
        )
        .bind(slug)
        .bind(locale.code())
        .bind(internal)
        .fetch_optional(&self.pool)
        .await
        .map_err(db)?;
        row.map(|r| {
            Ok(ArticleRecord {
                slug: r.try_get("slug").map_err(db)?,
                title: r.try_get("title").map_err(db)?,
                body_html: r.try_get("body_html").map_err(db)?,
                category_slug: r.try_get("category_slug").map_err(db)?,
                category_name: r.try_get("category_name").map_err(db)?,
                parent: r
                    .try_get::<Option<String>, _>("parent_slug")
                    .map_err(db)?
                    .zip(r.try_get::<Option<String>, _>("parent_name").map_err(db)?),
                lang: locale_of(&r.try_get::<String, _>("locale").map_err(db)?)?,
                updated_at: from_ms(r.try_get("updated_at").map_err(db)?)?,
            })
        })
        .transpose()
    }

    async fn create_ticket(&self, insert: TicketInsert) -> Result<String, StoreError> {
        let number = super::tickets::insert_ticket(&self.writer, insert).await?;
        self.wake_notifier();
        Ok(number)
    }

    async fn ticket(&self, number: &str) -> Result<Option<GuardedTicket>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {TICKET_COLUMNS} FROM tickets WHERE number = $1"
        ))
        .bind(number)
        .fetch_optional(&self.pool)
        .await
        .map_err(db)?;
        row.map(|r| {
            Ok(GuardedTicket {
                view: ticket_view(&r)?,
                access_hash: r.try_get("access_hash").map_err(db)?,
                requester_id: r.try_get("requester_id").map_err(db)?,
                locale: locale_of(&r.try_get::<String, _>("locale").map_err(db)?)?,
            })
        })
        .transpose()
    }

    async fn tickets(&self, numbers: &[String]) -> Result<Vec<GuardedSummary>, StoreError> {
        if numbers.is_empty() {
            return Ok(Vec::new());
        }
        let placeholders: Vec<String> = (1..=numbers.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT {TICKET_COLUMNS} FROM tickets WHERE number IN ({}) ORDER BY created_at DESC, id DESC",
            placeholders.join(", ")
        );
        let mut q = sqlx::query(&sql);
        for n in numbers {
            q = q.bind(n);
        }
        let rows = q.fetch_all(&self.pool).await.map_err(db)?;
        rows.iter()
            .map(|r| {
                Ok(GuardedSummary {
                    summary: ticket_summary(r)?,
                    access_hash: r.try_get("access_hash").map_err(db)?,
                })
            })
            .collect()
    }

    async fn tickets_of(&self, requester_id: i64) -> Result<Vec<TicketSummary>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {TICKET_COLUMNS} FROM tickets WHERE requester_id = $1
             ORDER BY created_at DESC, id DESC LIMIT 500"
        ))
        .bind(requester_id)
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        rows.iter().map(ticket_summary).collect()
    }

    async fn all_tickets(&self, limit: i64) -> Result<Vec<TicketSummary>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {TICKET_COLUMNS} FROM tickets ORDER BY created_at DESC, id DESC LIMIT $1"
        ))
        .bind(limit)
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        rows.iter().map(ticket_summary).collect()
    }

    async fn ticket_events(
        &self,
        number: &str,
        internal: bool,
    ) -> Result<Vec<TicketEvent>, StoreError> {
        super::tickets::events(&self.pool, number, internal).await
    }

    async fn add_ticket_event(&self, e: NewTicketEvent) -> Result<(), StoreError> {
        super::tickets::append_event(&self.writer, e).await?;
        self.wake_notifier();
        Ok(())
    }

    async fn save_draft(
        &self,
        id: &str,
        json: &str,
        expires_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let mut tx = super::write_tx(&self.writer).await?;
        sqlx::query("DELETE FROM form_drafts WHERE expires_at < $1")
            .bind(to_ms(Utc::now()))
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        sqlx::query("INSERT INTO form_drafts (id, data_json, expires_at) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(json)
            .bind(to_ms(expires_at))
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        tx.commit().await.map_err(db)
    }

    async fn draft(&self, id: &str, now: DateTime<Utc>) -> Result<Option<String>, StoreError> {
        sqlx::query_scalar("SELECT data_json FROM form_drafts WHERE id = $1 AND expires_at >= $2")
            .bind(id)
            .bind(to_ms(now))
            .fetch_optional(&self.pool)
            .await
            .map_err(db)
    }
}
