//! Zoom: `GET /v2/report/users/{userId}/meetings` and `POST /oauth/token` (`GET /v2/users`
//! is in `zoom_users.rs`).
//!
//! The report lists the meetings the user hosted or also attended (`data::zoom_users`); an
//! unknown user answers 404 code 1001. Report calls are Heavy: past
//! `SandboxConfig::zoom_daily_heavy_cap` of them, every one answers 429 with
//! `X-RateLimit-Type: Daily-limit` and a `Retry-After` at the next UTC midnight.
//!
//! Order: ascending `start_time`. `from`/`to` are inclusive dates of `start_time`, in the day
//! of `SandboxConfig::zoom_report_offset` (default UTC).
//! `next_page_token` is an opaque, checksummed encoding of (offset, page number, query,
//! issue time): it is offset-based, so records inserted before the offset shift later
//! pages (a client sees duplicates and must dedupe by `uuid`). It expires
//! `zoom_token_ttl` after it was issued and is `""` on the last page.

use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;
use serde_json::json;

use super::{Api, Page, retry_secs};
use crate::Provider;
use crate::credentials::{
    ZOOM_ACCESS_TOKEN, ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET,
    ZOOM_FREE_ACCOUNT_ACCESS_TOKEN, ZOOM_REPORT_ONLY_ACCESS_TOKEN,
};
use crate::data::hash::{Draw, mix};
use crate::data::{Rec, ids, zoom as data};
use crate::http::{self, Ctx, Params};
use crate::ratelimit::Throttle;
use crate::state::AppState;

const P: Provider = Provider::Zoom;
const DAY: i64 = 86_400;
/// Lifetime of minted access tokens.
pub const ACCESS_TOKEN_TTL: Duration = Duration::from_secs(3600);

/// What the sandbox hands out: Server-to-Server OAuth credentials (the account id names the
/// tenant) and the token endpoint.
pub static HANDOUT: super::Handout = super::Handout {
    provider: P,
    credentials: &[ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET],
    tenant_credential: 0,
    urls: &[("ZOOM_OAUTH_URL", "/zoom/oauth/token")],
};

/// Zoom's hooks into the pipeline: the report.
pub static API: Api = Api {
    provider: P,
    class: Some("Heavy"),
    authorize,
    throttled,
    server_error,
    list,
    rate_headers,
    route: "/zoom/v2/report/users/{user_id}/meetings",
    throttles: true,
    not_found: None,
    drift_value: Some(("type", || serde_json::json!(99))),
};

/// Its list operations.
pub static APIS: [&Api; 2] = [&API, &super::zoom_users::API];

/// A Zoom error body.
pub fn error(status: StatusCode, code: i64, message: &str) -> Response {
    http::json(status, &json!({ "code": code, "message": message }))
}

pub(super) fn authorize(state: &AppState, ctx: &Ctx) -> Result<(), Response> {
    let invalid = || error(StatusCode::UNAUTHORIZED, 124, "Invalid access token.");
    let token = ctx
        .authorization()
        .and_then(|h| h.strip_prefix("Bearer "))
        .ok_or_else(invalid)?;
    if [
        ZOOM_ACCESS_TOKEN,
        ZOOM_FREE_ACCOUNT_ACCESS_TOKEN,
        ZOOM_REPORT_ONLY_ACCESS_TOKEN,
    ]
    .contains(&token)
    {
        return Ok(());
    }
    let minted = state
        .zoom_tokens
        .lock()
        .ok()
        .and_then(|tokens| tokens.get(token).copied());
    match minted {
        Some(expires) if Instant::now() < expires => Ok(()),
        Some(_) => Err(error(
            StatusCode::UNAUTHORIZED,
            124,
            "Access token is expired.",
        )),
        None => Err(invalid()),
    }
}

fn rate_headers(limit: u32, remaining: u32) -> Vec<(&'static str, String)> {
    rate_headers_as("Heavy", limit, remaining)
}

/// Rate-limit headers of a served page of the `class` label.
pub(super) fn rate_headers_as(
    class: &str,
    limit: u32,
    remaining: u32,
) -> Vec<(&'static str, String)> {
    vec![
        ("x-ratelimit-category", class.into()),
        ("x-ratelimit-type", "QPS".into()),
        ("x-ratelimit-limit", limit.to_string()),
        ("x-ratelimit-remaining", remaining.to_string()),
    ]
}

fn throttled(t: Throttle) -> Response {
    throttled_as("Heavy", t)
}

