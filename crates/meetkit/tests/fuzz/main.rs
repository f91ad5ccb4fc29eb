//! Hostile responses: each provider's page decoding and normalization fed mutated bodies.
//!
//! The path under test is the adapters' own: the generated clients' decoder
//! (`meetkit_client_support::decode`: sonic-rs, serde_json when sonic-rs rejects a body, and
//! meetkit's reader of date-time fields) into the generated page type, then the adapter's
//! `page_from` (next page, totals, normalization, raw records), then the `Meeting`s written as JSON; error bodies go through the
//! generated error type and `ErrorBody`. Any panic is a failure. Seeds are each spec's examples
//! and pages of sandbox records; inputs that still decode join the corpus, so mutations stack.
//!
//! `fuzz_decode_and_normalize` is ignored by `cargo test`: `cargo xtask fuzz [--seconds N]`
//! runs it (N seconds per provider; CI runs a short pass). Every crash it found is a regression
//! test below.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

mod mutate;

use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use meetkit::providers::{ErrorBody, attendee, attention, daily, telnyx, zoom};
use meetkit::{Meeting, Provider};
use meetkit_sandbox::data::Dataset;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::Value;

/// Decodes `body` as the provider's page and error types and runs what the adapter runs on
/// them; returns how many meetings came out (so the work is not optimized away).
fn exercise(provider: Provider, body: &[u8]) -> usize {
    run_adapter(provider, body).0
}

/// [`exercise`], and whether `body` decoded as the provider's page (worth keeping in the
/// corpus) — one decode for both.
fn run_adapter(provider: Provider, body: &[u8]) -> (usize, bool) {
    fn meetings(page: meetkit::paging::RawPage) -> usize {
        let bytes: usize = page
            .meetings
            .iter()
            .map(|m: &Meeting| serde_json::to_vec(m).map_or(0, |v| v.len()))
            .sum();
        page.meetings.len() + bytes + page.stop.map_or(0, |e| e.to_string().len())
    }
    fn page<T: serde::de::DeserializeOwned>(
        body: &[u8],
        f: impl FnOnce(T) -> usize,
    ) -> (usize, bool) {
        meetkit_client_support::decode(body).map_or((0, false), |p| (f(p), true))
    }
    fn error<E: ErrorBody + serde::de::DeserializeOwned>(body: &[u8]) -> usize {
        meetkit_client_support::decode::<E>(body).map_or(0, |e| {
            e.code().map_or(0, |c| c.len()) + e.message().map_or(0, |m| m.len())
        })
    }
    let (work, decoded) = match provider {
        Provider::Zoom => page(body, |p| meetings(zoom::page_from(p, true))),
        Provider::Daily => page(body, |p| meetings(daily::page_from(p, 100, true))),
        Provider::Telnyx => page(body, |p| meetings(telnyx::page_from(p, 1, true))),
        Provider::Attendee => {
            let base = url::Url::parse("https://attendee.example.com").unwrap();
            page(body, |p| meetings(attendee::page_from(p, &base, true).0))
        }
        Provider::Attention => page(body, |p| meetings(attention::page_from(p, true))),
    };
    // Error bodies only when the page did not decode: a body is one or the other.
    let errors = if decoded {
        0
    } else {
        match provider {
            Provider::Zoom => {
                error::<meetkit_zoom::types::ZoomError>(body)
                    + error::<meetkit_zoom::types::ZoomOAuthError>(body)
            }
            Provider::Daily => error::<meetkit_daily::types::DailyError>(body),
            Provider::Telnyx => error::<meetkit_telnyx::types::TelnyxErrors>(body),
            Provider::Attendee => error::<meetkit_attendee::types::AttendeeError>(body),
            Provider::Attention => error::<meetkit_attention::types::AttentionError>(body),
        }
    };
    (work + errors, decoded)
}

