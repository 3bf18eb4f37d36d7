//! The development outbox: each e-mail becomes a file, until real delivery arrives.

use app::ports::{Mail, Mailer, StoreError};
use async_trait::async_trait;
use std::path::PathBuf;

/// Writes every message as an `.eml` file in a folder (see README, "Development outbox").
pub struct FileOutbox {
    dir: PathBuf,
}

impl FileOutbox {
    /// An outbox writing into `dir`, created on first use.
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        FileOutbox { dir: dir.into() }
    }
}

#[async_trait]
impl Mailer for FileOutbox {
    async fn send(&self, mail: Mail) -> Result<(), StoreError> {
        let io = |e: std::io::Error| StoreError::Database(format!("outbox: {e}"));
        tokio::fs::create_dir_all(&self.dir).await.map_err(io)?;
        let now = chrono::Utc::now();
        let name = format!(
            "{}-{:08x}.eml",
            now.format("%Y%m%dT%H%M%S%.3fZ"),
            rand::random::<u32>()
        );
        let text = format!(
            "To: {}\r\nSubject: {}\r\nDate: {}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{}",
            mail.to,
            mail.subject,
            now.to_rfc2822(),
            mail.body
        );
        // Write then rename, so a reader never sees half a message.
        let tmp = self.dir.join(format!(".{name}.tmp"));
        tokio::fs::write(&tmp, text).await.map_err(io)?;
        tokio::fs::rename(&tmp, self.dir.join(name))
            .await
            .map_err(io)?;
        Ok(())
    }
}
