//! The module graph of each workspace crate, and the check that it has no cycle: a module
//! may use a module that does not use it back, directly or through others. Edges are the
//! `crate::<module>` paths in a module's non-test code (its file and its submodules' files),
//! between top-level modules of the crate.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// Top-level module name → the top-level modules it uses.
pub type Graph = BTreeMap<String, BTreeSet<String>>;

/// Reads the module graph of the crate whose `src/` is `src`. Generated files and test files
/// (`tests.rs`, `<module>_tests.rs`) are skipped.
pub fn read(src: &Path) -> Result<Graph> {
    let mut graph = Graph::new();
    for file in rust_files(src)? {
        let rel = file.strip_prefix(src).unwrap_or(&file);
        let Some(module) = top_module(rel) else {
            continue;
        };
        let text = std::fs::read_to_string(&file)
            .with_context(|| format!("could not read {}", file.display()))?;
        let uses = graph.entry(module.clone()).or_default();
        for used in crate_paths(non_test_code(&text)) {
            if used != module {
                uses.insert(used);
            }
        }
    }
    // Only modules of this crate count (`crate::` can also name items of lib.rs).
    let modules: BTreeSet<String> = graph.keys().cloned().collect();
    for uses in graph.values_mut() {
        uses.retain(|m| modules.contains(m));
    }
    Ok(graph)
}

/// The cycles of `graph`: its strongly connected components of more than one module.
pub fn cycles(graph: &Graph) -> Vec<Vec<String>> {
    // Kosaraju: finish order on the graph, then components on the reversed graph.
    let mut order = Vec::new();
    let mut seen = BTreeSet::new();
    for start in graph.keys() {
        finish(graph, start, &mut seen, &mut order);
    }
    let mut reversed: Graph = graph.keys().map(|k| (k.clone(), BTreeSet::new())).collect();
    for (from, tos) in graph {
        for to in tos {
            reversed.entry(to.clone()).or_default().insert(from.clone());
        }
    }
    let mut assigned = BTreeSet::new();
    let mut out = Vec::new();
    for start in order.iter().rev() {
        let mut component = Vec::new();
        finish(&reversed, start, &mut assigned, &mut component);
        if component.len() > 1 {
            component.sort();
            out.push(component);
        }
    }
    out
}

/// Depth-first from `node`, pushing each module once all it reaches is done (iterative, so a
/// deep graph cannot overflow the stack).
fn finish(graph: &Graph, node: &str, seen: &mut BTreeSet<String>, order: &mut Vec<String>) {
    if !seen.insert(node.to_owned()) {
        return;
    }
    let mut stack: Vec<(String, Vec<String>)> = vec![(node.to_owned(), next(graph, node))];
    while let Some((current, pending)) = stack.last_mut() {
        match pending.pop() {
            Some(n) if seen.insert(n.clone()) => {
                let more = next(graph, &n);
                stack.push((n, more));
            }
            Some(_) => {}
            None => {
                order.push(current.clone());
                stack.pop();
            }
        }
    }
}

fn next(graph: &Graph, node: &str) -> Vec<String> {
    graph
        .get(node)
        .map(|s| s.iter().cloned().collect())
        .unwrap_or_default()
}

fn rust_files(dir: &Path) -> Result<Vec<PathBuf>> {
    crate::files::walk(
        dir,
        |_| true,
        |name| name.ends_with(".rs") && name != "generated.rs" && !name.ends_with("tests.rs"),
    )
}

/// `paging/walk.rs` → `paging`; `client.rs` → `client`; the crate root → none.
fn top_module(rel: &Path) -> Option<String> {
    let first = rel.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (!matches!(name, "lib" | "main")).then(|| name.to_owned())
}

