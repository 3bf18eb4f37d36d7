//! Validation of a flow graph: every problem at once, each with the node it concerns, so the
//! editor and the importer can list them all and refuse the flow as a whole.

use super::flow::{
    valid_id, FlowFile, FlowGraph, Node, NodeKind, Text, MAX_ARTICLES, MAX_DEPTH, MAX_LABEL,
    MAX_NODES, MAX_OPTIONS, MAX_TEXT, SCHEMA,
};
use super::ticket::{Category, Code, Priority};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, VecDeque};

/// What is wrong.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProblemKind {
    /// The flow has no nodes.
    Empty,
    /// More than [`MAX_NODES`] nodes.
    TooManyNodes,
    /// The title is missing in a language (`zh` or `en`).
    NoTitle(String),
    /// The category is not a ticket category.
    UnknownCategory,
    /// `start` names no node.
    NoStart,
    /// A node id is not 1–40 of `a-z 0-9 - _`.
    BadId,
    /// Two nodes share an id.
    DuplicateId,
    /// The node's text is missing in a language.
    NoText(String),
    /// A text is longer than its limit.
    TooLong,
    /// A question without answers, or an answer without a label.
    NoOptions,
    /// More than [`MAX_OPTIONS`] answers.
    TooManyOptions,
    /// An answer label is missing in a language.
    NoLabel(String),
    /// A way forward is empty.
    NoWayForward,
    /// An edge points at an id that is no node.
    UnknownTarget(String),
    /// The node cannot be reached from the start.
    Unreachable,
    /// From here every path loops without ever reaching an end.
    NoExit,
    /// The node is more than [`MAX_DEPTH`] screens from the start.
    TooDeep,
    /// An escalation's priority is not a ticket priority.
    BadPriority,
    /// More than [`MAX_ARTICLES`] articles on one solution.
    TooManyArticles,
    /// A linked article does not exist (checked against the store).
    UnknownArticle(String),
    /// The flow's address is not 1–40 of `a-z 0-9 - _`.
    BadSlug,
    /// The file is not valid JSON for the schema (the parser's message).
    Malformed(String),
}

/// One problem and the node it concerns (none for the flow as a whole).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub node: Option<String>,
    pub kind: ProblemKind,
}

impl Problem {
    fn flow(kind: ProblemKind) -> Self {
        Self { node: None, kind }
    }

    fn at(node: &str, kind: ProblemKind) -> Self {
        Self {
            node: Some(node.to_string()),
            kind,
        }
    }
}

/// Reads one exported flow file: well-formed JSON of this schema whose graph is valid and whose
/// slug is usable; otherwise every problem found.
pub fn parse_file(json: &str) -> Result<FlowFile, Vec<Problem>> {
    let file: FlowFile = serde_json::from_str(json)
        .map_err(|e| vec![Problem::flow(ProblemKind::Malformed(e.to_string()))])?;
    let mut problems = Vec::new();
    if file.schema != SCHEMA {
        problems.push(Problem::flow(ProblemKind::Malformed(format!(
            "schema must be \"{SCHEMA}\""
        ))));
    }
    if !valid_id(&file.slug) {
        problems.push(Problem::flow(ProblemKind::BadSlug));
    }
    problems.extend(validate(&file.graph));
    if problems.is_empty() {
        Ok(file)
    } else {
        Err(problems)
    }
}

/// Every problem of `graph`; empty when it may be published.
pub fn validate(graph: &FlowGraph) -> Vec<Problem> {
    let mut problems = Vec::new();
    check_flow_fields(graph, &mut problems);
    if graph.nodes.is_empty() {
        problems.push(Problem::flow(ProblemKind::Empty));
        return problems;
    }
    if graph.nodes.len() > MAX_NODES {
        // Too big to check node by node usefully; one clear message is better than thousands.
        problems.push(Problem::flow(ProblemKind::TooManyNodes));
        return problems;
    }
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (i, node) in graph.nodes.iter().enumerate() {
        if !valid_id(&node.id) {
            problems.push(Problem::at(&node.id, ProblemKind::BadId));
        }
        if index.insert(node.id.as_str(), i).is_some() {
            problems.push(Problem::at(&node.id, ProblemKind::DuplicateId));
        }
        check_node(node, &mut problems);
    }
    for node in &graph.nodes {
        for target in node.targets() {
            if target.is_empty() {
                if !matches!(node.kind, NodeKind::Question { .. }) {
                    problems.push(Problem::at(&node.id, ProblemKind::NoWayForward));
                }
            } else if !index.contains_key(target) {
                problems.push(Problem::at(
                    &node.id,
                    ProblemKind::UnknownTarget(target.to_string()),
                ));
            }
        }
    }
    let Some(&start) = index.get(graph.start.as_str()) else {
        problems.push(Problem::flow(ProblemKind::NoStart));
        return problems;
    };
    let edges = adjacency(graph, &index);
    let depth = depths(start, &edges);
    for (i, node) in graph.nodes.iter().enumerate() {
        match depth[i] {
            None => problems.push(Problem::at(&node.id, ProblemKind::Unreachable)),
            Some(d) if d > MAX_DEPTH => problems.push(Problem::at(&node.id, ProblemKind::TooDeep)),
            Some(_) => {}
        }
    }
    let exits = reaches_exit(graph, &edges);
    for (i, node) in graph.nodes.iter().enumerate() {
        // A node whose ways forward all lead nowhere is already named for that; name loops only.
        let dead_end = edges[i].is_empty();
        if !exits[i] && !dead_end && depth[i].is_some() {
            problems.push(Problem::at(&node.id, ProblemKind::NoExit));
        }
    }
    problems
}

