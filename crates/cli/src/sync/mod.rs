//! Where `meetkit sync` keeps meetings and checkpoints: one [`Destination`] trait and its three
//! kinds (an NDJSON file with a state file, a SQLite file, a PostgreSQL database), how a
//! `--to` value names one ([`Target`]), and what they share: the content hash that tells a
//! changed meeting from an unchanged one, and the one-writer file lock.
//!
//! Exactly-once rests on each destination's [`Destination::store`]: a batch of meetings and
//! the checkpoints that cover them become durable together or not at all.

mod ndjson;
mod postgres;
mod sql;
mod sqlite;

use std::fs::File;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use meetkit::{Meeting, Provider};

use crate::exit::{CliError, Exit};

/// Meetings per batch unless a destination says otherwise ([`Destination::batch`]).
pub const BATCH: usize = 2000;

/// How far one provider account has been synced.
#[derive(Clone, Debug, PartialEq)]
pub struct Checkpoint {
    /// The provider.
    pub provider: Provider,
    /// The account meetings were listed from (`meetkit::model::DEFAULT_ACCOUNT` for the environment's).
    pub account: String,
    /// The earliest start synced from.
    pub since: DateTime<Utc>,
    /// Every meeting starting in `[since, checkpoint)` was fetched and is stored.
    pub checkpoint: DateTime<Utc>,
    /// Meetings written (new or changed) for this account, over all runs.
    pub meetings_written: u64,
    /// When the last run that moved this checkpoint ended its window: every stored meeting of
    /// `[since, checkpoint)` still listed by the provider was seen then.
    pub last_run: DateTime<Utc>,
}

/// Meetings written (new or changed), per provider and account.
pub type Written = std::collections::BTreeMap<(Provider, String), u64>;

/// Counts `meeting` as written.
fn count_written(written: &mut Written, meeting: &Meeting) {
    *written
        .entry((meeting.provider, meeting.account.clone()))
        .or_default() += 1;
}

/// `checkpoints` (holding the totals stored when the run began) with what the run wrote added,
/// as they are stored with the run's last batch.
fn with_written(checkpoints: &[Checkpoint], written: &Written) -> Vec<Checkpoint> {
    checkpoints
        .iter()
        .map(|c| Checkpoint {
            meetings_written: c.meetings_written
                + written
                    .get(&(c.provider, c.account.clone()))
                    .copied()
                    .unwrap_or(0),
            ..c.clone()
        })
        .collect()
}

/// A place meetings are synced into.
///
/// A run calls [`checkpoints`](Destination::checkpoints) once, [`prepare`](Destination::prepare)
/// once, then [`store`](Destination::store) for each batch; only its last call carries
/// checkpoints. A run killed between calls leaves every earlier batch stored and the old
/// checkpoints, so the next run fetches those meetings again and stores each at most once.
pub trait Destination: Send {
    /// What to call the destination in messages (never a password).
    fn name(&self) -> String;
    /// The stored checkpoints, every provider and account.
    fn checkpoints(&mut self) -> Result<Vec<Checkpoint>, CliError>;
    /// Called before the first batch: meetings starting at or after `refetch_from` may come
    /// again (the NDJSON file reads back what it holds from there).
    fn prepare(&mut self, refetch_from: DateTime<Utc>) -> Result<(), CliError>;
    /// Meetings per [`store`](Destination::store) call (one transaction): this many are held
    /// while they are stored, and as many more wait for the writer meanwhile.
    fn batch(&self) -> usize {
        BATCH
    }
    /// Stores `meetings` (new ones inserted, changed ones replaced, unchanged ones not
    /// written) and `checkpoints` in one durable step; adds what was written to `written`
    /// (the run's totals so far), which the checkpoints' `meetings_written` then include.
    fn store(
        &mut self,
        meetings: &[Meeting],
        checkpoints: &[Checkpoint],
        written: &mut Written,
    ) -> Result<(), CliError>;
}

