//! `cargo xtask bench [--quick]`: meetkit against the sandbox on loopback, against the Python
//! alternatives (`bench/`), and against the lower bound the providers' rate limits set.
//!
//! Every client runs under `meetkit-bench run` (wall time, CPU time and peak RSS of that one
//! process); every sandbox is `meetkit-bench sandbox`, a process of its own, so its CPU time and
//! memory are never counted as the client's. The table is printed and written to
//! `target/bench/report.md`; `bench/README.md` explains each figure and the lower bound.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use serde_json::Value;

use crate::cargo::cargo;

/// Dataset sizes of one run.
struct Sizes {
    /// Meetings per provider for throughput, the Python alternatives and the large memory run.
    throughput: usize,
    /// Meetings per provider for the small memory run.
    memory_small: usize,
    /// Meetings per provider for the latency-bound run.
    latency: usize,
    /// Meetings per provider of each fleet account.
    fleet: usize,
}

const FULL: Sizes = Sizes {
    throughput: 200_000,
    memory_small: 20_000,
    latency: 20_000,
    fleet: 2_000,
};

const QUICK: Sizes = Sizes {
    throughput: 20_000,
    memory_small: 2_000,
    latency: 4_000,
    fleet: 500,
};

/// Accounts per provider in the fleet scenario.
const FLEET_ACCOUNTS: usize = 200;

/// Latency the sandbox adds to every request in the latency-bound scenario.
const LATENCY_MS: u64 = 50;

/// Page sizes (the providers' maxima) and the rate limits the sandbox enforces (requests per
/// second), from the provider registry, for the lower bound.
fn providers() -> impl Iterator<Item = (&'static str, u64, Option<u64>)> {
    meetkit::registry::ALL.iter().map(|i| {
        (
            i.provider.as_str(),
            u64::from(i.page_size.max),
            i.enforced_rate().map(|r| r as u64),
        )
    })
}

/// The fewest windows a listing over `days` needs: one per longest window the provider's API
/// allows (the registry's `longest_window_days`), except Zoom's, whose date ranges span at most
/// a month (~31 days; the registry's 32 is the longest a window reaches, after a 31-day month).
fn min_windows(provider: &str, days: f64) -> u64 {
    let longest = if provider == "zoom" {
        Some(31)
    } else {
        meetkit::registry::ALL
            .iter()
            .find(|i| i.provider.as_str() == provider)
            .and_then(|i| i.longest_window_days)
    };
    longest
        .map_or(1, |d| (days / d as f64).ceil() as u64)
        .max(1)
}

/// A config file that turns every provider's client-side rate limit off.
fn unthrottled_config() -> String {
    let off: Vec<String> = meetkit::Provider::ALL
        .iter()
        .map(|p| format!("{} = 0", p.as_str()))
        .collect();
    format!("rate_limits = {{ {} }}\n", off.join(", "))
}

/// One scenario run alone (`cargo xtask bench --only ...`), for measuring a change to it without
/// waiting for every other scenario.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Only {
    /// Scenario 2: the CLI's throughput listing, then the Python package into pandas, polars and
    /// batches against it.
    Python,
    /// Scenario 4: the latency-bound run against the lower bound, and its requests per provider.
    Latency,
    /// Scenario 8: the fleet (as `--fleet`).
    Fleet,
}

