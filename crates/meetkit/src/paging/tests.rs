//! The engine's tests: scripted adapters against the walkers, the split and the halt.

use std::collections::HashSet;
use std::sync::Mutex;

use chrono::TimeZone;

use super::split::PieceShape;
use super::walk::MAX_EMPTY_RUN;
use super::*;
use crate::error::{Failure, Next, ProviderErrorKind};
use crate::model::Provider;
use crate::model::{DailyExtension, Extension, Meeting, MeetingStatus};
use crate::ratelimit::Gates;

fn meeting(n: u32) -> Meeting {
    let start = Utc
        .with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
        .single()
        .unwrap_or_default()
        + chrono::Duration::minutes(i64::from(n));
    meeting_at(format!("m{n}"), start)
}

/// A bare Daily meeting, for engine tests.
pub(crate) fn meeting_at(id: String, start: DateTime<Utc>) -> Meeting {
    Meeting {
        provider: Provider::Daily,
        account: crate::model::DEFAULT_ACCOUNT.to_owned(),
        id,
        title: None,
        start,
        end: None,
        duration_seconds: None,
        status: MeetingStatus::Ended,
        status_raw: None,
        host: None,
        participants: Vec::new(),
        participant_count: None,
        recording: None,
        meeting_url: None,
        room: None,
        extension: Extension::Daily(DailyExtension::default()),
        raw: None,
    }
}

type PageFn = Box<dyn Fn(Option<&Cursor>) -> Result<RawPage, Failure> + Send + Sync>;

/// Pages keyed by cursor; records which cursors were asked for.
struct Script {
    style: PagingStyle,
    pages: PageFn,
    asked: Mutex<Vec<Option<Cursor>>>,
}

impl Adapter for Script {
    type Request = ();
    fn provider(&self) -> Provider {
        Provider::Daily
    }
    fn operation(&self) -> &'static str {
        "scripted"
    }
    fn style(&self) -> PagingStyle {
        self.style
    }
    fn requests(&self, _: &Window, _: &Filters) -> Vec<()> {
        vec![()]
    }
    async fn page(&self, _: &(), cursor: Option<&Cursor>, _: bool) -> Result<RawPage, Failure> {
        if let Ok(mut asked) = self.asked.lock() {
            asked.push(cursor.cloned());
        }
        (self.pages)(cursor)
    }
}

fn ctx() -> Arc<FetchContext> {
    Arc::new(context(
        crate::registry::info(Provider::Daily),
        Filters::default(),
    ))
}

fn context(info: &'static ProviderInfo, filters: Filters) -> FetchContext {
    FetchContext {
        info,
        gates: Gates::new(None, 4, Arc::new(tokio::sync::Semaphore::new(8))),
        retry: RetryOptions {
            base_delay: std::time::Duration::from_millis(1),
            max_delay: std::time::Duration::from_millis(2),
            min_rate_limit_delay: std::time::Duration::from_millis(1),
            ..RetryOptions::default()
        },
        progress: Arc::new(ProgressCounters::new(Provider::Daily)),
        filters: filters.into(),
        include_raw: false,
        now: Utc::now(),
        halt: Arc::default(),
        account_seen: None,
    }
}

fn window() -> Window {
    let from = Utc
        .with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
        .single()
        .unwrap_or_default();
    Window::new(from, from + chrono::Duration::days(1)).unwrap_or_else(|_| unreachable!())
}

/// A window's meetings and the failure that cut it short.
#[derive(Debug, Default)]
struct WindowResult {
    meetings: Vec<Meeting>,
    error: Option<ProviderError>,
}

/// Fetches `window()` through `adapter` on a fresh runtime.
fn fetch<A: Adapter>(adapter: &Arc<A>) -> WindowResult {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap_or_else(|_| unreachable!());
    rt.block_on(async {
        let (tx, mut rx) = mpsc::channel(PAGES_BUFFERED);
        let fetch = tokio::spawn(fetch_window(
            Arc::clone(adapter),
            ctx(),
            window(),
            window(),
            tx,
        ));
        let mut meetings = Vec::new();
        while let Some(batch) = rx.recv().await {
            meetings.extend(batch);
        }
        let error = fetch.await.unwrap_or_else(|_| unreachable!());
        WindowResult { meetings, error }
    })
}

