//! Where a window's pages go: cut to the exact window, filtered, deduplicated, then sent.

use std::collections::HashSet;
use std::hash::{BuildHasher, RandomState};
use std::sync::{Arc, Mutex, PoisonError};

use tokio::sync::mpsc;

use super::FetchContext;
use crate::model::Meeting;
use crate::query::Window;

/// Pages of one window waiting for the consumer; the fetch pauses when they fill up.
pub const PAGES_BUFFERED: usize = 2;

/// Hashes of the ids a window delivered: 8 bytes a meeting instead of the meeting itself. A
/// random key per window makes a collision (a distinct meeting dropped) a ~n²/2⁶⁴ event.
#[derive(Default)]
pub(super) struct Seen {
    hasher: RandomState,
    ids: HashSet<u64>,
}

/// Where a window's pages go: the exact window (or the piece of it a split listing covers) and
/// local filters cut them, duplicates are dropped, and what is left goes to the consumer
/// through a bounded channel. The pieces of a split window share one `Seen`.
#[derive(Clone)]
pub(super) struct WindowSink<'a> {
    pub(super) window: Window,
    pub(super) ctx: &'a FetchContext,
    pub(super) seen: Arc<Mutex<Seen>>,
    pub(super) tx: mpsc::Sender<Vec<Meeting>>,
}

impl WindowSink<'_> {
    pub(super) async fn emit(&self, meetings: Vec<Meeting>) {
        let mut batch: Vec<Meeting> = {
            let mut seen = self.seen.lock().unwrap_or_else(PoisonError::into_inner);
            let Seen { hasher, ids } = &mut *seen;
            meetings
                .into_iter()
                .filter(|m| {
                    self.window.contains(m.start)
                        && self.ctx.filters.matches(m, self.ctx.now)
                        && (!self.ctx.info.provider_status_local
                            || self.ctx.filters.matches_provider_status(m))
                })
                // First sighting wins: a record met again on a shifted page is the same record.
                .filter(|m| ids.insert(hasher.hash_one(&m.id)))
                .collect()
        };
        if let Some(account) = &self.ctx.account_seen {
            account.keep_first(&mut batch);
        }
        if !batch.is_empty() {
            // A closed channel means the consumer is gone; its drop also aborts this task.
            let _ = self.tx.send(batch).await;
        }
    }

    /// The same sink, cut to `piece`.
    pub(super) fn piece(&self, piece: Window) -> Self {
        Self {
            window: piece,
            ..self.clone()
        }
    }
}
