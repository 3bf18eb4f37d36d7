//! Parsing of the demo sources: a pipe-separated category list and Markdown with front matter.

use anyhow::{bail, Context};

/// A category line: slug, position, (name, description) per language, and its parent.
pub struct CategorySource<'a> {
    pub slug: &'a str,
    pub position: i64,
    /// The slug of the category above; `None` at the top.
    pub parent: Option<&'a str>,
    pub zh: (&'a str, &'a str),
    pub en: (&'a str, &'a str),
}

/// Parses `slug | position | zh name | zh description | en name | en description | parent`
/// lines; a parent must come before its children.
pub fn parse_categories(src: &str) -> anyhow::Result<Vec<CategorySource<'_>>> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|line| {
            let f: Vec<&str> = line.split('|').map(str::trim).collect();
            let [slug, position, zh_name, zh_desc, en_name, en_desc, parent] = f[..] else {
                bail!("category line needs seven fields: {line}");
            };
            Ok(CategorySource {
                slug,
                position: position.parse().context("category position")?,
                parent: Some(parent).filter(|p| !p.is_empty()),
                zh: (zh_name, zh_desc),
                en: (en_name, en_desc),
            })
        })
        .collect()
}

/// An article source: front matter fields and the Markdown body.
pub struct ArticleSource<'a> {
    pub category: &'a str,
    pub title: &'a str,
    pub summary: &'a str,
    /// Staff-only procedure (`internal: yes`), never shown to customers.
    pub internal: bool,
    /// Comma-separated `tags`, if any.
    pub tags: Vec<String>,
    /// `language`, when the front matter names it (exported files do).
    pub language: Option<&'a str>,
    pub body: &'a str,
}

/// Parses `---` front matter (`category`, `title`, `summary`) followed by the body.
pub fn parse_article(src: &str) -> anyhow::Result<ArticleSource<'_>> {
    let rest = src.strip_prefix("---\n").context("missing front matter")?;
    let (front, body) = rest
        .split_once("\n---\n")
        .context("unterminated front matter")?;
    let field = |name: &str| {
        front
            .lines()
            .find_map(|l| l.strip_prefix(name)?.strip_prefix(':').map(str::trim))
            .with_context(|| format!("front matter lacks {name}"))
    };
    Ok(ArticleSource {
        category: field("category")?,
        title: field("title")?,
        summary: field("summary")?,
        internal: field("internal").is_ok_and(|v| v == "yes"),
        language: field("language").ok(),
        tags: field("tags")
            .map(app::domain::kb::synonym_terms)
            .unwrap_or_default(),
        body: body.trim(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_demo_source_parses() {
        assert!(
            parse_categories(super::super::CATEGORIES)
                .expect("categories")
                .len()
                >= 3
        );
        for (slug, zh, en) in super::super::ARTICLES {
            for src in [zh, en] {
                let a = parse_article(src).unwrap_or_else(|e| panic!("{slug}: {e}"));
                assert!(!a.title.is_empty() && a.body.len() > 200, "{slug}");
            }
        }
    }

    #[test]
    fn front_matter_errors_are_reported() {
        assert!(parse_article("no front matter").is_err());
        assert!(parse_article("---\ntitle: x\n---\nbody").is_err());
    }
}
