//! Providers that enforce a rate without publishing it: meetkit learns Attention's from the
//! first 429s instead of tripping the limit again every second of a listing, and holds to the
//! limit Telnyx tells on its answers before the first burst can overrun it.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::Duration;

use common::*;
use futures::StreamExt;
use meetkit::{Client, Provider, Query};
use meetkit_sandbox::{Faults, Sandbox, SandboxConfig};

/// Lists `provider` from a sandbox that enforces its limit, with 50 ms per request (the
/// bench's latency-bound scenario, smaller), and returns the listing's retries (all of them
/// 429s: the sandbox has no other faults) after checking every meeting came.
async fn throttled_retries(provider: Provider, page_size: u32) -> u64 {
    let handle = Sandbox::start(SandboxConfig {
        seed: 17,
        meetings: 2_000,
        faults: Faults {
            latency: Duration::from_millis(50),
            ..Faults::none()
        },
        rate_limits: true,
        ..SandboxConfig::default()
    })
    .await
    .unwrap();
    let mut config = config_for(&handle);
    // The waits the provider asks for, as a real listing takes them.
    config.runtime.retry = meetkit::RetryOptions::default();
    config.runtime.page_sizes.insert(provider, page_size);
    let client = Client::new(config).unwrap();
    let window = recent_window(&handle);
    let mut stream = client
        .list(&Query::new(window).providers([provider]))
        .await
        .unwrap();
    let progress = stream.progress();
    let mut ids = Vec::new();
    while let Some(meeting) = stream.next().await {
        ids.push(meeting.unwrap().id);
    }
    ids.sort();
    ids.dedup();
    assert_eq!(ids, truth(&handle, provider, window.from(), window.to()));
    let counters = progress
        .snapshot()
        .into_iter()
        .find(|c| c.provider == provider)
        .unwrap();
    handle.shutdown().await;
    counters.retries
}

/// The requests already in flight (eight at once) when the first 429 came back: all of them
/// may draw one.
const IN_FLIGHT: u64 = 8;

/// The 429s a listing may draw: the first burst in flight, and as many again for the learned
/// rate's later probes upward (each may take a short run of 429s to learn back down). Before
/// learning, each second of the listing drew about a burst's worth: 60 for Attention and 23
/// for Telnyx over these listings.
const MAY_DRAW: u64 = 2 * IN_FLIGHT;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn attention_listing_learns_its_rate_from_the_first_429s() {
    let retries = throttled_retries(Provider::Attention, 10).await;
    assert!(retries <= MAY_DRAW, "{retries} retries after 429s");
}

/// The 429s a Telnyx listing may draw: none, as its first answer tells the limit before the
/// burst that follows it, but for a request that reaches the sandbox's one-second window late
/// on a loaded machine. Learning from 429s instead, the first burst drew 5 to 7 over this
/// listing.
const TELNYX_MAY_DRAW: u64 = 2;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn telnyx_listing_holds_to_the_limit_its_answers_tell() {
    let retries = throttled_retries(Provider::Telnyx, 10).await;
    assert!(retries <= TELNYX_MAY_DRAW, "{retries} retries after 429s");
}
