//! `meetkit sync`: fetch each provider account from its checkpoint (minus the lookback), store what is
//! new or changed in batches, then store the moved checkpoints with the last batch. Where and
//! how durably lives in [`crate::sync`]; this module plans the windows and runs the writer.
//!
//! The destination lives on a thread of its own (its clients block), fed through a channel
//! that holds one batch ([`Destination::batch`](crate::sync::Destination::batch)): fetching
//! goes on while a batch commits, and memory stays at two batches however long the run.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::mpsc::{self, RecvTimeoutError};
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

/// A batch not yet full is committed after this long, so readers see a slow sync progress,
/// including while no meeting arrives.
const BATCH_AGE: Duration = Duration::from_secs(2);

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
        let thread = std::thread::Builder::new()
            .name("meetkit-sync-writer".to_owned())
            .spawn(move || {
                let opened = target.open(state.as_deref(), quiet).and_then(|mut dest| {
                    let checkpoints = dest.checkpoints()?;
                    Ok((dest, checkpoints))
                });
                let (mut dest, receiver) = match opened {
                    Ok((dest, checkpoints)) => {
                        let (sender, receiver) = mpsc::sync_channel(dest.batch());
                        let _ = opened_tx.send(Ok((dest.name(), checkpoints, sender)));
                        (dest, receiver)
                    }
                    Err(e) => {
                        let _ = opened_tx.send(Err(e));
                        return Ok(Written::new());
                    }
                };
                let mut written = Written::new();
                let size = dest.batch();
                let mut batch: Vec<Meeting> = Vec::with_capacity(size);
                let mut started = Instant::now();
                loop {
                    // An open batch is stored once it is `BATCH_AGE` old, whether or not
                    // another meeting comes: a provider that pauses (a rate limit's wait)
                    // does not hold back what was fetched before it.
                    let message = if batch.is_empty() {
                        receiver.recv().map_err(|_| RecvTimeoutError::Disconnected)
                    } else {
                        receiver.recv_timeout(BATCH_AGE.saturating_sub(started.elapsed()))
                    };
                    match message {
                        Ok(Message::Prepare(from)) => dest.prepare(from)?,
                        Ok(Message::Meeting(meeting)) => {
                            if batch.is_empty() {
                                started = Instant::now();
                            }
                            batch.push(*meeting);
                            if batch.len() >= size || started.elapsed() >= BATCH_AGE {
                                dest.store(&batch, &[], &mut written)?;
                                batch.clear();
                            }
                        }
                        Ok(Message::Commit(checkpoints)) => {
                            dest.store(&batch, &checkpoints, &mut written)?;
                            return Ok(written);
                        }
                        Err(RecvTimeoutError::Timeout) => {
                            dest.store(&batch, &[], &mut written)?;
                            batch.clear();
                        }
                        Err(RecvTimeoutError::Disconnected) => break,
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
        let (name, checkpoints, sender) = opened_rx.recv().map_err(|_| {
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

/// A provider account: what a checkpoint is kept for.
type AccountKey = (Provider, String);

/// Where an account's window starts: its checkpoint's (minus the lookback), or `since`.
fn window_start(
    key: &AccountKey,
    stored: &[Checkpoint],
    since: DateTime<Utc>,
    lookback: chrono::Duration,
) -> DateTime<Utc> {
    stored
        .iter()
        .find(|c| c.provider == key.0 && c.account == key.1)
        .map_or(since, |c| {
            if since >= c.since {
                (c.checkpoint - lookback).max(since)
            } else {
                since
            }
        })
}

/// The checkpoints a run that fetched `[since, now)` completely for the accounts `done` moves;
/// the other accounts' stay as stored.
fn moved_checkpoints(
    done: &[AccountKey],
    stored: &[Checkpoint],
    since: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Vec<Checkpoint> {
    done.iter()
        .map(|(provider, account)| {
            let old = stored
                .iter()
                .find(|c| c.provider == *provider && c.account == *account);
            Checkpoint {
                provider: *provider,
                since: old.map_or(since, |c| c.since.min(since)),
                checkpoint: now,
                meetings_written: old.map_or(0, |c| c.meetings_written),
                last_run: now,
                account: account.clone(),
            }
        })
        .collect()
}

/// Whether `error` is a failure of account `key` (an error naming no account is its
/// provider's, and so every account's).
fn failed(error: &meetkit::ProviderError, key: &AccountKey) -> bool {
    error.provider == key.0 && error.account.as_deref().is_none_or(|a| a == key.1)
}

/// Runs one sync.
pub async fn run(args: SyncArgs, global: &GlobalArgs) -> Result<Exit, CliError> {
    let now = now()?;
    let since = args.since.resolve(now);
    let full = Window::new(since, now)?;
    let target = target(&args)?;
    let loaded = config_file::load(global, &args.runtime)?;
    let client = Client::new(loaded.config)?;
    let asked = ProviderArg::resolve(&args.providers);
    let base = Query::new(full)
        .providers(asked)
        .accounts(args.accounts.names.clone())
        .include_raw(args.raw)
        .lenient(args.lenient);
    // The accounts alone: planning here would list every Zoom user once more.
    let accounts: Vec<AccountKey> = client.accounts(&base)?;

    let (writer, name, stored) = Writer::start(target, args.state.clone(), global.quiet)?;

    // Each account's window start; accounts sharing one are planned together.
    let mut groups: BTreeMap<DateTime<Utc>, Vec<AccountKey>> = BTreeMap::new();
    for key in &accounts {
        let from = window_start(key, &stored, since, args.lookback.0);
        groups.entry(from.min(now)).or_default().push(key.clone());
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
        let mut query = base.clone();
        query.window = window;
        let mut plan = client.plan(&query).await?;
        plan.partitions.retain(|p| {
            group
                .iter()
                .any(|(q, a)| *q == p.provider && *a == p.account)
        });
        let grouped: BTreeSet<Provider> = group.iter().map(|(p, _)| *p).collect();
        plan.errors.retain(|e| grouped.contains(&e.provider));
        let listed = client.run_plan(plan)?;
        warnings.extend(listed.warnings().iter().cloned());
        progresses.push(listed.progress());
        streams.push(listed);
    }
    let snapshot =
        || -> Vec<ProviderProgress> { progresses.iter().flat_map(|p| p.snapshot()).collect() };
    let progress = ProgressLine::new(global.quiet);
    let mut received = 0u64;
    let mut writer_stopped = false;
    // Each account's meetings are listed once: no key repeats within a run, so a batch never
    // holds one meeting twice.
    let errors = drain(
        stream::select_all(streams),
        snapshot,
        &progress,
        |meeting| {
            received += 1;
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

    let done: Vec<AccountKey> = accounts
        .iter()
        // An account that failed keeps its checkpoint: fetched again next time.
        .filter(|key| !errors.iter().any(|e| failed(e, key)))
        .cloned()
        .collect();
    let checkpoints = moved_checkpoints(&done, &stored, since, now);
    let written = writer.finish(Some(checkpoints))?;

    report(global.quiet, &warnings, &errors);
    let providers: Vec<Provider> = accounts
        .iter()
        .map(|(p, _)| *p)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let outcome = Outcome {
        meetings: received,
        accounts,
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
            "meetkit: incomplete: {total} meetings written to {name}; the failed accounts keep their checkpoint and are fetched again next run"
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

    fn key(provider: Provider, account: &str) -> AccountKey {
        (provider, account.to_owned())
    }

    #[test]
    fn each_account_resumes_from_its_own_checkpoint_minus_the_lookback() {
        let stored = [
            checkpoint(Provider::Zoom, "default", 10),
            checkpoint(Provider::Zoom, "eu", 6),
            checkpoint(Provider::Daily, "default", 10),
        ];
        let two_days = chrono::Duration::days(2);
        let start = |p, a| window_start(&key(p, a), &stored, at(0), two_days);
        assert_eq!(start(Provider::Zoom, "default"), at(8));
        assert_eq!(start(Provider::Zoom, "eu"), at(4));
        assert_eq!(start(Provider::Daily, "default"), at(8));
        // A new account starts at --since.
        assert_eq!(start(Provider::Zoom, "us"), at(0));
        assert_eq!(start(Provider::Telnyx, "default"), at(0));
        // An earlier --since than was synced from: from --since again.
        assert_eq!(
            window_start(&key(Provider::Zoom, "eu"), &stored, at(-5), two_days),
            at(-5)
        );
    }

    #[test]
    fn only_the_accounts_done_move_their_checkpoints() {
        let stored = [
            checkpoint(Provider::Zoom, "eu", 6),
            checkpoint(Provider::Zoom, "us", 6),
        ];
        let moved = moved_checkpoints(
            &[key(Provider::Zoom, "eu"), key(Provider::Daily, "default")],
            &stored,
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
                (Provider::Daily, "default", at(12), 0),
            ]
        );
    }

    #[test]
    fn an_error_without_an_account_fails_every_account_of_its_provider() {
        let e = meetkit::ProviderError::new(
            Provider::Zoom,
            "x",
            meetkit::ProviderErrorKind::Auth,
            "no",
        );
        assert!(failed(&e, &key(Provider::Zoom, "eu")));
        assert!(!failed(&e, &key(Provider::Daily, "eu")));
        let e = e.with_account("us");
        assert!(!failed(&e, &key(Provider::Zoom, "eu")));
        assert!(failed(&e, &key(Provider::Zoom, "us")));
    }

    fn meeting(n: usize) -> Box<meetkit::Meeting> {
        Box::new(crate::sync::test_meeting(&format!("m{n}"), "t"))
    }

    #[test]
    fn an_open_batch_is_stored_when_it_is_due_even_if_no_meeting_follows()
    -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("m.db");
        let (writer, _, _) =
            Writer::start(Target::Sqlite(path.clone()), None, true).map_err(|e| e.message)?;
        assert!(writer.send(Message::Prepare(at(0))));
        assert!(writer.send(Message::Meeting(meeting(0))));
        // Nothing else is sent: the reader is waiting on a provider. The meeting must reach
        // the database by its age alone (a generous bound: this checks behaviour, not time).
        let reader = rusqlite::Connection::open(&path)?;
        let deadline = Instant::now() + BATCH_AGE + Duration::from_secs(20);
        let stored = loop {
            let count: i64 =
                reader.query_row("SELECT count(*) FROM meetings", [], |row| row.get(0))?;
            if count > 0 || Instant::now() >= deadline {
                break count;
            }
            std::thread::sleep(Duration::from_millis(100));
        };
        assert_eq!(stored, 1, "the open batch waited for another meeting");
        let written = writer.finish(Some(Vec::new())).map_err(|e| e.message)?;
        assert_eq!(written.values().sum::<u64>(), 1);
        Ok(())
    }

    #[test]
    fn the_reader_hands_over_a_whole_batch_while_the_writer_commits()
    -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("m.db");
        let batch = Target::Sqlite(dir.path().join("other.db"))
            .open(None, true)
            .map_err(|e| e.message)?
            .batch();
        let (writer, _, _) =
            Writer::start(Target::Sqlite(path.clone()), None, true).map_err(|e| e.message)?;
        // Another connection holds the write lock, so the writer's first commit waits.
        let other = rusqlite::Connection::open(&path)?;
        other.execute_batch("BEGIN IMMEDIATE")?;
        assert!(writer.send(Message::Prepare(at(0))));
        assert!(writer.send(Message::Meeting(meeting(0))));
        std::thread::sleep(BATCH_AGE + Duration::from_millis(50));
        // Due by age: the writer takes this one and commits (waiting for the lock); at most
        // this one is still in the channel.
        assert!(writer.send(Message::Meeting(meeting(1))));
        let handed = (2..batch + 1)
            .take_while(|n| {
                writer
                    .sender
                    .try_send(Message::Meeting(meeting(*n)))
                    .is_ok()
            })
            .count();
        assert_eq!(
            handed,
            batch - 1,
            "the reader blocked while the writer was committing"
        );
        other.execute_batch("ROLLBACK")?;
        let written = writer.finish(Some(Vec::new())).map_err(|e| e.message)?;
        assert_eq!(written.values().sum::<u64>(), u64::try_from(batch + 1)?);
        Ok(())
    }
}
