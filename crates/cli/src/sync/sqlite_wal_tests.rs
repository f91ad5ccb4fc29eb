//! Tests of `sqlite_wal`.

use std::path::Path;
use std::time::{Duration, Instant};

use super::*;

/// Commits `rows` rows of 1 KB (a page for every four) in one transaction, through `writer`.
fn write(writer: &Connection, rows: usize) -> rusqlite::Result<()> {
    writer.execute_batch("BEGIN; CREATE TABLE IF NOT EXISTS t (x text)")?;
    for _ in 0..rows {
        writer.execute("INSERT INTO t VALUES (?1)", ["x".repeat(1000)])?;
    }
    writer.execute_batch("COMMIT")
}

fn open(path: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open(path)?;
    conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))?;
    conn.execute_batch("PRAGMA wal_autocheckpoint = 0")?;
    Ok(conn)
}

/// Waits (at most `wait`) until the database file holds every page, that is until a
/// checkpoint copied the log into it; false if none did.
fn checkpointed(
    path: &Path,
    writer: &Connection,
    wait: Duration,
) -> Result<bool, Box<dyn std::error::Error>> {
    let pages: i64 = writer.query_row("PRAGMA page_count", [], |r| r.get(0))?;
    let size: i64 = writer.query_row("PRAGMA page_size", [], |r| r.get(0))?;
    let want = u64::try_from(pages * size)?;
    let deadline = Instant::now() + wait;
    loop {
        if std::fs::metadata(path)?.len() >= want {
            return Ok(true);
        }
        if Instant::now() >= deadline {
            return Ok(false);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

const SOON: Duration = Duration::from_millis(500);
const LONG: Duration = Duration::from_secs(20);

#[test]
fn a_log_past_the_pages_is_copied_by_the_thread() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("m.db");
    let mut writer = open(&path)?;
    let checkpointer = Checkpointer::start_at(&path, &mut writer, 50, i32::MAX)?;
    write(&writer, 20)?;
    assert!(!checkpointed(&path, &writer, SOON)?, "not before 50 pages");
    write(&writer, 1000)?;
    assert!(checkpointed(&path, &writer, LONG)?);
    // The thread counts a checkpoint after the pragma returns, which can be just after the
    // file reached its size: wait for the count too.
    let deadline = Instant::now() + LONG;
    while checkpointer.made.load(Ordering::Relaxed) == 0 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        checkpointer.made.load(Ordering::Relaxed) >= 1,
        "by the thread"
    );
    drop(checkpointer);
    drop(writer);
    assert!(
        !dir.path().join("m.db-wal").exists(),
        "the writer closed last"
    );
    Ok(())
}

#[test]
fn a_log_past_the_limit_is_copied_by_the_writer() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("m.db");
    let mut writer = open(&path)?;
    let checkpointer = Checkpointer::start_at(&path, &mut writer, 50, 50)?;
    write(&writer, 20)?;
    assert!(
        !checkpointed(&path, &writer, Duration::ZERO)?,
        "not before 50 pages"
    );
    write(&writer, 1000)?;
    // The last commit's hook checkpointed before the commit returned.
    assert!(checkpointed(&path, &writer, Duration::ZERO)?);
    assert_eq!(
        checkpointer.made.load(Ordering::Relaxed),
        0,
        "not the thread"
    );
    Ok(())
}

#[test]
fn the_writer_hooks_replace_sqlites_automatic_checkpoint() -> Result<(), Box<dyn std::error::Error>>
{
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("m.db");
    let mut writer = Connection::open(&path)?;
    writer.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))?;
    let _checkpointer = Checkpointer::start(&path, &mut writer)?;
    let pages: i64 = writer.query_row("PRAGMA wal_autocheckpoint", [], |r| r.get(0))?;
    assert_eq!(
        pages, 0,
        "SQLite's own would copy the log every 1,000 pages on the writer"
    );
    write(&writer, 2000)?;
    assert!(
        !checkpointed(&path, &writer, SOON)?,
        "2 MB of log is left for later"
    );
    Ok(())
}

#[test]
fn the_thresholds_are_the_same_bytes_whatever_the_page_size() {
    assert_eq!(pages_of(WAL_CHECKPOINT_BYTES, 4_096), 65_536);
    assert_eq!(pages_of(WAL_CHECKPOINT_BYTES, 16_384), 16_384);
    assert_eq!(pages_of(WAL_LIMIT_BYTES, 65_536), 16_384);
    // Never SQLite's own 1,000 or fewer, and no division by a nonsense size.
    assert_eq!(pages_of(1 << 20, 65_536), 1_001);
    assert_eq!(pages_of(WAL_CHECKPOINT_BYTES, 0), 524_288);
}
