//! Knowledge-base types sent to the browser.

use serde::{Deserialize, Serialize};

/// A category with its article count, for browsing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KbCategory {
    pub slug: String,
    pub name: String,
    pub description: String,
    /// The category above this one; `None` at the top.
    pub parent: Option<String>,
    /// Public articles here and in the categories below.
    pub article_count: i64,
}

/// An article's title and teaser, for lists and search results.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleSummary {
    pub slug: String,
    pub title: String,
    pub summary: String,
}

/// A category page: the category and its articles.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KbCategoryPage {
    pub category: KbCategory,
    pub parent: Option<KbCategory>,
    pub children: Vec<KbCategory>,
    pub articles: Vec<ArticleSummary>,
}

/// An article ready to show; `body_html` is already rendered and sanitised on the server.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleView {
    pub slug: String,
    pub title: String,
    pub body_html: String,
    pub category_slug: String,
    pub category_name: String,
    /// The category above the article's, as (slug, name), for the breadcrumb.
    pub parent: Option<(String, String)>,
    /// Language the text is in; differs from the requested one when no translation exists.
    pub lang: String,
    pub updated_at: chrono::DateTime<chrono::Utc>,
    pub extras: ArticleExtras,
}

/// A piece of a search snippet; `hit` pieces are the words that matched.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnippetPart {
    pub text: String,
    pub hit: bool,
}

/// One search result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchHit {
    pub slug: String,
    pub title: String,
    /// The language of the text found.
    pub lang: String,
    pub category_slug: String,
    /// The passage around the matched words, or the summary when only the title matched.
    pub snippet: Vec<SnippetPart>,
}

/// Search hits under this prefix are diagnosis flows (`/diagnosis/<slug>`), not articles.
pub const FLOW_PREFIX: &str = "flow:";

impl SearchHit {
    /// Where the hit leads: an article or a diagnosis flow.
    pub fn href(&self) -> String {
        match self.slug.strip_prefix(FLOW_PREFIX) {
            Some(flow) => format!("/diagnosis/{flow}"),
            None => format!("/articles/{}", self.slug),
        }
    }

    /// Whether the hit is a diagnosis flow.
    pub fn is_flow(&self) -> bool {
        self.slug.starts_with(FLOW_PREFIX)
    }
}

/// A page of search results; `query_id` ties clicks on results to the logged query.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchResults {
    pub hits: Vec<SearchHit>,
    pub query_id: Option<i64>,
}

/// What readers made of an article, and where to go next.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleExtras {
    pub views: i64,
    pub helpful: i64,
    pub not_helpful: i64,
    pub tags: Vec<String>,
    pub related: Vec<ArticleSummary>,
}

/// A query as staff see it in the search analytics.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueryStat {
    pub query: String,
    pub searches: i64,
    /// Searches after which a result was opened.
    pub clicks: i64,
    /// Results the latest of these searches found.
    pub results: i64,
}

/// Top searches and the searches that found nothing, over a period.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchInsights {
    pub days: i64,
    pub total: i64,
    pub top: Vec<QueryStat>,
    pub empty: Vec<QueryStat>,
}

/// A query as it is kept: trimmed, lower-case, single-spaced, with e-mail addresses and long
/// numbers (phones, ID numbers) replaced, so the log holds no personal data. Error codes such
/// as 0x80070005 stay: they are what editors need to see.
pub fn loggable_query(query: &str) -> String {
    query
        .split_whitespace()
        .map(|w| {
            let digits = w.chars().filter(char::is_ascii_digit).count();
            let number_like = w.chars().all(|c| c.is_ascii_digit() || "+-().".contains(c));
            if w.contains('@') {
                "[email]".to_string()
            } else if digits >= 7 && number_like {
                "[number]".to_string()
            } else {
                w.to_lowercase()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(200)
        .collect()
}

/// The words of one synonym line: split on commas (either width) or 、, trimmed, lower-case.
pub fn synonym_terms(line: &str) -> Vec<String> {
    line.split([',', '，', '、'])
        .map(|t| t.trim().to_lowercase())
        .filter(|t| !t.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{loggable_query, synonym_terms};

    #[test]
    fn synonym_lines_split_on_either_comma() {
        assert_eq!(
            synonym_terms(" WiFi，无线网络, WLAN 、 ,"),
            vec!["wifi", "无线网络", "wlan"]
        );
    }

    #[test]
    fn logged_queries_keep_no_addresses_or_phone_numbers() {
        assert_eq!(
            loggable_query("  VPN   zhang.san@example.com 13812345678 error 0x80070005 "),
            "vpn [email] [number] error 0x80070005"
        );
        assert_eq!(loggable_query("打印机 无法连接"), "打印机 无法连接");
    }
}
