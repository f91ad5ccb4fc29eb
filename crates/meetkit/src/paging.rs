//! One paging engine for all five styles, and the per-window fetch built on it.
//!
//! A provider adapter answers one question — "give me the page after this cursor" — and says
//! whether its pages are chained by a cursor (Zoom `next_page_token`, Daily `starting_after`,
//! Attendee's `next` URL, Attention `nextCursor`) or numbered with totals (Telnyx). This module
//! walks the pages with retries, rate limits and guards (repeated cursors, runs of empty pages,
//! runaway page counts, expired cursors), and hands each page on as it arrives — cut to the exact
//! window, filtered locally, deduplicated — through a bounded channel, so memory is bounded by a
//! few pages per window in flight, however dense the window.
//!
//! A chain of cursor pages is as slow as its length times the provider's latency. When a
//! listing's pages come in start order, the first page says how far it reached and, with the
//! provider's total (Daily) or the page's own density (Attention), how much is left; a window
//! with many pages left is then split at the first page's edge into up to
//! `per_provider_concurrency` pieces walked at once (see [`Adapter::narrow`]).

use std::collections::HashSet;
use std::future::Future;
use std::hash::{BuildHasher, RandomState};
use std::sync::{Arc, Mutex, PoisonError};

use chrono::{DateTime, Utc};
use futures::StreamExt;
use tokio::sync::mpsc;

use crate::config::RetryOptions;
use crate::error::{Failure, ProviderError, ProviderErrorKind, Scope};
use crate::model::{Meeting, Provider};
use crate::progress::ProgressCounters;
use crate::query::{Filters, Window};
use crate::ratelimit::{Gates, Pass};
use crate::retry;

/// Where the next page starts.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Cursor {
    /// An opaque token, a record id or a cursor taken from a `next` URL.
    Token(String),
    /// A page number (1-based).
    Number(u64),
}

/// The order of a listing's records by start, when the provider documents one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageOrder {
    /// Oldest first.
    Ascending,
    /// Newest first.
    Descending,
}

/// How an adapter's pages are chained.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PagingStyle {
    /// Each page names the next; pages must be fetched one after another.
    Chained,
    /// Pages are numbered and the first says how many there are; the rest can be fetched at once.
    Numbered,
}

/// One page, normalized.
#[derive(Debug, Default)]
pub struct RawPage {
    /// The page's records as meetings (records without a start are already left out).
    pub meetings: Vec<Meeting>,
    /// Records on the page, including any left out.
    pub records: usize,
    /// The next page, if any.
    pub next: Option<Cursor>,
    /// Numbered style: how many pages there are.
    pub total_pages: Option<u64>,
    /// Numbered style: how many records there are.
    pub total_results: Option<u64>,
    /// The page is good but paging cannot go on (e.g. a `next` URL on another origin).
    pub stop: Option<ProviderError>,
}

/// What a provider adapter implements.
pub trait Adapter: Send + Sync + 'static {
    /// One paged listing within a window (e.g. one Zoom user, or Attention's upcoming half).
    /// Its `Debug` form names it in `-vv` logs and must hold no secret.
    type Request: Clone + std::fmt::Debug + Send + Sync + 'static;

    /// The provider.
    fn provider(&self) -> Provider;

    /// The API operation's id, for errors.
    fn operation(&self) -> &'static str;

    /// How pages are chained.
    fn style(&self) -> PagingStyle;

    /// The paged listings that together cover `window`.
    fn requests(&self, window: &Window, filters: &Filters) -> Vec<Self::Request>;

    /// After the provider forgot a cursor, a listing that picks up where `request` was when
    /// the latest start seen was `last_start` (for providers paging in start order), or `None`
    /// to start over.
    fn resume(&self, request: &Self::Request, last_start: DateTime<Utc>) -> Option<Self::Request> {
        let _ = (request, last_start);
        None
    }

    /// The order of `request`'s records by start, if the provider guarantees one; `None`
    /// (the default) means the listing is never split.
    fn order(&self, request: &Self::Request) -> Option<PageOrder> {
        let _ = request;
        None
    }

    /// `request` narrowed to `piece`, a part of its window, everything else kept. Only asked
    /// for listings with an [`order`](Adapter::order).
    fn narrow(&self, request: &Self::Request, piece: &Window) -> Option<Self::Request> {
        let _ = (request, piece);
        None
    }

    /// Fetches one page.
    fn page(
        &self,
        request: &Self::Request,
        cursor: Option<&Cursor>,
        include_raw: bool,
    ) -> impl Future<Output = Result<RawPage, Failure>> + Send;
}

