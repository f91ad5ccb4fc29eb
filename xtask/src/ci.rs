//! `cargo xtask ci`: every check CI runs, in the order that fails fastest.

use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result};

use crate::cargo::cargo;

/// Runs every CI step; stops at the first failure.
pub fn run(root: &Path) -> Result<()> {
    step("cargo fmt --check", || {
        cargo(root, &["fmt", "--all", "--check"])
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
