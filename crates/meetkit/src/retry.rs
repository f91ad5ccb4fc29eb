//! Retries: which failures are worth another attempt, how long to wait, and `Retry-After`.
//!
//! Connection errors, timeouts, truncated or garbled bodies, 408, 429 and 5xx are retried with
//! exponential backoff and full jitter. A `Retry-After` — seconds, an HTTP date, or Zoom's ISO
//! timestamp — replaces the backoff, capped at `max_retry_after`, and never drops below
//! `min_rate_limit_delay` after a 429, so `Retry-After: 0` cannot become a tight loop.

use std::time::{Duration, SystemTime};

use chrono::{DateTime, Utc};
use rand::Rng;
use reqwest::header::HeaderMap;
use tokio::time::Instant;

use crate::error::{Failure, Next, ProviderErrorKind};
use crate::ratelimit::Gates;

/// 429s with a `Retry-After` one request waits out before they count as failed attempts.
const MAX_THROTTLED_WAITS: u32 = 60;

/// Retry policy for failed requests.
#[derive(Clone, Debug)]
pub struct RetryOptions {
    /// Attempts per request, the first included (default 6).
    pub max_attempts: u32,
    /// First backoff (default 200 ms); doubles each attempt, with full jitter.
    pub base_delay: Duration,
    /// Longest backoff between attempts (default 20 s).
    pub max_delay: Duration,
    /// Longest wait honoured from a `Retry-After` (default 120 s); longer waits fail the window.
    pub max_retry_after: Duration,
    /// Shortest wait after a 429, even when `Retry-After` says 0 (default 250 ms).
    pub min_rate_limit_delay: Duration,
}

impl Default for RetryOptions {
    fn default() -> Self {
        Self {
            max_attempts: 6,
            base_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(20),
            max_retry_after: Duration::from_secs(120),
            min_rate_limit_delay: Duration::from_millis(250),
        }
    }
}

/// Parses a `Retry-After` value in any of its three shapes into a wait from `now`.
/// A time in the past is a zero wait; an unparseable value is `None`.
pub fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    if let Ok(seconds) = value.parse::<f64>() {
        return (seconds.is_finite() && seconds >= 0.0)
            .then(|| Duration::from_secs_f64(seconds.min(1e9)));
    }
    let at: SystemTime = if let Ok(t) = httpdate::parse_http_date(value) {
        t
    } else if let Ok(t) = DateTime::parse_from_rfc3339(value) {
        t.with_timezone(&Utc).into()
    } else if let Ok(t) = chrono::NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M:%S%.f") {
        // Zoom's timestamps sometimes come without an offset; they are UTC.
        t.and_utc().into()
    } else {
        return None;
    };
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

/// The wait a response asks for: `Retry-After`, else Telnyx's `x-ratelimit-reset` (seconds).
pub fn retry_after_from_headers(headers: &HeaderMap) -> Option<Duration> {
    let now = SystemTime::now();
    let read = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    read("retry-after")
        .and_then(|v| parse_retry_after(v, now))
        .or_else(|| {
            read("x-ratelimit-reset")
                .and_then(|v| v.trim().parse::<f64>().ok())
                .map(|s| Duration::from_secs_f64(s.clamp(0.0, 1e9)))
        })
}

/// How long to wait before attempt `attempt + 1` (attempts count from 1), or `None` when the
/// attempts are used up.
pub fn delay(
    options: &RetryOptions,
    attempt: u32,
    retry_after: Option<Duration>,
    rate_limited: bool,
) -> Option<Duration> {
    if attempt >= options.max_attempts {
        return None;
    }
    let floor = if rate_limited {
        options.min_rate_limit_delay
    } else {
        Duration::ZERO
    };
    let wait = match retry_after {
        Some(asked) => asked.min(options.max_retry_after),
        None => {
            let exp = options
                .base_delay
                .saturating_mul(1u32 << (attempt.saturating_sub(1)).min(16))
                .min(options.max_delay);
            // Full jitter: spreads retries of many concurrent windows apart.
            let millis = exp.as_millis().min(u128::from(u64::MAX)) as u64;
            Duration::from_millis(rand::rng().random_range(0..=millis))
        }
    };
    Some(wait.max(floor))
}

/// One request's tries so far: its failed attempts, which `max_attempts` bounds, and the 429s
/// that said when to come back, which it does not. Those are waits the provider asked for, not
/// failures: under an undocumented limit, every window resuming at once after a pause would
/// otherwise fail the unlucky ones. They have a bound of their own, [`MAX_THROTTLED_WAITS`].
/// Every request meetkit retries (a page, Zoom's users) counts its tries with one of these.
#[derive(Debug)]
pub(crate) struct Attempts {
    /// The current attempt's number, from 1.
    attempt: u32,
    /// 429 waits with a `Retry-After` so far.
    throttled: u32,
}

/// The wait before the next try, from [`Attempts::backoff`].
#[derive(Debug)]
pub(crate) struct Backoff {
    /// How long to wait.
    pub wait: Duration,
    /// Whether the failure was a 429: the limit is the provider's, so the caller pauses the
    /// provider's gates for `wait`, not only this request.
    pub rate_limited: bool,
    /// The number of the attempt that failed, from 1.
    pub attempt: u32,
}

impl Attempts {
    /// No try made yet: the next is attempt 1.
    pub(crate) fn new() -> Self {
        Self {
            attempt: 1,
            throttled: 0,
        }
    }

    /// The tries made so far, 429 waits included: what an error reports as its attempts.
    pub(crate) fn made(&self) -> u32 {
        self.attempt + self.throttled
    }

