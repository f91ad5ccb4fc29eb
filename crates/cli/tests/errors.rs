//! Every documented failure gives its sentence and its exit code, never a panic or a dump.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Meetkit, Run, rfc3339, sandbox, window};
use meetkit_sandbox::Faults;

#[track_caller]
fn clean(run: &Run) {
    for bad in ["panicked", "RUST_BACKTRACE", "Error {", "kind:", "Some("] {
        assert!(
            !run.stderr.contains(bad),
            "stderr has {bad:?}:\n{}",
            run.stderr
        );
    }
}

#[tokio::test]
async fn usage_errors_exit_2() {
    let meetkit = Meetkit::new(common::now());
    let cases: &[(&[&str], &str)] = &[
        (&["list", "--frm", "7d"], "unexpected argument '--frm'"),
        (&["list", "--provider", "skype"], "invalid value 'skype'"),
        (&["list", "--format", "xml"], "invalid value 'xml'"),
        (
            &["list", "--from", "last tuesday"],
            "\"last tuesday\" is not a time: expected a date (2026-09-01",
        ),
        (
            &["list", "--from", "2026-02-30"],
            "\"2026-02-30\" is not a time",
        ),
        (
            &["list", "--min-duration", "5 minutes"],
            "is not a length of time",
        ),
        (
            &["sync", "--state", "s.json", "--out", "o.ndjson"],
            "--since <WHEN>",
        ),
        (&["frobnicate"], "unrecognized subcommand 'frobnicate'"),
    ];
    for (args, message) in cases {
        let run = meetkit.run(args).await;
        run.expect_code(2);
        assert!(run.stderr.contains(message), "{args:?}: {}", run.stderr);
        clean(&run);
    }
}

/// tokio would panic on a `TOKIO_WORKER_THREADS` it cannot parse; the CLI reads the variable
/// itself and says what to set instead.
#[tokio::test]
async fn a_bad_tokio_worker_threads_is_a_usage_error_not_a_panic() {
    let mut meetkit = Meetkit::new(common::now());
    meetkit.set("TOKIO_WORKER_THREADS", "many");
    let run = meetkit.run(&["list", "--from", "7d"]).await;
    run.expect_code(2);
    assert!(
        run.stderr
            .contains("TOKIO_WORKER_THREADS=\"many\" is not a number of threads"),
        "{}",
        run.stderr
    );
    clean(&run);
    meetkit.set("TOKIO_WORKER_THREADS", "1");
    let run = meetkit.run(&["providers"]).await;
    run.expect_code(0);
}

#[tokio::test]
async fn a_reversed_window_exits_2_before_any_request() {
    let meetkit = Meetkit::new(common::now());
    let run = meetkit
        .run(&["list", "--from", "2026-10-01", "--to", "2026-09-01"])
        .await;
    run.expect_code(2);
    assert!(
        run.stderr.contains("the window is empty or reversed: from 2026-10-01 00:00:00 UTC is not before to 2026-09-01 00:00:00 UTC"),
        "{}",
        run.stderr
    );
    clean(&run);
}

