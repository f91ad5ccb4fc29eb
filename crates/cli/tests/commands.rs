//! `sandbox`, `schema`, `completions`, `providers`, and listing into a closed pipe.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::{BufRead, BufReader, Read};
use std::process::Stdio;

use common::{Meetkit, rfc3339, sandbox, truth, window};
use meetkit_sandbox::{Faults, Provider};
use serde_json::Value;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sandbox_command_prints_an_environment_that_lists_its_data() {
    let now = common::now();
    let now_s = rfc3339(now);
    let meetkit = Meetkit::new(now);
    let (mut server, env) = meetkit.spawn_sandbox(&[
        "--port",
        "0",
        "--meetings",
        "300",
        "--seed",
        "7",
        "--now",
        &now_s,
    ]);
    let mut client = Meetkit::new(now);
    client.lift_zoom_limit();
    client.env.extend(env);
    let (from, to) = window(now);
    let run = client
        .run(&["list", "--from", &rfc3339(from), "--to", &rfc3339(to)])
        .await;
    server.kill().unwrap();
    let mut stderr = String::new();
    server
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let _ = server.wait();
    run.expect_code(0);
    assert!(stderr.contains("meetkit sandbox: serving"), "{stderr}");

    // The same seed, size and clock in-process: the same data.
    let reference = sandbox(now, Faults::none()).await;
    let mut ids = std::collections::BTreeMap::<String, std::collections::BTreeSet<String>>::new();
    for line in run.stdout.lines() {
        let m: Value = serde_json::from_str(line).unwrap();
        ids.entry(m["provider"].as_str().unwrap().to_owned())
            .or_default()
            .insert(m["id"].as_str().unwrap().to_owned());
    }
    assert_eq!(ids, truth(&reference, &Provider::ALL, from, to));
    reference.shutdown().await;
}

#[tokio::test]
async fn bad_sandbox_fault_rates_are_usage_errors() {
    let meetkit = Meetkit::new(common::now());
    let run = meetkit
        .run(&["sandbox", "--port", "0", "--error-rate", "1.5"])
        .await;
    run.expect_code(2);
    assert!(
        run.stderr
            .contains("--error-rate must be between 0.0 and 1.0"),
        "{}",
        run.stderr
    );
}

