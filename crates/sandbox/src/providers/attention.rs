//! Attention: `GET /v2/recorder_metrics/all_meetings`.
//!
//! `fromDateTime <= date <= toDateTime` (both inclusive, at most 90 days apart), both bounds
//! cut to whole seconds first (the resolution meetkit assumes for Attention). Past
//! meetings (`date <= now`) come newest first; with `upcoming=true`, future ones
//! (`date > now`) oldest first; ties by uuid (starts never tie here). `nextCursor` is an
//! opaque keyset cursor (the last served record's start and index), absent at the end.

use axum::http::{HeaderValue, StatusCode};
use axum::response::Response;
use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::json;

use super::{Api, Page, retry_secs};
use crate::Provider;
use crate::data::hash::mix;
use crate::data::{Dataset, Rec, attention as data, ids};
use crate::http::{self, Ctx, Params};
use crate::ratelimit::Throttle;
use crate::state::AppState;

const P: Provider = Provider::Attention;
/// The widest window Attention answers.
pub const MAX_WINDOW_DAYS: i64 = 90;

/// The sandbox's fake organization API key.
pub const API_KEY: &str = "sandbox_attention_api_key";

/// What the sandbox hands out: its API key, which names the tenant.
pub static HANDOUT: super::Handout = super::Handout {
    provider: P,
    credentials: &[API_KEY],
    tenant_credential: 0,
    urls: &[],
};

/// Attention's hooks into the pipeline.
pub static API: Api = Api {
    provider: P,
    class: None,
    authorize,
    throttled,
    server_error,
    list,
    rate_headers: super::no_rate_headers,
    route: "/attention/v2/recorder_metrics/all_meetings",
    throttles: true,
    not_found: None,
    drift_value: None,
};

/// Its list operations.
pub static APIS: [&Api; 1] = [&API];

/// An Attention error body (NestJS style: `statusCode`, `message`, `error`).
pub fn error(status: StatusCode, message: &str) -> Response {
    let name = status.canonical_reason().unwrap_or("Error");
    http::json(
        status,
        &json!({ "statusCode": status.as_u16(), "message": message, "error": name }),
    )
}

fn authorize(_: &AppState, ctx: &Ctx) -> Result<(), Response> {
    let key = ctx
        .authorization()
        .map(|h| h.strip_prefix("Bearer ").unwrap_or(h).trim());
    match key {
        Some(k) if k == API_KEY => Ok(()),
        Some(_) => Err(error(StatusCode::UNAUTHORIZED, "Invalid API key.")),
        None => Err(error(
            StatusCode::UNAUTHORIZED,
            "Missing API key: send it in the Authorization header.",
        )),
    }
}

fn throttled(t: Throttle) -> Response {
    let mut r = error(
        StatusCode::TOO_MANY_REQUESTS,
        "Too many requests. Retry later.",
    );
    if let Ok(v) = HeaderValue::from_str(&retry_secs(t).to_string()) {
        r.headers_mut().insert("retry-after", v);
    }
    r
}

fn server_error(status: StatusCode) -> Response {
    error(status, "Internal server error.")
}

fn invalid(message: &str) -> Response {
    error(StatusCode::BAD_REQUEST, message)
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct MeetingsPage {
    items: Vec<data::AttentionMeeting>,
    #[serde(skip_serializing_if = "Option::is_none")]
    next_cursor: Option<String>,
}

/// Every filter of the operation, parsed.
#[derive(Debug, Clone)]
pub struct Filters {
    /// `fromDateTime`, inclusive.
    pub from: DateTime<Utc>,
    /// `toDateTime`, inclusive.
    pub to: DateTime<Utc>,
    /// `upcoming=true`.
    pub upcoming: bool,
    /// `filter[user_id]` resolved to organisation users; `Some(empty)` matches nothing.
    pub users: Option<Vec<u64>>,
    /// `filter[meeting_type]`: `Some(true)` external, `Some(false)` internal.
    pub external: Option<bool>,
}

fn parse_time(q: &Params, name: &str) -> Result<DateTime<Utc>, Response> {
    let raw = q
        .get(name)
        .filter(|v| !v.is_empty())
        .ok_or_else(|| invalid(&format!("{name} is required.")))?;
    DateTime::parse_from_rfc3339(raw)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| {
            invalid(&format!(
                "{name} must be an ISO 8601 date-time, got {raw:?}."
            ))
        })
}