/// The text before the first `#[cfg(test)]` (tests may use anything), without line comments.
fn non_test_code(text: &str) -> String {
    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
    code.lines()
        .map(|l| l.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Modules named after `crate::`, including inside `use crate::{a::X, b}` groups.
fn crate_paths(code: String) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // The group runs to its matching brace (groups nest: `{a::{B, C}, d}`).
            let mut depth = 1usize;
            let end = group
                .char_indices()
                .find(|(_, c)| {
                    match c {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        _ => {}
                    }
                    depth == 0
                })
                .map_or(group.len(), |(j, _)| j);
            let body = &group[..end];
            // Top-level names of the group: each comma-separated part's first segment.
            let mut depth = 0usize;
            let mut start = true;
            for (j, c) in body.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth = depth.saturating_sub(1),
                    ',' if depth == 0 => start = true,
                    c if start && !c.is_whitespace() => {
                        start = false;
                        let name = ident(&body[j..]);
                        if name.chars().next().is_some_and(|c| c.is_ascii_lowercase()) {
                            out.insert(name);
                        }
                    }
                    _ => {}
                }
            }
        } else {
            let name = ident(rest);
            if name.chars().next().is_some_and(|c| c.is_ascii_lowercase()) {
                out.insert(name);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(edges: &[(&str, &[&str])]) -> Graph {
        edges
            .iter()
            .map(|(a, bs)| {
                (
                    (*a).to_owned(),
                    bs.iter().map(|b| (*b).to_owned()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn a_cycle_through_three_modules_is_found_and_a_chain_is_not() {
        let g = graph(&[("a", &["b"]), ("b", &["c"]), ("c", &["a"]), ("d", &["a"])]);
        assert_eq!(cycles(&g), vec![vec!["a", "b", "c"]]);
        let chain = graph(&[("a", &["b"]), ("b", &["c"]), ("c", &[])]);
        assert!(cycles(&chain).is_empty());
    }

    #[test]
    fn a_cycle_written_in_files_is_read_and_test_code_is_not() -> Result<()> {
        let src = std::env::temp_dir().join(format!("meetkit-module-graph-{}", std::process::id()));
        std::fs::create_dir_all(src.join("b"))?;
        let files = [
            ("lib.rs", "mod a;\nmod b;\nmod c;\n"),
            (
                "a.rs",
                "use crate::b::Thing; // crate::c in a comment is no edge\n",
            ),
            ("b/mod.rs", "mod inner;\n"),
            ("b/inner.rs", "pub fn f() { crate::a::g(); }\n"),
            (
                "c.rs",
                "use crate::{a, b::Thing};\n#[cfg(test)]\nmod tests { use crate::c; }\n",
            ),
        ];
        for (path, text) in files {
            std::fs::write(src.join(path), text)?;
        }
        let graph = read(&src);
        std::fs::remove_dir_all(&src)?;
        let graph = graph?;
        assert_eq!(graph["a"].iter().collect::<Vec<_>>(), vec!["b"]);
        assert_eq!(graph["c"].iter().collect::<Vec<_>>(), vec!["a", "b"]);
        assert_eq!(cycles(&graph), vec![vec!["a", "b"]]);
        Ok(())
    }

    #[test]
    fn crate_paths_read_plain_paths_and_groups() {
        let code = "use crate::error::Failure;\nuse crate::{model::{Meeting, Provider}, query, Client};\nlet x = crate::plan::f();".to_owned();
        let found: Vec<String> = crate_paths(code).into_iter().collect();
        assert_eq!(found, vec!["error", "model", "plan", "query"]);
    }

    #[test]
    fn no_workspace_crate_has_an_import_cycle() -> Result<()> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut sources = vec![root.join("xtask/src"), root.join("python/src")];
        for entry in std::fs::read_dir(root.join("crates"))? {
            sources.push(entry?.path().join("src"));
        }
        let mut found = Vec::new();
        for src in sources.iter().filter(|s| s.is_dir()) {
            for cycle in cycles(&read(src)?) {
                found.push(format!("{}: {}", src.display(), cycle.join(" ↔ ")));
            }
        }
        assert!(found.is_empty(), "import cycles:\n{}", found.join("\n"));
        Ok(())
    }
}
