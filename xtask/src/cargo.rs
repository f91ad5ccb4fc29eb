//! Running cargo itself from xtask, in the workspace root.
//!
//! Every cargo build xtask starts (its own `cargo` calls, the fuzzing pass, `maturin develop`)
//! runs with incremental compilation off: xtask builds from a clean checkout in CI, where the
//! incremental caches only cost disk (over 2 GB for this workspace's test binaries, enough to
//! fill a CI machine's disk) and never pay off. Builds you run by hand keep cargo's defaults.

use std::ffi::OsStr;
use std::path::Path;
use std::process::Command;

use anyhow::{Context, Result, bail};

/// The environment xtask sets on every build it starts (see the module docs).
pub const BUILD_ENV: [(&str, &str); 1] = [("CARGO_INCREMENTAL", "0")];

/// `cargo` (or `$CARGO`) in the workspace root, with [`BUILD_ENV`] set.
pub fn command(root: &Path) -> Command {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let mut command = Command::new(cargo);
    command.current_dir(root);
    with_build_env(&mut command);
    command
}

/// Sets [`BUILD_ENV`] on a command that builds Rust code (cargo itself, or maturin).
pub fn with_build_env(command: &mut Command) -> &mut Command {
    command.envs(BUILD_ENV.map(|(k, v)| (OsStr::new(k), OsStr::new(v))))
}

/// Runs `cargo <args>` in the workspace root.
pub fn cargo(root: &Path, args: &[&str]) -> Result<()> {
    let status = command(root)
        .args(args)
        .status()
        .with_context(|| format!("could not run cargo {}", args.join(" ")))?;
    if !status.success() {
        bail!("cargo {} exited with {status}", args.join(" "));
    }
    Ok(())
}
