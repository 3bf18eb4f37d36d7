//! Admin commands that work on the database directly: the first administrator, audit checks.

use crate::store::SqlStore;
use anyhow::{bail, Context};
use app::domain::account::normalise_email;
use app::domain::audit::{AuditEntry, ChainBreak};
use app::domain::auth::Role;
use app::domain::password::check_password;
use app::domain::validation::is_plausible_email;
use app::i18n::Locale;
use app::ports::{AccountStore, AuditStore, NewUser};

/// Creates an administrator with a password from stdin or a generated one printed once.
pub async fn create_admin(
    store: &SqlStore,
    email: &str,
    name: &str,
    password_stdin: bool,
) -> anyhow::Result<()> {
    let email = normalise_email(email);
    if !is_plausible_email(&email) {
        bail!("{email:?} is not an e-mail address");
    }
    if name.trim().is_empty() {
        bail!("the name must not be empty");
    }
    let (password, generated) = if password_stdin {
        let mut line = String::new();
        std::io::stdin()
            .read_line(&mut line)
            .context("cannot read the password from standard input")?;
        (line.trim_end_matches(['\r', '\n']).to_string(), false)
    } else {
        (generate_password(), true)
    };
    if let Err(problem) = check_password(&password, &email) {
        bail!("the password was refused: {problem:?} (at least 10 characters, not a common one, not containing the e-mail address)");
    }
    let hash = app::api::ssr::hash_password(password.clone())
        .await
        .map_err(anyhow::Error::msg)?;
    let id = store
        .create_user(NewUser {
            email: email.clone(),
            display_name: name.trim().to_string(),
            password_hash: hash,
            locale: Locale::Zh,
            roles: vec![Role::Admin],
            verified: true,
            created_at: chrono::Utc::now(),
        })
        .await?;
    let Some(id) = id else {
        bail!("an account with {email} already exists");
    };
    append_cli_audit(store, "staff.admin_created", &email, &format!("user:{id}")).await?;
    println!("administrator {email} created");
    if generated {
        println!("password (shown once, change it after logging in): {password}");
    }
    Ok(())
}

/// Walks the audit chain; an error (non-zero exit) names the first broken record.
pub async fn verify_audit(store: &SqlStore) -> anyhow::Result<()> {
    match store.verify_audit().await? {
        Ok(count) => {
            println!("audit trail intact: {count} records");
            Ok(())
        }
        Err(ChainBreak::Altered { id }) => {
            bail!(
                "audit trail broken at record {id}: its contents were changed after it was written"
            )
        }
        Err(ChainBreak::Unlinked { id }) => {
            bail!("audit trail broken at record {id}: the record before it was removed, inserted or changed")
        }
    }
}

/// 20 characters from an alphabet without look-alikes.
fn generate_password() -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::rng();
    (0..20)
        .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
        .collect()
}

/// Issues an API token for the integration `name` and prints it once.
pub async fn issue_token(store: &SqlStore, name: &str) -> anyhow::Result<()> {
    use app::ports::IntegrationStore;
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 80 {
        bail!("the name must be 1 to 80 characters");
    }
    let token = format!("hd_{}", app::api::ssr::random_token());
    let hash = app::api::ssr::token_hash(&token);
    if !store
        .create_api_token(name, &hash, chrono::Utc::now())
        .await?
    {
        bail!("an integration called {name:?} already has a live token; revoke it first");
    }
    append_cli_audit(store, "integration.token", name, "API token issued").await?;
    println!("API token for {name} (shown once; send it as 'Authorization: Bearer <token>'):");
    println!("{token}");
    Ok(())
}

/// Revokes the integration's live token.
pub async fn revoke_token(store: &SqlStore, name: &str) -> anyhow::Result<()> {
    use app::ports::IntegrationStore;
    if !store
        .revoke_api_token(name.trim(), chrono::Utc::now())
        .await?
    {
        bail!("no live token is called {name:?}");
    }
    append_cli_audit(store, "integration.revoke", name, "API token revoked").await?;
    println!("revoked the API token of {name}");
    Ok(())
}

