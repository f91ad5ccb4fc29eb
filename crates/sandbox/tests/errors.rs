//! Every documented error is reachable, in the provider's exact shape, and every body the
//! sandbox produces (errors and pages) validates against our spec for that operation.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::HashMap;
use std::time::Duration;

use chrono::DateTime;
use common::*;
use meetkit_openapi_check::Spec;
use meetkit_sandbox::{Faults, Provider, Sandbox, SandboxConfig, SandboxHandle, credentials};
use serde_json::Value;

/// Statuses the sandbox answers (as the real providers do) that our specs do not document yet.
struct Checker {
    specs: HashMap<&'static str, Spec>,
}

impl Checker {
    fn new() -> Self {
        let specs = ["zoom", "daily", "telnyx", "attendee", "attention"]
            .into_iter()
            .map(|p| (p, spec(p)))
            .collect();
        Checker { specs }
    }

    /// Asserts the status, validates the body against the spec, and returns the body.
    fn expect(&self, spec: &str, op: &str, a: &Answer, status: u16) -> Value {
        assert_eq!(
            a.status, status,
            "{op}: expected {status}, got {}: {}",
            a.status, a.body
        );
        let s = &self.specs[spec];
        if let Err(violations) = s.validate_response(op, status, &a.body) {
            let list: Vec<String> = violations.iter().map(ToString::to_string).collect();
            panic!(
                "{op} {status}: body does not match the spec: {list:#?}\nbody: {}",
                a.body
            );
        }
        a.body.clone()
    }
}

async fn get(c: &reqwest::Client, url: &str, auth: Option<&str>) -> Answer {
    get_once(c, url, auth)
        .await
        .unwrap_or_else(|e| panic!("GET {url}: {e}"))
}

fn header(a: &Answer, name: &str) -> String {
    a.headers
        .get(name)
        .unwrap_or_else(|| panic!("missing header {name}"))
        .to_str()
        .unwrap()
        .to_string()
}

