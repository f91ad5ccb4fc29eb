//! Tenants: one sandbox serves many accounts of every provider at once.
//!
//! A credential ending in `~NAME` (an API key `sandbox_daily_api_key~acme`, a Zoom account id
//! `sandbox_zoom_account~acme` and the access tokens minted for it) selects tenant `NAME`: its
//! own dataset (seeded from the sandbox's seed and the name), ground truth, rate-limit windows,
//! request counts and minted tokens. Credentials without a suffix are the default tenant's, so
//! single-account clients see the sandbox exactly as before. Tenants are made on first use.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use axum::http::{HeaderValue, header};
use chrono::{DateTime, Utc};

use crate::data::Dataset;
use crate::data::hash::{mix, splitmix64};
use crate::faults::FaultDice;
use crate::http::Ctx;
use crate::ratelimit::RateLimiter;
use crate::state::AppState;
use crate::{SandboxConfig, credentials};

/// Every tenant of a running sandbox.
#[derive(Debug)]
pub struct Tenants {
    default: Arc<AppState>,
    named: Mutex<HashMap<String, Arc<AppState>>>,
    config: SandboxConfig,
    now: DateTime<Utc>,
    authority: String,
    started: Instant,
}

/// The seed of tenant `name`'s dataset: a hash of the sandbox's seed and the name.
pub fn tenant_seed(seed: u64, name: &str) -> u64 {
    name.bytes()
        .fold(splitmix64(seed ^ 0x7e4a_4700_u64), |h, b| {
            mix(h, u64::from(b), 0x51)
        })
}

fn state(
    config: SandboxConfig,
    seed: u64,
    now: DateTime<Utc>,
    authority: &str,
    started: Instant,
) -> AppState {
    AppState {
        ds: Dataset::new(seed, config.meetings, now),
        dice: FaultDice::new(seed),
        limiter: RateLimiter::default(),
        zoom_tokens: Mutex::new(HashMap::new()),
        zoom_heavy_calls: Default::default(),
        started,
        authority: authority.to_owned(),
        requests: Default::default(),
        counts: Mutex::new(HashMap::new()),
        config,
    }
}

impl Tenants {
    /// The default tenant (the sandbox's own seed) and room for named ones.
    pub fn new(config: SandboxConfig, now: DateTime<Utc>, authority: String) -> Self {
        let started = Instant::now();
        let default = Arc::new(state(config.clone(), config.seed, now, &authority, started));
        Self {
            default,
            named: Mutex::new(HashMap::new()),
            config,
            now,
            authority,
            started,
        }
    }

    /// The default tenant.
    pub fn default_tenant(&self) -> &Arc<AppState> {
        &self.default
    }

    /// Tenant `name` (`None`: the default one), made on first use.
    pub fn get(&self, name: Option<&str>) -> Arc<AppState> {
        let Some(name) = name else {
            return Arc::clone(&self.default);
        };
        let mut named = self.named.lock().unwrap_or_else(PoisonError::into_inner);
        Arc::clone(named.entry(name.to_owned()).or_insert_with(|| {
            Arc::new(state(
                self.config.clone(),
                tenant_seed(self.config.seed, name),
                self.now,
                &self.authority,
                self.started,
            ))
        }))
    }

    /// Every tenant made so far, the default first.
    pub fn all(&self) -> Vec<Arc<AppState>> {
        let named = self.named.lock().unwrap_or_else(PoisonError::into_inner);
        std::iter::once(Arc::clone(&self.default))
            .chain(named.values().cloned())
            .collect()
    }
}

/// Splits a credential into its value and the tenant its `~NAME` suffix names.
pub fn split(value: &str) -> (&str, Option<&str>) {
    match value.rsplit_once(credentials::TENANT_SEPARATOR) {
        Some((base, name)) if !name.is_empty() => (base, Some(name)),
        _ => (value, None),
    }
}

/// The tenant a request's `Authorization` header names, and the request with the suffix
/// removed (so each provider's auth check sees the plain credential).
pub fn from_authorization(mut ctx: Ctx) -> (Option<String>, Ctx) {
    let Some(value) = ctx.authorization() else {
        return (None, ctx);
    };
    let (base, name) = split(value);
    let Some(name) = name.map(str::to_owned) else {
        return (None, ctx);
    };
    if let Ok(stripped) = HeaderValue::from_str(base) {
        ctx.headers.insert(header::AUTHORIZATION, stripped);
    }
    (Some(name), ctx)
}

/// The account name of the default tenant, as meetkit names the environment's account.
pub(crate) const DEFAULT_TENANT: &str = "default";

/// The tenant an account name selects: `None` for the default tenant.
pub(crate) fn tenant_of(account: &str) -> Option<&str> {
    (account != DEFAULT_TENANT).then_some(account)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_suffix_names_the_tenant_and_plain_credentials_the_default() {
        assert_eq!(split("Bearer key~acme"), ("Bearer key", Some("acme")));
        assert_eq!(split("Bearer key"), ("Bearer key", None));
        assert_eq!(split("key~"), ("key~", None));
        assert_ne!(tenant_seed(0, "a"), tenant_seed(0, "b"));
        assert_ne!(tenant_seed(0, "a"), tenant_seed(1, "a"));
    }
}
