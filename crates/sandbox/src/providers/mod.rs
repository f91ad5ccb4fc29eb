//! The provider APIs, the table the router serves them from ([`apis`]: one generic handler
//! per entry), what the sandbox hands out per provider ([`Handout`]), and the request
//! pipeline they share. Whatever is special about a provider is a field of its `Api` or lives
//! in its own file. The modules are this directory's files (the build script declares them:
//! `<provider>.rs` is a provider's, with its `HANDOUT` and `APIS`; `<provider>_<what>.rs`
//! are its helpers).
//!
//! Every list request runs: latency → the provider's auth check → its documented rate
//! limit (if on) → the fault die (429, 5xx, reset, a proxy's HTML 502) → the handler →
//! truncation (fault) →
//! the insert fault, which adds `inserts_per_page` records to the window the handler just
//! served, after serving it. The drift fault rewrites the records of every served page.

include!(concat!(env!("OUT_DIR"), "/providers.rs"));

use std::sync::Arc;
use std::time::Duration;

use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::Provider;
use crate::faults::Roll;
use crate::http::{self, Ctx};
use crate::listener::KillSwitch;
use crate::ratelimit::{self, Throttle};
use crate::state::AppState;

/// A successfully served page.
#[derive(Debug)]
pub struct Page {
    /// The JSON body.
    pub body: Vec<u8>,
    /// The window the request queried, `[from, to)` in unix seconds: inserts land there.
    pub window: Option<(i64, i64)>,
}

/// One provider's hooks into the pipeline.
#[derive(Debug)]
pub struct Api {
    /// Which provider.
    pub provider: Provider,
    /// The provider's rate-limit class of this operation (Zoom's `Heavy`, `Medium`), as the
    /// registry names it; `None`: the provider's first (its only one).
    pub class: Option<&'static str>,
    /// Checks the credentials, or answers the provider's 401/400.
    pub authorize: fn(&AppState, &Ctx) -> Result<(), Response>,
    /// The provider's 429.
    pub throttled: fn(Throttle) -> Response,
    /// The provider's 5xx.
    pub server_error: fn(StatusCode) -> Response,
    /// Serves the list operation.
    pub list: fn(&AppState, &Ctx) -> Result<Page, Response>,
    /// Rate-limit headers on a served page, from (limit, remaining), when limits are on.
    pub rate_headers: fn(u32, u32) -> Vec<(&'static str, String)>,
    /// The route it is served at, under the provider's prefix
    /// (`/daily/v1/meetings`; `{name}` is a path parameter, handed on as `Ctx::path`).
    pub route: &'static str,
    /// Whether the fault die's 429 applies (Attendee does not throttle GETs, and its spec
    /// has no 429: it serves normally instead).
    pub throttles: bool,
    /// The provider's answer to an unknown path under its prefix, when it has its own body.
    pub not_found: Option<fn() -> Response>,
    /// The enum field of its records that the drift fault gives an undocumented value, and
    /// that value (`None`: its records have no enum field).
    pub drift_value: Option<DriftValue>,
}

/// An enum field of a provider's records and an undocumented value of it (the drift fault).
pub type DriftValue = (&'static str, fn() -> serde_json::Value);

/// Every list operation the sandbox serves, in [`Provider::ALL`] order (each provider's
/// module lists its own in `APIS`): the router serves one generic handler per entry.
pub fn apis() -> impl Iterator<Item = &'static Api> {
    let mut all: Vec<&'static Api> = PROVIDER_APIS
        .iter()
        .flat_map(|a| a.iter().copied())
        .collect();
    all.sort_by_key(|api| Provider::ALL.iter().position(|p| *p == api.provider));
    all.into_iter()
}

/// What the sandbox hands out for one provider, in the shape of the core's descriptor
/// (`meetkit::registry`), which names the variables and keys.
#[derive(Debug)]
pub struct Handout {
    /// Whose.
    pub provider: Provider,
    /// The sandbox's values of the descriptor's first credential set, in its order.
    pub credentials: &'static [&'static str],
    /// The credential that names the tenant (`~NAME` appended) in an account's entry.
    pub tenant_credential: usize,
    /// Other URL settings (a variable of the descriptor's `extra_settings`) and their path
    /// under the sandbox's address.
    pub urls: &'static [(&'static str, &'static str)],
}

