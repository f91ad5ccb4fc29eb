//! Client-side rate limiting and concurrency bounds per provider account.
//!
//! A provider's documented rate (Zoom Heavy 10/s, Daily 20/s) is enforced as "at most `rate`
//! requests in any window of one second", with a small margin for the network: a client that
//! obeys this never trips a fixed-window or a sliding-window limiter on the provider's side,
//! and can still send a whole second's worth at once instead of spacing every request out.
//! After a 429 the whole provider pauses for the `Retry-After` it was given, not just the
//! request that drew it, so the other requests in flight do not pile more 429s on top.
//!
//! A provider that enforces a rate without publishing it (Attention; Telnyx until an answer
//! tells it) has its rate learned from its 429s, AIMD-style. A limit's 429s come in a run:
//! the requests sent after the first draw 429s too (at least two, and more than get through),
//! while after a stray 429 (another client sharing the key, a hiccup) they get through, and
//! a stray one only pauses. A limit's 429s set the account's rate to what got through: the requests sent in the
//! [`RATE_WINDOW`] before one that drew a 429 and got a non-429 answer (at least one a
//! second; the most any 429 of the run counts, answers still in flight included, since a
//! burst's answers come back in any order). 429s never raise the rate above the one in force
//! before them: a configured rate still applies and learning only lowers it. Since a learned
//! rate may still be too low (strays within a run, or what was sent was below the limit), it
//! rises again by a tenth (at least one a second) after every [`CLEAN_WINDOWS`] windows
//! without a 429 while requests were waiting for it, up to the configured rate if there is
//! one.
//!
//! A provider that tells the account's limit on its answers (Telnyx's `x-ratelimit-*`, named by
//! its descriptor's `rate_limit_headers`, read in `announced`) has it adopted from its first
//! answer, before a burst can overrun it: the limit per window (the longest reset told, in
//! whole seconds, at least one and at most [`MAX_TOLD_WINDOW`]) becomes the rate, never above
//! a configured one and the ceiling learning rises to. The requests already sent count against
//! it. (The `remaining` such answers tell is not used: with two clients on one key, pausing
//! until the reset when the other had used the window up made the listings slower and drew as
//! many 429s, which then taught a rate lower still; a 429's pause already holds the account
//! within a round trip.)
//! An account whose limit is unknown (its provider publishes none and none is configured:
//! [`Limit::Unknown`]) starts slowly: [`SLOW_START`] requests in flight, doubling after every
//! [`RATE_WINDOW`] without a 429 up to its concurrency, and all of it at once when a rate is
//! announced or learned. Past a limit, the requests in flight when the first 429 comes back
//! draw 429s too: at full concurrency (8) that was 3 to 9 wasted requests a listing of
//! Attention's, depending on where its first burst fell in the provider's window; starting
//! with three, a limit crossed in the first second costs three, which is also what confirms
//! it as a limit's (the first 429 and [`CONFIRMING_429S`] after it). Past a limit, a second at
//! three in flight is as fast as at eight (three requests of 50 ms make 60 a second); a
//! provider without a limit loses what the first second or two would have sent beyond that.
//!
//! Concurrency is bounded per provider account and across all of them with semaphores, and the
//! records held at once across all of them by a [`RecordBudget`] (see `budget`).
//!
//! Providers limit each account on its own, so each account has its own gate: two Zoom accounts
//! each get their own 10/s. A client keeps one gate per [`GateKey`] in its [`Limiters`], shared
//! by every partition of that account it runs (a provider that limits classes of calls
//! separately gets a gate per class).

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::Instant;

mod announced;
mod budget;

pub use announced::Announced;
pub use budget::{DEFAULT_RECORDS_IN_FLIGHT, Expected, MIN_RECORDS_PER_REQUEST, RecordBudget};

/// The window a rate is counted over, plus a margin for requests that reach the provider a
/// little later than they left (the provider's window may start at its first arrival).
pub const RATE_WINDOW: Duration = Duration::from_millis(1_030);

/// The longest window a told limit is taken to count over: a longer reset is a provider's
/// error (or a quota whose 429s fail the listing, as `RetryOptions::max_retry_after` says),
/// not a reason to send a request a minute.
pub const MAX_TOLD_WINDOW: Duration = Duration::from_secs(60);