/// Runs the benchmark (every scenario, or only one) and writes `target/bench/report.md`.
pub fn run(root: &Path, quick: bool, only: Option<Only>) -> Result<()> {
    let sizes = if quick { QUICK } else { FULL };
    let started = Instant::now();
    let out_dir = root.join("target").join("bench");
    std::fs::create_dir_all(&out_dir)
        .with_context(|| format!("could not create {}", out_dir.display()))?;

    println!("==> building meetkit (release)");
    cargo(
        root,
        &[
            "build",
            "--release",
            "--locked",
            "-p",
            "meetkit-cli",
            "-p",
            "meetkit-bench",
        ],
    )?;
    let release = root.join("target").join("release");
    let tools = Tools {
        driver: release.join("meetkit-bench"),
        cli: release.join("meetkit"),
        out_dir: out_dir.clone(),
        // Client-side rate limits off: the sandbox does not enforce any in the throughput runs
        // and the Python alternatives do not throttle either.
        unthrottled: write_config(&out_dir, "unthrottled.toml", &unthrottled_config())?,
        // The defaults, but never a user's own ~/.config/meetkit/config.toml.
        defaults: write_config(&out_dir, "defaults.toml", "")?,
    };
    if let Some(only) = only {
        let mut table = Table::default();
        let detail = match only {
            Only::Fleet => fleet(&tools, &sizes, &mut table)?,
            Only::Latency => latency(&tools, &sizes, &mut table)?,
            Only::Python => {
                let python = python_env(root, &out_dir)?;
                let per = sizes.throughput;
                println!("==> throughput: {per} meetings per provider, no latency");
                let sandbox = SandboxProcess::start(&tools.driver, per, 0, false, 395, 30, 0)?;
                let cli = tools.cli_list(&sandbox, &tools.unthrottled, &[], "cli-throughput")?;
                python_rows(&python, &tools, &sandbox, &cli, &mut table);
                sandbox.stop();
                String::new()
            }
        };
        write_report(&out_dir, &table, quick, started, &detail)?;
        return Ok(());
    }
    let python = match python_env(root, &out_dir) {
        Ok(p) => Some(p),
        Err(e) => {
            eprintln!("warning: the Python alternatives are skipped: {e:#}");
            None
        }
    };
    let mut table = Table::default();

    // 1-3 and the large memory run: one sandbox, every client in turn.
    let per = sizes.throughput;
    println!("==> throughput: {per} meetings per provider, no latency");
    let sandbox = SandboxProcess::start(&tools.driver, per, 0, false, 395, 30, 0)?;
    let cli = tools.cli_list(&sandbox, &tools.unthrottled, &[], "cli-throughput")?;
    let meetkit_rate = cli.meetings as f64 / cli.run.wall_s;
    table.row(
        format!(
            "Throughput: `meetkit list --format ndjson` → /dev/null, {} meetings",
            thousands(cli.meetings)
        ),
        format!(
            "{} meetings/s ({:.2} s)",
            thousands(meetkit_rate as u64),
            cli.run.wall_s
        ),
        String::new(),
        String::new(),
        String::new(),
        None,
    );
    let total_cpu = cli.run.cpu_s() + cli.sandbox_cpu_s;
    table.row(
        "CPU time of that run: client vs sandbox (2 processes)".to_owned(),
        format!(
            "client {:.2} s ({:.0} %)",
            cli.run.cpu_s(),
            100.0 * cli.run.cpu_s() / total_cpu
        ),
        format!(
            "sandbox {:.2} s ({:.0} %)",
            cli.sandbox_cpu_s,
            100.0 * cli.sandbox_cpu_s / total_cpu
        ),
        String::new(),
        String::new(),
        None,
    );
    let expected = cli.meetings;
    match &python {
        Some(py) => {
            for (script, label) in [
                ("plain_client.py", "plain Python (httpx + json)"),
                ("dlt_client.py", "dlt RESTClient.paginate"),
            ] {
                println!("==> {script}");
                match py.script(&tools, &sandbox, script, None) {
                    Ok((alt, _)) => {
                        let rate = alt.meetings as f64 / alt.run.wall_s;
                        let ratio = meetkit_rate / rate;
                        // CPU per meeting does not depend on what else the machine runs.
                        let cpu_ratio = (alt.run.cpu_s() / alt.meetings as f64)
                            / (cli.run.cpu_s() / cli.meetings as f64);
                        table.row(
                            format!("Throughput vs {label}{}", same(alt.meetings, expected)),
                            format!(
                                "{} meetings/s; {:.1} µs CPU/meeting",
                                thousands(meetkit_rate as u64),
                                micros_per(cli.run.cpu_s(), cli.meetings)
                            ),
                            format!(
                                "{} meetings/s ({:.1} s); {:.1} µs CPU/meeting",
                                thousands(rate as u64),
                                alt.run.wall_s,
                                micros_per(alt.run.cpu_s(), alt.meetings)
                            ),
                            format!("{ratio:.1}× (CPU {cpu_ratio:.1}×)"),
                            "≥ 10×".to_owned(),
                            Some(ratio >= 10.0),
                        );
                    }
                    Err(e) => {
                        eprintln!("warning: {script} failed: {e:#}");
                        table.unavailable(format!("Throughput vs {label}"), &e.to_string());
                    }
                }
            }
            python_rows(py, &tools, &sandbox, &cli, &mut table);
        }
        None => {
            for label in [
                "Throughput vs plain Python (httpx + json)",
                "Throughput vs dlt RESTClient.paginate",
                "Python (the meetkit pip package) vs the CLI",
            ] {
                table.unavailable(label.to_owned(), "the venv could not be built");
            }
        }
    }
    sync_rows(&tools, &sandbox, &mut table, meetkit_rate)?;
    sandbox.stop();

    // 5: peak RSS, small vs large (the large figure is the throughput run's).
    let small_per = sizes.memory_small;
    println!("==> memory: {small_per} meetings per provider");
    let sandbox = SandboxProcess::start(&tools.driver, small_per, 0, false, 395, 30, 0)?;
    let small = tools.cli_list(&sandbox, &tools.unthrottled, &[], "cli-memory-small")?;
    sandbox.stop();
    let (small_mb, large_mb) = (small.run.max_rss_mb(), cli.run.max_rss_mb());
    let ratio = large_mb / small_mb;
    table.row(
        format!(
            "Memory: peak RSS of the CLI, {} vs {} meetings to NDJSON",
            thousands(cli.meetings),
            thousands(small.meetings)
        ),
        format!("{large_mb:.1} MB"),
        format!("{small_mb:.1} MB"),
        format!("{ratio:.2}×"),
        "≤ 1.2× and < 100 MB".to_owned(),
        Some(ratio <= 1.2 && large_mb < 100.0),
    );

    // 4: latency-bound, against the lower bound and against concurrency 1.
    let latency_detail = latency(&tools, &sizes, &mut table)?;
    let fleet_detail = fleet(&tools, &sizes, &mut table)?;
    let detail = format!("{latency_detail}. {fleet_detail}");
    write_report(&out_dir, &table, quick, started, &detail)?;

    // 6: criterion, decode + normalize one full page per provider.
    println!("==> micro: criterion (crates/meetkit/benches/normalize.rs)");
    match micro(root, quick) {
        Ok(rows) => {
            for (name, median_us, records) in rows {
                table.row(
                    format!("Micro: decode + normalize one {name} page ({records} records)"),
                    format!("{median_us:.0} µs"),
                    String::new(),
                    format!("{:.1} µs/record", median_us / records as f64),
                    String::new(),
                    None,
                );
            }
        }
        Err(e) => eprintln!("warning: the criterion benches failed: {e:#}"),
    }

    let path = write_report(&out_dir, &table, quick, started, &detail)?;
    println!("written to {}", path.display());
    Ok(())
}

