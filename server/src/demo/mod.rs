//! Bilingual demo content from the manuals' fault-finding chapter (002 ch. 5).

pub(crate) mod parse;

use crate::store::{db, to_ms, SqlStore};
use anyhow::Context;
use parse::{parse_article, parse_categories};

const CATEGORIES: &str = include_str!("../../demo/categories.txt");

macro_rules! articles {
    ($($slug:literal),+ $(,)?) => {
        &[$(($slug,
            include_str!(concat!("../../demo/articles/", $slug, ".zh.md")),
            include_str!(concat!("../../demo/articles/", $slug, ".en.md")))),+]
    };
}

/// `(slug, Chinese source, English source)` in display order.
pub(crate) const ARTICLES: &[(&str, &str, &str)] = articles!(
    "power-check",
    "memory-reseat",
    "disk-check",
    "display-check",
    "mainboard-check",
    "blue-screen",
    "system-files",
    "software-conflict",
    "malware",
    "drivers",
    "slow-computer",
    "network-device",
    "network-cable",
    "ip-conflict",
    "network-config",
    "wifi-slow",
    "escalation-procedure",
    "printer-offline",
    "printer-paper-jam",
    "printer-install",
    "scan-to-folder",
    "keyboard-mouse",
    "projector",
    "laptop-battery",
    "overheating",
    "usb-drive",
    "outlook-password",
    "mailbox-full",
    "phishing",
    "office-activation",
    "file-recovery",
    "windows-update",
    "browser-cache",
    "meeting-audio",
    "software-request",
    "vpn-connect",
    "remote-desktop",
    "dns-issues",
    "shared-folder",
    "password-reset",
    "account-locked",
    "mfa-new-phone",
    "lost-device",
    "new-starter",
);

/// The shipped diagnosis flows, `(slug, JSON)`, from the same chapter.
pub const FLOWS: &[(&str, &str)] = &[
    (
        "computer-wont-start",
        include_str!("../../demo/flows/computer-wont-start.json"),
    ),
    (
        "program-fails-or-slow",
        include_str!("../../demo/flows/program-fails-or-slow.json"),
    ),
    (
        "cannot-get-online",
        include_str!("../../demo/flows/cannot-get-online.json"),
    ),
];

/// Loads the demo content: articles (unless the knowledge base has some), then the shipped
/// flows (unless there are flows).
pub async fn seed(store: &SqlStore) -> anyhow::Result<String> {
    let articles = seed_articles(store).await?;
    let flows = seed_flows(store).await?;
    Ok(format!("{articles}; {flows}"))
}

/// Publishes the shipped flows when there are none yet.
async fn seed_flows(store: &SqlStore) -> anyhow::Result<String> {
    use app::ports::FlowStore;
    let existing: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM flows")
        .fetch_one(store.pool())
        .await?;
    if existing > 0 {
        return Ok(format!(
            "demo flows skipped: {existing} flows already exist"
        ));
    }
    let mut files = Vec::new();
    for (slug, json) in FLOWS {
        let file = app::domain::flow_check::parse_file(json)
            .map_err(|p| anyhow::anyhow!("demo flow {slug} is invalid: {p:?}"))?;
        files.push(file);
    }
    let count = store.import_flows(&files, None, chrono::Utc::now()).await?;
    Ok(format!("{count} demo flows published"))
}

/// Loads the demo articles in one transaction, unless the knowledge base already has some.
async fn seed_articles(store: &SqlStore) -> anyhow::Result<String> {
    let pool = store.pool();
    let existing: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM articles")
        .fetch_one(pool)
        .await?;
    if existing > 0 {
        return Ok(format!(
            "demo content skipped: {existing} articles already exist"
        ));
    }
    let now = to_ms(chrono::Utc::now());
    let mut tx = pool.begin().await?;
    for c in parse_categories(CATEGORIES)? {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO kb_categories (slug, position, parent_id)
             VALUES ($1, $2, (SELECT id FROM kb_categories WHERE slug = $3)) RETURNING id",
        )
        .bind(c.slug)
        .bind(c.position)
        .bind(c.parent)
        .fetch_one(&mut *tx)
        .await?;
        for (locale, name, description) in [("zh", c.zh.0, c.zh.1), ("en", c.en.0, c.en.1)] {
            sqlx::query(
                "INSERT INTO kb_category_translations (category_id, locale, name, description)
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(id)
            .bind(locale)
            .bind(name)
            .bind(description)
            .execute(&mut *tx)
            .await?;
        }
    }
    for (position, (slug, zh, en)) in ARTICLES.iter().enumerate() {
        let zh = parse_article(zh).with_context(|| format!("demo article {slug}.zh"))?;
        let en = parse_article(en).with_context(|| format!("demo article {slug}.en"))?;
        let article_id: i64 = sqlx::query_scalar(
            "INSERT INTO articles (category_id, slug, position, created_at, internal)
             SELECT id, $2, $3, $4, $5 FROM kb_categories WHERE slug = $1
             RETURNING id",
        )
        .bind(zh.category)
        .bind(slug)
        .bind(i64::try_from(position)?)
        .bind(now)
        .bind(i64::from(zh.internal))
        .fetch_optional(&mut *tx)
        .await?
        .with_context(|| {
            format!(
                "demo article {slug} names an unknown category {}",
                zh.category
            )
        })?;
        for tag in &zh.tags {
            sqlx::query("INSERT INTO article_tags (article_id, tag) VALUES ($1, $2)")
                .bind(article_id)
                .bind(tag)
                .execute(&mut *tx)
                .await?;
        }
        for (locale, a) in [("zh", &zh), ("en", &en)] {
            let html = app::markdown::render(a.body);
            sqlx::query(
                "INSERT INTO article_translations
                     (article_id, locale, title, summary, body_md, body_html, version, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, 1, $7)",
            )
            .bind(article_id)
            .bind(locale)
            .bind(a.title)
            .bind(a.summary)
            .bind(a.body)
            .bind(&html)
            .bind(now)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
            sqlx::query(
                "INSERT INTO article_versions
                     (article_id, locale, version, title, summary, body_md, status, created_at)
                 VALUES ($1, $2, 1, $3, $4, $5, 'published', $6)",
            )
            .bind(article_id)
            .bind(locale)
            .bind(a.title)
            .bind(a.summary)
            .bind(a.body)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
    }
    tx.commit().await?;
    Ok(format!(
        "demo content loaded: {} articles in 2 languages",
        ARTICLES.len()
    ))
}
