//! The knowledge base's full-text index (tantivy). It is a cache of the database: rebuilt at start
//! when missing or stale, updated at once on publish and unpublish, never the only copy.

mod analyzer;
mod fields;
mod plan;
mod query;

pub use plan::{typo_distance, Planner};

use crate::store::{SearchDoc, SqlStore};
use app::domain::kb::SearchHit;
use app::ports::{Search, SearchRequest, StoreError};
use async_trait::async_trait;
use fields::Fields;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, Term};

/// Bumped when the schema or the analysers change, so an old index is rebuilt.
const FORMAT: &str = "kb-1";
/// Memory the writer may buffer before it flushes a segment.
const WRITER_BYTES: usize = 64 * 1024 * 1024;

/// A search failure; the message is for the log.
fn failed(err: impl std::fmt::Display) -> StoreError {
    StoreError::Database(format!("search index: {err}"))
}

/// The index, its reader and its single writer.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    writer: Arc<Mutex<IndexWriter>>,
    fields: Fields,
    synonyms: RwLock<Vec<Vec<String>>>,
    store: SqlStore,
}

impl SearchIndex {
    /// Opens the index in `dir`, rebuilding it from the database when missing, unreadable or
    /// built from other data. Returns the index and how many texts were (re)indexed.
    pub async fn open(dir: &Path, store: SqlStore) -> anyhow::Result<(Self, usize)> {
        let fields = Fields::schema();
        let (index, fresh) = open_or_create(dir, &fields)?;
        fields::register(&index);
        let writer: IndexWriter = index.writer(WRITER_BYTES)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let this = Self {
            index,
            reader,
            writer: Arc::new(Mutex::new(writer)),
            fields,
            synonyms: RwLock::new(store.synonyms().await?),
            store,
        };
        let wanted = this.fingerprint().await?;
        let built = this.index.load_metas()?.payload;
        let mut indexed = 0;
        if fresh || built.as_deref() != Some(wanted.as_str()) {
            indexed = this.rebuild().await?;
        }
        Ok((this, indexed))
    }

    /// Replaces the whole index with the database's published texts.
    pub async fn rebuild(&self) -> Result<usize, StoreError> {
        let docs = self.store.search_docs(None).await?;
        let count = docs.len();
        self.write(None, docs).await?;
        Ok(count)
    }

    async fn fingerprint(&self) -> Result<String, StoreError> {
        Ok(format!(
            "{FORMAT}:{}",
            self.store.search_fingerprint().await?
        ))
    }

    /// Keeps this index in step with what other instances write to the same database: every
    /// `every`, reloads the synonyms and rebuilds the index when the database's fingerprint is
    /// not the one it was built from. (This instance's own changes update it at once.)
    pub fn follow(self: Arc<Self>, every: std::time::Duration) {
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(every).await;
                if let Err(e) = self.catch_up().await {
                    tracing::warn!(error = %e, "search index: cannot catch up; retrying");
                }
            }
        });
    }

    async fn catch_up(&self) -> Result<(), StoreError> {
        let groups = self.store.synonyms().await?;
        self.set_synonyms(groups).await;
        let wanted = self.fingerprint().await?;
        let built = self.index.load_metas().map_err(failed)?.payload;
        if built.as_deref() != Some(wanted.as_str()) {
            let n = self.rebuild().await?;
            tracing::info!("search index caught up with another instance: {n} texts");
        }
        Ok(())
    }

    /// Deletes `slug`'s entries (all when `None`), adds `docs`, commits and reloads the reader.
    async fn write(&self, slug: Option<&str>, docs: Vec<SearchDoc>) -> Result<(), StoreError> {
        let payload = self.fingerprint().await?;
        let writer = Arc::clone(&self.writer);
        let fields = self.fields.clone();
        let slug = slug.map(str::to_string);
        tokio::task::spawn_blocking(move || -> Result<(), StoreError> {
            let mut writer = writer.lock().map_err(failed)?;
            match &slug {
                Some(slug) => {
                    writer.delete_term(Term::from_field_text(fields.slug, slug));
                }
                None => {
                    writer.delete_all_documents().map_err(failed)?;
                }
            }
            for doc in &docs {
                writer.add_document(fields.document(doc)).map_err(failed)?;
            }
            let mut commit = writer.prepare_commit().map_err(failed)?;
            commit.set_payload(&payload);
            commit.commit().map_err(failed)?;
            Ok(())
        })
        .await
        .map_err(failed)??;
        self.reader.reload().map_err(failed)
    }
}

#[async_trait]
impl Search for SearchIndex {
    async fn search(&self, request: SearchRequest) -> Result<Vec<SearchHit>, StoreError> {
        let synonyms = self.synonyms.read().map_err(failed)?.clone();
        let searcher = self.reader.searcher();
        query::run(&searcher, &self.fields, &request, &synonyms).map_err(failed)
    }

    async fn refresh(&self, slug: &str) -> Result<(), StoreError> {
        let docs = self.store.search_docs(Some(slug)).await?;
        self.write(Some(slug), docs).await
    }

    async fn set_synonyms(&self, groups: Vec<Vec<String>>) {
        if let Ok(mut current) = self.synonyms.write() {
            *current = groups;
        }
    }
}

/// Opens an existing index with the current schema, or starts an empty one (`true`).
fn open_or_create(dir: &Path, fields: &Fields) -> anyhow::Result<(Index, bool)> {
    if dir.join("meta.json").exists() {
        match Index::open_in_dir(dir) {
            Ok(index) if index.schema() == fields.schema => return Ok((index, false)),
            Ok(_) => tracing::info!("search index has an older schema; rebuilding"),
            Err(err) => tracing::warn!("search index unreadable ({err}); rebuilding"),
        }
        std::fs::remove_dir_all(dir)?;
    }
    std::fs::create_dir_all(dir)?;
    Ok((Index::create_in_dir(dir, fields.schema.clone())?, true))
}

/// Where the index lives by default: beside the SQLite file, or under `data/`.
pub fn default_dir(database_url: &str) -> PathBuf {
    database_url
        .strip_prefix("sqlite://")
        .or_else(|| database_url.strip_prefix("sqlite:"))
        .map(|rest| rest.split('?').next().unwrap_or_default())
        .filter(|p| !p.is_empty() && *p != ":memory:")
        .map(|p| PathBuf::from(format!("{p}.search")))
        .unwrap_or_else(|| PathBuf::from("data/search"))
}
