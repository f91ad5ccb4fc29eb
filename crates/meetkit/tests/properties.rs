//! Property: for random providers, windows, page sizes and filters, with faults off and on, a
//! listing equals the sandbox's ground truth (filtered by the same predicate) exactly.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use meetkit::{Client, Filters, MeetingStatus, Provider, Query, Window};
use meetkit_sandbox::Faults;
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
    )
        .prop_map(
            |(provider, back_days, length_hours, page_size, status, min_duration, upcoming)| Case {
                provider,
                back_days,
                length_hours,
                page_size,
                status,
                min_duration,
                upcoming,
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
        let window = Window::new(from, from + chrono::Duration::hours(c.length_hours)).unwrap();
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
