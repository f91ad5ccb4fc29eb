//! `meetkit list`: one query, streamed to a format.

use std::io::IsTerminal;

use meetkit::{Client, Query, Window};

use super::{Flow, chatty, drain, now, report, report_drift};
use crate::args::{GlobalArgs, ListArgs, ProviderArg};
use crate::config_file;
use crate::exit::{CliError, Exit, Outcome};
use crate::output::{self, progress::ProgressLine};

/// Lists the meetings of one window; see `meetkit list --help`.
pub async fn run(args: ListArgs, global: &GlobalArgs) -> Result<Exit, CliError> {
    let now = now()?;
    let window = Window::new(args.from.resolve(now), args.to.resolve(now))?;
    let loaded = config_file::load(global, &args.runtime)?;
    let client = Client::new(loaded.config)?;
    let query = Query::new(window)
        .providers(ProviderArg::resolve(&args.providers))
        .accounts(args.accounts.names.clone())
        .filters(args.filters.to_filters())
        .limit(args.limit)
        .include_raw(args.raw)
        .lenient(args.lenient);
    let plan = client.plan(&query).await?;
    let accounts: Vec<_> = plan
        .partitions
        .iter()
        .map(|p| (p.provider, p.account.clone()))
        .collect();
    let stream = client.run_plan(plan)?;
    let warnings = stream.warnings().to_vec();
    let progress_handle = stream.progress();

    let format = output::resolve_format(args.format, args.output.is_some());
    let target = args
        .output
        .as_ref()
        .map_or_else(|| "standard output".to_owned(), |p| p.display().to_string());
    let mut sink = output::sink(format, args.output.as_deref(), args.raw)?;
    let progress = ProgressLine::new(global.quiet);
    // Rows and the progress line share the terminal only when stdout is one.
    let shared_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let mut written = 0u64;
    let mut reader_gone = false;
    let errors = drain(
        stream,
        || progress_handle.snapshot(),
        &progress,
        |meeting| {
            let result = if shared_terminal {
                progress.suspend(|| sink.write(&meeting))
            } else {
                sink.write(&meeting)
            };
            match result {
                Ok(()) => {
                    written += 1;
                    Ok(Flow::Continue)
                }
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                    reader_gone = true;
                    Ok(Flow::Stop)
                }
                Err(e) => Err(CliError::io(&target, &e)),
            }
        },
    )
    .await?;
    if reader_gone {
        // `meetkit list | head`: the reader has what it wanted.
        return Ok(Exit::Ok);
    }
    match sink.finish() {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(Exit::Ok),
        other => other.map_err(|e| CliError::io(&target, &e))?,
    }
    for p in progress_handle.snapshot() {
        tracing::info!(
            provider = %p.provider,
            meetings = p.meetings,
            requests = p.requests,
            retries = p.retries,
            pages = p.pages,
            "listed"
        );
    }
    report(global.quiet, &warnings, &errors);
    report_drift(global.quiet, global.verbose, &progress_handle.drift());
    let outcome = Outcome {
        meetings: written,
        accounts,
        errors,
    };
    let exit = outcome.exit();
    let failures = outcome.errors.len();
    match exit {
        Exit::Ok if chatty(global.quiet) => eprintln!("meetkit: {written} meetings in {window}"),
        Exit::Ok => {}
        Exit::Partial => eprintln!(
            "meetkit: incomplete: {written} meetings listed in {window}, but {failures} failure{} (above)",
            if failures == 1 { "" } else { "s" }
        ),
        Exit::Config => eprintln!("meetkit: nothing listed: the credentials were rejected (above)"),
        _ => eprintln!("meetkit: nothing listed: every provider asked for failed (above)"),
    }
    Ok(exit)
}
