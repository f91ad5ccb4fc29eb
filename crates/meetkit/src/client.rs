//! The entry point: [`Client`] plans a [`Query`] into partitions ([`Client::plan`]), runs
//! them ([`Client::run`]) and merges their streams ([`Client::list`]).
//!
//! Order: none promised. Meetings arrive as pages arrive, from up to `per_provider_concurrency`
//! windows of each partition at once and from every partition; callers that need an order
//! sort (the Python package does). Deduplication keeps an 8-byte hash per meeting of the
//! windows in flight only, which is exact across windows because every meeting's start lies
//! in exactly one; an account listed per user (Zoom account-wide), whose users' reports
//! overlap, also keeps a hash per meeting it delivered (see [`crate::dedup`]). A failing provider or window yields an `Err` item after the meetings it did
//! fetch, and the others go on.

use std::collections::HashMap;
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
use crate::paging::{Batch, BatchIter, FetchContext};
use crate::plan::{Partition, Plan};
use crate::progress::{Progress, ProgressCounters};
use crate::providers::{Endpoint, connector};
use crate::query::{Query, Window};
use crate::ratelimit::{GateKey, Gates, Limiters, RecordBudget};
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
    /// Rate and concurrency gates per provider account, shared by its partitions.
    limiters: Limiters,
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
            for account in config
                .accounts
                .iter()
                .filter(|a| a.provider == info.provider)
            {
                let endpoint = connector(info.provider)
                    .endpoint(&config.for_account(account))
                    .map_err(|e| ConfigError::InvalidAccount {
                        place: format!(
                            "account {}/{} ({})",
                            account.provider, account.name, account.source
                        ),
                        reason: e.to_string(),
                    })?;
                if let Some(endpoint) = endpoint {
                    endpoints.push((info.provider, account.name.clone(), endpoint));
                }
            }
        }
        Ok(Self {
            inner: Arc::new(Inner {
                config,
                http,
                endpoints,
                limiters: Limiters::default(),
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

    /// The configuration of a named account alone (see [`Config::for_account`]); `None` for
    /// the default account, whose settings are the client's own.
    fn account_config(&self, provider: Provider, account: &str) -> Option<Config> {
        let config = &self.inner.config;
        config
            .accounts
            .iter()
            .find(|a| a.provider == provider && a.name == account)
            .map(|a| config.for_account(a))
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

    /// The provider accounts `query` covers (its providers, narrowed by its accounts), in the
    /// plan's order, without planning: what a caller keeping per-account state (sync's
    /// checkpoints) needs before it plans.
    pub fn accounts(&self, query: &Query) -> Result<Vec<(Provider, String)>, Error> {
        let providers = self.resolve_providers(query)?;
        self.check_accounts(query, &providers)?;
        Ok(providers
            .iter()
            .flat_map(|provider| {
                self.inner
                    .endpoints
                    .iter()
                    .filter(move |(p, a, _)| {
                        p == provider && (query.accounts.is_empty() || query.accounts.contains(a))
                    })
                    .map(|(p, a, _)| (*p, a.clone()))
            })
            .collect())
    }

    /// Every account `query.accounts` names must be an account of one of `providers`.
    fn check_accounts(&self, query: &Query, providers: &[Provider]) -> Result<(), Error> {
        let mine = |name: &str| {
            self.inner
                .endpoints
                .iter()
                .any(|(p, a, _)| a == name && providers.contains(p))
        };
        if let Some(name) = query.accounts.iter().find(|name| !mine(name)) {
            let mut known: Vec<String> = self
                .inner
                .endpoints
                .iter()
                .filter(|(p, _, _)| providers.contains(p))
                .map(|(p, a, _)| format!("{p}/{a}"))
                .collect();
            if known.len() > 20 {
                let more = known.len() - 20;
                known.truncate(20);
                known.push(format!("{more} more"));
            }
            return Err(ConfigError::UnknownAccount {
                name: name.clone(),
                known: known.join(", "),
            }
            .into());
        }
        Ok(())
    }

    /// Plans `query`: one partition per provider account — per user of the account for
    /// Zoom with Server-to-Server OAuth and no `host` filter, whose users are the one thing
    /// planning fetches — its windows cut to the provider's limits and the configured spans,
    /// and what cannot be listed (as errors, or warnings when the query is lenient; a users
    /// listing that failed is an error too). Warns when an account needs more requests than
    /// its daily budget. Checks credentials and filters first.
    pub async fn plan(&self, query: &Query) -> Result<Plan, Error> {
        let providers = self.resolve_providers(query)?;
        self.check_accounts(query, &providers)?;
        let runtime = &self.inner.config.runtime;
        let now = Utc::now();
        let filters = Arc::new(query.filters.clone());
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
            // One copy of the windows and filters for every partition of the provider.
            let windows: Arc<[Window]> = planned.windows.into();
            let connector = connector(provider);
            for (p, account, endpoint) in &self.inner.endpoints {
                let selected = query.accounts.is_empty() || query.accounts.contains(account);
                if *p != provider || !selected {
                    continue;
                }
                let partition = Partition {
                    provider,
                    account: account.clone(),
                    user: None,
                    windows: Arc::clone(&windows),
                    filters: Arc::clone(&filters),
                    include_raw: query.include_raw,
                    page_size,
                    now,
                };
                // The account's own settings (a named account's Zoom user statuses and daily
                // budget), not the default account's.
                let named = self.account_config(provider, account);
                let config = named.as_ref().unwrap_or(&self.inner.config);
                let users = connector.users(endpoint, &self.inner.http, config, &query.filters);
                let mine = match users {
                    None => vec![partition],
                    Some(listing) => match listing.await {
                        Ok(users) if users.is_empty() => {
                            plan.warnings.push(format!(
                                "{provider}/{account}: the account has no users of the statuses \
                                 configured, so nothing is listed for it"
                            ));
                            Vec::new()
                        }
                        Ok(users) => users
                            .into_iter()
                            .map(|user| Partition {
                                user: Some(user),
                                ..partition.clone()
                            })
                            .collect(),
                        Err(e) => {
                            plan.errors.push(e);
                            Vec::new()
                        }
                    },
                };
                plan.warnings
                    .extend(connector.budget_warning(&mine, config));
                plan.partitions.extend(mine);
            }
        }
        Ok(plan)
    }

    /// Streams the meetings of one partition (of a plan made here or anywhere else), with
    /// this client's credentials for its provider account, rate limits and concurrency.
    /// Partitions of one account that overlap (Zoom listed per user) run together, with
    /// [`run_partitions`](Client::run_partitions), so a meeting two users attended comes once.
    pub fn run(&self, partition: &Partition) -> Result<MeetingStream, Error> {
        self.run_partitions(std::slice::from_ref(partition))
    }

    /// Streams the meetings of `partitions` here, merged, as [`list`](Client::list) runs a
    /// plan: an account's partitions share its rate limits, concurrency, account-wide
    /// failures and, when there are several, one set of the meetings delivered.
    pub fn run_partitions(&self, partitions: &[Partition]) -> Result<MeetingStream, Error> {
        let window = partitions
            .iter()
            .filter_map(Partition::span)
            .reduce(|a, b| Window::new(a.from().min(b.from()), a.to().max(b.to())).unwrap_or(a));
        let Some(window) = window.or_else(|| {
            let now = Utc::now();
            Window::new(now - chrono::Duration::seconds(1), now).ok()
        }) else {
            return Err(ConfigError::InvalidOption {
                name: "partitions".to_owned(),
                reason: "cover no time".to_owned(),
            }
            .into());
        };
        self.run_plan(Plan {
            window,
            partitions: partitions.to_vec(),
            warnings: Vec::new(),
            errors: Vec::new(),
            limit: None,
        })
    }

    fn global_gate(&self) -> Arc<Semaphore> {
        Arc::new(Semaphore::new(self.inner.config.runtime.concurrency.max(1)))
    }

    /// The records one run may hold at once, across its accounts (see [`RecordBudget`]).
    fn record_budget(&self) -> Arc<RecordBudget> {
        Arc::new(RecordBudget::new(
            self.inner.config.runtime.records_in_flight,
        ))
    }

    /// What every partition of one account running here shares: the gates (rate limit and
    /// concurrency), the progress counters, the halt and, when `overlapping`, the set of
    /// meetings delivered.
    fn account_context(
        &self,
        partition: &Partition,
        global: Arc<Semaphore>,
        budget: Arc<RecordBudget>,
        overlapping: bool,
    ) -> AccountContext {
        let provider = partition.provider;
        let runtime = &self.inner.config.runtime;
        // One gate per provider account for the client's life: two accounts each get their
        // own rate, and runs of one account share it.
        let key = GateKey {
            provider,
            account: partition.account.clone(),
            class: "all",
        };
        let gate = self.inner.limiters.gate(
            key,
            runtime.limit(provider),
            runtime.per_provider_concurrency,
        );
        AccountContext {
            // Until a page comes back, a request is expected to hold the page the plan asks for.
            gates: Gates::shared(gate, global).with_budget(budget, partition.page_size),
            progress: Arc::new(ProgressCounters::new(provider)),
            halt: Arc::default(),
            seen: overlapping.then(Arc::default),
        }
    }

    fn run_with(
        &self,
        partition: &Partition,
        account: &AccountContext,
        upfront: Vec<ProviderError>,
    ) -> Result<PartitionStream, Error> {
        let provider = partition.provider;
        let endpoint = self.endpoint(provider, &partition.account).ok_or_else(|| {
            if self.inner.config.is_configured(provider) {
                // The provider has accounts here, but not this one (a partition planned elsewhere).
                ConfigError::UnknownAccount {
                    name: partition.account.clone(),
                    known: self.inner.config.account_names(provider).join(", "),
                }
            } else {
                ConfigError::NotConfigured {
                    provider,
                    hint: registry::info(provider).configure_hint,
                }
            }
        })?;
        let ctx = Arc::new(FetchContext {
            info: registry::info(provider),
            gates: account.gates.clone(),
            retry: self.inner.config.runtime.retry.clone(),
            progress: Arc::clone(&account.progress),
            filters: Arc::clone(&partition.filters),
            include_raw: partition.include_raw,
            now: partition.now,
            halt: Arc::clone(&account.halt),
            account_seen: account.seen.clone(),
        });
        let stream =
            connector(provider).stream(endpoint, &self.inner.http, partition, ctx, upfront)?;
        // Adapters normalize for the default account; every item names the partition's.
        let account: Arc<str> = Arc::from(partition.account.as_str());
        Ok(stream
            .map(move |item| match item {
                Ok(mut batch) => {
                    for meeting in batch.meetings_mut() {
                        if meeting.account != *account {
                            meeting.account = account.to_string();
                        }
                    }
                    Ok(batch)
                }
                Err(error) => Err(error.with_account(account.to_string())),
            })
            .boxed())
    }

    /// One account's partitions as one stream. The first starts at once (a configuration
    /// error comes back here); the others start as earlier ones end, as many at a time as
    /// keep the account's concurrency of windows going. An account-wide Zoom listing of
    /// thousands of users thus holds the tasks and page buffers of a few users' windows, not
    /// of every user's.
    fn run_account(
        &self,
        partitions: Vec<Partition>,
        account: AccountContext,
        upfront: Vec<ProviderError>,
    ) -> Result<PartitionStream, Error> {
        let mut partitions = partitions.into_iter();
        let Some(first) = partitions.next() else {
            return Ok(stream::iter(upfront.into_iter().map(Err)).boxed());
        };
        let windows = first.windows.len().max(1);
        let first = self.run_with(&first, &account, upfront)?;
        if partitions.len() == 0 {
            return Ok(first);
        }
        // Each partition runs up to the account's concurrency of windows; enough partitions
        // at once to keep that many windows going, no more.
        let in_flight = account
            .gates
            .provider_concurrency()
            .max(1)
            .div_ceil(windows);
        // The account stays open in its progress while its partitions start one after another.
        account.progress.open();
        let done = Arc::clone(&account.progress);
        let client = self.clone();
        let later = stream::iter(partitions).map(move |partition| {
            client
                .run_with(&partition, &account, Vec::new())
                .unwrap_or_else(|e| {
                    // Not expected: the account's first partition started with the same
                    // endpoint. Said as this partition's failure, the others go on.
                    let error = match e {
                        Error::Provider(error) => error,
                        other => ProviderError::new(
                            partition.provider,
                            "run",
                            crate::error::ProviderErrorKind::BadRequest,
                            format!("could not start a partition: {other}"),
                        ),
                    };
                    stream::once(futures::future::ready(Err(
                        error.with_account(partition.account.clone())
                    )))
                    .boxed()
                })
        });
        Ok(stream::once(futures::future::ready(first))
            .chain(later)
            .flatten_unordered(in_flight)
            .chain(
                stream::once(async move { done.finish() })
                    .filter_map(|()| futures::future::ready(None)),
            )
            .boxed())
    }

    /// Lists the meetings of `query` as a stream: [`plan`](Client::plan), then every
    /// partition run here at once, merged. Checks credentials and filters first (those
    /// errors come back here); provider failures come as `Err` items in the stream, the
    /// plan's own errors first.
    pub async fn list(&self, query: &Query) -> Result<MeetingStream, Error> {
        let plan = self.plan(query).await?;
        self.run_plan(plan)
    }

    /// Runs every partition of `plan` here, merged, as [`list`](Client::list) does. The
    /// partitions of one account share its limits and failures, and a meeting two of them
    /// found (two Zoom users' reports) comes once.
    pub fn run_plan(&self, plan: Plan) -> Result<MeetingStream, Error> {
        let global = self.global_gate();
        let budget = self.record_budget();
        let groups = group_by_account(plan.partitions);
        let mut streams = Vec::with_capacity(groups.len());
        let mut counters = Vec::with_capacity(groups.len());
        let mut errors = plan.errors;
        for (key, partitions) in groups {
            // Records can meet twice across partitions (Zoom's users), or across windows of
            // one partition whose several listings (a report per `host`) may each see a day
            // boundary of their own where windows keep a day beyond their edges.
            let overlapping = partitions.len() > 1
                || partitions
                    .iter()
                    .any(|p| p.filters.host.len() > 1 && p.windows.len() > 1);
            let account = self.account_context(
                &partitions[0],
                Arc::clone(&global),
                Arc::clone(&budget),
                overlapping,
            );
            counters.push(Arc::clone(&account.progress));
            // A provider's upfront errors go with its first account, so its progress shows them.
            let (mine, rest): (Vec<_>, Vec<_>) =
                errors.into_iter().partition(|e| e.provider == key.0);
            errors = rest;
            streams.push(self.run_account(partitions, account, mine)?);
        }
        let orphans = stream::iter(errors.into_iter().map(Err));
        Ok(MeetingStream {
            inner: orphans.chain(stream::select_all(streams)).boxed(),
            batch: None,
            left: plan.limit,
            warnings: plan.warnings,
            progress: Progress(Arc::new(counters)),
        })
    }

    /// Lists the meetings of `query` into memory: everything fetched, plus every failure.
    pub async fn collect(&self, query: &Query) -> Result<Listing, Error> {
        let mut stream = self.list(query).await?;
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

/// What the partitions of one account running here share.
struct AccountContext {
    gates: Gates,
    progress: Arc<ProgressCounters>,
    halt: Arc<crate::paging::Halt>,
    seen: Option<Arc<crate::dedup::Seen>>,
}

/// The partitions of each provider account, accounts in the order the plan first names them
/// and each account's partitions in plan order. Each group is allocated at its exact size:
/// the groups live as long as their accounts run, and a fleet's plan holds tens of thousands
/// of partitions (a Zoom account's users).
fn group_by_account(partitions: Vec<Partition>) -> Vec<((Provider, String), Vec<Partition>)> {
    let mut slot_of: HashMap<(Provider, &str), usize> = HashMap::new();
    let mut sizes: Vec<usize> = Vec::new();
    let slots: Vec<usize> = partitions
        .iter()
        .map(|p| {
            let next = sizes.len();
            let slot = *slot_of
                .entry((p.provider, p.account.as_str()))
                .or_insert(next);
            if slot == next {
                sizes.push(0);
            }
            sizes[slot] += 1;
            slot
        })
        .collect();
    let mut grouped: Vec<((Provider, String), Vec<Partition>)> = Vec::with_capacity(sizes.len());
    for (partition, slot) in partitions.into_iter().zip(slots) {
        if slot == grouped.len() {
            let key = (partition.provider, partition.account.clone());
            grouped.push((key, Vec::with_capacity(sizes[slot])));
        }
        grouped[slot].1.push(partition);
    }
    grouped
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
    /// Every partition's pages and failures, merged.
    inner: BoxStream<'static, Result<Batch, ProviderError>>,
    /// The page being read; its pass goes back when its last meeting has been taken.
    batch: Option<BatchIter>,
    /// With a limit: how many more meetings to yield. The first meeting beyond it ends the
    /// stream; failures that come before it still do.
    left: Option<usize>,
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
        let this = &mut *self;
        loop {
            if let Some(meeting) = this.batch.as_mut().and_then(Iterator::next) {
                match &mut this.left {
                    Some(0) => {
                        // Past the limit: the stream ends here, and stays ended.
                        this.batch = None;
                        this.inner = stream::empty().boxed();
                        return Poll::Ready(None);
                    }
                    Some(left) => *left -= 1,
                    None => {}
                }
                return Poll::Ready(Some(Ok(meeting)));
            }
            this.batch = None;
            match std::task::ready!(this.inner.poll_next_unpin(cx)) {
                Some(Ok(batch)) => this.batch = Some(batch.into_iter()),
                Some(Err(error)) => return Poll::Ready(Some(Err(error))),
                None => return Poll::Ready(None),
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn partition(provider: Provider, account: &str, user: &str) -> Partition {
        let now = Utc::now();
        Partition {
            provider,
            account: account.to_owned(),
            user: Some(user.to_owned()),
            windows: Arc::from([]),
            filters: Arc::default(),
            include_raw: false,
            page_size: 10,
            now,
        }
    }

    #[test]
    fn partitions_are_grouped_per_account_in_plan_order_at_their_exact_size() {
        let plan = vec![
            partition(Provider::Zoom, "a", "1"),
            partition(Provider::Daily, "a", "2"),
            partition(Provider::Zoom, "b", "3"),
            partition(Provider::Zoom, "a", "4"),
            partition(Provider::Daily, "a", "5"),
            partition(Provider::Zoom, "a", "6"),
        ];
        let groups = group_by_account(plan);
        let shape: Vec<(Provider, &str, Vec<&str>, usize)> = groups
            .iter()
            .map(|((provider, account), partitions)| {
                (
                    *provider,
                    account.as_str(),
                    partitions
                        .iter()
                        .filter_map(|p| p.user.as_deref())
                        .collect(),
                    partitions.capacity(),
                )
            })
            .collect();
        assert_eq!(
            shape,
            vec![
                (Provider::Zoom, "a", vec!["1", "4", "6"], 3),
                (Provider::Daily, "a", vec!["2", "5"], 2),
                (Provider::Zoom, "b", vec!["3"], 1),
            ]
        );
    }
}
