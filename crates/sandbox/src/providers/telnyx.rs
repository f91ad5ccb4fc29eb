//! Telnyx: `GET /v2/room_recordings`.
//!
//! Order (our choice; Telnyx does not document one): `created_at` descending, i.e. newest
//! recording first. Paging is by page number (offset-based): records inserted ahead of a
//! page shift later pages, so a walk may see a record twice and must dedupe by `id`.
//! `filter[date_*_at][eq|gte|lte]` compare the UTC date of `started_at` / `ended_at`,
//! inclusively. A bare `filter[duration_secs]` means `>=`, as newer Telnyx docs say.

use axum::http::{HeaderValue, StatusCode};
use axum::response::Response;
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::json;

use super::{Api, Page, retry_secs};
use crate::Provider;
use crate::data::{Dataset, Rec, telnyx as data};
use crate::http::{self, Ctx, Params};
use crate::ratelimit::Throttle;
use crate::state::AppState;

const P: Provider = Provider::Telnyx;
const DAY: i64 = 86_400;
/// The longest recording: bounds the `started_at` range an `ended_at` filter implies.
const MAX_DURATION: i64 = 7200;

/// The sandbox's fake API key.
pub const API_KEY: &str = "sandbox_telnyx_api_key";

/// What the sandbox hands out: its API key, which names the tenant.
pub static HANDOUT: super::Handout = super::Handout {
    provider: P,
    credentials: &[API_KEY],
    tenant_credential: 0,
    urls: &[],
};

/// Telnyx's hooks into the pipeline.
pub static API: Api = Api {
    provider: P,
    class: None,
    authorize,
    throttled,
    server_error,
    list,
    rate_headers,
    route: "/telnyx/v2/room_recordings",
    throttles: true,
    not_found: None,
    drift_value: Some(("status", || serde_json::json!("archived"))),
};

/// Its list operations.
pub static APIS: [&Api; 1] = [&API];

/// A Telnyx error envelope with one error.
pub fn error(
    status: StatusCode,
    code: &str,
    title: &str,
    detail: &str,
    parameter: Option<&str>,
) -> Response {
    let mut e = json!({ "code": code, "title": title, "detail": detail });
    if let Some(p) = parameter {
        e["source"] = json!({ "parameter": p });
    }
    http::json(status, &json!({ "errors": [e] }))
}

fn authorize(_: &AppState, ctx: &Ctx) -> Result<(), Response> {
    match ctx.authorization().and_then(|h| h.strip_prefix("Bearer ")) {
        Some(key) if key.trim() == API_KEY => Ok(()),
        _ => Err(error(
            StatusCode::UNAUTHORIZED,
            "10009",
            "Authentication failed",
            "The API key is missing, malformed or invalid. Send 'Authorization: Bearer <API key>'.",
            None,
        )),
    }
}

fn rate_headers(limit: u32, remaining: u32) -> Vec<(&'static str, String)> {
    vec![
        ("x-ratelimit-limit", limit.to_string()),
        ("x-ratelimit-remaining", remaining.to_string()),
        ("x-ratelimit-reset", "1".into()),
    ]
}

fn throttled(t: Throttle) -> Response {
    let mut r = error(
        StatusCode::TOO_MANY_REQUESTS,
        "10011",
        "Too many requests",
        "You have exceeded the rate limit for this resource. Retry after the reset.",
        None,
    );
    let secs = retry_secs(t).to_string();
    let h = r.headers_mut();
    for (name, value) in [
        ("x-ratelimit-limit", t.limit.to_string()),
        ("x-ratelimit-remaining", "0".to_string()),
        ("x-ratelimit-reset", secs.clone()),
        ("retry-after", secs),
    ] {
        if let Ok(v) = HeaderValue::from_str(&value) {
            h.insert(name, v);
        }
    }
    r
}

fn server_error(status: StatusCode) -> Response {
    error(
        status,
        "10007",
        "Unexpected error",
        "An unexpected error occurred. Please retry.",
        None,
    )
}

fn invalid(parameter: &str, detail: &str) -> Response {
    error(
        StatusCode::BAD_REQUEST,
        "10015",
        "Invalid parameter",
        detail,
        Some(parameter),
    )
}

