//! The SQLite destination (`sqlite:PATH`, SQLite compiled in): meetkit's schema in one file,
//! each batch and its checkpoints in one `BEGIN IMMEDIATE` transaction, and the one-writer
//! lock on the file itself.
//!
//! The database runs in WAL mode with `synchronous=NORMAL`: readers (the `sqlite3` shell, a
//! notebook) read while a sync writes, and a commit is atomic and ordered after a crash or a
//! kill; a power cut may lose the last commits, meetings and checkpoint together. The log is
//! copied into the database by a thread of its own ([`wal`]), every
//! [`WAL_CHECKPOINT_BYTES`](wal::WAL_CHECKPOINT_BYTES), not SQLite's 1,000 pages; a
//! transaction holds [`BATCH`] meetings, and the page cache ([`CACHE_KIB`]) holds its pages. A
//! database meetkit creates has pages of [`PAGE_SIZE`].

#[path = "sqlite_wal.rs"]
mod wal;

use std::fs::File;
use std::path::Path;

use chrono::{DateTime, Utc};
use meetkit::Meeting;
use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{Connection, TransactionBehavior};

use super::sql::{self, Value};
use super::{
    Checkpoint, Destination, Written, count_written, lock_exclusively, refuse_read_only,
    with_written,
};
use crate::exit::{CliError, Exit};

/// Meetings per transaction: each commit writes every index page its rows touched to the log,
/// and ids are random, so a 2,000-meeting batch wrote about one 4 KB page per meeting. 20,000
/// meetings share most of those pages (at 870,000 meetings the primary key is ~13,000 pages).
pub const BATCH: usize = 20_000;

/// The page cache, in KiB (SQLite's default is 2,000): a batch's dirty index pages stay in it
/// until the commit instead of spilling into the log mid-transaction, and the primary key's
/// pages are found there, not read again.
const CACHE_KIB: u32 = 65_536;

/// The page size of a database meetkit creates (SQLite's default is 4,096; a database that
/// already has tables keeps its own). A meeting's row is about 1 KB, so a 4 KB page held three
/// and the table and its indexes took more pages, more B-tree levels and more log frames: on
/// an 870,000-meeting sync from empty (alternating runs, the log checkpointed at the same 256
/// MB), 13.6–14.3 s with 16 KB pages against 15.6–18.5 s with 4 KB, and the file is 868 MB
/// instead of 965 MB. 8 KB (14.8–16.0 s) and 32 KB (16.0–16.5 s) did no better in a first
/// comparison whose log threshold was counted in pages.
pub const PAGE_SIZE: u32 = 16_384;

/// How times are stored: RFC 3339 UTC with microseconds, fixed width, so text order is time
/// order and SQLite's date functions read them.
fn time_text(t: DateTime<Utc>) -> String {
    meetkit::rfc3339::micros(&t)
}

fn parse_time(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

impl rusqlite::ToSql for Value<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self {
            Value::Text(Some(s)) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
            Value::Json(Some(s)) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
            Value::Time(Some(t)) => ToSqlOutput::from(time_text(*t)),
            Value::Int(Some(n)) => ToSqlOutput::from(*n),
            Value::Text(None) | Value::Json(None) | Value::Time(None) | Value::Int(None) => {
                ToSqlOutput::Borrowed(ValueRef::Null)
            }
        })
    }
}

/// `sqlite:PATH`.
pub struct SqliteDestination {
    name: String,
    upsert: String,
    /// Declared before `conn`: its connection closes first, so the writer's closes last and
    /// deletes the log.
    checkpointer: Option<wal::Checkpointer>,
    /// Declared before `_lock`: the connection closes first, then the lock's descriptor (closing
    /// any descriptor of a file drops the process's POSIX locks on it, SQLite's included).
    conn: Connection,
    _lock: File,
}

