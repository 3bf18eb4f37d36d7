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
    /// Folder of the development outbox, where e-mails are written as files.
    #[arg(
        long,
        env = "MAIL_OUTBOX",
        default_value = "data/outbox",
        global = true
    )]
    pub mail_outbox: std::path::PathBuf,
    /// SMTP server for e-mail; empty: e-mail is written to the development outbox folder.
    #[arg(long, env = "SMTP_HOST", default_value = "", global = true)]
    pub smtp_host: String,
    /// SMTP port (587 for STARTTLS, 465 for TLS, 25 for a plain local relay).
    #[arg(long, env = "SMTP_PORT", default_value_t = 587, global = true)]
    pub smtp_port: u16,
    /// How the SMTP connection is secured.
    #[arg(
        long,
        env = "SMTP_TLS",
        value_enum,
        default_value = "starttls",
        global = true
    )]
    pub smtp_tls: crate::notify::mail::SmtpTls,
    /// SMTP user name; empty: no authentication.
    #[arg(long, env = "SMTP_USER", default_value = "", global = true)]
    pub smtp_user: String,
    /// SMTP password (prefer the environment variable to the flag).
    #[arg(
        long,
        env = "SMTP_PASSWORD",
        default_value = "",
        global = true,
        hide_env_values = true
    )]
    pub smtp_password: String,
    /// The From address of e-mail.
    #[arg(
        long,
        env = "MAIL_FROM",
        default_value = "IT 服务台 <helpdesk@localhost>",
        global = true
    )]
    pub mail_from: String,
    /// The first retry of a failed notification waits this long (milliseconds); each further
    /// one doubles, up to an hour.
    #[arg(long, env = "NOTIFY_RETRY_MS", default_value_t = 30_000, global = true)]
    pub notify_retry_ms: u64,
    /// How long a sender holds a notification (seconds); after a crash it is sent again then.
    #[arg(
        long,
        env = "NOTIFY_LEASE_SECONDS",
        default_value_t = 60,
        global = true
    )]
    pub notify_lease_seconds: i64,
    /// Folder of attached files, outside the web root.
    #[arg(long, env = "FILES_DIR", default_value = "data/files", global = true)]
    pub files_dir: std::path::PathBuf,
    /// An S3-compatible bucket for attached files instead of `FILES_DIR`; endpoint and
    /// credentials from the standard `AWS_ENDPOINT`, `AWS_REGION`, `AWS_ACCESS_KEY_ID`,
    /// `AWS_SECRET_ACCESS_KEY` (and `AWS_ALLOW_HTTP=true` for a plain-HTTP endpoint).
    #[arg(long, env = "FILES_S3_BUCKET", default_value = "", global = true)]
    pub files_s3_bucket: String,
    /// Folder of the knowledge base's search index; default: beside the SQLite file.
    #[arg(long, env = "SEARCH_DIR", global = true)]
    pub search_dir: Option<std::path::PathBuf>,
    /// The portal's public address for links in e-mails, e.g. https://help.example.com.
    /// Empty: the address the request came to.
    #[arg(long, env = "PUBLIC_URL", default_value = "", global = true)]
    pub public_url: String,
    /// Take client addresses from `X-Forwarded-For`; only behind a reverse proxy that sets it.
    #[arg(long, env = "TRUST_PROXY", default_value_t = false, global = true)]
    pub trust_proxy: bool,
    /// Multiplies every rate-limit allowance (1 in production; more for load tests).
    #[arg(long, env = "RATE_LIMIT_FACTOR", default_value_t = 1, global = true)]
    pub rate_limit_factor: u32,
    /// Sessions unused for this many minutes end.
    #[arg(
        long,
        env = "SESSION_IDLE_MINUTES",
        default_value_t = 480,
        global = true
    )]
    pub session_idle_minutes: i64,
    /// Sessions end this many hours after login, however active.
    #[arg(
        long,
        env = "SESSION_ABSOLUTE_HOURS",
        default_value_t = 168,
        global = true
    )]
    pub session_absolute_hours: i64,
    /// Token `/metrics` requires as `Authorization: Bearer …`; empty: metrics are open (serve
    /// them on an internal network only).
    #[arg(
        long,
        env = "METRICS_TOKEN",
        default_value = "",
        global = true,
        hide_env_values = true
    )]
    pub metrics_token: String,
    /// Log format: `text` for people, `json` (one object per line) for log collectors.
    #[arg(long, env = "LOG_FORMAT", default_value = "text", global = true)]
    pub log_format: String,
    /// Seconds between sweeps that flag SLA breaches and close quiet resolved tickets.
    #[arg(long, env = "SWEEP_SECONDS", default_value_t = 60, global = true)]
    pub sweep_seconds: u64,
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
