//! Walks every provider's pagination with a plain HTTP client, with and without faults:
//! every record comes back exactly once and the walk equals the ground truth.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::Duration;
use common::*;
use meetkit_sandbox::{Faults, Provider, SandboxHandle};

const MEETINGS: usize = 6000;

fn chaos() -> Faults {
    Faults {
        latency: std::time::Duration::from_millis(1),
        rate_limit_rate: 0.08,
        server_error_rate: 0.08,
        reset_rate: 0.05,
        truncate_rate: 0.05,
        inserts_per_page: 2,
        ..Faults::default()
    }
}

/// The walks, each with the truth window it must equal.
async fn walk_all(
    h: &SandboxHandle,
) -> Vec<(Provider, Vec<String>, Vec<String>, Vec<String>, WalkStats)> {
    let c = client();
    let now = now();
    let mut out = Vec::new();

    // Zoom: one month, well inside the last six.
    let (from, to) = (date(2026, 9, 10), date(2026, 10, 10));
    let (t0, t1) = (midnight(from), midnight(to) + Duration::days(1));
    // The walk is `me`'s report: her meetings, hosted or attended, not the account's.
    let before = h.zoom_user_truth("me", t0, t1).unwrap();
    let token = zoom_token(&c, h).await;
    let mut stats = WalkStats::keeping();
    let got = walk_zoom(&c, h, &token, from, to, 37, &mut stats).await;
    out.push((
        Provider::Zoom,
        got,
        before,
        h.zoom_user_truth("me", t0, t1).unwrap(),
        stats,
    ));

    // Daily: the last 120 days.
    let (t0, t1) = (now - Duration::days(120), now + Duration::hours(1));
    let before = h.truth(Provider::Daily, t0, t1);
    let mut stats = WalkStats::keeping();
    let q = format!(
        "timeframe_start={}&timeframe_end={}&limit=100",
        t0.timestamp(),
        t1.timestamp()
    );
    let got = walk_daily(&c, h, &q, &mut stats).await;
    out.push((
        Provider::Daily,
        got,
        before,
        h.truth(Provider::Daily, t0, t1),
        stats,
    ));

    // Telnyx: started between two dates, inclusive.
    let (d0, d1) = (date(2026, 6, 1), date(2026, 8, 31));
    let (t0, t1) = (midnight(d0), midnight(d1) + Duration::days(1));
    let before = h.truth(Provider::Telnyx, t0, t1);
    let mut stats = WalkStats::keeping();
    let q = format!("filter[date_started_at][gte]={d0}&filter[date_started_at][lte]={d1}");
    let got = walk_telnyx(&c, h, &q, 100, &mut stats).await;
    out.push((
        Provider::Telnyx,
        got,
        before,
        h.truth(Provider::Telnyx, t0, t1),
        stats,
    ));

    // Attendee: join_at strictly after t0 - 1 s and strictly before t1, past and future.
    let (t0, t1) = (now - Duration::days(40), now + Duration::days(20));
    let before = h.truth(Provider::Attendee, t0, t1);
    let mut stats = WalkStats::keeping();
    let q = format!(
        "join_at_after={}&join_at_before={}",
        enc(&rfc3339(t0 - Duration::seconds(1))),
        enc(&rfc3339(t1))
    );
    let got = walk_attendee(&c, h, &q, &mut stats).await;
    out.push((
        Provider::Attendee,
        got,
        before,
        h.truth(Provider::Attendee, t0, t1),
        stats,
    ));

    // Attention: past (newest first) plus upcoming (oldest first) cover the inclusive window.
    let (t0, t1) = (now - Duration::days(60), now + Duration::days(25));
    let truth_to = t1 + Duration::seconds(1);
    let before = h.truth(Provider::Attention, t0, truth_to);
    let mut stats = WalkStats::keeping();
    let q = format!(
        "fromDateTime={}&toDateTime={}&size=80",
        enc(&rfc3339(t0)),
        enc(&rfc3339(t1))
    );
    let mut got = walk_attention(&c, h, &q, &mut stats).await;
    got.extend(walk_attention(&c, h, &format!("{q}&upcoming=true"), &mut stats).await);
    out.push((
        Provider::Attention,
        got,
        before,
        h.truth(Provider::Attention, t0, truth_to),
        stats,
    ));

    out
}

