//! `meetkit sync`: fetch each provider from its checkpoint (minus the lookback), store what is
//! new or changed in batches, then store the moved checkpoints with the last batch. Where and
//! how durably lives in [`crate::sync`]; this module plans the windows and runs the writer.
//!
//! The destination lives on a thread of its own (its clients block), fed through a bounded
//! channel: fetching goes on while a batch commits, and memory stays at one batch plus the
//! channel however long the run.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use futures::stream;
use meetkit::{Client, Meeting, Provider, ProviderProgress, Query, Window};

use super::{Flow, chatty, drain, now, report};
use crate::args::{GlobalArgs, ProviderArg, SyncArgs};
use crate::config_file;
use crate::exit::{CliError, Exit, Outcome};
use crate::output::progress::ProgressLine;
use crate::sync::{Checkpoint, Target, Written};

/// Meetings per transaction.
const BATCH: usize = 2000;
/// A batch not yet full is committed after this long, so readers see a slow sync progress.
const BATCH_AGE: Duration = Duration::from_secs(2);
/// Meetings in flight between the reader and the writer thread.
const CHANNEL: usize = 1024;

/// What the reader tells the writer thread.
enum Message {
    /// Meetings starting from here on may come again.
    Prepare(DateTime<Utc>),
    /// Store this one.
    Meeting(Box<Meeting>),
    /// Store the last batch with these checkpoints, and stop.
    Commit(Vec<Checkpoint>),
}

/// The writer thread: the destination, opened on it.
struct Writer {
    sender: mpsc::SyncSender<Message>,
    thread: std::thread::JoinHandle<Result<Written, CliError>>,
}

impl Writer {
    /// Opens the destination on a new thread; returns it and the stored checkpoints.
    fn start(
        target: Target,
        state: Option<PathBuf>,
        quiet: bool,
    ) -> Result<(Writer, String, Vec<Checkpoint>), CliError> {
        let (opened_tx, opened_rx) = mpsc::sync_channel(1);
        let (sender, receiver) = mpsc::sync_channel(CHANNEL);
        let thread = std::thread::Builder::new()
            .name("meetkit-sync-writer".to_owned())
            .spawn(move || {
                let opened = target.open(state.as_deref(), quiet).and_then(|mut dest| {
                    let checkpoints = dest.checkpoints()?;
                    Ok((dest, checkpoints))
                });
                let mut dest = match opened {
                    Ok((dest, checkpoints)) => {
                        let _ = opened_tx.send(Ok((dest.name(), checkpoints)));
                        dest
                    }
                    Err(e) => {
                        let _ = opened_tx.send(Err(e));
                        return Ok(Written::new());
                    }
                };
                let mut written = Written::new();
                let mut batch: Vec<Meeting> = Vec::with_capacity(BATCH);
                let mut started = Instant::now();
                for message in receiver {
                    match message {
                        Message::Prepare(from) => dest.prepare(from)?,
                        Message::Meeting(meeting) => {
                            if batch.is_empty() {
                                started = Instant::now();
                            }
                            batch.push(*meeting);
                            if batch.len() >= BATCH || started.elapsed() >= BATCH_AGE {
                                dest.store(&batch, &[], &mut written)?;
                                batch.clear();
                            }
                        }
                        Message::Commit(checkpoints) => {
                            dest.store(&batch, &checkpoints, &mut written)?;
                            return Ok(written);
                        }
                    }
                }
                // The reader stopped without committing: the open batch is dropped, and the
                // stored checkpoints still cover only what is stored.
                Ok(written)
            })
            .map_err(|e| {
                CliError::new(
                    Exit::Other,
                    format!("could not start the writer thread: {e}"),
                )
            })?;
        let (name, checkpoints) = opened_rx.recv().map_err(|_| {
            CliError::new(
                Exit::Other,
                "the writer thread ended before it opened the destination",
            )
        })??;
        Ok((Writer { sender, thread }, name, checkpoints))
    }

    /// Hands `message` over; false when the writer thread has stopped (its error comes from
    /// [`Writer::finish`]).
    fn send(&self, message: Message) -> bool {
        self.sender.send(message).is_ok()
    }

