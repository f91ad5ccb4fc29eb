//! Client-side rate limiting and concurrency bounds per provider account.
//!
//! A provider's documented rate (Zoom Heavy 10/s, Daily 20/s) is enforced as "at most `rate`
//! requests in any window of one second", with a small margin for the network: a client that
//! obeys this never trips a fixed-window or a sliding-window limiter on the provider's side,
//! and can still send a whole second's worth at once instead of spacing every request out.
//! After a 429 the whole provider pauses for the `Retry-After` it was given, not just the
//! request that drew it, so the other requests in flight do not pile more 429s on top. (No
//! rate is guessed from a 429: a stray one would throttle the rest of a listing to whatever
//! had just happened to succeed.)
//! Concurrency is bounded per provider account and across all of them with semaphores.
//!
//! Providers limit each account on its own, so each account has its own gate: two Zoom accounts
//! each get their own 10/s. A client keeps one gate per [`GateKey`] in its [`Limiters`], shared
//! by every partition of that account it runs (a provider that limits classes of calls
//! separately gets a gate per class).

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{Mutex, OwnedSemaphorePermit, Semaphore};
use tokio::time::Instant;

/// The window a rate is counted over, plus a margin for requests that reach the provider a
/// little later than they left (the provider's window may start at its first arrival).
pub const RATE_WINDOW: Duration = Duration::from_millis(1_030);

/// Allows at most `rate` requests in any [`RATE_WINDOW`].
#[derive(Debug)]
pub struct RateLimiter {
    rate: f64,
    burst: usize,
    window: Duration,
    sent: Mutex<VecDeque<Instant>>,
}

impl RateLimiter {
    /// A limiter for `rate` requests per second (must be positive). A rate below one a
    /// second becomes one request per `1 / rate` seconds.
    pub fn new(rate: f64) -> Option<Self> {
        if !(rate.is_finite() && rate > 0.0) {
            return None;
        }
        let (burst, window) = if rate >= 1.0 {
            (rate.floor().min(1e6) as usize, RATE_WINDOW)
        } else {
            (1, Duration::from_secs_f64(1.0 / rate).max(RATE_WINDOW))
        };
        Some(Self {
            rate,
            burst,
            window,
            sent: Mutex::new(VecDeque::with_capacity(burst + 1)),
        })
    }

    /// The rate, in requests per second.
    pub fn per_second(&self) -> f64 {
        self.rate
    }

    /// Waits for the next free slot and takes it.
    pub async fn acquire(&self) {
        let slot = {
            let mut sent = self.sent.lock().await;
            let now = Instant::now();
            // The slot opens one window after the `burst`-th latest slot taken.
            let slot = if sent.len() >= self.burst {
                sent.front()
                    .map_or(now, |&oldest| (oldest + self.window).max(now))
            } else {
                now
            };
            sent.push_back(slot);
            while sent.len() > self.burst {
                sent.pop_front();
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

/// One provider account's limits: its rate, the pause a 429 asked for, its concurrency.
#[derive(Debug)]
pub struct AccountGate {
    rate: Option<RateLimiter>,
    paused_until: std::sync::Mutex<Option<Instant>>,
    provider: Arc<Semaphore>,
    concurrency: usize,
}

impl AccountGate {
    /// A gate with an optional rate and a concurrency bound.
    pub fn new(rate: Option<f64>, concurrency: usize) -> Self {
        Self {
            rate: rate.and_then(RateLimiter::new),
            paused_until: std::sync::Mutex::default(),
            provider: Arc::new(Semaphore::new(concurrency.max(1))),
            concurrency: concurrency.max(1),
        }
    }
}

/// A client's gates, one per [`GateKey`], made on first use and shared from then on.
#[derive(Debug, Default)]
pub struct Limiters {
    gates: std::sync::Mutex<HashMap<GateKey, Arc<AccountGate>>>,
}

impl Limiters {
    /// The gate of `key`, made with `rate` and `concurrency` if it is new.
    pub fn gate(&self, key: GateKey, rate: Option<f64>, concurrency: usize) -> Arc<AccountGate> {
        let mut gates = self
            .gates
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        Arc::clone(
            gates
                .entry(key)
                .or_insert_with(|| Arc::new(AccountGate::new(rate, concurrency))),
        )
    }
}

/// The gates one request passes: a pause after a 429, the account's rate, its concurrency,
/// the global concurrency.
#[derive(Debug, Clone)]
pub struct Gates {
    account: Arc<AccountGate>,
    global: Arc<Semaphore>,
}

/// Held while a request is in flight.
#[derive(Debug)]
pub struct Pass {
    _provider: Option<OwnedSemaphorePermit>,
    _global: Option<OwnedSemaphorePermit>,
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
        Self { account, global }
    }

    /// Requests this provider may have in flight.
    pub fn provider_concurrency(&self) -> usize {
        self.account.concurrency
    }

    /// The rate requests are held to, in requests per second, if any.
    pub fn rate(&self) -> Option<f64> {
        self.account.rate.as_ref().map(RateLimiter::per_second)
    }

    /// Holds every request of this provider back for `wait` (the provider said 429).
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
        let provider = Arc::clone(&self.account.provider)
            .acquire_owned()
            .await
            .ok();
        let global = Arc::clone(&self.global).acquire_owned().await.ok();
        loop {
            while let Some(until) = self.paused_until() {
                tracing::trace!(
                    wait_ms = until.saturating_duration_since(Instant::now()).as_millis() as u64,
                    "rate limit: waiting out the provider's pause after a 429"
                );
                tokio::time::sleep_until(until).await;
            }
            if let Some(rate) = &self.account.rate {
                let asked = Instant::now();
                rate.acquire().await;
                let waited = asked.elapsed();
                if !waited.is_zero() {
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
        Pass {
            _provider: provider,
            _global: global,
        }
    }
}

#[cfg(test)]
#[path = "ratelimit_tests.rs"]
mod tests;