/// Writes the knowledge base into `dir` as Markdown files.
pub async fn export_kb(store: &SqlStore, dir: &std::path::Path) -> anyhow::Result<()> {
    use crate::kb_files::{format_article, format_categories, CATEGORIES_FILE};
    let (categories, articles) = store.export_articles().await?;
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join(CATEGORIES_FILE), format_categories(&categories))?;
    for a in &articles {
        let name = format!("{}.{}.md", a.slug, a.lang.code());
        std::fs::write(dir.join(name), format_article(a))?;
    }
    println!(
        "exported {} categories and {} article texts to {}",
        categories.len(),
        articles.len(),
        dir.display()
    );
    Ok(())
}

/// Publishes a folder of Markdown files; any bad file refuses the whole folder, listing each.
pub async fn import_kb(store: &SqlStore, dir: &std::path::Path) -> anyhow::Result<()> {
    let (categories, articles) = match crate::kb_files::read_folder(dir) {
        Ok(read) => read,
        Err(problems) => {
            for p in &problems {
                eprintln!("{p}");
            }
            bail!("nothing imported: {} files have problems", problems.len());
        }
    };
    let report = store.import_articles(&categories, &articles).await?;
    if !report.unknown_categories.is_empty() {
        for p in &report.unknown_categories {
            eprintln!("unknown category in {p}");
        }
        bail!(
            "nothing imported: {} files name unknown categories (add them to categories.txt)",
            report.unknown_categories.len()
        );
    }
    let detail = format!(
        "{} categories, {} texts published, {} unchanged",
        report.categories, report.published, report.unchanged
    );
    append_cli_audit(store, "kb.import", &dir.display().to_string(), &detail).await?;
    println!("imported from {}: {detail}", dir.display());
    Ok(())
}

/// Writes every live flow as `<slug>.json`.
pub async fn export_flows(store: &SqlStore, dir: &std::path::Path) -> anyhow::Result<()> {
    use app::domain::flow::{FlowFile, SCHEMA};
    use app::ports::FlowStore;
    std::fs::create_dir_all(dir)?;
    let mut count = 0;
    for summary in store.flows(false).await? {
        let Some(flow) = store.live_flow(&summary.slug).await? else {
            continue;
        };
        let file = FlowFile {
            schema: SCHEMA.into(),
            slug: flow.slug.clone(),
            graph: flow.graph,
        };
        let text = crate::flow_files::format_flow(&file)?;
        std::fs::write(dir.join(format!("{}.json", flow.slug)), text)?;
        count += 1;
    }
    println!("exported {count} flows to {}", dir.display());
    Ok(())
}

/// Publishes a folder of flow files; any problem refuses the whole folder, listing each.
pub async fn import_flows(store: &SqlStore, dir: &std::path::Path) -> anyhow::Result<()> {
    use app::ports::FlowStore;
    let files = match crate::flow_files::read_folder(dir) {
        Ok(files) => files,
        Err(problems) => {
            for p in &problems {
                eprintln!("{p}");
            }
            bail!("nothing imported: {} problems", problems.len());
        }
    };
    let missing = crate::flow_files::missing_articles(store, &files).await?;
    if !missing.is_empty() {
        for p in &missing {
            eprintln!("{p}");
        }
        bail!("nothing imported: {} problems", missing.len());
    }
    let changed = store.import_flows(&files, None, chrono::Utc::now()).await?;
    let detail = format!(
        "{changed} flows published, {} unchanged",
        files.len() - changed
    );
    append_cli_audit(store, "flow.import", &dir.display().to_string(), &detail).await?;
    println!("imported from {}: {detail}", dir.display());
    Ok(())
}

/// Appends an audit record for something done from the command line.
async fn append_cli_audit(
    store: &SqlStore,
    action: &str,
    target: &str,
    detail: &str,
) -> anyhow::Result<()> {
    store
        .append_audit(AuditEntry {
            at_ms: chrono::Utc::now().timestamp_millis(),
            actor_id: None,
            actor_label: "cli".into(),
            action: action.into(),
            target: target.into(),
            detail: detail.into(),
            source_ip: String::new(),
        })
        .await?;
    Ok(())
}
