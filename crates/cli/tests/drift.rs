//! `meetkit list` against the sandbox's drift fault: one warning line saying how many unknown
//! response fields and enum values the providers sent, each named once with `-v`; none
//! without the fault.

#![allow(clippy::unwrap_used)]

mod common;

use common::{Meetkit, rfc3339, sandbox};
use meetkit_sandbox::Faults;

/// The warning lines of a run's stderr.
fn warnings(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.starts_with("meetkit: warning:"))
        .collect()
}

fn drifted() -> Faults {
    Faults {
        drift: true,
        ..Faults::none()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn list_warns_once_about_the_unknown_field_and_value() {
    let now = common::now();
    let sandbox = sandbox(now, drifted()).await;
    let meetkit = Meetkit::with_sandbox(now, &sandbox);
    let from = rfc3339(now - chrono::Duration::days(60));
    let to = rfc3339(now);
    let args = [
        "list",
        "--provider",
        "zoom,telnyx",
        "--from",
        &from,
        "--to",
        &to,
    ];
    let run = meetkit.run(&args).await;
    run.expect_code(0);
    assert!(!run.stdout.is_empty());
    let warnings = warnings(&run.stderr);
    assert_eq!(
        warnings,
        [
            "meetkit: warning: the providers sent 2 response fields and 2 enum values that meetkit's specs do not know (-v lists them; `meetkit doctor` names the spec to edit)"
        ],
        "{}",
        run.stderr
    );

    let verbose = meetkit.run(&[&args[..], &["-v"]].concat()).await;
    verbose.expect_code(0);
    for expected in [
        "meetkit: warning: zoom: response field `sandbox_drift_note` is not in meetkit's spec (ignored)",
        "meetkit: warning: telnyx: response field `sandbox_drift_note` is not in meetkit's spec (ignored)",
        "meetkit: warning: zoom: value \"99\" of field `type` is not in meetkit's spec (read as unknown)",
        "meetkit: warning: telnyx: value \"archived\" of field `status` is not in meetkit's spec (read as unknown)",
    ] {
        assert_eq!(
            verbose.stderr.lines().filter(|l| *l == expected).count(),
            1,
            "{expected:?} once in\n{}",
            verbose.stderr
        );
    }
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sandbox_commands_drift_flag_makes_list_warn_once() {
    let now = common::now();
    let now_s = rfc3339(now);
    let (mut server, env) =
        Meetkit::new(now).spawn_sandbox(&["--port", "0", "--now", &now_s, "--drift"]);
    let mut client = Meetkit::new(now);
    client.env.extend(env);
    let from = rfc3339(now - chrono::Duration::days(60));
    let run = client
        .run(&["list", "--from", &from, "--to", &rfc3339(now)])
        .await;
    server.kill().unwrap();
    let _ = server.wait();
    run.expect_code(0);
    let warnings = warnings(&run.stderr);
    // Every provider's record gains the field; Zoom, Telnyx and Attendee also an enum value.
    assert_eq!(
        warnings,
        [
            "meetkit: warning: the providers sent 5 response fields and 3 enum values that meetkit's specs do not know (-v lists them; `meetkit doctor` names the spec to edit)"
        ],
        "{}",
        run.stderr
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn list_without_drift_says_nothing_about_it() {
    let now = common::now();
    let sandbox = sandbox(now, Faults::none()).await;
    let meetkit = Meetkit::with_sandbox(now, &sandbox);
    let run = meetkit.run(&["list", "--provider", "zoom,telnyx"]).await;
    run.expect_code(0);
    assert!(!run.stderr.contains("spec"), "{}", run.stderr);
    sandbox.shutdown().await;
}
