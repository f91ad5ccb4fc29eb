//! Daily: `GET /v1/meetings`.
//!
//! Order: newest first (descending `start_time`). `timeframe_start <= start_time <
//! timeframe_end`. `starting_after` / `ending_before` name a session id and page by
//! position (keyset): records inserted behind a cursor are simply not seen by that walk.
//! `total_count` counts every match, ignoring pagination.

use axum::http::{HeaderValue, StatusCode};
use axum::response::Response;
use serde::Serialize;
use serde_json::json;

use super::{Api, Page, retry_secs};
use crate::Provider;
use crate::data::{Rec, daily as data};
use crate::http::{self, Ctx, Params};
use crate::ratelimit::Throttle;
use crate::state::AppState;

const P: Provider = Provider::Daily;

/// The sandbox's fake API key.
pub const API_KEY: &str = "sandbox_daily_api_key";

/// What the sandbox hands out: its API key, which names the tenant.
pub static HANDOUT: super::Handout = super::Handout {
    provider: P,
    credentials: &[API_KEY],
    tenant_credential: 0,
    urls: &[],
};

/// Daily's hooks into the pipeline.
pub static API: Api = Api {
    provider: P,
    class: None,
    authorize,
    throttled,
    server_error,
    list,
    rate_headers: super::no_rate_headers,
    route: "/daily/v1/meetings",
    throttles: true,
    not_found: None,
    drift_value: None,
};

/// Its list operations.
pub static APIS: [&Api; 1] = [&API];

/// A Daily error body.
pub fn error(status: StatusCode, kind: &str, info: &str) -> Response {
    http::json(status, &json!({ "error": kind, "info": info }))
}

fn authorize(_: &AppState, ctx: &Ctx) -> Result<(), Response> {
    let Some(key) = ctx
        .authorization()
        .and_then(|h| h.strip_prefix("Bearer "))
        .filter(|k| !k.trim().is_empty())
    else {
        return Err(error(
            StatusCode::BAD_REQUEST,
            "authorization-header-error",
            "Authorization header missing or malformed: expected 'Bearer <API key>'.",
        ));
    };
    if key.trim() != API_KEY {
        return Err(error(
            StatusCode::UNAUTHORIZED,
            "authentication-error",
            "Invalid API key.",
        ));
    }
    Ok(())
}

fn throttled(t: Throttle) -> Response {
    let mut r = error(
        StatusCode::TOO_MANY_REQUESTS,
        "rate-limit-error",
        "Too many requests: slow down.",
    );
    // Daily's Retry-After, when present, is an HTTP date.
    let at = chrono::Utc::now() + chrono::Duration::seconds(retry_secs(t) as i64);
    if let Ok(v) = HeaderValue::from_str(&at.format("%a, %d %b %Y %H:%M:%S GMT").to_string()) {
        r.headers_mut().insert("retry-after", v);
    }
    r
}

fn server_error(status: StatusCode) -> Response {
    error(
        status,
        "server-error",
        "Something went wrong on our side. Please retry.",
    )
}

fn invalid(info: &str) -> Response {
    error(StatusCode::BAD_REQUEST, "invalid-request-error", info)
}

#[derive(Debug, Serialize)]
struct MeetingsPage {
    total_count: u64,
    data: Vec<data::DailySession>,
}

fn int_param(q: &Params, name: &str) -> Result<Option<i64>, Response> {
    match q.get(name) {
        None | Some("") => Ok(None),
        Some(raw) => raw
            .parse()
            .map(Some)
            .map_err(|_| invalid(&format!("{name} must be an integer"))),
    }
}

fn bool_param(q: &Params, name: &str) -> Result<Option<bool>, Response> {
    match q.get(name) {
        None | Some("") => Ok(None),
        Some("true") => Ok(Some(true)),
        Some("false") => Ok(Some(false)),
        Some(_) => Err(invalid(&format!("{name} must be true or false"))),
    }
}

fn cursor(state: &AppState, q: &Params, name: &str) -> Result<Option<Rec>, Response> {
    match q.get(name).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(id) => data::session_index(&state.ds, id)
            .and_then(|i| state.ds.record_at(P, i))
            .map(Some)
            .ok_or_else(|| invalid(&format!("{name}: no meeting session with id {id}"))),
    }
}

fn list(state: &AppState, ctx: &Ctx) -> Result<Page, Response> {
    let ds = &state.ds;
    let q = &ctx.params;
    let start = int_param(q, "timeframe_start")?;
    let end = int_param(q, "timeframe_end")?;
    let limit = match int_param(q, "limit")? {
        None => 100,
        Some(n) if n < 1 => return Err(invalid("limit must be a positive integer")),
        Some(n) => n.min(100) as usize,
    };
    let ongoing = bool_param(q, "ongoing")?;
    let no_participants = bool_param(q, "no_participants")?.unwrap_or(false);
    // Resolve the name to pool members once, instead of naming every record's room.
    let room = q
        .get("room")
        .filter(|r| !r.is_empty())
        .map(|name| data::rooms_named(ds, name));
    let after = cursor(state, q, "starting_after")?;
    let before = cursor(state, q, "ending_before")?;

    let (lo, hi) = (start.unwrap_or(i64::MIN), end.unwrap_or(i64::MAX));
    let matches = |r: &Rec| {
        room.as_ref()
            .is_none_or(|members| members.contains(&data::room_member(ds, *r)))
            && ongoing.is_none_or(|o| data::ongoing(ds, *r) == o)
    };
    let all = ds.by_start(P, lo, hi);
    let total_count = if room.is_none() && ongoing.is_none() {
        all.remaining()
    } else {
        state.count(P, &(lo, hi, &room, ongoing), || {
            all.filter(matches).count() as u64
        })
    };
    // Newest first: "after" a session means older than it, "before" means newer.
    let page_hi = after.map_or(hi, |r| hi.min(r.start));
    let page_lo = before.map_or(lo, |r| lo.max(r.start.saturating_add(1)));
    let recs: Vec<Rec> = if before.is_some() && after.is_none() {
        let mut nearest: Vec<Rec> = ds
            .by_start(P, page_lo, page_hi)
            .filter(matches)
            .take(limit)
            .collect();
        nearest.reverse();
        nearest
    } else {
        ds.by_start(P, page_lo, page_hi)
            .rev()
            .filter(matches)
            .take(limit)
            .collect()
    };
    let data = recs
        .into_iter()
        .map(|r| {
            let mut s = data::session(ds, r);
            if no_participants {
                s.participants = None;
            }
            s
        })
        .collect();
    let span = ds.span(P);
    let window = (lo.max(span.start), hi.min(ds.now_secs() + 1));
    Ok(Page {
        body: http::to_bytes(&MeetingsPage { total_count, data }),
        window: Some(window),
    })
}
