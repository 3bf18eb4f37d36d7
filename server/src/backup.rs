//! `backup create | verify | restore`: an online, consistent copy of a SQLite database with the
//! attached files, a manifest of row counts, and the checks that prove a copy can be trusted.
//! PostgreSQL is backed up with pg_dump/pg_restore (docs/operations.md); `backup verify-db`
//! checks a restored database of either kind.

use crate::store::{Backend, SqlStore};
use anyhow::{bail, Context};
use app::ports::AuditStore;
use sqlx::Row;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The database file inside a backup folder.
const DB_FILE: &str = "helpdesk.db";
/// The manifest inside a backup folder.
const MANIFEST: &str = "manifest.json";

/// What a backup holds, written beside it and checked by `verify`.
#[derive(serde::Serialize, serde::Deserialize, Debug)]
struct Manifest {
    format: String,
    created_at: String,
    schema_version: i64,
    rows: BTreeMap<String, i64>,
    files: usize,
    file_bytes: u64,
}

/// Writes an online, consistent backup of the SQLite database and the files into `dir`.
pub async fn create(store: &SqlStore, files_dir: &Path, dir: &Path) -> anyhow::Result<()> {
    if store.backend() != Backend::Sqlite {
        bail!("on PostgreSQL, back up with pg_dump and the files folder (docs/operations.md)");
    }
    if dir.exists() && std::fs::read_dir(dir)?.next().is_some() {
        bail!("{} is not empty; choose a new folder", dir.display());
    }
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let target = dir.join(DB_FILE);
    let started = std::time::Instant::now();
    // VACUUM INTO reads one transaction's snapshot while writers go on, and writes a compact copy.
    sqlx::query("VACUUM INTO $1")
        .bind(target.to_string_lossy().to_string())
        .execute(store.pool())
        .await
        .context("the database copy failed")?;
    // Files after the snapshot: every file it names was written before it (files are written
    // before the row that names them) and files are never changed, only added or removed.
    let (files, file_bytes) = copy_tree(files_dir, &dir.join("files"))?;
    let copy = SqlStore::open(&sqlite_url(&target)).await?;
    let manifest = Manifest {
        format: "helpdesk-backup/1".into(),
        created_at: chrono::Utc::now().to_rfc3339(),
        schema_version: schema_version(&copy).await?,
        rows: row_counts(&copy).await?,
        files,
        file_bytes,
    };
    copy.pool().close().await;
    std::fs::write(dir.join(MANIFEST), serde_json::to_string_pretty(&manifest)?)?;
    println!(
        "backup written to {}: {} tickets, {} rows in all, {files} files ({file_bytes} bytes), {} ms",
        dir.display(),
        manifest.rows.get("tickets").copied().unwrap_or(0),
        manifest.rows.values().sum::<i64>(),
        started.elapsed().as_millis()
    );
    Ok(())
}

/// Checks a backup folder: database integrity, schema, row counts against the manifest, the
/// audit chain, and every stored file's presence and checksum.
pub async fn verify(dir: &Path) -> anyhow::Result<()> {
    let manifest: Manifest = serde_json::from_slice(
        &std::fs::read(dir.join(MANIFEST))
            .with_context(|| format!("no {MANIFEST} in {}", dir.display()))?,
    )
    .context("the manifest is not readable")?;
    let db = dir.join(DB_FILE);
    if !db.is_file() {
        bail!("no {DB_FILE} in {}", dir.display());
    }
    let store = SqlStore::open(&format!("{}?mode=ro", sqlite_url(&db))).await?;
    let mut problems = Vec::new();
    let check: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(store.pool())
        .await?;
    if check != "ok" {
        problems.push(format!("integrity check: {check}"));
    }
    let dangling = sqlx::query("PRAGMA foreign_key_check")
        .fetch_all(store.pool())
        .await?;
    if !dangling.is_empty() {
        problems.push(format!("{} rows point at missing rows", dangling.len()));
    }
    if schema_version(&store).await? != manifest.schema_version {
        problems.push("schema version differs from the manifest".into());
    }
    let rows = row_counts(&store).await?;
    for (table, n) in &manifest.rows {
        let found = rows.get(table).copied().unwrap_or(-1);
        if found != *n {
            problems.push(format!("{table}: {found} rows, the manifest says {n}"));
        }
    }
    problems.extend(common_checks(&store, &dir.join("files")).await?);
    store.pool().close().await;
    report(problems, &rows)
}

/// The same checks on a restored database (SQLite or PostgreSQL) and its files folder.
pub async fn verify_db(store: &SqlStore, files_dir: &Path) -> anyhow::Result<()> {
    let mut problems = Vec::new();
    if let Err(reason) = store.readiness().await {
        problems.push(reason);
    }
    problems.extend(common_checks(store, files_dir).await?);
    let rows = row_counts(store).await?;
    report(problems, &rows)
}