/// What the sandbox hands out for `p` (every provider has a module with a `HANDOUT`: a
/// test checks it).
pub fn handout(p: Provider) -> &'static Handout {
    HANDOUTS
        .iter()
        .copied()
        .find(|h| h.provider == p)
        .unwrap_or(HANDOUTS[0])
}

/// The routes that are not list operations (Zoom's OAuth token endpoint).
pub fn extra_routes() -> axum::Router<Arc<crate::tenants::Tenants>> {
    zoom_handle::oauth_routes()
}

/// The answer to an unknown `path`: the provider's own not-found body when the path is under
/// the prefix of a provider that has one.
pub fn not_found(path: &str) -> Option<Response> {
    apis()
        .filter(|api| path.starts_with(&format!("/{}/", api.provider.as_str())))
        .find_map(|api| api.not_found)
        .map(|answer| answer())
}

/// Runs a list request on the tenant its credentials select.
pub async fn serve_tenant(
    tenants: Arc<crate::tenants::Tenants>,
    api: &'static Api,
    kill: KillSwitch,
    ctx: Ctx,
) -> Response {
    let (tenant, ctx) = crate::tenants::from_authorization(ctx);
    let state = tenants.get(tenant.as_deref());
    serve(state, api, kill, ctx).await
}

/// For providers that publish no rate-limit headers.
pub fn no_rate_headers(_: u32, _: u32) -> Vec<(&'static str, String)> {
    Vec::new()
}

/// Runs one list request through the pipeline.
pub async fn serve(
    state: Arc<AppState>,
    api: &'static Api,
    kill: KillSwitch,
    ctx: Ctx,
) -> Response {
    let p = api.provider;
    state.count_request(p);
    let faults = state.config.faults_for(p).clone();
    if !faults.latency.is_zero() {
        tokio::time::sleep(faults.latency).await;
    }
    if let Err(denied) = (api.authorize)(&state, &ctx) {
        return denied;
    }
    let mut headers = Vec::new();
    if state.config.rate_limits {
        match state.limiter.check(p, api.class) {
            Err(throttle) => return (api.throttled)(throttle),
            Ok(remaining) => {
                if let Some(limit) = ratelimit::limit(p, api.class) {
                    headers = (api.rate_headers)(limit, remaining);
                }
            }
        }
    }
    let (roll, k) = state.dice.roll(p, &faults);
    match roll {
        Roll::RateLimited if !api.throttles => {}
        Roll::RateLimited => {
            let limit = ratelimit::limit(p, api.class).unwrap_or(10);
            return (api.throttled)(Throttle {
                limit,
                retry_after: Duration::from_secs(1),
            });
        }
        Roll::ServerError(status) => return (api.server_error)(status),
        Roll::Reset => {
            kill.trigger();
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
        Roll::ProxyError => return http::proxy_error_page(),
        Roll::Pass | Roll::Truncate => {}
    }
    let mut page = match (api.list)(&state, &ctx) {
        Ok(page) => page,
        Err(refused) => return refused,
    };
    if faults.drift {
        page.body = crate::drift::apply(api.drift_value.map(|(f, v)| (f, v())), page.body);
    }
    if faults.inserts_per_page > 0
        && let Some((from, to)) = page.window
    {
        let mut draw = state.dice.insert_draw(p, k);
        state
            .ds
            .insert(p, from, to, faults.inserts_per_page, &mut draw);
    }
    let mut response = if roll == Roll::Truncate {
        http::truncated(StatusCode::OK, page.body)
    } else {
        http::json_bytes(StatusCode::OK, page.body)
    };
    for (name, value) in headers {
        if let Ok(v) = HeaderValue::from_str(&value) {
            response.headers_mut().insert(name, v);
        }
    }
    response
}

/// `Retry-After` in whole seconds, at least 1.
pub fn retry_secs(t: Throttle) -> u64 {
    t.retry_after.as_secs_f64().ceil().max(1.0) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_provider_has_a_module_with_its_handout_and_apis() {
        for p in Provider::ALL {
            assert_eq!(handout(p).provider, p, "{p} has no module with a HANDOUT");
            assert!(apis().any(|api| api.provider == p), "{p} has no APIS");
        }
        let order: Vec<Provider> = apis().map(|api| api.provider).collect();
        let mut sorted = order.clone();
        sorted.sort_by_key(|p| Provider::ALL.iter().position(|q| q == p));
        assert_eq!(order, sorted, "apis() follows Provider::ALL");
    }
}
