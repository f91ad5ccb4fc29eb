//! `meetkit providers`: what is configured, from where, and with which limits. No secrets.

use meetkit::{Config, Provider};
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
                json!({
                    "provider": s.provider,
                    "name": s.provider.display_name(),
                    "configured": s.configured,
                    "credentials": s.credentials,
                    "base_url": s.base_url,
                    "rate_limit_per_second": config.runtime.rate_limits.get(&s.provider).copied().flatten(),
                    "page_size": config.runtime.page_sizes.get(&s.provider),
                    "window_days": config.runtime.window_spans.get(&s.provider).map(|d| d.num_days()),
                })
            })
            .collect();
        let text = serde_json::to_string_pretty(&rows)
            .map_err(|e| CliError::new(Exit::Other, e.to_string()))?;
        println!("{text}");
        return Ok(Exit::Ok);
    }
    for source in &config.sources {
        let state = if source.configured {
            "configured"
        } else {
            "not configured"
        };
        println!(
            "{} ({}): {state}",
            source.provider.display_name(),
            source.provider
        );
        println!("  credentials  {}", source.credentials);
        println!("  base url     {}", source.base_url);
        println!("  limits       {}", limits(config, source.provider));
    }
    match &loaded.file {
        Some(path) => println!("\nConfiguration file: {}", path.display()),
        None => println!(
            "\nNo configuration file ({}); flags and the environment only.",
            config_file::default_path().map_or_else(
                || "none found".to_owned(),
                |p| format!("looked for {}", p.display())
            )
        ),
    }
    Ok(Exit::Ok)
}

fn limits(config: &Config, provider: Provider) -> String {
    let rt = &config.runtime;
    let rate = match rt.rate_limits.get(&provider).copied().flatten() {
        Some(rate) => format!("{rate} requests/s"),
        None => "no client-side rate limit".to_owned(),
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
    let extra = match provider {
        Provider::Zoom => ", reports for the last six months only",
        _ => "",
    };
    format!(
        "{rate}{page}{span}, {} in flight{extra}",
        rt.per_provider_concurrency
    )
}
