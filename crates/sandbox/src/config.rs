//! Sandbox configuration: port, seed, dataset size, clock, faults (drift among them) and rate limits.

use std::collections::HashMap;
use std::time::Duration;

use chrono::{DateTime, FixedOffset, Offset, Utc};

use crate::Provider;

/// How a sandbox is started.
#[derive(Debug, Clone)]
pub struct SandboxConfig {
    /// Port on 127.0.0.1; `0` picks a free one.
    pub port: u16,
    /// Seed of the procedural dataset and of the fault RNG.
    pub seed: u64,
    /// Meetings per provider (default 2000).
    pub meetings: usize,
    /// The sandbox's "now", fixed for its whole life: the dataset is anchored on it and
    /// every "today" rule (Zoom's six months, Attention's upcoming, Daily's ongoing) uses it.
    /// `None` takes the real time at start. Token TTLs and rate limits use the real clock.
    pub now: Option<DateTime<Utc>>,
    /// Faults applied to every provider without an entry in `per_provider_faults`.
    pub faults: Faults,
    /// Faults for specific providers, replacing `faults` for them.
    pub per_provider_faults: HashMap<Provider, Faults>,
    /// Lifetime of Zoom's `next_page_token` (default 15 minutes).
    pub zoom_token_ttl: Duration,
    /// Enforce each provider's documented rate limit with 429s (default off).
    pub rate_limits: bool,
    /// Zoom's daily cap on Heavy calls (the report): after this many, every report request
    /// answers 429 with `X-RateLimit-Type: Daily-limit` (default `None`: no cap; Zoom's is
    /// 30,000 on Pro).
    pub zoom_daily_heavy_cap: Option<u64>,
    /// The UTC offset of the day in which Zoom reads a report's `from`/`to` dates (default
    /// UTC). Zoom does not document its day boundary; an account's own timezone moves it.
    pub zoom_report_offset: FixedOffset,
    /// The origin (`scheme://host:port`) Attendee's `next`/`previous` URLs name instead of
    /// the request's own, as behind a proxy that rewrites Host or ends TLS without
    /// `X-Forwarded-Proto` (default: the request's Host, over http).
    pub next_origin: Option<String>,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        SandboxConfig {
            port: 0,
            seed: 0,
            meetings: 2000,
            now: None,
            faults: Faults::default(),
            per_provider_faults: HashMap::new(),
            zoom_token_ttl: Duration::from_secs(15 * 60),
            rate_limits: false,
            zoom_daily_heavy_cap: None,
            zoom_report_offset: Utc.fix(),
            next_origin: None,
        }
    }
}

impl SandboxConfig {
    /// The faults in force for `provider`.
    pub fn faults_for(&self, provider: Provider) -> &Faults {
        self.per_provider_faults
            .get(&provider)
            .unwrap_or(&self.faults)
    }
}

/// Seeded, reproducible misbehaviour. Rates are probabilities per request in `0.0..=1.0`;
/// at most one of 429, 5xx, reset, truncation and a proxy's error page hits a request.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Faults {
    /// Added delay before every response.
    pub latency: Duration,
    /// Share of requests answered 429 in the provider's style, with `Retry-After`.
    pub rate_limit_rate: f64,
    /// Share of requests answered 500/502/503.
    pub server_error_rate: f64,
    /// Share of requests whose connection is dropped without a response.
    pub reset_rate: f64,
    /// Share of successful responses whose body is cut short (Content-Length says more).
    pub truncate_rate: f64,
    /// Share of requests answered by a proxy in front of the provider instead: a 502 whose
    /// body is an HTML page, not the provider's JSON error.
    pub proxy_error_rate: f64,
    /// Records inserted into the most recently queried window after each served page.
    pub inserts_per_page: u32,
    /// Every record carries a field and (where it has an enum) a value its spec does not list
    /// (see `drift`).
    pub drift: bool,
}

impl Faults {
    /// No faults at all.
    pub fn none() -> Self {
        Faults::default()
    }

    /// True when no fault can fire.
    pub fn is_none(&self) -> bool {
        *self == Faults::default()
    }
}