#[tokio::test]
async fn schema_is_the_cores_and_completions_are_scripts() {
    let meetkit = Meetkit::new(common::now());
    let run = meetkit.run(&["schema"]).await;
    run.expect_code(0);
    assert_eq!(run.stdout, meetkit::schema::meeting_schema_json());
    let spec =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../specs/meeting.schema.json");
    if let Ok(generated) = std::fs::read_to_string(spec) {
        assert_eq!(
            run.stdout, generated,
            "specs/meeting.schema.json is stale: cargo xtask generate"
        );
    }
    let schema: Value = serde_json::from_str(&run.stdout).unwrap();
    assert!(schema["properties"]["extension"].is_object());

    for shell in ["bash", "zsh", "fish"] {
        let run = meetkit.run(&["completions", shell]).await;
        run.expect_code(0);
        assert!(
            run.stdout.contains("meetkit") && run.stdout.contains("provider"),
            "{shell}"
        );
    }
    meetkit.run(&["completions", "tcsh"]).await.expect_code(2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn providers_shows_sources_and_never_secrets() {
    let now = common::now();
    let sandbox = sandbox(now, Faults::none()).await;
    let mut meetkit = Meetkit::with_sandbox(now, &sandbox);
    meetkit.unset("TELNYX_API_KEY");
    let run = meetkit.run(&["providers", "--json"]).await;
    run.expect_code(0);
    let rows: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(rows.len(), 5);
    let telnyx = rows.iter().find(|r| r["provider"] == "telnyx").unwrap();
    assert_eq!(telnyx["configured"], false);
    assert!(
        telnyx["credentials"]
            .as_str()
            .unwrap()
            .contains("TELNYX_API_KEY")
    );
    let daily = rows.iter().find(|r| r["provider"] == "daily").unwrap();
    assert_eq!(daily["credentials"], "env: DAILY_API_KEY");
    let text = meetkit.run(&["providers"]).await;
    text.expect_code(0);
    for (name, value) in &meetkit.env {
        if name.ends_with("_KEY") || name.ends_with("_SECRET") {
            assert!(
                !run.stdout.contains(value) && !text.stdout.contains(value),
                "{name} leaked"
            );
        }
    }
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_filter_a_named_provider_cannot_apply_is_a_usage_error() {
    let now = common::now();
    let sandbox = sandbox(now, Faults::none()).await;
    let meetkit = Meetkit::with_sandbox(now, &sandbox);
    let run = meetkit
        .run(&["list", "--provider", "daily", "--host", "me"])
        .await;
    run.expect_code(2);
    assert!(
        run.stderr.contains("daily cannot filter by host"),
        "{}",
        run.stderr
    );
    // Under `all`, the providers that cannot apply it are left out instead.
    let run = meetkit
        .run(&[
            "list",
            "--room",
            "7b61621f-5fe4-4aad-ab11-9fd19e272e73",
            "--from",
            "7d",
        ])
        .await;
    run.expect_code(0);
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reader_that_goes_away_ends_the_listing_quietly() {
    let now = common::now();
    let sandbox = sandbox(now, Faults::none()).await;
    let meetkit = Meetkit::with_sandbox(now, &sandbox);
    let (from, to) = window(now);
    let mut child = meetkit
        .command(&["list", "--from", &rfc3339(from), "--to", &rfc3339(to)])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    stdout.read_line(&mut first).unwrap();
    drop(stdout); // like `| head -1`
    let status = tokio::task::spawn_blocking(move || child.wait_with_output().unwrap())
        .await
        .unwrap();
    assert!(first.starts_with('{'));
    assert_eq!(
        status.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    assert!(
        status.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_config_profile_configures_and_the_environment_overrides_it() {
    let now = common::now();
    let sandbox = sandbox(now, Faults::none()).await;
    let env: std::collections::HashMap<String, String> = sandbox.env().into_iter().collect();
    let meetkit = Meetkit::new(now);
    let config = meetkit.home.path().join("meetkit.toml");
    std::fs::write(
        &config,
        format!(
            "max_attempts = 2\n\n[profiles.sandbox]\ndaily_api_key = \"{}\"\ndaily_base_url = \"{}\"\n",
            env["DAILY_API_KEY"], env["DAILY_BASE_URL"]
        ),
    )
    .unwrap();
    let (from, to) = window(now);
    let args = [
        "list",
        "--config",
        config.to_str().unwrap(),
        "--profile",
        "sandbox",
        "--from",
        &rfc3339(from),
    ];
    let run = meetkit.run(&args).await;
    run.expect_code(0);
    assert_eq!(
        run.stdout.lines().count(),
        sandbox.truth(Provider::Daily, from, to).len()
    );

    // The environment beats the file, key by key.
    let mut overridden = Meetkit::new(now);
    overridden.set("DAILY_API_KEY", "from-the-environment");
    let run = overridden.run(&args).await;
    run.expect_code(3);
    assert!(
        !run.stderr.contains("from-the-environment"),
        "{}",
        run.stderr
    );
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn trace_logs_never_show_a_secret() {
    let now = common::now();
    let sandbox = sandbox(now, Faults::none()).await;
    let meetkit = Meetkit::with_sandbox(now, &sandbox);
    let run = meetkit.run(&["list", "-vvv", "--from", "3d"]).await;
    run.expect_code(0);
    assert!(!run.stderr.is_empty(), "-vvv logs something");
    assert!(!run.stderr.contains('\u{1b}'), "no colours when piped");
    for (name, value) in &meetkit.env {
        if name.ends_with("_KEY") || name.ends_with("_SECRET") {
            assert!(
                !run.stderr.contains(value.as_str()),
                "{name} leaked into the logs"
            );
        }
    }
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plan_prints_partitions_as_a_table_and_as_json_without_secrets() {
    let now = common::now();
    let handle = sandbox(now, Faults::default()).await;
    let meetkit = Meetkit::with_sandbox(now, &handle);
    let from = rfc3339(now - chrono::Duration::days(400));
    let to = rfc3339(now);
    let run = meetkit
        .run(&["plan", "--from", &from, "--to", &to, "--format", "json"])
        .await;
    // Zoom's part older than six months is planned as an error: exit 5, as a listing would.
    run.expect_code(5);
    let plan: Value = serde_json::from_str(&run.stdout).unwrap();
    let partitions = plan["partitions"].as_array().unwrap();
    // One per provider account, and one per user of the Zoom account (its active and
    // inactive users, listed account-wide).
    let users = handle.zoom_users("active").len() + handle.zoom_users("inactive").len();
    assert_eq!(partitions.len(), 4 + users);
    let zoom: Vec<&Value> = partitions
        .iter()
        .filter(|p| p["provider"] == "zoom")
        .collect();
    assert_eq!(zoom.len(), users);
    for partition in zoom {
        assert!(partition["user"].is_string(), "{partition}");
        // 400 days cut to Zoom's six months, in windows of up to a month and a day (the
        // month rule; inner edges ask no extra day).
        let windows = partition["windows"].as_array().unwrap().len();
        assert_eq!(windows, 6, "Zoom windows");
    }
    assert_eq!(plan["errors"][0]["kind"], "window_unavailable");
    for (name, value) in handle.env() {
        if name.ends_with("_KEY") || name.ends_with("_SECRET") || name.ends_with("_TOKEN") {
            assert!(!run.stdout.contains(&value), "{name} is in the plan");
        }
    }

    let run = meetkit
        .run(&["plan", "--from", "30d", "--provider", "daily,attendee"])
        .await;
    run.expect_code(0);
    assert!(run.stdout.contains("2 partitions"), "{}", run.stdout);
    let attendee = run
        .stdout
        .lines()
        .find(|l| l.starts_with("attendee"))
        .unwrap();
    // Thirty days in one monthly window: one request at least.
    assert!(attendee.contains(" 1 "), "{attendee}");
    handle.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn vv_logs_a_line_per_request_and_json_logs_parse_and_no_level_shows_a_secret() {
    let now = common::now();
    let handle = sandbox(now, Faults::default()).await;
    let meetkit = Meetkit::with_sandbox(now, &handle);
    let secrets: Vec<String> = handle
        .env()
        .into_iter()
        .filter(|(name, _)| {
            name.ends_with("_KEY") || name.ends_with("_SECRET") || name.ends_with("_TOKEN")
        })
        .map(|(_, value)| value)
        .collect();
    let run = meetkit
        .run(&["list", "--provider", "daily", "--from", "30d", "-vv"])
        .await;
    run.expect_code(0);
    let requests: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains("GET /") && l.contains("status"))
        .collect();
    assert!(!requests.is_empty(), "{}", run.stderr);
    assert!(
        requests
            .iter()
            .any(|l| l.contains("/meetings?") && l.contains("timeframe_start=")),
        "{}",
        run.stderr
    );
    // Each line says how many bytes came back (the sandbox declares Content-Length).
    assert!(
        requests
            .iter()
            .all(|l| l.split_whitespace().any(|w| w.starts_with("bytes=")
                && w["bytes=".len()..].parse::<u64>().is_ok_and(|n| n > 0))),
        "{}",
        run.stderr
    );
    for level in ["-v", "-vv", "-vvv"] {
        let run = meetkit
            .run(&[
                "list",
                "--from",
                "30d",
                level,
                "--log-format",
                "json",
                "--format",
                "ndjson",
            ])
            .await;
        run.expect_code(0);
        for line in run.stderr.lines().filter(|l| l.starts_with('{')) {
            let _: Value = serde_json::from_str(line).unwrap();
        }
        for secret in &secrets {
            assert!(!run.stderr.contains(secret.as_str()), "a secret at {level}");
        }
    }
    handle.shutdown().await;
}
