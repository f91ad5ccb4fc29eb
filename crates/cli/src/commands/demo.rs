//! `meetkit demo`: an in-process sandbox, the last 30 days from all five providers, and how
//! to go on with real accounts. Reads no environment and no config file, needs no network.

use std::collections::HashMap;
use std::io::Write;

use meetkit::{Client, Config, Provider, Query, Window};
use meetkit_sandbox::{Sandbox, SandboxConfig};

use crate::args::{DemoArgs, GlobalArgs};
use crate::exit::{CliError, Exit};
use crate::output::{Sink, Table};

const SEED: u64 = 7;
const MEETINGS: usize = 3000;

/// How to go on: each provider's credentials (from the registry), then the commands to try.
fn next_steps() -> String {
    let mut text = String::from(
        "Next: point meetkit at your own accounts. Set the credentials of any providers you use:\n",
    );
    for provider in Provider::ALL {
        let info = meetkit::registry::info(provider);
        text.push_str(&format!(
            "  {:<14} {}\n",
            info.display_name, info.configure_hint
        ));
    }
    text.push_str(
        "as environment variables or in the config file (see `meetkit --help`), then:
  meetkit providers                 # what is configured, and from where
  meetkit list --from 7d            # a table here, NDJSON when piped
  meetkit list --from 2026-09-01 --format csv -o meetings.csv
  meetkit sandbox                   # this sandbox as a server, to try the other commands",
    );
    text
}

/// Runs the demo.
pub async fn run(args: DemoArgs, global: &GlobalArgs) -> Result<Exit, CliError> {
    let handle = Sandbox::start(SandboxConfig {
        seed: SEED,
        meetings: MEETINGS,
        ..SandboxConfig::default()
    })
    .await
    .map_err(|e| {
        CliError::new(
            Exit::Other,
            format!("the demo sandbox could not start: {e}"),
        )
    })?;
    let env: HashMap<String, String> = handle.env().into_iter().collect();
    let mut config = Config::from_lookup(|name| env.get(name).cloned())?;
    // The demo sandbox throttles nothing: the providers' documented limits would only slow
    // the demo (its Zoom account is hundreds of users, a report request each).
    config.runtime.unthrottled();
    let client = Client::new(config)?;
    let now = handle.now();
    let window = Window::new(now - chrono::Duration::days(30), now)?;
    let listing = client.collect(&Query::new(window)).await?;
    handle.shutdown().await;

    let mut meetings = listing.meetings;
    meetings.sort_by(|a, b| {
        b.start
            .cmp(&a.start)
            .then_with(|| a.provider.cmp(&b.provider))
    });
    let mut out = std::io::stdout().lock();
    let io = |e: std::io::Error| CliError::io("standard output", &e);
    writeln!(
        out,
        "meetkit demo: a local sandbox (seed {SEED}, {MEETINGS} generated meetings per provider) stands in for all {} \
         providers.\n{} meetings started in the last 30 days, {window}. The {} most recent:\n",
        Provider::ALL.len(),
        meetings.len(),
        args.rows.min(meetings.len())
    )
    .map_err(io)?;
    let mut table = Table::new(Box::new(std::io::stdout()));
    for meeting in meetings.iter().take(args.rows) {
        table.write(meeting).map_err(io)?;
    }
    table.finish().map_err(io)?;
    writeln!(out, "\nPer provider:").map_err(io)?;
    for provider in Provider::ALL {
        let count = meetings.iter().filter(|m| m.provider == provider).count();
        writeln!(out, "  {:<14} {count:>5} meetings", provider.display_name()).map_err(io)?;
    }
    writeln!(out, "\n{}", next_steps()).map_err(io)?;
    out.flush().map_err(io)?;
    super::report(global.quiet, &listing.warnings, &listing.errors);
    Ok(if listing.errors.is_empty() {
        Exit::Ok
    } else {
        Exit::Partial
    })
}