/// What every window fetch shares.
pub struct FetchContext {
    /// Rate and concurrency gates of the provider.
    pub gates: Gates,
    /// Retry policy.
    pub retry: RetryOptions,
    /// Progress counters of the provider.
    pub progress: Arc<ProgressCounters>,
    /// Filters applied locally.
    pub filters: Filters,
    /// Attach raw records.
    pub include_raw: bool,
    /// "Now", for the upcoming filter.
    pub now: DateTime<Utc>,
    /// Set when a failure reaches the whole provider account: no request starts after it.
    pub halt: Halt,
}

/// The first account-wide failure of a partition, and the windows it left unfinished. Once
/// tripped, every window of the partition stops before its next request, and the failure is
/// reported once, by the partition, instead of once per window.
#[derive(Debug, Default)]
pub struct Halt {
    state: Mutex<HaltState>,
}

#[derive(Debug, Default)]
struct HaltState {
    error: Option<ProviderError>,
    unfinished: Vec<Window>,
}

impl Halt {
    /// Whether an account-wide failure happened.
    pub fn is_tripped(&self) -> bool {
        self.lock().error.is_some()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HaltState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Records `error` (the first one wins) and its window as unfinished.
    fn trip(&self, error: ProviderError, window: Window) {
        let mut state = self.lock();
        if state.error.is_none() {
            tracing::info!(provider = %error.provider, "{error}; stopping this provider account's remaining requests");
            state.error = Some(error);
        }
        state.unfinished.push(window);
    }

    /// Records a window stopped by the halt.
    fn unfinished(&self, window: Window) {
        self.lock().unfinished.push(window);
    }

    /// The account-wide failure, once, saying which windows it left unfetched; `None` when
    /// nothing tripped (or it was already taken).
    pub fn take(&self, planned: &[Window]) -> Option<ProviderError> {
        let mut state = self.lock();
        let mut error = state.error.take()?;
        let mut left: Vec<Window> = std::mem::take(&mut state.unfinished);
        // Windows that never started are not in the list: every planned window not done.
        left.sort();
        left.dedup();
        let (Some(first), Some(last)) = (left.first(), left.last()) else {
            return Some(error);
        };
        let note = format!(
            "{} of {} windows were left unfetched, from {} to {}",
            left.len(),
            planned.len(),
            first
                .from()
                .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
            last.to()
                .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
        );
        error.message = format!("{}; {note}", error.message.trim_end().trim_end_matches('.'));
        error.window = Window::new(first.from(), last.to()).ok();
        Some(error)
    }
}

/// Pages of one window waiting for the consumer; the fetch pauses when they fill up.
pub const PAGES_BUFFERED: usize = 2;

/// Hashes of the ids a window delivered: 8 bytes a meeting instead of the meeting itself. A
/// random key per window makes a collision (a distinct meeting dropped) a ~n²/2⁶⁴ event.
#[derive(Default)]
struct Seen {
    hasher: RandomState,
    ids: HashSet<u64>,
}

/// Where a window's pages go: the exact window (or the piece of it a split listing covers) and
/// local filters cut them, duplicates are dropped, and what is left goes to the consumer
/// through a bounded channel. The pieces of a split window share one `Seen`.
#[derive(Clone)]
struct WindowSink<'a> {
    window: Window,
    ctx: &'a FetchContext,
    seen: Arc<Mutex<Seen>>,
    tx: mpsc::Sender<Vec<Meeting>>,
}

impl WindowSink<'_> {
    async fn emit(&self, meetings: Vec<Meeting>) {
        let batch: Vec<Meeting> = {
            let mut seen = self.seen.lock().unwrap_or_else(PoisonError::into_inner);
            let Seen { hasher, ids } = &mut *seen;
            meetings
                .into_iter()
                .filter(|m| {
                    self.window.contains(m.start) && self.ctx.filters.matches(m, self.ctx.now)
                })
                // First sighting wins: a record met again on a shifted page is the same record.
                .filter(|m| ids.insert(hasher.hash_one(&m.id)))
                .collect()
        };
        if !batch.is_empty() {
            // A closed channel means the consumer is gone; its drop also aborts this task.
            let _ = self.tx.send(batch).await;
        }
    }

    /// The same sink, cut to `piece`.
    fn piece(&self, piece: Window) -> Self {
        Self {
            window: piece,
            ..self.clone()
        }
    }
}

