//! Attached files: the bytes (kept outside the web root) and their records.

use super::StoreError;
use crate::domain::attachment::{FileKind, StagedFile};
use async_trait::async_trait;
use chrono::{DateTime, Utc};

/// Where a file's bytes were put.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredFile {
    pub key: String,
    /// A downscaled copy for display (images only).
    pub display_key: Option<String>,
    pub sha256: String,
}

/// Why bytes could not be kept or read.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// The content claims to be an image but does not decode as one.
    #[error("not a readable image: {0}")]
    Unreadable(String),
    #[error("file storage failed: {0}")]
    Io(String),
}

/// The bytes of attached files.
#[async_trait]
pub trait FileBytes: Send + Sync {
    /// Keeps a file whose kind was already checked; images also get a display copy.
    async fn put(&self, bytes: Vec<u8>, kind: FileKind) -> Result<StoredFile, FileError>;
    /// Reads a kept file.
    async fn read(&self, key: &str) -> Result<Vec<u8>, FileError>;
    /// Removes a kept file (missing ones are fine).
    async fn remove(&self, key: &str) -> Result<(), FileError>;
}

/// A staged file as stored: the token's hash, never the token.
#[derive(Clone, Debug)]
pub struct StagedRecord {
    pub token_hash: String,
    pub file: StagedFile,
    pub stored: StoredFile,
    pub at: DateTime<Utc>,
}

/// An attachment with what decides who may open it.
#[derive(Clone, Debug)]
pub struct AttachmentRecord {
    pub id: i64,
    pub ticket_number: String,
    /// Attached to an internal note: staff only.
    pub internal: bool,
    pub name: String,
    pub kind: FileKind,
    pub size: i64,
    pub storage_key: String,
    pub display_key: Option<String>,
}

/// Records of attached files.
#[async_trait]
pub trait FileStore: Send + Sync {
    /// Records a file the picker uploaded, until its message claims it.
    async fn stage_file(&self, record: StagedRecord) -> Result<(), StoreError>;
    /// Drops staged files older than `before` and returns their storage keys.
    async fn expire_staged(&self, before: DateTime<Utc>) -> Result<Vec<String>, StoreError>;
    /// An attachment by id.
    async fn attachment(&self, id: i64) -> Result<Option<AttachmentRecord>, StoreError>;
}
