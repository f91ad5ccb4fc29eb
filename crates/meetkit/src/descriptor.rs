//! What a provider is, as data: the descriptor types every provider's `INFO` fills in
//! (credentials, page sizes, rate limits, filters, bound resolution, paging). The table of all
//! descriptors is [`crate::registry`]; these types sit below the providers, which use them.

use meetkit_client_support::AuthScheme;

use crate::model::Provider;
use crate::query::{FilterName, Filters};
pub use crate::resolution::Resolution;

/// The order of a listing's records by start, when the provider documents one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageOrder {
    /// Oldest first.
    Ascending,
    /// Newest first.
    Descending,
}

/// How an adapter's pages are chained.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PagingStyle {
    /// Each page names the next; pages must be fetched one after another.
    Chained,
    /// Pages are numbered and the first says how many there are; the rest can be fetched at once.
    Numbered,
}

/// One credential a provider takes: its environment variable and config-file key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Credential {
    /// The environment variable (`DAILY_API_KEY`).
    pub env: &'static str,
    /// The key in a config file or a Python keyword (`daily_api_key`).
    pub key: &'static str,
    /// Whether the value is a secret (never printed).
    pub secret: bool,
}

impl Credential {
    /// A secret credential whose config key is its variable in lowercase.
    pub const fn secret(env: &'static str, key: &'static str) -> Self {
        Self {
            env,
            key,
            secret: true,
        }
    }

    /// A credential that is not secret (an account or client id).
    pub const fn plain(env: &'static str, key: &'static str) -> Self {
        Self {
            env,
            key,
            secret: false,
        }
    }
}

/// One documented (or observed) rate limit of a provider.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RateLimit {
    /// The provider's name for the class of calls it applies to (Zoom's `Heavy`), or `all`.
    pub class: &'static str,
    /// Requests a second.
    pub per_second: f64,
    /// Requests a day, where the provider caps them.
    pub per_day: Option<u64>,
    /// Published by the provider. Undocumented limits are what the sandbox enforces to stand
    /// in for a provider that throttles without saying how much; meetkit does not assume them.
    pub documented: bool,
}

/// The response headers in which a provider tells, on its answers, the limit an account is
/// held to (Telnyx's `x-ratelimit-*`). The gate adopts what they say (`ratelimit.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateLimitHeaders {
    /// The requests allowed per window.
    pub limit: &'static str,
    /// The seconds until the window resets.
    pub reset: &'static str,
}

/// Page sizes a provider accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageSize {
    /// What the provider uses when none is asked for.
    pub default: u32,
    /// The most it serves on one page (meetkit asks for this).
    pub max: u32,
}

/// The smallest request of a provider's list operation over a window, as `meetkit doctor` sends
/// it to check an account against the spec: raw, outside the generated client.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Probe {
    /// The operation's id in the spec.
    pub operation: &'static str,
    /// Where the spec lives, relative to the repository (`specs/<p>.yaml`).
    pub spec_path: &'static str,
    /// The spec's text.
    pub spec_text: &'static str,
    /// The request path, below the base URL.
    pub path: &'static str,
    /// Query parameters.
    pub query: Vec<(&'static str, String)>,
    /// Request headers the spec requires (beyond authentication).
    pub headers: &'static [(&'static str, &'static str)],
}

/// Everything meetkit knows about one provider.
#[derive(Clone, Copy, Debug)]
pub struct ProviderInfo {
    /// The provider.
    pub provider: Provider,
    /// The name people write: "Telnyx Video".
    pub display_name: &'static str,
    /// What one record is ("a past meeting instance").
    pub record: &'static str,
    /// What meetkit lists of it, for the CLI's help: "meeting sessions", "Reports API".
    pub listing: &'static str,
    /// The wire names of the fields of its generated record type (what a response's records
    /// may carry without drift), usually `crate::drift::field_names::<RecordType>`.
    pub record_fields: fn() -> &'static [&'static str],
    /// The list operation's id, for errors.
    pub operation: &'static str,
    /// Production base URL.
    pub default_base_url: &'static str,
    /// The environment variable (and, lowercased, the config key) overriding the base URL.
    pub base_url_var: &'static str,
    /// Sets of credentials that configure the provider, in order of preference; each set is
    /// complete on its own.
    pub credentials: &'static [&'static [Credential]],
    /// Other settings it reads from the environment or a config file (Zoom's OAuth URL).
    pub extra_settings: &'static [Credential],
    /// How the API key (or access token) is sent.
    pub auth_scheme: AuthScheme,
    /// What configures it, for messages.
    pub configure_hint: &'static str,
    /// Page sizes.
    pub page_size: PageSize,
    /// The longest window one request may span, in days, where the provider limits it.
    pub longest_window_days: Option<i64>,
    /// How long meetkit's windows are by default, in days (see `RuntimeOptions::window_spans`).
    pub default_window_days: i64,
    /// Rate limits.
    pub rate_limits: &'static [RateLimit],
    /// The headers its answers tell the account's limit in, when meetkit reads them; `None`
    /// when its limits are known otherwise (Zoom's by plan) or it sends none.
    pub rate_limit_headers: Option<RateLimitHeaders>,
    /// The provider-specific filters it can apply.
    pub filters: &'static [FilterName],
    /// Whether meetkit applies the `provider_status` filter itself, comparing it with each
    /// record's raw status, after the provider answered (its API cannot filter all of them).
    pub provider_status_local: bool,
    /// How finely it compares window bounds.
    pub bound_resolution: Resolution,
    /// How its pages chain.
    pub paging: PagingStyle,
    /// The order its records come in, as documented (the adapter's `order` is what the
    /// paging engine relies on).
    pub page_order: &'static str,
    /// A limit of what it serves, for `meetkit providers` (`reports for the last six months
    /// only`); empty when it has none.
    pub serves_only: &'static str,
}

impl ProviderInfo {
    /// The documented per-second limit meetkit keeps by default (the first documented class).
    pub fn default_rate(&self) -> Option<f64> {
        self.rate_limits
            .iter()
            .find(|r| r.documented)
            .map(|r| r.per_second)
    }

    /// The limit of the class of calls named `class` (Zoom's `Medium`), if the provider has one.
    pub fn rate_of(&self, class: &str) -> Option<&'static RateLimit> {
        self.rate_limits.iter().find(|r| r.class == class)
    }

    /// The per-second limit a stand-in for the provider enforces: documented or observed.
    pub fn enforced_rate(&self) -> Option<f64> {
        self.rate_limits.first().map(|r| r.per_second)
    }

    /// The wire names of its generated record type's fields (see `record_fields`).
    pub fn known_fields(&self) -> &'static [&'static str] {
        (self.record_fields)()
    }

    /// Every credential variable it reads.
    pub fn credential_vars(&self) -> impl Iterator<Item = &'static Credential> {
        self.credentials.iter().flat_map(|set| set.iter())
    }

    /// Every environment variable it reads: credentials, the base URL, other settings.
    pub fn setting_vars(&self) -> impl Iterator<Item = &'static str> {
        self.credential_vars()
            .chain(self.extra_settings.iter())
            .map(|c| c.env)
            .chain(std::iter::once(self.base_url_var))
    }

    /// Whether it can apply `filter`.
    pub fn supports(&self, filter: FilterName) -> bool {
        self.filters.contains(&filter)
    }

    /// The filters set in `filters` that it cannot apply.
    pub fn unsupported(&self, filters: &Filters) -> Vec<FilterName> {
        filters
            .set()
            .into_iter()
            .filter(|f| !self.supports(*f))
            .collect()
    }
}