impl SqliteDestination {
    /// Opens (creating) the database at `path`, takes the one-writer lock and migrates it.
    pub fn open(path: &Path) -> Result<Self, CliError> {
        let name = path.display().to_string();
        refuse_read_only(path, &name)?;
        let conn = Connection::open(path).map_err(|e| sql::failed("open", &name, e))?;
        if conn.is_readonly("main").unwrap_or(false) {
            return Err(CliError::new(
                Exit::Other,
                format!(
                    "{name} can only be opened read-only; make it (and its directory) writable or sync to another file"
                ),
            ));
        }
        let lock = File::open(path).map_err(|e| sql::failed("open", &name, e))?;
        lock_exclusively(&lock, &name)?;
        let mut me = Self {
            upsert: sql::upsert(&format!(
                "VALUES ({})",
                (1..=sql::COLUMNS.len() + sql::BOOKKEEPING.len())
                    .map(|i| format!("?{i}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            name,
            checkpointer: None,
            conn,
            _lock: lock,
        };
        me.migrate()?;
        me.checkpointer = Some(
            wal::Checkpointer::start(path, &mut me.conn)
                .map_err(|e| sql::failed("set up", &me.name, e))?,
        );
        Ok(me)
    }

    /// Checks the schema version, then brings the database to the latest in one transaction.
    fn migrate(&mut self) -> Result<(), CliError> {
        let name = self.name.clone();
        let read = |e| sql::failed("read", &name, e);
        let has_versions: bool = self
            .conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meetkit_schema')",
                [],
                |row| row.get(0),
            )
            .map_err(read)?;
        let current: i64 = if has_versions {
            self.conn
                .query_row(sql::SELECT_VERSION, [], |row| row.get(0))
                .map_err(read)?
        } else {
            0
        };
        // Refused before anything (even the journal mode) is written.
        let pending = sql::pending(current, &name)?;
        let setup = |e| sql::failed("set up", &name, e);
        // Before the journal mode and the first table: only an empty database takes it.
        self.conn
            .execute_batch(&format!("PRAGMA page_size = {PAGE_SIZE};"))
            .map_err(setup)?;
        self.conn
            .query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))
            .map_err(setup)?;
        self.conn
            .execute_batch(&format!(
                "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000; \
                 PRAGMA cache_size = -{CACHE_KIB};"
            ))
            .map_err(setup)?;
        if pending.is_empty() {
            return Ok(());
        }
        let migrate = |e| sql::failed("migrate", &name, e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(migrate)?;
        tx.execute(sql::VERSION_TABLE, []).map_err(migrate)?;
        for m in pending {
            tx.execute_batch(m.sqlite).map_err(migrate)?;
            tx.execute(
                "INSERT INTO meetkit_schema (version, applied_at) VALUES (?1, ?2)",
                rusqlite::params![m.version, time_text(Utc::now())],
            )
            .map_err(migrate)?;
        }
        tx.commit().map_err(migrate)
    }
}

impl Destination for SqliteDestination {
    fn name(&self) -> String {
        self.name.clone()
    }

    fn checkpoints(&mut self) -> Result<Vec<Checkpoint>, CliError> {
        let name = self.name.clone();
        let read = |e| sql::failed("read the checkpoints of", &name, e);
        let mut stmt = self.conn.prepare(sql::SELECT_CHECKPOINTS).map_err(read)?;
        let rows = stmt
            .query_map([], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, String>(3)?,
                    row.get::<_, i64>(4)?,
                    row.get::<_, String>(5)?,
                ))
            })
            .map_err(read)?;
        let mut out = Vec::new();
        for row in rows {
            let (provider, account, since, checkpoint, written, last_run) = row.map_err(read)?;
            let (Ok(provider), Some(since), Some(checkpoint), Some(last_run)) = (
                provider.parse(),
                parse_time(&since),
                parse_time(&checkpoint),
                parse_time(&last_run),
            ) else {
                continue; // a row this meetkit cannot read is fetched again from --since
            };
            out.push(Checkpoint {
                provider,
                account,
                since,
                checkpoint,
                meetings_written: sql::count(written),
                last_run,
            });
        }
        Ok(out)
    }

    fn prepare(&mut self, _refetch_from: DateTime<Utc>) -> Result<(), CliError> {
        Ok(())
    }

    fn batch(&self) -> usize {
        BATCH
    }

    fn store(
        &mut self,
        meetings: &[Meeting],
        checkpoints: &[Checkpoint],
        written: &mut Written,
    ) -> Result<(), CliError> {
        let name = self.name.clone();
        let write = |e| sql::failed("write to", &name, e);
        // Formatted once: every row of the batch is first seen or changed at the same time.
        let now = time_text(Utc::now());
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(write)?;
        {
            let mut stmt = tx.prepare_cached(&self.upsert).map_err(write)?;
            for meeting in meetings {
                let (values, hash) = sql::row(meeting);
                let bookkeeping = [
                    Value::Int(Some(hash)),
                    Value::Text(Some(&now)),
                    Value::Text(Some(&now)),
                ];
                let changed = stmt
                    .execute(rusqlite::params_from_iter(
                        values.iter().chain(&bookkeeping),
                    ))
                    .map_err(write)?;
                if changed > 0 {
                    count_written(written, meeting);
                }
            }
        }
        let upsert_checkpoint = sql::upsert_checkpoint(|i| format!("?{i}"));
        for c in with_written(checkpoints, written) {
            tx.execute(
                &upsert_checkpoint,
                rusqlite::params![
                    c.provider.as_str(),
                    c.account,
                    time_text(c.since),
                    time_text(c.checkpoint),
                    sql::int(c.meetings_written),
                    time_text(c.last_run),
                ],
            )
            .map_err(write)?;
        }
        tx.commit().map_err(write)
    }
}

#[cfg(test)]
#[path = "sqlite_tests.rs"]
mod tests;
