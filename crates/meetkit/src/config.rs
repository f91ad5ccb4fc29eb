//! Configuration: credentials and base URLs per provider, and the runtime's knobs.
//!
//! Credentials come from explicit values or from the providers' conventional environment
//! variables (`ZOOM_ACCOUNT_ID`/`ZOOM_CLIENT_ID`/`ZOOM_CLIENT_SECRET` or `ZOOM_ACCESS_TOKEN`,
//! `DAILY_API_KEY`, `TELNYX_API_KEY`, `ATTENDEE_API_KEY`, `ATTENTION_API_KEY`) and base URLs
//! from `<PROVIDER>_BASE_URL` (plus `ZOOM_OAUTH_URL`). A base URL that is not https is refused
//! unless it is loopback or explicitly allowed.

use std::collections::BTreeMap;

use meetkit_client_support::{HttpOptions, Secret};

use crate::error::ConfigError;
use crate::model::{DEFAULT_ACCOUNT, Provider};
use crate::ratelimit::Limit;
use crate::registry;
pub use crate::retry::RetryOptions;
use crate::settings::zoom_listing_settings;
pub use crate::settings::{
    Account, AccountSettings, ApiKeyConfig, Config, DEFAULT_ZOOM_DAILY_REQUEST_BUDGET,
    DEFAULT_ZOOM_OAUTH_URL, DEFAULT_ZOOM_USER_STATUSES, ProviderSource, RuntimeOptions,
    ZOOM_USER_STATUSES, ZoomAuth, ZoomConfig, check_base_url,
};

/// One value per provider, read off its descriptor.
fn per_provider<T>(f: impl Fn(&registry::ProviderInfo) -> T) -> BTreeMap<Provider, T> {
    registry::ALL.iter().map(|i| (i.provider, f(i))).collect()
}

impl Default for RuntimeOptions {
    fn default() -> Self {
        Self {
            retry: RetryOptions::default(),
            concurrency: 32,
            per_provider_concurrency: 8,
            records_in_flight: crate::ratelimit::DEFAULT_RECORDS_IN_FLIGHT,
            // Only the documented rates: a provider absent here starts slowly (see `limit`).
            rate_limits: registry::ALL
                .iter()
                .filter_map(|i| Some((i.provider, Some(i.default_rate()?))))
                .collect(),
            page_sizes: per_provider(|i| i.page_size.max),
            window_spans: per_provider(|i| chrono::Duration::days(i.default_window_days)),
            http: HttpOptions::default(),
            allow_insecure: false,
        }
    }
}

impl RuntimeOptions {
    /// What `provider`'s accounts are held to: the rate set in `rate_limits` (`None` there is
    /// no limit), else its documented rate, else nothing known: each account starts slowly
    /// until its answers announce a limit or its 429s teach one (see `ratelimit`).
    pub fn limit(&self, provider: Provider) -> Limit {
        match self.rate_limits.get(&provider) {
            Some(rate) => Limit::configured(*rate),
            None => registry::info(provider)
                .default_rate()
                .map_or(Limit::Unknown, Limit::Rate),
        }
    }

    /// Sets every provider's client-side rate limit off (`None`): no rate and no slow start,
    /// for a stand-in that throttles nothing.
    pub fn unthrottled(&mut self) {
        self.rate_limits = per_provider(|_| None);
    }
}

/// Production base URL of `provider` (from the registry).
pub fn default_base_url(provider: Provider) -> &'static str {
    registry::info(provider).default_base_url
}

/// The environment variable holding `provider`'s API key (Zoom: its access token): the last
/// credential set of its descriptor, which is the single-key one.
pub fn api_key_var(provider: Provider) -> &'static str {
    registry::info(provider)
        .credentials
        .last()
        .and_then(|set| set.first())
        .map_or("", |c| c.env)
}

/// The environment variable holding `provider`'s base URL.
pub fn base_url_var(provider: Provider) -> &'static str {
    registry::info(provider).base_url_var
}

/// What configures `provider`, for messages.
pub fn configure_hint(provider: Provider) -> &'static str {
    registry::info(provider).configure_hint
}

