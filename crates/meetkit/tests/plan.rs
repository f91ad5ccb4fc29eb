//! A listing planned here, written as JSON, read back and run partition by partition by
//! separate clients equals the sandbox's ground truth with no duplicates.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::HashSet;

use common::*;
use futures::StreamExt;
use meetkit::{Plan, Provider, Query, Window};
use meetkit_sandbox::Faults;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn partitions_run_apart_from_a_json_plan_equal_the_truth() {
    let handle = sandbox(3000, 23, Faults::default()).await;
    // A long window: every provider's windows are cut (Zoom to 25 days, Attendee to a week),
    // and Zoom's part older than six months is skipped with a warning (lenient).
    let now = handle.now();
    let window = Window::new(
        now - chrono::Duration::days(400),
        now + chrono::Duration::days(30),
    )
    .unwrap();
    let plan = client_for(&handle)
        .plan(&Query::new(window).lenient(true))
        .unwrap();
    assert_eq!(plan.partitions.len(), 5, "one partition per provider");
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
    let read = Plan::from_json(&json).unwrap();
    assert_eq!(read.partitions, plan.partitions);

    let mut seen: HashSet<(Provider, String)> = HashSet::new();
    for partition in &read.partitions {
        // A fresh client per partition, as on another machine.
        let client = client_for(&handle);
        let mut stream = client.run(partition).unwrap();
        while let Some(item) = stream.next().await {
            let meeting = item.unwrap_or_else(|e| panic!("{}: {e}", partition.label()));
            assert_eq!(meeting.provider, partition.provider);
            assert_eq!(meeting.account, partition.account);
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