/// Restores a verified backup over the SQLite database at `database_url` and the files folder.
/// The server must be stopped.
pub async fn restore(dir: &Path, database_url: &str, files_dir: &Path) -> anyhow::Result<()> {
    if Backend::of_url(database_url) != Backend::Sqlite {
        bail!("restore a PostgreSQL database with pg_restore (docs/operations.md)");
    }
    verify(dir)
        .await
        .context("the backup did not verify; nothing was restored")?;
    let target = PathBuf::from(sqlite_path(database_url));
    if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    // Copy beside, then rename: a crash leaves either the old database or the new one.
    let staging = target.with_extension("restoring");
    std::fs::copy(dir.join(DB_FILE), &staging)?;
    for stale in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{stale}", target.display()));
    }
    std::fs::rename(&staging, &target)?;
    let (files, _) = copy_tree(&dir.join("files"), files_dir)?;
    println!(
        "restored {} and {files} files into {}; the search index is rebuilt at the next start",
        target.display(),
        files_dir.display()
    );
    Ok(())
}

/// Audit chain and files, for both kinds of verify.
async fn common_checks(store: &SqlStore, files_dir: &Path) -> anyhow::Result<Vec<String>> {
    let mut problems = Vec::new();
    match store.verify_audit().await? {
        Ok(n) => println!("audit trail intact: {n} records"),
        Err(app::domain::audit::ChainBreak::Altered { id })
        | Err(app::domain::audit::ChainBreak::Unlinked { id }) => {
            problems.push(format!("audit trail broken at record {id}"))
        }
    }
    let rows = sqlx::query(
        "SELECT storage_key, sha256, size_bytes FROM attachments
         UNION ALL SELECT display_key, '', -1 FROM attachments WHERE display_key IS NOT NULL
         UNION ALL SELECT storage_key, '', size FROM kb_images
         UNION ALL SELECT display_key, '', -1 FROM kb_images",
    )
    .fetch_all(store.pool())
    .await?;
    let mut checked = 0;
    for r in &rows {
        let key: String = r.try_get(0)?;
        let sha: String = r.try_get(1)?;
        let path = files_dir.join(key.get(..2).unwrap_or("")).join(&key);
        match std::fs::read(&path) {
            Err(_) => problems.push(format!("file {key} is missing")),
            Ok(bytes)
                if !sha.is_empty()
                    && hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&bytes)) != sha =>
            {
                problems.push(format!("file {key} does not match its checksum"))
            }
            Ok(_) => checked += 1,
        }
    }
    println!("files present: {checked} of {}", rows.len());
    Ok(problems)
}

fn report(problems: Vec<String>, rows: &BTreeMap<String, i64>) -> anyhow::Result<()> {
    println!(
        "rows: {}",
        rows.iter()
            .filter(|(_, n)| **n > 0)
            .map(|(t, n)| format!("{t} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    if problems.is_empty() {
        println!("backup verified");
        Ok(())
    } else {
        for p in &problems {
            println!("problem: {p}");
        }
        bail!("{} problem(s) found", problems.len())
    }
}

/// Rows per table of the portal's schema.
async fn row_counts(store: &SqlStore) -> anyhow::Result<BTreeMap<String, i64>> {
    let tables: Vec<String> = match store.backend() {
        Backend::Sqlite => sqlx::query_scalar(
            "SELECT name FROM sqlite_master WHERE type = 'table'
               AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_sqlx%' ORDER BY name",
        ),
        Backend::Postgres => sqlx::query_scalar(
            "SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema()
               AND tablename NOT LIKE '_sqlx%' ORDER BY tablename",
        ),
    }
    .fetch_all(store.pool())
    .await?;
    let mut out = BTreeMap::new();
    for t in tables {
        // Names come from the catalogue, not from input.
        let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM \"{t}\""))
            .fetch_one(store.pool())
            .await?;
        out.insert(t, n);
    }
    Ok(out)
}

async fn schema_version(store: &SqlStore) -> anyhow::Result<i64> {
    let v: Option<i64> =
        sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success")
            .fetch_one(store.pool())
            .await?;
    Ok(v.unwrap_or(0))
}

/// Copies every file under `from` into `to` (missing source: nothing); returns count and bytes.
fn copy_tree(from: &Path, to: &Path) -> anyhow::Result<(usize, u64)> {
    let mut count = 0;
    let mut bytes = 0;
    if !from.is_dir() {
        return Ok((0, 0));
    }
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let dest = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            let (c, b) = copy_tree(&entry.path(), &dest)?;
            count += c;
            bytes += b;
        } else if !dest.exists() {
            bytes += std::fs::copy(entry.path(), &dest)?;
            count += 1;
        } else {
            bytes += entry.metadata()?.len();
            count += 1;
        }
    }
    Ok((count, bytes))
}

fn sqlite_url(path: &Path) -> String {
    format!("sqlite://{}", path.display())
}

fn sqlite_path(url: &str) -> String {
    url.strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .unwrap_or(url)
        .split('?')
        .next()
        .unwrap_or_default()
        .to_string()
}
