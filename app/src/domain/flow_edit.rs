//! Editing a flow's draft with forms: one node or the flow's details at a time.

use super::flow::{Choice, FlowGraph, Node, NodeKind, Text};
use serde::{Deserialize, Serialize};

/// The node form as posted (a new node when `is_new`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NodeForm {
    pub slug: String,
    pub id: String,
    #[serde(default)]
    pub is_new: bool,
    pub kind: String,
    #[serde(default)]
    pub text_zh: String,
    #[serde(default)]
    pub text_en: String,
    /// Questions: one answer per line, `target | 中文 | English`.
    #[serde(default)]
    pub options: String,
    /// Steps and solutions: where "still broken" / "not solved" leads.
    #[serde(default)]
    pub next: String,
    /// Solutions: article slugs, comma separated.
    #[serde(default)]
    pub articles: String,
    /// Escalations: the suggested priority code.
    #[serde(default)]
    pub priority: String,
}

/// The flow's details form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DetailsForm {
    pub slug: String,
    pub title_zh: String,
    pub title_en: String,
    #[serde(default)]
    pub summary_zh: String,
    #[serde(default)]
    pub summary_en: String,
    pub category: String,
    #[serde(default)]
    pub start: String,
}

/// Why a form could not be applied (its content is then checked by validation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditError {
    /// An answer line is not `target | 中文 | English`.
    BadOptions,
    /// A new node's id is taken.
    NodeExists,
    /// The node to change is gone.
    NoSuchNode,
}

/// Answers as the editor's text: one `target | 中文 | English` line each.
pub fn options_text(options: &[Choice]) -> String {
    options
        .iter()
        .map(|o| format!("{} | {} | {}", o.next, o.label.zh, o.label.en))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reads the answers' text; blank lines are skipped.
pub fn parse_options(text: &str) -> Result<Vec<Choice>, EditError> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let parts: Vec<&str> = line.split('|').map(str::trim).collect();
            match parts.as_slice() {
                [next, zh, en] => Ok(Choice {
                    label: Text::new(zh, en),
                    next: next.to_string(),
                }),
                _ => Err(EditError::BadOptions),
            }
        })
        .collect()
}

/// The node the form describes.
pub fn node_of(form: &NodeForm) -> Result<Node, EditError> {
    let kind = match form.kind.as_str() {
        "step" => NodeKind::Step {
            next: form.next.trim().to_string(),
        },
        "solution" => NodeKind::Solution {
            articles: form
                .articles
                .split([',', '，', ' '])
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(str::to_string)
                .collect(),
            next: form.next.trim().to_string(),
        },
        "escalate" => NodeKind::Escalate {
            priority: form.priority.trim().to_string(),
        },
        _ => NodeKind::Question {
            options: parse_options(&form.options)?,
        },
    };
    Ok(Node {
        id: form.id.trim().to_string(),
        text: Text::new(form.text_zh.trim(), form.text_en.trim()),
        kind,
    })
}

/// Adds or replaces the form's node in `graph`.
pub fn apply_node(graph: &mut FlowGraph, form: &NodeForm) -> Result<(), EditError> {
    let node = node_of(form)?;
    let existing = graph.nodes.iter().position(|n| n.id == node.id);
    match (form.is_new, existing) {
        (true, Some(_)) => Err(EditError::NodeExists),
        (true, None) => {
            graph.nodes.push(node);
            Ok(())
        }
        (false, Some(i)) => {
            graph.nodes[i] = node;
            Ok(())
        }
        (false, None) => Err(EditError::NoSuchNode),
    }
}

/// Removes a node; edges to it are left for validation to point out.
pub fn delete_node(graph: &mut FlowGraph, id: &str) -> bool {
    let before = graph.nodes.len();
    graph.nodes.retain(|n| n.id != id);
    graph.nodes.len() != before
}

/// Applies the details form.
pub fn apply_details(graph: &mut FlowGraph, form: &DetailsForm) {
    graph.title = Text::new(form.title_zh.trim(), form.title_en.trim());
    graph.summary = Text::new(form.summary_zh.trim(), form.summary_en.trim());
    graph.category = form.category.trim().to_string();
    if !form.start.trim().is_empty() {
        graph.start = form.start.trim().to_string();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::flow_check::validate;
    use crate::domain::ticket::Category;

    fn form(id: &str, kind: &str) -> NodeForm {
        NodeForm {
            slug: "f".into(),
            id: id.into(),
            is_new: true,
            kind: kind.into(),
            text_zh: format!("{id}中"),
            text_en: id.into(),
            priority: "urgent".into(),
            ..Default::default()
        }
    }

    #[test]
    fn three_forms_build_a_valid_flow() {
        let mut g = FlowGraph::starter(Text::new("标题", "Title"), Category::Hardware);
        let mut start = form("start", "question");
        start.is_new = false;
        start.options = "cable | 亮 | On\n\n ticket | 不亮 | Off ".into();
        apply_node(&mut g, &start).expect("applies");
        let mut cable = form("cable", "step");
        cable.next = "ticket".into();
        apply_node(&mut g, &cable).expect("applies");
        apply_node(&mut g, &form("ticket", "escalate")).expect("applies");
        assert_eq!(validate(&g), Vec::new());
        assert_eq!(
            options_text(match &g.nodes[0].kind {
                NodeKind::Question { options } => options,
                _ => panic!("question"),
            }),
            "cable | 亮 | On\nticket | 不亮 | Off"
        );
    }

    #[test]
    fn bad_lines_and_taken_ids_are_refused() {
        assert_eq!(parse_options("only | two"), Err(EditError::BadOptions));
        let mut g = FlowGraph::starter(Text::new("标题", "Title"), Category::Hardware);
        assert_eq!(
            apply_node(&mut g, &form("start", "step")),
            Err(EditError::NodeExists)
        );
        let mut ghost = form("ghost", "step");
        ghost.is_new = false;
        assert_eq!(apply_node(&mut g, &ghost), Err(EditError::NoSuchNode));
        assert!(delete_node(&mut g, "start"));
        assert!(!delete_node(&mut g, "start"));
    }

    #[test]
    fn solution_articles_accept_commas_of_both_widths() {
        let mut f = form("fix", "solution");
        f.articles = "power-check，memory-reseat, disk-check".into();
        let node = node_of(&f).expect("reads");
        assert_eq!(
            node.kind,
            NodeKind::Solution {
                articles: vec![
                    "power-check".into(),
                    "memory-reseat".into(),
                    "disk-check".into()
                ],
                next: String::new()
            }
        );
    }
}
