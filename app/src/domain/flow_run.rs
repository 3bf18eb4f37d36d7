//! Walking a flow: the answers a run has given, where it stands, and what it hands to a ticket.

use super::flow::{FlowGraph, Node, NodeKind};
use crate::i18n::Locale;
use serde::{Deserialize, Serialize};

/// Where a run ended, or that it has not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunStatus {
    Active,
    /// Fixed by a step or a solution: no ticket needed (deflected).
    Solved,
    /// Reached an escalation: the customer was sent to open a ticket.
    Escalated,
}

impl RunStatus {
    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            RunStatus::Active => "active",
            RunStatus::Solved => "solved",
            RunStatus::Escalated => "escalated",
        }
    }

    /// Parses a stored code.
    pub fn from_code(code: &str) -> Option<Self> {
        [Self::Active, Self::Solved, Self::Escalated]
            .into_iter()
            .find(|s| s.code() == code)
    }
}

/// One answer given: on which node, which choice (question: the option's index; step and
/// solution: 0 = fixed/solved, 1 = still broken/not solved).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Taken {
    pub node: String,
    pub choice: usize,
}

/// Why an answer was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerError {
    /// The node is not part of the run's version.
    UnknownNode,
    /// The run stands elsewhere (an old tab or a shared link that moved on).
    NotCurrent,
    /// No such choice on this node.
    BadChoice,
    /// The run has ended.
    Finished,
}

/// What an answer leads to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The next screen.
    Next(String),
    /// The problem is fixed.
    Solved,
}

/// The node a run stands on after `path`, following the graph from its start.
pub fn current<'g>(graph: &'g FlowGraph, path: &[Taken]) -> Option<&'g Node> {
    match path.last() {
        None => graph.node(&graph.start),
        Some(last) => match step(graph, &last.node, last.choice).ok()? {
            Outcome::Next(id) => graph.node(&id),
            Outcome::Solved => graph.node(&last.node),
        },
    }
}

/// The status of a new run: escalated at once when the flow starts with an escalation.
pub fn start_status(graph: &FlowGraph) -> RunStatus {
    match graph.node(&graph.start).map(|n| &n.kind) {
        Some(NodeKind::Escalate { .. }) => RunStatus::Escalated,
        _ => RunStatus::Active,
    }
}

/// Where answering `choice` on node `id` leads.
pub fn step(graph: &FlowGraph, id: &str, choice: usize) -> Result<Outcome, AnswerError> {
    let node = graph.node(id).ok_or(AnswerError::UnknownNode)?;
    match (&node.kind, choice) {
        (NodeKind::Question { options }, i) => options
            .get(i)
            .map(|o| Outcome::Next(o.next.clone()))
            .ok_or(AnswerError::BadChoice),
        (NodeKind::Step { .. } | NodeKind::Solution { .. }, 0) => Ok(Outcome::Solved),
        (NodeKind::Step { next } | NodeKind::Solution { next, .. }, 1) => {
            Ok(Outcome::Next(next.clone()))
        }
        (NodeKind::Escalate { .. }, _) => Err(AnswerError::Finished),
        _ => Err(AnswerError::BadChoice),
    }
}

/// Checks and applies an answer: the new path and the run's status after it.
pub fn answer(
    graph: &FlowGraph,
    path: &[Taken],
    status: RunStatus,
    node: &str,
    choice: usize,
) -> Result<(Vec<Taken>, RunStatus), AnswerError> {
    if graph.node(node).is_none() {
        return Err(AnswerError::UnknownNode);
    }
    if status != RunStatus::Active {
        return Err(AnswerError::Finished);
    }
    let here = current(graph, path).ok_or(AnswerError::UnknownNode)?;
    if here.id != node {
        return Err(AnswerError::NotCurrent);
    }
    let outcome = step(graph, node, choice)?;
    let mut path = path.to_vec();
    path.push(Taken {
        node: node.to_string(),
        choice,
    });
    let status = match outcome {
        Outcome::Solved => RunStatus::Solved,
        Outcome::Next(id) => match graph.node(&id).map(|n| &n.kind) {
            Some(NodeKind::Escalate { .. }) => RunStatus::Escalated,
            Some(_) => RunStatus::Active,
            None => return Err(AnswerError::UnknownNode),
        },
    };
    Ok((path, status))
}

/// The label of a choice in `locale`, using the fixed words for steps and solutions.
pub fn choice_label(node: &Node, choice: usize, locale: Locale, fixed: [&str; 4]) -> String {
    match &node.kind {
        NodeKind::Question { options } => options
            .get(choice)
            .map(|o| o.label.get(locale).to_string())
            .unwrap_or_default(),
        NodeKind::Step { .. } => fixed[choice.min(1)].to_string(),
        NodeKind::Solution { .. } => fixed[2 + choice.min(1)].to_string(),
        NodeKind::Escalate { .. } => String::new(),
    }
}

/// The questions and answers so far, as "screen text → answer" lines.
pub fn transcript(
    graph: &FlowGraph,
    path: &[Taken],
    locale: Locale,
    fixed: [&str; 4],
) -> Vec<(String, String)> {
    path.iter()
        .filter_map(|t| {
            let node = graph.node(&t.node)?;
            let label = choice_label(node, t.choice, locale, fixed);
            Some((node.text.get(locale).to_string(), label))
        })
        .collect()
}

/// Shares of the screens seen so far, in percent, by the shortest way left to an end:
/// `steps / (steps + remaining)`.
pub fn progress(graph: &FlowGraph, path: &[Taken]) -> u8 {
    let Some(here) = current(graph, path) else {
        return 100;
    };
    if matches!(here.kind, NodeKind::Escalate { .. }) {
        return 100;
    }
    // The current screen still counts as one to answer.
    let remaining = steps_to_end(graph, &here.id) + 1;
    let done = path.len();
    let total = done + remaining;
    if total == 0 {
        return 100;
    }
    ((done * 100) / total).min(100) as u8
}

/// The fewest screens from `id` to an end (0 on an end).
fn steps_to_end(graph: &FlowGraph, id: &str) -> usize {
    let mut seen = vec![id.to_string()];
    let mut frontier = vec![id.to_string()];
    for depth in 0..=graph.nodes.len() {
        let mut next = Vec::new();
        for n in &frontier {
            let Some(node) = graph.node(n) else { continue };
            if node.is_exit() {
                return depth;
            }
            for t in node.targets() {
                if !seen.iter().any(|s| s == t) {
                    seen.push(t.to_string());
                    next.push(t.to_string());
                }
            }
        }
        if next.is_empty() {
            break;
        }
        frontier = next;
    }
    0
}

/// Percent-encodes a query value (RFC 3986 unreserved characters stay).
pub fn url_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
#[path = "flow_run_tests.rs"]
mod tests;
