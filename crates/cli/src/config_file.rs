//! The configuration: flags over environment over the TOML file and its profiles.
//!
//! ```toml
//! # ~/.config/meetkit/config.toml — top-level keys apply to every profile.
//! concurrency = 16
//! daily_api_key = "..."
//!
//! [profiles.work]
//! zoom_account_id = "..."
//! zoom_client_id = "..."
//! zoom_client_secret = "..."
//! attendee_base_url = "https://attendee.internal.example.com"
//! rate_limits = { zoom = 5 }
//! ```
//!
//! Credential and URL keys are the environment variables' names in lowercase; the environment
//! wins over the file key by key. Those keys configure each provider's `default` account; named
//! accounts have tables of their own, and an accounts file (JSON Lines) holds many:
//!
//! ```toml
//! accounts_file = "accounts.jsonl"   # relative to this file
//!
//! [accounts.zoom.acme]
//! account_id = "..."
//! client_id = "..."
//! client_secret = "env:ACME_ZOOM_SECRET"   # read from that environment variable
//! ```

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use meetkit::{Account, Config, Provider};
use serde::Deserialize;

use crate::args::{GlobalArgs, RuntimeArgs};
use crate::exit::{CliError, Exit};

/// One profile's settings (or the file's top level): provider settings, keyed by the
/// registry's variables in lowercase (`daily_api_key`, `attendee_base_url`), and the knobs.
#[derive(Clone, Debug, Default)]
struct Settings {
    provider: BTreeMap<String, String>,
    knobs: Knobs,
    accounts: Vec<FileAccount>,
    accounts_file: Option<PathBuf>,
}

/// A named account of the file: `[accounts.<provider>.<name>]`.
#[derive(Clone, Debug)]
struct FileAccount {
    provider: Provider,
    name: String,
    settings: BTreeMap<String, String>,
    place: String,
}

/// The runtime knobs a file can set.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Knobs {
    allow_insecure: Option<bool>,
    concurrency: Option<usize>,
    per_provider_concurrency: Option<usize>,
    records_in_flight: Option<usize>,
    max_attempts: Option<u32>,
    request_timeout_seconds: Option<u64>,
    rate_limits: Option<BTreeMap<String, f64>>,
    page_sizes: Option<BTreeMap<String, u32>>,
    window_days: Option<BTreeMap<String, i64>>,
}

/// Whether `key` is a provider setting some provider of the registry reads.
fn is_provider_key(key: &str) -> bool {
    meetkit::registry::ALL
        .iter()
        .flat_map(|info| info.setting_vars())
        .any(|var| var.eq_ignore_ascii_case(key))
}

impl Settings {
    fn get(&self, var: &str) -> Option<&String> {
        self.provider.get(&var.to_ascii_lowercase())
    }

    /// `over` wins key by key.
    fn overlay(self, over: Settings) -> Settings {
        let mut provider = self.provider;
        provider.extend(over.provider);
        let (base, over_knobs) = (self.knobs, over.knobs);
        macro_rules! pick {
            ($($field:ident),*) => { Knobs { $($field: over_knobs.$field.or(base.$field)),* } };
        }
        let knobs = pick!(
            allow_insecure,
            concurrency,
            per_provider_concurrency,
            records_in_flight,
            max_attempts,
            request_timeout_seconds,
            rate_limits,
            page_sizes,
            window_days
        );
        // A profile's account replaces the top level's of the same provider and name.
        let mut accounts: Vec<FileAccount> = self
            .accounts
            .into_iter()
            .filter(|a| {
                !over
                    .accounts
                    .iter()
                    .any(|b| b.provider == a.provider && b.name == a.name)
            })
            .collect();
        accounts.extend(over.accounts);
        Settings {
            provider,
            knobs,
            accounts,
            accounts_file: over.accounts_file.or(self.accounts_file),
        }
    }
}

/// The file as written: top-level settings plus named profiles.
#[derive(Debug, Default, Deserialize)]
struct FileConfig {
    #[serde(default)]
    profiles: BTreeMap<String, toml::Table>,
    #[serde(flatten)]
    top: toml::Table,
}

/// Where the settings in force came from, for messages and `meetkit providers`.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The core's configuration.
    pub config: Config,
    /// The file read, if any.
    pub file: Option<PathBuf>,
}

/// The default file: `<config dir>/meetkit/config.toml`.
pub fn default_path() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("meetkit").join("config.toml"))
}

