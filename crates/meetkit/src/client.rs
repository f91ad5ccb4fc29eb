//! The entry point: [`Client`] plans a [`Query`] into partitions ([`Client::plan`]), runs
//! them ([`Client::run`]) and merges their streams ([`Client::list`]).
//!
//! Order: none promised. Meetings arrive as pages arrive, from up to `per_provider_concurrency`
//! windows of each partition at once and from every partition; callers that need an order
//! sort (the Python package does). Deduplication keeps an 8-byte hash per meeting of the
//! windows in flight only, which is exact across windows because every meeting's start lies
//! in exactly one. A failing provider or window yields an `Err` item after the meetings it did
//! fetch, and the others go on.

use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use chrono::Utc;
use futures::stream::{self, BoxStream, Stream, StreamExt};
use meetkit_client_support::http_client;
use tokio::sync::Semaphore;

use crate::config::Config;
use crate::error::{ConfigError, Error, ProviderError, QueryError};
use crate::model::{DEFAULT_ACCOUNT, Meeting, Provider};
use crate::paging::FetchContext;
use crate::plan::{Partition, Plan};
use crate::progress::{Progress, ProgressCounters};
use crate::providers::{Endpoint, connector};
use crate::query::Query;
use crate::ratelimit::Gates;
use crate::registry;
use crate::run::PartitionStream;

