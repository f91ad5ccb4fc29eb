//! The entry point: [`Client`] plans a [`Query`] per provider and merges their streams.
//!
//! Order: none promised. Meetings arrive as pages arrive, from up to `per_provider_concurrency`
//! windows of each provider at once and from every provider; callers that need an order sort
//! (the Python package does). Memory is bounded by a few pages per window in flight (`per_provider_concurrency` windows per
//! provider), not by the size of the listing or the density of a window: deduplication keeps an
//! 8-byte hash per meeting of the windows in flight only, which is exact across windows because
//! every meeting's start lies in exactly one. A failing provider or window yields an `Err` item
//! after the meetings it did fetch, and the others go on.

use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::task::{Context, Poll};

use chrono::Utc;
use futures::stream::{self, BoxStream, Stream, StreamExt};
use meetkit_client_support::{Auth, http_client};
use tokio::sync::{Semaphore, mpsc};
use tokio::task::JoinHandle;

use crate::config::{Config, ZoomAuth, base_url_var, check_base_url, configure_hint};
use crate::error::{ConfigError, Error, ProviderError, ProviderErrorKind, QueryError};
use crate::model::{Meeting, Provider};
use crate::paging::{Adapter, FetchContext, PAGES_BUFFERED, fetch_window};
use crate::providers::{attendee, attention, daily, telnyx, zoom};
use crate::query::{FilterName, Filters, Query, Window};
use crate::ratelimit::Gates;

/// Checked settings of one provider: where to connect and with what.
#[derive(Clone)]
struct Endpoint {
    base_url: String,
    auth: Auth,
}

/// Lists meetings. Cheap to clone; needs a Tokio runtime to stream.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    config: Config,
    http: reqwest::Client,
    zoom: Option<(Endpoint, Option<(meetkit_zoom::Client, String)>)>,
    keyed: Vec<(Provider, Endpoint)>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("providers", &self.configured())
            .finish()
    }
}

impl Client {
    /// A client for the providers `config` has credentials for. Base URLs are checked here:
    /// plain http is refused unless the host is loopback or `allow_insecure` is set.
    pub fn new(config: Config) -> Result<Self, ConfigError> {
        let allow_insecure = config.runtime.allow_insecure;
        let http =
            http_client(&config.runtime.http).map_err(|e| ConfigError::Http(e.to_string()))?;
        let invalid = |name: &str| ConfigError::InvalidCredential {
            name: name.to_owned(),
        };
        let zoom = match &config.zoom {
            None => None,
            Some(z) => {
                let base_url =
                    check_base_url(base_url_var(Provider::Zoom), &z.base_url, allow_insecure)?;
                match &z.auth {
                    ZoomAuth::AccessToken(token) => {
                        let auth = Auth::bearer(token).map_err(|_| invalid("ZOOM_ACCESS_TOKEN"))?;
                        Some((Endpoint { base_url, auth }, None))
                    }
                    ZoomAuth::ServerToServer {
                        account_id,
                        client_id,
                        client_secret,
                    } => {
                        let oauth_url =
                            check_base_url("ZOOM_OAUTH_URL", &z.oauth_url, allow_insecure)?;
                        let oauth_base =
                            oauth_url.strip_suffix("/oauth/token").ok_or_else(|| {
                                ConfigError::InvalidUrl {
                                    name: "ZOOM_OAUTH_URL".to_owned(),
                                    value: z.oauth_url.clone(),
                                    reason: "it must be the token endpoint, ending in /oauth/token"
                                        .to_owned(),
                                }
                            })?;
                        let basic = Auth::basic(client_id, client_secret)
                            .map_err(|_| invalid("ZOOM_CLIENT_SECRET"))?;
                        let oauth =
                            meetkit_zoom::Client::new_with_client(oauth_base, http.clone(), basic);
                        Some((
                            Endpoint {
                                base_url,
                                // The token arrives with the first mint.
                                auth: Auth::unset(meetkit_client_support::AuthScheme::Bearer),
                            },
                            Some((oauth, account_id.clone())),
                        ))
                    }
                }
            }
        };
        let mut keyed = Vec::new();
        for provider in [
            Provider::Daily,
            Provider::Telnyx,
            Provider::Attendee,
            Provider::Attention,
        ] {
            let Some(settings) = config.api_key(provider) else {
                continue;
            };
            let base_url =
                check_base_url(base_url_var(provider), &settings.base_url, allow_insecure)?;
            let var = crate::config::api_key_var(provider);
            let auth = match provider {
                Provider::Attendee => Auth::token(&settings.api_key),
                Provider::Attention => Auth::bare(&settings.api_key),
                _ => Auth::bearer(&settings.api_key),
            }
            .map_err(|_| invalid(var))?;
            keyed.push((provider, Endpoint { base_url, auth }));
        }
        Ok(Self {
            inner: Arc::new(Inner {
                config,
                http,
                zoom,
                keyed,
            }),
        })
    }

