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
use meetkit::{Meeting, MeetingStatus, Person, Provider, Recording};

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

/// 64-bit FNV-1a of `bytes`: stable across runs and Rust versions, which `DefaultHasher` does
/// not promise.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

std::thread_local! {
    /// The JSON of the meeting [`content_hash_with`] is hashing, kept between calls so a sync
    /// allocates it once per thread.
    static CONTENT_JSON: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    /// The participants and extension JSON [`content_hash`] composes the hash from, kept the
    /// same way (an NDJSON file read back hashes every meeting it holds).
    static PARTS_JSON: std::cell::RefCell<(Vec<u8>, Vec<u8>)> =
        const { std::cell::RefCell::new((Vec::new(), Vec::new())) };
}

/// The content hash of a meeting: FNV-1a of its JSON without `raw` (which changes with the
/// content), as serde_json writes it. sonic-rs writes the same bytes (`output::json`'s tests
/// hold it to that), as the NDJSON lines and the databases' JSON columns are written, so the
/// databases ([`content_hash_with`]) and the NDJSON destination hash those instead of
/// serializing again.
pub fn content_hash(meeting: &Meeting) -> u64 {
    PARTS_JSON.with_borrow_mut(|(participants, extension)| {
        sql::json_into(participants, &meeting.participants);
        sql::json_into(extension, &meeting.extension);
        content_hash_with(meeting, participants.as_slice(), extension.as_slice())
    })
}

/// A meeting's fields before `participants`, as [`Meeting`] serializes them.
#[derive(serde::Serialize)]
struct BeforeParticipants<'a> {
    provider: Provider,
    account: &'a str,
    id: &'a str,
    title: &'a Option<String>,
    #[serde(serialize_with = "meetkit::rfc3339::serialize")]
    start: DateTime<Utc>,
    #[serde(serialize_with = "meetkit::rfc3339::serialize_opt")]
    end: Option<DateTime<Utc>>,
    duration_seconds: Option<i64>,
    status: MeetingStatus,
    status_raw: &'a Option<String>,
    host: &'a Option<Person>,
}

/// A meeting's fields between `participants` and `extension`, as [`Meeting`] serializes them.
#[derive(serde::Serialize)]
struct BeforeExtension<'a> {
    participant_count: Option<i64>,
    recording: &'a Option<Recording>,
    meeting_url: &'a Option<String>,
    room: &'a Option<String>,
}

