//! `meetkit list -p zoom` with Server-to-Server OAuth covers the whole account: every user's
//! meetings, each once; `--host` narrows; `plan` shows a partition per user and warns above
//! the daily budget; Zoom's daily cap stops the account with a sentence saying so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::{BTreeSet, HashSet};

use common::*;
use meetkit_sandbox::{Faults, Provider, Sandbox, SandboxConfig, credentials};
use serde_json::Value;

fn ndjson(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn list_zoom_equals_the_account_wide_truth_with_many_hosts_and_no_duplicates() {
    let now = common::now();
    let sandbox = sandbox(now, Faults::none()).await;
    let meetkit = Meetkit::with_sandbox(now, &sandbox);
    let (from, to) = window(now);
    let (from_s, to_s) = (rfc3339(from), rfc3339(to));
    let run = meetkit
        .run(&["list", "-p", "zoom", "--from", &from_s, "--to", &to_s])
        .await;
    run.expect_code(0);
    let meetings = ndjson(&run.stdout);
    let ids: Vec<String> = meetings
        .iter()
        .map(|m| m["id"].as_str().unwrap().to_owned())
        .collect();
    let unique: BTreeSet<String> = ids.iter().cloned().collect();
    assert_eq!(unique.len(), ids.len(), "no meeting twice");
    let want: BTreeSet<String> = sandbox
        .truth(Provider::Zoom, from, to)
        .into_iter()
        .collect();
    assert_eq!(unique, want);
    let hosts: HashSet<&str> = meetings
        .iter()
        .filter_map(|m| m["host"]["email"].as_str())
        .collect();
    assert!(hosts.len() > 10, "meetings of {} hosts", hosts.len());

    // --host narrows to the named user: her report only.
    let run = meetkit
        .run(&[
            "list",
            "-p",
            "zoom",
            "--from",
            &from_s,
            "--to",
            &to_s,
            "--host",
            credentials::ZOOM_USER_EMAIL,
        ])
        .await;
    run.expect_code(0);
    let mine: BTreeSet<String> = ndjson(&run.stdout)
        .iter()
        .map(|m| m["id"].as_str().unwrap().to_owned())
        .collect();
    let want_mine: BTreeSet<String> = sandbox
        .zoom_user_truth(credentials::ZOOM_USER_EMAIL, from, to)
        .unwrap()
        .into_iter()
        .collect();
    assert_eq!(mine, want_mine);
    assert!(!mine.is_empty() && mine.len() < unique.len());
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plan_shows_a_partition_per_user_and_warns_above_the_daily_budget() {
    let now = common::now();
    let sandbox = sandbox(now, Faults::none()).await;
    let mut meetkit = Meetkit::with_sandbox(now, &sandbox);
    let users = sandbox.zoom_users("active").len() + sandbox.zoom_users("inactive").len();
    let run = meetkit.run(&["plan", "-p", "zoom", "--from", "30d"]).await;
    run.expect_code(0);
    assert!(
        run.stdout.contains(&format!("{users} partitions")),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains(&format!("user {}", credentials::ZOOM_USER_ID)),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("warning"), "{}", run.stdout);

    meetkit.set("ZOOM_DAILY_REQUEST_BUDGET", "100");
    let run = meetkit.run(&["plan", "-p", "zoom", "--from", "30d"]).await;
    run.expect_code(0);
    assert!(
        run.stdout
            .contains("warning: zoom: this listing needs at least")
            && run.stdout.contains("daily budget of 100"),
        "{}",
        run.stdout
    );

    // --host: no users listed, one partition.
    let run = meetkit
        .run(&[
            "plan",
            "-p",
            "zoom",
            "--from",
            "30d",
            "--host",
            credentials::ZOOM_USER_ID,
        ])
        .await;
    run.expect_code(0);
    assert!(run.stdout.contains("1 partition,"), "{}", run.stdout);
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_daily_cap_stops_zoom_at_once_with_a_sentence_saying_so() {
    let now = common::now();
    let sandbox = Sandbox::start(SandboxConfig {
        seed: 7,
        meetings: MEETINGS,
        now: Some(now),
        zoom_daily_heavy_cap: Some(0),
        ..SandboxConfig::default()
    })
    .await
    .unwrap();
    let meetkit = Meetkit::with_sandbox(now, &sandbox);
    let run = meetkit.run(&["list", "-p", "zoom", "--from", "30d"]).await;
    // Nothing listed, Zoom failed: exit 4.
    run.expect_code(4);
    assert!(
        run.stderr
            .contains("Zoom's daily cap for Heavy requests is used up")
            && run.stderr.contains("resets at"),
        "{}",
        run.stderr
    );
    // Stopped at once: a refused request per one in flight at most, no retries.
    assert!(
        sandbox.zoom_heavy_calls() <= 8,
        "{} report requests",
        sandbox.zoom_heavy_calls()
    );
    sandbox.shutdown().await;
}
