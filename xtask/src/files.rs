//! Walking a source tree: the files under a directory that the source checks read.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// Every file under `root` whose name `keep` accepts, sorted, in the directories whose name
/// `descend` accepts (`root` itself is always read).
pub fn walk(
    root: &Path,
    descend: impl Fn(&str) -> bool,
    keep: impl Fn(&str) -> bool,
) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut dirs = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in
            std::fs::read_dir(&dir).with_context(|| format!("could not read {}", dir.display()))?
        {
            let path = entry?.path();
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            if path.is_dir() {
                if descend(name) {
                    dirs.push(path);
                }
            } else if keep(name) {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}
