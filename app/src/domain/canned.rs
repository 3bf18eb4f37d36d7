//! Canned replies: answers agents reuse, kept per language, with placeholders filled in.

use crate::i18n::Locale;
use serde::{Deserialize, Serialize};

/// Longest title, in characters.
pub const TITLE_MAX: usize = 80;
/// Longest body, in characters.
pub const BODY_MAX: usize = 5000;

/// A stored canned reply.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CannedReply {
    pub id: i64,
    pub locale: Locale,
    pub title: String,
    pub body: String,
}

/// Why a canned reply was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CannedProblem {
    TitleMissing,
    TitleTooLong,
    BodyMissing,
    BodyTooLong,
}

/// Checks a new canned reply; returns it trimmed.
pub fn check(title: &str, body: &str) -> Result<(String, String), CannedProblem> {
    let (title, body) = (title.trim(), body.trim());
    match (title.chars().count(), body.chars().count()) {
        (0, _) => Err(CannedProblem::TitleMissing),
        (t, _) if t > TITLE_MAX => Err(CannedProblem::TitleTooLong),
        (_, 0) => Err(CannedProblem::BodyMissing),
        (_, b) if b > BODY_MAX => Err(CannedProblem::BodyTooLong),
        _ => Ok((title.to_string(), body.to_string())),
    }
}

/// Fills `{customer}` and `{number}` in a canned reply for one ticket.
pub fn fill(body: &str, customer: &str, number: &str) -> String {
    body.replace("{customer}", customer)
        .replace("{number}", number)
}

/// The replies to offer on a ticket: those in its language first, then the others.
pub fn for_ticket(mut all: Vec<CannedReply>, locale: Locale) -> Vec<CannedReply> {
    all.sort_by_key(|c| (c.locale != locale, c.title.clone()));
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(
            fill(
                "{customer}您好，工单 {number} 已处理。",
                "王芳",
                "IT-2026-000007"
            ),
            "王芳您好，工单 IT-2026-000007 已处理。"
        );
        assert_eq!(fill("no placeholders", "A", "B"), "no placeholders");
    }

    #[test]
    fn empty_and_long_ones_are_refused() {
        assert_eq!(check(" ", "body"), Err(CannedProblem::TitleMissing));
        assert_eq!(check("t", "  "), Err(CannedProblem::BodyMissing));
        assert_eq!(
            check(&"题".repeat(81), "b"),
            Err(CannedProblem::TitleTooLong)
        );
        assert_eq!(
            check("t", &"字".repeat(5001)),
            Err(CannedProblem::BodyTooLong)
        );
        assert_eq!(
            check(" 重启 ", " 请重启 "),
            Ok(("重启".into(), "请重启".into()))
        );
    }

    #[test]
    fn the_tickets_language_comes_first() {
        let c = |id, locale, title: &str| CannedReply {
            id,
            locale,
            title: title.into(),
            body: String::new(),
        };
        let sorted = for_ticket(
            vec![
                c(1, Locale::En, "Restart"),
                c(2, Locale::Zh, "重启"),
                c(3, Locale::Zh, "密码"),
            ],
            Locale::Zh,
        );
        let ids: Vec<i64> = sorted.iter().map(|c| c.id).collect();
        assert_eq!(ids, [3, 2, 1]);
    }
}
