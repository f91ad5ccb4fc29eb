//! What the two database destinations share: meetkit's schema (versioned migrations for SQLite
//! and PostgreSQL), a meeting as a row of typed values in column order, and the UPSERT that
//! writes a new or changed meeting and leaves an unchanged one alone.
//!
//! Column names are the Arrow table's (`meetkit_arrow::schema`), so SQL, Parquet and the
//! Python package's DataFrames say the same thing; three bookkeeping columns follow them.

use chrono::{DateTime, Utc};
use meetkit::Meeting;

use crate::exit::{CliError, Exit};

/// A column's kind; each backend maps it to its own type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `text`.
    Text,
    /// `timestamptz` in PostgreSQL; fixed-width RFC 3339 UTC text in SQLite (sorts as time).
    Time,
    /// `bigint` / `INTEGER`.
    Int,
    /// `jsonb` in PostgreSQL; JSON text in SQLite.
    Json,
}

/// The meeting's columns, in table order: the Arrow table's names.
pub const COLUMNS: [(&str, Kind); 25] = [
    ("provider", Kind::Text),
    ("account", Kind::Text),
    ("id", Kind::Text),
    ("title", Kind::Text),
    ("start", Kind::Time),
    ("end", Kind::Time),
    ("duration_seconds", Kind::Int),
    ("status", Kind::Text),
    ("status_raw", Kind::Text),
    ("host_id", Kind::Text),
    ("host_name", Kind::Text),
    ("host_email", Kind::Text),
    ("participant_count", Kind::Int),
    ("participants", Kind::Json),
    ("recording_id", Kind::Text),
    ("recording_status", Kind::Text),
    ("recording_url", Kind::Text),
    ("recording_duration_seconds", Kind::Int),
    ("recording_size_bytes", Kind::Int),
    ("recording_codec", Kind::Text),
    ("recording_type", Kind::Text),
    ("meeting_url", Kind::Text),
    ("room", Kind::Text),
    ("extension", Kind::Json),
    ("raw", Kind::Json),
];

/// The bookkeeping columns after [`COLUMNS`]: the content hash compared by the UPSERT, when
/// the meeting was first stored, and when its content last changed.
pub const BOOKKEEPING: [&str; 3] = ["content_hash", "first_seen", "last_changed"];

/// One value of a row.
#[derive(Debug, PartialEq)]
pub enum Value<'a> {
    /// A text column.
    Text(Option<&'a str>),
    /// A time column.
    Time(Option<DateTime<Utc>>),
    /// An integer column.
    Int(Option<i64>),
    /// A JSON column, as JSON text.
    Json(Option<String>),
}

/// `value` as JSON text: serde_json's bytes, written by [`meetkit::json`].
pub fn json(value: &impl serde::Serialize) -> String {
    meetkit::json::to_string(value).unwrap_or_else(|_| "null".to_owned())
}

/// [`json`] written into `out` (cleared first), for a caller that keeps its buffer.
pub fn json_into(out: &mut Vec<u8>, value: &impl serde::Serialize) {
    out.clear();
    if meetkit::json::to_writer(out, value).is_err() {
        out.clear();
        out.extend_from_slice(b"null");
    }
}

