//! `meetkit doctor`: for each configured provider, one small request (the smallest page of the
//! last week) fetched as raw JSON with the configured credentials, and everything about it checked:
//! the base URL answers, the credentials are accepted, the server's clock agrees with ours, and
//! the whole body matches our spec — every difference printed with the spec file and the JSON
//! pointer to edit.

use std::io::Write;
use std::time::{Duration, Instant};

use chrono::{DateTime, SubsecRound, Utc};
use meetkit::config::{base_url_var, check_base_url};
use meetkit::registry::Probe;
use meetkit::{Config, Provider, ZoomAuth};
use meetkit_client_support::{Auth, HttpOptions, http_client};
use meetkit_openapi_check::Spec;
use serde_json::Value;

use crate::args::{DoctorArgs, GlobalArgs, ProviderArg};
use crate::config_file;
use crate::exit::{CliError, Exit};

/// A clock further off than this is reported: windows near "now" would be cut in the wrong place.
const MAX_SKEW: Duration = Duration::from_secs(60);

/// How far back the probe looks: short, but long enough that an active account has a record.
const PROBE_DAYS: i64 = 7;

/// The smallest request for the last week, as `provider`'s connector names it.
fn probe(provider: Provider, now: DateTime<Utc>) -> Probe {
    meetkit::registry::probe(provider, now - chrono::Duration::days(PROBE_DAYS), now)
}

/// How a check ended, from best to worst; the worst decides the exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Verdict {
    Ok,
    /// Worth knowing, not a failure (clock skew).
    Warn,
    /// The response differs from the spec.
    Drift,
    /// Unreachable, or an unexpected status.
    Failed,
    /// Configuration or credentials.
    Config,
}

impl Verdict {
    fn label(self) -> &'static str {
        match self {
            Self::Ok => "ok",
            Self::Warn => "warn",
            Self::Drift => "drift",
            Self::Failed => "FAIL",
            Self::Config => "FAIL",
        }
    }
}

/// The findings of one provider.
#[derive(Default)]
struct Findings(Vec<(Verdict, String)>);

impl Findings {
    fn add(&mut self, verdict: Verdict, line: impl Into<String>) {
        self.0.push((verdict, line.into()));
    }

    fn worst(&self) -> Verdict {
        self.0.iter().map(|(v, _)| *v).max().unwrap_or(Verdict::Ok)
    }
}

/// Checks every configured provider (or those named) and prints what it found.
pub async fn run(args: DoctorArgs, global: &GlobalArgs) -> Result<Exit, CliError> {
    let loaded = config_file::load(global, &args.runtime)?;
    let config = loaded.config;
    let named = ProviderArg::resolve(&args.providers);
    let providers: Vec<Provider> = if named.is_empty() {
        config.configured()
    } else {
        named
    };
    if providers.is_empty() {
        return Err(CliError::new(
            Exit::Config,
            "no provider is configured: set a provider's credentials (see `meetkit providers`) and run doctor again",
        ));
    }
    let http = http_client(&HttpOptions::default())
        .map_err(|e| CliError::new(Exit::Other, format!("could not build the HTTP client: {e}")))?;
    let now = super::now()?;
    let mut worst = Verdict::Ok;
    for provider in providers {
        let findings = check(&http, &config, provider, now).await;
        let mut out = std::io::stdout().lock();
        let io = |e: std::io::Error| CliError::io("standard output", &e);
        writeln!(out, "{} ({provider})", provider.display_name()).map_err(io)?;
        for (verdict, line) in &findings.0 {
            writeln!(out, "  {:<5}  {line}", verdict.label()).map_err(io)?;
        }
        worst = worst.max(findings.worst());
    }
    Ok(match worst {
        Verdict::Ok | Verdict::Warn => Exit::Ok,
        Verdict::Drift => Exit::Drift,
        Verdict::Failed => Exit::Provider,
        Verdict::Config => Exit::Config,
    })
}