#[tokio::test]
async fn missing_credentials_exit_3() {
    let meetkit = Meetkit::new(common::now());
    let run = meetkit.run(&["list", "--from", "7d"]).await;
    run.expect_code(3);
    assert!(
        run.stderr
            .starts_with("meetkit: error: no provider is configured"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("meetkit demo"), "{}", run.stderr);

    let run = meetkit
        .run(&["list", "--provider", "daily", "--from", "7d"])
        .await;
    run.expect_code(3);
    assert!(
        run.stderr
            .contains("daily is not configured: set DAILY_API_KEY"),
        "{}",
        run.stderr
    );

    let mut meetkit = Meetkit::new(common::now());
    meetkit
        .set("ZOOM_ACCOUNT_ID", "acc")
        .set("ZOOM_CLIENT_SECRET", "s");
    let run = meetkit.run(&["list", "--from", "7d"]).await;
    run.expect_code(3);
    assert!(
        run.stderr.contains("ZOOM_CLIENT_ID is missing"),
        "{}",
        run.stderr
    );
    clean(&run);
}

#[tokio::test]
async fn a_bad_config_file_or_profile_exits_3() {
    let meetkit = Meetkit::new(common::now());
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    std::fs::write(&file, "daily_key = 1\n").unwrap();
    let run = meetkit
        .run(&["list", "--config", file.to_str().unwrap()])
        .await;
    run.expect_code(3);
    assert!(
        run.stderr.contains("is not valid") && run.stderr.contains("daily_key"),
        "{}",
        run.stderr
    );

    std::fs::write(&file, "[profiles.work]\ndaily_api_key = \"k\"\n").unwrap();
    let run = meetkit
        .run(&[
            "providers",
            "--config",
            file.to_str().unwrap(),
            "--profile",
            "home",
        ])
        .await;
    run.expect_code(3);
    assert!(
        run.stderr.contains("profile \"home\" is not in") && run.stderr.contains("it has work"),
        "{}",
        run.stderr
    );

    let run = meetkit
        .run(&[
            "providers",
            "--config",
            file.to_str().unwrap(),
            "--profile",
            "work",
        ])
        .await;
    run.expect_code(0);
    assert!(
        run.stdout.contains("config [profiles.work]: daily_api_key"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("\"k\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rejected_key_exits_3() {
    let now = common::now();
    let sandbox = sandbox(now, Faults::none()).await;
    let mut meetkit = Meetkit::with_sandbox(now, &sandbox);
    meetkit.set("DAILY_API_KEY", "wrong-key");
    let run = meetkit
        .run(&["list", "--provider", "daily", "--from", "7d"])
        .await;
    run.expect_code(3);
    assert!(run.stderr.contains("Daily"), "{}", run.stderr);
    assert!(
        !run.stderr.contains("wrong-key"),
        "the key leaked: {}",
        run.stderr
    );
    clean(&run);
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_host_exits_4_and_a_partial_listing_5() {
    let now = common::now();
    let sandbox = sandbox(now, Faults::none()).await;
    // A port nothing listens on: bind one, note it, let it go.
    let dead = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let mut meetkit = Meetkit::with_sandbox(now, &sandbox);
    meetkit.set("TELNYX_BASE_URL", &format!("http://{dead}/telnyx/v2"));
    let (from, to) = window(now);
    let (from_s, to_s) = (rfc3339(from), rfc3339(to));

    let run = meetkit
        .run(&[
            "list",
            "--provider",
            "telnyx",
            "--from",
            &from_s,
            "--to",
            &to_s,
            "--max-attempts",
            "1",
        ])
        .await;
    run.expect_code(4);
    assert!(run.stderr.contains("Telnyx Video"), "{}", run.stderr);
    assert!(run.stderr.contains("nothing listed"), "{}", run.stderr);
    assert!(run.stdout.is_empty());
    clean(&run);

    let run = meetkit
        .run(&[
            "list",
            "--provider",
            "telnyx,daily",
            "--from",
            &from_s,
            "--to",
            &to_s,
            "--max-attempts",
            "1",
        ])
        .await;
    run.expect_code(5);
    let daily = sandbox
        .truth(meetkit_sandbox::Provider::Daily, from, to)
        .len();
    assert_eq!(
        run.stdout.lines().count(),
        daily,
        "every meeting fetched is printed"
    );
    assert!(run.stderr.contains("incomplete"), "{}", run.stderr);
    clean(&run);
    sandbox.shutdown().await;
}

#[tokio::test]
async fn zoom_older_than_six_months_is_a_clear_error_or_skipped_when_lenient() {
    let now = common::now();
    let sandbox = sandbox(now, Faults::none()).await;
    let meetkit = Meetkit::with_sandbox(now, &sandbox);
    let run = meetkit
        .run(&[
            "list",
            "--provider",
            "zoom",
            "--from",
            "300d",
            "--to",
            "200d",
        ])
        .await;
    run.expect_code(4);
    assert!(run.stderr.contains("six months"), "{}", run.stderr);
    let run = meetkit
        .run(&[
            "list",
            "--provider",
            "zoom",
            "--from",
            "300d",
            "--to",
            "200d",
            "--lenient",
        ])
        .await;
    run.expect_code(0);
    assert!(run.stderr.contains("skipped (lenient)"), "{}", run.stderr);
    sandbox.shutdown().await;
}
