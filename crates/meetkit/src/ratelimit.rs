//! Client-side rate limiting and concurrency bounds per provider.
//!
//! A provider's documented request rate (Zoom Heavy 10/s, Daily 20/s) is enforced by spacing
//! requests evenly, so bursts never trip the provider's own limiter; concurrency is bounded
//! per provider and across all of them with semaphores.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{Mutex, OwnedSemaphorePermit, Semaphore};
use tokio::time::Instant;

/// Spaces requests at most `rate` per second apart.
#[derive(Debug)]
pub struct RateLimiter {
    interval: Duration,
    next: Mutex<Instant>,
}

impl RateLimiter {
    /// A limiter for `rate` requests per second (must be positive).
    pub fn new(rate: f64) -> Option<Self> {
        (rate.is_finite() && rate > 0.0).then(|| Self {
            interval: Duration::from_secs_f64(1.0 / rate),
            next: Mutex::new(Instant::now()),
        })
    }

    /// Waits for the next free slot.
    pub async fn acquire(&self) {
        let slot = {
            let mut next = self.next.lock().await;
            let now = Instant::now();
            let slot = (*next).max(now);
            *next = slot + self.interval;
            slot
        };
        tokio::time::sleep_until(slot).await;
    }
}

/// The gates one request passes: the provider's rate, its concurrency, the global concurrency.
#[derive(Debug, Clone)]
pub struct Gates {
    rate: Option<Arc<RateLimiter>>,
    provider: Arc<Semaphore>,
    concurrency: usize,
    global: Arc<Semaphore>,
}

/// Held while a request is in flight.
#[derive(Debug)]
pub struct Pass {
    _provider: Option<OwnedSemaphorePermit>,
    _global: Option<OwnedSemaphorePermit>,
}

impl Gates {
    /// Gates with an optional rate and the two concurrency bounds.
    pub fn new(rate: Option<f64>, provider_concurrency: usize, global: Arc<Semaphore>) -> Self {
        Self {
            rate: rate.and_then(RateLimiter::new).map(Arc::new),
            provider: Arc::new(Semaphore::new(provider_concurrency.max(1))),
            concurrency: provider_concurrency.max(1),
            global,
        }
    }

    /// Requests this provider may have in flight.
    pub fn provider_concurrency(&self) -> usize {
        self.concurrency
    }

    /// Waits until a request may go out.
    pub async fn enter(&self) -> Pass {
        // meetkit never closes these semaphores, so acquiring cannot fail.
        let provider = Arc::clone(&self.provider).acquire_owned().await.ok();
        let global = Arc::clone(&self.global).acquire_owned().await.ok();
        if let Some(rate) = &self.rate {
            rate.acquire().await;
        }
        Pass {
            _provider: provider,
            _global: global,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn requests_are_spaced_by_the_rate() {
        let Some(limiter) = RateLimiter::new(10.0) else {
            panic!("10/s is a valid rate");
        };
        let start = Instant::now();
        for _ in 0..11 {
            limiter.acquire().await;
        }
        // 11 requests at 10/s: the last goes out 1 s after the first.
        let elapsed = start.elapsed();
        assert!(
            elapsed >= Duration::from_millis(1000) && elapsed < Duration::from_millis(1100),
            "{elapsed:?}"
        );
    }

    #[test]
    fn nonsense_rates_mean_no_limiter() {
        assert!(RateLimiter::new(0.0).is_none());
        assert!(RateLimiter::new(f64::NAN).is_none());
    }
}
