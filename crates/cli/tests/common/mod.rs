//! Shared by the end-to-end tests: a small sandbox, and the built `meetkit` run against it with
//! a clean environment (no real credentials, no user config file, a pinned clock).
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod pg;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::{DateTime, Duration, TimeZone, Utc};
use meetkit_sandbox::{Faults, Provider, Sandbox, SandboxConfig, SandboxHandle};

/// Meetings per provider: ~45 in a 60-day window, enough for every page path.
pub const MEETINGS: usize = 300;

/// The real time, to the second: the core checks Zoom's six months against the real clock.
pub fn now() -> DateTime<Utc> {
    Utc.timestamp_opt(Utc::now().timestamp(), 0).unwrap()
}

pub async fn sandbox(now: DateTime<Utc>, faults: Faults) -> SandboxHandle {
    Sandbox::start(SandboxConfig {
        seed: 7,
        meetings: MEETINGS,
        now: Some(now),
        faults,
        ..SandboxConfig::default()
    })
    .await
    .expect("sandbox starts")
}

pub fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// A `meetkit` command with nothing from the outside world: no variables but ours, a HOME
/// (so the config dir) of its own, the clock pinned to `now`.
pub struct Meetkit {
    pub home: tempfile::TempDir,
    pub env: Vec<(String, String)>,
}

impl Meetkit {
    pub fn new(now: DateTime<Utc>) -> Self {
        let home = tempfile::tempdir().unwrap();
        let env = vec![("MEETKIT_NOW".to_owned(), rfc3339(now))];
        Self { home, env }
    }

    /// Against `sandbox`, which throttles nothing unless asked: Zoom's client-side limit is
    /// lifted in the config file, since an account-wide Zoom listing asks a report per user of
    /// the sandbox's hundreds (at Zoom's 10 a second, half a minute per window).
    pub fn with_sandbox(now: DateTime<Utc>, sandbox: &SandboxHandle) -> Self {
        let mut me = Self::new(now);
        me.env.extend(sandbox.env());
        me.lift_zoom_limit();
        me
    }

    /// Writes a config file that lifts Zoom's client-side limit (for an unthrottled sandbox).
    pub fn lift_zoom_limit(&self) {
        let dir = self.home.path().join(".config").join("meetkit");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("config.toml"), "rate_limits = { zoom = 0 }\n").unwrap();
    }

    pub fn set(&mut self, name: &str, value: &str) -> &mut Self {
        self.env.retain(|(k, _)| k != name);
        self.env.push((name.to_owned(), value.to_owned()));
        self
    }

    pub fn unset(&mut self, name: &str) -> &mut Self {
        self.env.retain(|(k, _)| k != name);
        self
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_meetkit"));
        command
            .args(args)
            .env_clear()
            .env("HOME", self.home.path())
            .env("XDG_CONFIG_HOME", self.home.path().join(".config"))
            .env("COLUMNS", "100")
            .envs(self.env.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        command
    }

    /// Starts `meetkit sandbox <args>` (its stdout and stderr piped) and reads the 13 `export`
    /// lines it prints: the environment that points meetkit at it.
    pub fn spawn_sandbox(&self, args: &[&str]) -> (std::process::Child, Vec<(String, String)>) {
        use std::io::BufRead;
        let mut server = self
            .command(&[&["sandbox"], args].concat())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = std::io::BufReader::new(server.stdout.take().unwrap()).lines();
        let mut env = Vec::new();
        while env.len() < 13 {
            let line = lines.next().expect("13 export lines").unwrap();
            let (name, value) = line
                .strip_prefix("export ")
                .unwrap()
                .split_once('=')
                .unwrap();
            env.push((name.to_owned(), value.trim_matches('\'').to_owned()));
        }
        (server, env)
    }

    /// Runs to the end (off the async runtime's threads).
    pub async fn run(&self, args: &[&str]) -> Run {
        let mut command = self.command(args);
        let output = tokio::task::spawn_blocking(move || command.output().expect("meetkit runs"))
            .await
            .unwrap();
        Run::from(output)
    }
}

/// A finished run.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(output: Output) -> Self {
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

impl Run {
    #[track_caller]
    pub fn expect_code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code,
            code,
            "exit code\n--- stdout (first 2000) ---\n{}\n--- stderr ---\n{}",
            &self.stdout.chars().take(2000).collect::<String>(),
            self.stderr
        );
        self
    }
}

/// The sandbox's ground truth per provider, as meetkit names them.
pub fn truth(
    sandbox: &SandboxHandle,
    providers: &[Provider],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> BTreeMap<String, BTreeSet<String>> {
    providers
        .iter()
        .map(|p| {
            (
                p.as_str().to_owned(),
                sandbox.truth(*p, from, to).into_iter().collect(),
            )
        })
        .collect()
}

/// The window most tests list: the last 60 days.
pub fn window(now: DateTime<Utc>) -> (DateTime<Utc>, DateTime<Utc>) {
    (now - Duration::days(60), now)
}

/// The Meeting schema: `specs/meeting.schema.json` when generated, else `meetkit schema`.
pub fn meeting_schema() -> serde_json::Value {
    let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../specs/meeting.schema.json");
    let text = std::fs::read_to_string(&spec).unwrap_or_else(|_| {
        let out = Command::new(env!("CARGO_BIN_EXE_meetkit"))
            .arg("schema")
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    });
    serde_json::from_str(&text).unwrap()
}

pub fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// Starts `args` again and again, killing each run with SIGKILL after a random wait, until
/// `kills` runs were killed before they finished; `between` checks the destination after each
/// kill. Panics if that takes more than four times `kills` runs.
pub async fn kill_repeatedly(
    meetkit: &Meetkit,
    args: &[&str],
    kills: usize,
    seed: u64,
    mut between: impl FnMut(),
) {
    use rand::{Rng, SeedableRng};
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let mut killed = 0;
    let mut runs = 0;
    while killed < kills {
        runs += 1;
        assert!(
            runs <= 4 * kills,
            "only {killed} of {runs} runs were killed mid-way; the runs are too short to prove anything"
        );
        let mut child = meetkit
            .command(args)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let wait = std::time::Duration::from_millis(rng.random_range(20..450));
        tokio::time::sleep(wait).await;
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap(); // SIGKILL
            killed += 1;
        }
        let _ = child.wait();
        between();
    }
}
