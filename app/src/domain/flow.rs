//! Guided self-diagnosis flows: a graph of questions, steps, solutions and escalations, kept as
//! one JSON document per version (the import/export schema, `docs/flows.md`).

use crate::domain::ticket::{Category, Code, Priority};
use crate::i18n::Locale;
use serde::{Deserialize, Serialize};

/// The `schema` value of an exported flow file.
pub const SCHEMA: &str = "helpdesk-flow/1";
/// Most nodes in one flow.
pub const MAX_NODES: usize = 500;
/// Most answers to one question.
pub const MAX_OPTIONS: usize = 12;
/// Most screens between the start and any node (by the shortest way there).
pub const MAX_DEPTH: usize = 40;
/// Longest node text, in characters per language.
pub const MAX_TEXT: usize = 2000;
/// Longest title or answer label, in characters per language.
pub const MAX_LABEL: usize = 200;
/// Longest node id or flow slug.
pub const MAX_ID: usize = 40;
/// Most articles linked from one solution.
pub const MAX_ARTICLES: usize = 8;

/// A text in both languages; either may be missing in a draft.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    #[serde(default)]
    pub zh: String,
    #[serde(default)]
    pub en: String,
}

impl Text {
    /// Both languages at once.
    pub fn new(zh: &str, en: &str) -> Self {
        Self {
            zh: zh.to_string(),
            en: en.to_string(),
        }
    }

    /// The text in `locale`, or the other language when that one is empty.
    pub fn get(&self, locale: Locale) -> &str {
        let (first, second) = match locale {
            Locale::Zh => (&self.zh, &self.en),
            Locale::En => (&self.en, &self.zh),
        };
        if first.trim().is_empty() {
            second
        } else {
            first
        }
    }
}

/// One answer to a question and the node it leads to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub label: Text,
    #[serde(default)]
    pub next: String,
}

/// What a node asks of the customer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NodeKind {
    /// Pick one answer.
    Question {
        #[serde(default)]
        options: Vec<Choice>,
    },
    /// Try something: "that fixed it" ends solved, "still broken" goes to `next`.
    Step {
        #[serde(default)]
        next: String,
    },
    /// A likely fix with articles: "solved" ends, "not solved" goes to `next`.
    Solution {
        #[serde(default)]
        articles: Vec<String>,
        #[serde(default)]
        next: String,
    },
    /// Open a ticket with this suggested priority (a code of [`Priority`]).
    Escalate {
        #[serde(default = "default_priority")]
        priority: String,
    },
}

fn default_priority() -> String {
    Priority::Normal.code().to_string()
}

/// One screen of a flow.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Node {
    pub id: String,
    pub text: Text,
    #[serde(flatten)]
    pub kind: NodeKind,
}

impl Node {
    /// The ids this node leads to, in order (empty targets included, for validation).
    pub fn targets(&self) -> Vec<&str> {
        match &self.kind {
            NodeKind::Question { options } => options.iter().map(|o| o.next.as_str()).collect(),
            NodeKind::Step { next } | NodeKind::Solution { next, .. } => vec![next.as_str()],
            NodeKind::Escalate { .. } => Vec::new(),
        }
    }

    /// Whether the customer can finish here (fixed, solved or escalated).
    pub fn is_exit(&self) -> bool {
        !matches!(self.kind, NodeKind::Question { .. })
    }

    /// The kind's stable code.
    pub fn kind_code(&self) -> &'static str {
        match self.kind {
            NodeKind::Question { .. } => "question",
            NodeKind::Step { .. } => "step",
            NodeKind::Solution { .. } => "solution",
            NodeKind::Escalate { .. } => "escalate",
        }
    }
}

/// A whole flow version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlowGraph {
    pub title: Text,
    #[serde(default)]
    pub summary: Text,
    /// A ticket category code; escalations carry it into the ticket.
    pub category: String,
    pub start: String,
    #[serde(default)]
    pub nodes: Vec<Node>,
}

impl FlowGraph {
    /// An empty draft: a title and one question to start from.
    pub fn starter(title: Text, category: Category) -> Self {
        Self {
            title,
            summary: Text::default(),
            category: category.code().to_string(),
            start: "start".into(),
            nodes: vec![Node {
                id: "start".into(),
                text: Text::default(),
                kind: NodeKind::Question {
                    options: Vec::new(),
                },
            }],
        }
    }

    /// The node with `id`.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.id == id)
    }

    /// Every article slug linked from a solution, once each.
    pub fn article_slugs(&self) -> Vec<String> {
        let mut slugs: Vec<String> = Vec::new();
        for node in &self.nodes {
            if let NodeKind::Solution { articles, .. } = &node.kind {
                for a in articles {
                    if !slugs.contains(a) {
                        slugs.push(a.clone());
                    }
                }
            }
        }
        slugs
    }

    /// The ticket category, when the code is known.
    pub fn ticket_category(&self) -> Option<Category> {
        Category::from_code(&self.category)
    }
}

/// One exported flow file: the schema tag, its address and the graph.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlowFile {
    pub schema: String,
    pub slug: String,
    #[serde(flatten)]
    pub graph: FlowGraph,
}

/// Whether `s` is a usable node id or flow slug: 1–40 of `a-z 0-9 - _`.
pub fn valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_ID
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_falls_back_to_the_other_language() {
        let t = Text::new("电源", "");
        assert_eq!(t.get(Locale::En), "电源");
        assert_eq!(Text::new("电源", "Power").get(Locale::En), "Power");
    }

    #[test]
    fn json_round_trips_with_kind_tags() {
        let json = r#"{"schema":"helpdesk-flow/1","slug":"x","title":{"zh":"标题","en":"Title"},
            "category":"hardware","start":"a","nodes":[
            {"id":"a","text":{"zh":"问","en":"Q"},"kind":"question",
             "options":[{"label":{"zh":"是","en":"Yes"},"next":"b"}]},
            {"id":"b","text":{"zh":"试","en":"Try"},"kind":"step","next":"c"},
            {"id":"c","text":{"zh":"报","en":"Ticket"},"kind":"escalate","priority":"important"}]}"#;
        let file: FlowFile = serde_json::from_str(json).expect("parses");
        assert_eq!(file.graph.nodes.len(), 3);
        assert_eq!(file.graph.nodes[1].targets(), vec!["c"]);
        let again: FlowFile =
            serde_json::from_str(&serde_json::to_string(&file).expect("writes")).expect("parses");
        assert_eq!(again, file);
    }

    #[test]
    fn ids_are_short_lowercase_words() {
        assert!(valid_id("power-check_2"));
        assert!(!valid_id(""));
        assert!(!valid_id("Power"));
        assert!(!valid_id(&"a".repeat(41)));
        assert!(!valid_id("电源"));
    }
}