/// tokio's variable for the worker threads of a multi-threaded runtime. The CLI and the Python
/// package build their runtimes with an explicit count, read here, because tokio panics on a
/// value it cannot parse.
pub const WORKER_THREADS_VAR: &str = "TOKIO_WORKER_THREADS";

/// The worker threads that `value`, the value of [`WORKER_THREADS_VAR`], asks for: `None` when
/// it is unset, and an error that says what to set when it is not a whole number of at least
/// one (tokio panics on those).
pub fn worker_threads(value: Option<&str>) -> Result<Option<usize>, ConfigError> {
    let Some(text) = value else {
        return Ok(None);
    };
    match text.trim().parse::<usize>() {
        Ok(n) if n > 0 => Ok(Some(n)),
        _ => Err(ConfigError::InvalidOption {
            name: format!("{WORKER_THREADS_VAR}={text:?}"),
            reason: "is not a number of threads; set it to a whole number of at least 1, or \
                     unset it to use the default"
                .to_owned(),
        }),
    }
}

impl Config {
    /// Reads every provider's settings from the process environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads every provider's settings through `lookup` (an environment, a profile, a map).
    /// Empty values count as unset.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let get = |name: &str| {
            lookup(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let mut config = Config::default();
        for provider in Provider::ALL {
            let base_url = get(base_url_var(provider))
                .unwrap_or_else(|| default_base_url(provider).to_owned());
            let (configured, credentials) = match provider {
                Provider::Zoom => {
                    let oauth_url =
                        get("ZOOM_OAUTH_URL").unwrap_or_else(|| DEFAULT_ZOOM_OAUTH_URL.to_owned());
                    let s2s = [
                        get("ZOOM_ACCOUNT_ID"),
                        get("ZOOM_CLIENT_ID"),
                        get("ZOOM_CLIENT_SECRET"),
                    ];
                    let auth = match (s2s, get("ZOOM_ACCESS_TOKEN")) {
                        ([Some(account_id), Some(client_id), Some(secret)], _) => Some((
                            ZoomAuth::ServerToServer {
                                account_id,
                                client_id,
                                client_secret: Secret::new(secret),
                            },
                            "env: ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET",
                        )),
                        ([None, None, None], Some(token)) => Some((
                            ZoomAuth::AccessToken(Secret::new(token)),
                            "env: ZOOM_ACCESS_TOKEN",
                        )),
                        ([None, None, None], None) => None,
                        ([a, b, _], token) => {
                            if token.is_some() {
                                // An explicit token wins over half-set OAuth credentials.
                                token.map(|t| {
                                    (
                                        ZoomAuth::AccessToken(Secret::new(t)),
                                        "env: ZOOM_ACCESS_TOKEN",
                                    )
                                })
                            } else {
                                let missing = if a.is_none() {
                                    "ZOOM_ACCOUNT_ID"
                                } else if b.is_none() {
                                    "ZOOM_CLIENT_ID"
                                } else {
                                    "ZOOM_CLIENT_SECRET"
                                };
                                return Err(ConfigError::PartialZoomCredentials { missing });
                            }
                        }
                    };
                    match auth {
                        Some((auth, source)) => {
                            let (user_statuses, daily_request_budget) = zoom_listing_settings(
                                get("ZOOM_USER_STATUSES"),
                                get("ZOOM_DAILY_REQUEST_BUDGET"),
                            )?;
                            config.zoom = Some(ZoomConfig {
                                base_url: base_url.clone(),
                                oauth_url,
                                auth,
                                user_statuses,
                                daily_request_budget,
                            });
                            (true, source.to_owned())
                        }
                        None => (false, format!("not set: {}", configure_hint(provider))),
                    }
                }
                _ => match get(api_key_var(provider)) {
                    Some(key) => {
                        config.set_api_key(
                            provider,
                            ApiKeyConfig {
                                base_url: base_url.clone(),
                                api_key: Secret::new(key),
                            },
                        );
                        (true, format!("env: {}", api_key_var(provider)))
                    }
                    None => (false, format!("not set: {}", configure_hint(provider))),
                },
            };
            config.sources.push(ProviderSource {
                provider,
                configured,
                credentials,
                base_url,
            });
        }
        Ok(config)
    }