/// Guards against a provider that pages forever.
const MAX_PAGES_PER_LISTING: u64 = 200_000;
/// Empty pages in a row that still point to a next page before giving up.
const MAX_EMPTY_RUN: u32 = 5;
/// 429s with a `Retry-After` one request waits out before they count as failed attempts.
const MAX_THROTTLED_WAITS: u32 = 60;
/// Restarts of a listing after its cursor expired (Zoom tokens live 15 minutes).
const MAX_RESTARTS: u32 = 3;

/// Fetches every page of every listing of `window`, sending its meetings to `tx` page by page.
/// Returns the failure that cut the window short, if any; what was sent before it stands.
pub async fn fetch_window<A: Adapter>(
    adapter: Arc<A>,
    ctx: Arc<FetchContext>,
    window: Window,
    tx: mpsc::Sender<Vec<Meeting>>,
) -> Option<ProviderError> {
    let sink = WindowSink {
        window,
        ctx: &ctx,
        seen: Arc::default(),
        tx,
    };
    for request in adapter.requests(&window, &ctx.filters) {
        if ctx.halt.is_tripped() {
            ctx.halt.unfinished(window);
            return None;
        }
        let outcome = match adapter.style() {
            PagingStyle::Chained => walk_split(&*adapter, &ctx, &request, &sink).await,
            PagingStyle::Numbered => walk_numbered(&*adapter, &ctx, &request, &sink).await,
        };
        match outcome {
            Ok(()) => {}
            Err(e) if e.scope == Scope::Account => {
                ctx.halt.trip(e, window);
                return None;
            }
            // Stopped by another window's account-wide failure.
            Err(_) if ctx.halt.is_tripped() => {
                ctx.halt.unfinished(window);
                return None;
            }
            Err(e) => return Some(e.with_window(window)),
        }
    }
    None
}

/// Pages left in a listing after its first page, per piece, when the provider's rate is not
/// known.
const PAGES_PER_PIECE: f64 = 8.0;

/// What decides how many pieces the rest of a listing is split into.
struct PieceShape {
    /// Requests the provider may have in flight.
    concurrency: usize,
    /// The provider's rate (requests a second), if known.
    rate: Option<f64>,
    /// How long the first page took.
    latency: std::time::Duration,
}

impl PieceShape {
    /// Pieces for `pages_left` pages. Every piece may end in a short page, so `k` pieces cost
    /// up to `k − 1` requests more than one chain. With a known rate, the `k` that finishes
    /// soonest by the estimate wins (smaller on ties): the rate windows before the last, then
    /// the last window's requests shared by `k` chains of one round trip each — never sooner
    /// than the longest chain. Without a rate, a piece per [`PAGES_PER_PIECE`] pages.
    fn pieces(&self, pages_left: f64) -> usize {
        let needed = pages_left.ceil().max(0.0) as usize;
        let most = self.concurrency.min(needed).max(1);
        let Some(rate) = self.rate.filter(|r| *r >= 1.0) else {
            return ((pages_left / PAGES_PER_PIECE).ceil() as usize).clamp(1, most);
        };
        let per_window = rate.floor() as usize;
        let trip = self.latency.as_secs_f64();
        let window = crate::ratelimit::RATE_WINDOW.as_secs_f64();
        let estimate = |k: usize| {
            // The first page already took a slot of the current window.
            let requests = needed + k;
            let windows = requests.div_ceil(per_window);
            let last = requests - (windows - 1) * per_window;
            let by_rate = (windows - 1) as f64 * window + last.div_ceil(k) as f64 * trip;
            by_rate.max((needed + k - 1).div_ceil(k) as f64 * trip)
        };
        (1..=most)
            .fold((1, f64::INFINITY), |best, k| {
                let t = estimate(k);
                if t < best.1 - 1e-9 { (k, t) } else { best }
            })
            .0
    }
}

