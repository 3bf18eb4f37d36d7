//! Knowledge-base types sent to the browser.

use serde::{Deserialize, Serialize};

/// A category with its article count, for browsing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KbCategory {
    pub slug: String,
    pub name: String,
    pub description: String,
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
    /// Language the text is in; differs from the requested one when no translation exists.
    pub lang: String,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}