/// True when `body` decodes as the provider's page (worth keeping in the corpus).
fn decodes(provider: Provider, body: &[u8]) -> bool {
    match provider {
        Provider::Zoom => {
            serde_json::from_slice::<meetkit_zoom::types::ZoomMeetingReport>(body).is_ok()
        }
        Provider::Daily => {
            serde_json::from_slice::<meetkit_daily::types::DailyMeetingList>(body).is_ok()
        }
        Provider::Telnyx => {
            serde_json::from_slice::<meetkit_telnyx::types::RoomRecordingList>(body).is_ok()
        }
        Provider::Attendee => {
            serde_json::from_slice::<meetkit_attendee::types::PaginatedBotList>(body).is_ok()
        }
        Provider::Attention => {
            serde_json::from_slice::<meetkit_attention::types::RecorderMeetingList>(body).is_ok()
        }
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every response example of every operation in `specs/<provider>.yaml`.
fn spec_examples(provider: Provider) -> Vec<Value> {
    let text = std::fs::read_to_string(root().join(format!("specs/{provider}.yaml"))).unwrap();
    let spec: Value = serde_yaml::from_str(&text).unwrap();
    let mut out = Vec::new();
    for item in spec["paths"].as_object().unwrap().values() {
        for op in item.as_object().unwrap().values() {
            for response in op["responses"].as_object().into_iter().flatten() {
                let example = &response.1["content"]["application/json"]["example"];
                if !example.is_null() {
                    out.push(example.clone());
                }
            }
        }
    }
    out
}

/// A page of sandbox records in the provider's envelope: realistic variety (nulls, every
/// state, long participant lists).
fn sandbox_page(provider: Provider) -> Value {
    use meetkit_sandbox::Provider as P;
    use meetkit_sandbox::data::{
        attendee as at, attention as an, daily as d, telnyx as t, zoom as z,
    };
    let now = Utc.with_ymd_and_hms(2026, 11, 21, 12, 0, 0).unwrap();
    let ds = Dataset::new(5, 400, now);
    fn json<T: serde::Serialize>(v: &T) -> Value {
        serde_json::to_value(v).unwrap()
    }
    let records = |p: P, f: &dyn Fn(meetkit_sandbox::data::Rec) -> Value| -> Vec<Value> {
        (0..6).map(|i| f(ds.base(p, i * 61))).collect()
    };
    match provider {
        Provider::Zoom => serde_json::json!({
            "page_size": 6, "total_records": 6, "next_page_token": "",
            "meetings": records(P::Zoom, &|r| json(&z::meeting(&ds, r))),
        }),
        Provider::Daily => serde_json::json!({
            "total_count": 6,
            "data": records(P::Daily, &|r| json(&d::session(&ds, r))),
        }),
        Provider::Telnyx => serde_json::json!({
            "meta": {"page_number": 1, "page_size": 6, "total_pages": 1, "total_results": 6},
            "data": records(P::Telnyx, &|r| json(&t::recording(&ds, r))),
        }),
        Provider::Attendee => serde_json::json!({
            "next": "http://10.0.0.7:8000/api/v1/bots?cursor=cD0xMjM%3D", "previous": null,
            "results": records(P::Attendee, &|r| json(&at::bot(&ds, r))),
        }),
        Provider::Attention => serde_json::json!({
            "nextCursor": "abc",
            "items": records(P::Attention, &|r| json(&an::meeting(&ds, r))),
        }),
    }
}

/// What a fuzzing run of one provider did.
struct Run {
    executions: u64,
    corpus: usize,
    crashes: Vec<PathBuf>,
}

const MAX_CORPUS: usize = 256;
/// Inputs longer than this are not kept in the corpus (they only slow every later mutation).
const MAX_KEPT_BYTES: usize = 16 * 1024;

fn fuzz(provider: Provider, budget: Duration, seed: u64) -> Run {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut corpus: Vec<Value> = spec_examples(provider);
    corpus.push(sandbox_page(provider));
    let crash_dir = root().join("target/fuzz-crashes");
    let mut crashes = Vec::new();
    let mut executions = 0u64;
    let deadline = Instant::now() + budget;
    let mut last = Vec::new();
    while Instant::now() < deadline {
        for _ in 0..64 {
            let mut doc = corpus[rng.random_range(0..corpus.len())].clone();
            for _ in 0..rng.random_range(1..5) {
                mutate::mutate_tree(&mut doc, &mut rng);
            }
            let mut bytes = Vec::new();
            mutate::write(&doc, &mut rng, &mut bytes);
            let damaged = rng.random_ratio(1, 4);
            if damaged {
                mutate::damage(&mut bytes, &mut rng, &last);
            }
            let outcome =
                std::panic::catch_unwind(AssertUnwindSafe(|| run_adapter(provider, &bytes)));
            executions += 1;
            let Ok((_, decoded)) = outcome else {
                if crashes.len() < 10 {
                    std::fs::create_dir_all(&crash_dir).unwrap();
                    let path = crash_dir.join(format!("{provider}-{seed}-{executions}.json"));
                    std::fs::write(&path, &bytes).unwrap();
                    crashes.push(path);
                }
                continue;
            };
            if !damaged && bytes.len() <= MAX_KEPT_BYTES && decoded {
                if corpus.len() < MAX_CORPUS {
                    corpus.push(doc);
                } else {
                    let slot = rng.random_range(0..corpus.len());
                    corpus[slot] = doc;
                }
            }
            last = bytes;
        }
    }
    Run {
        executions,
        corpus: corpus.len(),
        crashes,
    }
}

#[test]
#[ignore = "a fuzzing run: `cargo xtask fuzz [--seconds N]`"]
fn fuzz_decode_and_normalize() {
    let seconds: u64 = std::env::var("MEETKIT_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(4);
    let seed: u64 = std::env::var("MEETKIT_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| rand::rng().random());
    // Panics are caught and their inputs saved; one line each is enough.
    std::panic::set_hook(Box::new(|info| eprintln!("panic: {info}")));
    let mut failed = Vec::new();
    println!("fuzzing with seed {seed}, {seconds} s per provider");
    for provider in Provider::ALL {
        let run = fuzz(provider, Duration::from_secs(seconds), seed);
        println!(
            "{provider:<9} {:>10} executions ({:.0}/s), corpus {}, crashes {}",
            run.executions,
            run.executions as f64 / seconds.max(1) as f64,
            run.corpus,
            run.crashes.len()
        );
        failed.extend(run.crashes);
    }
    let _ = std::panic::take_hook();
    assert!(
        failed.is_empty(),
        "inputs that panicked (add each as a regression test): {failed:#?}"
    );
}

// Regression tests: inputs the fuzzer found that panicked.

/// A session `duration` so long that start + duration is past chrono's range: the end is
/// unknown, not a panic (Daily, Zoom minutes, Telnyx `duration_secs`).
#[test]
fn durations_past_the_end_of_time_leave_the_end_unknown() {
    let daily = br#"{"total_count":1,"data":[{"id":"s","start_time":1700000000,"duration":9223372036854775807}]}"#;
    let zoom = br#"{"next_page_token":"","meetings":[{"uuid":"u","start_time":"2024-01-18T12:34:56Z","duration":9223372036854775807}]}"#;
    let telnyx = br#"{"data":[{"id":"7b61621f-5fe4-4aad-ab11-9fd19e272e73","started_at":"2024-01-18T12:34:56Z","duration_secs":9223372036854775807}]}"#;
    let cases: [(Provider, &[u8]); 3] = [
        (Provider::Daily, daily),
        (Provider::Zoom, zoom),
        (Provider::Telnyx, telnyx),
    ];
    for (provider, body) in cases {
        assert!(decodes(provider, body), "{provider}");
        assert!(exercise(provider, body) > 0, "{provider}");
    }
    let page = daily::page_from(serde_json::from_slice(daily).unwrap(), 100, false);
    assert_eq!(page.meetings[0].end, None);
    assert_eq!(page.meetings[0].duration_seconds, Some(i64::MAX));
}

/// A body cut off right after a backslash inside a string: the nesting scan in front of
/// sonic-rs stops at the end of the body instead of slicing past it.
#[test]
fn a_body_that_ends_inside_an_escape_is_not_a_page() {
    let cut: [&[u8]; 4] = [
        br#""\"#,
        br#"["\"#,
        br#"[[{"a":{"\"#,
        br#"{"results":"x","next":"\"#,
    ];
    for provider in Provider::ALL {
        for body in cut {
            assert!(!decodes(provider, body), "{provider}");
            assert_eq!(exercise(provider, body), 0, "{provider}");
        }
    }
}

/// Every seed runs clean: the harness itself works on good input.
#[test]
fn every_seed_decodes_and_normalizes() {
    for provider in Provider::ALL {
        let seeds = spec_examples(provider);
        assert!(!seeds.is_empty(), "{provider}");
        let page = serde_json::to_vec(&sandbox_page(provider)).unwrap();
        assert!(
            decodes(provider, &page),
            "{provider}: the sandbox page decodes"
        );
        assert!(exercise(provider, &page) > 0, "{provider}");
        let run = fuzz(provider, Duration::from_millis(200), 1);
        assert!(run.executions > 0 && run.crashes.is_empty(), "{provider}");
    }
}