/// Builds the core's configuration from flags, the environment and the file, in that order.
pub fn load(global: &GlobalArgs, runtime: &RuntimeArgs) -> Result<Loaded, CliError> {
    load_with(global, runtime, |name| std::env::var(name).ok())
}

/// [`load`] with an explicit environment (tests, the demo).
pub fn load_with(
    global: &GlobalArgs,
    runtime: &RuntimeArgs,
    env: impl Fn(&str) -> Option<String>,
) -> Result<Loaded, CliError> {
    let (settings, file, label) = read_settings(global)?;
    let from_file = RefCell::new(Vec::new());
    let lookup = |name: &str| {
        if let Some(value) = env(name).filter(|v| !v.trim().is_empty()) {
            return Some(value);
        }
        let value = settings.get(name).filter(|v| !v.trim().is_empty()).cloned();
        if value.is_some() {
            from_file.borrow_mut().push(name.to_owned());
        }
        value
    };
    let mut config = Config::from_lookup(lookup)?;
    let from_file = from_file.into_inner();
    // The core says `env: NAME`; say `config` for what the file provided.
    for source in &mut config.sources {
        if from_file
            .iter()
            .any(|name| source.credentials.contains(name.as_str()))
        {
            // `env: DAILY_API_KEY` → `config [profiles.Work]: daily_api_key` (file keys are lowercase).
            source.credentials =
                source
                    .credentials
                    .to_lowercase()
                    .replacen("env:", &format!("{label}:"), 1);
        }
    }
    apply_runtime(&mut config, &settings, &label)?;
    apply_env_runtime(&mut config, &env)?;
    add_accounts(&mut config, global, &settings, file.as_deref(), &env)?;
    if runtime.allow_insecure {
        config.runtime.allow_insecure = true;
    }
    if let Some(n) = runtime.concurrency {
        config.runtime.concurrency = positive("--concurrency", n)?;
    }
    if let Some(n) = runtime.max_attempts {
        config.runtime.retry.max_attempts = positive("--max-attempts", n as usize)? as u32;
    }
    Ok(Loaded { config, file })
}

/// Adds the file's named accounts, then the accounts file's (`--accounts-file`,
/// `MEETKIT_ACCOUNTS_FILE` or the file's `accounts_file`, relative to the file).
fn add_accounts(
    config: &mut Config,
    global: &GlobalArgs,
    settings: &Settings,
    file: Option<&Path>,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<(), CliError> {
    for a in &settings.accounts {
        let account = Account::from_settings(a.provider, &a.name, &a.settings, &a.place, env)?;
        config.add_account(account)?;
    }
    let accounts_file = match (&global.accounts_file, &settings.accounts_file) {
        (Some(path), _) => Some(path.clone()),
        (None, Some(path)) => Some(match file.and_then(Path::parent) {
            Some(dir) if path.is_relative() => dir.join(path),
            _ => path.clone(),
        }),
        (None, None) => None,
    };
    if let Some(path) = accounts_file {
        config.add_accounts(meetkit::accounts::read_file(&path, env)?)?;
    }
    Ok(())
}

fn positive(name: &str, n: usize) -> Result<usize, CliError> {
    if n == 0 {
        return Err(CliError::new(
            Exit::Usage,
            format!("{name} must be at least 1"),
        ));
    }
    Ok(n)
}

/// `MEETKIT_ALLOW_INSECURE=1`, `MEETKIT_CONCURRENCY=N`.
fn apply_env_runtime(
    config: &mut Config,
    env: &impl Fn(&str) -> Option<String>,
) -> Result<(), CliError> {
    if let Some(v) = env("MEETKIT_ALLOW_INSECURE") {
        config.runtime.allow_insecure = matches!(v.trim(), "1" | "true" | "yes");
    }
    if let Some(v) = env("MEETKIT_CONCURRENCY") {
        let n = v
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|n| *n > 0)
            .ok_or_else(|| {
                CliError::new(
                    Exit::Config,
                    format!("MEETKIT_CONCURRENCY must be a positive number, not {v:?}"),
                )
            })?;
        config.runtime.concurrency = n;
    }
    Ok(())
}