    /// A client configured from the environment (see [`Config::from_env`]).
    pub fn from_env() -> Result<Self, Error> {
        Ok(Self::new(Config::from_env()?)?)
    }

    /// The configuration in use.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// Providers with credentials.
    pub fn configured(&self) -> Vec<Provider> {
        self.inner.config.configured()
    }

    fn endpoint(&self, provider: Provider) -> Option<&Endpoint> {
        match provider {
            Provider::Zoom => self.inner.zoom.as_ref().map(|(e, _)| e),
            _ => self
                .inner
                .keyed
                .iter()
                .find(|(p, _)| *p == provider)
                .map(|(_, e)| e),
        }
    }

    /// Which providers a query runs on, after checking credentials and filters.
    pub fn resolve_providers(&self, query: &Query) -> Result<Vec<Provider>, Error> {
        let named = !query.providers.is_empty();
        let mut candidates: Vec<Provider> = if named {
            let mut list = query.providers.clone();
            list.sort();
            list.dedup();
            for p in &list {
                if !self.inner.config.is_configured(*p) {
                    return Err(ConfigError::NotConfigured {
                        provider: *p,
                        hint: configure_hint(*p),
                    }
                    .into());
                }
            }
            list
        } else {
            let list = self.configured();
            if list.is_empty() {
                return Err(ConfigError::NothingConfigured.into());
            }
            list
        };
        let mut kept = Vec::new();
        for p in candidates.drain(..) {
            match check_filters(p, &query.filters) {
                Ok(()) => kept.push(p),
                Err(e) if named => return Err(e.into()),
                Err(_) => {}
            }
        }
        if kept.is_empty() {
            let filters = query
                .filters
                .set()
                .iter()
                .map(|f| f.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            return Err(QueryError::NoProviderLeft { filters }.into());
        }
        Ok(kept)
    }

    /// Lists the meetings of `query` as a stream. Checks credentials and filters first (those
    /// errors come back here); provider failures come as `Err` items in the stream.
    pub fn list(&self, query: &Query) -> Result<MeetingStream, Error> {
        let providers = self.resolve_providers(query)?;
        let runtime = &self.inner.config.runtime;
        let global = Arc::new(Semaphore::new(runtime.concurrency.max(1)));
        let now = Utc::now();
        let mut streams: Vec<BoxStream<'static, Result<Meeting, ProviderError>>> = Vec::new();
        let mut warnings = Vec::new();
        let mut counters = Vec::new();
        for provider in providers {
            let Some(endpoint) = self.endpoint(provider).cloned() else {
                continue;
            };
            let progress = Arc::new(ProgressCounters::new(provider));
            counters.push(Arc::clone(&progress));
            let ctx = Arc::new(FetchContext {
                gates: Gates::new(
                    runtime.rate_limits.get(&provider).copied().flatten(),
                    runtime.per_provider_concurrency,
                    Arc::clone(&global),
                ),
                retry: runtime.retry.clone(),
                progress,
                filters: query.filters.clone(),
                include_raw: query.include_raw,
                now,
            });
            let span = runtime
                .window_spans
                .get(&provider)
                .copied()
                .unwrap_or_else(|| chrono::Duration::days(30));
            let page_size = runtime
                .page_sizes
                .get(&provider)
                .copied()
                .unwrap_or(u32::MAX);
            let client_http = self.inner.http.clone();
            let windows_in_flight = runtime.per_provider_concurrency.max(1);
            let stream = match provider {
                Provider::Zoom => {
                    let (servable, old) = zoom::Zoom::servable(&query.window);
                    let mut upfront = Vec::new();
                    if let Some(old) = old {
                        let message = format!(
                            "Zoom keeps reports for six months only; {old} is older and cannot be listed"
                        );
                        if query.lenient {
                            warnings.push(format!("zoom: {message}; skipped (lenient)"));
                        } else {
                            upfront.push(
                                ProviderError::new(provider, "report_user_meetings", ProviderErrorKind::WindowUnavailable, message)
                                    .with_window(old)
                                    .with_hint("start the window within the last six months, or pass --lenient to skip the older part"),
                            );
                        }
                    }
                    let minter = self
                        .inner
                        .zoom
                        .as_ref()
                        .and_then(|(_, m)| m.clone())
                        .map(|(oauth, account)| zoom::TokenMinter::new(oauth, account));
                    let client = meetkit_zoom::Client::new_with_client(
                        &endpoint.base_url,
                        client_http,
                        endpoint.auth.clone(),
                    );
                    let adapter =
                        zoom::Zoom::new(client, endpoint.auth, minter, page_size, &query.filters);
                    let windows = servable
                        .map(|w| w.split(span.min(chrono::Duration::days(25))))
                        .unwrap_or_default();
                    provider_stream(Arc::new(adapter), ctx, windows, windows_in_flight, upfront)
                }
                Provider::Daily => {
                    let client = meetkit_daily::Client::new_with_client(
                        &endpoint.base_url,
                        client_http,
                        endpoint.auth,
                    );
                    let adapter = daily::Daily::new(client, page_size, &query.filters);
                    provider_stream(
                        Arc::new(adapter),
                        ctx,
                        query.window.split(span),
                        windows_in_flight,
                        Vec::new(),
                    )
                }
                Provider::Telnyx => {
                    let client = meetkit_telnyx::Client::new_with_client(
                        &endpoint.base_url,
                        client_http,
                        endpoint.auth,
                    );
                    let adapter = telnyx::Telnyx::new(client, page_size, &query.filters)?;
                    provider_stream(
                        Arc::new(adapter),
                        ctx,
                        query.window.split(span),
                        windows_in_flight,
                        Vec::new(),
                    )
                }
                Provider::Attendee => {
                    let base = url::Url::parse(&endpoint.base_url).map_err(|e| {
                        ConfigError::InvalidUrl {
                            name: base_url_var(provider).to_owned(),
                            value: endpoint.base_url.clone(),
                            reason: e.to_string(),
                        }
                    })?;
                    let client = meetkit_attendee::Client::new_with_client(
                        &endpoint.base_url,
                        client_http,
                        endpoint.auth,
                    );
                    let adapter = attendee::Attendee::new(client, base, &query.filters);
                    provider_stream(
                        Arc::new(adapter),
                        ctx,
                        query.window.split(span),
                        windows_in_flight,
                        Vec::new(),
                    )
                }
                Provider::Attention => {
                    let client = meetkit_attention::Client::new_with_client(
                        &endpoint.base_url,
                        client_http,
                        endpoint.auth,
                    );
                    let adapter = attention::Attention::new(client, page_size, &query.filters);
                    let span = span.min(chrono::Duration::days(attention::MAX_SPAN_DAYS));
                    provider_stream(
                        Arc::new(adapter),
                        ctx,
                        query.window.split(span),
                        windows_in_flight,
                        Vec::new(),
                    )
                }
            };
            streams.push(stream);
        }
        let merged = stream::select_all(streams);
        let inner: BoxStream<'static, Result<Meeting, ProviderError>> = match query.limit {
            None => merged.boxed(),
            Some(limit) => {
                let mut left = limit;
                merged
                    .take_while(move |item| {
                        let go = left > 0 || item.is_err();
                        if item.is_ok() && left > 0 {
                            left -= 1;
                        }
                        futures::future::ready(go)
                    })
                    .boxed()
            }
        };
        Ok(MeetingStream {
            inner,
            warnings,
            progress: Progress(Arc::new(counters)),
        })
    }

