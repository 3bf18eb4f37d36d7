//! The admin command line: `serve` (the default), `migrate`, `seed-demo`, `admin create`,
//! `admin token`, `admin revoke-token`, `audit verify`, `kb export`, `kb import`, `flows export`, `flows import`, `backup create|verify|verify-db|restore`.

use crate::config::Config;
use crate::store::SqlStore;
use anyhow::Context;
use clap::{Parser, Subcommand};

/// IT self-service support portal.
#[derive(Parser, Debug)]
#[command(version, about)]
pub struct Cli {
    #[command(flatten)]
    pub config: Config,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What to do.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Serve the portal (the default).
    Serve {
        /// Address to listen on; overrides LEPTOS_SITE_ADDR. Port 0 picks a free port.
        #[arg(long)]
        addr: Option<std::net::SocketAddr>,
        /// Load the demo content first when the database has no articles.
        #[arg(long)]
        demo: bool,
    },
    /// Apply pending database migrations and exit.
    Migrate,
    /// Load the bilingual demo content (skipped when articles already exist).
    SeedDemo,
    /// Manage staff accounts.
    #[command(subcommand)]
    Admin(AdminCommand),
    /// Check the audit trail.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Move the knowledge base in and out as Markdown files (for git).
    #[command(subcommand)]
    Kb(KbCommand),
    /// Move diagnosis flows in and out as JSON files (for git).
    #[command(subcommand)]
    Flows(FlowsCommand),
    /// Back up, check and restore the database with its files.
    #[command(subcommand)]
    Backup(BackupCommand),
}

/// Backup commands.
#[derive(Subcommand, Debug)]
pub enum BackupCommand {
    /// SQLite: copy the database (online and consistent, while the server runs) and the files
    /// into a new folder, with a manifest of row counts.
    Create { dir: std::path::PathBuf },
    /// Check a backup folder: integrity, row counts against its manifest, audit chain, files.
    Verify { dir: std::path::PathBuf },
    /// Check the database `DATABASE_URL` names (e.g. one pg_restore filled) and `FILES_DIR`.
    VerifyDb,
    /// SQLite: put a verified backup in place of the database and add its files (server stopped).
    Restore { dir: std::path::PathBuf },
}

/// Diagnosis-flow file commands.
#[derive(Subcommand, Debug)]
pub enum FlowsCommand {
    /// Write every live flow as `<slug>.json` (schema helpdesk-flow/1) into a folder.
    Export { dir: std::path::PathBuf },
    /// Publish the flows of a folder as new versions (unchanged ones are skipped); any problem
    /// in any file refuses the whole folder, naming file, node and reason.
    Import { dir: std::path::PathBuf },
}

/// Knowledge-base file commands.
#[derive(Subcommand, Debug)]
pub enum KbCommand {
    /// Write every published article (`<slug>.<lang>.md`) and `categories.txt` into a folder.
    Export { dir: std::path::PathBuf },
    /// Publish the articles of a folder written by `export` (or by hand); all or nothing.
    /// A running server picks the changes up in search at its next start.
    Import { dir: std::path::PathBuf },
}

/// Staff account commands.
#[derive(Subcommand, Debug)]
pub enum AdminCommand {
    /// Create an administrator (the first one comes from here, never from a default password).
    Create {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// Read the password from the first line of standard input; otherwise a random one is
        /// generated and printed once.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Issue a REST API token for an integration; it is printed once and stored only hashed.
    Token {
        /// What the integration is, e.g. "monitoring"; shown as the author of its tickets.
        #[arg(long)]
        name: String,
    },
    /// Revoke an integration's API token.
    RevokeToken {
        #[arg(long)]
        name: String,
    },
}

/// Audit trail commands.
#[derive(Subcommand, Debug)]
pub enum AuditCommand {
    /// Recompute the hash chain; report the first broken link and exit non-zero if any.
    Verify,
}

/// Logs to stderr, as text or (`json`) one JSON object per line with its fields; `RUST_LOG`
/// chooses the level (default `info`).
pub fn init_logging(format: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if format.eq_ignore_ascii_case("json") {
        builder.json().flatten_event(true).init();
    } else {
        builder.init();
    }
}

/// Opens the database and applies migrations; a failure stops everything with the reason.
async fn open_store(config: &Config) -> anyhow::Result<SqlStore> {
    config
        .ensure_sqlite_dir()
        .context("cannot create the folder of the database file")?;
    let store = SqlStore::open(&config.database_url).await?;
    store
        .migrate()
        .await
        .context("the database could not be brought up to date; the server was not started")?;
    Ok(store)
}

/// Runs one command.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let config = cli.config;
    match cli.command.unwrap_or(Command::Serve {
        addr: None,
        demo: false,
    }) {
        Command::Serve { addr, demo } => {
            let store = open_store(&config).await?;
            if demo {
                crate::demo::seed(&store).await?;
            }
            crate::router::serve(config, store, addr).await
        }
        Command::Migrate => {
            open_store(&config).await?;
            println!("migrations applied");
            Ok(())
        }
        Command::SeedDemo => {
            let store = open_store(&config).await?;
            let outcome = crate::demo::seed(&store).await?;
            println!("{outcome}");
            Ok(())
        }
        Command::Admin(AdminCommand::Create {
            email,
            name,
            password_stdin,
        }) => {
            let store = open_store(&config).await?;
            crate::admin::create_admin(&store, &email, &name, password_stdin).await
        }
        Command::Admin(AdminCommand::Token { name }) => {
            let store = open_store(&config).await?;
            crate::admin::issue_token(&store, &name).await
        }
        Command::Admin(AdminCommand::RevokeToken { name }) => {
            let store = open_store(&config).await?;
            crate::admin::revoke_token(&store, &name).await
        }
        Command::Audit(AuditCommand::Verify) => {
            let store = open_store(&config).await?;
            crate::admin::verify_audit(&store).await
        }
        Command::Kb(KbCommand::Export { dir }) => {
            let store = open_store(&config).await?;
            crate::admin::export_kb(&store, &dir).await
        }
        Command::Kb(KbCommand::Import { dir }) => {
            let store = open_store(&config).await?;
            crate::admin::import_kb(&store, &dir).await
        }
        Command::Flows(FlowsCommand::Export { dir }) => {
            let store = open_store(&config).await?;
            crate::admin::export_flows(&store, &dir).await
        }
        Command::Flows(FlowsCommand::Import { dir }) => {
            let store = open_store(&config).await?;
            crate::admin::import_flows(&store, &dir).await
        }
        Command::Backup(BackupCommand::Create { dir }) => {
            let store = open_store(&config).await?;
            crate::backup::create(&store, &config.files_dir, &dir).await
        }
        Command::Backup(BackupCommand::Verify { dir }) => crate::backup::verify(&dir).await,
        Command::Backup(BackupCommand::VerifyDb) => {
            let store = SqlStore::open(&config.database_url).await?;
            crate::backup::verify_db(&store, &config.files_dir).await
        }
        Command::Backup(BackupCommand::Restore { dir }) => {
            crate::backup::restore(&dir, &config.database_url, &config.files_dir).await
        }
    }
}