/// Windows without a 429, with requests waiting for the rate, before a learned rate rises.
pub const CLEAN_WINDOWS: u32 = 10;

/// The most answers a gate remembers for learning its rate (those of the last window only).
const MAX_REMEMBERED: usize = 4_096;

/// Requests an account whose limit is unknown may have in flight at first (see the module
/// docs): the first 429 past a limit and the [`CONFIRMING_429S`] that confirm it.
pub const SLOW_START: usize = 1 + CONFIRMING_429S;

/// What a gate knows of its account's limit when it is made.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Limit {
    /// Requests a second, documented or configured.
    Rate(f64),
    /// No client-side limit, as configured: requests go out as fast as the concurrency allows.
    Unlimited,
    /// The provider publishes none and none is configured: the account starts slowly until
    /// its answers announce a limit or its 429s teach one.
    Unknown,
}

impl Limit {
    /// A configured rate: `None` is no limit.
    pub fn configured(rate: Option<f64>) -> Self {
        rate.map_or(Self::Unlimited, Self::Rate)
    }

    /// The rate, in requests per second, if one is known.
    pub fn per_second(self) -> Option<f64> {
        match self {
            Self::Rate(rate) => Some(rate),
            Self::Unlimited | Self::Unknown => None,
        }
    }
}

/// Allows at most `rate` requests in any [`RATE_WINDOW`]; the rate may be changed.
#[derive(Debug)]
pub struct RateLimiter {
    slots: std::sync::Mutex<Slots>,
}

/// A limiter's rate and the slots it gave out lately.
#[derive(Debug)]
struct Slots {
    rate: f64,
    burst: usize,
    window: Duration,
    sent: VecDeque<Instant>,
}

/// The requests that may go at once, and the window they are counted over, for `rate` (a rate
/// below one a second becomes one request per `1 / rate` seconds); `None` unless positive.
fn shape(rate: f64) -> Option<(usize, Duration)> {
    if !(rate.is_finite() && rate > 0.0) {
        return None;
    }
    Some(if rate >= 1.0 {
        (rate.floor().min(1e6) as usize, RATE_WINDOW)
    } else {
        (1, Duration::from_secs_f64(1.0 / rate).max(RATE_WINDOW))
    })
}

impl RateLimiter {
    /// A limiter for `rate` requests per second (must be positive). A rate below one a
    /// second becomes one request per `1 / rate` seconds.
    pub fn new(rate: f64) -> Option<Self> {
        Self::after(rate, &VecDeque::new())
    }

    /// A limiter for `rate` (as [`new`](Self::new)) to which the requests `sent` (oldest
    /// first) before it existed count as slots taken.
    fn after(rate: f64, sent: &VecDeque<Instant>) -> Option<Self> {
        let (burst, window) = shape(rate)?;
        let mut slots = VecDeque::with_capacity(burst + 1);
        slots.extend(sent.iter().skip(sent.len().saturating_sub(burst)));
        Some(Self {
            slots: std::sync::Mutex::new(Slots {
                rate,
                burst,
                window,
                sent: slots,
            }),
        })
    }

    fn slots(&self) -> std::sync::MutexGuard<'_, Slots> {
        self.slots
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The rate, in requests per second.
    pub fn per_second(&self) -> f64 {
        self.slots().rate
    }

    /// Holds requests to `rate` a second from now on (ignored unless positive). The slots
    /// already given out count against it: no window holds more than the lower of the rates.
    pub fn set_rate(&self, rate: f64) {
        if let Some((burst, window)) = shape(rate) {
            let mut slots = self.slots();
            slots.rate = rate;
            slots.burst = burst;
            slots.window = window;
        }
    }

    /// Waits for the next free slot and takes it.
    pub async fn acquire(&self) {
        let slot = {
            let mut slots = self.slots();
            let now = Instant::now();
            let (burst, window) = (slots.burst, slots.window);
            // The slot opens one window after the `burst`-th latest slot taken.
            let slot = if slots.sent.len() >= burst {
                let nth = slots.sent.len() - burst;
                slots.sent.get(nth).map_or(now, |&t| (t + window).max(now))
            } else {
                now
            };
            slots.sent.push_back(slot);
            while slots.sent.len() > burst {
                slots.sent.pop_front();
            }
            slot
        };
        tokio::time::sleep_until(slot).await;
    }
}