    /// Lists the meetings of `query` into memory: everything fetched, plus every failure.
    pub async fn collect(&self, query: &Query) -> Result<Listing, Error> {
        let mut stream = self.list(query)?;
        let mut listing = Listing {
            warnings: stream.warnings().to_vec(),
            ..Listing::default()
        };
        while let Some(item) = stream.next().await {
            match item {
                Ok(m) => listing.meetings.push(m),
                Err(e) => listing.errors.push(e),
            }
        }
        Ok(listing)
    }
}

fn check_filters(provider: Provider, filters: &Filters) -> Result<(), QueryError> {
    if let Some(filter) = filters.unsupported_by(provider).into_iter().next() {
        let supported = filter
            .supported_by()
            .iter()
            .map(|p| p.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        return Err(QueryError::UnsupportedFilter {
            provider,
            filter,
            supported,
        });
    }
    if let Some(kind) = &filters.meeting_type {
        let ok = match provider {
            Provider::Zoom => zoom::REPORT_TYPES.contains(&kind.as_str()),
            Provider::Attention => ["internal", "external"].contains(&kind.as_str()),
            _ => true,
        };
        if !ok {
            let expected = if provider == Provider::Zoom {
                "past, pastOne or pastJoined"
            } else {
                "internal or external"
            };
            return Err(QueryError::UnsupportedFilter {
                provider,
                filter: FilterName::MeetingType,
                supported: format!("{provider} with {expected}"),
            });
        }
    }
    Ok(())
}

/// Aborts a spawned window fetch when the stream is dropped (a `--limit` reached, Ctrl-C).
struct WindowTask(JoinHandle<Option<ProviderError>>);

impl Future for WindowTask {
    type Output = Result<Option<ProviderError>, tokio::task::JoinError>;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        Pin::new(&mut self.0).poll(cx)
    }
}