async fn check(
    http: &reqwest::Client,
    config: &Config,
    provider: Provider,
    now: DateTime<Utc>,
) -> Findings {
    let mut findings = Findings::default();
    let probe = probe(provider, now);
    let (base_url, auth) = match endpoint(http, config, provider, &mut findings).await {
        Some(endpoint) => endpoint,
        None => return findings,
    };
    let url = format!("{}{}", base_url.trim_end_matches('/'), probe.path);
    let mut builder = http.get(&url).query(&probe.query);
    for (name, value) in probe.headers {
        builder = builder.header(*name, *value);
    }
    let mut request = match builder.build() {
        Ok(request) => request,
        Err(e) => {
            findings.add(
                Verdict::Config,
                format!("cannot build a request to {url}: {e}"),
            );
            return findings;
        }
    };
    auth.apply(&mut request);
    let started = Instant::now();
    let response = match http.execute(request).await {
        Ok(response) => response,
        Err(e) => {
            let var = base_url_var(provider);
            findings.add(
                Verdict::Failed,
                format!("{url} is unreachable ({e}); check {var} and the network"),
            );
            return findings;
        }
    };
    let status = response.status();
    findings.add(
        Verdict::Ok,
        format!(
            "{url} answered {status} in {} ms",
            started.elapsed().as_millis()
        ),
    );
    clock(&response, &mut findings);
    let body = response.bytes().await;
    match status.as_u16() {
        200..=299 => findings.add(Verdict::Ok, "credentials accepted"),
        401 | 403 => {
            findings.add(
                Verdict::Config,
                format!(
                    "credentials refused ({status}): check {}",
                    meetkit::config::configure_hint(provider)
                ),
            );
            return findings;
        }
        _ => {
            findings.add(
                Verdict::Failed,
                format!("unexpected status {status} for a one-record page"),
            );
            return findings;
        }
    }
    let value = match body.map_err(|e| e.to_string()).and_then(|bytes| {
        serde_json::from_slice::<Value>(&bytes).map_err(|e| format!("not JSON: {e}"))
    }) {
        Ok(value) => value,
        Err(e) => {
            findings.add(Verdict::Failed, format!("the body could not be read: {e}"));
            return findings;
        }
    };
    compare(&probe, status.as_u16(), &value, &mut findings);
    findings
}

/// The base URL and credentials, checked; a Zoom Server-to-Server app mints a token here.
async fn endpoint(
    http: &reqwest::Client,
    config: &Config,
    provider: Provider,
    findings: &mut Findings,
) -> Option<(String, Auth)> {
    let allow_insecure = config.runtime.allow_insecure;
    let var = base_url_var(provider);
    let result = match provider {
        Provider::Zoom => match &config.zoom {
            None => Err(format!(
                "not configured: set {}",
                meetkit::config::configure_hint(provider)
            )),
            Some(zoom) => match check_base_url(var, &zoom.base_url, allow_insecure) {
                Err(e) => Err(e.to_string()),
                Ok(base) => match &zoom.auth {
                    ZoomAuth::AccessToken(token) => Auth::bearer(token)
                        .map(|auth| (base, auth))
                        .map_err(|e| e.to_string()),
                    ZoomAuth::ServerToServer {
                        account_id,
                        client_id,
                        client_secret,
                    } => {
                        let minted = async {
                            let oauth =
                                check_base_url("ZOOM_OAUTH_URL", &zoom.oauth_url, allow_insecure)
                                    .map_err(|e| e.to_string())?;
                            let basic =
                                Auth::basic(client_id, client_secret).map_err(|e| e.to_string())?;
                            let token = mint_zoom_token(http, &oauth, account_id, &basic).await?;
                            Auth::bearer(&token).map_err(|e| e.to_string())
                        };
                        minted.await.map(|auth| (base, auth))
                    }
                },
            },
        },
        _ => match config.api_key(provider) {
            None => Err(format!(
                "not configured: set {}",
                meetkit::config::configure_hint(provider)
            )),
            Some(settings) => check_base_url(var, &settings.base_url, allow_insecure)
                .map_err(|e| e.to_string())
                .and_then(|base| {
                    let scheme = meetkit::registry::info(provider).auth_scheme;
                    Auth::with_scheme(scheme, &settings.api_key)
                        .map(|auth| (base, auth))
                        .map_err(|e| e.to_string())
                }),
        },
    };
    match result {
        Ok(endpoint) => Some(endpoint),
        Err(reason) => {
            findings.add(Verdict::Config, reason);
            None
        }
    }
}

/// Zoom's account-credentials grant: an access token for the configured app.
async fn mint_zoom_token(
    http: &reqwest::Client,
    oauth_url: &str,
    account_id: &str,
    basic: &Auth,
) -> Result<meetkit::Secret, String> {
    let mut request = http
        .post(oauth_url)
        .query(&[
            ("grant_type", "account_credentials"),
            ("account_id", account_id),
        ])
        .build()
        .map_err(|e| format!("cannot build the token request to {oauth_url}: {e}"))?;
    basic.apply(&mut request);
    let response = http
        .execute(request)
        .await
        .map_err(|e| format!("{oauth_url} is unreachable ({e}); check ZOOM_OAUTH_URL"))?;
    let status = response.status();
    if !status.is_success() {
        return Err(format!(
            "Zoom refused the app's credentials ({status}): check ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET"
        ));
    }
    let body: Value = response
        .json()
        .await
        .map_err(|e| format!("Zoom's token response is not JSON: {e}"))?;
    body.get("access_token")
        .and_then(Value::as_str)
        .map(meetkit::Secret::from)
        .ok_or_else(|| "Zoom's token response has no access_token".to_owned())
}

