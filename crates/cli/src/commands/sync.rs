//! `meetkit sync`: fetch each provider from its checkpoint (minus the lookback), append what is
//! new or changed, then move the checkpoints. The durability rules live in [`crate::sync`].

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use futures::stream;
use meetkit::{Client, Provider, ProviderProgress, Query, Window};

use super::{Flow, chatty, drain, now, report};
use crate::args::{GlobalArgs, ProviderArg, SyncArgs};
use crate::config_file;
use crate::exit::{CliError, Exit, Outcome};
use crate::output::progress::ProgressLine;
use crate::sync::{OutFile, ProviderState, State};

/// Runs one sync.
pub async fn run(args: SyncArgs, global: &GlobalArgs) -> Result<Exit, CliError> {
    let now = now()?;
    let since = args.since.resolve(now);
    Window::new(since, now)?;
    let loaded = config_file::load(global, &args.runtime)?;
    let client = Client::new(loaded.config)?;
    let asked = ProviderArg::resolve(&args.providers);
    let providers =
        client.resolve_providers(&Query::new(Window::new(since, now)?).providers(asked))?;

    let out_path =
        std::path::absolute(&args.out).map_err(|e| CliError::io(args.out.display(), &e))?;
    let mut state = match State::load(&args.state)? {
        Some(state) if state.out != out_path => {
            return Err(CliError::new(
                Exit::Usage,
                format!(
                    "the state file {} belongs to {}, not {}; pass that --out, or a new --state to start another sync",
                    args.state.display(),
                    state.out.display(),
                    out_path.display()
                ),
            ));
        }
        Some(state) => state,
        None => State::new(out_path.clone()),
    };
    let out_len = std::fs::metadata(&out_path).map(|m| m.len()).unwrap_or(0);
    if out_len < state.out_bytes && !state.providers.is_empty() {
        if !global.quiet {
            eprintln!(
                "meetkit: warning: {} is shorter than when the state was written ({out_len} < {} bytes); syncing again from --since",
                out_path.display(),
                state.out_bytes
            );
        }
        state.providers.clear();
    }

    // Each provider's window start; providers sharing one are listed by one query.
    let mut groups: BTreeMap<DateTime<Utc>, Vec<Provider>> = BTreeMap::new();
    for provider in &providers {
        let from = match state.providers.get(provider) {
            Some(p) if since >= p.since => (p.checkpoint - args.lookback.0).max(since),
            _ => since,
        };
        groups.entry(from.min(now)).or_default().push(*provider);
    }
    let seen_from = groups.keys().next().copied().unwrap_or(since);
    let mut out = OutFile::open(&out_path, seen_from)?;
    let lines_before = out.lines;
    if out.truncated > 0 && !global.quiet {
        eprintln!(
            "meetkit: warning: cut a torn last line ({} bytes) off {}, left by an interrupted run",
            out.truncated,
            out_path.display()
        );
    }

    let mut streams = Vec::new();
    let mut progresses = Vec::new();
    let mut warnings = Vec::new();
    for (from, group) in &groups {
        let Ok(window) = Window::new(*from, now) else {
            continue;
        };
        let query = Query::new(window)
            .providers(group.clone())
            .lenient(args.lenient);
        let listed = client.list(&query)?;
        warnings.extend(listed.warnings().iter().cloned());
        progresses.push(listed.progress());
        streams.push(listed);
    }
    let snapshot =
        || -> Vec<ProviderProgress> { progresses.iter().flat_map(|p| p.snapshot()).collect() };
    let progress = ProgressLine::new(global.quiet);
    let mut received = 0u64;
    let mut written: BTreeMap<Provider, u64> = BTreeMap::new();
    let errors = drain(
        stream::select_all(streams),
        snapshot,
        &progress,
        |meeting| {
            received += 1;
            if out.append(&meeting)? {
                *written.entry(meeting.provider).or_default() += 1;
            }
            Ok(Flow::Continue)
        },
    )
    .await?;
    let durable = out.sync()?;

    for provider in &providers {
        if errors.iter().any(|e| e.provider == *provider) {
            continue; // keeps its checkpoint: fetched again next time
        }
        let count = written.get(provider).copied().unwrap_or(0);
        let entry = state.providers.entry(*provider).or_insert(ProviderState {
            since,
            checkpoint: since,
            meetings_written: 0,
            last_run: now,
        });
        entry.since = entry.since.min(since);
        entry.checkpoint = now;
        entry.meetings_written += count;
        entry.last_run = now;
    }
    state.out_bytes = durable;
    state.store(&args.state)?;

    report(global.quiet, &warnings, &errors);
    let outcome = Outcome {
        meetings: received,
        providers: providers.clone(),
        errors,
    };
    let exit = outcome.exit();
    let total: u64 = written.values().sum();
    match exit {
        Exit::Ok if chatty(global.quiet) => {
            let per: Vec<String> = providers
                .iter()
                .map(|p| format!("{p} +{}", written.get(p).copied().unwrap_or(0)))
                .collect();
            eprintln!(
                "meetkit: appended {total} new or changed meetings to {} ({}); {} fetched were already among its {lines_before} lines",
                out_path.display(),
                per.join(", "),
                received - total
            );
        }
        Exit::Ok => {}
        Exit::Partial => eprintln!(
            "meetkit: incomplete: {total} meetings appended; the failed providers keep their checkpoint and are fetched again next run"
        ),
        _ => eprintln!("meetkit: nothing synced: every provider failed (above); run again later"),
    }
    Ok(exit)
}
