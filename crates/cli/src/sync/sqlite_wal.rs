//! The SQLite destination's log checkpoints: a thread with its own connection copies the
//! write-ahead log into the database once the log holds [`WAL_CHECKPOINT_BYTES`], so the writer
//! neither copies pages nor waits for the two fsyncs a checkpoint takes.
//!
//! The writer's connection tells the thread through a WAL hook (called after each commit with
//! the pages in the log). A `PASSIVE` checkpoint never waits for or blocks the writer: it
//! copies what is committed, and the writer starts the log over at its next transaction once
//! all of it was copied. Should the thread fall behind until the log holds
//! [`WAL_LIMIT_BYTES`] (or not start at all, then from [`WAL_CHECKPOINT_BYTES`]), the writer
//! checkpoints itself after its commit, as SQLite's own automatic checkpoint would. Both are
//! counted in the database's pages, whatever their size.

use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, TrySendError};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use rusqlite::Connection;

/// The log (SQLite's default is 1,000 pages, about 4 MB) from which a commit wakes the
/// checkpointer thread. Each batch dirties index pages all over the primary key (ids are
/// random), and every checkpoint copies them again with an fsync: when the writer made every
/// checkpoint itself, one every 1,000 pages of 4 KB made an 870,000-meeting sync take 47 s,
/// every 16,384 pages 40 s, and every 65,536 pages (256 MB of log) 2.5 s less again. With the
/// thread making them, that sync took 30.9 and 31.3 s against 35.1 and 33.9 s (alternating
/// runs on 2 cores).
pub const WAL_CHECKPOINT_BYTES: i64 = 256 << 20;

/// The log (1 GB) from which the writer checkpoints after its commit itself, because the
/// thread did not keep up. The log is deleted when the sync closes the database.
pub const WAL_LIMIT_BYTES: i64 = 4 * WAL_CHECKPOINT_BYTES;

/// `bytes` of a log of pages of `page_size` bytes, in pages (at least SQLite's 1,000 and one
/// more; at most `i32::MAX`).
fn pages_of(bytes: i64, page_size: i64) -> i32 {
    let pages = bytes / page_size.max(512);
    i32::try_from(pages.max(1_001)).unwrap_or(i32::MAX)
}

/// The thread, woken by the writer's WAL hook; stopped and joined on drop.
pub struct Checkpointer {
    /// Shared with the hook, which outlives this: taken on drop, so the thread's channel closes.
    wake: Arc<Mutex<Option<mpsc::SyncSender<()>>>>,
    thread: Option<JoinHandle<()>>,
    /// Checkpoints the thread made.
    made: Arc<AtomicU64>,
}

impl Checkpointer {
    /// Starts the checkpointer of the database at `path` (already in WAL mode), whose writer is
    /// `writer`, and hooks it to the writer's commits (replacing `wal_autocheckpoint`).
    pub fn start(path: &Path, writer: &mut Connection) -> rusqlite::Result<Self> {
        let page_size: i64 = writer.query_row("PRAGMA page_size", [], |r| r.get(0))?;
        Self::start_at(
            path,
            writer,
            pages_of(WAL_CHECKPOINT_BYTES, page_size),
            pages_of(WAL_LIMIT_BYTES, page_size),
        )
    }

    /// [`Checkpointer::start`] with the thread woken from `pages` and the writer's own
    /// checkpoints from `limit`. Without a thread (no connection or thread could be made), the
    /// writer checkpoints itself from `pages`.
    fn start_at(
        path: &Path,
        writer: &mut Connection,
        pages: i32,
        limit: i32,
    ) -> rusqlite::Result<Self> {
        let made = Arc::new(AtomicU64::new(0));
        let counted = Arc::clone(&made);
        let started = Connection::open(path).ok().and_then(|conn| {
            // One pending wake is enough: a checkpoint copies everything committed before it.
            let (wake, woken) = mpsc::sync_channel::<()>(1);
            let thread = std::thread::Builder::new()
                .name("meetkit-sqlite-wal".to_owned())
                .spawn(move || {
                    while woken.recv().is_ok() {
                        // The pragma, not sqlite3_wal_checkpoint, which does nothing on a
                        // connection that never read (its pager is not in WAL mode yet). A
                        // failed checkpoint (busy, I/O) leaves the log for the next one or for
                        // the writer's own: nothing committed depends on it.
                        let checkpoint =
                            conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| {
                                Ok((r.get::<_, i64>(1)?, r.get::<_, i64>(2)?))
                            });
                        match checkpoint {
                            Ok((in_log, copied)) => {
                                counted.fetch_add(1, Ordering::Relaxed);
                                tracing::debug!(in_log, copied, "checkpointed the SQLite log");
                            }
                            Err(e) => tracing::debug!("could not checkpoint the SQLite log: {e}"),
                        }
                    }
                })
                .ok()?;
            Some((wake, thread))
        });
        let (wake, thread) = started.unzip();
        let wake = Arc::new(Mutex::new(wake));
        let hook_wake = Arc::clone(&wake);
        writer.wal_hook(Some(move |wal: &mut rusqlite::hooks::Wal, in_log: i32| {
            if in_log < pages {
                return Ok(());
            }
            let woken = in_log < limit
                && hook_wake.lock().ok().is_some_and(|wake| {
                    wake.as_ref().is_some_and(|w| {
                        !matches!(w.try_send(()), Err(TrySendError::Disconnected(_)))
                    })
                });
            if !woken {
                // What SQLite's automatic checkpoint does; its failure fails no commit.
                let _ = wal.checkpoint();
            }
            Ok(())
        }))?;
        Ok(Self { wake, thread, made })
    }
}

impl Drop for Checkpointer {
    /// Stops the thread after the checkpoint it is running, and closes its connection, so the
    /// writer's connection closes last (and deletes the log).
    fn drop(&mut self) {
        if let Ok(mut wake) = self.wake.lock() {
            wake.take();
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        tracing::debug!(
            checkpoints = self.made.load(Ordering::Relaxed),
            "stopped the SQLite log's checkpointer"
        );
    }
}

#[cfg(test)]
#[path = "sqlite_wal_tests.rs"]
mod tests;
