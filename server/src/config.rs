//! Settings shared by every command, from flags or environment variables.

use clap::Args;

/// Where the data lives and how the portal is served.
#[derive(Args, Clone, Debug)]
pub struct Config {
    /// Database URL; the default is an SQLite file created on first start.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://data/helpdesk.db",
        global = true
    )]
    pub database_url: String,
    /// Mark cookies `Secure`; turn on when the portal is served over HTTPS.
    #[arg(long, env = "SECURE_COOKIES", default_value_t = false, global = true)]
    pub secure_cookies: bool,
    /// Largest request body accepted, in bytes.
    #[arg(long, env = "MAX_BODY_BYTES", default_value_t = 256 * 1024, global = true)]
    pub max_body_bytes: usize,
}

impl Config {
    /// Creates the folder of an SQLite file so a fresh checkout starts without set-up.
    pub fn ensure_sqlite_dir(&self) -> std::io::Result<()> {
        let path = self
            .database_url
            .strip_prefix("sqlite://")
            .or_else(|| self.database_url.strip_prefix("sqlite:"))
            .map(|rest| rest.split('?').next().unwrap_or_default());
        if let Some(parent) = path.and_then(|p| std::path::Path::new(p).parent()) {
            if !parent.as_os_str().is_empty() {
                std::fs::create_dir_all(parent)?;
            }
        }
        Ok(())
    }
}
