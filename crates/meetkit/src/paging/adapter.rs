//! What a provider adapter answers: the page after a cursor, in the engine's terms.

use std::future::Future;

use chrono::{DateTime, Utc};

pub use crate::descriptor::{PageOrder, PagingStyle};
use crate::error::{Failure, ProviderError};
use crate::model::{Meeting, Provider};
use crate::query::{Filters, Window};
use crate::ratelimit::Announced;

/// Where the next page starts.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Cursor {
    /// An opaque token, a record id or a cursor taken from a `next` URL.
    Token(String),
    /// A page number (1-based).
    Number(u64),
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
    /// What the answer told of the account's rate limit, for providers whose descriptor
    /// names its headers (`ProviderInfo::rate_limit_headers`).
    pub announced: Option<Announced>,
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

    /// The paged listings that cover `window` as one of the consecutive windows that together
    /// make `span` (its partition's). The default is [`requests`](Adapter::requests): most
    /// providers cut their listings at a window's exact edges, whatever its neighbours.
    fn requests_within(
        &self,
        window: &Window,
        span: &Window,
        filters: &Filters,
    ) -> Vec<Self::Request> {
        let _ = span;
        self.requests(window, filters)
    }

    /// The part of `span` whose records `window`'s listings keep. The default is `window`
    /// itself. A provider that can only ask whole days in a day boundary it does not document
    /// (Zoom) asks no day twice at an inner edge, so a record there comes back from one side
    /// only: that side keeps it, within a day of the edge.
    fn keeps(&self, window: &Window, span: &Window) -> Window {
        let _ = span;
        *window
    }

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
