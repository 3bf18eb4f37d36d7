//! What knowledge editors see: articles with their languages' state, versions, the review queue.

use super::diff::DiffLine;
use super::review::VersionStatus;
use serde::{Deserialize, Serialize};

/// One language of an article in the editors' list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguageState {
    pub locale: String,
    /// The version readers see, if any.
    pub published: Option<i64>,
    /// The version being worked on, if any, and where it stands.
    pub open: Option<(i64, VersionStatus)>,
}

/// An article in the editors' list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditorArticle {
    pub slug: String,
    pub title: String,
    pub category_slug: String,
    pub internal: bool,
    pub languages: Vec<LanguageState>,
}

/// One version in an article's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionInfo {
    pub version: i64,
    pub status: VersionStatus,
    pub title: String,
    pub author: String,
    pub author_id: Option<i64>,
    pub reviewer: String,
    pub comment: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
    /// Whether readers see this version now.
    pub live: bool,
}

/// The full text of one version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionText {
    pub info: VersionInfo,
    pub summary: String,
    pub body_md: String,
}

/// What the editor form starts from: the article's labels and the text to continue.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditorForm {
    /// Empty for a new article.
    pub slug: String,
    pub locale: String,
    pub category_slug: String,
    pub internal: bool,
    pub tags: String,
    /// Related articles' slugs, comma-separated.
    pub related: String,
    pub title: String,
    pub summary: String,
    pub body_md: String,
    /// The open version this text comes from, with its status and the reviewer's comment.
    pub open: Option<VersionInfo>,
    /// The version readers see in this language.
    pub published: Option<i64>,
}

/// A version waiting for review, with what it changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewItem {
    pub slug: String,
    pub locale: String,
    pub text: VersionText,
    /// Against the published text (everything added for a first version).
    pub diff: Vec<DiffLine>,
    /// The proposed text rendered as readers will see it (sanitised).
    pub preview_html: String,
}