fn run(script: Script) -> (WindowResult, Vec<Option<Cursor>>) {
    let script = Arc::new(script);
    let result = fetch(&script);
    let asked = script.asked.lock().map(|a| a.clone()).unwrap_or_default();
    (result, asked)
}

fn page(ids: &[u32], next: Option<Cursor>) -> RawPage {
    RawPage {
        meetings: ids.iter().map(|&n| meeting(n)).collect(),
        records: ids.len(),
        next,
        ..RawPage::default()
    }
}

#[test]
fn a_repeated_cursor_stops_with_a_pagination_error_and_keeps_the_pages() {
    let (result, asked) = run(Script {
        style: PagingStyle::Chained,
        pages: Box::new(|c| {
            Ok(match c {
                None => page(&[1, 2], Some(Cursor::Token("a".into()))),
                Some(_) => page(&[3], Some(Cursor::Token("a".into()))),
            })
        }),
        asked: Mutex::default(),
    });
    assert_eq!(asked.len(), 2);
    let error = result.error.map(|e| e.kind);
    assert_eq!(error, Some(ProviderErrorKind::Pagination));
    assert_eq!(
        result
            .meetings
            .iter()
            .map(|m| m.id.as_str())
            .collect::<Vec<_>>(),
        ["m1", "m2", "m3"]
    );
}

/// Ten chained pages of `records` records each, fetched through `gates` while the reader holds
/// back: exactly two requests go out, a third only once a page has been read, and every page
/// arrives in the end.
fn two_requests_until_a_page_is_read(gates: Gates, records: u32) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap_or_else(|_| unreachable!());
    let script = Arc::new(Script {
        style: PagingStyle::Chained,
        pages: Box::new(move |c| {
            let n = match c {
                Some(Cursor::Number(n)) => *n as u32,
                _ => 0,
            };
            let ids: Vec<u32> = (0..records).map(|i| n * records + i).collect();
            Ok(page(
                &ids,
                (n < 9).then_some(Cursor::Number(u64::from(n) + 1)),
            ))
        }),
        asked: Mutex::default(),
    });
    let asked = |script: &Script| script.asked.lock().map(|a| a.len()).unwrap_or_default();
    let mut ctx = context(crate::registry::info(Provider::Daily), Filters::default());
    ctx.gates = gates;
    rt.block_on(async {
        // The channel alone would take more pages.
        let (tx, mut rx) = mpsc::channel(PAGES_BUFFERED + 8);
        let fetch = tokio::spawn(fetch_window(
            Arc::clone(&script),
            Arc::new(ctx),
            window(),
            window(),
            tx,
        ));
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        assert_eq!(asked(&script), 2, "two pages wait for the reader");
        // Taking a page (and reading it to its end) gives its hold back: one more request.
        let first = rx.recv().await.map(|b| b.into_iter().count());
        assert_eq!(first, Some(records as usize));
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        assert_eq!(asked(&script), 3);
        let mut rest = 0;
        while let Some(batch) = rx.recv().await {
            rest += batch.into_iter().count();
        }
        assert_eq!(rest, 9 * records as usize);
        assert!(fetch.await.unwrap_or_else(|_| unreachable!()).is_none());
    });
}

/// A page keeps its request's pass until the reader has taken it: a reader that holds back
/// holds the window's requests back too, whatever room its channel has left.
#[test]
fn pages_waiting_for_the_reader_hold_their_requests_passes() {
    // Two requests of the provider at once.
    two_requests_until_a_page_is_read(
        Gates::new(None, 2, Arc::new(tokio::sync::Semaphore::new(8))),
        1,
    );
}

/// A page keeps the records it took from the client's budget until the reader has taken it.
#[test]
fn pages_waiting_for_the_reader_hold_their_records_from_the_budget() {
    // Eight requests may be in flight, but the budget holds two requests' worth (each takes at
    // least the floor, however small its page).
    let floor = crate::ratelimit::MIN_RECORDS_PER_REQUEST as usize;
    let budget = Arc::new(crate::ratelimit::RecordBudget::new(2 * floor));
    two_requests_until_a_page_is_read(
        Gates::new(None, 8, Arc::new(tokio::sync::Semaphore::new(8)))
            .with_budget(Arc::clone(&budget), 5),
        5,
    );
    assert_eq!(budget.available(), 2 * floor, "every record given back");
}

