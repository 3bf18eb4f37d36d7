//! What a query asks for, before it meets the index: concepts, each with alternative spellings.
//!
//! A concept is one thing the searcher means: a word, or a group of synonyms. An article matches
//! a concept when it matches any alternative; an alternative is a set of terms that must all be
//! there. Plain logic, tested without an index.

use super::analyzer::{analyzer, spans, terms};
use tantivy::tokenizer::TextAnalyzer;

/// Most concepts taken from one query; a pasted essay should not become a 2,000-clause query.
pub const MAX_CONCEPTS: usize = 12;

/// One way to match a concept.
#[derive(Clone, Debug, PartialEq)]
pub struct Alternative {
    /// Analysed terms that must all occur.
    pub terms: Vec<String>,
    /// Edit distance allowed for a single Latin term (typo tolerance); 0 for exact.
    pub fuzzy: u8,
    /// Score weight relative to an exact match.
    pub weight: f32,
}

/// A word or synonym group of the query.
pub type Concept = Vec<Alternative>;

/// Words too common to require: a question's framing, not its subject.
const STOP_WORDS: &[&str] = &[
    "的",
    "了",
    "是",
    "在",
    "我",
    "我的",
    "你",
    "怎么",
    "怎么办",
    "怎样",
    "如何",
    "为什么",
    "什么",
    "吗",
    "呢",
    "啊",
    "吧",
    "和",
    "与",
    "或",
    "一个",
    "这个",
    "那个",
    "请问",
    "一下",
    "时",
    "a",
    "an",
    "the",
    "is",
    "are",
    "to",
    "of",
    "in",
    "on",
    "for",
    "with",
    "and",
    "or",
    "my",
    "i",
    "how",
    "do",
    "does",
    "can",
    "why",
    "what",
    "it",
    "me",
];

/// The query's analysers: precise cut for words, search cut for the words inside them.
pub struct Planner {
    precise: TextAnalyzer,
    inner: TextAnalyzer,
}

impl Default for Planner {
    fn default() -> Self {
        Self {
            precise: analyzer(false),
            inner: analyzer(true),
        }
    }
}

impl Planner {
    /// The concepts of `query`; `synonyms` are groups of lower-case terms meaning the same.
    pub fn plan(&mut self, query: &str, synonyms: &[Vec<String>]) -> Vec<Concept> {
        let mut rest = query.to_lowercase();
        let mut concepts: Vec<Concept> = Vec::new();
        for group in synonyms {
            if take_any(&mut rest, group) {
                let alts = group
                    .iter()
                    .map(|t| exact(terms(&mut self.precise, t)))
                    .filter(|a| !a.terms.is_empty())
                    .collect::<Vec<_>>();
                push_unique(&mut concepts, alts);
            }
        }
        let words: Vec<String> = super::analyzer::jieba()
            .cut(&rest, true)
            .into_iter()
            .map(|t| t.word.to_string())
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .collect();
        let meaningful: Vec<&String> = words
            .iter()
            .filter(|w| !STOP_WORDS.contains(&w.as_str()))
            .collect();
        let chosen = if meaningful.is_empty() {
            words.iter().collect()
        } else {
            meaningful
        };
        for word in chosen {
            let alts = self.word(word);
            if !alts.is_empty() {
                push_unique(&mut concepts, alts);
            }
        }
        concepts.truncate(MAX_CONCEPTS);
        concepts
    }

    fn word(&mut self, word: &str) -> Concept {
        let main = terms(&mut self.precise, word);
        if main.is_empty() {
            return Vec::new();
        }
        let mut alts = vec![exact(main.clone())];
        let inner = tiling(&spans(&mut self.inner, word), word.len());
        if inner.len() > 1 && word.chars().count() > 2 {
            alts.push(Alternative {
                terms: inner,
                fuzzy: 0,
                weight: 0.4,
            });
        }
        if let [term] = main.as_slice() {
            let distance = typo_distance(word);
            if distance > 0 {
                alts.push(Alternative {
                    terms: vec![term.clone()],
                    fuzzy: distance,
                    weight: 0.3,
                });
            }
        }
        alts
    }
}

/// The fewest shorter words that cover a compound end to end (无线网络 → 无线 + 网络), or
/// nothing when its parts do not cover it.
fn tiling(spans: &[(usize, usize, String)], len: usize) -> Vec<String> {
    // best[p]: the shortest chain of parts covering 0..p.
    let mut best: Vec<Option<Vec<usize>>> = vec![None; len + 1];
    best[0] = Some(Vec::new());
    for p in 0..len {
        let Some(chain) = best[p].clone() else {
            continue;
        };
        for (i, (start, end, _)) in spans.iter().enumerate() {
            let whole = *start == 0 && *end == len;
            if *start != p || whole || *end > len {
                continue;
            }
            if best[*end]
                .as_ref()
                .is_none_or(|b| b.len() > chain.len() + 1)
            {
                let mut next = chain.clone();
                next.push(i);
                best[*end] = Some(next);
            }
        }
    }
    best[len]
        .take()
        .map(|chain| chain.into_iter().map(|i| spans[i].2.clone()).collect())
        .unwrap_or_default()
}