/// The server's clock (its `Date` header, whole seconds) against this machine's (not
/// `MEETKIT_NOW`, which only pins the window).
fn clock(response: &reqwest::Response, findings: &mut Findings) {
    let now = Utc::now().trunc_subsecs(0);
    let Some(date) = response
        .headers()
        .get(reqwest::header::DATE)
        .and_then(|v| v.to_str().ok())
    else {
        findings.add(Verdict::Warn, "no Date header: clock skew not checked");
        return;
    };
    let Ok(server) = DateTime::parse_from_rfc2822(date) else {
        findings.add(
            Verdict::Warn,
            format!("unreadable Date header {date:?}: clock skew not checked"),
        );
        return;
    };
    let skew = server.with_timezone(&Utc) - now;
    let seconds = skew.num_seconds();
    if skew.abs().to_std().unwrap_or(Duration::MAX) > MAX_SKEW {
        findings.add(
            Verdict::Warn,
            format!(
                "clock skew {seconds:+} s (the server's Date against this machine's clock): windows near now are cut in the wrong place; sync this machine's clock"
            ),
        );
    } else {
        findings.add(Verdict::Ok, format!("clock skew {seconds:+} s"));
    }
}

/// The body against the spec: every rule it breaks and every field no schema lists.
fn compare(probe: &Probe, status: u16, value: &Value, findings: &mut Findings) {
    let spec = match Spec::parse(probe.spec_text, probe.spec_path) {
        Ok(spec) => spec,
        Err(e) => {
            findings.add(
                Verdict::Failed,
                format!("the built-in spec does not load: {e}"),
            );
            return;
        }
    };
    let root = match spec.response_schema_pointer(probe.operation, status) {
        Ok(root) => root,
        Err(v) => {
            findings.add(Verdict::Drift, format!("{}: {}", probe.spec_path, v.rule));
            return;
        }
    };
    let mut differences = 0;
    if let Err(violations) = spec.validate_response(probe.operation, status, value) {
        // One line per (spec location, rule): a value every record carries is one difference.
        let mut grouped: Vec<(String, String, String, usize)> = Vec::new();
        for violation in violations {
            let at = spec
                .locate(&root, &violation.pointer)
                .unwrap_or_else(|| root.clone());
            match grouped
                .iter_mut()
                .find(|(a, rule, _, _)| *a == at && *rule == violation.rule)
            {
                Some((_, _, _, more)) => *more += 1,
                None => grouped.push((at, violation.rule.clone(), violation.to_string(), 0)),
            }
        }
        for (at, _, first, more) in grouped {
            let also = match more {
                0 => String::new(),
                n => format!(" (and {n} more records)"),
            };
            findings.add(
                Verdict::Drift,
                format!("{first}{also}\n         edit {}#{at}", probe.spec_path),
            );
            differences += 1;
        }
    }
    for unknown in spec.unknown_fields(&root, value) {
        findings.add(
            Verdict::Drift,
            format!(
                "{}: field `{}` is not in the spec\n         edit {}#{} (add `{}`)",
                unknown.pointer, unknown.name, probe.spec_path, unknown.spec_pointer, unknown.name
            ),
        );
        differences += 1;
    }
    let records = value
        .as_object()
        .and_then(|fields| fields.values().find_map(Value::as_array));
    if records.is_some_and(Vec::is_empty) {
        findings.add(
            Verdict::Warn,
            format!(
                "no record in the last {PROBE_DAYS} days: only the page's envelope was checked"
            ),
        );
    }
    if differences == 0 {
        findings.add(
            Verdict::Ok,
            format!(
                "the response matches {} ({})",
                probe.spec_path, probe.operation
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_provider_has_a_probe_whose_operation_is_in_its_spec() {
        let now = Utc::now();
        for provider in Provider::ALL {
            let probe = probe(provider, now);
            assert!(
                probe.spec_path.ends_with(&format!("/{provider}.yaml")),
                "{}",
                probe.spec_path
            );
            let spec = Spec::parse(probe.spec_text, probe.spec_path);
            let found = spec
                .as_ref()
                .ok()
                .map(|s| s.response_schema_pointer(probe.operation, 200).is_ok());
            assert_eq!(found, Some(true), "{provider}: {}", probe.operation);
            assert!(probe.path.starts_with('/'), "{provider}");
        }
    }
}
