//! Tests of `run`.

use std::time::Duration;

use chrono::TimeZone;
use tokio::sync::Notify;

use std::sync::atomic::Ordering;

use chrono::Utc;
use tokio::sync::Semaphore;

use super::*;
use crate::config::RetryOptions;
use crate::error::Failure;
use crate::model::Provider;
use crate::paging::tests::{meeting_at, page_number};
use crate::paging::{Cursor, PagingStyle, RawPage};
use crate::progress::ProgressCounters;
use crate::query::Filters;
use crate::ratelimit::Gates;

/// Reads `stream` to its end as a reader does, each page let go (and its pass given back)
/// before the next is read: how many meetings came, and whether any item was an error.
async fn read_all(stream: PartitionStream) -> (usize, bool) {
    stream
        .fold((0, false), |(n, failed), item| async move {
            match item {
                Ok(batch) => (n + batch.len(), failed),
                Err(_) => (n, true),
            }
        })
        .await
}

fn day(n: i64) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
        .single()
        .unwrap_or_default()
        + chrono::Duration::days(n)
}

/// Two one-day windows of many pages each. The first window's second page is only served
/// once the second window has served its last: a reader that waited for the first window
/// before reading the second would leave the second stalled on its full channel for ever.
struct Waits {
    released: Notify,
}

const PAGES: u64 = 3 * PAGES_BUFFERED as u64 + 2;

impl Adapter for Waits {
    type Request = Window;
    fn provider(&self) -> Provider {
        Provider::Daily
    }
    fn operation(&self) -> &'static str {
        "waits"
    }
    fn style(&self) -> PagingStyle {
        PagingStyle::Chained
    }
    fn requests(&self, window: &Window, _: &Filters) -> Vec<Window> {
        vec![*window]
    }
    async fn page(
        &self,
        window: &Window,
        cursor: Option<&Cursor>,
        _: bool,
    ) -> Result<RawPage, Failure> {
        let n = page_number(cursor);
        let first = window.from() == day(0);
        if first && n == 2 {
            self.released.notified().await;
        }
        if !first && n == PAGES {
            self.released.notify_one();
        }
        let meeting = meeting_at(
            format!("{}-{n}", window.from().timestamp()),
            window.from() + chrono::Duration::minutes(i64::try_from(n).unwrap_or(0)),
        );
        Ok(RawPage {
            meetings: vec![meeting],
            records: 1,
            next: (n < PAGES).then_some(Cursor::Number(n + 1)),
            ..RawPage::default()
        })
    }
}

/// Windows of 50 numbered pages (one meeting each) that count the pages they served.
struct Counted {
    served: std::sync::atomic::AtomicUsize,
}

impl Adapter for Counted {
    type Request = Window;
    fn provider(&self) -> Provider {
        Provider::Telnyx
    }
    fn operation(&self) -> &'static str {
        "counted"
    }
    fn style(&self) -> PagingStyle {
        PagingStyle::Numbered
    }
    fn requests(&self, window: &Window, _: &Filters) -> Vec<Window> {
        vec![*window]
    }
    async fn page(
        &self,
        window: &Window,
        cursor: Option<&Cursor>,
        _: bool,
    ) -> Result<RawPage, Failure> {
        let n = page_number(cursor);
        self.served.fetch_add(1, Ordering::SeqCst);
        let start = window.from() + chrono::Duration::minutes(i64::try_from(n).unwrap_or(0));
        Ok(RawPage {
            meetings: vec![meeting_at(
                format!("{}-{n}", window.from().timestamp()),
                start,
            )],
            records: 1,
            total_pages: Some(50),
            total_results: Some(50),
            ..RawPage::default()
        })
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_paused_reader_stops_the_fetching_after_a_bounded_number_of_pages() {
    let adapter = Arc::new(Counted {
        served: std::sync::atomic::AtomicUsize::new(0),
    });
    let concurrency = 4;
    let ctx = Arc::new(FetchContext {
        info: crate::registry::info(Provider::Daily),
        gates: Gates::new(None, concurrency, Arc::new(Semaphore::new(32))),
        retry: RetryOptions::default(),
        progress: Arc::new(ProgressCounters::new(Provider::Telnyx)),
        filters: Arc::default(),
        include_raw: false,
        now: Utc::now(),
        halt: Arc::default(),
        account_seen: None,
    });
    let windows = Window::new(day(0), day(4))
        .map(|w| w.split(chrono::Duration::days(1)))
        .unwrap_or_default();
    let mut stream = partition_stream(Arc::clone(&adapter), ctx, windows, Vec::new());
    assert!(matches!(stream.next().await, Some(Ok(_))));
    tokio::time::sleep(Duration::from_millis(300)).await;
    // Held: a page per request the provider may have in flight, the windows' channels, and
    // the first page the reader took. Not a batch of pages per window.
    let bound = concurrency + 4 * PAGES_BUFFERED + 1;
    let served = adapter.served.load(Ordering::SeqCst);
    assert!(
        served <= bound,
        "{served} pages fetched for a reader that took one (bound {bound})"
    );
    let (rest, _) = read_all(stream).await;
    assert_eq!(rest + 1, 4 * 50);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_window_waiting_on_a_later_one_does_not_stall_the_listing() {
    let adapter = Arc::new(Waits {
        released: Notify::new(),
    });
    let ctx = Arc::new(FetchContext {
        info: crate::registry::info(Provider::Daily),
        gates: Gates::new(None, 4, Arc::new(Semaphore::new(8))),
        retry: RetryOptions::default(),
        progress: Arc::new(ProgressCounters::new(Provider::Daily)),
        filters: Arc::default(),
        include_raw: false,
        now: Utc::now(),
        halt: Arc::default(),
        account_seen: None,
    });
    let windows = Window::new(day(0), day(2))
        .map(|w| w.split(chrono::Duration::days(1)))
        .unwrap_or_default();
    let stream = partition_stream(adapter, ctx, windows, Vec::new());
    let (meetings, failed) = tokio::time::timeout(Duration::from_secs(20), read_all(stream))
        .await
        .unwrap_or_else(|_| panic!("the listing stalled"));
    assert_eq!(meetings, 2 * PAGES as usize);
    assert!(!failed);
}