/// A destination, as `--to` (or `--out`) names it.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    /// `ndjson:PATH` or `--out PATH`: appended lines, checkpoints in `--state`.
    Ndjson(PathBuf),
    /// `sqlite:PATH`, or a path without a scheme.
    Sqlite(PathBuf),
    /// `postgres://…`, `postgresql://…`: a libpq-style URL; `PG*` variables fill what it leaves out.
    Postgres(String),
}

impl Target {
    /// Parses a `--to` value.
    pub fn parse(value: &str) -> Result<Target, CliError> {
        let value = value.trim();
        if value.starts_with("postgres://") || value.starts_with("postgresql://") {
            return Ok(Target::Postgres(value.to_owned()));
        }
        let (kind, path) = match value.split_once(':') {
            Some(("sqlite", path)) => ("sqlite", path),
            Some(("ndjson", path)) => ("ndjson", path),
            Some((scheme, _))
                if scheme.len() > 1 && scheme.chars().all(|c| c.is_ascii_alphanumeric()) =>
            {
                return Err(CliError::new(
                    Exit::Usage,
                    format!(
                        "--to {value:?} names an unknown kind of destination {scheme:?}; use sqlite:PATH, postgres://USER@HOST/DB or ndjson:PATH"
                    ),
                ));
            }
            _ => ("sqlite", value),
        };
        if path.is_empty() {
            return Err(CliError::new(
                Exit::Usage,
                format!("--to {value:?} has no path; write {kind}:PATH"),
            ));
        }
        let path = PathBuf::from(path);
        Ok(if kind == "ndjson" {
            Target::Ndjson(path)
        } else {
            Target::Sqlite(path)
        })
    }

    /// Opens the destination: connects, takes the one-writer lock, migrates the schema.
    /// `state` is the NDJSON state file; database destinations keep their state inside.
    pub fn open(
        &self,
        state: Option<&Path>,
        quiet: bool,
    ) -> Result<Box<dyn Destination>, CliError> {
        match self {
            Target::Ndjson(path) => {
                let Some(state) = state else {
                    return Err(CliError::new(
                        Exit::Usage,
                        "an NDJSON destination needs --state FILE (where its checkpoints are kept)",
                    ));
                };
                Ok(Box::new(ndjson::NdjsonDestination::open(
                    path, state, quiet,
                )?))
            }
            Target::Sqlite(path) => Ok(Box::new(sqlite::SqliteDestination::open(path)?)),
            Target::Postgres(url) => Ok(Box::new(postgres::PostgresDestination::open(
                url,
                &|name| std::env::var(name).ok(),
            )?)),
        }
    }
}

/// 64-bit FNV-1a: stable across runs and Rust versions, which `DefaultHasher` does not promise.
/// Written to as an [`io::Write`](std::io::Write), so a meeting's JSON is hashed as it is
/// serialized, never held.
struct Fnv1a(u64);

impl Fnv1a {
    fn new() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl std::io::Write for Fnv1a {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// [`Fnv1a`] of `bytes`.
#[cfg(test)]
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash = Fnv1a::new();
    let _ = std::io::Write::write(&mut hash, bytes);
    hash.0
}

/// The content hash of a meeting: its JSON without `raw` (which changes with the content).
pub fn content_hash(meeting: &Meeting) -> u64 {
    let without_raw;
    let meeting = if meeting.raw.is_some() {
        without_raw = Meeting {
            raw: None,
            ..meeting.clone()
        };
        &without_raw
    } else {
        meeting
    };
    let mut hash = Fnv1a::new();
    match serde_json::to_writer(&mut hash, meeting) {
        Ok(()) => hash.0,
        // What hashing the empty serialization gave (a meeting always serializes).
        Err(_) => Fnv1a::new().0,
    }
}

/// Takes the one-writer lock on `file` (an advisory `flock`, released when the process ends,
/// however it ends), or says that another sync holds it.
fn lock_exclusively(file: &File, name: &str) -> Result<(), CliError> {
    match file.try_lock() {
        Ok(()) => Ok(()),
        Err(std::fs::TryLockError::WouldBlock) => Err(another_sync(name)),
        Err(std::fs::TryLockError::Error(e)) => Err(CliError::new(
            Exit::Other,
            format!("could not lock {name} for writing: {e}"),
        )),
    }
}

/// The error of a destination another sync is writing to.
fn another_sync(name: &str) -> CliError {
    CliError::new(
        Exit::Other,
        format!(
            "another meetkit sync is writing to {name}; wait for it to finish (one writer at a time)"
        ),
    )
}

/// Refuses a file whose permissions say read-only, before anything is written to it (root
/// could write it anyway; the owner said not to).
fn refuse_read_only(path: &Path, name: &str) -> Result<(), CliError> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.permissions().readonly() => Err(CliError::new(
            Exit::Other,
            format!("{name} is read-only; make it writable (chmod u+w) or sync to another file"),
        )),
        _ => Ok(()),
    }
}