/// Walks a chained listing, split into pieces walked at once after its first page when the
/// adapter knows its order and many pages are left.
async fn walk_split<A: Adapter>(
    adapter: &A,
    ctx: &FetchContext,
    request: &A::Request,
    sink: &WindowSink<'_>,
) -> Result<(), ProviderError> {
    let Some(order) = adapter.order(request) else {
        return walk_chained(adapter, ctx, request, sink, None).await;
    };
    let asked = tokio::time::Instant::now();
    let (first, pass) = fetch_page(adapter, ctx, request, None)
        .await
        .map_err(|f| f.error)?;
    let shape = PieceShape {
        concurrency: ctx.gates.provider_concurrency(),
        rate: ctx.gates.rate(),
        latency: asked.elapsed(),
    };
    let plan = first
        .next
        .is_some()
        .then(|| plan_split(order, &sink.window, &first, &shape))
        .flatten()
        .and_then(|(own, pieces)| {
            let narrowed = pieces
                .iter()
                .map(|p| adapter.narrow(request, p).map(|r| (*p, r)))
                .collect::<Option<Vec<_>>>()?;
            Some((own, narrowed))
        });
    let Some((own, pieces)) = plan else {
        return walk_chained(adapter, ctx, request, sink, Some((first, pass))).await;
    };
    tracing::debug!(provider = %adapter.provider(), window = %sink.window, pieces = pieces.len(), "splitting a dense window after its first page");
    if let Some(stop) = first.stop {
        sink.emit(first.meetings).await;
        return Err(stop);
    }
    sink.piece(own).emit(first.meetings).await;
    drop(pass);
    let walks = pieces.iter().map(|(piece, narrowed)| {
        let piece_sink = sink.piece(*piece);
        async move { walk_chained(adapter, ctx, narrowed, &piece_sink, None).await }
    });
    // Every piece runs to its end; what they fetched stands even when one fails.
    futures::future::join_all(walks)
        .await
        .into_iter()
        .find_map(Result::err)
        .map_or(Ok(()), Err)
}

/// Where to split a listing whose first page is `first`: the piece that page covers (its
/// records on the far side of its last start) and the pieces the rest of `window` falls into.
/// `None` when too little is left to be worth it or the page gives no edge to cut at.
fn plan_split(
    order: PageOrder,
    window: &Window,
    first: &RawPage,
    shape: &PieceShape,
) -> Option<(Window, Vec<Window>)> {
    let starts = first.meetings.iter().map(|m| m.start);
    let (lo, hi) = (starts.clone().min()?, starts.max()?);
    let one = chrono::Duration::nanoseconds(1);
    // The page's last start is the cut; records at exactly that start may continue on the
    // next page, so they go to the rest, and the first page keeps only those beyond it.
    let (own, rest, covered) = match order {
        PageOrder::Descending => (
            Window::new(lo + one, window.to()).ok()?,
            Window::new(window.from(), lo + one).ok()?,
            hi - lo,
        ),
        PageOrder::Ascending => (
            Window::new(window.from(), hi).ok()?,
            Window::new(hi, window.to()).ok()?,
            hi - lo,
        ),
    };
    let page_size = first.records.max(1) as f64;
    let left = match first.total_results {
        Some(total) => total.saturating_sub(first.records as u64) as f64,
        None => {
            // No total: assume the rest is as dense as the first page.
            let covered = covered.num_milliseconds();
            if covered <= 0 {
                return None;
            }
            let rest_ms = (rest.to() - rest.from()).num_milliseconds() as f64;
            (first.records.saturating_sub(1)) as f64 * rest_ms / covered as f64
        }
    };
    let pieces = shape.pieces(left / page_size);
    if pieces < 2 {
        return None;
    }
    let parts = rest.split_into(pieces);
    (parts.len() >= 2).then_some((own, parts))
}