/// What one gate is kept for: a provider account, and the class of its calls a limit applies
/// to (`all` unless the provider limits classes separately).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct GateKey {
    /// The provider.
    pub provider: crate::model::Provider,
    /// The account's name.
    pub account: String,
    /// The class of calls (`all`, or the provider's name for it, like Zoom's `Heavy`).
    pub class: &'static str,
}

/// One provider account's limits: its rate (configured, announced on its answers, or learned
/// from 429s), the pause a 429 asked for, its concurrency.
#[derive(Debug)]
pub struct AccountGate {
    /// The provider, for logs.
    provider: Option<crate::model::Provider>,
    /// The configured rate, if any: learning never goes above it.
    configured: Option<f64>,
    /// The rate requests are held to: the configured one from the start, else made by the
    /// first announcement or 429.
    rate: OnceLock<RateLimiter>,
    learning: std::sync::Mutex<Learning>,
    paused_until: std::sync::Mutex<Option<Instant>>,
    provider_permits: Arc<Semaphore>,
    concurrency: usize,
    /// The records the account's next page is expected to hold, taken from the budget.
    expected: Expected,
}

/// The 429s to requests sent after an episode's first that confirm it as a limit's.
const CONFIRMING_429S: usize = 2;

/// How long an unconfirmed episode of 429s may still be confirmed by the next: three windows.
const INCONCLUSIVE_FOR: Duration = RATE_WINDOW.saturating_mul(3);

/// The most 429s one episode of learning keeps (those of one burst; more say nothing new).
const MAX_EPISODE: usize = 64;

/// What a gate learns its rate from.
#[derive(Debug, Default)]
struct Learning {
    /// When the requests that got a non-429 answer lately were sent (those of the last few
    /// windows, at most [`MAX_REMEMBERED`]).
    answered: VecDeque<Instant>,
    /// When the requests that drew the 429s of the current episode were sent: 429s sent
    /// within a window of the first are one episode, answers to one burst of requests.
    episode: Vec<Instant>,
    /// Whether the episode is a limit's: enough requests sent after its first 429 drew one too.
    confirmed: bool,
    /// The rate in force before the episode, if any: the episode never raises it.
    before: Option<f64>,
    /// Whether the rate in force was learned (lower than any configured one).
    learned: bool,
    /// The last 429 or rise: the clean stretch a learned rate waits out starts here.
    calm_from: Option<Instant>,
    /// The last time a request waited for a slot of the rate.
    saturated_at: Option<Instant>,
    /// When the account's requests went out while no rate held them (those of the last
    /// [`MAX_TOLD_WINDOW`], at most [`MAX_REMEMBERED`]), oldest first: a rate made later
    /// counts them.
    sent: VecDeque<Instant>,
    /// The window the announced limit is counted over, at least: the longest reset told, in
    /// whole seconds; zero before any.
    told_window: Duration,
    /// The rate the provider announced (its limit per `told_window`), if it did.
    announced: Option<f64>,
    /// The requests the account may have in flight now: its concurrency, or fewer while it
    /// starts slowly.
    permits: usize,
    /// When the slow start last widened (or its first request went out).
    widened_at: Option<Instant>,
    /// The first 429 of the last episode if it was inconclusive (see `confirm`).
    inconclusive_at: Option<Instant>,
}

impl Learning {
    /// Notes a request sent at `sent` that got a non-429 answer.
    fn remember(&mut self, sent: Instant) {
        let now = Instant::now();
        while self.answered.len() >= MAX_REMEMBERED
            || self
                .answered
                .front()
                .is_some_and(|t| now.saturating_duration_since(*t) > RATE_WINDOW * 3)
        {
            self.answered.pop_front();
        }
        self.answered.push_back(sent);
    }

