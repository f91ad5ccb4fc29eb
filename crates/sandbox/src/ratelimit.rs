//! Documented rate limits, enforced when `SandboxConfig::rate_limits` is on.
//!
//! A fixed one-second window per provider on the real clock: Zoom 10 req/s (Heavy, Pro),
//! Daily 20 req/s, Telnyx 20 req/s, Attention 10 req/s; Attendee does not throttle GETs.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::Provider;

/// Requests per second allowed for `p`, `None` when unthrottled.
pub fn limit(p: Provider) -> Option<u32> {
    match p {
        Provider::Zoom => Some(10),
        Provider::Daily => Some(20),
        Provider::Telnyx => Some(20),
        Provider::Attention => Some(10),
        Provider::Attendee => None,
    }
}

/// What a rate-limited answer needs to say.
#[derive(Debug, Clone, Copy)]
pub struct Throttle {
    /// The limit per second.
    pub limit: u32,
    /// Until the window resets.
    pub retry_after: Duration,
}

/// One-second windows per provider.
#[derive(Debug, Default)]
pub struct RateLimiter {
    windows: Mutex<[(Option<Instant>, u32); 5]>,
}

impl RateLimiter {
    /// Counts a request; `Err` when it exceeds the limit. `Ok` carries requests remaining.
    pub fn check(&self, p: Provider) -> Result<u32, Throttle> {
        let Some(limit) = limit(p) else {
            return Ok(u32::MAX);
        };
        let slot = Provider::ALL.iter().position(|q| *q == p).unwrap_or(0);
        let now = Instant::now();
        let Ok(mut windows) = self.windows.lock() else {
            return Ok(limit);
        };
        let (start, count) = &mut windows[slot];
        let begun = match start {
            Some(s) if now.duration_since(*s) < Duration::from_secs(1) => *s,
            _ => {
                *start = Some(now);
                *count = 0;
                now
            }
        };
        if *count >= limit {
            let retry_after = Duration::from_secs(1).saturating_sub(now.duration_since(begun));
            return Err(Throttle { limit, retry_after });
        }
        *count += 1;
        Ok(limit - *count)
    }
}
