//! Declares the sandbox's per-provider modules from its directories, so that adding a
//! provider is adding its files: every `.rs` file of `src/providers/` and `src/data/` but
//! `mod.rs` becomes a module (`#[path]`), and a file of `src/providers/` whose name has no
//! `_` is a provider's own (helpers are `<provider>_<what>.rs`): the tables list its
//! `HANDOUT` and `APIS`, and its `data/` namesake's `RECORDS`. `providers/mod.rs` and
//! `data/mod.rs` `include!` what this writes to `$OUT_DIR`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    // Read when the script runs, not compiled in (see xtask/build.rs).
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let src = Path::new(&manifest).join("src");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into()));
    let providers = modules(&src.join("providers"));
    let owners: Vec<&str> = providers
        .iter()
        .map(|(name, _)| name.as_str())
        .filter(|name| !name.contains('_'))
        .collect();
    let mut code = declarations(&providers);
    let handouts = owners.iter().map(|p| format!("&{p}::HANDOUT"));
    let apis = owners.iter().map(|p| format!("&{p}::APIS"));
    table(&mut code, "HANDOUTS", "&Handout", handouts);
    table(&mut code, "PROVIDER_APIS", "&[&Api]", apis);
    write(&out.join("providers.rs"), &code);

    let mut code = declarations(&modules(&src.join("data")));
    let records = owners.iter().map(|p| format!("&{p}::RECORDS"));
    table(&mut code, "RECORDS", "&Records", records);
    write(&out.join("data.rs"), &code);
}

/// The modules of `dir`: (name, path), by name.
fn modules(dir: &Path) -> Vec<(String, PathBuf)> {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut found: Vec<(String, PathBuf)> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let name = path.file_stem()?.to_str()?.to_owned();
            let is_module = path.extension().is_some_and(|e| e == "rs") && name != "mod";
            is_module.then_some((name, path))
        })
        .collect();
    found.sort();
    found
}

fn declarations(modules: &[(String, PathBuf)]) -> String {
    let mut code = String::new();
    for (name, path) in modules {
        let _ = writeln!(
            code,
            "#[path = {:?}]\npub mod {name};",
            path.display().to_string()
        );
    }
    code
}

fn table(code: &mut String, name: &str, ty: &str, items: impl ExactSizeIterator<Item = String>) {
    let len = items.len();
    let items: Vec<String> = items.collect();
    let _ = writeln!(
        code,
        "/// One entry per provider module (by file name).\nstatic {name}: [{ty}; {len}] = [{}];",
        items.join(", ")
    );
}

fn write(path: &Path, code: &str) {
    std::fs::write(path, code).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}
