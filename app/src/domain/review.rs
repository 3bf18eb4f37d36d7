//! The article workflow of manual ch. 6: write → submit → review → publish, or back to the
//! author with a comment. Published versions never change; a roll-back publishes a copy.

use serde::{Deserialize, Serialize};

/// Longest title, summary and tag, in characters; longest text, in bytes; most tags.
pub const MAX_TITLE: usize = 200;
pub const MAX_SUMMARY: usize = 300;
pub const MAX_BODY_BYTES: usize = 200_000;
pub const MAX_TAG: usize = 30;
pub const MAX_TAGS: usize = 12;
/// Largest image an editor may upload for an article, in bytes.
pub const MAX_IMAGE_BYTES: usize = 5 * 1024 * 1024;

/// Where a version of an article's text stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VersionStatus {
    Draft,
    InReview,
    Published,
    /// Sent back by a reviewer; the author edits it and submits again.
    Rejected,
}

impl VersionStatus {
    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::InReview => "in_review",
            Self::Published => "published",
            Self::Rejected => "rejected",
        }
    }

    /// Parses a stored code.
    pub fn from_code(code: &str) -> Option<Self> {
        [Self::Draft, Self::InReview, Self::Published, Self::Rejected]
            .into_iter()
            .find(|s| s.code() == code)
    }

    /// A version still being worked on, of which an article has at most one per language.
    pub fn is_open(self) -> bool {
        !matches!(self, Self::Published)
    }
}

/// What someone does to a version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewAction {
    Save,
    Submit,
    Withdraw,
    Approve,
    SendBack,
}

/// Why a step was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewProblem {
    /// Not possible from the version's current status (e.g. editing while in review).
    WrongStatus,
    /// Reviewers may not approve their own text (unless an admin allowed it).
    OwnWork,
    /// Sending back needs a comment saying what to change.
    CommentMissing,
    TitleMissing,
    TitleTooLong,
    SummaryTooLong,
    BodyMissing,
    BodyTooLong,
    SlugInvalid,
    TooManyTags,
    TagTooLong,
    /// Nothing to act on: no such version or article.
    NotFound,
}

/// The status after `action`, or why it is not allowed.
pub fn step(from: VersionStatus, action: ReviewAction) -> Result<VersionStatus, ReviewProblem> {
    use ReviewAction::*;
    use VersionStatus::*;
    match (from, action) {
        (Draft | Rejected, Save) => Ok(Draft),
        (Draft | Rejected, Submit) => Ok(InReview),
        (InReview, Withdraw) => Ok(Draft),
        (InReview, Approve) => Ok(Published),
        (InReview, SendBack) => Ok(Rejected),
        _ => Err(ReviewProblem::WrongStatus),
    }
}

/// May `reviewer` approve or send back a text `author` wrote?
pub fn check_reviewer(
    author: Option<i64>,
    reviewer: i64,
    self_review_allowed: bool,
) -> Result<(), ReviewProblem> {
    if author == Some(reviewer) && !self_review_allowed {
        Err(ReviewProblem::OwnWork)
    } else {
        Ok(())
    }
}

/// An article's text and labels as an editor submits them, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleText {
    pub title: String,
    pub summary: String,
    pub body_md: String,
}

/// Trims and checks a text; the first problem found is returned.
pub fn check_text(title: &str, summary: &str, body_md: &str) -> Result<ArticleText, ReviewProblem> {
    let title = title.trim();
    let summary = summary.trim();
    if title.is_empty() {
        return Err(ReviewProblem::TitleMissing);
    }
    if title.chars().count() > MAX_TITLE {
        return Err(ReviewProblem::TitleTooLong);
    }
    if summary.chars().count() > MAX_SUMMARY {
        return Err(ReviewProblem::SummaryTooLong);
    }
    if body_md.trim().is_empty() {
        return Err(ReviewProblem::BodyMissing);
    }
    if body_md.len() > MAX_BODY_BYTES {
        return Err(ReviewProblem::BodyTooLong);
    }
    Ok(ArticleText {
        title: title.to_string(),
        summary: summary.to_string(),
        body_md: body_md.replace("\r\n", "\n"),
    })
}

