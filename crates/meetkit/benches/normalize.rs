//! Decoding + normalizing one full page of each provider: the CPU cost meetkit adds per page.
//!
//! The pages are real sandbox responses (fetched once, before measuring, from an in-process
//! sandbox with 20,000 meetings per provider), at each provider's largest page size. Each
//! iteration decodes the body into the generated client's type with the client's own decoder
//! (`meetkit_client_support::decode`) and maps every record through
//! `meetkit::providers::<provider>::normalize`.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use chrono::Duration;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use meetkit::providers::{attendee, attention, daily, telnyx, zoom};
use meetkit_sandbox::{Provider, Sandbox, SandboxConfig, credentials};

/// One page per provider: (name, records on the page, body).
fn pages() -> Vec<(&'static str, usize, Vec<u8>)> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let sandbox = Sandbox::start(SandboxConfig {
            seed: 7,
            meetings: 20_000,
            ..SandboxConfig::default()
        })
        .await
        .unwrap();
        let now = sandbox.now();
        let day = |d: i64| (now - Duration::days(d)).format("%Y-%m-%d").to_string();
        let time =
            |d: i64| (now - Duration::days(d)).to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        // meetkit's own client: reqwest's bare `Client::new()` has no TLS crypto provider here.
        let http =
            meetkit_client_support::http_client(&meetkit_client_support::HttpOptions::default())
                .unwrap();
        let requests = [
            (
                "zoom",
                format!(
                    "{}/report/users/me/meetings?from={}&to={}&page_size=300",
                    sandbox.base_url(Provider::Zoom),
                    day(30),
                    day(1)
                ),
                format!("Bearer {}", credentials::ZOOM_ACCESS_TOKEN),
            ),
            (
                "daily",
                format!("{}/meetings?limit=100", sandbox.base_url(Provider::Daily)),
                format!(
                    "Bearer {}",
                    meetkit_sandbox::handout(Provider::Daily).credentials[0]
                ),
            ),
            (
                "telnyx",
                format!(
                    "{}/room_recordings?page[size]=250",
                    sandbox.base_url(Provider::Telnyx)
                ),
                format!(
                    "Bearer {}",
                    meetkit_sandbox::handout(Provider::Telnyx).credentials[0]
                ),
            ),
            (
                "attendee",
                format!("{}/api/v1/bots", sandbox.base_url(Provider::Attendee)),
                format!(
                    "Token {}",
                    meetkit_sandbox::handout(Provider::Attendee).credentials[0]
                ),
            ),
            (
                "attention",
                format!(
                    "{}/recorder_metrics/all_meetings?fromDateTime={}&toDateTime={}&size=200",
                    sandbox.base_url(Provider::Attention),
                    time(60),
                    time(1)
                ),
                meetkit_sandbox::handout(Provider::Attention).credentials[0].to_owned(),
            ),
        ];
        let mut out = Vec::new();
        for (name, url, auth) in requests {
            let response = http
                .get(&url)
                .header("authorization", auth)
                // Attendee's sandbox, like its spec, requires it (the server answers 400).
                .header("content-type", "application/json")
                .send()
                .await
                .unwrap();
            assert!(
                response.status().is_success(),
                "{name}: {}",
                response.status()
            );
            let body = response.bytes().await.unwrap().to_vec();
            let records = count(name, &body);
            out.push((name, records, body));
        }
        sandbox.shutdown().await;
        out
    })
}

fn count(name: &str, body: &[u8]) -> usize {
    match name {
        "zoom" => decode_zoom(body).len(),
        "daily" => decode_daily(body).len(),
        "telnyx" => decode_telnyx(body).len(),
        "attendee" => decode_attendee(body).len(),
        _ => decode_attention(body).len(),
    }
}

fn decode_zoom(body: &[u8]) -> Vec<meetkit::Meeting> {
    let page: meetkit_zoom::types::ZoomMeetingReport =
        meetkit_client_support::decode(body).unwrap();
    page.meetings
        .into_iter()
        .flatten()
        .filter_map(|m| zoom::normalize(m, false))
        .collect()
}

fn decode_daily(body: &[u8]) -> Vec<meetkit::Meeting> {
    let page: meetkit_daily::types::DailyMeetingList =
        meetkit_client_support::decode(body).unwrap();
    page.data
        .into_iter()
        .filter_map(|s| daily::normalize(s, false))
        .collect()
}

fn decode_telnyx(body: &[u8]) -> Vec<meetkit::Meeting> {
    let page: meetkit_telnyx::types::RoomRecordingList =
        meetkit_client_support::decode(body).unwrap();
    page.data
        .into_iter()
        .filter_map(|r| telnyx::normalize(r, false))
        .collect()
}

fn decode_attendee(body: &[u8]) -> Vec<meetkit::Meeting> {
    let page: meetkit_attendee::types::PaginatedBotList =
        meetkit_client_support::decode(body).unwrap();
    page.results
        .into_iter()
        .filter_map(|b| attendee::normalize(b, false))
        .collect()
}

fn decode_attention(body: &[u8]) -> Vec<meetkit::Meeting> {
    let page: meetkit_attention::types::RecorderMeetingList =
        meetkit_client_support::decode(body).unwrap();
    page.items
        .into_iter()
        .filter_map(|m| attention::normalize(m, false))
        .collect()
}

fn normalize(c: &mut Criterion) {
    let mut group = c.benchmark_group("normalize");
    for (name, records, body) in pages() {
        let decode: fn(&[u8]) -> Vec<meetkit::Meeting> = match name {
            "zoom" => decode_zoom,
            "daily" => decode_daily,
            "telnyx" => decode_telnyx,
            "attendee" => decode_attendee,
            _ => decode_attention,
        };
        group.throughput(Throughput::Elements(records as u64));
        group.bench_function(format!("{name}/{records}"), |b| {
            b.iter(|| decode(black_box(&body)))
        });
    }
    group.finish();
}

criterion_group!(benches, normalize);
criterion_main!(benches);
