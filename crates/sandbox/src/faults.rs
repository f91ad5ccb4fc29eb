//! Seeded, reproducible fault decisions.
//!
//! Request `k` (counted per provider from 1) of a sandbox with seed `s` rolls one die,
//! `mix(s, provider, k)`: the same seed and the same request sequence give the same
//! faults. The die picks at most one of rate limit, server error, reset, truncation and a
//! proxy's error page, in that order of thresholds. Inserts draw from a separate stream keyed the same way.

use std::sync::atomic::{AtomicU64, Ordering};

use axum::http::StatusCode;

use crate::data::hash::{Draw, mix};
use crate::{Faults, Provider};

/// What happens to one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Roll {
    /// Served normally.
    Pass,
    /// Answered 429 in the provider's style.
    RateLimited,
    /// Answered with this 5xx status.
    ServerError(StatusCode),
    /// The connection is dropped without a response.
    Reset,
    /// A successful response whose body is cut short.
    Truncate,
    /// A proxy in front of the provider answers instead: a 502 with an HTML page.
    ProxyError,
}

/// Per-provider request counters and the dice they key.
#[derive(Debug)]
pub struct FaultDice {
    seed: u64,
    counters: [AtomicU64; 5],
}

fn slot(p: Provider) -> usize {
    Provider::ALL.iter().position(|q| *q == p).unwrap_or(0)
}

impl FaultDice {
    /// Dice for a sandbox with `seed`.
    pub fn new(seed: u64) -> Self {
        FaultDice {
            seed,
            counters: Default::default(),
        }
    }

    /// Counts one request to `p` and decides its fate; also returns the request number.
    pub fn roll(&self, p: Provider, faults: &Faults) -> (Roll, u64) {
        let k = self.counters[slot(p)].fetch_add(1, Ordering::SeqCst) + 1;
        if faults.is_none() {
            return (Roll::Pass, k);
        }
        let mut d = Draw::new(mix(self.seed, crate::provider::salt(p), k));
        let u = d.unit();
        let limited = faults.rate_limit_rate;
        let failed = limited + faults.server_error_rate;
        let reset = failed + faults.reset_rate;
        let truncated = reset + faults.truncate_rate;
        let proxied = truncated + faults.proxy_error_rate;
        let roll = if u < limited {
            Roll::RateLimited
        } else if u < failed {
            let statuses = [
                StatusCode::INTERNAL_SERVER_ERROR,
                StatusCode::BAD_GATEWAY,
                StatusCode::SERVICE_UNAVAILABLE,
            ];
            Roll::ServerError(*d.pick(&statuses))
        } else if u < reset {
            Roll::Reset
        } else if u < truncated {
            Roll::Truncate
        } else if u < proxied {
            Roll::ProxyError
        } else {
            Roll::Pass
        };
        (roll, k)
    }

    /// The draw that places records inserted after request `k`.
    pub fn insert_draw(&self, p: Provider, k: u64) -> Draw {
        Draw::new(mix(self.seed ^ 0x1a5e_7700, crate::provider::salt(p), k))
    }
}