impl Drop for WindowTask {
    fn drop(&mut self) {
        self.0.abort();
    }
}

fn provider_stream<A: Adapter>(
    adapter: Arc<A>,
    ctx: Arc<FetchContext>,
    windows: Vec<Window>,
    in_flight: usize,
    upfront: Vec<ProviderError>,
) -> BoxStream<'static, Result<Meeting, ProviderError>> {
    let provider = adapter.provider();
    let operation = adapter.operation();
    let progress = Arc::clone(&ctx.progress);
    let done = Arc::clone(&ctx.progress);
    let fetched = stream::iter(windows)
        .map(move |window| {
            // Each window on its own task (decoding and normalizing use every core), handing
            // pages over a bounded channel: at most `in_flight` windows run ahead of the reader.
            let (tx, rx) = mpsc::channel(PAGES_BUFFERED);
            let task = WindowTask(tokio::spawn(fetch_window(
                Arc::clone(&adapter),
                Arc::clone(&ctx),
                window,
                tx,
            )));
            let pages = stream::unfold(rx, |mut rx| async move {
                rx.recv().await.map(|batch| (batch, rx))
            })
            .flat_map(|batch| stream::iter(batch.into_iter().map(Ok)));
            let outcome = stream::once(async move {
                match task.await {
                    Ok(None) => None,
                    Ok(Some(error)) => Some(Err(error)),
                    Err(e) => Some(Err(ProviderError::new(
                        provider,
                        operation,
                        ProviderErrorKind::InvalidResponse,
                        format!("the fetch task ended abnormally: {e}"),
                    )
                    .with_window(window))),
                }
            })
            .filter_map(futures::future::ready);
            pages.chain(outcome).boxed()
        })
        // Windows are read as their pages arrive, not one after another: a reader waiting on
        // the oldest window would leave the others stalled on their full channels.
        .flatten_unordered(in_flight);
    stream::iter(upfront.into_iter().map(Err))
        .chain(fetched)
        .inspect(move |item| match item {
            Ok(_) => progress.meeting(),
            Err(_) => progress.fail(),
        })
        .chain(
            stream::once(async move { done.finish() })
                .filter_map(|()| futures::future::ready(None)),
        )
        .boxed()
}