/// A Zoom meeting of the default account with `id` and `title`, for tests.
#[cfg(test)]
pub(crate) fn test_meeting(id: &str, title: &str) -> Meeting {
    Meeting {
        provider: Provider::Zoom,
        account: meetkit::model::DEFAULT_ACCOUNT.to_owned(),
        id: id.to_owned(),
        title: Some(title.to_owned()),
        start: DateTime::from_timestamp(1_790_000_000, 0).unwrap_or_default(),
        end: None,
        duration_seconds: Some(60),
        status: meetkit::MeetingStatus::Ended,
        status_raw: None,
        host: None,
        participants: Vec::new(),
        participant_count: None,
        recording: None,
        meeting_url: None,
        room: None,
        extension: meetkit::Extension::Zoom(meetkit::ZoomExtension::default()),
        raw: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_is_the_published_function() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn the_content_hash_is_fnv_of_the_json_without_raw_as_stored_hashes_were() {
        let without = Meeting {
            provider: Provider::Daily,
            account: meetkit::model::DEFAULT_ACCOUNT.to_owned(),
            id: "room-1".to_owned(),
            title: Some("Stand-up «weekly»".to_owned()),
            start: DateTime::from_timestamp(1_790_000_000, 0).unwrap_or_default(),
            end: DateTime::from_timestamp(1_790_000_600, 0),
            duration_seconds: Some(600),
            status: meetkit::MeetingStatus::Ended,
            status_raw: Some("finished".to_owned()),
            host: None,
            participants: Vec::new(),
            participant_count: Some(3),
            recording: None,
            meeting_url: Some("https://x.daily.co/room-1".to_owned()),
            room: Some("room-1".to_owned()),
            extension: meetkit::Extension::Daily(meetkit::DailyExtension::default()),
            raw: None,
        };
        // Hashes stored by earlier versions were FNV-1a of this serialization, held whole.
        let stored = fnv1a(&serde_json::to_vec(&without).unwrap_or_default());
        assert_eq!(content_hash(&without), stored);
        let with_raw = Meeting {
            raw: Some(serde_json::json!({"id": "room-1"})),
            ..without.clone()
        };
        assert_eq!(content_hash(&with_raw), stored, "raw is not content");
        let renamed = Meeting {
            title: Some("Retro".to_owned()),
            ..without
        };
        assert_ne!(content_hash(&renamed), stored);
    }

    #[test]
    fn targets_parse_by_scheme_and_a_bare_path_is_sqlite() {
        let ok = |s: &str| Target::parse(s).map_err(|e| e.message);
        assert_eq!(ok("m.db"), Ok(Target::Sqlite("m.db".into())));
        assert_eq!(ok("sqlite:/a/m.db"), Ok(Target::Sqlite("/a/m.db".into())));
        assert_eq!(ok("ndjson:m.ndjson"), Ok(Target::Ndjson("m.ndjson".into())));
        assert_eq!(
            ok("postgresql://u@h/db"),
            Ok(Target::Postgres("postgresql://u@h/db".into()))
        );
        assert_eq!(ok("C:m.db"), Ok(Target::Sqlite("C:m.db".into())));
        let err = ok("mysql://h/db").err().unwrap_or_default();
        assert!(
            err.contains("unknown kind") && err.contains("sqlite:PATH"),
            "{err}"
        );
        let err = ok("sqlite:").err().unwrap_or_default();
        assert!(err.contains("no path"), "{err}");
    }
}