/// The per-second 429 of the `class` label.
pub(super) fn throttled_as(class: &str, t: Throttle) -> Response {
    let mut r = error(
        StatusCode::TOO_MANY_REQUESTS,
        429,
        "You have reached the maximum per-second rate limit for this API. Try again later.",
    );
    // Zoom sends Retry-After as an absolute timestamp, not seconds.
    let at = chrono::Utc::now() + chrono::Duration::seconds(retry_secs(t) as i64);
    let h = r.headers_mut();
    for (name, value) in [
        ("x-ratelimit-category", class.to_string()),
        ("x-ratelimit-type", "QPS".to_string()),
        ("x-ratelimit-limit", t.limit.to_string()),
        ("x-ratelimit-remaining", "0".to_string()),
        ("retry-after", at.format("%Y-%m-%dT%H:%M:%SZ").to_string()),
    ] {
        if let Ok(v) = HeaderValue::from_str(&value) {
            h.insert(name, v);
        }
    }
    r
}

/// The 429 once the account's daily cap on Heavy calls is used up: waiting seconds will not
/// help; `Retry-After` is when the day ends (UTC midnight).
fn daily_limit(cap: u64) -> Response {
    let mut r = error(
        StatusCode::TOO_MANY_REQUESTS,
        429,
        "You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another request.",
    );
    let tomorrow = chrono::Utc::now().date_naive().succ_opt();
    let reset = tomorrow
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc().format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default();
    let h = r.headers_mut();
    for (name, value) in [
        ("x-ratelimit-category", "Heavy".to_string()),
        ("x-ratelimit-type", "Daily-limit".to_string()),
        ("x-ratelimit-limit", cap.to_string()),
        ("x-ratelimit-remaining", "0".to_string()),
        ("retry-after", reset),
    ] {
        if let Ok(v) = HeaderValue::from_str(&value) {
            h.insert(name, v);
        }
    }
    r
}

pub(super) fn server_error(status: StatusCode) -> Response {
    error(
        status,
        status.as_u16().into(),
        "Internal server error. Please try again later.",
    )
}

pub(super) fn invalid_field(field: &str) -> Response {
    error(
        StatusCode::BAD_REQUEST,
        300,
        &format!("Invalid field: {field}."),
    )
}

pub(super) fn bad_token() -> Response {
    error(
        StatusCode::BAD_REQUEST,
        300,
        "The next page token is invalid or expired.",
    )
}

#[derive(Debug, Serialize)]
struct ReportPage {
    from: String,
    to: String,
    page_count: u64,
    page_number: u64,
    page_size: u64,
    total_records: u64,
    next_page_token: String,
    meetings: Vec<data::ZoomMeeting>,
}

/// What a page token carries.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct PageToken {
    pub(super) offset: u64,
    pub(super) page: u64,
    pub(super) query: u64,
    pub(super) issued_ms: u64,
    /// Start second of the last record served, as a resume hint.
    pub(super) last_start: u64,
    /// Zoom's insert generation when issued: the hint holds only if nothing was inserted.
    pub(super) generation: u64,
}

/// A hash of `text`, for query fingerprints.
pub(super) fn text_hash(text: &str) -> u64 {
    text.bytes().fold(0, |h, b| mix(h, u64::from(b), 1))
}

fn query_fingerprint(seed: u64, user: u64, from: NaiveDate, to: NaiveDate, kind: &str) -> u64 {
    let days = |d: NaiveDate| d.num_days_from_ce() as u64;
    mix(
        mix(seed, user, 0x05e7),
        mix(days(from), days(to), 0x7a),
        text_hash(kind),
    )
}

pub(super) fn encode_token(seed: u64, t: PageToken) -> String {
    let words = [
        t.offset,
        t.page,
        t.query,
        t.issued_ms,
        t.last_start,
        t.generation,
    ];
    let check = words.iter().fold(seed, |h, w| mix(h, *w, 0x70c));
    // Scramble so the token looks opaque; the check word detects tampering.
    let mut pad = Draw::new(check);
    let mut bytes = Vec::with_capacity(56);
    for w in words {
        bytes.extend_from_slice(&(w ^ pad.next_u64()).to_be_bytes());
    }
    bytes.extend_from_slice(&check.to_be_bytes());
    ids::base64(&bytes)
        .trim_end_matches('=')
        .replace('+', "-")
        .replace('/', "_")
}