#[test]
fn endless_empty_pages_stop() {
    let (result, asked) = run(Script {
        style: PagingStyle::Chained,
        pages: Box::new(|c| {
            let n = match c {
                Some(Cursor::Number(n)) => *n,
                _ => 0,
            };
            Ok(page(&[], Some(Cursor::Number(n + 1))))
        }),
        asked: Mutex::default(),
    });
    assert_eq!(
        result.error.map(|e| e.kind),
        Some(ProviderErrorKind::Pagination)
    );
    assert_eq!(asked.len() as u32, MAX_EMPTY_RUN + 1);
}

#[test]
fn numbered_pages_after_the_first_are_all_fetched_and_deduplicated() {
    let (result, asked) = run(Script {
        style: PagingStyle::Numbered,
        pages: Box::new(|c| {
            let n = u32::try_from(page_number(c)).unwrap_or(u32::MAX);
            // Pages overlap by one record, as after an insert.
            let mut p = page(&[n * 10, n * 10 + 1, n * 10 + 11], None);
            p.total_pages = Some(4);
            p.total_results = Some(12);
            Ok(p)
        }),
        asked: Mutex::default(),
    });
    assert!(result.error.is_none());
    assert_eq!(asked.len(), 4);
    let ids: HashSet<_> = result.meetings.iter().map(|m| m.id.clone()).collect();
    assert_eq!(ids.len(), result.meetings.len());
    assert_eq!(result.meetings.len(), 9);
}

/// A listing in start order over `starts` (minutes after `window().from()`), pages of 10
/// chained by index, with or without a total, that records every request it serves.
struct Sorted {
    order: PageOrder,
    with_total: bool,
    starts: Vec<i64>,
    asked: Mutex<Vec<Window>>,
}

impl Sorted {
    fn new(order: PageOrder, with_total: bool) -> Self {
        // 600 meetings over ten hours, one a minute, with every tenth minute twice (ties
        // at page edges must not be lost or repeated).
        let mut starts: Vec<i64> = (0..540).collect();
        starts.extend((0..540).step_by(9));
        starts.sort_unstable();
        Self {
            order,
            with_total,
            starts,
            asked: Mutex::default(),
        }
    }

    fn meeting_at(&self, index: usize) -> Meeting {
        let mut m = meeting(0);
        m.id = format!("s{index}");
        m.start = window().from() + chrono::Duration::minutes(self.starts[index]);
        m
    }
}

impl Adapter for Sorted {
    type Request = Window;
    fn provider(&self) -> Provider {
        Provider::Daily
    }
    fn operation(&self) -> &'static str {
        "sorted"
    }
    fn style(&self) -> PagingStyle {
        PagingStyle::Chained
    }
    fn requests(&self, window: &Window, _: &Filters) -> Vec<Window> {
        vec![*window]
    }
    fn order(&self, _: &Window) -> Option<PageOrder> {
        Some(self.order)
    }
    fn narrow(&self, _: &Window, piece: &Window) -> Option<Window> {
        Some(*piece)
    }
    async fn page(
        &self,
        request: &Window,
        cursor: Option<&Cursor>,
        _: bool,
    ) -> Result<RawPage, Failure> {
        if let Ok(mut asked) = self.asked.lock() {
            asked.push(*request);
        }
        let mut matching: Vec<usize> = (0..self.starts.len())
            .filter(|&i| request.contains(self.meeting_at(i).start))
            .collect();
        if self.order == PageOrder::Descending {
            matching.reverse();
        }
        let skip = match cursor {
            Some(Cursor::Number(n)) => *n as usize,
            _ => 0,
        };
        let ids: Vec<usize> = matching.iter().skip(skip).take(10).copied().collect();
        let end = skip + ids.len();
        Ok(RawPage {
            meetings: ids.iter().map(|&i| self.meeting_at(i)).collect(),
            records: ids.len(),
            next: (end < matching.len()).then_some(Cursor::Number(end as u64)),
            total_pages: None,
            total_results: self.with_total.then_some(matching.len() as u64),
            ..RawPage::default()
        })
    }
}