/// A sandbox with the test seed and clock; `meetings` defaults to 3000.
async fn start_with(config: SandboxConfig) -> SandboxHandle {
    let meetings = if config.meetings == SandboxConfig::default().meetings {
        3000
    } else {
        config.meetings
    };
    Sandbox::start(SandboxConfig {
        seed: 7,
        meetings,
        now: Some(now()),
        ..config
    })
    .await
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn zoom_errors_and_pages_match_the_spec() {
    let chk = Checker::new();
    let h = start_with(SandboxConfig {
        zoom_token_ttl: Duration::from_millis(1500),
        ..SandboxConfig::default()
    })
    .await;
    let c = client();
    let op = "report_user_meetings";
    let token = zoom_token(&c, &h).await;
    let bearer = format!("Bearer {token}");
    let auth = Some(bearer.as_str());
    let base = h.base_url(Provider::Zoom);
    let url = |user: &str, q: &str| format!("{base}/report/users/{user}/meetings?{q}");

    // A page, by `me`, by user id and by percent-encoded email; page_size clamps to 300.
    let ok = "from=2026-10-01&to=2026-10-31&page_size=1000";
    let page = chk.expect("zoom", op, &get(&c, &url("me", ok), auth).await, 200);
    assert_eq!(page["page_size"], 300);
    assert_eq!(page["from"], "2026-10-01");
    assert_eq!(page["page_number"], 1);
    let total = page["total_records"].as_u64().unwrap();
    assert_eq!(page["page_count"].as_u64().unwrap(), total.div_ceil(300));
    for user in [
        credentials::ZOOM_USER_ID.to_string(),
        enc(credentials::ZOOM_USER_EMAIL),
    ] {
        let other = chk.expect("zoom", op, &get(&c, &url(&user, ok), auth).await, 200);
        assert_eq!(other["total_records"], page["total_records"]);
    }
    // An expired minted token is a 401 code 124; minting again works.
    h.expire_zoom_tokens();
    let body = chk.expect("zoom", op, &get(&c, &url("me", ok), auth).await, 401);
    assert_eq!(body["message"], "Access token is expired.");
    let token = zoom_token(&c, &h).await;
    let bearer = format!("Bearer {token}");
    let auth = Some(bearer.as_str());
    chk.expect("zoom", op, &get(&c, &url("me", ok), auth).await, 200);
    // The static token works too.
    let static_auth = format!("Bearer {}", credentials::ZOOM_ACCESS_TOKEN);
    chk.expect(
        "zoom",
        op,
        &get(&c, &url("me", ok), Some(&static_auth)).await,
        200,
    );
    // The last page has an empty token.
    let small = chk.expect(
        "zoom",
        op,
        &get(&c, &url("me", "from=2026-10-01&to=2026-10-02"), auth).await,
        200,
    );
    assert_eq!(small["next_page_token"], "");

    // 401: no token, a bad one, the wrong scheme.
    for a in [None, Some("Bearer nope"), Some("Basic Zm9vOmJhcg==")] {
        let body = chk.expect("zoom", op, &get(&c, &url("me", ok), a).await, 401);
        assert_eq!(body["code"], 124);
    }
    // 400 code 200: a free account has no reports.
    let free = format!("Bearer {}", credentials::ZOOM_FREE_ACCOUNT_ACCESS_TOKEN);
    let body = chk.expect("zoom", op, &get(&c, &url("me", ok), Some(&free)).await, 400);
    assert_eq!(body["code"], 200);
    // 404: an unknown user.
    let body = chk.expect(
        "zoom",
        op,
        &get(&c, &url("someone-else", ok), auth).await,
        404,
    );
    assert_eq!(body["code"], 1001);
    // 400 code 300: required, malformed, too wide, too old, reversed, bad type, bad token.
    for q in [
        "to=2026-10-31",
        "from=2026-10-01",
        "from=10/01/2026&to=2026-10-31",
        "from=2026-10-01&to=2026-11-02",
        "from=2026-04-01&to=2026-04-30",
        "from=2026-10-31&to=2026-10-01",
        "from=2026-10-01&to=2026-10-31&type=future",
        "from=2026-10-01&to=2026-10-31&page_size=abc",
        "from=2026-10-01&to=2026-10-31&next_page_token=forged",
    ] {
        let body = chk.expect("zoom", op, &get(&c, &url("me", q), auth).await, 400);
        assert_eq!(body["code"], 300, "{q}");
        assert!(!body["message"].as_str().unwrap().is_empty());
    }
    // A token from another query is invalid; a token expires after the TTL.
    let first = get(
        &c,
        &url("me", "from=2026-10-01&to=2026-10-31&page_size=5"),
        auth,
    )
    .await;
    let next = first.body["next_page_token"].as_str().unwrap().to_string();
    assert!(!next.is_empty());
    let reuse = format!(
        "from=2026-10-02&to=2026-10-31&page_size=5&next_page_token={}",
        enc(&next)
    );
    chk.expect("zoom", op, &get(&c, &url("me", &reuse), auth).await, 400);
    let fine = format!(
        "from=2026-10-01&to=2026-10-31&page_size=5&next_page_token={}",
        enc(&next)
    );
    let second = chk.expect("zoom", op, &get(&c, &url("me", &fine), auth).await, 200);
    assert_eq!(second["page_number"], 2);
    tokio::time::sleep(Duration::from_millis(1600)).await;
    let body = chk.expect("zoom", op, &get(&c, &url("me", &fine), auth).await, 400);
    assert_eq!(
        body["message"],
        "The next page token is invalid or expired."
    );

    // OAuth: success validated above through zoom_token; the errors.
    let oauth = |q: &str| format!("{}?{q}", h.zoom_oauth_url());
    let good_q = format!(
        "grant_type=account_credentials&account_id={}",
        credentials::ZOOM_ACCOUNT_ID
    );
    for (q, id, secret, status) in [
        (good_q.clone(), credentials::ZOOM_CLIENT_ID, "wrong", 401),
        (
            "grant_type=password&account_id=x".to_string(),
            credentials::ZOOM_CLIENT_ID,
            credentials::ZOOM_CLIENT_SECRET,
            400,
        ),
        (
            "grant_type=account_credentials&account_id=other".to_string(),
            credentials::ZOOM_CLIENT_ID,
            credentials::ZOOM_CLIENT_SECRET,
            400,
        ),
        (
            good_q.clone(),
            credentials::ZOOM_CLIENT_ID,
            credentials::ZOOM_CLIENT_SECRET,
            200,
        ),
    ] {
        let resp = c
            .post(oauth(&q))
            .basic_auth(id, Some(secret))
            .send()
            .await
            .unwrap();
        let a = Answer {
            status: resp.status().as_u16(),
            headers: resp.headers().clone(),
            body: resp.json().await.unwrap(),
        };
        let body = chk.expect("zoom", "create_access_token", &a, status);
        if status == 200 {
            assert_eq!(body["token_type"], "bearer");
            assert_eq!(body["expires_in"], 3600);
            assert_eq!(body["scope"], "report:read:admin user:read:admin");
        } else {
            assert!(body["error"].is_string() && body["reason"].is_string());
        }
    }
    h.shutdown().await;

    // 429 from the documented 10 req/s, with an absolute Retry-After timestamp.
    let h = start_with(SandboxConfig {
        rate_limits: true,
        ..SandboxConfig::default()
    })
    .await;
    let url = format!(
        "{}/report/users/me/meetings?from=2026-10-01&to=2026-10-02",
        h.base_url(Provider::Zoom)
    );
    let static_auth = format!("Bearer {}", credentials::ZOOM_ACCESS_TOKEN);
    let mut limited = None;
    for _ in 0..15 {
        let a = get(&c, &url, Some(&static_auth)).await;
        if a.status == 429 {
            limited = Some(a);
            break;
        }
    }
    let a = limited.expect("the 11th request in a second is limited");
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let served = get(&c, &url, Some(&static_auth)).await;
    assert_eq!(served.status, 200);
    assert_eq!(header(&served, "x-ratelimit-remaining"), "9");
    let body = chk.expect("zoom", op, &a, 429);
    assert_eq!(body["code"], 429);
    assert!(DateTime::parse_from_rfc3339(&header(&a, "retry-after")).is_ok());
    assert_eq!(header(&a, "x-ratelimit-category"), "Heavy");
    assert_eq!(header(&a, "x-ratelimit-type"), "QPS");
    h.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn zoom_users_errors_and_pages_match_the_spec() {
    let chk = Checker::new();
    let h = start_with(SandboxConfig::default()).await;
    let c = client();
    let op = "list_users";
    let token = zoom_token(&c, &h).await;
    let bearer = format!("Bearer {token}");
    let auth = Some(bearer.as_str());
    let url = |q: &str| format!("{}/users?{q}", h.base_url(Provider::Zoom));

    // Every status, walked across pages of 100; the default is active, page_size caps at 300.
    let mut seen = std::collections::HashSet::new();
    for status in ["active", "inactive", "pending"] {
        let mut q = format!("status={status}&page_size=100");
        let mut pages = 0;
        let mut total;
        loop {
            let page = chk.expect("zoom", op, &get(&c, &url(&q), auth).await, 200);
            pages += 1;
            total = page["total_records"].as_u64().unwrap();
            for user in page["users"].as_array().unwrap() {
                assert_eq!(user["status"], status);
                // Pending users come without an id.
                assert_eq!(user.get("id").is_none(), status == "pending", "{user}");
                assert!(seen.insert(user["email"].as_str().unwrap().to_owned()));
            }
            let next = page["next_page_token"].as_str().unwrap();
            if next.is_empty() {
                break;
            }
            q = format!("status={status}&page_size=100&next_page_token={next}");
        }
        assert_eq!(pages as u64, total.div_ceil(100), "{status}");
        assert_eq!(h.zoom_users(status).len() as u64, total);
    }
    assert!(seen.len() >= 300, "hundreds of users: {}", seen.len());
    let first = chk.expect(
        "zoom",
        op,
        &get(&c, &url("page_size=1000"), auth).await,
        200,
    );
    assert_eq!(first["page_size"], 300);
    assert!(
        first["users"]
            .as_array()
            .unwrap()
            .iter()
            .all(|u| u["status"] == "active")
    );
    assert_eq!(
        first["users"][0]["id"].as_str(),
        Some(credentials::ZOOM_USER_ID)
    );

    // Zoom's 400s: a status or page_size it does not know, a token it did not issue.
    for q in ["status=deleted", "page_size=many", "next_page_token=forged"] {
        let body = chk.expect("zoom", op, &get(&c, &url(q), auth).await, 400);
        assert_eq!(body["code"], 300, "{q}");
    }
    // A token without user:read:admin: 400 code 4711, naming the scope.
    let report_only = format!("Bearer {}", credentials::ZOOM_REPORT_ONLY_ACCESS_TOKEN);
    let body = chk.expect(
        "zoom",
        op,
        &get(&c, &url(""), Some(&report_only)).await,
        400,
    );
    assert_eq!(body["code"], 4711);
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("user:read:admin")
    );
    let body = chk.expect(
        "zoom",
        op,
        &get(&c, &url(""), Some("Bearer nope")).await,
        401,
    );
    assert_eq!(body["code"], 124);
    // The report of a user the account does not have: 404 code 1001.
    let report = format!(
        "{}/report/users/nobody@example.com/meetings?from=2026-10-01&to=2026-10-02",
        h.base_url(Provider::Zoom)
    );
    let body = chk.expect(
        "zoom",
        "report_user_meetings",
        &get(&c, &report, auth).await,
        404,
    );
    assert_eq!(body["code"], 1001);
    h.shutdown().await;

    // Medium (users, 20/s) and Heavy (the report, 10/s) are counted apart: ten report
    // requests leave the users' twenty whole.
    let h = start_with(SandboxConfig {
        rate_limits: true,
        ..SandboxConfig::default()
    })
    .await;
    let static_auth = format!("Bearer {}", credentials::ZOOM_ACCESS_TOKEN);
    let report = format!(
        "{}/report/users/me/meetings?from=2026-10-01&to=2026-10-02",
        h.base_url(Provider::Zoom)
    );
    let users = format!("{}/users", h.base_url(Provider::Zoom));
    let started = std::time::Instant::now();
    let mut statuses = Vec::new();
    for _ in 0..10 {
        statuses.push(get(&c, &report, Some(&static_auth)).await.status);
    }
    for _ in 0..20 {
        let a = get(&c, &users, Some(&static_auth)).await;
        if a.status == 200 {
            assert_eq!(header(&a, "x-ratelimit-category"), "Medium");
        }
        statuses.push(a.status);
    }
    let limited = get(&c, &users, Some(&static_auth)).await;
    if started.elapsed() < Duration::from_millis(900) {
        assert!(statuses.iter().all(|s| *s == 200), "{statuses:?}");
        let body = chk.expect("zoom", op, &limited, 429);
        assert_eq!(body["code"], 429);
        assert_eq!(header(&limited, "x-ratelimit-category"), "Medium");
    }
    h.shutdown().await;

    // The daily cap on Heavy calls: 429 Daily-limit, Retry-After at the next UTC midnight.
    let h = start_with(SandboxConfig {
        zoom_daily_heavy_cap: Some(3),
        ..SandboxConfig::default()
    })
    .await;
    let report = format!(
        "{}/report/users/me/meetings?from=2026-10-01&to=2026-10-02",
        h.base_url(Provider::Zoom)
    );
    for _ in 0..3 {
        assert_eq!(get(&c, &report, Some(&static_auth)).await.status, 200);
    }
    let a = get(&c, &report, Some(&static_auth)).await;
    let body = chk.expect("zoom", "report_user_meetings", &a, 429);
    assert_eq!(body["code"], 429);
    assert_eq!(header(&a, "x-ratelimit-type"), "Daily-limit");
    assert_eq!(header(&a, "x-ratelimit-category"), "Heavy");
    let reset = DateTime::parse_from_rfc3339(&header(&a, "retry-after")).unwrap();
    assert_eq!(reset.format("%H:%M:%S").to_string(), "00:00:00");
    // Users (Medium) have no daily cap.
    let users = format!("{}/users", h.base_url(Provider::Zoom));
    assert_eq!(get(&c, &users, Some(&static_auth)).await.status, 200);
    h.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn daily_errors_and_pages_match_the_spec() {
    let chk = Checker::new();
    let h = start_with(SandboxConfig::default()).await;
    let c = client();
    let op = "list_meetings";
    let key = format!(
        "Bearer {}",
        meetkit_sandbox::handout(Provider::Daily).credentials[0]
    );
    let auth = Some(key.as_str());
    let url = |q: &str| format!("{}/meetings?{q}", h.base_url(Provider::Daily));

    let page = chk.expect("daily", op, &get(&c, &url("limit=500"), auth).await, 200);
    assert_eq!(
        page["data"].as_array().unwrap().len(),
        100,
        "limit clamps to 100"
    );
    assert_eq!(page["total_count"], 3000);
    let page = chk.expect(
        "daily",
        op,
        &get(&c, &url("limit=3&no_participants=true"), auth).await,
        200,
    );
    assert!(page["data"][0].get("participants").is_none());
    let starts: Vec<i64> = page["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["start_time"].as_i64().unwrap())
        .collect();
    assert!(starts.windows(2).all(|w| w[0] > w[1]), "newest first");
    let ongoing = chk.expect("daily", op, &get(&c, &url("ongoing=true"), auth).await, 200);
    for s in ongoing["data"].as_array().unwrap() {
        assert_eq!(s["ongoing"], true);
    }

    for a in [
        None,
        Some("Token abc"),
        Some("Bearer "),
        Some("bearer-without-space"),
    ] {
        let body = chk.expect("daily", op, &get(&c, &url(""), a).await, 400);
        assert_eq!(body["error"], "authorization-header-error");
    }
    let body = chk.expect(
        "daily",
        op,
        &get(&c, &url(""), Some("Bearer wrong")).await,
        401,
    );
    assert_eq!(body["error"], "authentication-error");
    for q in [
        "timeframe_start=yesterday",
        "limit=0",
        "ongoing=maybe",
        "starting_after=not-a-session",
    ] {
        let body = chk.expect("daily", op, &get(&c, &url(q), auth).await, 400);
        assert_eq!(body["error"], "invalid-request-error", "{q}");
    }
    h.shutdown().await;

    let h = start_with(SandboxConfig {
        rate_limits: true,
        ..SandboxConfig::default()
    })
    .await;
    let url = format!("{}/meetings?limit=1", h.base_url(Provider::Daily));
    let mut limited = None;
    for _ in 0..30 {
        let a = get(&c, &url, auth).await;
        if a.status == 429 {
            limited = Some(a);
            break;
        }
    }
    let a = limited.expect("the 21st request in a second is limited");
    let body = chk.expect("daily", op, &a, 429);
    assert_eq!(body["error"], "rate-limit-error");
    assert!(
        DateTime::parse_from_rfc2822(&header(&a, "retry-after").replace("GMT", "+0000")).is_ok()
    );
    h.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn telnyx_errors_and_pages_match_the_spec() {
    let chk = Checker::new();
    let h = start_with(SandboxConfig::default()).await;
    let c = client();
    let op = "list_room_recordings";
    let key = format!(
        "Bearer {}",
        meetkit_sandbox::handout(Provider::Telnyx).credentials[0]
    );
    let auth = Some(key.as_str());
    let url = |q: &str| format!("{}/room_recordings?{q}", h.base_url(Provider::Telnyx));

    let page = chk.expect("telnyx", op, &get(&c, &url(""), auth).await, 200);
    assert_eq!(page["meta"]["page_size"], 20);
    assert_eq!(page["meta"]["page_number"], 1);
    assert_eq!(page["meta"]["total_results"], 3000);
    assert_eq!(page["meta"]["total_pages"], 150);
    // Percent-encoded brackets are the same parameters.
    let encoded = chk.expect(
        "telnyx",
        op,
        &get(&c, &url("page%5Bsize%5D=250"), auth).await,
        200,
    );
    assert_eq!(encoded["data"].as_array().unwrap().len(), 250);

    for a in [
        None,
        Some("Bearer wrong"),
        Some(meetkit_sandbox::handout(Provider::Telnyx).credentials[0]),
    ] {
        let body = chk.expect("telnyx", op, &get(&c, &url(""), a).await, 401);
        assert_eq!(body["errors"][0]["code"], "10009");
    }
    for q in [
        "page[size]=0",
        "page[size]=251",
        "page[number]=0",
        "page[size]=ten",
        "filter[date_started_at][eq]=2026-13-01",
        "filter[date_ended_at][gte]=2026-11-01T00:00:00Z",
        "filter[duration_secs][gte]=long",
    ] {
        let body = chk.expect("telnyx", op, &get(&c, &url(q), auth).await, 400);
        assert!(body["errors"][0]["source"]["parameter"].is_string(), "{q}");
    }
    h.shutdown().await;

    let h = start_with(SandboxConfig {
        rate_limits: true,
        ..SandboxConfig::default()
    })
    .await;
    let url = format!(
        "{}/room_recordings?page[size]=1",
        h.base_url(Provider::Telnyx)
    );
    let mut limited = None;
    for _ in 0..30 {
        let a = get(&c, &url, auth).await;
        if a.status == 429 {
            limited = Some(a);
            break;
        }
    }
    let a = limited.expect("limited");
    let body = chk.expect("telnyx", op, &a, 429);
    assert_eq!(body["errors"][0]["code"], "10011");
    assert!(header(&a, "x-ratelimit-reset").parse::<u64>().is_ok());
    assert!(header(&a, "retry-after").parse::<u64>().is_ok());
    h.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn attendee_errors_and_pages_match_the_spec() {
    let chk = Checker::new();
    let h = start_with(SandboxConfig::default()).await;
    let c = client();
    let op = "list_bots";
    let key = format!(
        "Token {}",
        meetkit_sandbox::handout(Provider::Attendee).credentials[0]
    );
    let auth = Some(key.as_str());
    let url = |q: &str| format!("{}/api/v1/bots?{q}", h.base_url(Provider::Attendee));

    let page = chk.expect(
        "attendee",
        op,
        &get(&c, &url("states=ended&states=scheduled"), auth).await,
        200,
    );
    assert_eq!(page["results"].as_array().unwrap().len(), 25);
    assert!(page["previous"].is_null());
    let next = page["next"].as_str().unwrap().to_string();
    assert!(
        next.starts_with(&format!("http://{}/attendee/api/v1/bots?", h.addr())),
        "{next}"
    );
    assert!(
        next.contains("states=ended&states=scheduled"),
        "filters are kept: {next}"
    );
    let second = chk.expect("attendee", op, &get(&c, &next, auth).await, 200);
    let back = second["previous"].as_str().unwrap().to_string();
    let again = chk.expect("attendee", op, &get(&c, &back, auth).await, 200);
    assert_eq!(
        again["results"], page["results"],
        "previous leads back to the first page"
    );
    // next/previous are built from the Host header.
    let resp = c
        .get(url(""))
        .header("authorization", &key)
        .header("content-type", "application/json")
        .header("host", "bots.example.test:9000")
        .send()
        .await
        .unwrap();
    let body: Value = resp.json().await.unwrap();
    assert!(
        body["next"]
            .as_str()
            .unwrap()
            .starts_with("http://bots.example.test:9000/attendee/api/v1/bots?")
    );
    // An encoded '+' offset is fine.
    chk.expect(
        "attendee",
        op,
        &get(&c, &url("join_at_after=2026-10-01T00:00:00%2B02:00"), auth).await,
        200,
    );

    for (a, detail) in [
        (None, "Authentication credentials were not provided."),
        (
            Some(format!(
                "Bearer {}",
                meetkit_sandbox::handout(Provider::Attendee).credentials[0]
            )),
            "Authentication credentials were not provided.",
        ),
        (Some("Token wrong".to_string()), "Invalid token."),
    ] {
        let body = chk.expect("attendee", op, &get(&c, &url(""), a.as_deref()).await, 401);
        assert_eq!(body["detail"], detail);
    }
    for q in [
        "states=ended,scheduled",
        "states=sleeping",
        "join_at_after=2026-10-01T00:00:00+02:00",
        "join_at_before=yesterday",
    ] {
        let body = chk.expect("attendee", op, &get(&c, &url(q), auth).await, 400);
        assert!(body["error"].is_string(), "{q}");
    }
    // The spec's required Content-Type: refused without it, as a validating server does.
    for content_type in [None, Some("text/plain")] {
        let mut request = c.get(url("")).header("authorization", &key);
        if let Some(t) = content_type {
            request = request.header("content-type", t);
        }
        let resp = request.send().await.unwrap();
        let a = Answer {
            status: resp.status().as_u16(),
            headers: resp.headers().clone(),
            body: resp.json().await.unwrap(),
        };
        let body = chk.expect("attendee", op, &a, 400);
        assert!(
            body["error"].as_str().unwrap().contains("Content-Type"),
            "{body}"
        );
    }
    let body = chk.expect(
        "attendee",
        op,
        &get(&c, &url("cursor=bm9wZQ%3D%3D"), auth).await,
        404,
    );
    assert_eq!(body["detail"], "Invalid cursor");
    let slash = format!("{}/api/v1/bots/", h.base_url(Provider::Attendee));
    let body = chk.expect("attendee", op, &get(&c, &slash, auth).await, 404);
    assert!(body["detail"].is_string());
    h.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn attention_errors_and_pages_match_the_spec() {
    let chk = Checker::new();
    let h = start_with(SandboxConfig::default()).await;
    let c = client();
    let op = "list_recorder_meetings";
    let key = meetkit_sandbox::handout(Provider::Attention).credentials[0].to_string();
    let auth = Some(key.as_str());
    let url = |q: &str| {
        format!(
            "{}/recorder_metrics/all_meetings?{q}",
            h.base_url(Provider::Attention)
        )
    };
    let window = "fromDateTime=2026-09-01T00:00:00Z&toDateTime=2026-11-29T00:00:00Z";

    let page = chk.expect(
        "attention",
        op,
        &get(&c, &url(&format!("{window}&size=1000")), auth).await,
        200,
    );
    let items = page["items"].as_array().unwrap();
    assert_eq!(items.len(), 200, "size clamps to 200");
    assert!(page["nextCursor"].is_string());
    for m in items {
        assert_eq!(
            m.get("conversationUuid").is_some(),
            m["status"] == "recorded"
        );
    }
    let bearer = format!("Bearer {key}");
    chk.expect(
        "attention",
        op,
        &get(&c, &url(window), Some(&bearer)).await,
        200,
    );
    let up = chk.expect(
        "attention",
        op,
        &get(&c, &url(&format!("{window}&upcoming=true&size=200")), auth).await,
        200,
    );
    assert!(
        up.get("nextCursor").is_none(),
        "the upcoming part fits one page"
    );
    let unknown = chk.expect(
        "attention",
        op,
        &get(&c, &url(&format!("{window}&filter[user_id]=nobody")), auth).await,
        200,
    );
    assert_eq!(unknown["items"].as_array().unwrap().len(), 0);

    for a in [None, Some("wrong"), Some("Token nope")] {
        let body = chk.expect("attention", op, &get(&c, &url(window), a).await, 401);
        assert_eq!(body["statusCode"], 401);
    }
    for q in [
        "toDateTime=2026-11-01T00:00:00Z".to_string(),
        "fromDateTime=2026-11-01T00:00:00Z".to_string(),
        "fromDateTime=2026-01-01T00:00:00Z&toDateTime=2026-11-01T00:00:00Z".to_string(),
        "fromDateTime=2026-11-01T00:00:00Z&toDateTime=2026-10-01T00:00:00Z".to_string(),
        format!("{window}&filter[meeting_type]=both"),
        format!("{window}&cursor=forged"),
        format!("{window}&size=0"),
    ] {
        let body = chk.expect("attention", op, &get(&c, &url(&q), auth).await, 400);
        assert!(body["message"].is_string(), "{q}");
    }
    h.shutdown().await;

    let h = start_with(SandboxConfig {
        rate_limits: true,
        ..SandboxConfig::default()
    })
    .await;
    let url = format!(
        "{}/recorder_metrics/all_meetings?{window}&size=1",
        h.base_url(Provider::Attention)
    );
    let mut limited = None;
    for _ in 0..20 {
        let a = get(&c, &url, auth).await;
        if a.status == 429 {
            limited = Some(a);
            break;
        }
    }
    let a = limited.expect("limited");
    chk.expect("attention", op, &a, 429);
    assert!(header(&a, "retry-after").parse::<u64>().is_ok());
    h.shutdown().await;
}

/// Faults at rate 1: each kind, for each provider, in the provider's shape.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fault_answers_match_the_spec() {
    let chk = Checker::new();
    let c = client();
    let cases: [(Provider, &str, &str, String, String); 5] = [
        (Provider::Zoom, "zoom", "report_user_meetings", "/report/users/me/meetings?from=2026-10-01&to=2026-10-02".into(), format!("Bearer {}", credentials::ZOOM_ACCESS_TOKEN)),
        (Provider::Daily, "daily", "list_meetings", "/meetings".into(), format!("Bearer {}", meetkit_sandbox::handout(Provider::Daily).credentials[0])),
        (Provider::Telnyx, "telnyx", "list_room_recordings", "/room_recordings".into(), format!("Bearer {}", meetkit_sandbox::handout(Provider::Telnyx).credentials[0])),
        (Provider::Attendee, "attendee", "list_bots", "/api/v1/bots".into(), format!("Token {}", meetkit_sandbox::handout(Provider::Attendee).credentials[0])),
        (Provider::Attention, "attention", "list_recorder_meetings", "/recorder_metrics/all_meetings?fromDateTime=2026-10-01T00:00:00Z&toDateTime=2026-11-01T00:00:00Z".into(), meetkit_sandbox::handout(Provider::Attention).credentials[0].into()),
    ];
    for (p, spec, op, path, auth) in cases {
        let run = |faults: Faults| async move {
            let per_provider_faults = [(p, faults)].into_iter().collect();
            start_with(SandboxConfig {
                meetings: 500,
                per_provider_faults,
                ..SandboxConfig::default()
            })
            .await
        };
        // 429 (Attendee never throttles GETs: served normally).
        let h = run(Faults {
            rate_limit_rate: 1.0,
            ..Faults::none()
        })
        .await;
        let a = get(&c, &format!("{}{path}", h.base_url(p)), Some(&auth)).await;
        if p == Provider::Attendee {
            chk.expect(spec, op, &a, 200);
        } else {
            chk.expect(spec, op, &a, 429);
            assert!(a.headers.contains_key("retry-after"), "{p}: Retry-After");
        }
        h.shutdown().await;
        // 5xx.
        let h = run(Faults {
            server_error_rate: 1.0,
            ..Faults::none()
        })
        .await;
        let a = get(&c, &format!("{}{path}", h.base_url(p)), Some(&auth)).await;
        assert!(a.status >= 500, "{p}: {}", a.status);
        if p != Provider::Attendee {
            chk.expect(spec, op, &a, a.status);
        } else {
            assert!(a.body["detail"].is_string());
        }
        h.shutdown().await;
        // Reset: no response at all.
        let h = run(Faults {
            reset_rate: 1.0,
            ..Faults::none()
        })
        .await;
        let err = get_once(&c, &format!("{}{path}", h.base_url(p)), Some(&auth))
            .await
            .unwrap_err();
        assert!(
            err.starts_with("send:"),
            "{p}: a reset fails the request itself: {err}"
        );
        h.shutdown().await;
        // Truncation: the body is cut short.
        let h = run(Faults {
            truncate_rate: 1.0,
            ..Faults::none()
        })
        .await;
        let err = get_once(&c, &format!("{}{path}", h.base_url(p)), Some(&auth))
            .await
            .unwrap_err();
        assert!(
            err.starts_with("body:") || err.starts_with("json:"),
            "{p}: truncated: {err}"
        );
        h.shutdown().await;
        // Auth is checked before faults: a bad key still gets the provider's 4xx.
        let h = run(Faults {
            server_error_rate: 1.0,
            ..Faults::none()
        })
        .await;
        let a = get(&c, &format!("{}{path}", h.base_url(p)), Some("Bearer nope")).await;
        assert!(a.status == 400 || a.status == 401, "{p}: {}", a.status);
        h.shutdown().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn truth_endpoint_matches_the_library_call() {
    let h = start(3000, Faults::none()).await;
    let c = client();
    let (from, to) = (
        now() - chrono::Duration::days(30),
        now() + chrono::Duration::days(10),
    );
    for p in Provider::ALL {
        let url = format!(
            "http://{}/_sandbox/truth/{p}?from={}&to={}",
            h.addr(),
            enc(&rfc3339(from)),
            enc(&rfc3339(to))
        );
        let a = get(&c, &url, None).await;
        assert_eq!(a.status, 200);
        let ids: Vec<String> = serde_json::from_value(a.body["ids"].clone()).unwrap();
        assert_eq!(ids, h.truth(p, from, to), "{p}");
        assert!(!ids.is_empty(), "{p}");
    }
    let a = get(
        &c,
        &format!("http://{}/_sandbox/truth/skype?from=x&to=y", h.addr()),
        None,
    )
    .await;
    assert_eq!(a.status, 404);
    let a = get(
        &c,
        &format!("http://{}/_sandbox/truth/zoom?from=x", h.addr()),
        None,
    )
    .await;
    assert_eq!(a.status, 400);
    h.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn env_lists_every_variable_in_order() {
    let h = start(10, Faults::none()).await;
    let names: Vec<String> = h.env().into_iter().map(|(k, _)| k).collect();
    assert_eq!(
        names,
        [
            "ZOOM_BASE_URL",
            "ZOOM_OAUTH_URL",
            "ZOOM_ACCOUNT_ID",
            "ZOOM_CLIENT_ID",
            "ZOOM_CLIENT_SECRET",
            "DAILY_BASE_URL",
            "DAILY_API_KEY",
            "TELNYX_BASE_URL",
            "TELNYX_API_KEY",
            "ATTENDEE_BASE_URL",
            "ATTENDEE_API_KEY",
            "ATTENTION_BASE_URL",
            "ATTENTION_API_KEY",
        ]
    );
    let port = h.addr().port();
    assert_eq!(
        h.base_url(Provider::Zoom),
        format!("http://127.0.0.1:{port}/zoom/v2")
    );
    assert_eq!(
        h.base_url(Provider::Attendee),
        format!("http://127.0.0.1:{port}/attendee")
    );
    let lines = h.export_lines();
    assert_eq!(lines.lines().count(), 13);
    assert!(lines.contains(&format!(
        "export DAILY_BASE_URL='http://127.0.0.1:{port}/daily/v1'\n"
    )));
    h.shutdown().await;
}
