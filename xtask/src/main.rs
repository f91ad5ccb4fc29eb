//! meetkit's build automation, run as `cargo xtask <command>` (see `.cargo/config.toml`).
//!
//! Build logic lives here in Rust rather than in shell scripts, so it runs the same on every
//! machine and in CI.

mod api_summary;
mod bench;
mod cargo;
mod ci;
mod decoder;
#[cfg(test)]
mod files;
mod fuzz;
mod generate;
#[cfg(test)]
mod generate_tests;
mod java;
mod lint;
#[cfg(test)]
mod module_graph;
mod open_enums;
mod problem;
#[cfg(test)]
mod provider_names;
mod python;
mod seeds;
mod spec_diff;
#[cfg(test)]
mod spec_diff_tests;
mod system;

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
        /// Only the fleet scenario (1,000 accounts); the same as `--only fleet`.
        #[arg(long)]
        fleet: bool,
        /// Only one scenario: `python` (the CLI's throughput run and the Python rows against
        /// it), `latency` (the latency-bound run and its requests vs the minimum) or `fleet`.
        #[arg(long, value_enum, conflicts_with = "fleet")]
        only: Option<bench::Only>,
    },
    /// What changed between two versions of a spec, each change breaking or additive for our
    /// clients. Exit status: 0 nothing breaking, 1 something breaking, 2 an input unreadable.
    SpecDiff {
        /// Compare each SPEC (default: every provider's) with its version at this git revision.
        #[arg(long, value_name = "REV")]
        rev: Option<String>,
        /// OLD NEW without --rev; the specs to compare with --rev.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Hostile responses fed to every provider's page decoding and normalization.
    Fuzz {
        /// Seconds per provider.
        #[arg(long, default_value_t = 60)]
        seconds: u64,
        /// Build optimized (many more executions a second).
        #[arg(long)]
        release: bool,
    },
    /// Everything CI runs: fmt, clippy, generate --check, lint-specs, Rust tests, a short fuzzing
    /// pass, Python tests.
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
        Command::Bench { quick, fleet, only } => {
            bench::run(&root, quick, only.or(fleet.then_some(bench::Only::Fleet)))
        }
        Command::Fuzz { seconds, release } => fuzz::run(&root, seconds, release),
        Command::Ci => ci::run(&root),
        Command::SpecDiff { rev, paths } => {
            // Its own exit statuses: 1 means "breaking", so an unreadable input is 2.
            return match spec_diff::run(&root, rev.as_deref(), &paths) {
                Ok(status) => ExitCode::from(status),
                Err(err) => {
                    eprintln!("error: {err:#}");
                    ExitCode::from(spec_diff::EXIT_ERROR)
                }
            };
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}
