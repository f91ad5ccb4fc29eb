//! `meetkit providers`: what is configured, from where, and with which limits; each provider's
//! accounts and where their credentials come from. No secrets.

use std::fmt::Write;

use meetkit::ratelimit::{Limit, SLOW_START};
use meetkit::{Config, Provider, ProviderSource};
use serde_json::json;

use crate::args::{GlobalArgs, ProvidersArgs, RuntimeArgs};
use crate::config_file;
use crate::exit::{CliError, Exit};

/// Prints each provider's configuration.
pub fn run(args: ProvidersArgs, global: &GlobalArgs) -> Result<Exit, CliError> {
    let loaded = config_file::load(global, &RuntimeArgs::default())?;
    let config = &loaded.config;
    if args.json {
        let rows: Vec<_> = config
            .sources
            .iter()
            .map(|s| {
                let accounts: Vec<_> = accounts_of(config, s)
                    .into_iter()
                    .map(|(name, credentials, base_url)| {
                        json!({ "name": name, "credentials": credentials, "base_url": base_url })
                    })
                    .collect();
                json!({
                    "provider": s.provider,
                    "name": s.provider.display_name(),
                    "configured": config.is_configured(s.provider),
                    "credentials": s.credentials,
                    "accounts": accounts,
                    "base_url": s.base_url,
                    "rate_limit_per_second": config.runtime.limit(s.provider).per_second(),
                    "page_size": config.runtime.page_sizes.get(&s.provider),
                    "window_days": config.runtime.window_spans.get(&s.provider).map(|d| d.num_days()),
                })
            })
            .collect();
        let text = serde_json::to_string_pretty(&rows)
            .map_err(|e| CliError::new(Exit::Other, e.to_string()))?;
        super::print(text + "\n")?;
        return Ok(Exit::Ok);
    }
    let text = text(config, loaded.file.as_deref())
        .map_err(|e| CliError::new(Exit::Other, e.to_string()))?;
    super::print(text)?;
    Ok(Exit::Ok)
}

/// The human-readable listing: each provider, its credentials, limits and accounts, then
/// the configuration file read.
fn text(config: &Config, file: Option<&std::path::Path>) -> Result<String, std::fmt::Error> {
    let mut out = String::new();
    for source in &config.sources {
        let state = if config.is_configured(source.provider) {
            "configured"
        } else {
            "not configured"
        };
        writeln!(
            out,
            "{} ({}): {state}",
            source.provider.display_name(),
            source.provider
        )?;
        writeln!(out, "  credentials  {}", source.credentials)?;
        writeln!(out, "  base url     {}", source.base_url)?;
        writeln!(out, "  limits       {}", limits(config, source.provider))?;
        let named = config
            .accounts
            .iter()
            .filter(|a| a.provider == source.provider)
            .count();
        if named > 0 {
            writeln!(
                out,
                "  accounts     {} ({named} named)",
                named + usize::from(source.configured)
            )?;
            for (name, credentials, base_url) in accounts_of(config, source) {
                let url = if base_url == source.base_url {
                    String::new()
                } else {
                    format!(" at {base_url}")
                };
                writeln!(out, "    {name}: {credentials}{url}")?;
            }
        }
    }
    match file {
        Some(path) => writeln!(out, "\nConfiguration file: {}", path.display()),
        None => writeln!(
            out,
            "\nNo configuration file ({}); flags and the environment only.",
            config_file::default_path().map_or_else(
                || "none found".to_owned(),
                |p| format!("looked for {}", p.display())
            )
        ),
    }?;
    Ok(out)
}

/// Each account of `source`'s provider: name, where its credentials come from, base URL.
fn accounts_of<'a>(
    config: &'a Config,
    source: &'a ProviderSource,
) -> Vec<(&'a str, &'a str, &'a str)> {
    let default = source.configured.then_some((
        meetkit::DEFAULT_ACCOUNT,
        source.credentials.as_str(),
        source.base_url.as_str(),
    ));
    default
        .into_iter()
        .chain(
            config
                .accounts
                .iter()
                .filter(|a| a.provider == source.provider)
                .map(|a| (a.name.as_str(), a.source.as_str(), a.base_url())),
        )
        .collect()
}

fn limits(config: &Config, provider: Provider) -> String {
    let rt = &config.runtime;
    let rate = match rt.limit(provider) {
        Limit::Rate(rate) => format!("{rate} requests/s"),
        Limit::Unlimited => "no client-side rate limit".to_owned(),
        Limit::Unknown => format!(
            "no published rate limit (starts with {SLOW_START} requests in flight, doubling each second without a 429)"
        ),
    };
    let page = rt
        .page_sizes
        .get(&provider)
        .map_or_else(String::new, |n| format!(", {n} per page"));
    let span = rt
        .window_spans
        .get(&provider)
        .map_or_else(String::new, |d| {
            format!(", windows of {} days", d.num_days())
        });
    let only = meetkit::registry::info(provider).serves_only;
    let extra = if only.is_empty() {
        String::new()
    } else {
        format!(", {only}")
    };
    format!(
        "{rate}{page}{span}, {} in flight{extra}",
        rt.per_provider_concurrency
    )
}