    /// Notes a request that went out now, while no rate holds them.
    fn went_out(&mut self) {
        let now = Instant::now();
        while self.sent.len() >= MAX_REMEMBERED
            || self
                .sent
                .front()
                .is_some_and(|t| now.saturating_duration_since(*t) > MAX_TOLD_WINDOW)
        {
            self.sent.pop_front();
        }
        self.sent.push_back(now);
        self.widened_at.get_or_insert(now);
    }

    /// The requests sent in the window up to `sent` that got a non-429 answer, at least one.
    fn got_through(&self, sent: Instant) -> f64 {
        let from = sent.checked_sub(RATE_WINDOW);
        let n = self
            .answered
            .iter()
            .filter(|t| **t <= sent && from.is_none_or(|from| **t > from))
            .count();
        (n as f64).max(1.0)
    }

    /// When the request that drew the current episode's first 429 was sent.
    fn first_429(&self) -> Option<Instant> {
        self.episode.iter().min().copied()
    }

    /// Whether the current episode is unconfirmed and recent enough that the next windows'
    /// 429s may still confirm it (see `confirm`).
    fn unresolved(&self, now: Instant) -> bool {
        !self.confirmed
            && self
                .first_429()
                .is_some_and(|first| now.saturating_duration_since(first) < INCONCLUSIVE_FOR)
    }

    /// The requests sent within a window after `first` that got a non-429 answer.
    fn got_through_after(&self, first: Instant) -> usize {
        self.answered
            .iter()
            .filter(|t| **t >= first && t.saturating_duration_since(first) < RATE_WINDOW)
            .count()
    }

    /// Whether the current episode is a limit's rather than a stray 429's (another client on
    /// the key, a provider's hiccup): past a limit, the requests sent after the first 429 draw
    /// 429s too, at least [`CONFIRMING_429S`] and more than get through; after a stray one,
    /// they get through. An episode that follows an inconclusive one (too few requests in
    /// flight to tell) within a few windows, with no more through than drew 429s, is a
    /// limit's too: a limit's 429s come back every window, a stray's do not. Once confirmed,
    /// an episode stays so.
    fn confirm(&mut self) -> bool {
        if !self.confirmed
            && let Some(first) = self.first_429()
        {
            let later_429s = self.episode.len() - 1;
            let later_ok = self.got_through_after(first);
            let again = self
                .inconclusive_at
                .is_some_and(|t| first.saturating_duration_since(t) < INCONCLUSIVE_FOR);
            self.confirmed = (again && later_ok <= later_429s)
                || (later_429s >= CONFIRMING_429S && later_429s > later_ok);
        }
        self.confirmed
    }

    /// Starts a new episode of 429s with the rate in force `before` it, noting whether the
    /// last one was inconclusive: unconfirmed, and no more of the requests sent after its
    /// first 429 got through than drew one (requests reach the provider in about the order
    /// they were sent, not exactly, so one past a limit may get through where a later one did
    /// not; after a stray 429 they all get through).
    fn new_episode(&mut self, before: Option<f64>) {
        self.inconclusive_at = self
            .first_429()
            .filter(|first| !self.confirmed && self.got_through_after(*first) < self.episode.len());
        self.episode.clear();
        self.confirmed = false;
        self.before = before;
    }

    /// What the current episode says got through: the most that did in the window before any
    /// of its 429s (the answers to one burst come back in any order), never more than the
    /// rate before it. `None` outside an episode or before it is confirmed.
    fn estimate(&self) -> Option<f64> {
        if !self.confirmed {
            return None;
        }
        let most = self
            .episode
            .iter()
            .map(|sent| self.got_through(*sent))
            .fold(None, |m: Option<f64>, n| Some(m.map_or(n, |m| m.max(n))))?;
        Some(self.before.map_or(most, |before| most.min(before)))
    }

    /// Whether an answer to a request sent at `sent` bears on the current episode: it was
    /// sent in the window before one of its 429s, so it was in flight when that 429 came.
    fn in_episode(&self, sent: Instant) -> bool {
        match (self.first_429(), self.episode.iter().max()) {
            (Some(first), Some(last)) => {
                sent <= *last && first.saturating_duration_since(sent) < RATE_WINDOW
            }
            _ => false,
        }
    }
}

impl AccountGate {
    /// A gate with an optional rate and a concurrency bound.
    pub fn new(rate: Option<f64>, concurrency: usize) -> Self {
        Self::of(None, Limit::configured(rate), concurrency)
    }