/// Lists meetings. Cheap to clone; needs a Tokio runtime to stream.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    config: Config,
    http: reqwest::Client,
    /// Checked endpoints of the configured provider accounts.
    endpoints: Vec<(Provider, String, Endpoint)>,
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
        let http =
            http_client(&config.runtime.http).map_err(|e| ConfigError::Http(e.to_string()))?;
        let mut endpoints = Vec::new();
        for info in registry::ALL {
            if let Some(endpoint) = connector(info.provider).endpoint(&config)? {
                endpoints.push((info.provider, DEFAULT_ACCOUNT.to_owned(), endpoint));
            }
        }
        Ok(Self {
            inner: Arc::new(Inner {
                config,
                http,
                endpoints,
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

    fn endpoint(&self, provider: Provider, account: &str) -> Option<&Endpoint> {
        self.inner
            .endpoints
            .iter()
            .find(|(p, a, _)| *p == provider && a == account)
            .map(|(_, _, e)| e)
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
                        hint: registry::info(*p).configure_hint,
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
            match check_filters(p, query) {
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

    /// Plans `query` without fetching anything: one partition per provider account, its
    /// windows cut to the provider's limits and the configured spans, and what cannot be
    /// listed (as errors, or warnings when the query is lenient). Checks credentials and
    /// filters first.
    pub fn plan(&self, query: &Query) -> Result<Plan, Error> {
        let providers = self.resolve_providers(query)?;
        let runtime = &self.inner.config.runtime;
        let now = Utc::now();
        let mut plan = Plan {
            window: query.window,
            partitions: Vec::new(),
            warnings: Vec::new(),
            errors: Vec::new(),
            limit: query.limit,
        };
        for provider in providers {
            let info = registry::info(provider);
            let span = runtime
                .window_spans
                .get(&provider)
                .copied()
                .unwrap_or_else(|| chrono::Duration::days(info.default_window_days));
            let page_size = runtime
                .page_sizes
                .get(&provider)
                .copied()
                .unwrap_or(info.page_size.max);
            let planned = connector(provider).plan_windows(&query.window, span, query.lenient);
            plan.errors.extend(planned.errors);
            plan.warnings.extend(planned.warnings);
            for (p, account, _) in &self.inner.endpoints {
                if *p == provider {
                    plan.partitions.push(Partition {
                        provider,
                        account: account.clone(),
                        windows: planned.windows.clone(),
                        filters: query.filters.clone(),
                        include_raw: query.include_raw,
                        page_size,
                        now,
                    });
                }
            }
        }
        Ok(plan)
    }

    /// Streams the meetings of one partition (of a plan made here or anywhere else), with
    /// this client's credentials for its provider account, rate limits and concurrency.
    pub fn run(&self, partition: &Partition) -> Result<MeetingStream, Error> {
        let global = self.global_gate();
        let (stream, counters) = self.run_with(partition, global, Vec::new())?;
        Ok(MeetingStream {
            inner: stream,
            warnings: Vec::new(),
            progress: Progress(Arc::new(vec![counters])),
        })
    }

    fn global_gate(&self) -> Arc<Semaphore> {
        Arc::new(Semaphore::new(self.inner.config.runtime.concurrency.max(1)))
    }

    fn run_with(
        &self,
        partition: &Partition,
        global: Arc<Semaphore>,
        upfront: Vec<ProviderError>,
    ) -> Result<(PartitionStream, Arc<ProgressCounters>), Error> {
        let provider = partition.provider;
        let endpoint = self.endpoint(provider, &partition.account).ok_or_else(|| {
            ConfigError::NotConfigured {
                provider,
                hint: registry::info(provider).configure_hint,
            }
        })?;
        let runtime = &self.inner.config.runtime;
        let progress = Arc::new(ProgressCounters::new(provider));
        let ctx = Arc::new(FetchContext {
            gates: Gates::new(
                runtime.rate_limits.get(&provider).copied().flatten(),
                runtime.per_provider_concurrency,
                global,
            ),
            retry: runtime.retry.clone(),
            progress: Arc::clone(&progress),
            filters: partition.filters.clone(),
            include_raw: partition.include_raw,
            now: partition.now,
            halt: crate::paging::Halt::default(),
        });
        let stream =
            connector(provider).stream(endpoint, &self.inner.http, partition, ctx, upfront)?;
        Ok((stream, progress))
    }

    /// Lists the meetings of `query` as a stream: [`plan`](Client::plan), then every
    /// partition [`run`](Client::run) here at once, merged. Checks credentials and filters
    /// first (those errors come back here); provider failures come as `Err` items in the
    /// stream, the plan's own errors first.
    pub fn list(&self, query: &Query) -> Result<MeetingStream, Error> {
        let plan = self.plan(query)?;
        self.run_plan(plan)
    }

    /// Runs every partition of `plan` here, merged, as [`list`](Client::list) does.
    pub fn run_plan(&self, plan: Plan) -> Result<MeetingStream, Error> {
        let global = self.global_gate();
        let mut streams = Vec::new();
        let mut counters = Vec::new();
        let mut errors = plan.errors;
        for partition in &plan.partitions {
            // A provider's upfront errors go with its first partition, so its progress shows them.
            let (mine, rest): (Vec<_>, Vec<_>) = errors
                .into_iter()
                .partition(|e| e.provider == partition.provider);
            errors = rest;
            let (stream, progress) = self.run_with(partition, Arc::clone(&global), mine)?;
            streams.push(stream);
            counters.push(progress);
        }
        let orphans = stream::iter(errors.into_iter().map(Err));
        let merged = orphans.chain(stream::select_all(streams));
        let inner: BoxStream<'static, Result<Meeting, ProviderError>> = match plan.limit {
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
            warnings: plan.warnings,
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
        listing.warnings = stream.warnings_and_drift();
        Ok(listing)
    }
}

/// Whether `provider` can apply the query's filters: supported at all (the registry), and
/// with values it accepts (its connector).
fn check_filters(provider: Provider, query: &Query) -> Result<(), QueryError> {
    if let Some(filter) = registry::info(provider)
        .unsupported(&query.filters)
        .into_iter()
        .next()
    {
        let supported = registry::supporting(filter)
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
    connector(provider).check_filter_values(&query.filters)
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

    /// What the providers sent so far that their specs do not know (an unknown response field
    /// or enum value), each item once; complete when the stream has ended.
    pub fn drift(&self) -> Vec<crate::drift::DriftItem> {
        self.progress.drift()
    }

    /// [`warnings`](Self::warnings), then one line per [`drift`](Self::drift) item: what a
    /// listing's `warnings` hold at its end.
    pub fn warnings_and_drift(&self) -> Vec<String> {
        let drift = self.drift();
        self.warnings
            .iter()
            .cloned()
            .chain(drift.iter().map(ToString::to_string))
            .collect()
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
    /// What was skipped in lenient mode, then one line per response field or enum value a
    /// provider sent that its spec does not know.
    pub warnings: Vec<String>,
}