    /// Counts the try that ended in `failure` and says how long to wait before the next, or
    /// `None` when `failure` is final: not retryable, or its attempts are used up.
    pub(crate) fn backoff(&mut self, options: &RetryOptions, failure: &Failure) -> Option<Backoff> {
        let Next::Retry { after } = failure.next else {
            return None;
        };
        let rate_limited = failure.error.kind == ProviderErrorKind::RateLimited;
        let asked_to_wait = rate_limited && after.is_some() && self.throttled < MAX_THROTTLED_WAITS;
        let counted = if asked_to_wait { 1 } else { self.attempt };
        let wait = delay(options, counted, after, rate_limited)?;
        let attempt = self.attempt;
        if asked_to_wait {
            self.throttled += 1;
        } else {
            self.attempt += 1;
        }
        Some(Backoff {
            wait,
            rate_limited,
            attempt,
        })
    }

    /// [`backoff`](Self::backoff) for a try sent at `sent` through `gates`, which it reports
    /// to: an answer other than a 429 got through, and a 429 that is retried pauses the whole
    /// account for its wait and teaches it its rate. Every request that retries behind the
    /// gates counts its failures here.
    pub(crate) fn failed(
        &mut self,
        options: &RetryOptions,
        failure: &Failure,
        gates: &Gates,
        sent: Instant,
    ) -> Option<Backoff> {
        if failure.error.kind != ProviderErrorKind::RateLimited {
            gates.answered(sent);
        }
        let backoff = self.backoff(options, failure)?;
        if backoff.rate_limited {
            // The limit is the provider's, not this request's: hold them all, and learn the
            // rate from what got through.
            gates.throttled(backoff.wait, sent);
        }
        Some(backoff)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ProviderError;
    use crate::model::Provider;

    fn failure(kind: ProviderErrorKind, after: Option<Duration>) -> Failure {
        Failure {
            error: ProviderError::new(Provider::Zoom, "list", kind, "failed"),
            next: Next::Retry { after },
        }
    }

    #[test]
    fn asked_for_waits_do_not_use_up_the_attempts() {
        let options = RetryOptions {
            max_attempts: 2,
            ..RetryOptions::default()
        };
        let mut tries = Attempts::new();
        let throttled = failure(ProviderErrorKind::RateLimited, Some(Duration::from_secs(1)));
        for _ in 0..MAX_THROTTLED_WAITS {
            let backoff = tries.backoff(&options, &throttled);
            assert_eq!(
                backoff.map(|b| (b.wait, b.rate_limited, b.attempt)),
                Some((Duration::from_secs(1), true, 1))
            );
        }
        // Past its own bound, a 429 counts as a failed attempt like any other.
        assert!(tries.backoff(&options, &throttled).is_some());
        assert!(tries.backoff(&options, &throttled).is_none());
        assert_eq!(tries.made(), MAX_THROTTLED_WAITS + 2);
    }

    #[test]
    fn failures_count_against_max_attempts_and_final_ones_are_not_retried() {
        let options = RetryOptions {
            max_attempts: 3,
            base_delay: Duration::ZERO,
            ..RetryOptions::default()
        };
        let mut tries = Attempts::new();
        let server = failure(ProviderErrorKind::Server, None);
        assert_eq!(tries.backoff(&options, &server).map(|b| b.attempt), Some(1));
        assert_eq!(tries.backoff(&options, &server).map(|b| b.attempt), Some(2));
        assert!(tries.backoff(&options, &server).is_none());
        assert_eq!(tries.made(), 3);
        let mut fresh = Attempts::new();
        let stop = Failure::fatal(ProviderError::new(
            Provider::Zoom,
            "list",
            ProviderErrorKind::Auth,
            "no",
        ));
        assert!(fresh.backoff(&options, &stop).is_none());
        assert_eq!(fresh.made(), 1);
    }

    fn now() -> SystemTime {
        SystemTime::UNIX_EPOCH + Duration::from_secs(1_795_000_000)
    }

    #[test]
    fn retry_after_seconds() {
        assert_eq!(
            parse_retry_after("120", now()),
            Some(Duration::from_secs(120))
        );
        assert_eq!(parse_retry_after(" 0 ", now()), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("-3", now()), None);
    }

    #[test]
    fn retry_after_http_date_and_iso() {
        let in_30s: DateTime<Utc> = DateTime::<Utc>::from(now()) + chrono::Duration::seconds(30);
        let http = httpdate::fmt_http_date(in_30s.into());
        assert_eq!(
            parse_retry_after(&http, now()),
            Some(Duration::from_secs(30))
        );
        let iso = in_30s.to_rfc3339();
        assert_eq!(
            parse_retry_after(&iso, now()),
            Some(Duration::from_secs(30))
        );
        let naive = in_30s.format("%Y-%m-%dT%H:%M:%S").to_string();
        assert_eq!(
            parse_retry_after(&naive, now()),
            Some(Duration::from_secs(30))
        );
        // A date in the past means "now".
        assert_eq!(
            parse_retry_after("Thu, 01 Jan 1970 00:00:00 GMT", now()),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon", now()), None);
    }

    #[test]
    fn zero_retry_after_on_429_still_waits() {
        let options = RetryOptions::default();
        let wait = delay(&options, 1, Some(Duration::ZERO), true);
        assert_eq!(wait, Some(options.min_rate_limit_delay));
    }

    #[test]
    fn retry_after_is_capped_and_attempts_end() {
        let options = RetryOptions::default();
        assert_eq!(
            delay(&options, 1, Some(Duration::from_secs(3600)), true),
            Some(options.max_retry_after)
        );
        assert_eq!(delay(&options, options.max_attempts, None, false), None);
        for attempt in 1..options.max_attempts {
            let wait = delay(&options, attempt, None, false).unwrap_or(Duration::MAX);
            assert!(wait <= options.max_delay);
        }
    }
}