    /// A gate of `provider`'s (named in the logs of its learned rate), starting from `limit`.
    pub fn of(provider: Option<crate::model::Provider>, limit: Limit, concurrency: usize) -> Self {
        let limiter = OnceLock::new();
        let configured = limit.per_second().and_then(RateLimiter::new).map(|r| {
            let per_second = r.per_second();
            let _ = limiter.set(r);
            per_second
        });
        let concurrency = concurrency.max(1);
        let permits = if limit == Limit::Unknown {
            SLOW_START.min(concurrency)
        } else {
            concurrency
        };
        Self {
            provider,
            configured,
            rate: limiter,
            learning: std::sync::Mutex::new(Learning {
                permits,
                ..Learning::default()
            }),
            paused_until: std::sync::Mutex::default(),
            provider_permits: Arc::new(Semaphore::new(permits)),
            concurrency,
            expected: Expected::default(),
        }
    }

    /// Lets `to` requests (at most the concurrency) be in flight from now on, if more than now.
    fn widen(&self, learning: &mut Learning, to: usize) {
        let to = to.min(self.concurrency);
        if to > learning.permits {
            self.provider_permits.add_permits(to - learning.permits);
            learning.permits = to;
            learning.widened_at = Some(Instant::now());
        }
    }

    /// While the account starts slowly and no rate holds it: doubles the requests it may have
    /// in flight once a [`RATE_WINDOW`] has passed since the last widening and the last 429,
    /// unless 429s not yet told from a stray's came within the last three windows (the next
    /// window's are what confirms them, and should come from as few requests as these).
    fn ramp_up(&self, learning: &mut Learning, now: Instant) {
        if learning.permits >= self.concurrency
            || self.rate.get().is_some()
            || learning.unresolved(now)
        {
            return;
        }
        let since = learning.widened_at.max(learning.calm_from);
        match since {
            Some(t) if now.saturating_duration_since(t) >= RATE_WINDOW => {
                let to = learning.permits * 2;
                self.widen(learning, to);
            }
            Some(_) => {}
            None => learning.widened_at = Some(now),
        }
    }

    fn learning(&self) -> std::sync::MutexGuard<'_, Learning> {
        self.learning
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The rate learning never goes above: the configured or announced one, the lower.
    fn ceiling(&self, learning: &Learning) -> Option<f64> {
        match (self.configured, learning.announced) {
            (Some(configured), Some(announced)) => Some(configured.min(announced)),
            (configured, announced) => configured.or(announced),
        }
    }

    /// Holds requests to `rate` from now on, the requests already sent counting against it,
    /// and ends a slow start (the rate holds the account now); whether that changed the rate.
    fn hold_to(&self, learning: &mut Learning, rate: f64) -> bool {
        self.widen(learning, self.concurrency);
        if let Some(limiter) = self.rate.get() {
            if limiter.per_second() == rate {
                return false;
            }
            limiter.set_rate(rate);
        } else if let Some(limiter) = RateLimiter::after(rate, &learning.sent) {
            let _ = self.rate.set(limiter);
        }
        true
    }

    /// Holds requests to `rate` (`learning` says what the rate in force is now), logging a
    /// change.
    fn set_learned(&self, learning: &mut Learning, rate: f64) {
        let ceiling = self.ceiling(learning);
        let rate = ceiling.map_or(rate, |c| rate.min(c));
        learning.learned = ceiling.is_none_or(|c| rate < c);
        if self.hold_to(learning, rate) {
            tracing::debug!(
                provider = self.provider.map_or("-", |p| p.as_str()),
                per_second = rate,
                "rate limit: learned the rate from 429s"
            );
        }
    }

