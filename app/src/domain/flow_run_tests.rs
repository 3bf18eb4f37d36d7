//! Tests of walking a flow.

use super::*;
use crate::domain::flow::{Choice, Node, NodeKind, Text};

const WORDS: [&str; 4] = ["fixed", "still broken", "solved", "not solved"];

fn flow() -> FlowGraph {
    let node = |id: &str, kind| Node {
        id: id.into(),
        text: Text::new(&format!("{id}?"), &format!("{id}?")),
        kind,
    };
    FlowGraph {
        title: Text::new("电脑", "PC"),
        summary: Text::default(),
        category: "hardware".into(),
        start: "power".into(),
        nodes: vec![
            node(
                "power",
                NodeKind::Question {
                    options: vec![
                        Choice {
                            label: Text::new("亮", "On"),
                            next: "cable".into(),
                        },
                        Choice {
                            label: Text::new("不亮", "Off"),
                            next: "ticket".into(),
                        },
                    ],
                },
            ),
            node(
                "cable",
                NodeKind::Step {
                    next: "ticket".into(),
                },
            ),
            node(
                "ticket",
                NodeKind::Escalate {
                    priority: "important".into(),
                },
            ),
        ],
    }
}

#[test]
fn answers_move_the_run_and_end_it() {
    let g = flow();
    let (path, status) = answer(&g, &[], RunStatus::Active, "power", 0).expect("answers");
    assert_eq!(status, RunStatus::Active);
    assert_eq!(current(&g, &path).map(|n| n.id.as_str()), Some("cable"));
    let (broken, status) = answer(&g, &path, status, "cable", 1).expect("answers");
    assert_eq!(status, RunStatus::Escalated);
    assert_eq!(current(&g, &broken).map(|n| n.id.as_str()), Some("ticket"));
    let (_, fixed) = answer(&g, &path, RunStatus::Active, "cable", 0).expect("answers");
    assert_eq!(fixed, RunStatus::Solved);
}

#[test]
fn stale_unknown_and_finished_answers_are_refused() {
    let g = flow();
    assert_eq!(
        answer(&g, &[], RunStatus::Active, "cable", 0),
        Err(AnswerError::NotCurrent)
    );
    assert_eq!(
        answer(&g, &[], RunStatus::Active, "not-in-this-version", 0),
        Err(AnswerError::UnknownNode)
    );
    assert_eq!(
        answer(&g, &[], RunStatus::Active, "power", 7),
        Err(AnswerError::BadChoice)
    );
    assert_eq!(
        answer(&g, &[], RunStatus::Solved, "power", 0),
        Err(AnswerError::Finished)
    );
}

#[test]
fn transcript_and_progress_follow_the_path() {
    let g = flow();
    let path = vec![
        Taken {
            node: "power".into(),
            choice: 0,
        },
        Taken {
            node: "cable".into(),
            choice: 1,
        },
    ];
    let lines = transcript(&g, &path, Locale::En, WORDS);
    assert_eq!(
        lines,
        vec![
            ("power?".to_string(), "On".to_string()),
            ("cable?".to_string(), "still broken".to_string())
        ]
    );
    assert_eq!(progress(&g, &[]), 0);
    assert_eq!(progress(&g, &path[..1]), 50);
    assert_eq!(progress(&g, &path), 100);
}

#[test]
fn url_encoding_keeps_unreserved_and_escapes_the_rest() {
    assert_eq!(url_encode("a b&c=中"), "a%20b%26c%3D%E4%B8%AD");
    assert_eq!(url_encode("x-y_z.~"), "x-y_z.~");
}

#[test]
fn statuses_round_trip() {
    for s in [RunStatus::Active, RunStatus::Solved, RunStatus::Escalated] {
        assert_eq!(RunStatus::from_code(s.code()), Some(s));
    }
}