    /// Commits `checkpoints` with the last batch (unless `None`: the run failed) and waits for
    /// the writer thread.
    fn finish(self, checkpoints: Option<Vec<Checkpoint>>) -> Result<Written, CliError> {
        if let Some(checkpoints) = checkpoints {
            let _ = self.sender.send(Message::Commit(checkpoints));
        }
        drop(self.sender);
        self.thread
            .join()
            .map_err(|_| CliError::new(Exit::Other, "the writer thread panicked"))?
    }
}

/// Which destination the flags name.
fn target(args: &SyncArgs) -> Result<Target, CliError> {
    let target = match (&args.to, &args.out) {
        (Some(to), _) => Target::parse(to)?,
        (None, Some(out)) => Target::Ndjson(out.clone()),
        (None, None) => {
            return Err(CliError::new(
                Exit::Usage,
                "say where to sync: --to meetings.db (SQLite), --to postgres://USER@HOST/DB, or --to ndjson:FILE --state FILE",
            ));
        }
    };
    if args.state.is_some() && !matches!(target, Target::Ndjson(_)) {
        return Err(CliError::new(
            Exit::Usage,
            "--state is for NDJSON destinations only; a database keeps its checkpoints in its sync_state table",
        ));
    }
    Ok(target)
}

/// Where each provider's window starts: its checkpoints' (minus the lookback), or `since`.
fn window_start(
    provider: Provider,
    stored: &[Checkpoint],
    since: DateTime<Utc>,
    lookback: chrono::Duration,
) -> DateTime<Utc> {
    stored
        .iter()
        .filter(|c| c.provider == provider)
        .map(|c| {
            if since >= c.since {
                (c.checkpoint - lookback).max(since)
            } else {
                since
            }
        })
        .min()
        .unwrap_or(since)
}

