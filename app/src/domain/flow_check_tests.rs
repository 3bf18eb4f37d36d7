//! Unit and property tests of flow validation and import.

use super::*;
use crate::domain::flow::{Choice, FlowFile};
use crate::domain::flow_run::{answer, current, start_status, RunStatus};

fn t(s: &str) -> Text {
    Text::new(&format!("{s}中"), s)
}

fn question(id: &str, targets: &[&str]) -> Node {
    Node {
        id: id.into(),
        text: t(id),
        kind: NodeKind::Question {
            options: targets
                .iter()
                .map(|n| Choice {
                    label: t(n),
                    next: n.to_string(),
                })
                .collect(),
        },
    }
}

fn step(id: &str, next: &str) -> Node {
    Node {
        id: id.into(),
        text: t(id),
        kind: NodeKind::Step { next: next.into() },
    }
}

fn escalate(id: &str) -> Node {
    Node {
        id: id.into(),
        text: t(id),
        kind: NodeKind::Escalate {
            priority: "normal".into(),
        },
    }
}

fn graph(nodes: Vec<Node>) -> FlowGraph {
    FlowGraph {
        title: t("title"),
        summary: Text::default(),
        category: "hardware".into(),
        start: nodes.first().map(|n| n.id.clone()).unwrap_or_default(),
        nodes,
    }
}

fn kinds(problems: &[Problem]) -> Vec<(Option<&str>, &ProblemKind)> {
    problems
        .iter()
        .map(|p| (p.node.as_deref(), &p.kind))
        .collect()
}

#[test]
fn a_three_node_flow_is_valid() {
    let g = graph(vec![
        question("q", &["s", "e"]),
        step("s", "e"),
        escalate("e"),
    ]);
    assert_eq!(validate(&g), Vec::new());
}

#[test]
fn every_problem_is_listed_with_its_node() {
    let mut g = graph(vec![
        question("q", &["s", "ghost"]),
        step("s", ""),
        escalate("island"),
        question("Bad Id", &[]),
    ]);
    g.title.en.clear();
    g.category = "plumbing".into();
    let found = validate(&g);
    let k = kinds(&found);
    assert!(k.contains(&(None, &ProblemKind::NoTitle("en".into()))));
    assert!(k.contains(&(None, &ProblemKind::UnknownCategory)));
    assert!(k.contains(&(Some("q"), &ProblemKind::UnknownTarget("ghost".into()))));
    assert!(k.contains(&(Some("s"), &ProblemKind::NoWayForward)));
    assert!(k.contains(&(Some("island"), &ProblemKind::Unreachable)));
    assert!(k.contains(&(Some("Bad Id"), &ProblemKind::BadId)));
    assert!(k.contains(&(Some("Bad Id"), &ProblemKind::NoOptions)));
}

#[test]
fn a_loop_of_questions_without_exit_is_refused_but_a_loop_with_one_is_not() {
    let trapped = graph(vec![question("a", &["b"]), question("b", &["a"])]);
    let k = validate(&trapped);
    assert!(k
        .iter()
        .any(|p| p.node.as_deref() == Some("a") && p.kind == ProblemKind::NoExit));
    assert!(k
        .iter()
        .any(|p| p.node.as_deref() == Some("b") && p.kind == ProblemKind::NoExit));
    // "Try again" loops are fine when the loop offers a way out.
    let looping = graph(vec![
        question("a", &["b"]),
        question("b", &["a", "e"]),
        escalate("e"),
    ]);
    assert_eq!(validate(&looping), Vec::new());
}

#[test]
fn start_duplicates_depth_and_empty_flows_are_named() {
    let mut g = graph(vec![escalate("e"), escalate("e")]);
    assert!(validate(&g)
        .iter()
        .any(|p| p.kind == ProblemKind::DuplicateId));
    g.start = "nowhere".into();
    assert!(validate(&g).contains(&Problem::flow(ProblemKind::NoStart)));
    assert!(validate(&graph(Vec::new())).contains(&Problem::flow(ProblemKind::Empty)));
    let mut chain: Vec<Node> = (0..=MAX_DEPTH + 1)
        .map(|i| question(&format!("n{i}"), &[&format!("n{}", i + 1)]))
        .collect();
    chain.push(escalate(&format!("n{}", MAX_DEPTH + 2)));
    let found = validate(&graph(chain));
    let deep: Vec<_> = found
        .iter()
        .filter(|p| p.kind == ProblemKind::TooDeep)
        .collect();
    assert_eq!(deep.len(), 2, "{found:?}");
}

#[test]
fn limits_and_priorities_are_checked() {
    let mut many = question("q", &[]);
    if let NodeKind::Question { options } = &mut many.kind {
        for _ in 0..=MAX_OPTIONS {
            options.push(Choice {
                label: t("x"),
                next: "e".into(),
            });
        }
    }
    let mut e = escalate("e");
    e.kind = NodeKind::Escalate {
        priority: "whenever".into(),
    };
    e.text.zh = "长".repeat(MAX_TEXT + 1);
    let found = validate(&graph(vec![many, e]));
    let k = kinds(&found);
    assert!(k.contains(&(Some("q"), &ProblemKind::TooManyOptions)));
    assert!(k.contains(&(Some("e"), &ProblemKind::BadPriority)));
    assert!(k.contains(&(Some("e"), &ProblemKind::TooLong)));
}