/// Reads the file (if any) and picks the profile; returns the merged settings, the path and a
/// label for messages (`config` or `config [profiles.work]`).
fn read_settings(global: &GlobalArgs) -> Result<(Settings, Option<PathBuf>, String), CliError> {
    let (path, explicit) = match &global.config {
        Some(path) => (Some(path.clone()), true),
        None => (default_path(), false),
    };
    let Some(path) = path else {
        return no_file(global);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit => return no_file(global),
        Err(e) => {
            return Err(CliError::new(
                Exit::Config,
                format!(
                    "could not read the configuration file {}: {e}",
                    path.display()
                ),
            ));
        }
    };
    let file: FileConfig = toml::from_str(&text).map_err(|e| bad_file(&path, &e.to_string()))?;
    let top = parse_settings(&path, "", file.top)?;
    let (settings, label) = match &global.profile {
        None => (top, "config".to_owned()),
        Some(name) => {
            let Some(table) = file.profiles.get(name) else {
                let known: Vec<&str> = file.profiles.keys().map(String::as_str).collect();
                let known = if known.is_empty() {
                    "it has none".to_owned()
                } else {
                    format!("it has {}", known.join(", "))
                };
                return Err(CliError::new(
                    Exit::Config,
                    format!(
                        "profile {name:?} is not in {} ({known}); add a [profiles.{name}] table or drop --profile",
                        path.display()
                    ),
                ));
            };
            let profile = parse_settings(&path, &format!("[profiles.{name}] "), table.clone())?;
            (top.overlay(profile), format!("config [profiles.{name}]"))
        }
    };
    Ok((settings, Some(path), label))
}

fn no_file(global: &GlobalArgs) -> Result<(Settings, Option<PathBuf>, String), CliError> {
    match &global.profile {
        Some(name) => Err(CliError::new(
            Exit::Config,
            format!(
                "profile {name:?} was asked for but there is no configuration file; create {} or pass --config",
                default_path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| "one".to_owned())
            ),
        )),
        None => Ok((Settings::default(), None, "config".to_owned())),
    }
}

fn parse_settings(path: &Path, place: &str, mut table: toml::Table) -> Result<Settings, CliError> {
    let accounts = match table.remove("accounts") {
        Some(value) => parse_accounts(path, place, value)?,
        None => Vec::new(),
    };
    let accounts_file = match table.remove("accounts_file") {
        None => None,
        Some(toml::Value::String(text)) => Some(PathBuf::from(text)),
        Some(other) => {
            return Err(bad_file(
                path,
                &format!(
                    "{place}accounts_file must be a string (a path), not {}",
                    other.type_str()
                ),
            ));
        }
    };
    let (provider, knobs): (toml::Table, toml::Table) =
        table.into_iter().partition(|(key, _)| is_provider_key(key));
    let provider = provider
        .into_iter()
        .map(|(key, value)| match value {
            toml::Value::String(text) => Ok((key.to_ascii_lowercase(), text)),
            other => Err(bad_file(
                path,
                &format!("{place}{key} must be a string, not {}", other.type_str()),
            )),
        })
        .collect::<Result<_, _>>()?;
    let knobs = Knobs::deserialize(toml::Value::Table(knobs))
        .map_err(|e| bad_file(path, &format!("{place}{}", e.message())))?;
    Ok(Settings {
        provider,
        knobs,
        accounts,
        accounts_file,
    })
}

/// `[accounts.<provider>.<name>]` tables of string settings.
fn parse_accounts(
    path: &Path,
    place: &str,
    value: toml::Value,
) -> Result<Vec<FileAccount>, CliError> {
    let shape = || {
        bad_file(
            path,
            &format!("{place}accounts must hold tables [accounts.<provider>.<name>] of settings"),
        )
    };
    let toml::Value::Table(providers) = value else {
        return Err(shape());
    };
    let mut out = Vec::new();
    for (provider_key, names) in providers {
        let provider = provider_key
            .parse::<Provider>()
            .map_err(|e| bad_file(path, &format!("{place}[accounts.{provider_key}]: {e}")))?;
        let toml::Value::Table(names) = names else {
            return Err(shape());
        };
        for (name, table) in names {
            let here = format!("{place}[accounts.{provider}.{name}]");
            let toml::Value::Table(table) = table else {
                return Err(shape());
            };
            let settings = table
                .into_iter()
                .map(|(key, value)| match value {
                    toml::Value::String(text) => Ok((key, text)),
                    other => Err(bad_file(
                        path,
                        &format!("{here} {key} must be a string, not {}", other.type_str()),
                    )),
                })
                .collect::<Result<_, _>>()?;
            out.push(FileAccount {
                provider,
                name,
                settings,
                place: format!("config file {} {here}", path.display()),
            });
        }
    }
    Ok(out)
}

