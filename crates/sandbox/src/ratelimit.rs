//! Documented rate limits, enforced when `SandboxConfig::rate_limits` is on.
//!
//! A fixed one-second window per provider and rate-limit class on the real clock, at the rate
//! meetkit's provider registry gives (`ProviderInfo::enforced_rate`, or the class's: Zoom's
//! report 10 req/s, Heavy on Pro, and its users list 20, Medium, each counted on its own;
//! Daily 20; Telnyx 20 and Attention 10, which they enforce without publishing; Attendee does
//! not throttle GETs).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::Provider;

/// Requests per second allowed for `p`'s calls of `class` (`None`: its first class), `None`
/// when unthrottled.
pub fn limit(p: Provider, class: Option<&str>) -> Option<u32> {
    let provider = p.as_str().parse::<meetkit::Provider>().ok()?;
    let info = meetkit::registry::info(provider);
    match class {
        Some(class) => info.rate_of(class).map(|r| r.per_second),
        None => info.enforced_rate(),
    }
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

/// A provider and one of its rate-limit classes (`None`: its first).
type Class = (Provider, Option<&'static str>);

/// When a class's current window began, and the requests counted in it.
type Window = (Option<Instant>, u32);

/// One-second windows per provider and class.
#[derive(Debug, Default)]
pub struct RateLimiter {
    windows: Mutex<HashMap<Class, Window>>,
}

impl RateLimiter {
    /// Counts a request of `p`'s `class`; `Err` when it exceeds the limit. `Ok` carries
    /// requests remaining.
    pub fn check(&self, p: Provider, class: Option<&'static str>) -> Result<u32, Throttle> {
        let Some(limit) = limit(p, class) else {
            return Ok(u32::MAX);
        };
        let now = Instant::now();
        let Ok(mut windows) = self.windows.lock() else {
            return Ok(limit);
        };
        let (start, count) = windows.entry((p, class)).or_insert((None, 0));
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
