//! Property: for random providers, windows, page sizes and filters, with faults off and on, a
//! listing equals the sandbox's ground truth (filtered by the same predicate) exactly. Window
//! edges fall at instants finer than any provider resolves (nanoseconds), often right beside a
//! record's start, where a bound cut the wrong way loses the record.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{DateTime, Utc};
use common::*;
use meetkit::{Client, Filters, MeetingStatus, Provider, Query, Window};
use meetkit_sandbox::{Faults, SandboxHandle};
use proptest::prelude::*;
use proptest::test_runner::{Config as ProptestConfig, TestRunner};

#[derive(Debug, Clone)]
struct Case {
    provider: Provider,
    back_days: i64,
    length_hours: i64,
    page_size: u32,
    status: Option<MeetingStatus>,
    min_duration: Option<i64>,
    upcoming: Option<bool>,
    /// Nanoseconds added to the start edge.
    from_offset: i64,
    /// Nanoseconds added to the end edge, after it is moved to a record's start if `snap`.
    to_offset: i64,
    snap: bool,
}

/// Sub-resolution offsets: none, within a microsecond, within a second.
fn offset() -> impl Strategy<Value = i64> {
    prop_oneof![Just(0i64), -999i64..1000, -999_999_999i64..1_000_000_000]
}

/// The normalized start of the first record of `p` at or after `t`, if any in the next days.
fn record_start_after(
    handle: &SandboxHandle,
    p: Provider,
    t: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    let sp = sandbox_provider(p);
    let ds = handle.dataset();
    let first = t.timestamp();
    ds.by_start(sp, first, first + 20 * 86_400)
        .filter(|r| meetkit_sandbox::truth::listable(ds, sp, *r))
        .map(|r| meetkit_sandbox::truth::start_instant(ds, sp, r))
        .find(|s| *s >= t)
}

fn case() -> impl Strategy<Value = Case> {
    (
        prop::sample::select(Provider::ALL.to_vec()),
        0i64..170,
        1i64..(24 * 60),
        1u32..400,
        prop::option::of(prop::sample::select(vec![
            MeetingStatus::Ended,
            MeetingStatus::Scheduled,
            MeetingStatus::Cancelled,
        ])),
        prop::option::of(0i64..4000),
        prop::option::of(any::<bool>()),
        (offset(), offset(), any::<bool>()),
    )
        .prop_map(
            |(
                provider,
                back_days,
                length_hours,
                page_size,
                status,
                min_duration,
                upcoming,
                (from_offset, to_offset, snap),
            )| Case {
                provider,
                back_days,
                length_hours,
                page_size,
                status,
                min_duration,
                upcoming,
                from_offset,
                to_offset,
                snap,
            },
        )
}

fn run(faults: Faults, seed: u64) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let handle = rt.block_on(sandbox(3000, seed, faults));
    let mut runner = TestRunner::new(ProptestConfig {
        cases: 24,
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    let result = runner.run(&case(), |c| {
        let now = handle.now();
        let from = now - chrono::Duration::days(c.back_days);
        let to = from + chrono::Duration::hours(c.length_hours);
        let to = if c.snap {
            record_start_after(&handle, c.provider, to).unwrap_or(to)
        } else {
            to
        };
        let from = from + chrono::Duration::nanoseconds(c.from_offset);
        let to = to + chrono::Duration::nanoseconds(c.to_offset);
        let window = Window::new(from, to).unwrap();
        let mut config = config_for(&handle);
        config.runtime.page_sizes.insert(c.provider, c.page_size);
        let client = Client::new(config).unwrap();
        let filters = Filters {
            status: c.status.into_iter().collect(),
            min_duration_seconds: c.min_duration,
            upcoming: c.upcoming,
            ..Filters::default()
        };
        let (all, filtered) = rt.block_on(async {
            let all = client
                .collect(&Query::new(window).providers([c.provider]))
                .await
                .unwrap();
            let filtered = client
                .collect(
                    &Query::new(window)
                        .providers([c.provider])
                        .filters(filters.clone()),
                )
                .await
                .unwrap();
            (all, filtered)
        });
        prop_assert!(all.errors.is_empty(), "{:?}", all.errors);
        prop_assert!(filtered.errors.is_empty(), "{:?}", filtered.errors);
        prop_assert_eq!(
            ids_of(&all.meetings),
            truth(&handle, c.provider, window.from(), window.to())
        );
        let now = chrono::Utc::now();
        let expected: Vec<_> = all
            .meetings
            .iter()
            .filter(|m| filters.matches(m, now))
            .cloned()
            .collect();
        prop_assert_eq!(ids_of(&filtered.meetings), ids_of(&expected));
        Ok(())
    });
    rt.block_on(handle.shutdown());
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// Offsets from a record's start, all finer than some provider's resolution.
const SUB_RESOLUTION: [i64; 8] = [-1_000_000_000 + 1, -1_001, -1, 0, 1, 500, 999, 1_001];

#[test]
fn windows_with_edges_beside_a_record_equal_ground_truth() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let handle = rt.block_on(sandbox(3000, 23, Faults::default()));
    let client = client_for(&handle);
    let now = handle.now();
    for provider in Provider::ALL {
        // Three records a few days apart, inside what every provider can serve.
        let starts: Vec<DateTime<Utc>> = [40, 25, 10]
            .iter()
            .filter_map(|d| record_start_after(&handle, provider, now - chrono::Duration::days(*d)))
            .collect();
        assert_eq!(starts.len(), 3, "{provider}");
        for offset in SUB_RESOLUTION {
            let nanos = chrono::Duration::nanoseconds(offset);
            // The first record at the start edge, the last at the end edge.
            let window = Window::new(starts[0] + nanos, starts[2] + nanos).unwrap();
            let listing = rt
                .block_on(client.collect(&Query::new(window).providers([provider])))
                .unwrap();
            assert!(
                listing.errors.is_empty(),
                "{provider}: {:?}",
                listing.errors
            );
            assert_eq!(
                ids_of(&listing.meetings),
                truth(&handle, provider, window.from(), window.to()),
                "{provider}, edges at records {offset:+} ns: {window}"
            );
        }
    }
    rt.block_on(handle.shutdown());
}

#[test]
fn random_queries_equal_ground_truth_without_faults() {
    run(Faults::default(), 21);
}

#[test]
fn random_queries_equal_ground_truth_with_faults() {
    run(
        Faults {
            rate_limit_rate: 0.05,
            server_error_rate: 0.05,
            reset_rate: 0.03,
            truncate_rate: 0.03,
            ..Faults::default()
        },
        22,
    );
}