/// Scenario 4: the latency-bound run against the lower bound and against `--concurrency 1`,
/// and its requests per provider against the fewest possible; the bound's detail line.
fn latency(tools: &Tools, sizes: &Sizes, table: &mut Table) -> Result<String> {
    let lat_per = sizes.latency;
    println!(
        "==> latency-bound: {lat_per} meetings per provider, {LATENCY_MS} ms per request, rate limits on"
    );
    let sandbox = SandboxProcess::start(&tools.driver, lat_per, LATENCY_MS, true, 365, 0, 0)?;
    let bound = lower_bound(&sandbox.info, LATENCY_MS as f64 / 1000.0, 365.0)?;
    let wide = tools.cli_list(&sandbox, &tools.defaults, &[], "cli-latency")?;
    let serial = tools.cli_list(
        &sandbox,
        &tools.defaults,
        &["--concurrency", "1"],
        "cli-latency-c1",
    )?;
    sandbox.stop();
    let ratio = wide.run.wall_s / bound.total;
    table.row(
        format!("Latency-bound: {} meetings (12 months), {LATENCY_MS} ms a request, rate limits on: wall time vs lower bound ({})", thousands(wide.meetings), bound.limiting),
        format!("{:.2} s", wide.run.wall_s),
        format!("bound {:.2} s", bound.total),
        format!("{ratio:.2}×"),
        "≤ 1.25×".to_owned(),
        Some(ratio <= 1.25),
    );
    table.row(
        "Latency-bound: default concurrency vs `--concurrency 1`".to_owned(),
        format!("{:.2} s", wide.run.wall_s),
        format!("{:.2} s", serial.run.wall_s),
        format!("{:.1}× faster", serial.run.wall_s / wide.run.wall_s),
        String::new(),
        None,
    );

    for (provider, fewest) in &bound.requests {
        let (made, retries) = wide.requests.get(provider).copied().unwrap_or((0, 0));
        let ratio = made as f64 / *fewest as f64;
        table.row(
            format!("Requests vs the minimum: {provider} (latency-bound run)"),
            format!("{made} requests ({retries} of them retries)"),
            format!("minimum {fewest}"),
            format!("{ratio:.2}×"),
            "≤ 1.1×".to_owned(),
            Some(ratio <= 1.1),
        );
    }

    let made = wide
        .requests
        .iter()
        .map(|(p, (n, retries))| format!("{p} {n} ({retries} retries)"))
        .collect::<Vec<_>>()
        .join(", ");
    Ok(format!(
        "{}. Requests meetkit made (default concurrency): {made}",
        bound.detail
    ))
}

/// `meetkit sync` into each destination, from empty, over the throughput sandbox: NDJSON, SQLite,
/// and PostgreSQL when `MEETKIT_BENCH_POSTGRES` names a database (its meetkit tables are dropped
/// first). Each then runs again, as a next scheduled run would: from its checkpoints minus the
/// lookback, over unchanged data (a database writes nothing; NDJSON reads its file back).
fn sync_rows(
    tools: &Tools,
    sandbox: &SandboxProcess,
    table: &mut Table,
    list_rate: f64,
) -> Result<()> {
    let dir = tools.out_dir.join("sync");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).with_context(|| format!("could not create {}", dir.display()))?;
    let ndjson = dir.join("meetings.ndjson");
    let state = dir.join("state.json");
    let sqlite = dir.join("meetings.db");
    let mut destinations: Vec<(&str, Vec<String>)> = vec![
        (
            "NDJSON file",
            vec![
                "--out".to_owned(),
                ndjson.display().to_string(),
                "--state".to_owned(),
                state.display().to_string(),
            ],
        ),
        (
            "SQLite",
            vec!["--to".to_owned(), format!("sqlite:{}", sqlite.display())],
        ),
    ];
    match std::env::var("MEETKIT_BENCH_POSTGRES") {
        Ok(url) => {
            let dropped = Command::new("psql")
                .arg(&url)
                .args([
                    "-q",
                    "-c",
                    "DROP TABLE IF EXISTS meetings, sync_state, meetkit_schema",
                ])
                .status();
            if !dropped.is_ok_and(|s| s.success()) {
                bail!("could not empty MEETKIT_BENCH_POSTGRES with psql");
            }
            destinations.push(("PostgreSQL", vec!["--to".to_owned(), url]));
        }
        Err(_) => println!(
            "    PostgreSQL sync skipped: set MEETKIT_BENCH_POSTGRES=postgres://USER@HOST/DB (an empty database)"
        ),
    }
    let mut ndjson_s = None;
    for (label, args) in destinations {
        let mut runs = Vec::new();
        for pass in ["first", "again"] {
            let name = format!(
                "cli-sync-{}-{pass}",
                label.split(' ').next().unwrap_or(label)
            );
            runs.push(tools.cli_sync(sandbox, &args, &name)?);
        }
        let (first, again) = (&runs[0], &runs[1]);
        let rate = first.meetings as f64 / first.run.wall_s;
        let ratio = first.run.wall_s / *ndjson_s.get_or_insert(first.run.wall_s);
        let is_ndjson = label.starts_with("NDJSON");
        table.row(
            format!(
                "Sync → {label}: {} meetings from empty; then the next run (from the checkpoints, nothing changed)",
                thousands(first.meetings)
            ),
            format!(
                "{} meetings/s ({:.2} s); next run {:.2} s",
                thousands(rate as u64),
                first.run.wall_s,
                again.run.wall_s
            ),
            if is_ndjson {
                format!("`list` {} meetings/s", thousands(list_rate as u64))
            } else {
                "sync → NDJSON".to_owned()
            },
            if is_ndjson {
                String::new()
            } else {
                format!("{ratio:.2}× its time")
            },
            if is_ndjson { String::new() } else { "≤ 2×".to_owned() },
            (!is_ndjson).then_some(ratio <= 2.0),
        );
    }
    Ok(())
}

/// Writes `target/bench/report.md` (also before the criterion step, so a failed or slow micro
/// build keeps the end-to-end figures).
fn write_report(
    out_dir: &Path,
    table: &Table,
    quick: bool,
    started: Instant,
    bound_detail: &str,
) -> Result<PathBuf> {
    let mut report = String::new();
    let mode = if quick { "quick" } else { "full" };
    let _ = writeln!(
        report,
        "## meetkit benchmark ({mode}, {:.0} s)\n",
        started.elapsed().as_secs_f64()
    );
    report.push_str(&table.markdown());
    let _ = writeln!(
        report,
        "\nLower bound per provider (latency-bound run): {bound_detail}"
    );
    let _ = writeln!(report, "\nMachine: {}", machine());
    println!("\n{report}");
    let path = out_dir.join("report.md");
    std::fs::write(&path, &report)
        .with_context(|| format!("could not write {}", path.display()))?;
    Ok(path)
}

fn write_config(dir: &Path, name: &str, text: &str) -> Result<PathBuf> {
    let path = dir.join(name);
    std::fs::write(&path, text).with_context(|| format!("could not write {}", path.display()))?;
    Ok(path)
}

