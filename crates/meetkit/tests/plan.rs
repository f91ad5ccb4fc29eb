//! A listing planned here, written as JSON, read back and run partition by partition by
//! separate clients equals the sandbox's ground truth with no duplicates.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::HashSet;
use std::sync::Arc;

use common::*;
use futures::StreamExt;
use meetkit::{Plan, Provider, Query, Window};
use meetkit_sandbox::Faults;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn partitions_run_apart_from_a_json_plan_equal_the_truth() {
    let handle = sandbox(3000, 23, Faults::default()).await;
    // A long window: every provider's windows are cut (Zoom to a calendar month, Attendee to 30 days),
    // and Zoom's part older than six months is skipped with a warning (lenient).
    let now = handle.now();
    let window = Window::new(
        now - chrono::Duration::days(400),
        now + chrono::Duration::days(30),
    )
    .unwrap();
    let plan = client_for(&handle)
        .plan(&Query::new(window).lenient(true))
        .await
        .unwrap();
    // One partition per provider account, and per user for Zoom's (Server-to-Server OAuth:
    // the whole account, its active and inactive users).
    let zoom_users = handle.zoom_users("active").len() + handle.zoom_users("inactive").len();
    assert!(zoom_users > 300);
    assert_eq!(plan.partitions.len(), 4 + zoom_users);
    assert_eq!(
        plan.partitions
            .iter()
            .filter(|p| p.provider == Provider::Zoom && p.user.is_some())
            .count(),
        zoom_users
    );
    // The user partitions share one copy of the windows and filters, not one each.
    let zoom: Vec<&meetkit::Partition> = plan
        .partitions
        .iter()
        .filter(|p| p.provider == Provider::Zoom)
        .collect();
    assert!(zoom.windows(2).all(|pair| {
        Arc::ptr_eq(&pair[0].windows, &pair[1].windows)
            && Arc::ptr_eq(&pair[0].filters, &pair[1].filters)
    }));
    assert!(plan.errors.is_empty());
    assert_eq!(plan.warnings.len(), 1, "{:?}", plan.warnings);
    let json = plan.to_json();
    assert!(
        !json.contains(&handle.env()[0].1) || handle.env()[0].0.ends_with("_URL"),
        "no secret in a plan"
    );
    for (name, value) in handle.env() {
        if name.ends_with("_KEY") || name.ends_with("_SECRET") || name.ends_with("_TOKEN") {
            assert!(!json.contains(&value), "{name} leaked into the plan");
        }
    }
    // Written as plain JSON: windows an array, filters an object.
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(value["partitions"][0]["windows"].is_array());
    assert!(value["partitions"][0]["filters"].is_object());
    let read = Plan::from_json(&json).unwrap();
    assert_eq!(read.partitions, plan.partitions);

    let mut seen: HashSet<(Provider, String)> = HashSet::new();
    // An account's partitions together (a Zoom account's users overlap), each account with a
    // fresh client, as on another machine.
    for provider in Provider::ALL {
        let account: Vec<meetkit::Partition> = read
            .partitions
            .iter()
            .filter(|p| p.provider == provider)
            .cloned()
            .collect();
        let client = client_for(&handle);
        let mut stream = client.run_partitions(&account).unwrap();
        while let Some(item) = stream.next().await {
            let meeting = item.unwrap_or_else(|e| panic!("{provider}: {e}"));
            assert_eq!(meeting.provider, provider);
            assert_eq!(meeting.account, account[0].account);
            assert!(
                seen.insert((meeting.provider, meeting.id.clone())),
                "duplicate {} {}",
                meeting.provider,
                meeting.id
            );
        }
    }
    for partition in &read.partitions {
        let provider = partition.provider;
        let span = partition.span().unwrap();
        let mut got: Vec<String> = seen
            .iter()
            .filter(|(p, _)| *p == provider)
            .map(|(_, id)| id.clone())
            .collect();
        got.sort();
        let want = truth(&handle, provider, span.from(), span.to());
        assert!(
            !want.is_empty(),
            "{provider}: the window should hold meetings"
        );
        assert_eq!(got, want, "{provider}: differs from ground truth");
        if provider != Provider::Zoom {
            assert_eq!(span, window, "{provider} covers the whole window");
        }
    }
    handle.shutdown().await;
}

#[test]
fn a_plan_with_a_reversed_window_is_refused_when_read() {
    let text =
        r#"{"window":{"from":"2026-02-01T00:00:00Z","to":"2026-01-01T00:00:00Z"},"partitions":[]}"#;
    let error = Plan::from_json(text).unwrap_err().to_string();
    assert!(error.contains("empty or reversed"), "{error}");
}