/// `meeting` as the values of [`COLUMNS`], in order, and its content hash (as stored in
/// `content_hash`), which reads the JSON columns instead of serializing them again.
pub fn row(m: &Meeting) -> ([Value<'_>; 25], i64) {
    let host = m.host.as_ref();
    let rec = m.recording.as_ref();
    let text = Value::Text;
    let participants = json(&m.participants);
    let extension = json(&m.extension);
    let hash = super::content_hash_with(m, &participants, &extension);
    let values = [
        text(Some(m.provider.as_str())),
        text(Some(&m.account)),
        text(Some(&m.id)),
        text(m.title.as_deref()),
        Value::Time(Some(m.start)),
        Value::Time(m.end),
        Value::Int(m.duration_seconds),
        text(Some(m.status.as_str())),
        text(m.status_raw.as_deref()),
        text(host.and_then(|h| h.id.as_deref())),
        text(host.and_then(|h| h.name.as_deref())),
        text(host.and_then(|h| h.email.as_deref())),
        Value::Int(m.participant_count),
        Value::Json(Some(participants)),
        text(rec.and_then(|r| r.id.as_deref())),
        text(rec.and_then(|r| r.status.as_deref())),
        text(rec.and_then(|r| r.url.as_deref())),
        Value::Int(rec.and_then(|r| r.duration_seconds)),
        Value::Int(rec.and_then(|r| r.size_bytes)),
        text(rec.and_then(|r| r.codec.as_deref())),
        text(rec.and_then(|r| r.kind.as_deref())),
        text(m.meeting_url.as_deref()),
        text(m.room.as_deref()),
        Value::Json(Some(extension)),
        Value::Json(m.raw.as_ref().map(json)),
    ];
    (values, i64::from_ne_bytes(hash.to_ne_bytes()))
}

/// `"name"`: every column is quoted (`end` is a reserved word).
fn quoted(name: &str) -> String {
    format!("\"{name}\"")
}

/// The UPSERT of one meeting or a set of them: `source` is `VALUES (…)` or a `SELECT` giving
/// [`COLUMNS`] then [`BOOKKEEPING`]. A conflicting row is replaced only when its content hash
/// differs, so an unchanged meeting writes nothing; `first_seen` is kept.
pub fn upsert(source: &str) -> String {
    let all: Vec<String> = COLUMNS
        .iter()
        .map(|(name, _)| *name)
        .chain(BOOKKEEPING)
        .map(quoted)
        .collect();
    let set: Vec<String> = COLUMNS
        .iter()
        .map(|(name, _)| *name)
        .chain(["content_hash", "last_changed"])
        .filter(|name| !["provider", "account", "id"].contains(name))
        .map(|name| format!("{0} = excluded.{0}", quoted(name)))
        .collect();
    format!(
        "INSERT INTO meetings ({}) {source} ON CONFLICT (\"provider\", \"account\", \"id\") DO UPDATE SET {} WHERE meetings.\"content_hash\" <> excluded.\"content_hash\"",
        all.join(", "),
        set.join(", ")
    )
}

/// The UPSERT of one checkpoint, with six placeholders written `p(1)`…`p(6)`.
pub fn upsert_checkpoint(p: impl Fn(usize) -> String) -> String {
    format!(
        "INSERT INTO sync_state (provider, account, since, checkpoint, meetings_written, last_run) \
         VALUES ({}, {}, {}, {}, {}, {}) ON CONFLICT (provider, account) DO UPDATE SET \
         since = excluded.since, checkpoint = excluded.checkpoint, \
         meetings_written = excluded.meetings_written, last_run = excluded.last_run",
        p(1),
        p(2),
        p(3),
        p(4),
        p(5),
        p(6)
    )
}

/// The checkpoints, read back: provider, account, since, checkpoint, written, last run.
pub const SELECT_CHECKPOINTS: &str =
    "SELECT provider, account, since, checkpoint, meetings_written, last_run FROM sync_state";

/// One schema change, in each backend's SQL. Never edit a released one: add the next.
pub struct Migration {
    /// The schema version this migration brings the database to.
    pub version: u32,
    /// For SQLite.
    pub sqlite: &'static str,
    /// For PostgreSQL.
    pub postgres: &'static str,
}

/// Creates the table of applied versions when missing (before reading it).
pub const VERSION_TABLE: &str = "CREATE TABLE IF NOT EXISTS meetkit_schema (version integer PRIMARY KEY, applied_at text NOT NULL)";

/// The current version: the highest applied.
pub const SELECT_VERSION: &str = "SELECT COALESCE(MAX(version), 0) FROM meetkit_schema";

/// Every migration, in order.
pub const MIGRATIONS: &[Migration] = &[Migration {
    version: 1,
    sqlite: r#"
CREATE TABLE meetings (
    "provider" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "title" TEXT,
    "start" TEXT NOT NULL,
    "end" TEXT,
    "duration_seconds" INTEGER,
    "status" TEXT NOT NULL,
    "status_raw" TEXT,
    "host_id" TEXT,
    "host_name" TEXT,
    "host_email" TEXT,
    "participant_count" INTEGER,
    "participants" TEXT NOT NULL,
    "recording_id" TEXT,
    "recording_status" TEXT,
    "recording_url" TEXT,
    "recording_duration_seconds" INTEGER,
    "recording_size_bytes" INTEGER,
    "recording_codec" TEXT,
    "recording_type" TEXT,
    "meeting_url" TEXT,
    "room" TEXT,
    "extension" TEXT NOT NULL,
    "raw" TEXT,
    "content_hash" INTEGER NOT NULL,
    "first_seen" TEXT NOT NULL,
    "last_changed" TEXT NOT NULL,
    PRIMARY KEY ("provider", "account", "id")
);
CREATE INDEX meetings_start ON meetings ("start");
CREATE TABLE sync_state (
    provider TEXT NOT NULL,
    account TEXT NOT NULL,
    since TEXT NOT NULL,
    checkpoint TEXT NOT NULL,
    meetings_written INTEGER NOT NULL,
    last_run TEXT NOT NULL,
    PRIMARY KEY (provider, account)
);
"#,
    postgres: r#"
CREATE TABLE meetings (
    "provider" text NOT NULL,
    "account" text NOT NULL,
    "id" text NOT NULL,
    "title" text,
    "start" timestamptz NOT NULL,
    "end" timestamptz,
    "duration_seconds" bigint,
    "status" text NOT NULL,
    "status_raw" text,
    "host_id" text,
    "host_name" text,
    "host_email" text,
    "participant_count" bigint,
    "participants" jsonb NOT NULL,
    "recording_id" text,
    "recording_status" text,
    "recording_url" text,
    "recording_duration_seconds" bigint,
    "recording_size_bytes" bigint,
    "recording_codec" text,
    "recording_type" text,
    "meeting_url" text,
    "room" text,
    "extension" jsonb NOT NULL,
    "raw" jsonb,
    "content_hash" bigint NOT NULL,
    "first_seen" timestamptz NOT NULL,
    "last_changed" timestamptz NOT NULL,
    PRIMARY KEY ("provider", "account", "id")
);
CREATE INDEX meetings_start ON meetings ("start");
CREATE TABLE sync_state (
    provider text NOT NULL,
    account text NOT NULL,
    since timestamptz NOT NULL,
    checkpoint timestamptz NOT NULL,
    meetings_written bigint NOT NULL,
    last_run timestamptz NOT NULL,
    PRIMARY KEY (provider, account)
);
"#,
}];

/// The schema version this meetkit writes.
pub fn latest() -> u32 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

/// The migrations a database at `current` needs; a database written by a newer meetkit is
/// refused before anything is written.
pub fn pending(current: i64, name: &str) -> Result<&'static [Migration], CliError> {
    let latest = latest();
    if current > i64::from(latest) {
        return Err(CliError::new(
            Exit::Other,
            format!(
                "{name} was written by a newer meetkit (schema version {current}; this one knows up to {latest}); upgrade meetkit to sync into it"
            ),
        ));
    }
    Ok(MIGRATIONS
        .iter()
        .position(|m| i64::from(m.version) > current)
        .map_or(&[][..], |i| &MIGRATIONS[i..]))
}

