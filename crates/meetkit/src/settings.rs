//! The settings types every layer reads: one account's credentials and base URL per provider
//! ([`ZoomConfig`], [`ApiKeyConfig`], [`AccountSettings`], [`Account`]), the runtime's knobs
//! ([`RuntimeOptions`]) and the whole [`Config`], plus the base-URL check.
//!
//! This module sits low in the crate: it reads only errors, the model and retry options, so
//! configuration ([`crate::config`]: environment, defaults from the registry), accounts
//! ([`crate::accounts`]: files, entries) and the provider adapters can all use these types
//! without using each other.

use std::collections::BTreeMap;

use meetkit_client_support::{HttpOptions, Secret};
use url::Url;

use crate::error::ConfigError;
use crate::model::Provider;
use crate::retry::RetryOptions;

/// How meetkit authenticates to Zoom.
#[derive(Clone, Debug)]
pub enum ZoomAuth {
    /// A ready access token (`ZOOM_ACCESS_TOKEN`); it cannot be renewed when it expires.
    AccessToken(Secret),
    /// Server-to-Server OAuth: meetkit mints (and re-mints) access tokens itself.
    ServerToServer {
        /// `ZOOM_ACCOUNT_ID`.
        account_id: String,
        /// `ZOOM_CLIENT_ID`.
        client_id: String,
        /// `ZOOM_CLIENT_SECRET`.
        client_secret: Secret,
    },
}

/// Zoom's settings.
#[derive(Clone, Debug)]
pub struct ZoomConfig {
    /// API base URL (`ZOOM_BASE_URL`, default `https://api.zoom.us/v2`).
    pub base_url: String,
    /// OAuth token endpoint (`ZOOM_OAUTH_URL`, default `https://zoom.us/oauth/token`).
    pub oauth_url: String,
    /// Credentials.
    pub auth: ZoomAuth,
    /// Which users an account-wide listing covers (`ZOOM_USER_STATUSES`, default
    /// [`DEFAULT_ZOOM_USER_STATUSES`]): with Server-to-Server OAuth and no `host` filter,
    /// meetkit lists the account's users of these statuses and asks each one's report.
    pub user_statuses: Vec<String>,
    /// Report requests a day this account may spend (`ZOOM_DAILY_REQUEST_BUDGET`, default
    /// [`DEFAULT_ZOOM_DAILY_REQUEST_BUDGET`], Zoom's Pro cap on Heavy calls): a plan that needs
    /// more warns.
    pub daily_request_budget: u64,
}

/// The user statuses an account-wide Zoom listing covers by default: active users, and
/// deactivated ones, whose past meetings are still the organization's history. Pending users
/// (invited, never activated) have never signed in, so they host nothing; Zoom does not even
/// return their id.
pub const DEFAULT_ZOOM_USER_STATUSES: [&str; 2] = ["active", "inactive"];

/// The user statuses Zoom's `GET /users` knows.
pub const ZOOM_USER_STATUSES: [&str; 3] = ["active", "inactive", "pending"];

/// Zoom's daily cap on Heavy requests on the Pro plan (Business and higher: 60,000).
pub const DEFAULT_ZOOM_DAILY_REQUEST_BUDGET: u64 = 30_000;

/// Reads `ZOOM_USER_STATUSES` (comma-separated) and `ZOOM_DAILY_REQUEST_BUDGET`.
pub(crate) fn zoom_listing_settings(
    statuses: Option<String>,
    budget: Option<String>,
) -> Result<(Vec<String>, u64), ConfigError> {
    let statuses = match statuses {
        None => DEFAULT_ZOOM_USER_STATUSES.map(str::to_owned).to_vec(),
        Some(raw) => {
            let mut list: Vec<String> = Vec::new();
            for s in raw.split(',').map(|s| s.trim().to_ascii_lowercase()) {
                if s.is_empty() {
                    continue;
                }
                if !ZOOM_USER_STATUSES.contains(&s.as_str()) {
                    return Err(ConfigError::InvalidOption {
                        name: "ZOOM_USER_STATUSES".to_owned(),
                        reason: format!(
                            "must list some of active, inactive and pending, separated by commas; {s:?} is not one"
                        ),
                    });
                }
                if !list.contains(&s) {
                    list.push(s);
                }
            }
            if list.is_empty() {
                return Err(ConfigError::InvalidOption {
                    name: "ZOOM_USER_STATUSES".to_owned(),
                    reason: "is empty; list some of active, inactive and pending".to_owned(),
                });
            }
            list
        }
    };
    let budget = match budget {
        None => DEFAULT_ZOOM_DAILY_REQUEST_BUDGET,
        Some(raw) => raw.replace(['_', ','], "").parse::<u64>().map_err(|_| {
            ConfigError::InvalidOption {
                name: "ZOOM_DAILY_REQUEST_BUDGET".to_owned(),
                reason: format!(
                    "must be a whole number of report requests a day (30000 on Pro, 60000 on Business and higher), not {raw:?}"
                ),
            }
        })?,
    };
    Ok((statuses, budget))
}

/// Zoom's production OAuth token endpoint.
pub const DEFAULT_ZOOM_OAUTH_URL: &str = "https://zoom.us/oauth/token";

/// An API-key provider's settings (every provider but Zoom).
#[derive(Clone, Debug)]
pub struct ApiKeyConfig {
    /// API base URL (`<PROVIDER>_BASE_URL`).
    pub base_url: String,
    /// The key (`<PROVIDER>_API_KEY`).
    pub api_key: Secret,
}

