//! Turning a planned query into a tantivy query, and its results into hits with snippets.

use super::fields::Fields;
use super::plan::{Alternative, Concept, Planner};
use app::domain::kb::{SearchHit, SnippetPart};
use app::ports::SearchRequest;
use std::collections::HashSet;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{Searcher, TantivyDocument, Term};

/// How much more a match in the title counts than one in the text, and one in the tags.
const TITLE_BOOST: f32 = 3.0;
const TAGS_BOOST: f32 = 2.0;
/// Longest snippet, in characters.
const SNIPPET_CHARS: usize = 160;

/// Runs a request: strict first (nearly every concept must match), then any concept.
pub fn run(
    searcher: &Searcher,
    fields: &Fields,
    request: &SearchRequest,
    synonyms: &[Vec<String>],
) -> tantivy::Result<Vec<SearchHit>> {
    let concepts = Planner::default().plan(&request.query, synonyms);
    if concepts.is_empty() || request.limit == 0 {
        return Ok(Vec::new());
    }
    let n = concepts.len();
    let strict = n - n / 4;
    let mut hits = search(searcher, fields, request, &concepts, strict)?;
    if hits.is_empty() && strict > 1 {
        hits = search(searcher, fields, request, &concepts, 1)?;
    }
    Ok(hits)
}

fn search(
    searcher: &Searcher,
    fields: &Fields,
    request: &SearchRequest,
    concepts: &[Concept],
    required: usize,
) -> tantivy::Result<Vec<SearchHit>> {
    let matching: Vec<Box<dyn Query>> = concepts
        .iter()
        .map(|c| concept(searcher, fields, c))
        .collect();
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(
        Occur::Must,
        Box::new(BooleanQuery::union_with_minimum_required_clauses(
            matching, required,
        )),
    )];
    if let Some(lang) = request.lang {
        clauses.push((Occur::Must, term(fields.lang, lang.code())));
    }
    if let Some(category) = request.category.as_deref().filter(|c| !c.is_empty()) {
        clauses.push((Occur::Must, term(fields.category, category)));
    }
    if !request.internal {
        let public = Term::from_field_u64(fields.internal, 0);
        clauses.push((
            Occur::Must,
            Box::new(TermQuery::new(public, IndexRecordOption::Basic)),
        ));
    }
    let query = BooleanQuery::new(clauses);
    // Both languages of one article may match; fetch extra so the list stays full after merging.
    let top = searcher.search(
        &query,
        &TopDocs::with_limit(request.limit * 2).order_by_score(),
    )?;
    let snippets = SnippetGenerator::create(searcher, &query, fields.body).map(|mut g| {
        g.set_max_num_chars(SNIPPET_CHARS);
        g
    })?;
    let mut seen = HashSet::new();
    let mut hits = Vec::new();
    for (_score, address) in top {
        let doc: TantivyDocument = searcher.doc(address)?;
        let text = |f| {
            doc.get_first(f)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string()
        };
        let slug = text(fields.slug);
        if !seen.insert(slug.clone()) {
            continue;
        }
        let snippet = snippets.snippet_from_doc(&doc);
        let snippet = if snippet.is_empty() {
            vec![SnippetPart {
                text: text(fields.summary),
                hit: false,
            }]
        } else {
            parts(snippet.fragment(), snippet.highlighted())
        };
        hits.push(SearchHit {
            slug,
            title: text(fields.title),
            lang: text(fields.lang),
            category_slug: text(fields.category),
            snippet,
        });
        if hits.len() == request.limit {
            break;
        }
    }
    Ok(hits)
}

/// A concept matches when any of its alternatives does. A word the index knows is not a typo,
/// so its fuzzy alternative (the costliest part of a query) is left out.
fn concept(searcher: &Searcher, fields: &Fields, alternatives: &Concept) -> Box<dyn Query> {
    let known = |text: &str| {
        [fields.title, fields.body].into_iter().any(|f| {
            searcher
                .doc_freq(&Term::from_field_text(f, text))
                .is_ok_and(|n| n > 0)
        })
    };
    let options = alternatives
        .iter()
        .filter(|a| a.fuzzy == 0 || !a.terms.iter().all(|t| known(t)))
        .map(|a| (Occur::Should, alternative(fields, a)))
        .collect();
    Box::new(BooleanQuery::new(options))
}

/// Every term of the alternative, each in the title, the tags or the text.
fn alternative(fields: &Fields, alt: &Alternative) -> Box<dyn Query> {
    let all = alt
        .terms
        .iter()
        .map(|t| (Occur::Must, anywhere(fields, t, alt.fuzzy)))
        .collect();
    Box::new(BoostQuery::new(
        Box::new(BooleanQuery::new(all)),
        alt.weight,
    ))
}

fn anywhere(fields: &Fields, text: &str, fuzzy: u8) -> Box<dyn Query> {
    let on = |field, boost: f32| -> (Occur, Box<dyn Query>) {
        let t = Term::from_field_text(field, text);
        let q: Box<dyn Query> = if fuzzy > 0 {
            Box::new(FuzzyTermQuery::new(t, fuzzy, true))
        } else {
            Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs))
        };
        (Occur::Should, Box::new(BoostQuery::new(q, boost)))
    };
    Box::new(BooleanQuery::new(vec![
        on(fields.title, TITLE_BOOST),
        on(fields.tags, TAGS_BOOST),
        on(fields.body, 1.0),
    ]))
}

fn term(field: tantivy::schema::Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, value),
        IndexRecordOption::Basic,
    ))
}

/// Splits a fragment into plain and highlighted pieces; overlapping ranges are merged.
pub fn parts(fragment: &str, highlighted: &[std::ops::Range<usize>]) -> Vec<SnippetPart> {
    let mut ranges: Vec<std::ops::Range<usize>> = highlighted
        .iter()
        .filter(|r| r.start < r.end && r.end <= fragment.len())
        .filter(|r| fragment.is_char_boundary(r.start) && fragment.is_char_boundary(r.end))
        .cloned()
        .collect();
    ranges.sort_by_key(|r| r.start);
    let mut out = Vec::new();
    let mut at = 0;
    for r in ranges {
        let start = r.start.max(at);
        if start >= r.end {
            continue;
        }
        if start > at {
            out.push(SnippetPart {
                text: fragment[at..start].to_string(),
                hit: false,
            });
        }
        out.push(SnippetPart {
            text: fragment[start..r.end].to_string(),
            hit: true,
        });
        at = r.end;
    }
    if at < fragment.len() {
        out.push(SnippetPart {
            text: fragment[at..].to_string(),
            hit: false,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::parts;

    #[test]
    fn overlapping_highlights_become_one_piece_each() {
        let p = parts("无线网络很慢", &[0..6, 0..12, 6..12]);
        let joined: String = p.iter().map(|x| x.text.as_str()).collect();
        assert_eq!(joined, "无线网络很慢");
        assert!(p[0].hit && !p.last().is_some_and(|l| l.hit));
    }
}
