//! `cargo xtask ci`: every check CI runs, in the order that fails fastest.

use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result};

use crate::cargo::cargo;

/// Runs every CI step; stops at the first failure.
pub fn run(root: &Path) -> Result<()> {
    step("cargo fmt --check", || {
        cargo(root, &["fmt", "--all", "--check"])?;
        rustfmt_declared_modules(root)
    })?;
    step("cargo clippy", || {
        cargo(
            root,
            &[
                "clippy",
                "--workspace",
                "--all-targets",
                "--locked",
                "--",
                "-D",
                "warnings",
            ],
        )
    })?;
    step("generate --check", || crate::generate::run(root, true))?;
    step("lint-specs", || crate::lint::lint_specs(root))?;
    step("system packages", || {
        crate::system::ensure(crate::system::PACKAGES)
    })?;
    step("cargo test", || {
        cargo(root, &["test", "--workspace", "--locked"])
    })?;
    step("fuzz (4 s per provider)", || {
        crate::fuzz::run(root, 4, false)
    })?;
    step("python (maturin develop, pytest, mypy)", || {
        crate::python::run(root)
    })?;
    Ok(())
}

/// The directories whose modules a build script declares (`include!`d from `$OUT_DIR`), so
/// that `cargo fmt`, which follows only written `mod` items, does not reach them.
pub const DECLARED_MODULE_DIRS: [&str; 3] = [
    "crates/sandbox/src/providers",
    "crates/sandbox/src/data",
    "xtask/src/seeds/providers",
];

/// `rustfmt --check` on the files of [`DECLARED_MODULE_DIRS`].
fn rustfmt_declared_modules(root: &Path) -> Result<()> {
    let mut files = Vec::new();
    for dir in DECLARED_MODULE_DIRS {
        let dir = root.join(dir);
        for entry in
            std::fs::read_dir(&dir).with_context(|| format!("could not read {}", dir.display()))?
        {
            let path = entry?.path();
            if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    let status = std::process::Command::new("rustfmt")
        .args(["--edition", "2024", "--check"])
        .args(&files)
        .current_dir(root)
        .status()
        .context("could not run rustfmt")?;
    if !status.success() {
        anyhow::bail!(
            "rustfmt --check failed on the modules build scripts declare: run `rustfmt --edition 2024` on {}",
            DECLARED_MODULE_DIRS.join(", ")
        );
    }
    Ok(())
}

fn step(name: &str, f: impl FnOnce() -> Result<()>) -> Result<()> {
    println!("==> {name}");
    let started = Instant::now();
    let result = f().with_context(|| format!("CI step `{name}` failed"));
    println!(
        "<== {name}: {} in {:.1}s",
        if result.is_ok() { "ok" } else { "FAILED" },
        started.elapsed().as_secs_f64()
    );
    result
}
