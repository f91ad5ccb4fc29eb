//! `meetkit sync` killed with SIGKILL at random points converges to ground truth, once each.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;
use std::time::Duration;

use chrono::Duration as Days;
use common::{Meetkit, rfc3339, sandbox, truth};
use meetkit_sandbox::{Faults, Provider};
use rand::{Rng, SeedableRng};
use serde_json::Value;

/// Ids per provider in the NDJSON file; panics on a duplicate.
fn file_ids(path: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        text.is_empty() || text.ends_with('\n'),
        "a torn last line was left"
    );
    let mut ids: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for line in text.lines() {
        let m: Value = serde_json::from_str(line).unwrap();
        let (p, id) = (m["provider"].as_str().unwrap(), m["id"].as_str().unwrap());
        assert!(
            ids.entry(p.to_owned()).or_default().insert(id.to_owned()),
            "duplicate {p} {id}"
        );
    }
    ids
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_at_random_points_then_rerun_converges_without_duplicates() {
    let now = common::now();
    // Latency makes a run last long enough to be killed in the middle of it.
    let faults = Faults {
        latency: Duration::from_millis(80),
        ..Faults::none()
    };
    let sandbox = sandbox(now, faults).await;
    let meetkit = Meetkit::with_sandbox(now, &sandbox);
    let dir = tempfile::tempdir().unwrap();
    let (state, out) = (
        dir.path().join("state.json"),
        dir.path().join("meetings.ndjson"),
    );
    let since = now - Days::days(150);
    let since_s = rfc3339(since);
    let args = [
        "sync",
        "--since",
        &since_s,
        "--state",
        state.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];

    let mut rng = rand::rngs::StdRng::seed_from_u64(5);
    let mut killed = 0;
    for _ in 0..8 {
        let mut child = meetkit
            .command(&args)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let wait = Duration::from_millis(rng.random_range(20..600));
        tokio::time::sleep(wait).await;
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap(); // SIGKILL
            killed += 1;
        }
        let _ = child.wait();
        file_ids_allow_torn(&out);
    }
    assert!(
        killed >= 3,
        "only {killed} runs were killed mid-way; the test proves little"
    );

    let run = meetkit.run(&args).await;
    run.expect_code(0);
    let expected = truth(&sandbox, &Provider::ALL, since, now);
    assert_eq!(file_ids(&out), expected);

    // A later run (same clock) appends nothing.
    let before = std::fs::metadata(&out).unwrap().len();
    meetkit.run(&args).await.expect_code(0);
    assert_eq!(std::fs::metadata(&out).unwrap().len(), before);

    let state: Value = serde_json::from_str(&std::fs::read_to_string(&state).unwrap()).unwrap();
    assert_eq!(state["version"], 1);
    assert_eq!(state["providers"]["zoom"]["checkpoint"], rfc3339(now));
    sandbox.shutdown().await;
}