/// Every page of a walk validates against the provider's spec.
fn assert_valid(p: Provider, stats: &WalkStats) {
    let (name, op) = match p {
        Provider::Zoom => ("zoom", "report_user_meetings"),
        Provider::Daily => ("daily", "list_meetings"),
        Provider::Telnyx => ("telnyx", "list_room_recordings"),
        Provider::Attendee => ("attendee", "list_bots"),
        Provider::Attention => ("attention", "list_recorder_meetings"),
    };
    assert_pages_valid(&spec(name), op, stats);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_walk_equals_the_truth_without_faults() {
    let h = start(MEETINGS, Faults::none()).await;
    for (p, got, before, after, stats) in walk_all(&h).await {
        assert_valid(p, &stats);
        assert_eq!(before, after, "{p}: nothing is inserted without faults");
        assert!(
            before.len() > 100,
            "{p}: the window holds enough records ({})",
            before.len()
        );
        assert!(stats.pages > 2, "{p}: the walk spans several pages");
        assert_eq!(stats.retries, 0, "{p}: no faults, no retries");
        assert_eq!(
            dedup(&got).len(),
            got.len(),
            "{p}: no record comes back twice"
        );
        assert_eq!(sorted(got), before, "{p}: the walk equals the truth");
    }
    h.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn walks_through_transport_faults_equal_the_truth_exactly() {
    // 429s, 5xx, resets and truncations but no inserts: retried pages change nothing.
    let h = start(
        MEETINGS,
        Faults {
            inserts_per_page: 0,
            ..chaos()
        },
    )
    .await;
    for (p, got, before, after, stats) in walk_all(&h).await {
        assert_valid(p, &stats);
        assert!(stats.retries > 0, "{p}: faults fired");
        assert_eq!(before, after, "{p}: nothing is inserted");
        assert_eq!(
            dedup(&got).len(),
            got.len(),
            "{p}: no record comes back twice"
        );
        assert_eq!(sorted(got), before, "{p}: the walk equals the truth");
    }
    h.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn walks_survive_faults_and_see_every_record_once_after_dedup() {
    let h = start(MEETINGS, chaos()).await;
    for (p, got, before, after, stats) in walk_all(&h).await {
        assert_valid(p, &stats);
        let seen = dedup(&got);
        eprintln!(
            "{p}: {} served, {} distinct, {} before, {} after, {} pages, {} retries",
            got.len(),
            seen.len(),
            before.len(),
            after.len(),
            stats.pages,
            stats.retries
        );
        assert!(stats.retries > 0, "{p}: faults fired");
        assert!(
            after.len() > before.len(),
            "{p}: records were inserted during the walk"
        );
        let missing: Vec<&String> = before
            .iter()
            .filter(|id| seen.binary_search(id).is_err())
            .collect();
        assert!(
            missing.is_empty(),
            "{p}: records that existed before the walk were missed: {missing:?}"
        );
        let unknown: Vec<&String> = seen
            .iter()
            .filter(|id| after.binary_search(id).is_err())
            .collect();
        assert!(
            unknown.is_empty(),
            "{p}: the walk returned records outside the window: {unknown:?}"
        );
    }
    h.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn faults_are_reproducible_for_a_seed() {
    let mut runs = Vec::new();
    for _ in 0..2 {
        let h = start(MEETINGS, chaos()).await;
        let c = client();
        let mut stats = WalkStats::keeping();
        let q = "limit=50";
        let got = walk_daily(&c, &h, q, &mut stats).await;
        runs.push((
            got,
            stats.retries,
            h.truth(
                Provider::Daily,
                now() - Duration::days(400),
                now() + Duration::days(1),
            ),
        ));
        h.shutdown().await;
    }
    assert_eq!(runs[0], runs[1]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn daily_ending_before_pages_back_towards_the_newest() {
    let h = start(2000, Faults::none()).await;
    let c = client();
    let auth = format!(
        "Bearer {}",
        meetkit_sandbox::handout(Provider::Daily).credentials[0]
    );
    let mut stats = WalkStats::keeping();
    let forward = walk_daily(&c, &h, "limit=100", &mut stats).await;
    // From the oldest session, walk back up with ending_before.
    let mut back: Vec<String> = Vec::new();
    let mut anchor = forward.last().unwrap().clone();
    loop {
        let url = format!(
            "{}/meetings?limit=70&ending_before={anchor}",
            h.base_url(Provider::Daily)
        );
        let body = get_ok(&c, &url, &auth, &mut stats).await;
        let page: Vec<String> = body["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["id"].as_str().unwrap().to_string())
            .collect();
        let Some(first) = page.first().cloned() else {
            break;
        };
        back.splice(0..0, page);
        anchor = first;
    }
    back.push(forward.last().unwrap().clone());
    assert_eq!(back, forward);
    h.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_walks_each_equal_the_truth() {
    let h = std::sync::Arc::new(start(3000, Faults::none()).await);
    let (t0, t1) = (now() - Duration::days(90), now() + Duration::hours(1));
    let q = format!(
        "timeframe_start={}&timeframe_end={}&limit=100",
        t0.timestamp(),
        t1.timestamp()
    );
    let walks: Vec<_> = (0..8)
        .map(|_| {
            let (h, q) = (h.clone(), q.clone());
            tokio::spawn(async move {
                let mut stats = WalkStats::default();
                let got = walk_daily(&client(), &h, &q, &mut stats).await;
                (got, stats.pages)
            })
        })
        .collect();
    let want = h.truth(Provider::Daily, t0, t1);
    let mut pages = 0;
    for w in walks {
        let (got, n) = w.await.unwrap();
        pages += n;
        assert_eq!(sorted(got), want);
    }
    assert_eq!(
        h.requests(Provider::Daily),
        pages as u64,
        "every request is counted"
    );
    assert_eq!(h.requests(Provider::Zoom), 0);
}