pub(super) fn decode_token(seed: u64, s: &str) -> Option<PageToken> {
    let bytes = ids::base64_decode(s)?;
    if bytes.len() != 56 {
        return None;
    }
    let word = |i: usize| -> Option<u64> {
        Some(u64::from_be_bytes(
            bytes.get(i * 8..i * 8 + 8)?.try_into().ok()?,
        ))
    };
    let check = word(6)?;
    let mut pad = Draw::new(check);
    let mut words = [0u64; 6];
    for (i, w) in words.iter_mut().enumerate() {
        *w = word(i)? ^ pad.next_u64();
    }
    let expect = words.iter().fold(seed, |h, w| mix(h, *w, 0x70c));
    (expect == check).then_some(PageToken {
        offset: words[0],
        page: words[1],
        query: words[2],
        issued_ms: words[3],
        last_start: words[4],
        generation: words[5],
    })
}

fn parse_date(params: &Params, name: &str) -> Result<NaiveDate, Response> {
    let Some(raw) = params.get(name) else {
        return Err(error(
            StatusCode::BAD_REQUEST,
            300,
            &format!("The '{name}' field is required."),
        ));
    };
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").map_err(|_| invalid_field(name))
}

fn list(state: &AppState, ctx: &Ctx) -> Result<Page, Response> {
    let ds = &state.ds;
    if let Some(cap) = state.config.zoom_daily_heavy_cap
        && state.zoom_heavy_calls.fetch_add(1, Ordering::Relaxed) >= cap
    {
        return Err(daily_limit(cap));
    }
    let user = ctx.path.as_deref().unwrap_or("");
    let Some(user_index) = ds.zoom_users().find(user) else {
        return Err(error(
            StatusCode::NOT_FOUND,
            1001,
            &format!("User does not exist: {user}."),
        ));
    };
    let free = ctx.authorization().and_then(|h| h.strip_prefix("Bearer "));
    if free == Some(ZOOM_FREE_ACCOUNT_ACCESS_TOKEN) {
        return Err(error(
            StatusCode::BAD_REQUEST,
            200,
            &format!("Only available for Paid or ZMP account: {ZOOM_ACCOUNT_ID}."),
        ));
    }
    let q = &ctx.params;
    let kind = q.get("type").unwrap_or("past");
    if !matches!(kind, "past" | "pastOne" | "pastJoined") {
        return Err(invalid_field("type"));
    }
    let from = parse_date(q, "from")?;
    let to = parse_date(q, "to")?;
    if to < from {
        return Err(error(
            StatusCode::BAD_REQUEST,
            300,
            "The 'to' date must not be before the 'from' date.",
        ));
    }
    if from
        .checked_add_months(Months::new(1))
        .is_none_or(|limit| to > limit)
    {
        return Err(error(
            StatusCode::BAD_REQUEST,
            300,
            "The date range can not exceed one month.",
        ));
    }
    // Dates in the account's day.
    let offset_secs = i64::from(state.config.zoom_report_offset.local_minus_utc());
    let today = (ds.now() + chrono::Duration::seconds(offset_secs)).date_naive();
    let oldest = today.checked_sub_months(Months::new(6)).unwrap_or(today);
    if from < oldest {
        return Err(error(
            StatusCode::BAD_REQUEST,
            300,
            &format!(
                "The report only covers the last six months: 'from' must not be before {oldest}."
            ),
        ));
    }
    let page_size = match q.get("page_size") {
        None | Some("") => 30,
        Some(raw) => match raw.parse::<i64>() {
            Ok(n) if n < 1 => 30,
            Ok(n) => n.min(300) as u64,
            Err(_) => return Err(invalid_field("page_size")),
        },
    };
    let fingerprint = query_fingerprint(ds.seed(), user_index, from, to, kind);
    let elapsed_ms = state.started.elapsed().as_millis() as u64;
    let (offset, page_number, resume) = match q.get("next_page_token").filter(|t| !t.is_empty()) {
        None => (0, 1, None),
        Some(raw) => {
            let token = decode_token(ds.seed(), raw).ok_or_else(bad_token)?;
            let ttl = state.config.zoom_token_ttl.as_millis() as u64;
            let expired = elapsed_ms.saturating_sub(token.issued_ms) >= ttl;
            if token.query != fingerprint || expired {
                return Err(bad_token());
            }
            let unshifted = token.generation == ds.inserted_len(P) as u64;
            (
                token.offset,
                token.page,
                unshifted.then_some(token.last_start as i64),
            )
        }
    };
    let lo = from
        .and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc().timestamp() - offset_secs)
        .unwrap_or(0);
    let hi = to
        .and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc().timestamp() + DAY - offset_secs)
        .unwrap_or(0);
    // The user's meetings of the window, from the account's directory (not a scan of the
    // account's meetings).
    let in_report: Vec<Rec> = ds
        .zoom_users()
        .report(ds, user_index, lo, hi)
        .into_iter()
        .filter(|r| data::reported(ds, *r))
        .collect();
    let total = in_report.len() as u64;
    // Offset semantics; when nothing was inserted since the token was issued, the record
    // after the last served is where the page starts.
    let first = match resume {
        Some(last) => in_report.partition_point(|r| r.start <= last),
        None => usize::try_from(offset).unwrap_or(usize::MAX),
    };
    let recs: Vec<Rec> = in_report
        .iter()
        .skip(first)
        .take(page_size as usize)
        .copied()
        .collect();
    let last_start = recs.last().map_or(0, |r| r.start as u64);
    let meetings: Vec<data::ZoomMeeting> = recs.into_iter().map(|r| data::meeting(ds, r)).collect();
    let next = offset + meetings.len() as u64;
    let next_page_token = if next < total {
        let token = PageToken {
            offset: next,
            page: page_number + 1,
            query: fingerprint,
            issued_ms: elapsed_ms,
            last_start,
            generation: ds.inserted_len(P) as u64,
        };
        encode_token(ds.seed(), token)
    } else {
        String::new()
    };
    let body = ReportPage {
        from: from.to_string(),
        to: to.to_string(),
        page_count: total.div_ceil(page_size),
        page_number,
        page_size,
        total_records: total,
        next_page_token,
        meetings,
    };
    Ok(Page {
        body: http::to_bytes(&body),
        window: Some((lo, hi)),
    })
}

