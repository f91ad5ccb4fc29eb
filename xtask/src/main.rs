//! meetkit's build automation, run as `cargo xtask <command>` (see `.cargo/config.toml`).
//!
//! Build logic lives here in Rust rather than in shell scripts, so it runs the same on every
//! machine and in CI.

mod bench;
mod ci;
mod generate;
#[cfg(test)]
mod generate_tests;
mod java;
mod lint;
mod open_enums;
mod python;
mod seeds;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// meetkit's build automation.
#[derive(Parser)]
#[command(name = "cargo xtask", bin_name = "cargo xtask")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Regenerate the clients (and schemas) from `specs/`.
    Generate {
        /// Fail with a diff instead of writing when a generated file is stale.
        #[arg(long)]
        check: bool,
    },
    /// Check every spec against the rules progenitor needs and against its seed document.
    LintSpecs,
    /// Benchmarks against the sandbox and the Python alternatives; writes target/bench/report.md.
    Bench {
        /// Smaller datasets: finishes in under two minutes.
        #[arg(long)]
        quick: bool,
    },
    /// Everything CI runs: fmt, clippy, generate --check, lint-specs, Rust tests, Python tests.
    Ci,
}

fn workspace_root() -> PathBuf {
    // xtask lives one level below the workspace root.
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let root = workspace_root();
    let result = match cli.command {
        Command::Generate { check } => generate::run(&root, check),
        Command::LintSpecs => lint::lint_specs(&root),
        Command::Bench { quick } => bench::run(&root, quick),
        Command::Ci => ci::run(&root),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}