async fn walk_chained<A: Adapter>(
    adapter: &A,
    ctx: &FetchContext,
    request: &A::Request,
    sink: &WindowSink<'_>,
    mut first: Option<(RawPage, Pass)>,
) -> Result<(), ProviderError> {
    let mut request = request.clone();
    let mut cursor: Option<Cursor> = None;
    let mut cursors: HashSet<Cursor> = HashSet::new();
    let mut pages = 0u64;
    let mut empty_run = 0u32;
    let mut restarts = 0u32;
    // Latest start seen, and whether pages came in start order (so a restart can resume there).
    let mut last_start: Option<DateTime<Utc>> = None;
    let mut listing_last: Option<DateTime<Utc>> = None;
    let mut ascending = true;
    let mut resumed_from: Option<DateTime<Utc>> = None;
    loop {
        let fetched = match first.take() {
            Some(page) => Ok(page),
            None => fetch_page(adapter, ctx, &request, cursor.as_ref()).await,
        };
        let (page, pass) = match fetched {
            Ok(fetched) => fetched,
            Err(failure) if failure.cursor_expired && cursor.is_some() => {
                // The provider forgot the cursor. Resume after what we have when pages came in
                // start order (progress is guaranteed), else start over; duplicates are dropped.
                let resumed = last_start
                    .filter(|_| ascending)
                    .filter(|t| resumed_from.is_none_or(|r| *t > r))
                    .and_then(|t| adapter.resume(&request, t).map(|r| (t, r)));
                match resumed {
                    Some((t, next)) => {
                        resumed_from = Some(t);
                        request = next;
                    }
                    None if restarts < MAX_RESTARTS => restarts += 1,
                    None => return Err(failure.error),
                }
                tracing::info!(provider = %adapter.provider(), restarts, "page cursor expired; continuing the window with a fresh listing");
                listing_last = None;
                cursor = None;
                cursors.clear();
                continue;
            }
            Err(failure) => return Err(failure.error),
        };
        pages += 1;
        empty_run = if page.records == 0 { empty_run + 1 } else { 0 };
        for m in &page.meetings {
            if listing_last.is_some_and(|t| m.start < t) {
                ascending = false;
            }
            listing_last = listing_last.max(Some(m.start));
            last_start = last_start.max(Some(m.start));
        }
        sink.emit(page.meetings).await;
        drop(pass);
        if let Some(stop) = page.stop {
            return Err(stop);
        }
        let Some(next) = page.next else {
            return Ok(());
        };
        if !cursors.insert(next.clone()) {
            return Err(paging_error(
                adapter,
                format!(
                    "the provider returned the same page cursor twice ({next:?}); stopped to avoid a loop"
                ),
            ));
        }
        if empty_run > MAX_EMPTY_RUN {
            return Err(paging_error(
                adapter,
                format!("{empty_run} empty pages in a row still pointed to a next page; stopped"),
            ));
        }
        if pages >= MAX_PAGES_PER_LISTING {
            return Err(paging_error(
                adapter,
                format!(
                    "more than {MAX_PAGES_PER_LISTING} pages in one window; stopped. Narrow the window"
                ),
            ));
        }
        cursor = Some(next);
    }
}

async fn walk_numbered<A: Adapter>(
    adapter: &A,
    ctx: &FetchContext,
    request: &A::Request,
    sink: &WindowSink<'_>,
) -> Result<(), ProviderError> {
    let (first, pass) = fetch_page(adapter, ctx, request, Some(&Cursor::Number(1)))
        .await
        .map_err(|f| f.error)?;
    let total_pages = first.total_pages.unwrap_or(1).min(MAX_PAGES_PER_LISTING);
    let total_results = first.total_results;
    sink.emit(first.meetings).await;
    drop(pass);
    if total_pages <= 1 {
        return Ok(());
    }
    // The rest at once: the first page told us how many there are. Each page is handed on as
    // it comes, with its pass (see `fetch_page`): waiting for a whole batch would have pages
    // that hold passes wait on requests that need them. A request parked while a page is handed
    // on keeps its pass only until the reader, which takes from every window it started, has
    // made room.
    let concurrency = ctx.gates.provider_concurrency().max(1);
    let mut pages = futures::stream::iter(2..=total_pages)
        .map(|n| async move { fetch_page(adapter, ctx, request, Some(&Cursor::Number(n))).await })
        .buffer_unordered(concurrency);
    let mut shifted = false;
    while let Some(page) = pages.next().await {
        let (page, pass) = page.map_err(|f| f.error)?;
        shifted |= page.total_results != total_results
            || page.total_pages.is_some_and(|t| t != total_pages);
        sink.emit(page.meetings).await;
        drop(pass);
    }
    drop(pages);
    if !shifted {
        return Ok(());
    }
    // Records were added while we paged, so page boundaries moved and pages fetched out of
    // order may have skipped a record. Walk again in order, where a shift only repeats records.
    tracing::info!(provider = %adapter.provider(), "result set changed while paging; walking the window again in order");
    let mut number = 1u64;
    loop {
        let (page, pass) = fetch_page(adapter, ctx, request, Some(&Cursor::Number(number)))
            .await
            .map_err(|f| f.error)?;
        let last = page.total_pages.unwrap_or(number);
        let empty = page.records == 0;
        sink.emit(page.meetings).await;
        drop(pass);
        if number >= last || empty || number >= MAX_PAGES_PER_LISTING {
            return Ok(());
        }
        number += 1;
    }
}

fn paging_error<A: Adapter>(adapter: &A, message: String) -> ProviderError {
    ProviderError::new(
        adapter.provider(),
        adapter.operation(),
        ProviderErrorKind::Pagination,
        message,
    )
}