#[test]
fn a_dense_ordered_window_is_split_after_its_first_page_and_nothing_is_lost_or_repeated() {
    for (order, with_total) in [
        (PageOrder::Descending, true),
        (PageOrder::Descending, false),
        (PageOrder::Ascending, true),
        (PageOrder::Ascending, false),
    ] {
        let adapter = Arc::new(Sorted::new(order, with_total));
        let result = fetch(&adapter);
        assert!(result.error.is_none(), "{:?}", result.error);
        let mut ids: Vec<String> = result.meetings.iter().map(|m| m.id.clone()).collect();
        ids.sort();
        let mut expected: Vec<String> =
            (0..adapter.starts.len()).map(|i| format!("s{i}")).collect();
        expected.sort();
        assert_eq!(ids, expected, "{order:?}, total: {with_total}");
        let asked = adapter.asked.lock().map(|a| a.clone()).unwrap_or_default();
        let listings: HashSet<Window> = asked.iter().copied().collect();
        // ctx() allows 4 requests per provider at once: the first page, then 4 pieces.
        assert_eq!(listings.len(), 5, "{order:?}, total: {with_total}");
        // 60 pages' worth; each piece ends in a short page, and the first page's edge ties
        // are asked again: a handful of requests more than 60, far from a second walk.
        assert!(asked.len() <= 66, "{} requests", asked.len());
    }
}

#[test]
fn pieces_fit_the_rate_windows_and_the_round_trips() {
    let shape = |rate, latency_ms| PieceShape {
        concurrency: 8,
        rate,
        latency: std::time::Duration::from_millis(latency_ms),
    };
    // Daily: 36 pages left at 20/s, 50 ms a page. Four pieces cost at most 39 requests
    // more, so all fit in this window and the next (20 each); five could spill into a
    // third; fewer leave the next window's share to too few chains.
    assert_eq!(shape(Some(20.0), 50).pieces(36.0), 4);
    // Without a known rate, a piece per eight pages, at most the concurrency.
    assert_eq!(shape(None, 50).pieces(36.0), 5);
    assert_eq!(shape(None, 50).pieces(400.0), 8);
    // Little left: no split.
    assert_eq!(shape(Some(20.0), 50).pieces(1.0), 1);
    assert_eq!(shape(None, 50).pieces(3.0), 1);
    // Fast round trips against a slow rate: the rate decides, one chain keeps up.
    assert_eq!(shape(Some(2.0), 1).pieces(30.0), 1);
}

/// A failure worth another attempt, optionally saying when.
fn retryable(kind: ProviderErrorKind, retry_after: Option<std::time::Duration>) -> Failure {
    let mut f = Failure::fatal(ProviderError::new(
        Provider::Daily,
        "scripted",
        kind,
        "boom",
    ));
    f.next = Next::Retry { after: retry_after };
    f
}

/// The page a numbered cursor names; the first without one.
pub(crate) fn page_number(cursor: Option<&Cursor>) -> u64 {
    match cursor {
        Some(Cursor::Number(n)) => *n,
        _ => 1,
    }
}

#[test]
fn waits_a_provider_asked_for_do_not_use_up_the_attempts() {
    let calls = Arc::new(Mutex::new(0u32));
    let counter = Arc::clone(&calls);
    let (result, asked) = run(Script {
        style: PagingStyle::Chained,
        pages: Box::new(move |_| {
            let mut n = counter.lock().map_err(|_| unreachable!())?;
            *n += 1;
            // Ten 429s in a row (more than the six attempts), each saying when to return.
            if *n <= 10 {
                return Err(retryable(
                    ProviderErrorKind::RateLimited,
                    Some(std::time::Duration::from_millis(1)),
                ));
            }
            Ok(page(&[7], None))
        }),
        asked: Mutex::default(),
    });
    assert!(result.error.is_none(), "{:?}", result.error);
    assert_eq!(asked.len(), 11);
    assert_eq!(result.meetings.len(), 1);
}