    /// Adopts what an answer told of the account's limit: the limit per window becomes the
    /// rate (a learned lower one stands, and rises no higher).
    fn announced(&self, told: &Announced) {
        let mut learning = self.learning();
        if let Some(reset) = told.reset.map(|reset| reset.min(MAX_TOLD_WINDOW)) {
            let whole = Duration::from_secs(reset.as_secs() + u64::from(reset.subsec_nanos() > 0));
            learning.told_window = learning.told_window.max(whole);
        }
        let window = learning.told_window.max(Duration::from_secs(1));
        if let Some(limit) = told.limit {
            let rate = f64::from(limit) / window.as_secs_f64();
            let first = learning.announced.is_none();
            learning.announced = Some(rate);
            if let Some(ceiling) = self.ceiling(&learning) {
                let current = self.rate.get().map(RateLimiter::per_second);
                let target = match current {
                    Some(current) if learning.learned => current.min(ceiling),
                    _ => ceiling,
                };
                learning.learned = target < ceiling;
                if self.hold_to(&mut learning, target) && first {
                    tracing::debug!(
                        provider = self.provider.map_or("-", |p| p.as_str()),
                        limit,
                        window_s = window.as_secs(),
                        per_second = target,
                        "rate limit: holding to the limit the provider announced"
                    );
                }
            }
        }
    }

    /// Notes a non-429 answer to a request sent at `sent`. If it was in flight when a 429 of
    /// the current episode came, it got through too and the learned rate is counted again;
    /// after a clean stretch while saturated, a learned rate rises.
    fn answered(&self, sent: Instant) {
        let now = Instant::now();
        let mut learning = self.learning();
        learning.remember(sent);
        self.ramp_up(&mut learning, now);
        if learning.in_episode(sent)
            && let Some(estimate) = learning.estimate()
        {
            self.set_learned(&mut learning, estimate);
        }
        let Some(rate) = self
            .rate
            .get()
            .filter(|_| learning.learned)
            .map(RateLimiter::per_second)
        else {
            return;
        };
        let clean = learning
            .calm_from
            .is_none_or(|t| now.saturating_duration_since(t) >= RATE_WINDOW * CLEAN_WINDOWS);
        let saturated = learning
            .saturated_at
            .is_some_and(|t| now.saturating_duration_since(t) <= RATE_WINDOW);
        if clean && saturated {
            learning.calm_from = Some(now);
            learning.episode.clear();
            learning.confirmed = false;
            self.set_learned(&mut learning, rate + (rate / 10.0).max(1.0));
        }
    }

    /// Learns the rate from a 429 to a request sent at `sent`: the requests sent in the window
    /// before it that got a non-429 answer (at least one), never more than the rate in force
    /// before this episode of 429s.
    fn throttled(&self, sent: Instant) {
        let mut learning = self.learning();
        learning.calm_from = Some(Instant::now());
        let same_episode = learning
            .first_429()
            .is_some_and(|first| sent.saturating_duration_since(first) < RATE_WINDOW);
        if !same_episode {
            learning.new_episode(self.rate.get().map(RateLimiter::per_second));
        }
        if learning.episode.len() < MAX_EPISODE {
            learning.episode.push(sent);
        }
        learning.confirm();
        if let Some(estimate) = learning.estimate() {
            self.set_learned(&mut learning, estimate);
        }
    }
}

/// A client's gates, one per [`GateKey`], made on first use and shared from then on.
#[derive(Debug, Default)]
pub struct Limiters {
    gates: std::sync::Mutex<HashMap<GateKey, Arc<AccountGate>>>,
}

impl Limiters {
    /// The gate of `key`, made from `limit` and `concurrency` if it is new.
    pub fn gate(&self, key: GateKey, limit: Limit, concurrency: usize) -> Arc<AccountGate> {
        let provider = key.provider;
        let mut gates = self
            .gates
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        Arc::clone(
            gates
                .entry(key)
                .or_insert_with(|| Arc::new(AccountGate::of(Some(provider), limit, concurrency))),
        )
    }
}

/// The gates one request passes: a pause after a 429, the account's rate, its concurrency,
/// the global concurrency and, when set, the client's budget of records.
#[derive(Debug, Clone)]
pub struct Gates {
    account: Arc<AccountGate>,
    global: Arc<Semaphore>,
    /// The client's budget and the page size this listing asks for.
    records: Option<(Arc<RecordBudget>, u32)>,
}

/// Held while a request is in flight, and by its page until the reader has taken it.
#[derive(Debug)]
pub struct Pass {
    _provider: Option<OwnedSemaphorePermit>,
    _global: Option<OwnedSemaphorePermit>,
    _records: Option<OwnedSemaphorePermit>,
}