impl Filters {
    /// Parses the parameters, or answers Attention's 400.
    pub fn parse(ds: &Dataset, q: &Params) -> Result<Filters, Response> {
        let from = parse_time(q, "fromDateTime")?;
        let to = parse_time(q, "toDateTime")?;
        if to < from {
            return Err(invalid("toDateTime must be after fromDateTime."));
        }
        if to - from > chrono::Duration::days(MAX_WINDOW_DAYS) {
            return Err(invalid(
                "fromDateTime and toDateTime must be at most 90 days apart.",
            ));
        }
        let upcoming = match q.get("upcoming") {
            None | Some("") | Some("false") => false,
            Some("true") => true,
            Some(_) => return Err(invalid("upcoming must be true or false.")),
        };
        let wanted: Vec<&str> = [q.all("filter[user_id]"), q.all("filter[user_id][]")].concat();
        let users = (!wanted.is_empty()).then(|| {
            (0..data::ORG_USERS)
                .filter(|u| {
                    let id = data::user_uuid(ds, *u);
                    wanted.iter().any(|w| w.eq_ignore_ascii_case(&id))
                })
                .collect()
        });
        let external = match q.get("filter[meeting_type]") {
            None | Some("") => None,
            Some("external") => Some(true),
            Some("internal") => Some(false),
            Some(_) => {
                return Err(invalid(
                    "filter[meeting_type] must be internal or external.",
                ));
            }
        };
        Ok(Filters {
            from,
            to,
            upcoming,
            users,
            external,
        })
    }

    /// The start seconds `[lo, hi)` this query covers: both bounds cut to seconds, inclusive.
    pub fn range(&self, ds: &Dataset) -> (i64, i64) {
        let lo = self.from.timestamp();
        let hi = self.to.timestamp() + 1;
        let now = ds.now_secs();
        if self.upcoming {
            (lo.max(now + 1), hi)
        } else {
            (lo, hi.min(now + 1))
        }
    }

    /// True when meeting `rec` passes the user and type filters.
    pub fn matches(&self, ds: &Dataset, rec: Rec) -> bool {
        self.external.is_none_or(|e| data::external(ds, rec) == e)
            && self
                .users
                .as_ref()
                .is_none_or(|us| data::users(ds, rec).iter().any(|u| us.contains(u)))
    }
}

fn cursor_check(seed: u64, upcoming: bool, start: i64, index: u64) -> u64 {
    mix(seed ^ u64::from(upcoming), start as u64, index) & 0xffff_ffff
}

fn encode_cursor(seed: u64, upcoming: bool, rec: Rec) -> String {
    let raw = format!(
        "{}:{}:{}:{:08x}",
        u8::from(upcoming),
        rec.start,
        rec.index,
        cursor_check(seed, upcoming, rec.start, rec.index)
    );
    ids::base64(raw.as_bytes())
        .trim_end_matches('=')
        .replace('+', "-")
        .replace('/', "_")
}

fn decode_cursor(seed: u64, upcoming: bool, s: &str) -> Option<Rec> {
    let raw = String::from_utf8(ids::base64_decode(s)?).ok()?;
    let mut parts = raw.split(':');
    let dir = parts.next()?;
    let start: i64 = parts.next()?.parse().ok()?;
    let index: u64 = parts.next()?.parse().ok()?;
    let check = u64::from_str_radix(parts.next()?, 16).ok()?;
    let ok = dir == if upcoming { "1" } else { "0" }
        && check == cursor_check(seed, upcoming, start, index);
    ok.then_some(Rec { index, start })
}

fn list(state: &AppState, ctx: &Ctx) -> Result<Page, Response> {
    let ds = &state.ds;
    let q = &ctx.params;
    let filters = Filters::parse(ds, q)?;
    let size = match q.get("size") {
        None | Some("") => 50,
        Some(raw) => match raw.parse::<i64>() {
            Ok(n) if n >= 1 => n.min(200) as usize,
            _ => return Err(invalid("size must be a positive integer.")),
        },
    };
    let after = match q.get("cursor").filter(|c| !c.is_empty()) {
        None => None,
        Some(raw) => Some(
            decode_cursor(ds.seed(), filters.upcoming, raw)
                .ok_or_else(|| invalid("Invalid cursor."))?,
        ),
    };
    let (mut lo, mut hi) = filters.range(ds);
    if let Some(last) = after {
        if filters.upcoming {
            lo = lo.max(last.start + 1)
        } else {
            hi = hi.min(last.start)
        }
    }
    let window = filters.range(ds);
    let mut recs: Vec<Rec> = if filters.users.as_ref().is_some_and(Vec::is_empty) {
        // None of the requested users belong to the organisation: an empty page.
        Vec::new()
    } else if filters.upcoming {
        ds.by_start(P, lo, hi)
            .filter(|r| filters.matches(ds, *r))
            .take(size + 1)
            .collect()
    } else {
        ds.by_start(P, lo, hi)
            .rev()
            .filter(|r| filters.matches(ds, *r))
            .take(size + 1)
            .collect()
    };
    let more = recs.len() > size;
    recs.truncate(size);
    let next_cursor = if more {
        recs.last()
            .map(|r| encode_cursor(ds.seed(), filters.upcoming, *r))
    } else {
        None
    };
    let items = recs.into_iter().map(|r| data::meeting(ds, r)).collect();
    Ok(Page {
        body: http::to_bytes(&MeetingsPage { items, next_cursor }),
        window: Some(window),
    })
}
