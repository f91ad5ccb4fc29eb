//! Tests of `sqlite`.

use super::*;
use meetkit::Provider;

use crate::sync::test_meeting as meeting;

/// The one number `query` reads from the database at `path`.
fn scalar(path: &Path, query: &str) -> Result<i64, rusqlite::Error> {
    Connection::open(path)?.query_row(query, [], |r| r.get(0))
}

fn rows(path: &Path) -> Result<i64, rusqlite::Error> {
    scalar(path, "SELECT count(*) FROM meetings")
}

#[test]
fn columns_in_the_table_are_the_arrow_names_then_bookkeeping()
-> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("m.db");
    drop(SqliteDestination::open(&path).map_err(|e| e.message)?);
    let conn = Connection::open(&path)?;
    let mut stmt = conn.prepare("SELECT name FROM pragma_table_info('meetings')")?;
    let names: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let expected: Vec<&str> = sql::COLUMNS
        .iter()
        .map(|(n, _)| *n)
        .chain(sql::BOOKKEEPING)
        .collect();
    assert_eq!(names, expected);
    let version: i64 = conn.query_row(sql::SELECT_VERSION, [], |row| row.get(0))?;
    assert_eq!(version, i64::from(sql::latest()));
    Ok(())
}

fn page_size(path: &Path) -> Result<i64, rusqlite::Error> {
    scalar(path, "PRAGMA page_size")
}

#[test]
fn a_new_database_has_large_pages_and_one_with_tables_keeps_its_own()
-> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let new = dir.path().join("new.db");
    let mut dest = SqliteDestination::open(&new).map_err(|e| e.message)?;
    dest.store(&[meeting("a", "one")], &[], &mut Written::new())
        .map_err(|e| e.message)?;
    drop(dest);
    assert_eq!(page_size(&new)?, i64::from(PAGE_SIZE));
    // A database made before (SQLite's 4 KB pages, WAL, a table) keeps its pages and syncs.
    let old = dir.path().join("old.db");
    let conn = Connection::open(&old)?;
    conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))?;
    conn.execute_batch("CREATE TABLE notes (x text)")?;
    drop(conn);
    let before = page_size(&old)?;
    assert_ne!(before, i64::from(PAGE_SIZE));
    let mut dest = SqliteDestination::open(&old).map_err(|e| e.message)?;
    dest.store(&[meeting("a", "one")], &[], &mut Written::new())
        .map_err(|e| e.message)?;
    drop(dest);
    assert_eq!((page_size(&old)?, rows(&old)?), (before, 1));
    Ok(())
}

#[test]
fn a_batch_of_batch_meetings_fits_the_page_cache() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("m.db");
    let mut dest = SqliteDestination::open(&path).map_err(|e| e.message)?;
    let kib: i64 = dest.conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
    assert_eq!(kib, -i64::from(CACHE_KIB), "negative: KiB, not pages");
    assert_eq!(dest.batch(), BATCH);
    assert!(
        dest.batch() > crate::sync::BATCH,
        "larger transactions than the default"
    );
    // One transaction of a whole batch: every meeting stored, counted once.
    let big: Vec<Meeting> = (0..BATCH)
        .map(|i| {
            meeting(
                &format!("{:016x}", (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)),
                "t",
            )
        })
        .collect();
    let mut written = Written::new();
    dest.store(&big, &[], &mut written).map_err(|e| e.message)?;
    let zoom = (Provider::Zoom, meetkit::model::DEFAULT_ACCOUNT.to_owned());
    assert_eq!(written.get(&zoom).copied(), u64::try_from(BATCH).ok());
    // The rows' pages (table and both indexes) fit the cache, so none spilled mid-transaction.
    let pages: i64 = dest.conn.query_row("PRAGMA page_count", [], |r| r.get(0))?;
    let page_size: i64 = dest.conn.query_row("PRAGMA page_size", [], |r| r.get(0))?;
    assert!(
        pages * page_size < i64::from(CACHE_KIB) * 1024,
        "{pages} pages"
    );
    drop(dest);
    assert_eq!(rows(&path)?, i64::try_from(BATCH)?);
    Ok(())
}