/// One line of `meetkit-bench run`.
#[derive(Debug, Clone, Copy)]
struct Measured {
    wall_s: f64,
    user_s: f64,
    sys_s: f64,
    max_rss_kib: f64,
}

impl Measured {
    fn cpu_s(&self) -> f64 {
        self.user_s + self.sys_s
    }
    fn max_rss_mb(&self) -> f64 {
        self.max_rss_kib * 1024.0 / 1e6
    }
}

/// A client run: its measurements, how many meetings it listed, and the sandbox's CPU meanwhile.
struct ClientRun {
    run: Measured,
    meetings: u64,
    sandbox_cpu_s: f64,
    /// Requests per provider and the retries among them, from the CLI's `-v` summary.
    requests: BTreeMap<String, (u64, u64)>,
}

/// The CLI's `-v` summary (`listed provider=daily meetings=3697 requests=39 retries=0 ...`, one
/// line a provider): meetings in all, and (requests, retries among them) per provider.
fn listed(stderr: &str) -> (u64, BTreeMap<String, (u64, u64)>) {
    let mut meetings = 0;
    let mut requests = BTreeMap::new();
    for line in stderr.lines().filter(|l| l.contains(" listed ")) {
        let field = |name: &str| {
            line.split_whitespace()
                .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='))
        };
        meetings += field("meetings")
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0);
        // One line per provider account: a provider's requests are its accounts' sum.
        if let (Some(p), Some(n)) = (field("provider"), field("requests")) {
            let retries = field("retries")
                .and_then(|v| v.parse::<u64>().ok())
                .unwrap_or(0);
            let entry = requests.entry(p.to_owned()).or_insert((0, 0));
            entry.0 += n.parse::<u64>().unwrap_or(0);
            entry.1 += retries;
        }
    }
    (meetings, requests)
}

struct Tools {
    driver: PathBuf,
    cli: PathBuf,
    out_dir: PathBuf,
    unthrottled: PathBuf,
    defaults: PathBuf,
}

impl Tools {
    /// Runs `command` under `meetkit-bench run` with the sandbox's environment and `env`.
    fn measure(
        &self,
        sandbox: &SandboxProcess,
        name: &str,
        command: &[String],
        env: &[(&str, &std::ffi::OsStr)],
    ) -> Result<(Measured, String, f64)> {
        let stderr = self.out_dir.join(format!("{name}.stderr"));
        let mut cmd = Command::new(&self.driver);
        // Output goes to /dev/null; each client reports its own count (the CLI in its `-v`
        // summary, the Python scripts in their result files).
        cmd.arg("run")
            .arg("--stdout")
            .arg("/dev/null")
            .arg("--stderr")
            .arg(&stderr)
            .arg("--")
            .args(command.iter());
        for (k, v) in &sandbox.env {
            cmd.env(k, v);
        }
        for (k, v) in env {
            cmd.env(k, v);
        }
        let cpu_before = sandbox.cpu_s();
        let output = cmd
            .stderr(Stdio::inherit())
            .output()
            .with_context(|| format!("could not run {}", self.driver.display()))?;
        let sandbox_cpu = sandbox.cpu_s() - cpu_before;
        let text = String::from_utf8_lossy(&output.stdout);
        let line: Value = serde_json::from_str(text.trim())
            .with_context(|| format!("meetkit-bench run printed {text:?}"))?;
        let errors = std::fs::read_to_string(&stderr).unwrap_or_default();
        if line["code"].as_i64() != Some(0) {
            bail!("{name} exited with {}: {}", line["code"], errors.trim());
        }
        let num = |k: &str| line[k].as_f64().unwrap_or(f64::NAN);
        let run = Measured {
            wall_s: num("wall_s"),
            user_s: num("user_s"),
            sys_s: num("sys_s"),
            max_rss_kib: num("max_rss_kib"),
        };
        println!(
            "    {name}: {:.2} s wall, {:.2} s CPU, {:.1} MB peak RSS; sandbox {sandbox_cpu:.2} s CPU",
            run.wall_s,
            run.cpu_s(),
            run.max_rss_mb()
        );
        Ok((run, errors, sandbox_cpu))
    }