impl Gates {
    /// Gates with an optional rate and the two concurrency bounds, shared with no one.
    pub fn new(rate: Option<f64>, provider_concurrency: usize, global: Arc<Semaphore>) -> Self {
        Self::shared(
            Arc::new(AccountGate::new(rate, provider_concurrency)),
            global,
        )
    }

    /// Gates through `account`'s gate (shared with its other partitions) and `global`.
    pub fn shared(account: Arc<AccountGate>, global: Arc<Semaphore>) -> Self {
        Self {
            account,
            global,
            records: None,
        }
    }

    /// These gates, with each request also taking from `budget` the records its account's
    /// pages are expected to hold (`page_size`, what the listing asks for, until one comes).
    pub fn with_budget(self, budget: Arc<RecordBudget>, page_size: u32) -> Self {
        Self {
            records: Some((budget, page_size)),
            ..self
        }
    }

    /// A page of `records` came back: what the account's next requests take from the budget.
    pub fn delivered(&self, records: usize) {
        self.account.expected.came(records);
    }

    /// Requests this provider may have in flight.
    pub fn provider_concurrency(&self) -> usize {
        self.account.concurrency
    }

    /// The rate requests are held to, in requests per second, if any.
    pub fn rate(&self) -> Option<f64> {
        self.account.rate.get().map(RateLimiter::per_second)
    }

    /// Notes that a request of this provider sent at `sent` got an answer other than a 429:
    /// what a 429 counts as having got through.
    pub fn answered(&self, sent: Instant) {
        self.account.answered(sent);
    }

    /// The provider said 429 to a request sent at `sent` and asked for `wait`: holds every
    /// request of this provider back for it, and lowers the rate to what got through in the
    /// window before.
    pub fn throttled(&self, wait: Duration, sent: Instant) {
        self.pause(wait);
        self.account.throttled(sent);
    }

    /// The provider told the account's limit on an answer: holds requests to it (see
    /// [`Announced`]).
    pub fn announced(&self, told: &Announced) {
        self.account.announced(told);
    }

    /// Holds every request of this provider back for `wait`.
    pub fn pause(&self, wait: Duration) {
        let until = Instant::now() + wait;
        if let Ok(mut paused) = self.account.paused_until.lock() {
            *paused = Some(paused.map_or(until, |p| p.max(until)));
        }
    }

    fn paused_until(&self) -> Option<Instant> {
        self.account
            .paused_until
            .lock()
            .ok()
            .and_then(|p| *p)
            .filter(|until| *until > Instant::now())
    }

    /// Waits until a request may go out.
    pub async fn enter(&self) -> Pass {
        // meetkit never closes these semaphores, so acquiring cannot fail.
        let provider = Arc::clone(&self.account.provider_permits)
            .acquire_owned()
            .await
            .ok();
        let global = Arc::clone(&self.global).acquire_owned().await.ok();
        let records = match &self.records {
            Some((budget, page_size)) => budget.take(self.account.expected.next(*page_size)).await,
            None => None,
        };
        loop {
            while let Some(until) = self.paused_until() {
                tracing::trace!(
                    wait_ms = until.saturating_duration_since(Instant::now()).as_millis() as u64,
                    "rate limit: waiting out the provider's pause"
                );
                tokio::time::sleep_until(until).await;
            }
            if let Some(rate) = self.account.rate.get() {
                let asked = Instant::now();
                rate.acquire().await;
                let waited = asked.elapsed();
                if !waited.is_zero() {
                    self.account.learning().saturated_at = Some(Instant::now());
                    tracing::trace!(
                        waited_ms = waited.as_millis() as u64,
                        per_second = rate.per_second(),
                        "rate limit: waited for a slot"
                    );
                }
            }
            // A 429 may have come in while this request waited for its slot.
            if self.paused_until().is_none() {
                break;
            }
        }
        if self.account.rate.get().is_none() {
            // What a rate made later counts against it.
            self.account.learning().went_out();
        }
        Pass {
            _provider: provider,
            _global: global,
            _records: records,
        }
    }
}

#[cfg(test)]
#[path = "ratelimit_tests.rs"]
mod tests;