/// [`content_hash`] of `meeting`, given the JSON of its `participants` and `extension`
/// (which the database destinations store as columns anyway): the hash reads the same bytes,
/// and those two, the larger part of a meeting, are not serialized twice. `raw` is never among
/// the fields written, whether or not the meeting has it.
pub fn content_hash_with(
    meeting: &Meeting,
    participants: &(impl AsRef<[u8]> + ?Sized),
    extension: &(impl AsRef<[u8]> + ?Sized),
) -> u64 {
    // Every field named: a field added to `Meeting` fails to compile here until it is placed.
    let Meeting {
        provider,
        account,
        id,
        title,
        start,
        end,
        duration_seconds,
        status,
        status_raw,
        host,
        participants: _,
        participant_count,
        recording,
        meeting_url,
        room,
        extension: _,
        raw: _,
    } = meeting;
    let before_participants = BeforeParticipants {
        provider: *provider,
        account,
        id,
        title,
        start: *start,
        end: *end,
        duration_seconds: *duration_seconds,
        status: *status,
        status_raw,
        host,
    };
    let before_extension = BeforeExtension {
        participant_count: *participant_count,
        recording,
        meeting_url,
        room,
    };
    CONTENT_JSON.with_borrow_mut(|json| {
        json.clear();
        // `{…,"host":…}` + `,"participants":` + P + `,"participant_count":…,"room":…` +
        // `,"extension":` + E + `}`.
        if meetkit::json::to_writer(json, &before_participants).is_err() {
            return fnv1a(b"");
        }
        json.pop();
        json.extend_from_slice(b",\"participants\":");
        json.extend_from_slice(participants.as_ref());
        let from = json.len();
        if meetkit::json::to_writer(json, &before_extension).is_err() {
            return fnv1a(b"");
        }
        json[from] = b',';
        json.pop();
        json.extend_from_slice(b",\"extension\":");
        json.extend_from_slice(extension.as_ref());
        json.push(b'}');
        fnv1a(json)
    })
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
    fn the_hash_from_the_column_json_is_the_content_hash() -> Result<(), Box<dyn std::error::Error>>
    {
        let odd = "tab\t quote\" back\\ nul\u{0} «é» 😀 \u{2028}";
        let zoom: meetkit::ZoomExtension = serde_json::from_value(serde_json::json!({
            "meeting_number": 84_551_708_179u64, "custom_keys": [{"key": "project", "value": odd}],
            "join_time": "2026-06-02T00:12:34Z", "has_chat": true,
        }))?;
        let extensions = [
            meetkit::Extension::Zoom(zoom),
            meetkit::Extension::Daily(meetkit::DailyExtension::default()),
            meetkit::Extension::Telnyx(meetkit::TelnyxExtension {
                size_mb: Some(1.5e-7),
                record_type: Some(odd.to_owned()),
                ..Default::default()
            }),
            meetkit::Extension::Attendee(meetkit::AttendeeExtension::default()),
            meetkit::Extension::Attention(meetkit::AttentionExtension::default()),
        ];
        for (i, extension) in extensions.into_iter().enumerate() {
            let rich = i % 2 == 0;
            let mut meeting: Meeting = serde_json::from_value(serde_json::json!({
                "provider": serde_json::to_value(&extension)?["provider"],
                "account": if rich { odd } else { "default" },
                "id": format!("m-{i}"),
                "title": if rich { Some(odd) } else { None },
                "start": "2026-06-01T00:14:31.123456789Z",
                "end": if rich { Some("2026-06-01T01:00:00Z") } else { None },
                "duration_seconds": if rich { Some(-9_223_372_036_854_775_807i64) } else { None },
                "status": "ended",
                "status_raw": if rich { Some(odd) } else { None },
                "host": if rich { serde_json::json!({"id": "h", "name": odd, "email": null}) } else { serde_json::Value::Null },
                "participants": if rich { serde_json::json!([
                    {"id": "p1", "name": odd, "join_time": "2026-06-01T00:15:00.5Z", "duration_seconds": 60},
                    {"email": "b@example.com", "status": "left"}]) } else { serde_json::json!([]) },
                "participant_count": if rich { Some(i64::MAX) } else { None },
                "recording": if rich { serde_json::json!({"id": "r", "size_bytes": 10, "kind": odd}) } else { serde_json::Value::Null },
                "meeting_url": if rich { Some("https://x.example/j?a=1&b=2") } else { None },
                "room": if rich { Some(odd) } else { None },
                "extension": {"provider": "daily"},
            }))?;
            meeting.extension = extension;
            // Hashes stored by earlier versions: FNV-1a of serde_json's serialization.
            let stored = fnv1a(&serde_json::to_vec(&meeting)?);
            let participants = serde_json::to_string(&meeting.participants)?;
            let extension = serde_json::to_string(&meeting.extension)?;
            assert_eq!(
                content_hash_with(&meeting, &participants, &extension),
                stored,
                "{i}"
            );
            assert_eq!(content_hash(&meeting), stored, "{i}");
            let (_, column) = sql::row(&meeting);
            assert_eq!(column, i64::from_ne_bytes(stored.to_ne_bytes()), "{i}");
            meeting.raw = Some(serde_json::json!({"id": format!("m-{i}"), "s": odd}));
            let (_, column) = sql::row(&meeting);
            assert_eq!(
                column,
                i64::from_ne_bytes(stored.to_ne_bytes()),
                "{i}: raw is not content"
            );
        }
        Ok(())
    }

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