/// The checkpoints a run that fetched `[since, now)` completely for `done` moves: every account
/// stored or seen for each (the default account when there is none yet).
fn moved_checkpoints(
    done: &[Provider],
    stored: &[Checkpoint],
    seen: &BTreeSet<(Provider, String)>,
    since: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Vec<Checkpoint> {
    let mut out = Vec::new();
    for provider in done {
        let mut accounts: BTreeSet<String> = stored
            .iter()
            .filter(|c| c.provider == *provider)
            .map(|c| c.account.clone())
            .chain(
                seen.iter()
                    .filter(|(p, _)| p == provider)
                    .map(|(_, a)| a.clone()),
            )
            .collect();
        if accounts.is_empty() {
            accounts.insert(meetkit::model::DEFAULT_ACCOUNT.to_owned());
        }
        for account in accounts {
            let old = stored
                .iter()
                .find(|c| c.provider == *provider && c.account == account);
            out.push(Checkpoint {
                provider: *provider,
                since: old.map_or(since, |c| c.since.min(since)),
                checkpoint: now,
                meetings_written: old.map_or(0, |c| c.meetings_written),
                last_run: now,
                account,
            });
        }
    }
    out
}

/// Runs one sync.
pub async fn run(args: SyncArgs, global: &GlobalArgs) -> Result<Exit, CliError> {
    let now = now()?;
    let since = args.since.resolve(now);
    Window::new(since, now)?;
    let target = target(&args)?;
    let loaded = config_file::load(global, &args.runtime)?;
    let client = Client::new(loaded.config)?;
    let asked = ProviderArg::resolve(&args.providers);
    let providers =
        client.resolve_providers(&Query::new(Window::new(since, now)?).providers(asked))?;

    let (writer, name, stored) = Writer::start(target, args.state.clone(), global.quiet)?;

    // Each provider's window start; providers sharing one are listed by one query.
    let mut groups: BTreeMap<DateTime<Utc>, Vec<Provider>> = BTreeMap::new();
    for provider in &providers {
        let from = window_start(*provider, &stored, since, args.lookback.0);
        groups.entry(from.min(now)).or_default().push(*provider);
    }
    let refetch_from = groups.keys().next().copied().unwrap_or(since);
    if !writer.send(Message::Prepare(refetch_from)) {
        return writer.finish(None).map(|_| Exit::Other);
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
            .include_raw(args.raw)
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
    let mut seen: BTreeSet<(Provider, String)> = BTreeSet::new();
    let mut writer_stopped = false;
    // Each provider lists an account's meetings once: no key repeats within a run, so a batch
    // never holds one meeting twice.
    let errors = drain(
        stream::select_all(streams),
        snapshot,
        &progress,
        |meeting| {
            received += 1;
            if !seen.contains(&(meeting.provider, meeting.account.clone())) {
                seen.insert((meeting.provider, meeting.account.clone()));
            }
            if writer.send(Message::Meeting(Box::new(meeting))) {
                Ok(Flow::Continue)
            } else {
                writer_stopped = true;
                Ok(Flow::Stop)
            }
        },
    )
    .await?;
    if writer_stopped {
        return writer.finish(None).map(|_| Exit::Other);
    }

    let done: Vec<Provider> = providers
        .iter()
        .copied()
        // A provider that failed keeps its checkpoint: fetched again next time.
        .filter(|p| !errors.iter().any(|e| e.provider == *p))
        .collect();
    let checkpoints = moved_checkpoints(&done, &stored, &seen, since, now);
    let written = writer.finish(Some(checkpoints))?;

    report(global.quiet, &warnings, &errors);
    let outcome = Outcome {
        meetings: received,
        providers: providers.clone(),
        errors,
    };
    let exit = outcome.exit();
    let per_provider = |p: Provider| -> u64 {
        written
            .iter()
            .filter(|((q, _), _)| *q == p)
            .map(|(_, n)| n)
            .sum()
    };
    let total: u64 = written.values().sum();
    match exit {
        Exit::Ok if chatty(global.quiet) => {
            let per: Vec<String> = providers
                .iter()
                .map(|p| format!("{p} +{}", per_provider(*p)))
                .collect();
            eprintln!(
                "meetkit: wrote {total} new or changed meetings to {name} ({}); {} fetched were unchanged",
                per.join(", "),
                received - total
            );
        }
        Exit::Ok => {}
        Exit::Partial => eprintln!(
            "meetkit: incomplete: {total} meetings written to {name}; the failed providers keep their checkpoint and are fetched again next run"
        ),
        _ => eprintln!("meetkit: nothing synced: every provider failed (above); run again later"),
    }
    tracing::info!(written = total, received, destination = %name, "synced");
    Ok(exit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_780_000_000 + day * 86_400, 0).unwrap_or_default()
    }

    fn checkpoint(provider: Provider, account: &str, checkpoint: i64) -> Checkpoint {
        Checkpoint {
            provider,
            account: account.to_owned(),
            since: at(0),
            checkpoint: at(checkpoint),
            meetings_written: 7,
            last_run: at(checkpoint),
        }
    }

    #[test]
    fn a_provider_resumes_from_its_oldest_account_minus_the_lookback() {
        let stored = [
            checkpoint(Provider::Zoom, "default", 10),
            checkpoint(Provider::Zoom, "eu", 6),
            checkpoint(Provider::Daily, "default", 10),
        ];
        let two_days = chrono::Duration::days(2);
        assert_eq!(
            window_start(Provider::Zoom, &stored, at(0), two_days),
            at(4)
        );
        assert_eq!(
            window_start(Provider::Daily, &stored, at(0), two_days),
            at(8)
        );
        assert_eq!(
            window_start(Provider::Telnyx, &stored, at(0), two_days),
            at(0)
        );
        // An earlier --since than was synced from: from --since again.
        assert_eq!(
            window_start(Provider::Zoom, &stored, at(-5), two_days),
            at(-5)
        );
    }

    #[test]
    fn checkpoints_move_for_every_stored_or_seen_account() {
        let stored = [checkpoint(Provider::Zoom, "eu", 6)];
        let seen = BTreeSet::from([(Provider::Zoom, "us".to_owned())]);
        let moved = moved_checkpoints(
            &[Provider::Zoom, Provider::Daily],
            &stored,
            &seen,
            at(0),
            at(12),
        );
        let keys: Vec<(Provider, &str, DateTime<Utc>, u64)> = moved
            .iter()
            .map(|c| {
                (
                    c.provider,
                    c.account.as_str(),
                    c.checkpoint,
                    c.meetings_written,
                )
            })
            .collect();
        assert_eq!(
            keys,
            [
                (Provider::Zoom, "eu", at(12), 7),
                (Provider::Zoom, "us", at(12), 0),
                (Provider::Daily, "default", at(12), 0),
            ]
        );
    }
}
