//! Every provider's listing equals the sandbox's ground truth, with and without faults.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use meetkit::{Provider, Query};
use meetkit_sandbox::Faults;

/// The sorted ids of a listing that must have no errors and no duplicates.
fn complete_ids(provider: Provider, listing: &meetkit::Listing) -> Vec<String> {
    assert!(
        listing.errors.is_empty(),
        "{provider}: {:?}",
        listing
            .errors
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
    );
    let got = ids_of(&listing.meetings);
    let mut dedup = got.clone();
    dedup.dedup();
    assert_eq!(got.len(), dedup.len(), "{provider}: duplicates");
    got
}

async fn check_all(faults: Faults, meetings: usize, seed: u64) {
    let handle = sandbox(meetings, seed, faults).await;
    let client = client_for(&handle);
    let window = recent_window(&handle);
    for provider in Provider::ALL {
        let listing = client
            .collect(&Query::new(window).providers([provider]))
            .await
            .unwrap();
        let got = complete_ids(provider, &listing);
        let want = truth(&handle, provider, window.from(), window.to());
        assert!(
            !want.is_empty(),
            "{provider}: the test window should hold meetings"
        );
        assert_eq!(got, want, "{provider}: listing differs from ground truth");
        for m in &listing.meetings {
            assert!(window.contains(m.start));
            assert_eq!(m.provider, provider);
        }
    }
    handle.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_provider_matches_truth_without_faults() {
    check_all(Faults::default(), 1500, 11).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_provider_matches_truth_with_faults() {
    let faults = Faults {
        rate_limit_rate: 0.08,
        server_error_rate: 0.08,
        reset_rate: 0.05,
        truncate_rate: 0.05,
        ..Faults::default()
    };
    check_all(faults, 1500, 12).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn all_providers_merged_are_the_union_of_truths() {
    let handle = sandbox(600, 5, Faults::default()).await;
    let client = client_for(&handle);
    let window = recent_window(&handle);
    let listing = client.collect(&Query::new(window)).await.unwrap();
    assert!(listing.errors.is_empty());
    for provider in Provider::ALL {
        let mine: Vec<_> = listing
            .meetings
            .iter()
            .filter(|m| m.provider == provider)
            .cloned()
            .collect();
        assert_eq!(
            ids_of(&mine),
            truth(&handle, provider, window.from(), window.to()),
            "{provider}"
        );
    }
    handle.shutdown().await;
}

/// Windows dense enough to be split after their first page (Daily with its total, Attention
/// from the page's density) still list exactly the truth, with faults and inserts while paging,
/// and in about as many requests as whole pages need.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dense_windows_split_after_their_first_page_match_truth() {
    for faults in [
        Faults::default(),
        Faults {
            server_error_rate: 0.05,
            truncate_rate: 0.03,
            inserts_per_page: 1,
            ..Faults::default()
        },
    ] {
        let handle = sandbox(40_000, 21, faults.clone()).await;
        let client = client_for(&handle);
        let window = recent_window(&handle);
        for (provider, page) in [(Provider::Daily, 100), (Provider::Attention, 200)] {
            let before = handle.requests(sandbox_provider(provider));
            let original = truth(&handle, provider, window.from(), window.to());
            let listing = client
                .collect(&Query::new(window).providers([provider]))
                .await
                .unwrap();
            let got = complete_ids(provider, &listing);
            if faults.inserts_per_page == 0 {
                let want = truth(&handle, provider, window.from(), window.to());
                assert_eq!(got, want, "{provider}: listing differs from ground truth");
                let requests = handle.requests(sandbox_provider(provider)) - before;
                let pages = want.len().div_ceil(page) as u64;
                assert!(
                    requests <= pages + pages / 4 + 8,
                    "{provider}: {requests} requests for {pages} pages' worth"
                );
            } else {
                // Inserted records may or may not be listed; every record of the original
                // truth must be.
                let missing: Vec<_> = original
                    .iter()
                    .filter(|id| got.binary_search(id).is_err())
                    .collect();
                assert!(missing.is_empty(), "{provider}: {} missing", missing.len());
            }
        }
        handle.shutdown().await;
    }
}
