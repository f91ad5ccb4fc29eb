//! One paging engine for all five styles, and the per-window fetch built on it.
//!
//! A provider adapter answers one question — "give me the page after this cursor" — and says
//! whether its pages are chained by a cursor (Zoom `next_page_token`, Daily `starting_after`,
//! Attendee's `next` URL, Attention `nextCursor`) or numbered with totals (Telnyx). This module
//! walks the pages with retries, rate limits and guards (repeated cursors, runs of empty pages,
//! runaway page counts, expired cursors), and hands each page on as it arrives — cut to the exact
//! window, filtered locally, deduplicated — through a bounded channel. A page keeps the pass of
//! its request until the reader has taken it, so the pages held in memory never outnumber the
//! requests the client may have in flight, however many windows run and however dense they are.
//!
//! A chain of cursor pages is as slow as its length times the provider's latency. When a
//! listing's pages come in start order, the first page says how far it reached and, with the
//! provider's total (Daily) or the page's own density (Attention), how much is left; a window
//! with many pages left is then split at the first page's edge into up to
//! `per_provider_concurrency` pieces walked at once (see [`Adapter::narrow`]).
//!
//! The module's parts: `adapter` (what a provider adapter answers), `sink` (the exact
//! window, local filters and deduplication in front of the channel), `halt` (an account-wide
//! failure stops the partition), `split` (how many pieces a dense window becomes), `walk`
//! (the chained and numbered walkers) and `fetch` (one page with retries behind the gates).

mod adapter;
mod fetch;
mod halt;
mod sink;
mod split;
mod walk;

use std::sync::Arc;

use chrono::{DateTime, Utc};
use tokio::sync::mpsc;

use crate::descriptor::ProviderInfo;
use crate::error::{ProviderError, Scope};
use crate::progress::ProgressCounters;
use crate::query::{Filters, Window};
use crate::ratelimit::Gates;
use crate::retry::RetryOptions;

pub use adapter::{Adapter, Cursor, PageOrder, PagingStyle, RawPage};
pub use halt::Halt;
pub use sink::{Batch, BatchIter, PAGES_BUFFERED};

use sink::WindowSink;
use walk::{walk_numbered, walk_split};

/// What every window fetch shares.
pub struct FetchContext {
    /// The provider's descriptor (its record fields, the filters applied here).
    pub info: &'static ProviderInfo,
    /// Rate and concurrency gates of the provider.
    pub gates: Gates,
    /// Retry policy.
    pub retry: RetryOptions,
    /// Progress counters of the provider.
    pub progress: Arc<ProgressCounters>,
    /// Filters applied locally.
    pub filters: Arc<Filters>,
    /// Attach raw records.
    pub include_raw: bool,
    /// "Now", for the upcoming filter.
    pub now: DateTime<Utc>,
    /// Set when a failure reaches the whole provider account: no request starts after it.
    /// Shared by every partition of the account that runs here.
    pub halt: Arc<Halt>,
    /// Meetings the account's partitions delivered, when its partitions overlap (Zoom listed
    /// per user): every window of the account dedups against it instead of a set of its own.
    /// `None` when windows alone partition the listing.
    pub account_seen: Option<Arc<crate::dedup::Seen>>,
}

/// Fetches every page of every listing of `window`, one of the consecutive windows that make
/// `span`, sending its meetings to `tx` page by page. Returns the failure that cut the window
/// short, if any; what was sent before it stands.
pub async fn fetch_window<A: Adapter>(
    adapter: Arc<A>,
    ctx: Arc<FetchContext>,
    window: Window,
    span: Window,
    tx: mpsc::Sender<Batch>,
) -> Option<ProviderError> {
    let sink = WindowSink {
        window: adapter.keeps(&window, &span),
        ctx: &ctx,
        seen: ctx.account_seen.clone().unwrap_or_default(),
        tx,
    };
    for request in adapter.requests_within(&window, &span, &ctx.filters) {
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

#[cfg(test)]
pub(crate) mod tests;