    fn cli_list(
        &self,
        sandbox: &SandboxProcess,
        config: &Path,
        extra: &[&str],
        name: &str,
    ) -> Result<ClientRun> {
        let info = &sandbox.info;
        let command: Vec<String> = [
            self.cli.to_string_lossy().as_ref(),
            "list",
            "--provider",
            "all",
            "--format",
            "ndjson",
            "--lenient",
            "--from",
            info.from.as_str(),
            "--to",
            info.to.as_str(),
            "-v",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .chain(extra.iter().map(|s| (*s).to_owned()))
        .collect();
        let (run, stderr, sandbox_cpu_s) = self.measure(
            sandbox,
            name,
            &command,
            &[("MEETKIT_CONFIG", config.as_os_str())],
        )?;
        let (meetings, requests) = listed(&stderr);
        if meetings == 0 {
            bail!("{name} printed no `listed` summary: {}", stderr.trim());
        }
        Ok(ClientRun {
            run,
            meetings,
            sandbox_cpu_s,
            requests,
        })
    }
}

impl Tools {
    /// `meetkit sync` over the sandbox's whole span (its clock pinned to the sandbox's now) into
    /// the destination `dest` names; the count is its `-v` summary's `received`.
    fn cli_sync(&self, sandbox: &SandboxProcess, dest: &[String], name: &str) -> Result<ClientRun> {
        let info = &sandbox.info;
        let command: Vec<String> = [
            self.cli.to_string_lossy().as_ref(),
            "sync",
            "--lenient",
            "--since",
            info.from.as_str(),
            "-v",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .chain(dest.iter().cloned())
        .collect();
        let now = std::ffi::OsStr::new(info.to.as_str());
        let (run, stderr, sandbox_cpu_s) = self.measure(
            sandbox,
            name,
            &command,
            &[
                ("MEETKIT_CONFIG", self.unthrottled.as_os_str()),
                ("MEETKIT_NOW", now),
            ],
        )?;
        let meetings = stderr
            .lines()
            .filter(|l| l.contains(" synced "))
            .find_map(|l| {
                l.split_whitespace()
                    .find_map(|kv| kv.strip_prefix("received="))
                    .and_then(|v| v.parse().ok())
            })
            .with_context(|| format!("{name} printed no `synced` summary: {}", stderr.trim()))?;
        Ok(ClientRun {
            run,
            meetings,
            sandbox_cpu_s,
            requests: BTreeMap::new(),
        })
    }
}

/// The benchmark's virtualenv with the alternatives' pinned requirements and a release build
/// of the meetkit package.
struct PythonEnv {
    python: PathBuf,
    bench_dir: PathBuf,
}

fn python_env(root: &Path, out_dir: &Path) -> Result<PythonEnv> {
    let venv = root.join("target").join("bench-venv");
    let python = venv.join("bin").join("python");
    if !python.exists() {
        let interpreter = std::env::var("MEETKIT_PYTHON").unwrap_or_else(|_| "python3".to_owned());
        println!("==> creating {} with {interpreter}", venv.display());
        checked(
            Command::new(&interpreter).args(["-m", "venv"]).arg(&venv),
            "python -m venv",
        )?;
    }
    let requirements = root.join("bench").join("requirements.txt");
    let wanted = std::fs::read_to_string(&requirements)
        .with_context(|| format!("could not read {}", requirements.display()))?;
    let stamp = venv.join("requirements.installed");
    if std::fs::read_to_string(&stamp).ok().as_deref() != Some(wanted.as_str()) {
        println!("==> installing bench/requirements.txt");
        checked(
            Command::new(&python)
                .args([
                    "-m",
                    "pip",
                    "install",
                    "--quiet",
                    "--disable-pip-version-check",
                    "-r",
                ])
                .arg(&requirements),
            "pip install -r bench/requirements.txt",
        )?;
        std::fs::write(&stamp, &wanted)?;
    }
    println!("==> building the meetkit wheel (release)");
    let wheels = out_dir.join("wheels");
    let _ = std::fs::remove_dir_all(&wheels);
    checked(
        Command::new(venv.join("bin").join("maturin"))
            .args([
                "build",
                "--release",
                "--locked",
                "--quiet",
                "--manifest-path",
            ])
            .arg(root.join("python").join("Cargo.toml"))
            .arg("--interpreter")
            .arg(&python)
            .arg("--out")
            .arg(&wheels)
            .current_dir(root),
        "maturin build --release",
    )?;
    let wheel = std::fs::read_dir(&wheels)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "whl"))
        .context("maturin built no wheel")?;
    checked(
        Command::new(&python)
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "--force-reinstall",
                "--no-deps",
            ])
            .arg(&wheel),
        "pip install the meetkit wheel",
    )?;
    Ok(PythonEnv {
        python,
        bench_dir: root.join("bench"),
    })
}

impl PythonEnv {
    /// Runs a `bench/` script (with `--sink sink` when given); its run and its result file.
    fn script(
        &self,
        tools: &Tools,
        sandbox: &SandboxProcess,
        script: &str,
        sink: Option<&str>,
    ) -> Result<(ClientRun, Value)> {
        let base = script.trim_end_matches(".py");
        let name = sink.map_or_else(|| base.to_owned(), |s| format!("{base}-{s}"));
        let name = name.as_str();
        let result = tools.out_dir.join(format!("{name}.json"));
        let _ = std::fs::remove_file(&result);
        let info = &sandbox.info;
        let command: Vec<String> = [
            self.python.to_string_lossy().into_owned(),
            self.bench_dir.join(script).to_string_lossy().into_owned(),
            "--from".into(),
            info.from.clone(),
            "--to".into(),
            info.to.clone(),
            "--zoom-from".into(),
            info.zoom_from.clone(),
            "--now".into(),
            info.now.clone(),
            "--result".into(),
            result.to_string_lossy().into_owned(),
        ]
        .into_iter()
        .chain(
            sink.into_iter()
                .flat_map(|s| ["--sink".to_owned(), s.to_owned()]),
        )
        .collect();
        let (run, _, sandbox_cpu_s) = tools.measure(sandbox, name, &command, &[])?;
        let summary: Value = serde_json::from_str(
            &std::fs::read_to_string(&result)
                .with_context(|| format!("{script} wrote no result"))?,
        )?;
        let meetings = summary["meetings"]
            .as_u64()
            .context("no meeting count in the result")?;
        Ok((
            ClientRun {
                run,
                meetings,
                sandbox_cpu_s,
                requests: BTreeMap::new(),
            },
            summary,
        ))
    }
}

/// The meetkit pip package into pandas, polars and pandas batches, each against the CLI's run
/// of the same listing (wall time and peak RSS).
fn python_rows(
    py: &PythonEnv,
    tools: &Tools,
    sandbox: &SandboxProcess,
    cli: &ClientRun,
    table: &mut Table,
) {
    let script = "meetkit_python.py";
    let cli_rate = cli.meetings as f64 / cli.run.wall_s;
    let cli_cell = format!(
        "CLI → NDJSON {} meetings/s ({:.2} s); {:.1} MB",
        thousands(cli_rate as u64),
        cli.run.wall_s,
        cli.run.max_rss_mb()
    );
    for (sink, label, target) in [
        ("pandas", "`list_meetings(...).to_pandas()`", Some(1.5)),
        ("polars", "`list_meetings(...).to_polars()`", None),
        (
            "batches",
            "`iter_meetings(..., batch_size=10_000)`, each batch `.to_pandas()`",
            None,
        ),
    ] {
        println!("==> {script} --sink {sink}");
        let figure = format!("Python → {sink}: {label} vs the CLI, same listing");
        match py.script(tools, sandbox, script, Some(sink)) {
            Ok((run, summary)) => {
                // From the client's creation to the last frame; the DataFrame library is
                // imported before (see bench/meetkit_python.py), the process's wall is shown too.
                let seconds = summary["seconds"].as_f64().unwrap_or(run.run.wall_s);
                let rate = run.meetings as f64 / seconds;
                let batches = summary["batches"].as_u64().unwrap_or(0);
                let batches = if batches > 0 {
                    format!(", {batches} batches")
                } else {
                    String::new()
                };
                let ratio = seconds / cli.run.wall_s;
                table.row(
                    format!("{figure}{}", same(run.meetings, cli.meetings)),
                    format!(
                        "{} meetings/s ({seconds:.2} s{batches}; process {:.2} s with imports); peak RSS {:.1} MB",
                        thousands(rate as u64),
                        run.run.wall_s,
                        run.run.max_rss_mb()
                    ),
                    cli_cell.clone(),
                    format!(
                        "{ratio:.2}× the time, {:.1}× the memory",
                        run.run.max_rss_mb() / cli.run.max_rss_mb()
                    ),
                    target.map_or_else(String::new, |t| format!("≤ {t}×")),
                    target.map(|t| ratio <= t),
                );
            }
            Err(e) => {
                eprintln!("warning: {script} --sink {sink} failed: {e:#}");
                table.unavailable(figure, &e.to_string());
            }
        }
    }
}

