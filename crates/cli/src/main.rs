//! `meetkit`: the command line over the meetkit core. Parsing lives in [`args`], formats in
//! [`output`], the async runtime's threads in [`runtime`], sync's durability in [`sync`], each
//! subcommand in [`commands`].

// clap prints the argument doc comments as `--help` text, where `<config dir>` and the like are
// placeholders, not HTML tags.
#![allow(rustdoc::invalid_html_tags)]

mod args;
mod commands;
mod config_file;
mod exit;
mod output;
mod runtime;
mod sync;
mod when;

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use tracing_subscriber::EnvFilter;

/// mimalloc: thread-local free lists instead of glibc's arena locks; decoding and normalizing
/// pages on every core allocate a string per field.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // Help, version and usage errors exit here (0 or 2), with clap's messages.
    let cli = args::Cli::parse();
    init_logs(cli.global.verbose, cli.global.quiet, cli.global.log_format);
    let result = runtime::build().and_then(|runtime| runtime.block_on(commands::run(cli)));
    match result {
        Ok(exit) => exit.into(),
        Err(err) => {
            if !err.is_closed_pipe() {
                eprintln!("meetkit: error: {err}");
            }
            err.exit.into()
        }
    }
}

/// Warnings by default (retries that go on), `-v` info (a summary per provider), `-vv` debug
/// (a line per request), `-vvv` trace (retry decisions, rate-limit waits, splits), for
/// meetkit's crates; `MEETKIT_LOG` overrides (an `EnvFilter` directive). Logs go to stderr.
fn init_logs(verbose: u8, quiet: bool, format: args::LogFormat) {
    let level = match (quiet, verbose) {
        (true, _) => "off",
        // Warnings only: a provider that keeps retrying says so every few seconds.
        (false, 0) => "warn",
        (false, 1) => "info",
        (false, 2) => "debug",
        _ => "trace",
    };
    let filter = std::env::var("MEETKIT_LOG")
        .ok()
        .and_then(|directive| EnvFilter::try_new(directive).ok())
        .unwrap_or_else(|| {
            EnvFilter::new(format!(
                "meetkit={level},meetkit_cli={level},meetkit_sandbox={level}"
            ))
        });
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false);
    let _ = match format {
        args::LogFormat::Text => builder
            .with_ansi(std::io::stderr().is_terminal())
            .try_init(),
        args::LogFormat::Json => builder.json().try_init(),
    };
}
