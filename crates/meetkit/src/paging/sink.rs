//! Where a window's pages go: cut to the exact window, filtered, deduplicated, then sent to
//! the reader as a [`Batch`] that keeps its request's pass until the reader has taken it all.

use std::sync::Arc;

use tokio::sync::mpsc;

use super::FetchContext;
use crate::dedup::Seen;
use crate::model::Meeting;
use crate::query::Window;
use crate::ratelimit::Pass;

/// Pages of one window waiting for the consumer; the fetch pauses when they fill up.
pub const PAGES_BUFFERED: usize = 2;

/// One page's meetings on their way to the reader, with the pass of the request that fetched
/// them. The pass (the provider's and the client's concurrency) is given back only when the
/// reader has taken the last meeting, so the pages a client holds — in flight, waiting in a
/// window's channel or being read — never outnumber the requests it may have in flight,
/// however many windows and accounts run at once.
#[derive(Debug)]
pub struct Batch {
    meetings: Vec<Meeting>,
    pass: Pass,
}

impl Batch {
    /// How many meetings the batch holds.
    pub fn len(&self) -> usize {
        self.meetings.len()
    }

    /// True when the batch holds no meeting.
    pub fn is_empty(&self) -> bool {
        self.meetings.is_empty()
    }

    /// The batch's meetings, to amend in place (the partition's account name).
    pub fn meetings_mut(&mut self) -> &mut [Meeting] {
        &mut self.meetings
    }
}

impl IntoIterator for Batch {
    type Item = Meeting;
    type IntoIter = BatchIter;
    fn into_iter(self) -> BatchIter {
        BatchIter {
            meetings: self.meetings.into_iter(),
            _pass: self.pass,
        }
    }
}

/// The meetings of a [`Batch`]; its pass is given back when this is dropped.
#[derive(Debug)]
pub struct BatchIter {
    meetings: std::vec::IntoIter<Meeting>,
    _pass: Pass,
}

impl Iterator for BatchIter {
    type Item = Meeting;
    fn next(&mut self) -> Option<Meeting> {
        self.meetings.next()
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.meetings.size_hint()
    }
}

/// Where a window's pages go: the exact window (or the piece of it a split listing covers) and
/// local filters cut them, duplicates are dropped, and what is left goes to the consumer
/// through a bounded channel, with the page's pass. The pieces of a split window share one
/// [`Seen`]: the window's own, or its account's when the account's partitions overlap.
#[derive(Clone)]
pub(super) struct WindowSink<'a> {
    pub(super) window: Window,
    pub(super) ctx: &'a FetchContext,
    pub(super) seen: Arc<Seen>,
    pub(super) tx: mpsc::Sender<Batch>,
}

impl WindowSink<'_> {
    /// Sends what is left of `meetings` on, with `pass`; an empty page gives its pass back at
    /// once.
    pub(super) async fn emit(&self, meetings: Vec<Meeting>, pass: Pass) {
        let mut batch: Vec<Meeting> = meetings
            .into_iter()
            .filter(|m| {
                self.window.contains(m.start)
                    && self.ctx.filters.matches(m, self.ctx.now)
                    && (!self.ctx.info.provider_status_local
                        || self.ctx.filters.matches_provider_status(m))
            })
            .collect();
        // First sighting wins: a record met again on a shifted page is the same record.
        self.seen.keep_first(&mut batch);
        if !batch.is_empty() {
            // A closed channel means the consumer is gone; its drop also aborts this task.
            let _ = self
                .tx
                .send(Batch {
                    meetings: batch,
                    pass,
                })
                .await;
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