/// Where a provider's configuration came from, for `meetkit providers`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProviderSource {
    /// The provider.
    pub provider: Provider,
    /// Whether it has credentials.
    pub configured: bool,
    /// Where the credentials came from (`env: DAILY_API_KEY`, `config`, …), or what would
    /// configure it.
    pub credentials: String,
    /// The base URL in use.
    pub base_url: String,
}

/// The runtime's knobs.
#[derive(Clone, Debug)]
pub struct RuntimeOptions {
    /// Retries.
    pub retry: RetryOptions,
    /// Requests in flight across all providers (default 32).
    pub concurrency: usize,
    /// Requests in flight per provider (default 8).
    pub per_provider_concurrency: usize,
    /// Records held at once across all providers and accounts: requested, in flight, or fetched
    /// and not yet taken by the reader (default 32,768, about 64 MB). Each request takes what
    /// its account's pages have lately held; what bounds memory when `concurrency` is high.
    pub records_in_flight: usize,
    /// Client-side rate limit per provider in requests per second; `None` is unlimited.
    /// Defaults: each provider's documented limit in the registry (Zoom 10, Heavy on the Pro
    /// plan; Daily 20). The others publish none and are absent: each of their accounts starts
    /// with a few requests in flight until its answers announce a limit (Telnyx) or its 429s
    /// teach one (see [`RuntimeOptions::limit`]); `None` turns that off too.
    pub rate_limits: BTreeMap<Provider, Option<f64>>,
    /// Page size asked for, per provider (default: each provider's maximum).
    pub page_sizes: BTreeMap<Provider, u32>,
    /// Longest window one listing covers; longer windows are split and fetched concurrently.
    /// Dense windows of Daily and Attention are split further after their first page (see
    /// `paging`), so these start wide: fewer windows, fewer short last pages, fewer requests.
    /// Windows are cut into equal parts of at most this, and never longer than the provider
    /// allows. Defaults: each descriptor's `default_window_days` (Zoom 32, cut by the calendar
    /// month; Daily and Telnyx 365, Attention 90, Attendee 30; the registry says why).
    pub window_spans: BTreeMap<Provider, chrono::Duration>,
    /// HTTP client settings.
    pub http: HttpOptions,
    /// Accept plain-http base URLs on non-loopback hosts.
    pub allow_insecure: bool,
}

/// Everything meetkit needs to reach the providers.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// Zoom, if configured.
    pub zoom: Option<ZoomConfig>,
    /// The API-key providers that are configured, keyed by provider (read and write them with
    /// [`Config::api_key`], [`Config::set_api_key`] and [`Config::api_key_mut`]).
    pub api_keys: BTreeMap<Provider, ApiKeyConfig>,
    /// Runtime knobs.
    pub runtime: RuntimeOptions,
    /// Where each provider's settings came from.
    pub sources: Vec<ProviderSource>,
    /// Named accounts besides the `default` one the fields above configure (see
    /// [`crate::accounts`]); add them with [`Config::add_account`], which refuses duplicates.
    pub accounts: Vec<Account>,
}

impl Config {
    /// The API-key settings of `provider` (not Zoom).
    pub fn api_key(&self, provider: Provider) -> Option<&ApiKeyConfig> {
        self.api_keys.get(&provider)
    }

    /// The API-key settings of `provider` (not Zoom), to change them in place.
    pub fn api_key_mut(&mut self, provider: Provider) -> Option<&mut ApiKeyConfig> {
        self.api_keys.get_mut(&provider)
    }
}

/// One provider's credentials and base URL, as one account holds them.
#[derive(Clone, Debug)]
pub enum AccountSettings {
    /// Zoom's.
    Zoom(ZoomConfig),
    /// An API-key provider's.
    ApiKey(ApiKeyConfig),
}

/// A named provider account.
#[derive(Clone, Debug)]
pub struct Account {
    /// The provider.
    pub provider: Provider,
    /// Its name, unique per provider; meetings listed with it carry it in `Meeting::account`.
    pub name: String,
    /// Its credentials and base URL.
    pub settings: AccountSettings,
    /// Where its credentials came from, for `meetkit providers` (never a secret):
    /// `accounts file accounts.jsonl line 3; zoom_client_secret from env ACME_ZOOM_SECRET`.
    pub source: String,
}

/// Parses and vets a base URL: it must be http(s), and plain http only on loopback or when
/// `allow_insecure` is set. The returned string has no trailing slash.
pub fn check_base_url(
    name: &str,
    value: &str,
    allow_insecure: bool,
) -> Result<String, ConfigError> {
    let url = Url::parse(value).map_err(|e| ConfigError::InvalidUrl {
        name: name.to_owned(),
        value: value.to_owned(),
        reason: e.to_string(),
    })?;
    match url.scheme() {
        "https" => {}
        "http" => {
            let loopback = match url.host() {
                Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
                Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
                Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
                None => false,
            };
            if !loopback && !allow_insecure {
                return Err(ConfigError::InsecureUrl {
                    name: name.to_owned(),
                    value: value.to_owned(),
                });
            }
        }
        other => {
            return Err(ConfigError::InvalidUrl {
                name: name.to_owned(),
                value: value.to_owned(),
                reason: format!("the scheme must be https (or http on loopback), not {other}"),
            });
        }
    }
    if url.host().is_none() {
        return Err(ConfigError::InvalidUrl {
            name: name.to_owned(),
            value: value.to_owned(),
            reason: "it has no host".to_owned(),
        });
    }
    Ok(value.trim_end_matches('/').to_owned())
}