/// " — N meetings, meetkit listed M" when a client listed another count than the CLI.
fn same(listed: u64, expected: u64) -> String {
    if listed == expected {
        String::new()
    } else {
        format!(
            " — {} meetings, meetkit listed {}",
            thousands(listed),
            thousands(expected)
        )
    }
}

/// What `meetkit-bench sandbox` printed.
struct SandboxInfo {
    now: String,
    from: String,
    to: String,
    zoom_from: String,
    counts: BTreeMap<String, u64>,
    /// Named accounts as accounts-file entries (the fleet).
    accounts: Vec<Value>,
    /// Listable records per `provider/account` of the fleet.
    account_counts: BTreeMap<String, u64>,
    /// Active and inactive users of the default tenant's Zoom account.
    zoom_users: [u64; 2],
    /// Active and inactive users per Zoom account of the fleet (`zoom/t001`).
    account_users: BTreeMap<String, [u64; 2]>,
}

/// A sandbox in its own process; stops when its stdin is closed.
struct SandboxProcess {
    child: Child,
    stdin: Option<ChildStdin>,
    env: Vec<(String, String)>,
    info: SandboxInfo,
    clock_ticks: f64,
}

impl SandboxProcess {
    fn start(
        driver: &Path,
        meetings: usize,
        latency_ms: u64,
        rate_limits: bool,
        days_back: u32,
        days_ahead: u32,
        accounts: usize,
    ) -> Result<Self> {
        let mut cmd = Command::new(driver);
        cmd.args([
            "sandbox",
            "--meetings",
            &meetings.to_string(),
            "--latency-ms",
            &latency_ms.to_string(),
        ])
        .args([
            "--days-back",
            &days_back.to_string(),
            "--days-ahead",
            &days_ahead.to_string(),
        ]);
        if rate_limits {
            cmd.arg("--rate-limits");
        }
        cmd.args(["--accounts", &accounts.to_string()]);
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .context("could not start meetkit-bench sandbox")?;
        let stdout = child.stdout.take().context("no stdout")?;
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line)?;
        let v: Value = serde_json::from_str(&line)
            .with_context(|| format!("meetkit-bench sandbox printed {line:?}"))?;
        let text = |k: &str| {
            v[k].as_str()
                .map(str::to_owned)
                .with_context(|| format!("no {k} in {line}"))
        };
        let env = v["env"]
            .as_object()
            .context("no env")?
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_owned()))
            .collect();
        let counts = v["counts"]
            .as_object()
            .context("no counts")?
            .iter()
            .map(|(k, v)| (k.clone(), v.as_u64().unwrap_or(0)))
            .collect();
        let account_counts = v["account_counts"]
            .as_object()
            .into_iter()
            .flatten()
            .map(|(k, v)| (k.clone(), v.as_u64().unwrap_or(0)))
            .collect();
        let account_users = v["account_users"]
            .as_object()
            .into_iter()
            .flatten()
            .map(|(k, v)| {
                let n = |i: usize| v[i].as_u64().unwrap_or(0);
                (k.clone(), [n(0), n(1)])
            })
            .collect();
        let users = |i: usize| v["zoom_users"][i].as_u64().unwrap_or(0);
        let info = SandboxInfo {
            zoom_users: [users(0), users(1)],
            now: text("now")?,
            from: text("from")?,
            to: text("to")?,
            zoom_from: text("zoom_from")?,
            counts,
            accounts: v["accounts"].as_array().cloned().unwrap_or_default(),
            account_counts,
            account_users,
        };
        Ok(Self {
            stdin: child.stdin.take(),
            child,
            env,
            info,
            clock_ticks: clock_ticks(),
        })
    }

    /// User + system CPU seconds so far (Linux: /proc/PID/stat fields 14 and 15).
    fn cpu_s(&self) -> f64 {
        let stat =
            std::fs::read_to_string(format!("/proc/{}/stat", self.child.id())).unwrap_or_default();
        let fields: Vec<&str> = stat
            .rsplit_once(')')
            .map(|(_, rest)| rest.split_whitespace().collect())
            .unwrap_or_default();
        // After the command name: field 3 (state) is index 0, so utime (14) is 11, stime (15) 12.
        let ticks = |i: usize| {
            fields
                .get(i)
                .and_then(|f| f.parse::<f64>().ok())
                .unwrap_or(f64::NAN)
        };
        (ticks(11) + ticks(12)) / self.clock_ticks
    }

    fn stop(mut self) {
        if let Some(mut stdin) = self.stdin.take() {
            let _ = stdin.flush();
        }
        let _ = self.child.wait();
    }
}

fn clock_ticks() -> f64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok())
        .unwrap_or(100.0)
}

/// The lower bound of the latency-bound run; see bench/README.md.
struct Bound {
    total: f64,
    limiting: String,
    detail: String,
    /// The fewest requests *R_p* per provider.
    requests: BTreeMap<String, u64>,
}

