//! The store on SQL: an embedded SQLite file by default, or a shared PostgreSQL server.

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
use sqlx::any::AnyPoolOptions;
use sqlx::{AnyPool, Executor, Row};
use std::time::Duration;

use super::backend::sqlite_rwc;
pub use super::backend::{redact, Backend};

/// The SQL store, on SQLite or PostgreSQL (sqlx's `Any` driver; the SQL is written to run on both).
#[derive(Clone)]
pub struct SqlStore {
    pool: AnyPool,
    /// SQLite: one connection for write transactions, so writers queue here in order instead of
    /// polling SQLite's busy handler. PostgreSQL: the same pool (writers serialise on a lock).
    writer: AnyPool,
    backend: Backend,
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

/// SQLite settings for every connection: WAL; FULL sync, so a commit is on disk before the
/// customer is told the ticket exists; a busy timeout; enforced foreign keys.
const SQLITE_PRAGMAS: &str = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;
    PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;";

impl SqlStore {
    /// Opens the database at `url` (a SQLite file is created if missing), without migrating it.
    pub async fn open(url: &str) -> Result<Self, OpenError> {
        sqlx::any::install_default_drivers();
        let connect_err = |source| OpenError::Connect {
            url: redact(url),
            source,
        };
        let backend = Backend::of_url(url);
        let (pool, writer) = match backend {
            Backend::Sqlite => {
                let url = sqlite_rwc(url);
                let open = |max: u32| {
                    AnyPoolOptions::new()
                        .max_connections(max)
                        .after_connect(|conn, _| {
                            Box::pin(async move {
                                conn.execute(SQLITE_PRAGMAS).await?;
                                Ok(())
                            })
                        })
                        .connect(&url)
                };
                let pool = open(8).await.map_err(connect_err)?;
                let writer = open(1).await.map_err(connect_err)?;
                (pool, writer)
            }
            Backend::Postgres => {
                let pool = AnyPoolOptions::new()
                    .max_connections(16)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect(url)
                    .await
                    .map_err(connect_err)?;
                (pool.clone(), pool)
            }
        };
        Ok(Self {
            pool,
            writer,
            backend,
            audit_lock: Default::default(),
            notices: std::sync::Arc::new(tokio::sync::watch::channel(0).0),
        })
    }

    /// Applies the migrations that have not run yet.
    pub async fn migrate(&self) -> Result<(), OpenError> {
        self.migrator().run(&self.pool).await?;
        Ok(())
    }

    /// The migrations of this backend.
    pub fn migrator(&self) -> sqlx::migrate::Migrator {
        match self.backend {
            Backend::Sqlite => sqlx::migrate!("./migrations/sqlite"),
            Backend::Postgres => sqlx::migrate!("./migrations/postgres"),
        }
    }

    /// PostgreSQL: wakes this instance's sender and live hub whenever any instance commits a
    /// notice (LISTEN/NOTIFY), so events cross instances at once rather than at the next poll.
    pub fn listen_for_notices(&self) {
        if self.backend != Backend::Postgres {
            return;
        }
        let url = self.pool.connect_options().database_url.to_string();
        let store = self.clone();
        tokio::spawn(async move {
            loop {
                match sqlx::postgres::PgListener::connect(&url).await {
                    Ok(mut listener) => {
                        if let Err(e) = listener.listen(super::outbox::OUTBOX_CHANNEL).await {
                            tracing::warn!(error = %e, "cannot listen for notices");
                        } else {
                            while listener.recv().await.is_ok() {
                                store.wake_notifier();
                            }
                        }
                    }
                    Err(e) => tracing::warn!(error = %e, "cannot connect to listen for notices"),
                }
                // The hub polls every second meanwhile; reconnect shortly.
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        });
    }

    /// Which engine this store runs on.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The pool, for the demo seeder and admin commands.
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// The connection of write transactions.
    pub(super) fn writer(&self) -> &AnyPool {
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
impl Store for SqlStore {
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
