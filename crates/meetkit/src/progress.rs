//! Live progress of a listing: counters per provider that the paging engine bumps and the
//! CLI's progress line and the Python package read.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use crate::model::Provider;

/// Live progress counters of one provider.
#[derive(Debug)]
pub struct ProgressCounters {
    provider: Provider,
    requests: AtomicU64,
    pages: AtomicU64,
    records: AtomicU64,
    meetings: AtomicU64,
    retries: AtomicU64,
    done: AtomicBool,
    /// Partitions streaming into these counters that have not ended (an account's partitions
    /// share one set).
    open: AtomicU64,
    failed: AtomicBool,
    /// When the last retry notice was logged (ms since `created`), to say it at most every
    /// [`RETRY_NOTICE_EVERY`].
    noticed_ms: AtomicU64,
    created: std::time::Instant,
    /// What the provider sent that its spec does not know.
    pub(crate) drift: Arc<crate::drift::DriftLog>,
    /// Retry notices given so far, and the latest one, for readers that are not the log
    /// (Python).
    notices: AtomicU64,
    notice: Mutex<Option<String>>,
}

/// How often a provider that keeps retrying says so on the log (warn level, so the CLI prints
/// it without `-v`): never silent for longer than this while it waits.
pub const RETRY_NOTICE_EVERY: std::time::Duration = std::time::Duration::from_secs(8);

impl ProgressCounters {
    pub(crate) fn new(provider: Provider) -> Self {
        Self {
            provider,
            requests: AtomicU64::new(0),
            pages: AtomicU64::new(0),
            records: AtomicU64::new(0),
            meetings: AtomicU64::new(0),
            retries: AtomicU64::new(0),
            done: AtomicBool::new(false),
            open: AtomicU64::new(0),
            failed: AtomicBool::new(false),
            noticed_ms: AtomicU64::new(u64::MAX),
            created: std::time::Instant::now(),
            drift: Arc::default(),
            notices: AtomicU64::new(0),
            notice: Mutex::new(None),
        }
    }
    pub(crate) fn request(&self) {
        self.requests.fetch_add(1, Ordering::Relaxed);
    }
    pub(crate) fn page(&self, records: usize) {
        self.pages.fetch_add(1, Ordering::Relaxed);
        self.records.fetch_add(records as u64, Ordering::Relaxed);
    }
    pub(crate) fn retry(&self) {
        self.retries.fetch_add(1, Ordering::Relaxed);
    }
    /// Says, at most every [`RETRY_NOTICE_EVERY`], what is being retried and for how long.
    pub(crate) fn retrying(
        &self,
        error: &crate::error::ProviderError,
        wait: std::time::Duration,
        attempt: u32,
        max_attempts: u32,
    ) {
        let now = self.created.elapsed().as_millis() as u64;
        let last = self.noticed_ms.load(Ordering::Relaxed);
        let every = RETRY_NOTICE_EVERY.as_millis() as u64;
        if last != u64::MAX && now.saturating_sub(last) < every {
            return;
        }
        if self
            .noticed_ms
            .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
            .is_err()
        {
            return;
        }
        let notice = format!(
            "{}: retrying in {:.1} s (attempt {} of {}): {error}",
            self.provider,
            wait.as_secs_f64(),
            attempt + 1,
            max_attempts
        );
        tracing::warn!("{notice}");
        *self.notice.lock().unwrap_or_else(PoisonError::into_inner) = Some(notice);
        self.notices.fetch_add(1, Ordering::Release);
    }
    pub(crate) fn meetings(&self, n: usize) {
        self.meetings.fetch_add(n as u64, Ordering::Relaxed);
    }
    pub(crate) fn fail(&self) {
        self.failed.store(true, Ordering::Relaxed);
    }
    /// One more partition streams into these counters.
    pub(crate) fn open(&self) {
        self.open.fetch_add(1, Ordering::AcqRel);
    }
    /// A partition ended; the provider is done when the last one has.
    pub(crate) fn finish(&self) {
        let before = self
            .open
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
                Some(n.saturating_sub(1))
            })
            .unwrap_or(0);
        if before <= 1 {
            self.done.store(true, Ordering::Relaxed);
        }
    }
}

/// A snapshot of one provider's progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProviderProgress {
    /// The provider.
    pub provider: Provider,
    /// HTTP requests sent, retries included.
    pub requests: u64,
    /// Pages received.
    pub pages: u64,
    /// Records received (before the exact window and local filters).
    pub records: u64,
    /// Meetings delivered.
    pub meetings: u64,
    /// Retries.
    pub retries: u64,
    /// The provider's stream has ended.
    pub done: bool,
    /// At least one window failed.
    pub failed: bool,
    /// Retry notices given so far (at most one every [`RETRY_NOTICE_EVERY`]).
    pub notices: u64,
    /// The latest retry notice: what is being retried, and for how long.
    pub notice: Option<String>,
}

/// Live progress of a listing, per provider. Cheap to clone and poll from another thread.
#[derive(Clone, Debug)]
pub struct Progress(pub(crate) Arc<Vec<Arc<ProgressCounters>>>);

impl Progress {
    /// The counters now.
    pub fn snapshot(&self) -> Vec<ProviderProgress> {
        self.0
            .iter()
            .map(|c| ProviderProgress {
                provider: c.provider,
                requests: c.requests.load(Ordering::Relaxed),
                pages: c.pages.load(Ordering::Relaxed),
                records: c.records.load(Ordering::Relaxed),
                meetings: c.meetings.load(Ordering::Relaxed),
                retries: c.retries.load(Ordering::Relaxed),
                done: c.done.load(Ordering::Relaxed),
                failed: c.failed.load(Ordering::Relaxed),
                notices: c.notices.load(Ordering::Acquire),
                notice: c
                    .notice
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .clone(),
            })
            .collect()
    }

    /// What the providers sent that their specs do not know, each item once.
    pub fn drift(&self) -> Vec<crate::drift::DriftItem> {
        crate::drift::merge(self.0.iter().map(|c| c.drift.as_ref()))
    }
}