/// The meetings of a query, as a stream; see the module docs for the order.
pub struct MeetingStream {
    inner: BoxStream<'static, Result<Meeting, ProviderError>>,
    warnings: Vec<String>,
    progress: Progress,
}

impl MeetingStream {
    /// What was skipped in lenient mode.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// Live counters per provider.
    pub fn progress(&self) -> Progress {
        self.progress.clone()
    }
}

impl Stream for MeetingStream {
    type Item = Result<Meeting, ProviderError>;
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.inner.poll_next_unpin(cx)
    }
}

impl std::fmt::Debug for MeetingStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MeetingStream")
            .field("warnings", &self.warnings)
            .finish_non_exhaustive()
    }
}

/// Everything a query fetched, and what failed.
#[derive(Debug, Default)]
pub struct Listing {
    /// The meetings.
    pub meetings: Vec<Meeting>,
    /// One entry per failed provider or window.
    pub errors: Vec<ProviderError>,
    /// What was skipped in lenient mode.
    pub warnings: Vec<String>,
}

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
    failed: AtomicBool,
}

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
            failed: AtomicBool::new(false),
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
    fn meeting(&self) {
        self.meetings.fetch_add(1, Ordering::Relaxed);
    }
    fn fail(&self) {
        self.failed.store(true, Ordering::Relaxed);
    }
    fn finish(&self) {
        self.done.store(true, Ordering::Relaxed);
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
}

/// Live progress of a listing, per provider. Cheap to clone and poll from another thread.
#[derive(Clone, Debug)]
pub struct Progress(Arc<Vec<Arc<ProgressCounters>>>);

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
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use chrono::TimeZone;
    use tokio::sync::Notify;

    use super::*;
    use crate::config::RetryOptions;
    use crate::error::Failure;
    use crate::paging::tests::{meeting_at, page_number};
    use crate::paging::{Cursor, PagingStyle, RawPage};

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
            gates: Gates::new(None, concurrency, Arc::new(Semaphore::new(32))),
            retry: RetryOptions::default(),
            progress: Arc::new(ProgressCounters::new(Provider::Telnyx)),
            filters: Filters::default(),
            include_raw: false,
            now: Utc::now(),
        });
        let windows = Window::new(day(0), day(4))
            .map(|w| w.split(chrono::Duration::days(1)))
            .unwrap_or_default();
        let mut stream = provider_stream(Arc::clone(&adapter), ctx, windows, 4, Vec::new());
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
        let rest = stream.collect::<Vec<_>>().await;
        assert_eq!(rest.len() + 1, 4 * 50);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_window_waiting_on_a_later_one_does_not_stall_the_listing() {
        let adapter = Arc::new(Waits {
            released: Notify::new(),
        });
        let ctx = Arc::new(FetchContext {
            gates: Gates::new(None, 4, Arc::new(Semaphore::new(8))),
            retry: RetryOptions::default(),
            progress: Arc::new(ProgressCounters::new(Provider::Daily)),
            filters: Filters::default(),
            include_raw: false,
            now: Utc::now(),
        });
        let windows = Window::new(day(0), day(2))
            .map(|w| w.split(chrono::Duration::days(1)))
            .unwrap_or_default();
        let stream = provider_stream(adapter, ctx, windows, 2, Vec::new());
        let items = tokio::time::timeout(Duration::from_secs(20), stream.collect::<Vec<_>>())
            .await
            .unwrap_or_else(|_| panic!("the listing stalled"));
        assert_eq!(items.len(), 2 * PAGES as usize);
        assert!(items.iter().all(Result::is_ok));
    }
}
