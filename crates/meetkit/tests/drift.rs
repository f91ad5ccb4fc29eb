//! Drift seen at run time, against the sandbox's drift fault: a listing reports each unknown
//! response field and enum value once per provider, however many records and pages carry it,
//! and nothing without the fault.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{client_for, config_for, recent_window, sandbox};
use meetkit::{Client, DriftKind, Provider, Query};
use meetkit_sandbox::Faults;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_listing_reports_each_drift_item_exactly_once() {
    let handle = sandbox(
        300,
        7,
        Faults {
            drift: true,
            ..Faults::none()
        },
    )
    .await;
    // Small pages: many pages and windows per provider, so dedup is what keeps one line per item.
    let mut config = config_for(&handle);
    for p in Provider::ALL {
        config.runtime.page_sizes.insert(p, 10);
    }
    let client = Client::new(config).unwrap();
    let query = Query::new(recent_window(&handle));
    let listing = client.collect(&query).await.unwrap();
    assert!(listing.errors.is_empty(), "{:?}", listing.errors);
    assert!(listing.meetings.len() > 100, "{}", listing.meetings.len());
    let mut expected: Vec<String> = Provider::ALL
        .iter()
        .map(|p| {
            format!("{p}: response field `sandbox_drift_note` is not in meetkit's spec (ignored)")
        })
        .collect();
    for (provider, field, value) in [
        (Provider::Zoom, "type", "99"),
        (Provider::Telnyx, "status", "archived"),
        (Provider::Attendee, "state", "sandbox_drift_state"),
    ] {
        expected.push(format!(
            "{provider}: value {value:?} of field `{field}` is not in meetkit's spec (read as unknown)"
        ));
    }
    let mut warnings = listing.warnings.clone();
    warnings.sort();
    expected.sort();
    assert_eq!(warnings, expected);

    // The stream says the same, as items.
    let mut stream = client.list(&query).await.unwrap();
    while futures::StreamExt::next(&mut stream).await.is_some() {}
    let drift = stream.drift();
    assert_eq!(drift.len(), 8, "{drift:?}");
    assert_eq!(
        drift.iter().filter(|d| d.kind == DriftKind::Field).count(),
        5
    );
    handle.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_drift_a_listing_reports_none() {
    let handle = sandbox(300, 7, Faults::none()).await;
    let client = client_for(&handle);
    let listing = client
        .collect(&Query::new(recent_window(&handle)))
        .await
        .unwrap();
    assert!(listing.errors.is_empty(), "{:?}", listing.errors);
    assert!(!listing.meetings.is_empty());
    assert_eq!(listing.warnings, Vec::<String>::new());
    handle.shutdown().await;
}