fn check_flow_fields(graph: &FlowGraph, problems: &mut Vec<Problem>) {
    for lang in missing(&graph.title) {
        problems.push(Problem::flow(ProblemKind::NoTitle(lang)));
    }
    if too_long(&graph.title, MAX_LABEL) || too_long(&graph.summary, MAX_TEXT) {
        problems.push(Problem::flow(ProblemKind::TooLong));
    }
    if Category::from_code(&graph.category).is_none() {
        problems.push(Problem::flow(ProblemKind::UnknownCategory));
    }
}

fn check_node(node: &Node, problems: &mut Vec<Problem>) {
    for lang in missing(&node.text) {
        problems.push(Problem::at(&node.id, ProblemKind::NoText(lang)));
    }
    if too_long(&node.text, MAX_TEXT) {
        problems.push(Problem::at(&node.id, ProblemKind::TooLong));
    }
    match &node.kind {
        NodeKind::Question { options } => {
            if options.is_empty() {
                problems.push(Problem::at(&node.id, ProblemKind::NoOptions));
            }
            if options.len() > MAX_OPTIONS {
                problems.push(Problem::at(&node.id, ProblemKind::TooManyOptions));
            }
            for option in options {
                for lang in missing(&option.label) {
                    problems.push(Problem::at(&node.id, ProblemKind::NoLabel(lang)));
                }
                if too_long(&option.label, MAX_LABEL) {
                    problems.push(Problem::at(&node.id, ProblemKind::TooLong));
                }
                if option.next.is_empty() {
                    problems.push(Problem::at(&node.id, ProblemKind::NoWayForward));
                }
            }
        }
        NodeKind::Solution { articles, .. } if articles.len() > MAX_ARTICLES => {
            problems.push(Problem::at(&node.id, ProblemKind::TooManyArticles));
        }
        NodeKind::Escalate { priority } if Priority::from_code(priority).is_none() => {
            problems.push(Problem::at(&node.id, ProblemKind::BadPriority));
        }
        _ => {}
    }
}

/// The languages (`zh`, `en`) in which `text` is blank.
fn missing(text: &Text) -> Vec<String> {
    let mut langs = Vec::new();
    if text.zh.trim().is_empty() {
        langs.push("zh".to_string());
    }
    if text.en.trim().is_empty() {
        langs.push("en".to_string());
    }
    langs
}

fn too_long(text: &Text, max: usize) -> bool {
    text.zh.chars().count() > max || text.en.chars().count() > max
}

/// Each node's successors by index; unknown targets are left out (reported above).
pub fn adjacency(graph: &FlowGraph, index: &HashMap<&str, usize>) -> Vec<Vec<usize>> {
    graph
        .nodes
        .iter()
        .map(|n| {
            n.targets()
                .iter()
                .filter_map(|t| index.get(t).copied())
                .collect()
        })
        .collect()
}

/// Shortest number of screens from the start to each node; `None` when unreachable.
pub fn depths(start: usize, edges: &[Vec<usize>]) -> Vec<Option<usize>> {
    let mut depth = vec![None; edges.len()];
    depth[start] = Some(0);
    let mut queue = VecDeque::from([start]);
    while let Some(i) = queue.pop_front() {
        let d = depth[i].unwrap_or(0);
        for &j in &edges[i] {
            if depth[j].is_none() {
                depth[j] = Some(d + 1);
                queue.push_back(j);
            }
        }
    }
    depth
}

/// Whether an end (a step, solution or escalation) can be reached from each node: fixed point
/// over reversed edges, so loops through questions only are found whatever their size.
fn reaches_exit(graph: &FlowGraph, edges: &[Vec<usize>]) -> Vec<bool> {
    let mut reverse: Vec<Vec<usize>> = vec![Vec::new(); edges.len()];
    for (i, targets) in edges.iter().enumerate() {
        for &j in targets {
            reverse[j].push(i);
        }
    }
    let mut ok: Vec<bool> = graph.nodes.iter().map(Node::is_exit).collect();
    let mut queue: VecDeque<usize> = (0..ok.len()).filter(|&i| ok[i]).collect();
    while let Some(j) = queue.pop_front() {
        for &i in &reverse[j] {
            if !ok[i] {
                ok[i] = true;
                queue.push_back(i);
            }
        }
    }
    ok
}

#[cfg(test)]
#[path = "flow_check_tests.rs"]
mod tests;