#[derive(Debug, Serialize)]
struct Meta {
    page_number: u64,
    page_size: u64,
    total_pages: u64,
    total_results: u64,
}

#[derive(Debug, Serialize)]
struct RecordingsPage {
    data: Vec<data::RoomRecording>,
    meta: Meta,
}

/// Inclusive bounds on a UTC date, as day numbers (unix days).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DateBounds {
    /// Earliest allowed day.
    pub lo: i64,
    /// Latest allowed day.
    pub hi: i64,
}

impl DateBounds {
    fn any() -> Self {
        DateBounds {
            lo: i64::MIN / (2 * DAY),
            hi: i64::MAX / (2 * DAY),
        }
    }

    fn contains(&self, secs: i64) -> bool {
        (self.lo..=self.hi).contains(&secs.div_euclid(DAY))
    }

    fn is_any(&self) -> bool {
        *self == DateBounds::any()
    }
}

/// Every filter of the operation, parsed.
#[derive(Debug, Clone)]
pub struct Filters {
    /// On `started_at`'s UTC date.
    pub started: DateBounds,
    /// On `ended_at`'s UTC date.
    pub ended: DateBounds,
    /// `filter[room_id]`, resolved to its pool member (`Some(None)`: names no room).
    pub room_id: Option<Option<u64>>,
    /// `filter[session_id]`, resolved likewise.
    pub session_id: Option<Option<u64>>,
    /// `filter[participant_id]`, resolved likewise.
    pub participant_id: Option<Option<u64>>,
    /// `filter[status]`.
    pub status: Option<String>,
    /// `filter[type]`.
    pub kind: Option<String>,
    /// Inclusive bounds on `duration_secs`.
    pub duration: (i64, i64),
}

fn date_bounds(q: &Params, field: &str) -> Result<DateBounds, Response> {
    let mut b = DateBounds::any();
    for op in ["eq", "gte", "lte"] {
        let name = format!("filter[{field}][{op}]");
        let Some(raw) = q.get(&name).filter(|v| !v.is_empty()) else {
            continue;
        };
        let date = NaiveDate::parse_from_str(raw, "%Y-%m-%d").map_err(|_| {
            invalid(
                &name,
                &format!("{name} must be a date in YYYY-MM-DD format, got {raw:?}."),
            )
        })?;
        let day = date
            .and_hms_opt(0, 0, 0)
            .map(|t| t.and_utc().timestamp() / DAY)
            .unwrap_or(0);
        match op {
            "eq" => {
                b.lo = b.lo.max(day);
                b.hi = b.hi.min(day);
            }
            "gte" => b.lo = b.lo.max(day),
            _ => b.hi = b.hi.min(day),
        }
    }
    Ok(b)
}

fn text(q: &Params, name: &str) -> Option<String> {
    q.get(name).filter(|v| !v.is_empty()).map(str::to_string)
}

impl Filters {
    /// Parses the `filter[...]` parameters, or answers Telnyx's 400.
    pub fn parse(ds: &Dataset, q: &Params) -> Result<Filters, Response> {
        let member =
            |name: &str, pool: u64| text(q, name).map(|id| data::pool_member(ds, pool, &id));
        let mut duration = (i64::MIN, i64::MAX);
        for (name, op) in [
            ("filter[duration_secs][eq]", "eq"),
            ("filter[duration_secs][gte]", "gte"),
            ("filter[duration_secs]", "gte"),
            ("filter[duration_secs][lte]", "lte"),
        ] {
            let Some(raw) = q.get(name).filter(|v| !v.is_empty()) else {
                continue;
            };
            let v: i64 = raw
                .parse()
                .map_err(|_| invalid(name, &format!("{name} must be an integer.")))?;
            match op {
                "eq" => duration = (duration.0.max(v), duration.1.min(v)),
                "gte" => duration.0 = duration.0.max(v),
                _ => duration.1 = duration.1.min(v),
            }
        }
        Ok(Filters {
            started: date_bounds(q, "date_started_at")?,
            ended: date_bounds(q, "date_ended_at")?,
            room_id: member("filter[room_id]", 1),
            session_id: member("filter[session_id]", 2),
            participant_id: member("filter[participant_id]", 3),
            status: text(q, "filter[status]"),
            kind: text(q, "filter[type]"),
            duration,
        })
    }