fn bad_file(path: &Path, reason: &str) -> CliError {
    CliError::new(
        Exit::Config,
        format!(
            "the configuration file {} is not valid: {}",
            path.display(),
            reason.trim()
        ),
    )
}

fn provider_key(path_label: &str, key: &str) -> Result<Provider, CliError> {
    key.parse::<Provider>()
        .map_err(|e| CliError::new(Exit::Config, format!("{path_label}: {e}")))
}

fn apply_runtime(config: &mut Config, s: &Settings, label: &str) -> Result<(), CliError> {
    let rt = &mut config.runtime;
    let s = &s.knobs;
    if let Some(v) = s.allow_insecure {
        rt.allow_insecure = v;
    }
    if let Some(n) = s.concurrency {
        rt.concurrency = positive("concurrency", n)?;
    }
    if let Some(n) = s.per_provider_concurrency {
        rt.per_provider_concurrency = positive("per_provider_concurrency", n)?;
    }
    if let Some(n) = s.records_in_flight {
        rt.records_in_flight = positive("records_in_flight", n)?;
    }
    if let Some(n) = s.max_attempts {
        rt.retry.max_attempts = positive("max_attempts", n as usize)? as u32;
    }
    if let Some(secs) = s.request_timeout_seconds {
        rt.http.request_timeout = Duration::from_secs(secs);
    }
    for (key, rate) in s.rate_limits.iter().flatten() {
        let p = provider_key(&format!("{label} rate_limits"), key)?;
        rt.rate_limits.insert(p, (*rate > 0.0).then_some(*rate));
    }
    for (key, size) in s.page_sizes.iter().flatten() {
        let p = provider_key(&format!("{label} page_sizes"), key)?;
        rt.page_sizes.insert(p, *size);
    }
    for (key, days) in s.window_days.iter().flatten() {
        let p = provider_key(&format!("{label} window_days"), key)?;
        let span = chrono::Duration::try_days(*days)
            .filter(|d| *d > chrono::Duration::zero())
            .ok_or_else(|| {
                CliError::new(
                    Exit::Config,
                    format!("{label} window_days.{key} must be a positive number of days"),
                )
            })?;
        rt.window_spans.insert(p, span);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn global(config: &Path, profile: Option<&str>) -> GlobalArgs {
        GlobalArgs {
            verbose: 0,
            log_format: crate::args::LogFormat::Text,
            quiet: false,
            config: Some(config.to_owned()),
            profile: profile.map(str::to_owned),
            accounts_file: None,
        }
    }

    fn write(text: &str) -> Result<tempfile::NamedTempFile, std::io::Error> {
        let mut file = tempfile::NamedTempFile::new()?;
        std::io::Write::write_all(&mut file, text.as_bytes())?;
        Ok(file)
    }

    const FILE: &str = r#"
concurrency = 12
records_in_flight = 5000
daily_api_key = "file-daily"
telnyx_api_key = "file-telnyx"

[profiles.work]
daily_api_key = "work-daily"
attendee_base_url = "https://attendee.example.com"
rate_limits = { zoom = 4 }
"#;

    #[test]
    fn env_beats_profile_beats_top_level() -> Result<(), Box<dyn std::error::Error>> {
        let file = write(FILE)?;
        let env: HashMap<&str, &str> = HashMap::from([("TELNYX_API_KEY", "env-telnyx")]);
        let loaded = load_with(
            &global(file.path(), Some("work")),
            &RuntimeArgs::default(),
            |k| env.get(k).map(|v| (*v).to_owned()),
        )
        .map_err(|e| e.message)?;
        let c = &loaded.config;
        assert_eq!(
            c.api_key(Provider::Daily).map(|d| d.api_key.expose()),
            Some("work-daily")
        );
        assert_eq!(
            c.api_key(Provider::Telnyx).map(|d| d.api_key.expose()),
            Some("env-telnyx")
        );
        assert_eq!(c.runtime.concurrency, 12);
        assert_eq!(c.runtime.records_in_flight, 5000);
        assert_eq!(c.runtime.rate_limits.get(&Provider::Zoom), Some(&Some(4.0)));
        let daily = c
            .sources
            .iter()
            .find(|s| s.provider == Provider::Daily)
            .map(|s| s.credentials.clone());
        assert_eq!(
            daily.as_deref(),
            Some("config [profiles.work]: daily_api_key")
        );
        let telnyx = c
            .sources
            .iter()
            .find(|s| s.provider == Provider::Telnyx)
            .map(|s| s.credentials.clone());
        assert_eq!(telnyx.as_deref(), Some("env: TELNYX_API_KEY"));
        Ok(())
    }

    #[test]
    fn named_accounts_come_from_tables_profiles_and_a_relative_accounts_file()
    -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        std::fs::write(
            dir.path().join("fleet.jsonl"),
            "{\"provider\": \"telnyx\", \"name\": \"t1\", \"api_key\": \"k\"}\n",
        )?;
        let path = dir.path().join("config.toml");
        std::fs::write(
            &path,
            r#"
accounts_file = "fleet.jsonl"
[accounts.daily.acme]
api_key = "env:ACME_DAILY"
[accounts.daily.old]
api_key = "top"
[profiles.work.accounts.daily.old]
api_key = "from-profile"
"#,
        )?;
        let env = |k: &str| (k == "ACME_DAILY").then(|| "acme-key".to_owned());
        let loaded = load_with(&global(&path, Some("work")), &RuntimeArgs::default(), env)
            .map_err(|e| e.message)?;
        let c = &loaded.config;
        let names: Vec<(Provider, &str)> = c
            .accounts
            .iter()
            .map(|a| (a.provider, a.name.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                (Provider::Daily, "acme"),
                (Provider::Daily, "old"),
                (Provider::Telnyx, "t1")
            ]
        );
        let key = |name: &str| match &c
            .accounts
            .iter()
            .find(|a| a.name == name)
            .map(|a| &a.settings)
        {
            Some(meetkit::AccountSettings::ApiKey(k)) => k.api_key.expose().to_owned(),
            _ => String::new(),
        };
        assert_eq!(key("acme"), "acme-key");
        assert_eq!(key("old"), "from-profile");
        assert!(
            c.accounts[0]
                .source
                .ends_with("[accounts.daily.acme]; daily_api_key from env ACME_DAILY")
        );
        // An unknown provider and a missing variable are configuration errors naming the place.
        std::fs::write(&path, "[accounts.skype.a]\napi_key = \"k\"\n")?;
        let err = load_with(&global(&path, None), &RuntimeArgs::default(), |_| None)
            .err()
            .map(|e| e.message)
            .unwrap_or_default();
        assert!(
            err.contains("[accounts.skype]") && err.contains("skype"),
            "{err}"
        );
        std::fs::write(&path, "[accounts.daily.a]\napi_key = \"env:NOPE\"\n")?;
        let err = load_with(&global(&path, None), &RuntimeArgs::default(), |_| None)
            .err()
            .map(|e| e.message)
            .unwrap_or_default();
        assert!(
            err.contains(
                "[accounts.daily.a]: daily_api_key refers to the environment variable NOPE"
            ),
            "{err}"
        );
        Ok(())
    }

    #[test]
    fn flags_beat_the_file() -> Result<(), Box<dyn std::error::Error>> {
        let file = write(FILE)?;
        let flags = RuntimeArgs {
            concurrency: Some(3),
            ..RuntimeArgs::default()
        };
        let loaded =
            load_with(&global(file.path(), None), &flags, |_| None).map_err(|e| e.message)?;
        assert_eq!(loaded.config.runtime.concurrency, 3);
        Ok(())
    }

    #[test]
    fn unknown_profiles_and_keys_are_config_errors() -> Result<(), Box<dyn std::error::Error>> {
        let file = write(FILE)?;
        let err = load_with(
            &global(file.path(), Some("home")),
            &RuntimeArgs::default(),
            |_| None,
        )
        .err();
        let err = err.ok_or("expected an error")?;
        assert_eq!(err.exit, Exit::Config);
        assert!(
            err.message.contains("profile \"home\"") && err.message.contains("work"),
            "{}",
            err.message
        );

        let file = write("daily_key = \"x\"\n")?;
        let err = load_with(&global(file.path(), None), &RuntimeArgs::default(), |_| {
            None
        })
        .err();
        let err = err.ok_or("expected an error")?;
        assert_eq!(err.exit, Exit::Config);
        assert!(err.message.contains("daily_key"), "{}", err.message);
        Ok(())
    }

    #[test]
    fn an_explicit_missing_file_is_an_error_the_default_one_is_not() {
        let missing = Path::new("/nonexistent/meetkit.toml");
        let err = load_with(&global(missing, None), &RuntimeArgs::default(), |_| None).err();
        assert_eq!(err.map(|e| e.exit), Some(Exit::Config));
    }
}
