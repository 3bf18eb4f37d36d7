//! Markdown to safe HTML, for articles (server only).

use pulldown_cmark::{html, Options, Parser};

/// Renders Markdown and strips anything that could run script or break the page.
pub fn render(markdown: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_TASKLISTS);
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut raw, Parser::new_ext(markdown, options));
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer nofollow"))
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .clean(&raw)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn renders_markdown() {
        let html = render("# 标题\n\n1. 检查**电源**\n2. Reseat the memory\n");
        assert!(html.contains("<h1>标题</h1>"));
        assert!(html.contains("<strong>电源</strong>"));
        assert!(html.contains("<ol>"));
    }

    #[test]
    fn strips_scripts_handlers_and_javascript_links() {
        let html = render(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))",
        );
        assert!(!html.contains("<script"));
        assert!(!html.contains("onerror"));
        assert!(!html.contains("javascript:"));
    }
}