/// Between kills the file may end in a torn line; everything before it has no duplicates.
fn file_ids_allow_torn(path: &Path) {
    let text = std::fs::read(path).unwrap_or_default();
    let complete = text.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    let mut seen = BTreeSet::new();
    for line in text[..complete]
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
    {
        let m: Value = serde_json::from_slice(line).unwrap();
        let key = (m["provider"].to_string(), m["id"].to_string());
        assert!(seen.insert(key.clone()), "duplicate {key:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_torn_line_is_cut_and_later_runs_pick_up_from_the_checkpoint() {
    let now = common::now();
    let sandbox = sandbox(now, Faults::none()).await;
    let dir = tempfile::tempdir().unwrap();
    let (state, out) = (
        dir.path().join("state.json"),
        dir.path().join("meetings.ndjson"),
    );
    let since = now - Days::days(90);
    let since_s = rfc3339(since);
    let args = |since: &str| -> Vec<String> {
        [
            "sync",
            "--since",
            since,
            "--state",
            state.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "-p",
            "daily,telnyx",
        ]
        .map(str::to_owned)
        .to_vec()
    };

    // First run, with the clock 10 days back.
    let earlier = now - Days::days(10);
    let meetkit = Meetkit::with_sandbox(earlier, &sandbox);
    let a = args(&since_s);
    meetkit
        .run(&a.iter().map(String::as_str).collect::<Vec<_>>())
        .await
        .expect_code(0);
    let providers = [Provider::Daily, Provider::Telnyx];
    assert_eq!(file_ids(&out), truth(&sandbox, &providers, since, earlier));

    // A torn write at the end, as a kill would leave it.
    std::fs::OpenOptions::new()
        .append(true)
        .open(&out)
        .unwrap()
        .write_all(b"{\"provider\":\"daily\",\"id\":\"to")
        .unwrap();

    // The next run, at the real clock: from the checkpoint minus the lookback, to now.
    let meetkit = Meetkit::with_sandbox(now, &sandbox);
    let run = meetkit
        .run(&a.iter().map(String::as_str).collect::<Vec<_>>())
        .await;
    run.expect_code(0);
    assert!(run.stderr.contains("torn last line"), "{}", run.stderr);
    assert_eq!(file_ids(&out), truth(&sandbox, &providers, since, now));

    // Another --out with the same state is refused.
    let other = dir.path().join("other.ndjson");
    let run = meetkit
        .run(&[
            "sync",
            "--since",
            &since_s,
            "--state",
            state.to_str().unwrap(),
            "--out",
            other.to_str().unwrap(),
        ])
        .await;
    run.expect_code(2);
    assert!(run.stderr.contains("belongs to"), "{}", run.stderr);
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_provider_keeps_its_checkpoint_and_catches_up_next_run() {
    let now = common::now();
    let sandbox = sandbox(now, Faults::none()).await;
    let dir = tempfile::tempdir().unwrap();
    let (state, out) = (
        dir.path().join("state.json"),
        dir.path().join("meetings.ndjson"),
    );
    let since = now - Days::days(30);
    let since_s = rfc3339(since);
    let args = [
        "sync",
        "--since",
        &since_s,
        "--state",
        state.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "-p",
        "daily,telnyx",
        "--max-attempts",
        "1",
    ];
    let dead = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let mut broken = Meetkit::with_sandbox(now, &sandbox);
    broken.set("TELNYX_BASE_URL", &format!("http://{dead}/telnyx/v2"));
    let run = broken.run(&args).await;
    run.expect_code(5);
    assert!(run.stderr.contains("Telnyx Video"), "{}", run.stderr);
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&state).unwrap()).unwrap();
    assert!(saved["providers"]["daily"].is_object());
    assert!(saved["providers"]["telnyx"].is_null(), "{saved}");
    assert_eq!(
        file_ids(&out),
        truth(&sandbox, &[Provider::Daily], since, now)
    );

    let healthy = Meetkit::with_sandbox(now, &sandbox);
    healthy.run(&args).await.expect_code(0);
    assert_eq!(
        file_ids(&out),
        truth(&sandbox, &[Provider::Daily, Provider::Telnyx], since, now)
    );
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_changed_meeting_is_appended_again_and_its_last_line_is_current() {
    let now = common::now();
    let sandbox = sandbox(now, Faults::none()).await;
    let meetkit = Meetkit::with_sandbox(now, &sandbox);
    let dir = tempfile::tempdir().unwrap();
    let (state, out) = (
        dir.path().join("state.json"),
        dir.path().join("meetings.ndjson"),
    );
    let since_s = rfc3339(now - Days::days(20));
    let args = [
        "sync",
        "--since",
        &since_s,
        "--state",
        state.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "-p",
        "daily",
    ];
    meetkit.run(&args).await.expect_code(0);

    // Pretend the first line was written when the meeting looked different, and that the
    // state is older than it is (so the meeting falls in the next run's window).
    let text = std::fs::read_to_string(&out).unwrap();
    let mut lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let current = lines[0].clone();
    lines[0]["title"] = Value::from("an older title");
    let edited: String = lines.iter().map(|m| format!("{m}\n")).collect();
    std::fs::write(&out, edited).unwrap();
    let mut saved: Value = serde_json::from_str(&std::fs::read_to_string(&state).unwrap()).unwrap();
    saved["providers"]["daily"]["checkpoint"] = Value::from(since_s.clone());
    saved["out_bytes"] = Value::from(0);
    std::fs::write(&state, saved.to_string()).unwrap();

    meetkit.run(&args).await.expect_code(0);
    let text = std::fs::read_to_string(&out).unwrap();
    let after: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        after.len(),
        lines.len() + 1,
        "only the changed meeting is appended"
    );
    assert_eq!(after.last().unwrap(), &current);
    sandbox.shutdown().await;
}