#[test]
fn a_retryable_failure_is_retried_and_a_fatal_one_is_not() {
    let calls = Arc::new(Mutex::new(0u32));
    let counter = Arc::clone(&calls);
    let (result, asked) = run(Script {
        style: PagingStyle::Chained,
        pages: Box::new(move |_| {
            let mut n = counter.lock().map_err(|_| unreachable!())?;
            *n += 1;
            if *n < 3 {
                return Err(retryable(ProviderErrorKind::Server, None));
            }
            Ok(page(&[7], None))
        }),
        asked: Mutex::default(),
    });
    assert!(result.error.is_none());
    assert_eq!(asked.len(), 3);
    assert_eq!(result.meetings.len(), 1);

    let (result, asked) = run(Script {
        style: PagingStyle::Chained,
        pages: Box::new(|_| {
            Err(Failure::fatal(ProviderError::new(
                Provider::Daily,
                "scripted",
                ProviderErrorKind::NotFound,
                "no",
            )))
        }),
        asked: Mutex::default(),
    });
    assert_eq!(asked.len(), 1);
    assert_eq!(
        result.error.map(|e| (e.kind, e.window.is_some())),
        Some((ProviderErrorKind::NotFound, true))
    );
}

#[test]
fn an_account_wide_failure_halts_the_partition_and_is_reported_once_by_it() {
    let halt = Halt::default();
    let windows = window().split_into(3);
    let error = ProviderError::new(Provider::Daily, "scripted", ProviderErrorKind::Auth, "no");
    assert_eq!(error.scope, Scope::Account);
    halt.trip(error.clone(), windows[0]);
    assert!(halt.is_tripped());
    // A second failure does not replace the first; stopped windows are counted.
    halt.trip(
        ProviderError::new(
            Provider::Daily,
            "scripted",
            ProviderErrorKind::Auth,
            "later",
        ),
        windows[1],
    );
    halt.unfinished(windows[2]);
    let reported = halt.take(&windows).unwrap_or_else(|| unreachable!());
    assert!(
        reported
            .message
            .starts_with("no; 3 of 3 windows were left unfetched"),
        "{}",
        reported.message
    );
    assert_eq!(reported.window, Some(window()));
    assert!(halt.take(&windows).is_none(), "reported once");
    // The account's other partitions stop too, and a later failure is not reported again.
    assert!(halt.is_tripped());
    halt.trip(
        ProviderError::new(
            Provider::Daily,
            "scripted",
            ProviderErrorKind::Auth,
            "again",
        ),
        windows[0],
    );
    assert!(halt.take(&windows).is_none(), "still reported once");
}

/// What a window's sink passes on of meetings with raw statuses `raws`, for a provider whose
/// descriptor is `info` and a listing asking for the provider status `done`.
fn kept_by_status(info: &'static ProviderInfo, raws: &[&str]) -> Vec<String> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap_or_else(|_| unreachable!());
    let filters = Filters {
        provider_status: vec!["done".to_owned()],
        ..Filters::default()
    };
    let ctx = context(info, filters);
    let (tx, mut rx) = mpsc::channel(PAGES_BUFFERED);
    let sink = WindowSink {
        window: window(),
        ctx: &ctx,
        seen: Arc::default(),
        tx,
    };
    let meetings = raws.iter().enumerate().map(|(n, raw)| Meeting {
        status_raw: Some((*raw).to_owned()),
        ..meeting(n as u32)
    });
    rt.block_on(async { sink.emit(meetings.collect(), ctx.gates.enter().await).await });
    drop(sink);
    let mut kept = Vec::new();
    while let Ok(batch) = rx.try_recv() {
        kept.extend(batch.into_iter().filter_map(|m| m.status_raw));
    }
    kept
}

#[test]
fn the_provider_status_is_applied_here_only_where_the_descriptor_says_so() {
    let local = crate::registry::ALL
        .iter()
        .find(|i| i.provider_status_local);
    let remote = crate::registry::ALL
        .iter()
        .find(|i| !i.provider_status_local);
    let (Some(local), Some(remote)) = (local, remote) else {
        unreachable!("the registry has providers of both kinds")
    };
    assert_eq!(kept_by_status(local, &["done", "other"]), ["done"]);
    assert_eq!(
        kept_by_status(remote, &["done", "other"]),
        ["done", "other"]
    );
}
