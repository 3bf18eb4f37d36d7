//! Admin commands that work on the database directly: the first administrator, audit checks.

use crate::store::SqliteStore;
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
    store: &SqliteStore,
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
    store
        .append_audit(AuditEntry {
            at_ms: chrono::Utc::now().timestamp_millis(),
            actor_id: None,
            actor_label: "cli".into(),
            action: "staff.admin_created".into(),
            target: email.clone(),
            detail: format!("user:{id}"),
            source_ip: String::new(),
        })
        .await?;
    println!("administrator {email} created");
    if generated {
        println!("password (shown once, change it after logging in): {password}");
    }
    Ok(())
}

/// Walks the audit chain; an error (non-zero exit) names the first broken record.
pub async fn verify_audit(store: &SqliteStore) -> anyhow::Result<()> {
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