    /// The `started_at` seconds `[lo, hi)` outside which nothing can match.
    pub fn start_range(&self) -> (i64, i64) {
        let clamp = |d: i64| d.saturating_mul(DAY);
        let mut lo = clamp(self.started.lo);
        let mut hi = clamp(self.started.hi.saturating_add(1));
        if !self.ended.is_any() {
            lo = lo.max(clamp(self.ended.lo).saturating_sub(MAX_DURATION));
            hi = hi.min(clamp(self.ended.hi.saturating_add(1)));
        }
        (lo, hi)
    }

    /// True when only the start range matters (everything else matches all records).
    fn only_dates(&self) -> bool {
        self.ended.is_any()
            && self.room_id.is_none()
            && self.session_id.is_none()
            && self.participant_id.is_none()
            && self.status.is_none()
            && self.kind.is_none()
            && self.duration == (i64::MIN, i64::MAX)
    }

    /// A key naming this filter set, for the count cache.
    fn cache_key(&self) -> String {
        format!("{self:?}")
    }

    /// True when record `rec` passes every filter.
    pub fn matches(&self, ds: &Dataset, rec: Rec) -> bool {
        let f = data::facts(ds, rec);
        self.started.contains(rec.start)
            && self.ended.contains(f.ended)
            && (self.duration.0..=self.duration.1).contains(&f.duration_secs)
            && self.status.as_deref().is_none_or(|s| {
                s == if f.processing {
                    "processing"
                } else {
                    "completed"
                }
            })
            && self
                .kind
                .as_deref()
                .is_none_or(|k| k == if f.video { "video" } else { "audio" })
            && self.room_id.is_none_or(|m| m == Some(f.room))
            && self.session_id.is_none_or(|m| m == Some(f.session))
            && self.participant_id.is_none_or(|m| m == Some(f.participant))
    }
}

fn page_param(q: &Params, name: &str, default: u64, max: u64) -> Result<u64, Response> {
    match q.get(name) {
        None | Some("") => Ok(default),
        Some(raw) => match raw.parse::<u64>() {
            Ok(n) if (1..=max).contains(&n) => Ok(n),
            _ => Err(invalid(
                name,
                &format!("{name} must be an integer between 1 and {max}."),
            )),
        },
    }
}

fn list(state: &AppState, ctx: &Ctx) -> Result<Page, Response> {
    let ds = &state.ds;
    let q = &ctx.params;
    let size = page_param(q, "page[size]", 20, 250)?;
    let number = page_param(q, "page[number]", 1, u64::MAX)?;
    let filters = Filters::parse(ds, q)?;
    let (lo, hi) = filters.start_range();
    let total = if filters.only_dates() {
        ds.by_start(P, lo, hi).remaining()
    } else {
        state.count(P, &filters.cache_key(), || {
            ds.by_start(P, lo, hi)
                .filter(|r| filters.matches(ds, *r))
                .count() as u64
        })
    };
    let skip = (number - 1).saturating_mul(size);
    let mut newest_first = ds.by_start(P, lo, hi);
    let data = if filters.only_dates() {
        // Every record in the range matches: jump straight to the page.
        newest_first.skip_back(skip);
        newest_first
            .rev()
            .take(size as usize)
            .map(|r| data::recording(ds, r))
            .collect()
    } else {
        newest_first
            .rev()
            .filter(|r| filters.matches(ds, *r))
            .skip(usize::try_from(skip).unwrap_or(usize::MAX))
            .take(size as usize)
            .map(|r| data::recording(ds, r))
            .collect()
    };
    let meta = Meta {
        page_number: number,
        page_size: size,
        total_pages: total.div_ceil(size),
        total_results: total,
    };
    let span = ds.span(P);
    let window = (lo.max(span.start), hi.min(span.end()));
    Ok(Page {
        body: http::to_bytes(&RecordingsPage { data, meta }),
        window: Some(window),
    })
}
