//! Named provider accounts: credential sets beyond the environment's single `default` account,
//! from a config file, an accounts file or the Python package, and the accounts file's format.
//!
//! An account is a provider, a name and that provider's settings, keyed as the registry says
//! (`daily_api_key`, `zoom_client_secret`, `daily_base_url`; the provider prefix may be left
//! out: `api_key`, `client_secret`, `base_url`). A value written `env:NAME` is read from the
//! environment variable `NAME` instead, so an accounts file can hold no secret at all.
//!
//! The accounts file is JSON Lines: one account per line, blank lines and lines starting with
//! `#` skipped.
//!
//! ```text
//! {"provider": "zoom", "name": "acme", "account_id": "abc", "client_id": "def", "client_secret": "env:ACME_ZOOM_SECRET"}
//! {"provider": "daily", "name": "acme", "api_key": "env:ACME_DAILY_KEY"}
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use meetkit_client_support::Secret;

use crate::error::ConfigError;
use crate::model::Provider;
use crate::registry;
pub use crate::settings::{Account, AccountSettings};
use crate::settings::{
    ApiKeyConfig, DEFAULT_ZOOM_OAUTH_URL, ZoomAuth, ZoomConfig, zoom_listing_settings,
};

/// The prefix of a value read from an environment variable: `env:ACME_ZOOM_SECRET`.
pub const ENV_REFERENCE: &str = "env:";

/// Checks an account name: non-empty, at most 100 characters of letters, digits, `-`, `_`,
/// `.` and `@` (names end up in file names, table rows and log lines).
pub fn check_name(name: &str) -> Result<(), String> {
    let ok = !name.is_empty()
        && name.len() <= 100
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '@'));
    if ok {
        Ok(())
    } else {
        Err(format!(
            "the account name {name:?} is not valid; use 1 to 100 letters, digits, '-', '_', '.' or '@'"
        ))
    }
}

