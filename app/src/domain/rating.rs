//! The customer's rating after resolution (000 §8.3) and the complaint a poor one opens
//! (001 §5.4): recorded, handled by a deadline, the outcome fed back.

use super::ticket::Status;
use serde::{Deserialize, Serialize};

/// Ratings at or below this open a complaint.
pub const COMPLAINT_AT_OR_BELOW: u8 = 2;
/// Service hours the support lead has to answer a complaint.
pub const COMPLAINT_HOURS: i64 = 24;
/// Longest comment, in characters.
pub const COMMENT_MAX: usize = 2000;

/// What the rating form posts, unparsed: stars as "1".."5", blanks for skipped aspects.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingForm {
    pub number: String,
    #[serde(default)]
    pub key: String,
    #[serde(default)]
    pub overall: String,
    #[serde(default)]
    pub speed: String,
    #[serde(default)]
    pub effect: String,
    #[serde(default)]
    pub attitude: String,
    #[serde(default)]
    pub comment: String,
}

/// A valid rating.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    pub overall: u8,
    pub speed: Option<u8>,
    pub effect: Option<u8>,
    pub attitude: Option<u8>,
    pub comment: String,
}

/// Why a rating was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RatingProblem {
    /// No overall rating, or one outside 1–5.
    Overall,
    CommentTooLong,
}

fn stars(raw: &str) -> Result<Option<u8>, ()> {
    match raw.trim() {
        "" => Ok(None),
        s => match s.parse::<u8>() {
            Ok(n @ 1..=5) => Ok(Some(n)),
            _ => Err(()),
        },
    }
}

/// Checks a posted rating. An aspect outside 1–5 counts as skipped rather than failing the
/// whole form; the overall rating is required.
pub fn parse(form: &RatingForm) -> Result<Rating, RatingProblem> {
    let overall = stars(&form.overall)
        .ok()
        .flatten()
        .ok_or(RatingProblem::Overall)?;
    let comment = form.comment.trim().to_string();
    if comment.chars().count() > COMMENT_MAX {
        return Err(RatingProblem::CommentTooLong);
    }
    let aspect = |raw: &str| stars(raw).ok().flatten();
    Ok(Rating {
        overall,
        speed: aspect(&form.speed),
        effect: aspect(&form.effect),
        attitude: aspect(&form.attitude),
        comment,
    })
}

/// A ticket can be rated once its work is done.
pub fn may_rate(status: Status) -> bool {
    matches!(status, Status::Resolved | Status::Closed)
}

/// A poor rating goes to the support lead.
pub fn opens_complaint(r: &Rating) -> bool {
    r.overall <= COMPLAINT_AT_OR_BELOW
}

/// A stored rating, as the ticket page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingView {
    pub rating: Rating,
    pub at: chrono::DateTime<chrono::Utc>,
}

/// A complaint and how it stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplaintView {
    pub number: String,
    pub subject: String,
    pub overall: u8,
    pub comment: String,
    pub opened_at: chrono::DateTime<chrono::Utc>,
    pub due_at: chrono::DateTime<chrono::Utc>,
    /// What the lead did, once handled.
    pub outcome: String,
    pub handled_by: String,
    pub closed_at: Option<chrono::DateTime<chrono::Utc>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(overall: &str, speed: &str) -> RatingForm {
        RatingForm {
            number: "2026-000001".into(),
            overall: overall.into(),
            speed: speed.into(),
            comment: "  太慢了  ".into(),
            ..Default::default()
        }
    }

    #[test]
    fn overall_is_required_and_bounded() {
        assert_eq!(parse(&form("", "3")), Err(RatingProblem::Overall));
        assert_eq!(parse(&form("0", "")), Err(RatingProblem::Overall));
        assert_eq!(parse(&form("6", "")), Err(RatingProblem::Overall));
        assert_eq!(parse(&form("five", "")), Err(RatingProblem::Overall));
        let r = parse(&form("2", "9")).expect("valid");
        assert_eq!((r.overall, r.speed), (2, None));
        assert_eq!(r.comment, "太慢了");
    }

    #[test]
    fn two_stars_or_fewer_open_a_complaint() {
        let r = |n: &str| parse(&form(n, "")).expect("valid");
        assert!(opens_complaint(&r("1")));
        assert!(opens_complaint(&r("2")));
        assert!(!opens_complaint(&r("3")));
    }

    #[test]
    fn only_finished_work_is_rated() {
        assert!(may_rate(Status::Resolved));
        assert!(may_rate(Status::Closed));
        assert!(!may_rate(Status::InProgress));
        assert!(!may_rate(Status::WaitingOnCustomer));
    }

    #[test]
    fn long_comments_are_refused() {
        let mut f = form("4", "");
        f.comment = "字".repeat(COMMENT_MAX + 1);
        assert_eq!(parse(&f), Err(RatingProblem::CommentTooLong));
    }
}
