//! The records a client may hold at once, across every provider and account it lists: the
//! memory bound that does not grow with `concurrency`.
//!
//! A request's pass bounds the pages held by the requests allowed in flight, which a fleet
//! sets high (thousands of accounts, each waiting on its own rate limit). At the start of such
//! a run every account's first requests go out together, and each page in flight costs its
//! connection's read buffer, the body, the decoded page and its meetings: thousands of pages at
//! once held a gigabyte for the few seconds before the rate limits spread them out. So a
//! request also takes, before it is sent, as many records from a [`RecordBudget`] as its
//! account's pages have lately held ([`Expected`]; a listing's page size until the account's
//! first page comes back; never fewer than [`MIN_RECORDS_PER_REQUEST`], what a request costs
//! however small its page), and gives them back with its pass, when the reader has taken the
//! page. A listing whose pages are small (a Zoom user's report) sends more at once; one whose
//! pages are full sends fewer, and the reader is never more than the budget behind.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// Records held across every provider by default: requested, in flight, or fetched and not
/// yet taken by the reader. About 2 KB each while in flight (read buffer, body, decoded page,
/// meeting), so some 64 MB, and at most 512 requests at the floor; the default concurrency (32
/// pages of at most 300) stays within it.
pub const DEFAULT_RECORDS_IN_FLIGHT: usize = 32_768;

/// The records a client may hold at once (see the module docs).
#[derive(Debug)]
pub struct RecordBudget {
    permits: Arc<Semaphore>,
    total: u32,
}

impl RecordBudget {
    /// A budget of `records` (at least 1).
    pub fn new(records: usize) -> Self {
        let total = u32::try_from(records.clamp(1, Semaphore::MAX_PERMITS))
            .unwrap_or(u32::MAX)
            .max(1);
        Self {
            permits: Arc::new(Semaphore::new(total as usize)),
            total,
        }
    }

    /// Waits until `records` (at most the whole budget, at least 1) are free and takes them;
    /// they come back when the permit is dropped.
    pub async fn take(&self, records: u32) -> Option<OwnedSemaphorePermit> {
        // meetkit never closes the semaphore, so acquiring cannot fail.
        Arc::clone(&self.permits)
            .acquire_many_owned(records.clamp(1, self.total))
            .await
            .ok()
    }

    /// Records free now.
    pub fn available(&self) -> usize {
        self.permits.available_permits()
    }
}

/// The fewest records a request takes: a request costs its connection's buffers, its future and
/// its dispatch however small its page (a Zoom user's report of a dozen meetings), so without a
/// floor the fleet's small pages sent 1,400 requests at once, and held 234 MB.
pub const MIN_RECORDS_PER_REQUEST: u32 = 64;

/// How many records an account's next page is expected to hold: unknown (the listing's page
/// size) until a page comes back; then a page at least as full sets it at once, and a smaller
/// one halves it (never below that page), so a window's short last page does not let the next
/// window's full pages through at a fraction of their size. A request takes at least
/// [`MIN_RECORDS_PER_REQUEST`].
#[derive(Debug, Default)]
pub struct Expected(AtomicU32);

impl Expected {
    /// The records to take for the next request, `page_size` while nothing came back, at least
    /// [`MIN_RECORDS_PER_REQUEST`].
    pub fn next(&self, page_size: u32) -> u32 {
        match self.0.load(Ordering::Relaxed) {
            0 => page_size,
            n => n,
        }
        .max(MIN_RECORDS_PER_REQUEST)
    }

    /// A page of `records` came back.
    pub fn came(&self, records: usize) {
        let n = u32::try_from(records).unwrap_or(u32::MAX).max(1);
        let _ = self
            .0
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |held| {
                Some(if held == 0 || n >= held {
                    n
                } else {
                    (held / 2).max(n)
                })
            });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_size_until_a_page_comes_then_full_pages_at_once_and_short_ones_by_halves() {
        let expected = Expected::default();
        assert_eq!(expected.next(300), 300);
        expected.came(130);
        assert_eq!(expected.next(300), 130, "the first page replaces the guess");
        expected.came(250);
        assert_eq!(expected.next(300), 250);
        expected.came(10);
        assert_eq!(expected.next(300), 125, "a short page halves it");
        expected.came(100);
        assert_eq!(expected.next(300), 100);
        expected.came(0);
        assert_eq!(
            expected.next(300),
            MIN_RECORDS_PER_REQUEST,
            "never below the floor"
        );
        assert_eq!(Expected::default().next(25), MIN_RECORDS_PER_REQUEST);
    }

    #[test]
    fn a_request_takes_at_most_the_whole_budget_and_gives_it_back_when_dropped() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap_or_else(|_| unreachable!());
        rt.block_on(async {
            let budget = RecordBudget::new(100);
            let held = budget.take(1_000).await;
            assert!(held.is_some());
            assert_eq!(budget.available(), 0);
            drop(held);
            assert_eq!(budget.available(), 100);
            let one = budget.take(0).await;
            assert_eq!(
                budget.available(),
                99,
                "a request takes at least one record"
            );
            drop(one);
        });
    }
}