/// One page with retries, behind the provider's gates. The page comes with the gates' pass:
/// whoever hands the page on drops the pass after, so a provider never holds more pages than
/// it may have requests in flight, however many windows and pieces wait for the reader.
/// (The reader takes pages from every window it has started, so a pass held while waiting
/// for it is always given back.) A failed attempt gives its pass back before any wait.
async fn fetch_page<A: Adapter>(
    adapter: &A,
    ctx: &FetchContext,
    request: &A::Request,
    cursor: Option<&Cursor>,
) -> Result<(RawPage, Pass), Failure> {
    let mut attempt = 1u32;
    // 429s that said when to come back: waits the provider asked for, not failures. They do
    // not use up `max_attempts` (under an undocumented limit, every window resuming at once
    // after a pause would otherwise fail the unlucky ones), up to a bound of their own.
    let mut throttled = 0u32;
    loop {
        let pass = ctx.gates.enter().await;
        if ctx.halt.is_tripped() {
            return Err(Failure::fatal(ProviderError::new(
                adapter.provider(),
                adapter.operation(),
                ProviderErrorKind::Auth,
                "stopped: another request of this account failed for good",
            )));
        }
        ctx.progress.request();
        let sent = tokio::time::Instant::now();
        let (outcome, line) = meetkit_client_support::capture_request_line(crate::drift::watch(
            &ctx.progress.drift,
            adapter.provider(),
            matches!(cursor, None | Some(Cursor::Number(1))),
            adapter.page(request, cursor, ctx.include_raw),
        ))
        .await;
        let line = line.unwrap_or_else(|| format!("{request:?} {cursor:?}"));
        match outcome {
            Ok(page) => {
                tracing::debug!(provider = %adapter.provider(), attempt = attempt + throttled, status = "ok", records = page.records, ms = sent.elapsed().as_millis() as u64, "{line}");
                ctx.progress.page(page.records);
                return Ok((page, pass));
            }
            Err(mut failure) => {
                tracing::debug!(provider = %adapter.provider(), attempt = attempt + throttled, status = failure.error.status.map_or_else(|| "none".to_owned(), |s| s.to_string()), ms = sent.elapsed().as_millis() as u64, error = %failure.error, "{line}");
                drop(pass);
                if failure.retryable && !failure.cursor_expired {
                    let rate_limited = failure.error.kind == ProviderErrorKind::RateLimited;
                    let asked_to_wait = rate_limited
                        && failure.retry_after.is_some()
                        && throttled < MAX_THROTTLED_WAITS;
                    let counted = if asked_to_wait { 1 } else { attempt };
                    if let Some(wait) =
                        retry::delay(&ctx.retry, counted, failure.retry_after, rate_limited)
                    {
                        tracing::trace!(provider = %adapter.provider(), attempt, ?wait, error = %failure.error, "retry decision: waiting");
                        ctx.progress.retrying(
                            &failure.error,
                            wait,
                            attempt,
                            ctx.retry.max_attempts,
                        );
                        if rate_limited {
                            // The limit is the provider's, not this request's: hold them all.
                            ctx.gates.pause(wait);
                        }
                        ctx.progress.retry();
                        tokio::time::sleep(wait).await;
                        if asked_to_wait {
                            throttled += 1;
                        } else {
                            attempt += 1;
                        }
                        continue;
                    }
                }
                failure.error.attempts = attempt + throttled;
                return Err(failure);
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use std::sync::Mutex;

    use chrono::TimeZone;

    use super::*;
    use crate::model::{DailyExtension, Extension, MeetingStatus};
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
        Arc::new(FetchContext {
            gates: Gates::new(None, 4, Arc::new(tokio::sync::Semaphore::new(8))),
            retry: RetryOptions {
                base_delay: std::time::Duration::from_millis(1),
                max_delay: std::time::Duration::from_millis(2),
                min_rate_limit_delay: std::time::Duration::from_millis(1),
                ..RetryOptions::default()
            },
            progress: Arc::new(ProgressCounters::new(Provider::Daily)),
            filters: Filters::default(),
            include_raw: false,
            now: Utc::now(),
            halt: crate::paging::Halt::default(),
        })
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
            let fetch = tokio::spawn(fetch_window(Arc::clone(adapter), ctx(), window(), tx));
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
                stop: None,
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
        f.retryable = true;
        f.retry_after = retry_after;
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
    }
}
