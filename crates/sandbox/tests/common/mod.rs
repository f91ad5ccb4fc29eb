//! Shared test helpers: a sandbox with a fixed clock, a plain HTTP client with retries,
//! and one pagination walker per provider.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;
use std::time::Duration;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use meetkit_sandbox::{Faults, Provider, Sandbox, SandboxConfig, SandboxHandle, credentials};
use serde_json::Value;

/// The fixed "now" of every test sandbox.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 12, 0, 0).unwrap()
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn midnight(d: NaiveDate) -> DateTime<Utc> {
    d.and_hms_opt(0, 0, 0).unwrap().and_utc()
}

pub async fn start(meetings: usize, faults: Faults) -> SandboxHandle {
    Sandbox::start(SandboxConfig {
        seed: 7,
        meetings,
        now: Some(now()),
        faults,
        ..SandboxConfig::default()
    })
    .await
    .expect("sandbox starts")
}

pub fn client() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .expect("client builds")
}

/// One HTTP answer.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: Value,
}

/// GET once; `Err` on a transport failure or a body that is not JSON (a truncation).
pub async fn get_once(
    client: &reqwest::Client,
    url: &str,
    auth: Option<&str>,
) -> Result<Answer, String> {
    // Attendee's spec requires it on every request; the others ignore it.
    let mut req = client.get(url).header("content-type", "application/json");
    if let Some(a) = auth {
        req = req.header("authorization", a);
    }
    let resp = req.send().await.map_err(|e| format!("send: {e}"))?;
    let status = resp.status().as_u16();
    let headers = resp.headers().clone();
    let bytes = resp.bytes().await.map_err(|e| format!("body: {e}"))?;
    let body = serde_json::from_slice(&bytes).map_err(|e| format!("json: {e}"))?;
    Ok(Answer {
        status,
        headers,
        body,
    })
}

/// What a walk saw besides the ids.
#[derive(Debug, Default)]
pub struct WalkStats {
    pub pages: usize,
    pub retries: usize,
    /// Keep every page body in `bodies` (for spec validation).
    pub keep: bool,
    pub bodies: Vec<Value>,
}

impl WalkStats {
    /// Stats that keep every page body.
    pub fn keeping() -> Self {
        WalkStats {
            keep: true,
            ..WalkStats::default()
        }
    }
}

/// Loads `specs/<provider>.yaml`.
pub fn spec(p: &str) -> meetkit_openapi_check::Spec {
    let path = format!("{}/../../specs/{p}.yaml", env!("CARGO_MANIFEST_DIR"));
    meetkit_openapi_check::load(&path).unwrap_or_else(|e| panic!("load {path}: {e}"))
}

/// Asserts every kept page validates against the operation's 200 response.
pub fn assert_pages_valid(spec: &meetkit_openapi_check::Spec, op: &str, stats: &WalkStats) {
    for body in &stats.bodies {
        if let Err(v) = spec.validate_response(op, 200, body) {
            let list: Vec<String> = v.iter().map(ToString::to_string).collect();
            panic!("{op}: a page does not match the spec: {list:#?}");
        }
    }
}

/// GET with retries on transport errors, truncations, 429 and 5xx (no backoff: tests).
pub async fn get_ok(
    client: &reqwest::Client,
    url: &str,
    auth: &str,
    stats: &mut WalkStats,
) -> Value {
    for _ in 0..60 {
        match get_once(client, url, Some(auth)).await {
            Ok(a) if a.status == 200 => {
                stats.pages += 1;
                if stats.keep {
                    stats.bodies.push(a.body.clone());
                }
                return a.body;
            }
            Ok(a) if a.status == 429 || a.status >= 500 => stats.retries += 1,
            Ok(a) => panic!("GET {url}: unexpected {}: {}", a.status, a.body),
            Err(_) => stats.retries += 1,
        }
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    panic!("GET {url}: still failing after 60 tries");
}

pub async fn zoom_token(client: &reqwest::Client, h: &SandboxHandle) -> String {
    let url = format!(
        "{}?grant_type=account_credentials&account_id={}",
        h.zoom_oauth_url(),
        credentials::ZOOM_ACCOUNT_ID
    );
    let resp = client
        .post(url)
        .basic_auth(
            credentials::ZOOM_CLIENT_ID,
            Some(credentials::ZOOM_CLIENT_SECRET),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 200);
    let body: Value = resp.json().await.unwrap();
    body["access_token"].as_str().unwrap().to_string()
}

fn ids_of(items: &Value, key: &str) -> Vec<String> {
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m[key].as_str().unwrap().to_string())
        .collect()
}

