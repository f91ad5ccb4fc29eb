//! Zoom account-wide: with Server-to-Server OAuth a listing covers every user of the account
//! (a partition each, listed at planning), `host` narrows, a meeting two users attended comes
//! once, the daily cap on report requests stops the account at once.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::HashSet;

use common::*;
use meetkit::error::{ProviderErrorKind, Scope};
use meetkit::{Client, Filters, Provider, Query, Window};
use meetkit_sandbox::{Faults, Sandbox, SandboxConfig};

fn month(handle: &meetkit_sandbox::SandboxHandle) -> Window {
    let now = handle.now();
    Window::new(now - chrono::Duration::days(40), now).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_to_server_lists_every_user_of_the_account_once_each_meeting() {
    let handle = sandbox(2000, 21, Faults::default()).await;
    let client = client_for(&handle);
    let window = month(&handle);
    let query = Query::new(window).providers([Provider::Zoom]);

    let plan = client.plan(&query).await.unwrap();
    let mut users: Vec<String> = handle.zoom_users("active");
    users.extend(handle.zoom_users("inactive"));
    assert!(
        users.len() > 300,
        "{} users: more than a page of 300",
        users.len()
    );
    let planned: Vec<String> = plan
        .partitions
        .iter()
        .map(|p| p.user.clone().expect("a partition per user"))
        .collect();
    assert_eq!(
        planned, users,
        "one partition per active or inactive user, in Zoom's order"
    );
    let pending: HashSet<String> = handle.zoom_users("pending").into_iter().collect();
    assert!(!pending.is_empty() && planned.iter().all(|u| !pending.contains(u)));

    let listing = client.collect(&query).await.unwrap();
    assert!(listing.errors.is_empty(), "{:?}", listing.errors);
    let got = ids_of(&listing.meetings);
    let distinct: HashSet<&String> = got.iter().collect();
    assert_eq!(
        distinct.len(),
        got.len(),
        "a meeting in two users' reports is listed once"
    );
    let want = truth(&handle, Provider::Zoom, window.from(), window.to());
    assert_eq!(got, want, "the account's meetings, every host's");
    let hosts: HashSet<Option<String>> = listing
        .meetings
        .iter()
        .map(|m| m.host.as_ref().and_then(|h| h.email.clone()))
        .collect();
    assert!(hosts.len() > 20, "meetings of {} hosts", hosts.len());
    // Some meetings really are in two reports: without the account-wide set they would repeat.
    let in_reports: usize = users
        .iter()
        .map(|u| {
            handle
                .zoom_user_truth(u, window.from(), window.to())
                .unwrap()
                .len()
        })
        .sum();
    assert!(
        in_reports > want.len(),
        "{in_reports} report rows, {} meetings",
        want.len()
    );
    handle.shutdown().await;
}

/// Six months take six report requests a user, and no meeting is lost where two windows
/// meet, whatever day Zoom reads `from`/`to` in (it does not document its boundary): a
/// meeting within a day of an inner edge comes back from one side only, and that side keeps
/// it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn six_months_take_six_windows_and_lose_nothing_at_their_edges_in_any_zoom_day() {
    for hours in [13, -11] {
        let offset = chrono::FixedOffset::east_opt(hours * 3600).unwrap();
        let handle = Sandbox::start(SandboxConfig {
            seed: 26,
            meetings: 2000,
            zoom_report_offset: offset,
            ..SandboxConfig::default()
        })
        .await
        .unwrap();
        let now = handle.now();
        let window = Window::new(now - chrono::Duration::days(180), now).unwrap();
        let query = Query::new(window).providers([Provider::Zoom]);
        let client = client_for(&handle);
        let plan = client.plan(&query).await.unwrap();
        assert!(plan.partitions.len() > 300);
        for partition in &plan.partitions {
            assert_eq!(partition.windows.len(), 6, "{:?}", partition.windows);
        }
        let want = truth(&handle, Provider::Zoom, window.from(), window.to());
        let listing = client.collect(&query).await.unwrap();
        assert!(listing.errors.is_empty(), "{:?}", listing.errors);
        let got = ids_of(&listing.meetings);
        let missing: Vec<&String> = want.iter().filter(|id| !got.contains(id)).collect();
        assert!(missing.is_empty(), "UTC{offset}: missing {missing:?}");
        assert_eq!(got, want, "UTC{offset}");
        // The test has teeth: meetings lie where Zoom's day and UTC's disagree about the side.
        let edges: Vec<_> = plan.partitions[0].windows[1..]
            .iter()
            .map(|w| w.from())
            .collect();
        let near = listing
            .meetings
            .iter()
            .filter(|m| {
                edges.iter().any(|edge| {
                    let hours_after = (m.start - *edge).num_minutes() as f64 / 60.0;
                    // East of UTC Zoom's day starts before midnight UTC, west of it after.
                    if hours > 0 {
                        (-f64::from(hours)..0.0).contains(&hours_after)
                    } else {
                        (0.0..-f64::from(hours)).contains(&hours_after)
                    }
                })
            })
            .count();
        assert!(
            near > 5,
            "{near} meetings on the other side of an inner edge"
        );
        handle.shutdown().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_users_listing_waits_out_429s_as_pages_do() {
    // Most requests are 429s with a Retry-After. Like a page's, a users page waits them out
    // without spending its attempts: with two attempts each, planning still lists every user.
    let handle = sandbox(
        2000,
        23,
        Faults {
            rate_limit_rate: 0.9,
            ..Faults::default()
        },
    )
    .await;
    let mut config = config_for(&handle);
    config.runtime.retry.max_attempts = 2;
    let client = Client::new(config).unwrap();
    let plan = client
        .plan(&Query::new(month(&handle)).providers([Provider::Zoom]))
        .await
        .unwrap();
    let users = handle.zoom_users("active").len() + handle.zoom_users("inactive").len();
    assert_eq!(
        plan.partitions.len(),
        users,
        "{:?} {:?}",
        plan.errors,
        plan.warnings
    );
    // Two pages (one per status): the requests beyond them were 429s waited out, more than
    // the one retry the attempts allow.
    assert!(
        handle.requests(Provider::Zoom) > 4,
        "{} requests: no 429 was met",
        handle.requests(Provider::Zoom)
    );
    handle.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_account_wide_run_starts_a_few_users_at_a_time() {
    use futures::StreamExt;
    // Hundreds of users, each with several windows: started all at once they would hold
    // thousands of window tasks and their page buffers (a fleet of Zoom accounts ran out of
    // memory that way); started as earlier users end, a handful.
    let handle = sandbox(2000, 24, Faults::default()).await;
    let client = client_for(&handle);
    let window = recent_window(&handle);
    let query = Query::new(window).providers([Provider::Zoom]);
    let users = client.plan(&query).await.unwrap().partitions.len();
    assert!(users > 300, "{users} users");
    let mut stream = client.list(&query).await.unwrap();
    let first = stream.next().await.expect("a meeting").unwrap();
    let alive = tokio::runtime::Handle::current()
        .metrics()
        .num_alive_tasks();
    let concurrency = client.config().runtime.per_provider_concurrency;
    // At most `concurrency` users, each with at most `concurrency` windows, plus the
    // sandbox's connection tasks.
    assert!(
        alive <= concurrency * concurrency + 100,
        "{alive} tasks alive for {users} users"
    );
    let mut got = vec![first.id];
    while let Some(item) = stream.next().await {
        got.push(item.unwrap().id);
    }
    got.sort();
    assert_eq!(
        got,
        truth(&handle, Provider::Zoom, window.from(), window.to())
    );
    handle.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn host_narrows_to_the_named_users_without_listing_users() {
    let handle = sandbox(2000, 22, Faults::default()).await;
    let client = client_for(&handle);
    let window = month(&handle);
    let host = meetkit_sandbox::credentials::ZOOM_USER_ID;
    let query = Query::new(window)
        .providers([Provider::Zoom])
        .filters(Filters {
            host: vec![host.to_owned()],
            ..Filters::default()
        });
    let plan = client.plan(&query).await.unwrap();
    assert_eq!(plan.partitions.len(), 1);
    assert_eq!(plan.partitions[0].user, None);
    let listing = client.collect(&query).await.unwrap();
    assert!(listing.errors.is_empty(), "{:?}", listing.errors);
    let want = handle
        .zoom_user_truth(host, window.from(), window.to())
        .unwrap();
    assert!(!want.is_empty());
    assert_eq!(ids_of(&listing.meetings), want);
    assert!(want.len() < truth(&handle, Provider::Zoom, window.from(), window.to()).len());
    handle.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_static_token_lists_me_only() {
    let handle = sandbox(2000, 23, Faults::default()).await;
    let mut config = config_for(&handle);
    if let Some(zoom) = config.zoom.as_mut() {
        zoom.auth = meetkit::config::ZoomAuth::AccessToken(meetkit::Secret::new(
            meetkit_sandbox::credentials::ZOOM_ACCESS_TOKEN.to_owned(),
        ));
    }
    let client = Client::new(config).unwrap();
    let window = month(&handle);
    let query = Query::new(window).providers([Provider::Zoom]);
    let plan = client.plan(&query).await.unwrap();
    assert_eq!(plan.partitions.len(), 1);
    let listing = client.collect(&query).await.unwrap();
    let want = handle
        .zoom_user_truth("me", window.from(), window.to())
        .unwrap();
    assert_eq!(ids_of(&listing.meetings), want);
    handle.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_plan_warns_when_it_needs_more_report_requests_than_the_daily_budget() {
    let handle = sandbox(2000, 24, Faults::default()).await;
    let window = month(&handle);
    let query = Query::new(window).providers([Provider::Zoom]);
    let plan = client_for(&handle).plan(&query).await.unwrap();
    assert!(plan.warnings.is_empty(), "{:?}", plan.warnings);
    let mut config = config_for(&handle);
    if let Some(zoom) = config.zoom.as_mut() {
        zoom.daily_request_budget = 100;
    }
    let plan = Client::new(config).unwrap().plan(&query).await.unwrap();
    let needed = plan.min_requests();
    assert!(needed > 100);
    assert_eq!(plan.warnings.len(), 1, "{:?}", plan.warnings);
    assert!(
        plan.warnings[0].contains(&format!("at least {needed} report requests"))
            && plan.warnings[0].contains("daily budget of 100"),
        "{}",
        plan.warnings[0]
    );
    handle.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_daily_cap_stops_zoom_for_the_account_at_once() {
    let cap = 20;
    let handle = Sandbox::start(SandboxConfig {
        seed: 25,
        meetings: 2000,
        zoom_daily_heavy_cap: Some(cap),
        ..SandboxConfig::default()
    })
    .await
    .unwrap();
    let client = client_for(&handle);
    let window = month(&handle);
    let listing = client
        .collect(&Query::new(window).providers([Provider::Zoom]))
        .await
        .unwrap();
    assert_eq!(
        listing.errors.len(),
        1,
        "reported once: {:?}",
        listing.errors
    );
    let error = &listing.errors[0];
    assert_eq!(
        (error.kind, error.scope, error.status),
        (ProviderErrorKind::RateLimited, Scope::Account, Some(429))
    );
    let text = error.to_string();
    assert!(
        text.contains("Zoom's daily cap for Heavy requests") && text.contains("resets at"),
        "{text}"
    );
    // No waiting and retrying: a refused request per one in flight at most, not hundreds.
    let calls = handle.zoom_heavy_calls();
    let concurrency = config_for(&handle).runtime.per_provider_concurrency as u64;
    assert!(calls <= cap + concurrency, "{calls} report requests");
    handle.shutdown().await;
}