/// Typos tolerated in a Latin word: none below 4 letters, one up to 7, two from 8.
pub fn typo_distance(word: &str) -> u8 {
    if !word.chars().all(|c| c.is_ascii_alphabetic()) {
        return 0;
    }
    match word.len() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

fn exact(terms: Vec<String>) -> Alternative {
    Alternative {
        terms,
        fuzzy: 0,
        weight: 1.0,
    }
}

fn push_unique(concepts: &mut Vec<Concept>, concept: Concept) {
    if !concept.is_empty() && !concepts.contains(&concept) {
        concepts.push(concept);
    }
}

/// Blanks out every occurrence of the group's terms in `text`; true when any was there.
/// Latin terms match whole words only, so "lan" does not match inside "plan".
fn take_any(text: &mut String, group: &[String]) -> bool {
    let mut found = false;
    let mut by_length: Vec<&String> = group.iter().filter(|t| !t.is_empty()).collect();
    by_length.sort_by_key(|t| std::cmp::Reverse(t.len()));
    for term in by_length {
        let mut from = 0;
        while let Some(pos) = text[from..].find(term.as_str()).map(|p| p + from) {
            let end = pos + term.len();
            if bounded(text, pos, end) {
                text.replace_range(pos..end, &" ".repeat(term.len()));
                found = true;
            }
            from = end.min(text.len());
        }
    }
    found
}

fn bounded(text: &str, start: usize, end: usize) -> bool {
    let latin = |c: char| c.is_ascii_alphanumeric();
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let first = text[start..end].chars().next();
    let last = text[start..end].chars().next_back();
    let glued_before = first.is_some_and(latin) && before.is_some_and(latin);
    let glued_after = last.is_some_and(latin) && after.is_some_and(latin);
    !glued_before && !glued_after
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn a_synonym_in_the_query_becomes_one_concept_with_every_spelling() {
        let synonyms = vec![group(&["wifi", "wireless", "wlan", "无线网络"])];
        let concepts = Planner::default().plan("WLAN slow", &synonyms);
        assert_eq!(concepts.len(), 2, "{concepts:?}");
        let spellings: Vec<&str> = concepts[0].iter().map(|a| a.terms[0].as_str()).collect();
        assert_eq!(spellings, vec!["wifi", "wireless", "wlan", "无线网络"]);
        assert_eq!(concepts[1][0].terms, vec!["slow"]);
    }

    #[test]
    fn latin_synonyms_match_whole_words_only() {
        let synonyms = vec![group(&["lan", "局域网"])];
        let concepts = Planner::default().plan("plan", &synonyms);
        assert_eq!(concepts.len(), 1);
        assert_eq!(concepts[0][0].terms, vec!["plan"]);
    }

    #[test]
    fn chinese_synonyms_match_inside_a_sentence() {
        let synonyms = vec![group(&["无线网络", "wifi"])];
        let concepts = Planner::default().plan("无线网络很慢", &synonyms);
        assert!(
            concepts[0].iter().any(|a| a.terms == vec!["wifi"]),
            "{concepts:?}"
        );
    }

    #[test]
    fn question_words_are_not_required_unless_nothing_else_is_asked() {
        let concepts = Planner::default().plan("怎么连接打印机", &[]);
        assert!(
            concepts.iter().all(|c| c[0].terms != vec!["怎么"]),
            "{concepts:?}"
        );
        let only = Planner::default().plan("how", &[]);
        assert_eq!(only.len(), 1);
    }

    #[test]
    fn long_latin_words_tolerate_typos_short_ones_do_not() {
        assert_eq!(typo_distance("vpn"), 0);
        assert_eq!(typo_distance("printr"), 1);
        assert_eq!(typo_distance("keyboarde"), 2);
        assert_eq!(typo_distance("打印机"), 0);
        let concepts = Planner::default().plan("printr", &[]);
        assert!(concepts[0].iter().any(|a| a.fuzzy == 1));
    }

    #[test]
    fn compounds_may_also_match_by_their_parts() {
        let concepts = Planner::default().plan("无线网络", &[]);
        assert!(
            concepts[0]
                .iter()
                .any(|a| a.terms == vec!["无线", "网络"] && a.weight < 1.0),
            "{concepts:?}"
        );
    }

    #[test]
    fn hostile_queries_plan_without_panicking() {
        let long = "é\"(*:".repeat(2_000);
        for q in [
            "",
            "\"",
            "((title:x",
            "😀🙂",
            "AND OR NOT",
            long.as_str(),
            "-",
            "*?~^",
        ] {
            let concepts = Planner::default().plan(q, &[group(&["x\"", ""])]);
            assert!(concepts.len() <= MAX_CONCEPTS);
        }
    }
}