pub fn enc(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// Zoom: every page of `from..=to` (dates); returns uuids in served order.
pub async fn walk_zoom(
    client: &reqwest::Client,
    h: &SandboxHandle,
    token: &str,
    from: NaiveDate,
    to: NaiveDate,
    page_size: u32,
    stats: &mut WalkStats,
) -> Vec<String> {
    let auth = format!("Bearer {token}");
    let base = format!(
        "{}/report/users/me/meetings?from={from}&to={to}&page_size={page_size}",
        h.base_url(Provider::Zoom)
    );
    let mut out = Vec::new();
    let mut url = base.clone();
    loop {
        let body = get_ok(client, &url, &auth, stats).await;
        out.extend(ids_of(&body["meetings"], "uuid"));
        let next = body["next_page_token"].as_str().unwrap();
        if next.is_empty() {
            return out;
        }
        url = format!("{base}&next_page_token={}", enc(next));
    }
}

/// Daily: newest first through `starting_after`.
pub async fn walk_daily(
    client: &reqwest::Client,
    h: &SandboxHandle,
    query: &str,
    stats: &mut WalkStats,
) -> Vec<String> {
    let auth = format!(
        "Bearer {}",
        meetkit_sandbox::handout(Provider::Daily).credentials[0]
    );
    let base = format!("{}/meetings?{query}", h.base_url(Provider::Daily));
    let mut out: Vec<String> = Vec::new();
    let mut url = base.clone();
    loop {
        let body = get_ok(client, &url, &auth, stats).await;
        let page = ids_of(&body["data"], "id");
        let Some(last) = page.last().cloned() else {
            return out;
        };
        out.extend(page);
        url = format!("{base}&starting_after={last}");
    }
}

/// Telnyx: page numbers until a short page.
pub async fn walk_telnyx(
    client: &reqwest::Client,
    h: &SandboxHandle,
    query: &str,
    size: u32,
    stats: &mut WalkStats,
) -> Vec<String> {
    let auth = format!(
        "Bearer {}",
        meetkit_sandbox::handout(Provider::Telnyx).credentials[0]
    );
    let mut out = Vec::new();
    for number in 1.. {
        let url = format!(
            "{}/room_recordings?{query}&page[size]={size}&page[number]={number}",
            h.base_url(Provider::Telnyx)
        );
        let body = get_ok(client, &url, &auth, stats).await;
        let page = ids_of(&body["data"], "id");
        let total_pages = body["meta"]["total_pages"].as_u64().unwrap();
        out.extend(page);
        if number >= total_pages {
            break;
        }
    }
    out
}

/// Attendee: follow absolute `next` URLs.
pub async fn walk_attendee(
    client: &reqwest::Client,
    h: &SandboxHandle,
    query: &str,
    stats: &mut WalkStats,
) -> Vec<String> {
    let auth = format!(
        "Token {}",
        meetkit_sandbox::handout(Provider::Attendee).credentials[0]
    );
    let mut url = format!("{}/api/v1/bots?{query}", h.base_url(Provider::Attendee));
    let mut out = Vec::new();
    loop {
        let body = get_ok(client, &url, &auth, stats).await;
        out.extend(ids_of(&body["results"], "id"));
        match body["next"].as_str() {
            Some(next) => url = next.to_string(),
            None => return out,
        }
    }
}

/// Attention: follow `nextCursor`.
pub async fn walk_attention(
    client: &reqwest::Client,
    h: &SandboxHandle,
    query: &str,
    stats: &mut WalkStats,
) -> Vec<String> {
    let auth = meetkit_sandbox::handout(Provider::Attention).credentials[0].to_string();
    let base = format!(
        "{}/recorder_metrics/all_meetings?{query}",
        h.base_url(Provider::Attention)
    );
    let mut url = base.clone();
    let mut out = Vec::new();
    loop {
        let body = get_ok(client, &url, &auth, stats).await;
        out.extend(ids_of(&body["items"], "uuid"));
        match body
            .get("nextCursor")
            .and_then(Value::as_str)
            .filter(|c| !c.is_empty())
        {
            Some(c) => url = format!("{base}&cursor={}", enc(c)),
            None => return out,
        }
    }
}

pub fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

pub fn dedup(v: &[String]) -> Vec<String> {
    let set: HashSet<&String> = v.iter().collect();
    let mut out: Vec<String> = set.into_iter().cloned().collect();
    out.sort();
    out
}

pub fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
