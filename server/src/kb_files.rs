//! The knowledge base as a folder of Markdown files, so it can live in git: one file per article
//! and language (`<slug>.<lang>.md`) with front matter, and `categories.txt` for the tree.

use crate::demo::parse::{parse_article, parse_categories};
use app::domain::review::{check_slug, check_tags, check_text};
use app::i18n::Locale;
use std::path::Path;

/// Name of the category list inside an exported folder.
pub const CATEGORIES_FILE: &str = "categories.txt";

/// One language of one article, as read from or written to a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleFile {
    pub slug: String,
    pub lang: Locale,
    pub category: String,
    pub title: String,
    pub summary: String,
    pub tags: Vec<String>,
    pub internal: bool,
    pub body_md: String,
}

/// A category line of `categories.txt`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CategoryLine {
    pub slug: String,
    pub position: i64,
    pub zh: (String, String),
    pub en: (String, String),
    pub parent: Option<String>,
}

/// Everything in a folder, or every problem found in it (file and reason).
pub fn read_folder(dir: &Path) -> Result<(Vec<CategoryLine>, Vec<ArticleFile>), Vec<String>> {
    let mut problems = Vec::new();
    let mut categories = Vec::new();
    let list = dir.join(CATEGORIES_FILE);
    if list.exists() {
        match std::fs::read_to_string(&list).map_err(|e| e.to_string()) {
            Ok(text) => match parse_categories(&text) {
                Ok(lines) => {
                    categories = lines
                        .into_iter()
                        .map(|c| CategoryLine {
                            slug: c.slug.to_string(),
                            position: c.position,
                            zh: (c.zh.0.to_string(), c.zh.1.to_string()),
                            en: (c.en.0.to_string(), c.en.1.to_string()),
                            parent: c.parent.map(str::to_string),
                        })
                        .collect();
                }
                Err(e) => problems.push(format!("{CATEGORIES_FILE}: {e:#}")),
            },
            Err(e) => problems.push(format!("{CATEGORIES_FILE}: {e}")),
        }
    }
    let mut names: Vec<_> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .collect(),
        Err(e) => return Err(vec![format!("{}: {e}", dir.display())]),
    };
    names.sort();
    let mut articles = Vec::new();
    for path in names {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        match read_article(&path, &name) {
            Ok(a) => articles.push(a),
            Err(e) => problems.push(format!("{name}: {e}")),
        }
    }
    if problems.is_empty() {
        Ok((categories, articles))
    } else {
        Err(problems)
    }
}

/// Reads and checks one `<slug>.<lang>.md` file.
fn read_article(path: &Path, name: &str) -> Result<ArticleFile, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let text = text.replace("\r\n", "\n");
    let src = parse_article(&text).map_err(|e| format!("{e:#}"))?;
    let stem = name.trim_end_matches(".md");
    let (slug, lang_code) = stem
        .rsplit_once('.')
        .ok_or("the name must be <slug>.<zh|en>.md")?;
    let lang =
        Locale::parse(src.language.unwrap_or(lang_code)).ok_or("the language must be zh or en")?;
    let slug = check_slug(slug)
        .map_err(|_| "the slug may use 3–80 lower-case letters, digits and hyphens")?;
    let why = |p| Locale::En.strings().editor.problem(p).to_string();
    let checked = check_text(src.title, src.summary, src.body).map_err(why)?;
    let tags = check_tags(&src.tags.join(",")).map_err(why)?;
    Ok(ArticleFile {
        slug,
        lang,
        category: src.category.to_string(),
        title: checked.title,
        summary: checked.summary,
        tags,
        internal: src.internal,
        body_md: checked.body_md,
    })
}

/// The file text of one article language.
pub fn format_article(a: &ArticleFile) -> String {
    let one_line = |s: &str| s.replace(['\n', '\r'], " ");
    let mut out = format!(
        "---\ncategory: {}\nlanguage: {}\ntitle: {}\nsummary: {}\n",
        a.category,
        a.lang.code(),
        one_line(&a.title),
        one_line(&a.summary)
    );
    if !a.tags.is_empty() {
        out.push_str(&format!("tags: {}\n", a.tags.join(", ")));
    }
    if a.internal {
        out.push_str("internal: yes\n");
    }
    out.push_str("---\n");
    out.push_str(a.body_md.trim_end());
    out.push('\n');
    out
}

/// The text of `categories.txt`.
pub fn format_categories(lines: &[CategoryLine]) -> String {
    let mut out = String::from(
        "# slug | position | zh name | zh description | en name | en description | parent slug\n",
    );
    for c in lines {
        out.push_str(&format!(
            "{} | {} | {} | {} | {} | {} | {}\n",
            c.slug,
            c.position,
            c.zh.0,
            c.zh.1,
            c.en.0,
            c.en.1,
            c.parent.as_deref().unwrap_or("")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> ArticleFile {
        ArticleFile {
            slug: "vpn-token".into(),
            lang: Locale::Zh,
            category: "vpn".into(),
            title: "令牌过期".into(),
            summary: "重新绑定".into(),
            tags: vec!["vpn".into(), "令牌".into()],
            internal: true,
            body_md: "## 步骤\n1. 重新绑定。".into(),
        }
    }

    #[test]
    fn an_exported_file_reads_back_the_same() {
        let dir = std::env::temp_dir().join(format!("kb-files-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        std::fs::write(dir.join("vpn-token.zh.md"), format_article(&sample())).expect("write");
        let (_, articles) = read_folder(&dir).expect("read");
        assert_eq!(articles, vec![sample()]);
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn every_bad_file_is_named_with_its_reason() {
        let dir = std::env::temp_dir().join(format!("kb-bad-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        std::fs::write(dir.join("Bad Slug.zh.md"), format_article(&sample())).expect("write");
        std::fs::write(dir.join("no-front.en.md"), "just text").expect("write");
        std::fs::write(
            dir.join("fine.xx.md"),
            format_article(&sample()).replace("language: zh\n", ""),
        )
        .expect("write");
        let problems = read_folder(&dir).expect_err("refused");
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems
            .iter()
            .any(|p| p.starts_with("Bad Slug.zh.md: the slug")));
        assert!(problems
            .iter()
            .any(|p| p.starts_with("no-front.en.md: missing front matter")));
        assert!(problems
            .iter()
            .any(|p| p.starts_with("fine.xx.md: the language")));
        std::fs::remove_dir_all(&dir).ok();
    }
}
