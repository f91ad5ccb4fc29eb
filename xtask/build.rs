//! Declares one module per file of `src/seeds/providers/` (but `mod.rs`), each a provider's
//! seed rule with its `SEED`, and the `SEEDS` table of them, so that adding a provider's seed
//! is adding its file. `seeds/providers/mod.rs` `include!`s what this writes to `$OUT_DIR`.

use std::path::{Path, PathBuf};

fn main() {
    // The directory of the package being built, read when the script runs: a compile-time
    // `env!` would keep the path of whichever checkout first built this script.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let dir = Path::new(&manifest).join("src/seeds/providers");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<(String, PathBuf)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let name = path.file_stem()?.to_str()?.to_owned();
            (path.extension().is_some_and(|e| e == "rs") && name != "mod").then_some((name, path))
        })
        .collect();
    files.sort();
    let mut code = String::new();
    for (name, path) in &files {
        code += &format!(
            "#[path = {:?}]\npub mod {name};\n",
            path.display().to_string()
        );
    }
    let seeds: Vec<String> = files
        .iter()
        .map(|(name, _)| format!("{name}::SEED"))
        .collect();
    code += &format!(
        "/// Every seed, with its rule (one per file, by file name).\npub const SEEDS: [Seed; {}] = [{}];\n",
        seeds.len(),
        seeds.join(", ")
    );
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into()));
    let path = out.join("seeds.rs");
    std::fs::write(&path, code).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}
