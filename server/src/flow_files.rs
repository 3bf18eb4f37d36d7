//! Diagnosis flows as JSON files (`<slug>.json`, schema `helpdesk-flow/1`, see docs/flows.md),
//! so they can be reviewed in git.

use app::domain::flow::FlowFile;
use app::domain::flow_check::{parse_file, Problem, ProblemKind};
use app::i18n::Locale;
use app::ports::Store;
use std::path::Path;

/// A problem of one file, in English, naming the node it concerns.
fn describe(file: &str, problem: &Problem) -> String {
    format!("{file}: {}", Locale::En.strings().flows.problem(problem))
}

/// Reads every `*.json` of a folder; any problem in any file refuses them all, each listed.
pub fn read_folder(dir: &Path) -> Result<Vec<FlowFile>, Vec<String>> {
    let entries = std::fs::read_dir(dir).map_err(|e| vec![format!("{}: {e}", dir.display())])?;
    let mut names: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in names {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match std::fs::read_to_string(&path) {
            Err(e) => problems.push(format!("{name}: {e}")),
            Ok(text) => match parse_file(&text) {
                Ok(file) if format!("{}.json", file.slug) != name => problems.push(format!(
                    "{name}: the file of flow \"{}\" must be named {}.json",
                    file.slug, file.slug
                )),
                Ok(file) => files.push(file),
                Err(found) => problems.extend(found.iter().map(|p| describe(&name, p))),
            },
        }
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(problems)
    }
}

/// Problems of linked articles that do not exist, per file.
pub async fn missing_articles(
    store: &dyn Store,
    files: &[FlowFile],
) -> anyhow::Result<Vec<String>> {
    let mut problems = Vec::new();
    for file in files {
        for node in &file.graph.nodes {
            if let app::domain::flow::NodeKind::Solution { articles, .. } = &node.kind {
                for slug in articles {
                    if store.article(slug, Locale::Zh, false).await?.is_none() {
                        let p = Problem {
                            node: Some(node.id.clone()),
                            kind: ProblemKind::UnknownArticle(slug.clone()),
                        };
                        problems.push(describe(&format!("{}.json", file.slug), &p));
                    }
                }
            }
        }
    }
    Ok(problems)
}

/// A flow file as written by `flows export`: pretty JSON with a final newline.
pub fn format_flow(file: &FlowFile) -> anyhow::Result<String> {
    Ok(serde_json::to_string_pretty(file)? + "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_flows_link_only_shipped_articles() {
        for (slug, json) in crate::demo::FLOWS {
            let file = parse_file(json).unwrap_or_else(|p| panic!("{slug}: {p:?}"));
            for article in file.graph.article_slugs() {
                assert!(
                    crate::demo::ARTICLES.iter().any(|(s, _, _)| *s == article),
                    "{slug} links {article}"
                );
            }
        }
    }

    #[test]
    fn a_folder_with_one_bad_file_is_refused_naming_file_and_node() {
        let dir = std::env::temp_dir().join(format!("flows-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        for (name, text) in crate::demo::FLOWS {
            std::fs::write(dir.join(format!("{name}.json")), text).expect("write");
        }
        assert_eq!(read_folder(&dir).expect("demo flows are valid").len(), 3);
        let broken = crate::demo::FLOWS[0]
            .1
            .replace("\"next\": \"mainboard\"", "\"next\": \"nowhere\"");
        std::fs::write(
            dir.join(format!("{}.json", crate::demo::FLOWS[0].0)),
            broken,
        )
        .expect("write");
        std::fs::write(dir.join("junk.json"), "{ not json").expect("write");
        let problems = read_folder(&dir).expect_err("refused");
        let _ = std::fs::remove_dir_all(&dir);
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with("computer-wont-start.json: Node “power”")
                    && p.contains("nowhere")),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with("junk.json: The file is not valid")),
            "{problems:?}"
        );
    }
}
