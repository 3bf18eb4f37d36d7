//! Where the editor's drawing puts each node: columns by distance from the start, so a flow
//! of hundreds of nodes reads left to right at full size (the view scrolls instead of shrinking).

use super::flow::FlowGraph;
use super::flow_check::{adjacency, depths};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Width of a node's box.
pub const BOX_W: i32 = 160;
/// Height of a node's box.
pub const BOX_H: i32 = 44;
const COL_GAP: i32 = 70;
const ROW_GAP: i32 = 16;
const MARGIN: i32 = 10;

/// One node's box.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NodeBox {
    pub id: String,
    pub kind: String,
    pub x: i32,
    pub y: i32,
    pub start: bool,
    /// Unreachable nodes sit in a last column of their own.
    pub unreachable: bool,
}

/// One edge, from the right side of a box to the left side of another.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EdgeLine {
    pub from: (i32, i32),
    pub to: (i32, i32),
    /// Leads back to an earlier or the same column (a loop).
    pub back: bool,
}

/// The whole drawing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Layout {
    pub width: i32,
    pub height: i32,
    pub boxes: Vec<NodeBox>,
    pub edges: Vec<EdgeLine>,
}

/// Lays out `graph`; unknown edge targets are left out (validation lists them).
pub fn layout(graph: &FlowGraph) -> Layout {
    let index: HashMap<&str, usize> = graph
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    let edges = adjacency(graph, &index);
    let depth = match index.get(graph.start.as_str()) {
        Some(&s) => depths(s, &edges),
        None => vec![None; graph.nodes.len()],
    };
    let last = depth.iter().flatten().max().map_or(0, |d| d + 1);
    let column = |i: usize| depth[i].unwrap_or(last);
    let mut rows: HashMap<usize, i32> = HashMap::new();
    let mut height = 0;
    let boxes: Vec<NodeBox> = graph
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let col = column(i);
            let row = rows.entry(col).or_insert(0);
            let y = MARGIN + *row * (BOX_H + ROW_GAP);
            *row += 1;
            height = height.max(y + BOX_H + MARGIN);
            NodeBox {
                id: n.id.clone(),
                kind: n.kind_code().to_string(),
                x: MARGIN + col as i32 * (BOX_W + COL_GAP),
                y,
                start: n.id == graph.start,
                unreachable: depth[i].is_none(),
            }
        })
        .collect();
    let mut lines = Vec::new();
    for (i, targets) in edges.iter().enumerate() {
        for &j in targets {
            let (a, b) = (&boxes[i], &boxes[j]);
            let back = column(j) <= column(i);
            // A loop enters its target from the right, so it bends round instead of crossing.
            let to_x = if back { b.x + BOX_W } else { b.x };
            lines.push(EdgeLine {
                from: (a.x + BOX_W, a.y + BOX_H / 2),
                to: (to_x, b.y + BOX_H / 2),
                back,
            });
        }
    }
    let columns = graph
        .nodes
        .iter()
        .enumerate()
        .map(|(i, _)| column(i))
        .max()
        .map_or(0, |c| c + 1);
    Layout {
        width: MARGIN * 2 + columns as i32 * (BOX_W + COL_GAP),
        height: height.max(BOX_H + MARGIN * 2),
        boxes,
        edges: lines,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::flow::{Choice, Node, NodeKind, Text};

    #[test]
    fn two_hundred_nodes_never_overlap_and_columns_follow_depth() {
        // A binary tree of questions ending in escalations.
        let n = 200;
        let nodes: Vec<Node> = (0..n)
            .map(|i| {
                let kids: Vec<usize> = [2 * i + 1, 2 * i + 2]
                    .into_iter()
                    .filter(|&k| k < n)
                    .collect();
                let kind = if kids.is_empty() {
                    NodeKind::Escalate {
                        priority: "normal".into(),
                    }
                } else {
                    NodeKind::Question {
                        options: kids
                            .iter()
                            .map(|k| Choice {
                                label: Text::new("x", "x"),
                                next: format!("n{k}"),
                            })
                            .collect(),
                    }
                };
                Node {
                    id: format!("n{i}"),
                    text: Text::new("x", "x"),
                    kind,
                }
            })
            .collect();
        let graph = FlowGraph {
            title: Text::new("t", "t"),
            summary: Text::default(),
            category: "hardware".into(),
            start: "n0".into(),
            nodes,
        };
        let l = layout(&graph);
        assert_eq!(l.boxes.len(), n);
        assert_eq!(l.edges.len(), n - 1);
        for (i, a) in l.boxes.iter().enumerate() {
            assert!(a.x + BOX_W <= l.width && a.y + BOX_H <= l.height);
            for b in &l.boxes[i + 1..] {
                let apart = a.x + BOX_W <= b.x
                    || b.x + BOX_W <= a.x
                    || a.y + BOX_H <= b.y
                    || b.y + BOX_H <= a.y;
                assert!(apart, "{} overlaps {}", a.id, b.id);
            }
        }
        // Depth 7 is the deepest level of a 200-node binary tree: 8 columns.
        assert_eq!(
            l.boxes.iter().map(|b| b.x).max(),
            Some(MARGIN + 7 * (BOX_W + COL_GAP))
        );
        assert!(l.edges.iter().all(|e| !e.back));
    }
}