/// The fewest requests an account of `provider` with `n` listable meetings over `days` needs
/// (the OAuth token Zoom mints first not counted), and the shortest time its chain of requests
/// can take at `latency_s` a request under the rate the sandbox enforces.
fn account_chain(
    provider: &str,
    page: u64,
    rate: Option<u64>,
    n: u64,
    days: f64,
    latency_s: f64,
) -> (u64, f64) {
    let servable_days = if provider == "zoom" {
        days.min(183.0)
    } else {
        days
    };
    let requests = n.div_ceil(page).max(min_windows(provider, servable_days));
    // Zoom first mints an OAuth token: one more request in its chain.
    let chain = if provider == "zoom" { 2.0 } else { 1.0 };
    let t = chain * latency_s + rate.map_or(0.0, |r| (requests.div_ceil(r) - 1) as f64);
    (requests, t)
}

/// The fewest requests, and the shortest time, of an account-wide Zoom listing over `days`
/// (Zoom serves the last six months): the users of each status listed (300 a page, a
/// status's pages one after another), then every user's report over each of the fewest
/// windows (a user without meetings still costs the request that says so), at Zoom's
/// report `rate`. The chain: a token, the longest status's pages, then the reports.
fn zoom_account_wide_chain(
    users: [u64; 2],
    rate: Option<u64>,
    days: f64,
    latency_s: f64,
) -> (u64, f64) {
    const USERS_PAGE: u64 = 300;
    let pages = users.map(|n| n.div_ceil(USERS_PAGE).max(1));
    let reports = users.iter().sum::<u64>() * min_windows("zoom", days.min(183.0));
    let longest_pages = pages.iter().copied().max().unwrap_or(1);
    let t = (2 + longest_pages) as f64 * latency_s
        + rate.map_or(0.0, |r| (reports.div_ceil(r).max(1) - 1) as f64);
    (pages.iter().sum::<u64>() + reports, t)
}

fn lower_bound(info: &SandboxInfo, latency_s: f64, days: f64) -> Result<Bound> {
    let mut parts = Vec::new();
    let mut fewest = BTreeMap::new();
    let mut worst = (0.0f64, String::new());
    for (provider, page, rate) in providers() {
        let n = *info
            .counts
            .get(provider)
            .with_context(|| format!("no count for {provider}"))?;
        // The environment's Zoom credentials are Server-to-Server: the listing is account-wide.
        let account_wide = provider == "zoom" && info.zoom_users.iter().sum::<u64>() > 0;
        let (requests, t) = if account_wide {
            zoom_account_wide_chain(info.zoom_users, rate, days, latency_s)
        } else {
            account_chain(provider, page, rate, n, days, latency_s)
        };
        fewest.insert(provider.to_owned(), requests);
        let what = if account_wide {
            format!(
                "{n} meetings of {} users, a report per user and window",
                info.zoom_users.iter().sum::<u64>()
            )
        } else {
            format!("{n} meetings / {page} a page")
        };
        parts.push(format!(
            "{provider} {what} → {requests} requests{} → {t:.2} s",
            rate.map_or(" (no limit)".to_owned(), |r| format!(" at {r}/s"))
        ));
        if t > worst.0 {
            worst = (t, provider.to_owned());
        }
    }
    Ok(Bound {
        total: worst.0,
        limiting: worst.1,
        detail: parts.join("; "),
        requests: fewest,
    })
}

