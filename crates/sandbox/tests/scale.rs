//! A million meetings per provider: the sandbox starts (nothing is materialised) and
//! serves a page of every provider. No timing asserts: timings belong to benchmarks.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::Duration;
use common::*;
use meetkit_sandbox::{Faults, Provider, credentials};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_million_meetings_per_provider_start_and_serve() {
    let h = start(1_000_000, Faults::none()).await;
    let c = client();
    let mut stats = WalkStats::default();
    let zoom = format!("Bearer {}", credentials::ZOOM_ACCESS_TOKEN);
    let pages = [
        (
            Provider::Zoom,
            "/report/users/me/meetings?from=2026-10-01&to=2026-10-31&page_size=300",
            zoom,
            "meetings",
        ),
        (
            Provider::Daily,
            "/meetings",
            format!(
                "Bearer {}",
                meetkit_sandbox::handout(Provider::Daily).credentials[0]
            ),
            "data",
        ),
        (
            Provider::Telnyx,
            "/room_recordings?page[size]=250&page[number]=400",
            format!(
                "Bearer {}",
                meetkit_sandbox::handout(Provider::Telnyx).credentials[0]
            ),
            "data",
        ),
        (
            Provider::Attendee,
            "/api/v1/bots?states=scheduled",
            format!(
                "Token {}",
                meetkit_sandbox::handout(Provider::Attendee).credentials[0]
            ),
            "results",
        ),
        (
            Provider::Attention,
            "/recorder_metrics/all_meetings?fromDateTime=2026-09-01T00:00:00Z&toDateTime=2026-11-21T00:00:00Z&size=200",
            meetkit_sandbox::handout(Provider::Attention).credentials[0].to_string(),
            "items",
        ),
    ];
    for (p, path, auth, key) in pages {
        let body = get_ok(&c, &format!("{}{path}", h.base_url(p)), &auth, &mut stats).await;
        assert!(
            !body[key].as_array().unwrap().is_empty(),
            "{p}: a full page"
        );
    }
    let daily = get_ok(
        &c,
        &format!("{}/meetings?limit=1", h.base_url(Provider::Daily)),
        &format!(
            "Bearer {}",
            meetkit_sandbox::handout(Provider::Daily).credentials[0]
        ),
        &mut stats,
    )
    .await;
    assert_eq!(daily["total_count"], 1_000_000);
    // Three weeks of `me`'s Zoom report (tens of thousands of meetings) pages back exactly
    // the truth.
    let token = zoom_token(&c, &h).await;
    let (from, to) = (date(2026, 10, 1), date(2026, 10, 21));
    let got = walk_zoom(&c, &h, &token, from, to, 300, &mut stats).await;
    let want = h
        .zoom_user_truth("me", midnight(from), midnight(to) + Duration::days(1))
        .unwrap();
    assert!(want.len() > 20_000, "{}", want.len());
    assert_eq!(sorted(got), want);
    // The last Telnyx page is as cheap as the first.
    let last = get_ok(
        &c,
        &format!(
            "{}/room_recordings?page[size]=250&page[number]=4000",
            h.base_url(Provider::Telnyx)
        ),
        &format!(
            "Bearer {}",
            meetkit_sandbox::handout(Provider::Telnyx).credentials[0]
        ),
        &mut stats,
    )
    .await;
    assert_eq!(last["data"].as_array().unwrap().len(), 250);
    assert_eq!(last["meta"]["total_pages"], 4000);
    for p in Provider::ALL {
        let ids = h.truth(p, now() - Duration::days(2), now() - Duration::days(1));
        assert!(
            ids.len() > 1000,
            "{p}: a day holds thousands of meetings ({})",
            ids.len()
        );
    }
    h.shutdown().await;
}
