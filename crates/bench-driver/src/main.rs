//! `meetkit-bench`: the two things `cargo xtask bench` cannot do without the sandbox crate or
//! system calls, so that xtask itself stays light.
//!
//! - `sandbox`: serves the sandbox in this process (so its CPU time and memory are its own),
//!   prints one JSON line — the environment for clients, the fixed "now", the benchmark window
//!   and how many listable records each provider has in it; with `--accounts N` also N named
//!   accounts (tenants) per provider as accounts-file entries and each one's count — and stops
//!   when stdin closes.
//! - `run -- CMD...`: runs a command and prints one JSON line with its wall time, CPU time and
//!   peak RSS (`getrusage(RUSAGE_CHILDREN)`: this process has no other child).

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use chrono::{DateTime, Months, SubsecRound, Utc};
use clap::{Parser, Subcommand};
use meetkit::config::WORKER_THREADS_VAR;
use meetkit_sandbox::{Faults, Provider, Sandbox, SandboxConfig};
use nix::sys::resource::{UsageWho, getrusage};
use serde_json::{Map, Value, json};

/// The CLI's allocator, for the sandbox process too.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The benchmark driver behind `cargo xtask bench`.
#[derive(Parser)]
#[command(name = "meetkit-bench")]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Serve the sandbox until stdin closes; print its environment and record counts as JSON.
    Sandbox {
        /// Seed of the dataset.
        #[arg(long, default_value_t = 7)]
        seed: u64,
        /// Meetings per provider.
        #[arg(long)]
        meetings: usize,
        /// Delay before every response, in milliseconds.
        #[arg(long, default_value_t = 0)]
        latency_ms: u64,
        /// Enforce the providers' documented rate limits with 429s.
        #[arg(long)]
        rate_limits: bool,
        /// The benchmark window starts this many days before "now"...
        #[arg(long)]
        days_back: i64,
        /// ...and ends this many days after it.
        #[arg(long, default_value_t = 0)]
        days_ahead: i64,
        /// Named accounts (sandbox tenants) per provider to hand out, each with its own data
        /// and rate limits.
        #[arg(long, default_value_t = 0)]
        accounts: usize,
    },
    /// Run a command; print its wall time, CPU time and peak RSS as JSON.
    Run {
        /// Where the command's standard output goes (default: /dev/null).
        #[arg(long)]
        stdout: Option<PathBuf>,
        /// Where the command's standard error goes (default: inherited).
        #[arg(long)]
        stderr: Option<PathBuf>,
        /// Read the command's standard output and count its lines instead (`lines` in the JSON).
        #[arg(long, conflicts_with = "stdout")]
        count_lines: bool,
        /// The command and its arguments.
        #[arg(last = true, required = true)]
        command: Vec<String>,
    },
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Cmd::Sandbox {
            seed,
            meetings,
            latency_ms,
            rate_limits,
            days_back,
            days_ahead,
            accounts,
        } => serve(
            seed,
            meetings,
            Duration::from_millis(latency_ms),
            rate_limits,
            (days_back, days_ahead),
            accounts,
        ),
        Cmd::Run {
            stdout,
            stderr,
            count_lines,
            command,
        } => run(stdout, stderr, count_lines, &command),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("meetkit-bench: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// The sandbox's multi-threaded runtime: tokio's default worker count, or the one
/// `TOKIO_WORKER_THREADS` (`workers`) sets. A value that is not a number of threads is an error
/// that says so, where tokio itself would panic.
fn runtime(workers: Option<&str>) -> Result<tokio::runtime::Runtime> {
    let mut builder = tokio::runtime::Builder::new_multi_thread();
    if let Some(n) = meetkit::config::worker_threads(workers)? {
        builder.worker_threads(n);
    }
    builder
        .enable_all()
        .build()
        .context("could not start a Tokio runtime")
}

fn serve(
    seed: u64,
    meetings: usize,
    latency: Duration,
    rate_limits: bool,
    (days_back, days_ahead): (i64, i64),
    accounts: usize,
) -> Result<()> {
    let runtime = runtime(std::env::var(WORKER_THREADS_VAR).ok().as_deref())?;
    // Whole seconds, so every client can be given the same window in RFC 3339.
    let now = Utc::now().trunc_subsecs(0);
    let from = now - chrono::Duration::days(days_back);
    let to = now + chrono::Duration::days(days_ahead);
    runtime.block_on(async move {
        let handle = Sandbox::start(SandboxConfig {
            seed,
            meetings,
            now: Some(now),
            faults: Faults {
                latency,
                ..Faults::none()
            },
            rate_limits,
            ..SandboxConfig::default()
        })
        .await?;
        // Zoom serves the last six months only; clients list that part of the window.
        let zoom_from = now
            .date_naive()
            .checked_sub_months(Months::new(6))
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map_or(from, |t| t.and_utc().max(from));
        let mut counts = Map::new();
        let mut account_counts = Map::new();
        let mut account_users = Map::new();
        for p in Provider::ALL {
            let start = if p == Provider::Zoom { zoom_from } else { from };
            let n = meetkit_sandbox::truth::records(handle.dataset(), p, start, to).len();
            counts.insert(p.as_str().to_owned(), json!(n));
            for i in 1..=accounts {
                let name = meetkit_sandbox::SandboxHandle::account_name(i);
                let n = handle.truth_of(p, &name, start, to).len();
                account_counts.insert(format!("{}/{name}", p.as_str()), json!(n));
                if p == Provider::Zoom {
                    account_users.insert(
                        format!("{}/{name}", p.as_str()),
                        json!(wide_users(&handle, &name)),
                    );
                }
            }
        }
        // The environment's Server-to-Server credentials list the default tenant account-wide.
        let users = wide_users(&handle, "default");
        let env: Map<String, Value> = handle
            .env()
            .into_iter()
            .map(|(k, v)| (k, Value::String(v)))
            .collect();
        let line = json!({
            "now": rfc3339(now),
            "from": rfc3339(from),
            "to": rfc3339(to),
            "zoom_from": rfc3339(zoom_from),
            "env": env,
            "counts": counts,
            "zoom_users": users,
            "accounts": handle.accounts(accounts),
            "account_counts": account_counts,
            "account_users": account_users,
        });
        {
            let mut out = std::io::stdout().lock();
            writeln!(out, "{line}")?;
            out.flush()?;
        }
        // Serve until the parent closes our stdin (or exits).
        tokio::task::spawn_blocking(|| {
            let mut sink = Vec::new();
            let _ = std::io::stdin().lock().read_to_end(&mut sink);
        })
        .await?;
        handle.shutdown().await;
        anyhow::Ok(())
    })
}

fn seconds(t: nix::sys::time::TimeVal) -> f64 {
    t.tv_sec() as f64 + t.tv_usec() as f64 / 1e6
}

fn run(
    stdout: Option<PathBuf>,
    stderr: Option<PathBuf>,
    count_lines: bool,
    command: &[String],
) -> Result<()> {
    let Some((program, args)) = command.split_first() else {
        bail!("no command given");
    };
    let out = match &stdout {
        _ if count_lines => Stdio::piped(),
        Some(path) => Stdio::from(
            std::fs::File::create(path)
                .with_context(|| format!("could not create {}", path.display()))?,
        ),
        None => Stdio::from(std::fs::File::create("/dev/null").context("/dev/null")?),
    };
    let err = match &stderr {
        Some(path) => Stdio::from(
            std::fs::File::create(path)
                .with_context(|| format!("could not create {}", path.display()))?,
        ),
        None => Stdio::inherit(),
    };
    let started = Instant::now();
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(err)
        .spawn()
        .with_context(|| format!("could not run {program}"))?;
    let mut lines = 0u64;
    if let Some(mut pipe) = child.stdout.take() {
        let mut buf = vec![0u8; 1 << 20];
        loop {
            let n = pipe
                .read(&mut buf)
                .context("reading the command's output")?;
            if n == 0 {
                break;
            }
            lines += buf[..n].iter().filter(|b| **b == b'\n').count() as u64;
        }
    }
    let status = child
        .wait()
        .with_context(|| format!("waiting for {program}"))?;
    let wall = started.elapsed().as_secs_f64();
    let usage = getrusage(UsageWho::RUSAGE_CHILDREN).context("getrusage")?;
    let line = json!({
        "code": status.code(),
        "lines": lines,
        "wall_s": wall,
        "user_s": seconds(usage.user_time()),
        "sys_s": seconds(usage.system_time()),
        // Linux reports ru_maxrss in KiB.
        "max_rss_kib": usage.max_rss(),
    });
    println!("{line}");
    Ok(())
}

/// The users an account-wide Zoom listing of tenant `account` covers, per status (meetkit's
/// default statuses: active, inactive).
fn wide_users(handle: &meetkit_sandbox::SandboxHandle, account: &str) -> [usize; 2] {
    ["active", "inactive"].map(|status| handle.zoom_users_of(account, status).len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_worker_count_that_is_not_a_number_is_an_error_not_a_panic() {
        let error = runtime(Some("many")).err().map(|e| format!("{e:#}"));
        assert!(
            error
                .as_deref()
                .is_some_and(|e| e.contains("TOKIO_WORKER_THREADS=\"many\"")),
            "{error:?}"
        );
        assert!(runtime(Some("1")).is_ok());
        assert!(runtime(None).is_ok());
    }
}