/// The fleet: `FLEET_ACCOUNTS` accounts per provider, each a sandbox tenant with its own data
/// and its documented rate limits enforced, `LATENCY_MS` a request; the CLI lists the last 12
/// months of all of them from an accounts file. Adds its rows; returns the detail line.
fn fleet(tools: &Tools, sizes: &Sizes, table: &mut Table) -> Result<String> {
    let per = sizes.fleet;
    let accounts = FLEET_ACCOUNTS * 5;
    println!(
        "==> fleet: {accounts} accounts ({FLEET_ACCOUNTS} per provider), {per} meetings per provider each, {LATENCY_MS} ms per request, rate limits on"
    );
    let sandbox =
        SandboxProcess::start(&tools.driver, per, LATENCY_MS, true, 365, 0, FLEET_ACCOUNTS)?;
    let file = tools.out_dir.join("fleet-accounts.jsonl");
    let text: String = sandbox
        .info
        .accounts
        .iter()
        .map(|entry| format!("{entry}\n"))
        .collect();
    std::fs::write(&file, text).with_context(|| format!("could not write {}", file.display()))?;
    // The bound: the slowest account's chain; the minimum: every account's fewest requests.
    let latency_s = LATENCY_MS as f64 / 1000.0;
    let (mut slowest, mut minimum) = ((0.0f64, String::new()), 0u64);
    for (provider, page, rate) in providers() {
        for (key, n) in sandbox
            .info
            .account_counts
            .iter()
            .filter(|(k, _)| k.split('/').next() == Some(provider))
        {
            let (requests, t) = match sandbox.info.account_users.get(key) {
                Some(users) => zoom_account_wide_chain(*users, rate, 365.0, latency_s),
                None => account_chain(provider, page, rate, *n, 365.0, latency_s),
            };
            minimum += requests;
            if t > slowest.0 {
                slowest = (t, key.clone());
            }
        }
    }
    // Only the named accounts: the environment's credentials are left unset.
    let mut env: Vec<(&str, &std::ffi::OsStr)> =
        vec![("MEETKIT_CONFIG", tools.defaults.as_os_str())];
    let unset = std::ffi::OsStr::new("");
    for info in meetkit::registry::ALL {
        for credential in info.credential_vars() {
            env.push((credential.env, unset));
        }
    }
    let info = &sandbox.info;
    let concurrency = (accounts * 4).to_string();
    let command: Vec<String> = [
        tools.cli.to_string_lossy().as_ref(),
        "list",
        "--accounts-file",
        &file.to_string_lossy(),
        "--format",
        "ndjson",
        "--lenient",
        "--from",
        info.from.as_str(),
        "--to",
        info.to.as_str(),
        "--concurrency",
        &concurrency,
        "-v",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    let (run, stderr, _) = tools.measure(&sandbox, "cli-fleet", &command, &env)?;
    let expected: u64 = info.account_counts.values().sum();
    sandbox.stop();
    let (meetings, requests) = listed(&stderr);
    let made: u64 = requests.values().map(|(n, _)| n).sum();
    let ratio = run.wall_s / slowest.0;
    let rss = run.max_rss_mb();
    let same = if meetings == expected {
        String::new()
    } else {
        format!(
            " — listed {}, the accounts hold {}",
            thousands(meetings),
            thousands(expected)
        )
    };
    table.row(
        format!(
            "Fleet: {} accounts ({FLEET_ACCOUNTS} per provider), {} meetings (12 months), {LATENCY_MS} ms a request, each account's limits enforced: wall time vs lower bound (slowest account {}){same}",
            thousands(accounts as u64),
            thousands(meetings),
            slowest.1
        ),
        format!("{:.2} s, {rss:.1} MB peak RSS", run.wall_s),
        format!("bound {:.2} s", slowest.0),
        format!("{ratio:.2}×"),
        "≤ 1.25× and < 200 MB".to_owned(),
        Some(ratio <= 1.25 && rss < 200.0 && meetings == expected),
    );
    table.row(
        "Fleet: requests made vs the minimum (every account's fewest, a Zoom account's users listing and a report per user and window included; Zoom's token mints aside)"
            .to_owned(),
        thousands(made),
        format!("minimum {}", thousands(minimum)),
        format!("{:.2}×", made as f64 / minimum as f64),
        String::new(),
        None,
    );
    Ok(format!(
        "Fleet: slowest account {} at {:.2} s; {} requests for a minimum of {}",
        slowest.1,
        slowest.0,
        thousands(made),
        thousands(minimum)
    ))
}

/// Runs the criterion benches and returns (provider, median µs, records per page).
fn micro(root: &Path, quick: bool) -> Result<Vec<(String, f64, u64)>> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let mut cmd = Command::new(cargo);
    cmd.args([
        "bench",
        "--locked",
        "-p",
        "meetkit",
        "--bench",
        "normalize",
        "--",
    ]);
    if quick {
        cmd.arg("--quick");
    }
    let output = cmd
        .current_dir(root)
        .stderr(Stdio::inherit())
        .output()
        .context("could not run cargo bench")?;
    if !output.status.success() {
        bail!("cargo bench exited with {}", output.status);
    }
    let text = String::from_utf8_lossy(&output.stdout);
    print!("{text}");
    // Criterion prints "normalize/zoom/300   time:   [a µs b µs c µs]"; b is the estimate.
    let mut rows = Vec::new();
    let mut name: Option<String> = None;
    for line in text.lines() {
        let trimmed = line.trim();
        if let Some(rest) = trimmed.strip_prefix("normalize/") {
            name = rest.split_whitespace().next().map(str::to_owned);
        }
        if let (Some(n), Some(idx)) = (&name, trimmed.find("time:")) {
            let nums: Vec<&str> = trimmed[idx + 5..]
                .trim_matches(|c| c == ' ' || c == '[' || c == ']')
                .split_whitespace()
                .collect();
            if nums.len() >= 4 {
                let value: f64 = nums[2].parse().unwrap_or(f64::NAN);
                let micros = match nums[3] {
                    "ns" => value / 1000.0,
                    "ms" => value * 1000.0,
                    "s" => value * 1e6,
                    _ => value,
                };
                let (provider, records) = n.split_once('/').unwrap_or((n.as_str(), "0"));
                rows.push((provider.to_owned(), micros, records.parse().unwrap_or(0)));
                name = None;
            }
        }
    }
    if rows.is_empty() {
        bail!("no criterion results in the output");
    }
    Ok(rows)
}

#[derive(Default)]
struct Table {
    rows: Vec<[String; 6]>,
}

impl Table {
    fn row(
        &mut self,
        figure: String,
        meetkit: String,
        alternative: String,
        ratio: String,
        target: String,
        met: Option<bool>,
    ) {
        let met = match met {
            Some(true) => "yes",
            Some(false) => "**no**",
            None => "",
        };
        self.rows
            .push([figure, meetkit, alternative, ratio, target, met.to_owned()]);
    }

    /// A row whose measurement could not be taken, saying why.
    fn unavailable(&mut self, figure: String, why: &str) {
        self.row(
            figure,
            String::new(),
            format!("not available: {why}"),
            String::new(),
            String::new(),
            None,
        );
    }

    fn markdown(&self) -> String {
        let mut out = String::from(
            "| figure | meetkit | alternative | ratio | target | met? |\n| --- | --- | --- | --- | --- | --- |\n",
        );
        for row in &self.rows {
            let _ = writeln!(out, "| {} |", row.join(" | "));
        }
        out
    }
}

fn micros_per(seconds: f64, meetings: u64) -> f64 {
    seconds * 1e6 / meetings.max(1) as f64
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn machine() -> String {
    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| {
            l.strip_prefix("model name")?
                .split_once(':')
                .map(|(_, m)| m.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".to_owned());
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let mem_gb = meminfo
        .lines()
        .find_map(|l| {
            l.strip_prefix("MemTotal:")?
                .trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<f64>()
                .ok()
        })
        .map_or(0.0, |kb| kb / 1024.0 / 1024.0);
    format!(
        "{cpus} CPUs ({model}), {mem_gb:.0} GiB memory, {}",
        std::env::consts::OS
    )
}

fn checked(cmd: &mut Command, what: &str) -> Result<()> {
    let status = cmd
        .status()
        .with_context(|| format!("could not run {what}"))?;
    if !status.success() {
        bail!("{what} exited with {status}");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fewest_windows_follow_the_apis_longest_windows() {
        assert_eq!(min_windows("zoom", 395.0), 13);
        assert_eq!(min_windows("attention", 395.0), 5);
        assert_eq!(min_windows("attention", 90.0), 1);
        assert_eq!(min_windows("daily", 395.0), 1);
        assert_eq!(min_windows("telnyx", 0.0), 1);
    }

    #[test]
    fn the_unthrottled_config_turns_every_providers_limit_off() {
        assert_eq!(
            unthrottled_config(),
            "rate_limits = { zoom = 0, daily = 0, telnyx = 0, attendee = 0, attention = 0 }\n"
        );
    }
}