/// A slug: 3–80 lower-case letters, digits and single hyphens, as in `/articles/wifi-slow`.
pub fn check_slug(slug: &str) -> Result<String, ReviewProblem> {
    let slug = slug.trim();
    let ok = (3..=80).contains(&slug.len())
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--");
    if ok {
        Ok(slug.to_string())
    } else {
        Err(ReviewProblem::SlugInvalid)
    }
}

/// Tags from a comma-separated list: trimmed, lower-case, unique, in order.
pub fn check_tags(list: &str) -> Result<Vec<String>, ReviewProblem> {
    let mut tags: Vec<String> = Vec::new();
    for tag in super::kb::synonym_terms(list) {
        if tag.chars().count() > MAX_TAG {
            return Err(ReviewProblem::TagTooLong);
        }
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    if tags.len() > MAX_TAGS {
        return Err(ReviewProblem::TooManyTags);
    }
    Ok(tags)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ReviewAction::*;
    use VersionStatus::*;

    #[test]
    fn the_workflow_goes_draft_review_publish_or_back() {
        assert_eq!(step(Draft, Save), Ok(Draft));
        assert_eq!(step(Draft, Submit), Ok(InReview));
        assert_eq!(step(InReview, Approve), Ok(Published));
        assert_eq!(step(InReview, SendBack), Ok(Rejected));
        assert_eq!(step(Rejected, Save), Ok(Draft));
        assert_eq!(step(Rejected, Submit), Ok(InReview));
        assert_eq!(step(InReview, Withdraw), Ok(Draft));
    }

    #[test]
    fn published_versions_never_change_and_drafts_are_not_approved_unseen() {
        for action in [Save, Submit, Withdraw, Approve, SendBack] {
            assert_eq!(step(Published, action), Err(ReviewProblem::WrongStatus));
        }
        assert_eq!(step(Draft, Approve), Err(ReviewProblem::WrongStatus));
        assert_eq!(step(InReview, Save), Err(ReviewProblem::WrongStatus));
    }

    #[test]
    fn reviewers_do_not_approve_their_own_text_unless_allowed() {
        assert_eq!(
            check_reviewer(Some(7), 7, false),
            Err(ReviewProblem::OwnWork)
        );
        assert_eq!(check_reviewer(Some(7), 7, true), Ok(()));
        assert_eq!(check_reviewer(Some(7), 8, false), Ok(()));
        assert_eq!(check_reviewer(None, 8, false), Ok(()));
    }

    #[test]
    fn texts_are_checked_with_their_limits() {
        assert_eq!(check_text(" ", "", "x"), Err(ReviewProblem::TitleMissing));
        assert_eq!(
            check_text(&"标".repeat(201), "", "x"),
            Err(ReviewProblem::TitleTooLong)
        );
        assert_eq!(
            check_text("t", &"s".repeat(301), "x"),
            Err(ReviewProblem::SummaryTooLong)
        );
        assert_eq!(check_text("t", "", " \n"), Err(ReviewProblem::BodyMissing));
        let huge = "x".repeat(MAX_BODY_BYTES + 1);
        assert_eq!(check_text("t", "", &huge), Err(ReviewProblem::BodyTooLong));
        let ok = check_text(" 标题 ", "", "a\r\nb").expect("valid");
        assert_eq!((ok.title.as_str(), ok.body_md.as_str()), ("标题", "a\nb"));
    }

    #[test]
    fn slugs_and_tags_are_checked() {
        assert!(check_slug("vpn-token-2").is_ok());
        for bad in ["ab", "VPN", "vpn token", "-vpn", "vpn--x", "无线", "a/b"] {
            assert_eq!(check_slug(bad), Err(ReviewProblem::SlugInvalid), "{bad}");
        }
        assert_eq!(
            check_tags("VPN, 远程，vpn").expect("tags"),
            vec!["vpn", "远程"]
        );
        assert_eq!(
            check_tags(&"t,".repeat(0)).expect("none"),
            Vec::<String>::new()
        );
        let many: String = (0..13).map(|i| format!("t{i},")).collect();
        assert_eq!(check_tags(&many), Err(ReviewProblem::TooManyTags));
    }
}