    /// Sets an API-key provider's settings (Zoom has its own field).
    pub fn set_api_key(&mut self, provider: Provider, settings: ApiKeyConfig) {
        match provider {
            Provider::Zoom => {
                self.zoom = Some(ZoomConfig {
                    base_url: settings.base_url,
                    oauth_url: DEFAULT_ZOOM_OAUTH_URL.to_owned(),
                    auth: ZoomAuth::AccessToken(settings.api_key),
                    user_statuses: DEFAULT_ZOOM_USER_STATUSES.map(str::to_owned).to_vec(),
                    daily_request_budget: DEFAULT_ZOOM_DAILY_REQUEST_BUDGET,
                });
            }
            _ => {
                self.api_keys.insert(provider, settings);
            }
        }
    }

    /// Adds a named account; a second account with the same provider and name (the
    /// environment's being `default`) is refused with an error naming both sources.
    pub fn add_account(&mut self, account: Account) -> Result<(), ConfigError> {
        let taken = if account.name == DEFAULT_ACCOUNT && self.has_default(account.provider) {
            self.sources
                .iter()
                .find(|s| s.provider == account.provider)
                .map(|s| s.credentials.clone())
        } else {
            self.accounts
                .iter()
                .find(|a| a.provider == account.provider && a.name == account.name)
                .map(|a| a.source.clone())
        };
        if let Some(first) = taken {
            return Err(ConfigError::InvalidAccount {
                place: account.source.clone(),
                reason: format!(
                    "{}/{} is already defined ({first}); give each account of a provider its own name",
                    account.provider, account.name
                ),
            });
        }
        self.accounts.push(account);
        Ok(())
    }

    /// Adds every account of `accounts` (see [`Config::add_account`]).
    pub fn add_accounts(
        &mut self,
        accounts: impl IntoIterator<Item = Account>,
    ) -> Result<(), ConfigError> {
        accounts.into_iter().try_for_each(|a| self.add_account(a))
    }

    /// A configuration of `account` alone, with these runtime knobs: what a provider's
    /// connector reads to reach it.
    pub fn for_account(&self, account: &Account) -> Config {
        let mut one = Config {
            runtime: self.runtime.clone(),
            ..Config::default()
        };
        match &account.settings {
            AccountSettings::Zoom(zoom) => one.zoom = Some(zoom.clone()),
            AccountSettings::ApiKey(settings) => {
                one.set_api_key(account.provider, settings.clone())
            }
        }
        one
    }

    /// The names of `provider`'s accounts: `default` first when the environment (or the
    /// fields) configure it, then the named ones in the order they were added.
    pub fn account_names(&self, provider: Provider) -> Vec<&str> {
        let default = self.has_default(provider).then_some(DEFAULT_ACCOUNT);
        default
            .into_iter()
            .chain(
                self.accounts
                    .iter()
                    .filter(|a| a.provider == provider)
                    .map(|a| a.name.as_str()),
            )
            .collect()
    }

    /// Whether the single-account fields configure `provider` (its `default` account).
    pub fn has_default(&self, provider: Provider) -> bool {
        match provider {
            Provider::Zoom => self.zoom.is_some(),
            _ => self.api_keys.contains_key(&provider),
        }
    }

    /// The providers that have credentials, in [`Provider::ALL`] order.
    pub fn configured(&self) -> Vec<Provider> {
        Provider::ALL
            .into_iter()
            .filter(|p| self.is_configured(*p))
            .collect()
    }