impl Account {
    /// Builds an account of `provider` named `name` from `settings` (keys as the registry's
    /// credential and URL settings, with or without the provider prefix). `env:NAME` values are
    /// read through `lookup`. `place` names where the entry is, for errors
    /// (`accounts file a.jsonl line 3`); `source` says where its credentials come from.
    pub fn from_settings(
        provider: Provider,
        name: &str,
        settings: &BTreeMap<String, String>,
        place: &str,
        lookup: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Self, ConfigError> {
        let bad = |reason: String| ConfigError::InvalidAccount {
            place: place.to_owned(),
            reason,
        };
        check_name(name).map_err(bad)?;
        let info = registry::info(provider);
        let base_url_key = info.base_url_var.to_ascii_lowercase();
        let known: Vec<&str> = info
            .credential_vars()
            .chain(info.extra_settings.iter())
            .map(|c| c.key)
            .chain(std::iter::once(base_url_key.as_str()))
            .collect();
        let prefix = format!("{provider}_");
        let mut values: BTreeMap<&str, String> = BTreeMap::new();
        let mut references = Vec::new();
        for (key, raw) in settings {
            let lower = key.to_ascii_lowercase();
            let full = if lower.starts_with(&prefix) {
                lower
            } else {
                format!("{prefix}{lower}")
            };
            let Some(known_key) = known.iter().copied().find(|k| *k == full) else {
                return Err(bad(format!(
                    "{key:?} is not a {} setting; use {}",
                    info.display_name,
                    known.join(", ")
                )));
            };
            let value = match raw.trim().strip_prefix(ENV_REFERENCE) {
                Some(var) => {
                    let var = var.trim();
                    let value = lookup(var).filter(|v| !v.trim().is_empty()).ok_or_else(|| {
                        bad(format!(
                            "{known_key} refers to the environment variable {var}, which is not set; set it or write the value"
                        ))
                    })?;
                    references.push(format!("{known_key} from env {var}"));
                    value
                }
                None => raw.clone(),
            };
            let value = value.trim().to_owned();
            if !value.is_empty() {
                values.insert(known_key, value);
            }
        }
        let base_url = values
            .remove(base_url_key.as_str())
            .unwrap_or_else(|| info.default_base_url.to_owned());
        let settings = match provider {
            Provider::Zoom => {
                let oauth_url = values
                    .remove("zoom_oauth_url")
                    .unwrap_or_else(|| DEFAULT_ZOOM_OAUTH_URL.to_owned());
                let s2s = (
                    values.remove("zoom_account_id"),
                    values.remove("zoom_client_id"),
                    values.remove("zoom_client_secret"),
                );
                let auth = match (s2s, values.remove("zoom_access_token")) {
                    ((Some(account_id), Some(client_id), Some(secret)), None) => {
                        ZoomAuth::ServerToServer {
                            account_id,
                            client_id,
                            client_secret: Secret::new(secret),
                        }
                    }
                    ((None, None, None), Some(token)) => ZoomAuth::AccessToken(Secret::new(token)),
                    _ => {
                        return Err(bad(
                            "a Zoom account needs account_id, client_id and client_secret (Server-to-Server OAuth), or access_token alone".to_owned(),
                        ));
                    }
                };
                let (user_statuses, daily_request_budget) = zoom_listing_settings(
                    values.remove("zoom_user_statuses"),
                    values.remove("zoom_daily_request_budget"),
                )?;
                AccountSettings::Zoom(ZoomConfig {
                    base_url,
                    oauth_url,
                    auth,
                    user_statuses,
                    daily_request_budget,
                })
            }
            _ => {
                let key_name = info.credentials[0][0].key;
                let api_key = values.remove(key_name).ok_or_else(|| {
                    bad(format!(
                        "a {} account needs {key_name} (or api_key)",
                        info.display_name
                    ))
                })?;
                AccountSettings::ApiKey(ApiKeyConfig {
                    base_url,
                    api_key: Secret::new(api_key),
                })
            }
        };
        let mut source = place.to_owned();
        if !references.is_empty() {
            source.push_str("; ");
            source.push_str(&references.join(", "));
        }
        Ok(Self {
            provider,
            name: name.to_owned(),
            settings,
            source,
        })
    }

    /// The base URL the account uses.
    pub fn base_url(&self) -> &str {
        match &self.settings {
            AccountSettings::Zoom(z) => &z.base_url,
            AccountSettings::ApiKey(k) => &k.base_url,
        }
    }
}

/// One entry of an accounts file or a Python list: `provider`, `name` and the settings.
pub fn from_entry(
    entry: &serde_json::Map<String, serde_json::Value>,
    place: &str,
    lookup: &dyn Fn(&str) -> Option<String>,
) -> Result<Account, ConfigError> {
    let bad = |reason: String| ConfigError::InvalidAccount {
        place: place.to_owned(),
        reason,
    };
    let text = |key: &str| -> Result<Option<String>, ConfigError> {
        match entry.get(key) {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(serde_json::Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(bad(format!(
                "{key} must be a string, not {}",
                json_type(other)
            ))),
        }
    };
    let provider = text("provider")?.ok_or_else(|| {
        bad(format!(
            "the entry has no \"provider\"; add one of {}",
            registry::names()
        ))
    })?;
    let provider: Provider = provider.parse().map_err(|e| bad(format!("{e}")))?;
    let name = text("name")?.ok_or_else(|| {
        bad(
            "the entry has no \"name\"; give every account a name unique for its provider"
                .to_owned(),
        )
    })?;
    let mut settings = BTreeMap::new();
    for key in entry.keys() {
        if key == "provider" || key == "name" {
            continue;
        }
        if let Some(value) = text(key)? {
            settings.insert(key.clone(), value);
        }
    }
    Account::from_settings(provider, &name, &settings, place, lookup)
}

fn json_type(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "a list",
        serde_json::Value::Object(_) => "an object",
    }
}

/// Parses an accounts file's text (JSON Lines, see the module docs). `file` names it in
/// errors and sources.
pub fn parse_file(
    text: &str,
    file: &str,
    lookup: &dyn Fn(&str) -> Option<String>,
) -> Result<Vec<Account>, ConfigError> {
    let mut accounts: Vec<Account> = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let place = format!("accounts file {file} line {}", index + 1);
        let entry: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(line).map_err(|e| ConfigError::InvalidAccount {
                place: place.clone(),
                reason: {
                    let p = registry::api_key_example();
                    let upper = p.as_str().to_ascii_uppercase();
                    format!(
                        "not a JSON object ({e}); write one account per line, like {{\"provider\": \"{p}\", \"name\": \"acme\", \"api_key\": \"env:ACME_{upper}_KEY\"}}"
                    )
                },
            })?;
        let account = from_entry(&entry, &place, lookup)?;
        if let Some(first) = accounts
            .iter()
            .find(|a| a.provider == account.provider && a.name == account.name)
        {
            return Err(ConfigError::InvalidAccount {
                place,
                reason: format!(
                    "{}/{} is already defined ({}); give each account of a provider its own name",
                    account.provider, account.name, first.source
                ),
            });
        }
        accounts.push(account);
    }
    Ok(accounts)
}

