//! One module per subcommand; each returns the exit code or a [`CliError`].

mod completions;
mod demo;
mod doctor;
mod list;
mod plan;
mod providers;
mod sandbox;
mod schema;
mod sync;

use std::io::IsTerminal;

use chrono::{DateTime, SubsecRound, Utc};
use futures::{Stream, StreamExt};
use meetkit::{Meeting, ProviderError, ProviderProgress};

use crate::args::{Cli, Command};
use crate::exit::{CliError, Exit};
use crate::output::progress::ProgressLine;

/// Runs the command `cli` names.
pub async fn run(cli: Cli) -> Result<Exit, CliError> {
    let global = cli.global;
    match cli.command {
        Command::List(args) => list::run(args, &global).await,
        Command::Plan(args) => plan::run(args, &global).await,
        Command::Sync(args) => sync::run(args, &global).await,
        Command::Sandbox(args) => sandbox::run(args, &global).await,
        Command::Demo(args) => demo::run(args, &global).await,
        Command::Providers(args) => providers::run(args, &global),
        Command::Doctor(args) => doctor::run(args, &global).await,
        Command::Schema => schema::run(),
        Command::Completions(args) => completions::run(args),
    }
}

/// Writes `text` to standard output and flushes it; a closed pipe (`meetkit plan | head`)
/// ends the command quietly instead of panicking as `print!` would.
pub fn print(text: impl AsRef<[u8]>) -> Result<(), CliError> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_ref())
        .and_then(|()| out.flush())
        .map_err(|e| CliError::io("standard output", &e))
}

/// The current time; `MEETKIT_NOW` (RFC 3339) pins it, for reproducible tests and demos.
pub fn now() -> Result<DateTime<Utc>, CliError> {
    match std::env::var("MEETKIT_NOW") {
        Ok(value) => DateTime::parse_from_rfc3339(value.trim())
            .map(|t| t.with_timezone(&Utc))
            .map_err(|e| {
                CliError::new(
                    Exit::Usage,
                    format!("MEETKIT_NOW must be an RFC 3339 time, not {value:?} ({e})"),
                )
            }),
        // Whole seconds: windows print cleanly, and nothing is lost that a provider could return.
        Err(_) => Ok(Utc::now().trunc_subsecs(0)),
    }
}

/// What `each` says after a meeting: go on, or stop reading (the reader went away).
pub enum Flow {
    /// Keep going.
    Continue,
    /// Stop; the rest of the stream is dropped.
    Stop,
}

/// Reads `stream` to the end, handing each meeting to `each` and redrawing the progress line;
/// returns the failures, in arrival order.
pub async fn drain<S>(
    mut stream: S,
    snapshot: impl Fn() -> Vec<ProviderProgress>,
    progress: &ProgressLine,
    mut each: impl FnMut(Meeting) -> Result<Flow, CliError>,
) -> Result<Vec<ProviderError>, CliError>
where
    S: Stream<Item = Result<Meeting, ProviderError>> + Unpin,
{
    let mut errors = Vec::new();
    let mut tick = tokio::time::interval(std::time::Duration::from_millis(100));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    loop {
        tokio::select! {
            item = stream.next() => match item {
                None => break,
                Some(Ok(meeting)) => {
                    if let Flow::Stop = each(meeting)? {
                        break;
                    }
                }
                Some(Err(failure)) => {
                    tracing::debug!("{failure}");
                    errors.push(failure);
                }
            },
            _ = tick.tick(), if progress.is_shown() => progress.update(&snapshot()),
        }
    }
    progress.finish();
    Ok(errors)
}

/// Prints warnings (unless quiet) and failures (always) to stderr, after the output.
pub fn report(global_quiet: bool, warnings: &[String], errors: &[ProviderError]) {
    if !global_quiet {
        for warning in warnings {
            eprintln!("meetkit: warning: {warning}");
        }
    }
    for error in errors {
        eprintln!("meetkit: error: {error}");
    }
}

/// Warns about what the providers sent that meetkit's specs do not know: one line saying how
/// many by default, one line per item with `-v`; nothing with `--quiet`.
pub fn report_drift(global_quiet: bool, verbose: u8, drift: &[meetkit::DriftItem]) {
    if global_quiet || drift.is_empty() {
        return;
    }
    if verbose > 0 {
        for item in drift {
            eprintln!("meetkit: warning: {item}");
        }
        return;
    }
    let fields = drift
        .iter()
        .filter(|d| d.kind == meetkit::DriftKind::Field)
        .count();
    let values = drift.len() - fields;
    eprintln!(
        "meetkit: warning: the providers sent {fields} response field{} and {values} enum value{} that meetkit's specs do not know (-v lists them; `meetkit doctor` names the spec to edit)",
        if fields == 1 { "" } else { "s" },
        if values == 1 { "" } else { "s" },
    );
}

/// Whether to print summaries: stderr is a terminal and not `--quiet`.
pub fn chatty(quiet: bool) -> bool {
    !quiet && std::io::stderr().is_terminal()
}