    /// Whether `provider` has credentials: its `default` account or a named one.
    pub fn is_configured(&self, provider: Provider) -> bool {
        self.has_default(provider) || self.accounts.iter().any(|a| a.provider == provider)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        Config::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn tokio_worker_threads_is_read_when_it_is_a_positive_number() {
        assert_eq!(worker_threads(None).ok(), Some(None));
        assert_eq!(worker_threads(Some("3")).ok(), Some(Some(3)));
        assert_eq!(worker_threads(Some(" 4 ")).ok(), Some(Some(4)));
        for bad in ["0", "-1", "two", "", "1.5"] {
            let err = worker_threads(Some(bad)).err();
            let err = err.unwrap_or_else(|| panic!("{bad:?} was accepted"));
            let text = err.to_string();
            assert!(text.starts_with(WORKER_THREADS_VAR), "{text}");
            assert!(text.contains("at least 1"), "{text}");
        }
    }

    #[test]
    fn env_configures_what_is_set() -> Result<(), ConfigError> {
        let c = config(&[
            ("DAILY_API_KEY", "k"),
            ("ATTENDEE_BASE_URL", "https://attendee.example.com"),
        ])?;
        assert_eq!(c.configured(), vec![Provider::Daily]);
        let attendee = c.sources.iter().find(|s| s.provider == Provider::Attendee);
        assert_eq!(
            attendee.map(|s| s.base_url.as_str()),
            Some("https://attendee.example.com")
        );
        Ok(())
    }

    #[test]
    fn half_set_zoom_oauth_is_an_error_naming_the_missing_variable() {
        let err = config(&[("ZOOM_ACCOUNT_ID", "a"), ("ZOOM_CLIENT_SECRET", "s")]).err();
        assert!(matches!(
            err,
            Some(ConfigError::PartialZoomCredentials {
                missing: "ZOOM_CLIENT_ID"
            })
        ));
    }

    #[test]
    fn zoom_user_statuses_and_budget_default_and_are_checked() -> Result<(), ConfigError> {
        let s2s = [
            ("ZOOM_ACCOUNT_ID", "a"),
            ("ZOOM_CLIENT_ID", "c"),
            ("ZOOM_CLIENT_SECRET", "s"),
        ];
        let zoom = config(&s2s)?.zoom;
        assert_eq!(
            zoom.as_ref()
                .map(|z| (z.user_statuses.clone(), z.daily_request_budget)),
            Some((vec!["active".to_owned(), "inactive".to_owned()], 30_000))
        );
        let mut vars = s2s.to_vec();
        vars.push(("ZOOM_USER_STATUSES", "Pending, active"));
        vars.push(("ZOOM_DAILY_REQUEST_BUDGET", "60_000"));
        let zoom = config(&vars)?.zoom;
        assert_eq!(
            zoom.map(|z| (z.user_statuses, z.daily_request_budget)),
            Some((vec!["pending".to_owned(), "active".to_owned()], 60_000))
        );
        let mut bad = s2s.to_vec();
        bad.push(("ZOOM_USER_STATUSES", "active,deleted"));
        let err = config(&bad)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            err.contains("ZOOM_USER_STATUSES") && err.contains("\"deleted\""),
            "{err}"
        );
        let mut bad = s2s.to_vec();
        bad.push(("ZOOM_DAILY_REQUEST_BUDGET", "lots"));
        assert!(config(&bad).is_err());
        Ok(())
    }

    #[test]
    fn plain_http_only_on_loopback_unless_allowed() {
        assert!(check_base_url("X", "http://127.0.0.1:8080/zoom/v2", false).is_ok());
        assert!(check_base_url("X", "http://localhost/x", false).is_ok());
        assert!(matches!(
            check_base_url("X", "http://api.example.com", false),
            Err(ConfigError::InsecureUrl { .. })
        ));
        assert!(check_base_url("X", "http://api.example.com", true).is_ok());
        assert!(matches!(
            check_base_url("X", "ftp://x", true),
            Err(ConfigError::InvalidUrl { .. })
        ));
        assert!(matches!(
            check_base_url("X", "not a url", true),
            Err(ConfigError::InvalidUrl { .. })
        ));
    }

    #[test]
    fn debug_never_shows_keys() -> Result<(), ConfigError> {
        let c = config(&[
            ("DAILY_API_KEY", "super-secret-key"),
            ("ZOOM_ACCESS_TOKEN", "tok-secret"),
        ])?;
        let shown = format!("{c:?}");
        assert!(!shown.contains("super-secret-key") && !shown.contains("tok-secret"));
        Ok(())
    }
}