/// Reads and parses an accounts file.
pub fn read_file(
    path: &Path,
    lookup: &dyn Fn(&str) -> Option<String>,
) -> Result<Vec<Account>, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError::InvalidAccount {
        place: format!("accounts file {}", path.display()),
        reason: format!("could not be read ({e}); check the path"),
    })?;
    parse_file(&text, &path.display().to_string(), lookup)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(name: &str) -> Option<String> {
        (name == "ACME_DAILY_KEY").then(|| "from-env-secret".to_owned())
    }

    fn err(text: &str) -> String {
        match parse_file(text, "a.jsonl", &env) {
            Ok(_) => panic!("{text} parsed"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn lines_become_accounts_with_env_references_resolved() -> Result<(), ConfigError> {
        let text = "# fleet\n\n{\"provider\": \"daily\", \"name\": \"acme\", \"api_key\": \"env:ACME_DAILY_KEY\"}\n{\"provider\": \"zoom\", \"name\": \"acme\", \"account_id\": \"a\", \"client_id\": \"c\", \"zoom_client_secret\": \"s\", \"base_url\": \"https://zoom.example.com/v2\"}\n";
        let accounts = parse_file(text, "a.jsonl", &env)?;
        assert_eq!(accounts.len(), 2);
        let daily = &accounts[0];
        assert_eq!(
            (daily.provider, daily.name.as_str()),
            (Provider::Daily, "acme")
        );
        match &daily.settings {
            AccountSettings::ApiKey(k) => assert_eq!(k.api_key.expose(), "from-env-secret"),
            AccountSettings::Zoom(_) => panic!("daily is an API-key provider"),
        }
        assert_eq!(
            daily.source,
            "accounts file a.jsonl line 3; daily_api_key from env ACME_DAILY_KEY"
        );
        assert!(!daily.source.contains("from-env-secret"));
        assert_eq!(accounts[1].base_url(), "https://zoom.example.com/v2");
        assert!(matches!(
            accounts[1].settings,
            AccountSettings::Zoom(ZoomConfig {
                auth: ZoomAuth::ServerToServer { .. },
                ..
            })
        ));
        Ok(())
    }

    #[test]
    fn bad_entries_name_the_file_line_and_what_to_do() {
        assert_eq!(
            err("{\"provider\": \"daily\", \"name\": \"a\", \"api_key\": \"env:NOPE\"}"),
            "accounts file a.jsonl line 1: daily_api_key refers to the environment variable NOPE, which is not set; set it or write the value"
        );
        assert!(
            err("\n{\"provider\": \"skype\", \"name\": \"a\"}")
                .starts_with("accounts file a.jsonl line 2: ")
        );
        assert!(err("{\"provider\": \"skype\", \"name\": \"a\"}").contains("skype"));
        assert!(err("{\"provider\": \"daily\", \"name\": \"a\", \"api_key\": \"k\"}\n{\"provider\": \"daily\", \"name\": \"a\", \"api_key\": \"k\"}")
            .starts_with("accounts file a.jsonl line 2: daily/a is already defined (accounts file a.jsonl line 1)"));
        assert!(err("not json").contains("not a JSON object"));
        assert!(err("{\"provider\": \"daily\", \"api_key\": \"k\"}").contains("has no \"name\""));
        assert!(err("{\"provider\": \"daily\", \"name\": \"a\"}").contains("needs daily_api_key"));
        assert!(
            err("{\"provider\": \"daily\", \"name\": \"a\", \"api_key\": 3}")
                .contains("api_key must be a string, not a number")
        );
        assert!(
            err("{\"provider\": \"daily\", \"name\": \"a\", \"token\": \"k\"}")
                .contains("\"token\" is not a Daily setting")
        );
        assert!(
            err("{\"provider\": \"daily\", \"name\": \"a b\", \"api_key\": \"k\"}")
                .contains("not valid")
        );
        assert!(
            err("{\"provider\": \"zoom\", \"name\": \"a\", \"client_id\": \"k\"}")
                .contains("Server-to-Server")
        );
    }

    #[test]
    fn errors_never_carry_a_secret() {
        let text = "{\"provider\": \"zoom\", \"name\": \"a\", \"client_secret\": \"hunter2\"}";
        assert!(!err(text).contains("hunter2"));
    }
}