fn oauth_error(status: StatusCode, error: &str, reason: &str) -> Response {
    http::json(status, &json!({ "reason": reason, "error": error }))
}

/// `POST /oauth/token?grant_type=account_credentials&account_id=…` with HTTP Basic
/// `client_id:client_secret`: mints a one-hour access token the report endpoint accepts.
/// `suffix` is appended to the token handed out (a tenant's `~NAME`), not to the one kept.
pub fn mint_token(state: &AppState, ctx: &Ctx, suffix: &str) -> Response {
    let basic = ctx
        .headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|h| h.strip_prefix("Basic "))
        .and_then(|b| ids::base64_decode(b.trim()))
        .and_then(|raw| String::from_utf8(raw).ok());
    let expected = format!("{ZOOM_CLIENT_ID}:{ZOOM_CLIENT_SECRET}");
    if basic.as_deref() != Some(expected.as_str()) {
        return oauth_error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "Invalid client_id or client_secret",
        );
    }
    // The grant may also come in a form body; the query is what Zoom documents.
    if ctx.params.get("grant_type") != Some("account_credentials") {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "unsupported grant type",
        );
    }
    if ctx.params.get("account_id") != Some(ZOOM_ACCOUNT_ID) {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "Invalid account_id",
        );
    }
    let Ok(mut tokens) = state.zoom_tokens.lock() else {
        return server_error(StatusCode::INTERNAL_SERVER_ERROR);
    };
    let mut d = Draw::new(mix(
        state.ds.seed(),
        tokens.len() as u64,
        state.started.elapsed().as_nanos() as u64,
    ));
    let token = format!("sandbox_zoom_{}", ids::alnum(&mut d, 40));
    tokens.insert(token.clone(), Instant::now() + ACCESS_TOKEN_TTL);
    http::json(
        StatusCode::OK,
        &json!({
            "access_token": format!("{token}{suffix}"),
            "token_type": "bearer",
            "expires_in": ACCESS_TOKEN_TTL.as_secs(),
            "scope": "report:read:admin user:read:admin",
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_tokens_round_trip_and_reject_tampering() {
        let t = PageToken {
            offset: 90,
            page: 4,
            query: 77,
            issued_ms: 1234,
            last_start: 1_790_000_000,
            generation: 3,
        };
        let s = encode_token(5, t);
        assert_eq!(decode_token(5, &s), Some(t));
        assert_eq!(decode_token(6, &s), None);
        let mut tampered = s.clone().into_bytes();
        tampered[3] = if tampered[3] == b'A' { b'B' } else { b'A' };
        assert_eq!(decode_token(5, &String::from_utf8_lossy(&tampered)), None);
        assert_eq!(decode_token(5, "garbage!"), None);
    }
}
