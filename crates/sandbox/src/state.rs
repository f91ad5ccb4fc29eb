//! The state every request handler shares.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use crate::data::Dataset;
use crate::faults::FaultDice;
use crate::ratelimit::RateLimiter;
use crate::{Provider, SandboxConfig};

/// Everything a running sandbox knows.
#[derive(Debug)]
pub struct AppState {
    /// The procedural dataset (and its inserted records).
    pub ds: Dataset,
    /// How the sandbox was started.
    pub config: SandboxConfig,
    /// Fault decisions.
    pub dice: FaultDice,
    /// Rate-limit windows.
    pub limiter: RateLimiter,
    /// Zoom access tokens minted by the OAuth endpoint, with when they expire.
    pub zoom_tokens: Mutex<HashMap<String, Instant>>,
    /// Zoom report (Heavy) calls so far, against `SandboxConfig::zoom_daily_heavy_cap`.
    pub zoom_heavy_calls: AtomicU64,
    /// When the sandbox started (real clock), the epoch of Zoom page tokens.
    pub started: Instant,
    /// `127.0.0.1:PORT`, for requests without a Host header.
    pub authority: String,
    /// List requests received per provider (in `Provider::ALL` order), whatever their fate.
    pub requests: [AtomicU64; 5],
    /// Match counts of recent queries, keyed by (provider, query hash), with the insert
    /// generation they were computed at: a walk counts its window once, not once a page.
    pub counts: Mutex<HashMap<(Provider, u64), (usize, u64)>>,
}

impl AppState {
    /// Counts one list request to `p`.
    pub fn count_request(&self, p: Provider) {
        if let Some(slot) = Provider::ALL.iter().position(|q| *q == p) {
            self.requests[slot].fetch_add(1, Ordering::Relaxed);
        }
    }

    /// The number of records matching query `key` of `p`, cached until records are inserted.
    pub fn count(&self, p: Provider, key: &impl Hash, compute: impl FnOnce() -> u64) -> u64 {
        let mut h = DefaultHasher::new();
        key.hash(&mut h);
        let key = (p, h.finish());
        let generation = self.ds.inserted_len(p);
        if let Ok(counts) = self.counts.lock()
            && let Some((g, n)) = counts.get(&key)
            && *g == generation
        {
            return *n;
        }
        let n = compute();
        if let Ok(mut counts) = self.counts.lock() {
            // Bounded: a long-running sandbox forgets old queries wholesale.
            if counts.len() >= 4096 {
                counts.clear();
            }
            counts.insert(key, (generation, n));
        }
        n
    }

    /// List requests received by `p` so far.
    pub fn request_count(&self, p: Provider) -> u64 {
        Provider::ALL
            .iter()
            .position(|q| *q == p)
            .map_or(0, |slot| self.requests[slot].load(Ordering::Relaxed))
    }
}
