//! The walkers: a chained listing (split into pieces when it pays) and a numbered one.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use futures::StreamExt;

use super::FetchContext;
use super::adapter::{Adapter, Cursor, RawPage};
use super::fetch::fetch_page;
use super::sink::WindowSink;
use super::split::{PieceShape, plan_split};
use crate::error::{Next, ProviderError, ProviderErrorKind};
use crate::ratelimit::Pass;

/// Guards against a provider that pages forever.
const MAX_PAGES_PER_LISTING: u64 = 200_000;
/// Empty pages in a row that still point to a next page before giving up.
pub(super) const MAX_EMPTY_RUN: u32 = 5;
/// Restarts of a listing after its cursor expired (Zoom tokens live 15 minutes).
const MAX_RESTARTS: u32 = 3;

/// Walks a chained listing, split into pieces walked at once after its first page when the
/// adapter knows its order and many pages are left.
pub(super) async fn walk_split<A: Adapter>(
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
        sink.emit(first.meetings, pass).await;
        return Err(stop);
    }
    sink.piece(own).emit(first.meetings, pass).await;
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
            Err(failure) if failure.next == Next::Restart && cursor.is_some() => {
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
        sink.emit(page.meetings, pass).await;
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

pub(super) async fn walk_numbered<A: Adapter>(
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
    sink.emit(first.meetings, pass).await;
    if total_pages <= 1 {
        return Ok(());
    }
    // The rest at once: the first page told us how many there are. Each page is handed on as
    // it comes, with its pass (see `fetch_page`): waiting for a whole batch would have pages
    // that hold passes wait on requests that need them. The passes of pages handed on come
    // back as the reader, which takes from every window it started, takes the pages.
    let concurrency = ctx.gates.provider_concurrency().max(1);
    let mut pages = futures::stream::iter(2..=total_pages)
        .map(|n| async move { fetch_page(adapter, ctx, request, Some(&Cursor::Number(n))).await })
        .buffer_unordered(concurrency);
    let mut shifted = false;
    while let Some(page) = pages.next().await {
        let (page, pass) = page.map_err(|f| f.error)?;
        shifted |= page.total_results != total_results
            || page.total_pages.is_some_and(|t| t != total_pages);
        sink.emit(page.meetings, pass).await;
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
        sink.emit(page.meetings, pass).await;
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
