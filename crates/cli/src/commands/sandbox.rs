//! `meetkit sandbox`: serve the five providers' APIs locally until Ctrl-C.

use std::io::Write;
use std::time::Duration;

use meetkit_sandbox::{Faults, Sandbox, SandboxConfig};

use super::now;
use crate::args::{GlobalArgs, SandboxArgs};
use crate::exit::{CliError, Exit};

fn rate(name: &str, value: f64) -> Result<f64, CliError> {
    if (0.0..=1.0).contains(&value) {
        Ok(value)
    } else {
        Err(CliError::new(
            Exit::Usage,
            format!("--{name} must be between 0.0 and 1.0, not {value}"),
        ))
    }
}

/// Serves the sandbox and prints `export` lines for it on stdout.
pub async fn run(args: SandboxArgs, global: &GlobalArgs) -> Result<Exit, CliError> {
    let faults = Faults {
        latency: Duration::from_millis(args.latency_ms),
        rate_limit_rate: rate("rate-limit-rate", args.rate_limit_rate)?,
        server_error_rate: rate("error-rate", args.error_rate)?,
        reset_rate: rate("reset-rate", args.reset_rate)?,
        truncate_rate: rate("truncate-rate", args.truncate_rate)?,
        inserts_per_page: args.inserts_per_page,
        drift: args.drift,
        ..Faults::default()
    };
    let total = faults.rate_limit_rate
        + faults.server_error_rate
        + faults.reset_rate
        + faults.truncate_rate;
    if total > 1.0 {
        return Err(CliError::new(
            Exit::Usage,
            format!("the fault rates add up to {total}, more than 1.0"),
        ));
    }
    let now = match args.now {
        Some(when) => Some(when.resolve(now()?)),
        None => None,
    };
    let handle = Sandbox::start(SandboxConfig {
        port: args.port,
        seed: args.seed,
        meetings: args.meetings,
        now,
        faults,
        rate_limits: args.rate_limits,
        zoom_daily_heavy_cap: args.zoom_daily_cap,
        ..SandboxConfig::default()
    })
    .await
    .map_err(|e| {
        CliError::new(
            Exit::Other,
            format!("{e}; pick another port with --port (0 picks a free one)"),
        )
    })?;
    let mut out = std::io::stdout().lock();
    out.write_all(handle.export_lines().as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| CliError::io("standard output", &e))?;
    drop(out);
    if !global.quiet {
        eprintln!(
            "meetkit sandbox: serving {} on http://{} \
             ({} meetings each, seed {}, now {}).",
            display_names(),
            handle.addr(),
            args.meetings,
            args.seed,
            handle
                .now()
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        );
        eprintln!(
            "Paste the export lines above into another shell, then try `meetkit list --from 30d`. Ctrl-C stops."
        );
    }
    tokio::signal::ctrl_c()
        .await
        .map_err(|e| CliError::new(Exit::Other, format!("could not wait for Ctrl-C: {e}")))?;
    handle.shutdown().await;
    Ok(Exit::Ok)
}

/// Every provider's display name: `Zoom, Daily, … and Attention`.
fn display_names() -> String {
    let names: Vec<&str> = meetkit::registry::ALL
        .iter()
        .map(|i| i.display_name)
        .collect();
    match names.split_last() {
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}