#[test]
fn rows_of_one_batch_share_their_first_seen() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("m.db");
    let mut dest = SqliteDestination::open(&path).map_err(|e| e.message)?;
    let before = Utc::now();
    dest.store(
        &[meeting("a", "one"), meeting("b", "two")],
        &[],
        &mut Written::new(),
    )
    .map_err(|e| e.message)?;
    drop(dest);
    let conn = Connection::open(&path)?;
    let mut stmt = conn.prepare("SELECT DISTINCT first_seen, last_changed FROM meetings")?;
    let times: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    assert_eq!(times.len(), 1, "{times:?}");
    let (first_seen, last_changed) = &times[0];
    assert_eq!(first_seen, last_changed);
    let stored = parse_time(first_seen).ok_or("not RFC 3339")?;
    assert!(stored >= before && stored <= Utc::now(), "{first_seen}");
    assert_eq!(
        first_seen.len(),
        "2026-01-01T00:00:00.000000Z".len(),
        "fixed width"
    );
    Ok(())
}

#[test]
fn unchanged_writes_nothing_changed_updates_in_place() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("m.db");
    let mut dest = SqliteDestination::open(&path).map_err(|e| e.message)?;
    let mut written = Written::new();
    let batch = [meeting("a", "one"), meeting("b", "two")];
    dest.store(&batch, &[], &mut written)
        .map_err(|e| e.message)?;
    let zoom = (Provider::Zoom, meetkit::model::DEFAULT_ACCOUNT.to_owned());
    assert_eq!(written.get(&zoom), Some(&2));
    dest.store(&batch, &[], &mut written)
        .map_err(|e| e.message)?;
    assert_eq!(written.get(&zoom), Some(&2), "unchanged: no write");
    dest.store(&[meeting("a", "renamed")], &[], &mut written)
        .map_err(|e| e.message)?;
    assert_eq!(written.get(&zoom), Some(&3));
    let conn = Connection::open(&path)?;
    let title: String = conn.query_row("SELECT title FROM meetings WHERE id = 'a'", [], |r| {
        r.get(0)
    })?;
    assert_eq!((title.as_str(), rows(&path)?), ("renamed", 2));
    Ok(())
}

#[test]
fn a_second_writer_is_refused_while_the_first_holds_the_file()
-> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("m.db");
    let first = SqliteDestination::open(&path).map_err(|e| e.message)?;
    let err = SqliteDestination::open(&path)
        .err()
        .map(|e| e.message)
        .unwrap_or_default();
    assert!(err.contains("another meetkit sync is writing to"), "{err}");
    drop(first);
    SqliteDestination::open(&path).map_err(|e| e.message)?;
    Ok(())
}

#[test]
fn a_full_disk_fails_the_batch_and_keeps_nothing_of_it() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("m.db");
    let mut dest = SqliteDestination::open(&path).map_err(|e| e.message)?;
    let mut written = Written::new();
    dest.store(&[meeting("a", "one")], &[], &mut written)
        .map_err(|e| e.message)?;
    // The file may not grow: what a full disk does to SQLite.
    let pages: i64 = dest.conn.query_row("PRAGMA page_count", [], |r| r.get(0))?;
    dest.conn.pragma_update(None, "max_page_count", pages)?;
    let big: Vec<Meeting> = (0..2000)
        .map(|i| meeting(&format!("m{i}"), &"x".repeat(500)))
        .collect();
    let err = dest
        .store(&big, &[], &mut written)
        .err()
        .map(|e| e.message)
        .unwrap_or_default();
    assert!(
        err.contains("could not write to") && err.contains("full"),
        "{err}"
    );
    drop(dest);
    assert_eq!(rows(&path)?, 1, "the failed batch left nothing behind");
    Ok(())
}

#[test]
fn closing_stops_the_checkpointer_and_deletes_the_log() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("m.db");
    let mut dest = SqliteDestination::open(&path).map_err(|e| e.message)?;
    let pages: i64 = dest
        .conn
        .query_row("PRAGMA wal_autocheckpoint", [], |r| r.get(0))?;
    assert_eq!(pages, 0, "the checkpointer's hook replaced SQLite's own");
    let batch: Vec<Meeting> = (0..500).map(|i| meeting(&format!("m{i}"), "t")).collect();
    dest.store(&batch, &[], &mut Written::new())
        .map_err(|e| e.message)?;
    assert!(dir.path().join("m.db-wal").exists());
    drop(dest);
    assert!(
        !dir.path().join("m.db-wal").exists(),
        "checkpointed and deleted"
    );
    assert_eq!(rows(&path)?, 500);
    Ok(())
}
