//! `cargo xtask fuzz [--seconds N] [--release]`: hostile responses fed to every provider's page
//! decoding and normalization (`crates/meetkit/tests/fuzz/`), N seconds per provider.
//!
//! Structured mutation on the stable toolchain: the harness is an ignored test of the core, so
//! it runs against exactly the code `cargo test` builds. It prints executions per provider and
//! fails, saving each input under `target/fuzz-crashes/`, when one panicked.

use std::path::Path;

use anyhow::{Context, Result, bail};

/// Runs the fuzzing pass for `seconds` per provider, optimized when `release`.
pub fn run(root: &Path, seconds: u64, release: bool) -> Result<()> {
    // The workspace's feature set (not `-p meetkit`'s): the test build reuses what the rest of
    // the suite compiled instead of rebuilding dependencies with other features.
    let mut args = vec!["test", "--workspace", "--test", "fuzz", "--locked"];
    if release {
        args.push("--release");
    }
    args.extend([
        "--",
        "--ignored",
        "--exact",
        "fuzz_decode_and_normalize",
        "--nocapture",
    ]);
    let status = crate::cargo::command(root)
        .args(&args)
        .env("MEETKIT_FUZZ_SECONDS", seconds.to_string())
        .status()
        .context("could not run cargo test for the fuzzing pass")?;
    if !status.success() {
        bail!(
            "the fuzzing pass failed ({status}); see the inputs it saved under target/fuzz-crashes/"
        );
    }
    Ok(())
}
