//! Documented rate limits, enforced when `SandboxConfig::rate_limits` is on.
//!
//! A fixed one-second window per provider on the real clock, at the rate meetkit's provider
//! registry gives (`ProviderInfo::enforced_rate`: Zoom 10 req/s, Heavy on Pro; Daily 20;
//! Telnyx 20 and Attention 10, which they enforce without publishing; Attendee does not
//! throttle GETs).

use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::Provider;

/// Requests per second allowed for `p`, `None` when unthrottled.
pub fn limit(p: Provider) -> Option<u32> {
    let provider = p.as_str().parse::<meetkit::Provider>().ok()?;
    meetkit::registry::info(provider)
        .enforced_rate()
        .map(|rate| rate as u32)
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
