//! `meetkit doctor` against the sandbox: all five providers check out; with the sandbox's drift
//! fault it names the spec path to edit for the unknown field and enum value and exits 6; a
//! rejected key exits 3 without showing the key.

mod common;

use common::{Meetkit, sandbox};
use meetkit_sandbox::Faults;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_provider_checks_out_against_the_sandbox() {
    let now = common::now();
    let sandbox = sandbox(now, Faults::none()).await;
    let meetkit = Meetkit::with_sandbox(now, &sandbox);
    let run = meetkit.run(&["doctor"]).await;
    run.expect_code(0);
    for (provider, spec) in [
        ("Zoom (zoom)", "specs/zoom.yaml"),
        ("Daily (daily)", "specs/daily.yaml"),
        ("Telnyx Video (telnyx)", "specs/telnyx.yaml"),
        ("Attendee (attendee)", "specs/attendee.yaml"),
        ("Attention (attention)", "specs/attention.yaml"),
    ] {
        assert!(run.stdout.contains(provider), "{}", run.stdout);
        assert!(
            run.stdout.contains(&format!("the response matches {spec}")),
            "{}",
            run.stdout
        );
    }
    assert_eq!(
        run.stdout.matches("credentials accepted").count(),
        5,
        "{}",
        run.stdout
    );
    assert_eq!(
        run.stdout.matches("  ok     clock skew ").count(),
        5,
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("drift"), "{}", run.stdout);
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn drift_names_the_spec_path_to_edit_and_exits_6() {
    let now = common::now();
    let faults = Faults {
        drift: true,
        ..Faults::none()
    };
    let sandbox = sandbox(now, faults).await;
    let meetkit = Meetkit::with_sandbox(now, &sandbox);
    let run = meetkit
        .run(&["doctor", "--provider", "telnyx,zoom,daily"])
        .await;
    run.expect_code(6);
    for expected in [
        // The unknown field, with the properties object to add it to.
        "/data/0/sandbox_drift_note: field `sandbox_drift_note` is not in the spec",
        "edit specs/telnyx.yaml#/components/schemas/RoomRecording/properties (add `sandbox_drift_note`)",
        "edit specs/zoom.yaml#/components/schemas/ZoomReportMeeting/properties (add `sandbox_drift_note`)",
        // The unknown enum value, with the enum's schema.
        "/data/0/status: ",
        "edit specs/telnyx.yaml#/components/schemas/RecordingStatus",
        "/meetings/0/type: ",
        "edit specs/zoom.yaml#/components/schemas/ZoomMeetingType",
    ] {
        assert!(
            run.stdout.contains(expected),
            "missing {expected:?} in\n{}",
            run.stdout
        );
    }
    assert!(
        run.stdout.contains("edit specs/daily.yaml#/"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("Attendee"), "{}", run.stdout);
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rejected_key_exits_3_and_nothing_configured_is_a_config_error() {
    let now = common::now();
    let sandbox = sandbox(now, Faults::none()).await;
    let mut meetkit = Meetkit::with_sandbox(now, &sandbox);
    meetkit.set("DAILY_API_KEY", "wrong-key");
    let run = meetkit.run(&["doctor", "--provider", "daily,telnyx"]).await;
    run.expect_code(3);
    assert!(
        run.stdout.contains("credentials refused (401"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("the response matches specs/telnyx.yaml"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("wrong-key") && !run.stderr.contains("wrong-key"));

    let run = Meetkit::new(now).run(&["doctor"]).await;
    run.expect_code(3);
    assert!(
        run.stderr.contains("no provider is configured"),
        "{}",
        run.stderr
    );
    sandbox.shutdown().await;
}