/// The error of a failed database call, with what was being done.
pub fn failed(what: &str, name: &str, err: impl std::fmt::Display) -> CliError {
    CliError::new(Exit::Other, format!("could not {what} {name}: {err}"))
}

/// A stored count as `u64` (counts are never negative).
pub fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

/// A count as a database integer.
pub fn int(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_the_arrow_tables() {
        let arrow: Vec<String> = meetkit_arrow::schema(true)
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect();
        let ours: Vec<&str> = COLUMNS.iter().map(|(name, _)| *name).collect();
        assert_eq!(arrow, ours);
    }

    #[test]
    fn newer_schemas_are_refused_and_older_ones_migrated() {
        assert_eq!(pending(0, "x").map(<[_]>::len).ok(), Some(MIGRATIONS.len()));
        assert_eq!(
            pending(i64::from(latest()), "x").map(<[_]>::len).ok(),
            Some(0)
        );
        let err = pending(i64::from(latest()) + 1, "db.sqlite")
            .err()
            .map(|e| e.message)
            .unwrap_or_default();
        assert!(
            err.contains("db.sqlite was written by a newer meetkit") && err.contains("upgrade"),
            "{err}"
        );
    }

    #[test]
    fn the_upsert_keeps_first_seen_and_skips_unchanged_rows() {
        let sql = upsert("VALUES (…)");
        assert!(sql.contains("WHERE meetings.\"content_hash\" <> excluded.\"content_hash\""));
        assert!(!sql.contains("\"first_seen\" = excluded"));
        assert!(sql.contains("\"last_changed\" = excluded.\"last_changed\""));
        assert!(!sql.contains("\"id\" = excluded"));
    }
}
