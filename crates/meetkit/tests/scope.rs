//! A failure that would repeat in every window stops its provider account at once and is
//! reported once; a failure of one window leaves the others going.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::{Duration, Instant};

use common::*;
use meetkit::{Client, Config, Provider, ProviderErrorKind, Query, Secret, Window};
use meetkit_sandbox::Faults;

fn ten_years_to(now: chrono::DateTime<chrono::Utc>) -> Window {
    Window::new(now - chrono::Duration::days(3650), now).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rejected_key_stops_a_ten_year_listing_after_one_round_of_requests() {
    let handle = sandbox(400, 3, Faults::default()).await;
    let mut config = config_for(&handle);
    config.api_key_mut(Provider::Attendee).unwrap().api_key = Secret::new("rejected-attendee-key");
    let concurrency = config.runtime.per_provider_concurrency;
    let client = Client::new(config).unwrap();
    let window = ten_years_to(handle.now());
    let before = handle.requests(sandbox_provider(Provider::Attendee));
    let listing = client
        .collect(&Query::new(window).providers([Provider::Attendee]))
        .await
        .unwrap();
    let sent = handle.requests(sandbox_provider(Provider::Attendee)) - before;
    // 522 weekly windows; only those already in flight when the first 401 came back asked.
    assert!(
        sent <= concurrency as u64,
        "{sent} requests with a rejected key (at most {concurrency})"
    );
    assert_eq!(listing.errors.len(), 1, "{:?}", listing.errors);
    let error = &listing.errors[0];
    assert_eq!(error.kind, ProviderErrorKind::Auth);
    assert!(
        error.to_string().contains("windows were left unfetched"),
        "{error}"
    );
    assert!(error.window.is_some());
    handle.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_port_ends_quickly_with_one_error() {
    // A port that was just free: nothing listens there.
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let mut config = Config::default();
    config.set_api_key(
        Provider::Attendee,
        meetkit::ApiKeyConfig {
            base_url: format!("http://127.0.0.1:{port}"),
            api_key: Secret::new("attendee-key"),
        },
    );
    // The defaults' backoff, as a user gets it.
    let client = Client::new(config).unwrap();
    let now = chrono::Utc::now();
    let started = Instant::now();
    let listing = tokio::time::timeout(
        Duration::from_secs(30),
        client.collect(&Query::new(ten_years_to(now)).providers([Provider::Attendee])),
    )
    .await
    .expect("a refused port ends within 30 s")
    .unwrap();
    assert!(started.elapsed() < Duration::from_secs(30));
    assert_eq!(listing.errors.len(), 1, "{:?}", listing.errors);
    assert_eq!(listing.errors[0].kind, ProviderErrorKind::Network);
    assert!(
        listing.errors[0].to_string().contains("could not connect"),
        "{}",
        listing.errors[0]
    );
}