#[test]
fn import_refuses_bad_json_wrong_schema_and_bad_slugs() {
    assert!(matches!(
        parse_file("{").expect_err("refused")[0].kind,
        ProblemKind::Malformed(_)
    ));
    let g = graph(vec![question("q", &["e"]), escalate("e")]);
    let mut file = FlowFile {
        schema: SCHEMA.into(),
        slug: "ok".into(),
        graph: g,
    };
    let json = serde_json::to_string(&file).expect("writes");
    assert!(parse_file(&json).is_ok());
    file.schema = "other/9".into();
    file.slug = "Not OK".into();
    let problems = parse_file(&serde_json::to_string(&file).expect("writes")).expect_err("refused");
    assert_eq!(problems.len(), 2, "{problems:?}");
}

/// A small deterministic generator, so failures reproduce from the printed seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn random_graph(rng: &mut Rng) -> FlowGraph {
    let count = rng.below(30);
    let id = |i: usize| format!("n{i}");
    // Mostly forward edges (so many graphs are valid), some anywhere, a few broken.
    let target = |rng: &mut Rng, i: usize| match rng.below(40) {
        0 => String::new(),
        1 => "ghost".into(),
        2..=12 => id(rng.below(count)),
        _ => id((i + 1 + rng.below(2)).min(count.saturating_sub(1))),
    };
    let nodes = (0..count)
        .map(|i| {
            let kind = match rng.below(4) {
                0 => NodeKind::Question {
                    options: (0..1 + rng.below(3))
                        .map(|_| Choice {
                            label: t("o"),
                            next: target(rng, i),
                        })
                        .collect(),
                },
                1 => NodeKind::Step {
                    next: target(rng, i),
                },
                2 => NodeKind::Solution {
                    articles: Vec::new(),
                    next: target(rng, i),
                },
                _ => NodeKind::Escalate {
                    priority: "normal".into(),
                },
            };
            Node {
                id: if rng.below(60) == 0 { id(0) } else { id(i) },
                text: t("x"),
                kind,
            }
        })
        .collect();
    FlowGraph {
        title: t("title"),
        summary: Text::default(),
        category: "network".into(),
        start: if rng.below(10) == 0 {
            id(rng.below(count + 1))
        } else {
            id(0)
        },
        nodes,
    }
}

#[test]
fn property_valid_graphs_can_always_be_walked_to_an_end() {
    let mut valid = 0;
    for seed in 1..4000u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let g = random_graph(&mut rng);
        let problems = validate(&g);
        if !problems.is_empty() {
            continue;
        }
        valid += 1;
        // Random walks from the start never hit a missing node and can always go on or end.
        for _ in 0..5 {
            let (mut path, mut status) = (Vec::new(), start_status(&g));
            for _ in 0..200 {
                if status != RunStatus::Active {
                    break;
                }
                let here = current(&g, &path).unwrap_or_else(|| panic!("seed {seed}: lost"));
                let choices = match &here.kind {
                    NodeKind::Question { options } => options.len(),
                    _ => 2,
                };
                let pick = rng.below(choices);
                (path, status) = answer(&g, &path, status, &here.id.clone(), pick)
                    .unwrap_or_else(|e| panic!("seed {seed}: {e:?}"));
            }
        }
    }
    assert!(valid > 50, "the generator made only {valid} valid graphs");
}

#[test]
fn property_validation_and_import_never_panic_on_garbage() {
    let good = serde_json::to_string(&FlowFile {
        schema: SCHEMA.into(),
        slug: "s".into(),
        graph: graph(vec![question("q", &["e"]), escalate("e")]),
    })
    .expect("writes");
    for seed in 1..3000u64 {
        let mut rng = Rng(seed.wrapping_mul(0xD6E8_FEB8_6659_FD93) | 1);
        let _ = validate(&random_graph(&mut rng));
        // Mutate the good file: cut it, flip bytes, splice in JSON tokens.
        let mut bytes = good.clone().into_bytes();
        for _ in 0..1 + rng.below(6) {
            let at = rng.below(bytes.len());
            match rng.below(4) {
                0 => bytes.truncate(at),
                1 => bytes[at] = (rng.next() & 0x7f) as u8,
                2 => {
                    let token = [
                        "{", "}", "[", "]", "\"", ":", ",", "null", "1e999", "\\u0000",
                    ][rng.below(10)];
                    bytes.splice(at..at, token.bytes());
                }
                _ => {
                    bytes.remove(at);
                }
            }
            if bytes.is_empty() {
                break;
            }
        }
        let text = String::from_utf8_lossy(&bytes);
        if let Err(problems) = parse_file(&text) {
            assert!(!problems.is_empty());
        }
    }
}
