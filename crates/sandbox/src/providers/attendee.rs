//! Attendee: `GET /api/v1/bots` (no trailing slash: that path is a 404).
//!
//! Order: creation ascending (index order; bots inserted by the insert fault were created
//! last, so they come at the end). Fixed pages of 25. `cursor` is DRF-style base64 of
//! `p=<index>` (next: bots created after it) or `r=1&p=<index>` (previous: bots created
//! before it); anything else is 404 `Invalid cursor`. `next`/`previous` are absolute URLs
//! built from the request's Host header (or `SandboxConfig::next_origin`, as behind a
//! proxy), keeping the other query parameters.
//!
//! `join_at_after`/`join_at_before` are cut to microseconds (extra digits dropped), then
//! compared strictly, as Attendee's server does.
//!
//! Like a server that validates requests against Attendee's published OpenAPI file, a request
//! without the required `Content-Type: application/json` header is a 400 (the real server
//! ignores the header on a GET; spec-validating servers in front of it or standing in for it
//! do not).

use axum::http::StatusCode;
use axum::response::Response;
use chrono::{DateTime, NaiveDateTime, Timelike, Utc};
use serde::Serialize;
use serde_json::json;

use super::{Api, Page};
use crate::Provider;
use crate::data::{Dataset, Rec, attendee as data, ids};
use crate::http::{self, Ctx, Params};
use crate::ratelimit::Throttle;
use crate::state::AppState;
use crate::truth::ceil_secs;

const P: Provider = Provider::Attendee;
/// Attendee's fixed page size.
pub const PAGE_SIZE: usize = 25;

/// The sandbox's fake API key.
pub const API_KEY: &str = "sandbox_attendee_api_key";

/// What the sandbox hands out: its API key, which names the tenant.
pub static HANDOUT: super::Handout = super::Handout {
    provider: P,
    credentials: &[API_KEY],
    tenant_credential: 0,
    urls: &[],
};

/// Attendee's hooks into the pipeline.
pub static API: Api = Api {
    provider: P,
    class: None,
    authorize,
    throttled,
    server_error,
    list,
    rate_headers: super::no_rate_headers,
    route: "/attendee/api/v1/bots",
    throttles: false,
    not_found: Some(not_found),
    drift_value: Some(("state", || serde_json::json!("sandbox_drift_state"))),
};

/// Its list operations.
pub static APIS: [&Api; 1] = [&API];

fn detail(status: StatusCode, text: &str) -> Response {
    http::json(status, &json!({ "detail": text }))
}

fn bad_request(text: &str) -> Response {
    http::json(StatusCode::BAD_REQUEST, &json!({ "error": text }))
}

fn authorize(_: &AppState, ctx: &Ctx) -> Result<(), Response> {
    match ctx.authorization().and_then(|h| h.strip_prefix("Token ")) {
        Some(key) if key.trim() == API_KEY => Ok(()),
        Some(_) => Err(detail(StatusCode::UNAUTHORIZED, "Invalid token.")),
        // Any other scheme, `Bearer` included, is no credentials at all to DRF.
        None => Err(detail(
            StatusCode::UNAUTHORIZED,
            "Authentication credentials were not provided.",
        )),
    }
}

fn throttled(_: Throttle) -> Response {
    let mut r = detail(
        StatusCode::TOO_MANY_REQUESTS,
        "Request was throttled. Expected available in 1 second.",
    );
    r.headers_mut()
        .insert("retry-after", axum::http::HeaderValue::from_static("1"));
    r
}

fn server_error(status: StatusCode) -> Response {
    detail(status, "A server error occurred.")
}

/// The 404 for paths Attendee does not serve (a trailing slash, for one).
pub fn not_found() -> Response {
    detail(StatusCode::NOT_FOUND, "Not found.")
}

#[derive(Debug, Serialize)]
struct BotsPage {
    next: Option<String>,
    previous: Option<String>,
    results: Vec<data::Bot>,
}

/// Every filter of the operation, parsed.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// `states` (any of).
    pub states: Vec<String>,
    /// `join_at > after`, cut to microseconds.
    pub after: Option<DateTime<Utc>>,
    /// `join_at < before`, cut to microseconds.
    pub before: Option<DateTime<Utc>>,
    /// `meeting_url`, resolved to the URL pool members it names.
    pub meeting_url: Option<Vec<u64>>,
    /// `deduplication_key`.
    pub deduplication_key: Option<String>,
}

fn parse_time(name: &str, raw: &str) -> Result<DateTime<Utc>, Response> {
    if raw.contains(' ') {
        return Err(bad_request(&format!(
            "Invalid {name} format: {raw:?}. A '+' in a timestamp must be sent percent-encoded as %2B."
        )));
    }
    DateTime::parse_from_rfc3339(raw)
        .map(|t| t.with_timezone(&Utc))
        .or_else(|_| {
            NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M:%S%.f").map(|t| t.and_utc())
        })
        .map_err(|_| {
            bad_request(&format!(
                "Invalid {name} format: {raw:?}. Use ISO 8601, e.g. 2024-01-18T12:34:56Z."
            ))
        })
}

/// `t` with the digits past microseconds dropped, as Attendee's datetime parsing does.
fn cut_to_micros(t: DateTime<Utc>) -> DateTime<Utc> {
    let nanos = t.timestamp_subsec_nanos();
    t.with_nanosecond(nanos - nanos % 1_000).unwrap_or(t)
}

impl Filters {
    /// Parses the filters, or answers Attendee's 400.
    pub fn parse(ds: &Dataset, q: &Params) -> Result<Filters, Response> {
        let mut states = Vec::new();
        for s in q.all("states") {
            if s.contains(',') {
                return Err(bad_request(&format!(
                    "Invalid state: {s:?}. Repeat the parameter (states=a&states=b) instead of joining with commas."
                )));
            }
            if !data::STATES.contains(&s) {
                return Err(bad_request(&format!(
                    "Invalid state: {s}. Valid states are: {}",
                    data::STATES.join(", ")
                )));
            }
            states.push(s.to_string());
        }
        let time = |name: &str| {
            q.get(name)
                .filter(|v| !v.is_empty())
                .map(|raw| parse_time(name, raw).map(cut_to_micros))
                .transpose()
        };
        Ok(Filters {
            states,
            after: time("join_at_after")?,
            before: time("join_at_before")?,
            meeting_url: q
                .get("meeting_url")
                .filter(|v| !v.is_empty())
                .map(|u| data::urls_equal_to(ds, u)),
            deduplication_key: q
                .get("deduplication_key")
                .filter(|v| !v.is_empty())
                .map(str::to_string),
        })
    }

    /// Base indices outside which nothing can match (join_at grows with the index).
    fn base_range(&self, ds: &Dataset) -> (u64, u64) {
        let span = ds.span(P);
        // join_at > after  <=>  start >= floor(after) + 1 for whole-second starts.
        let lo = self
            .after
            .map_or(0, |t| span.lower_bound(t.timestamp() + 1));
        let hi = self
            .before
            .map_or(span.n, |t| span.lower_bound(ceil_secs(t)));
        (lo, hi.max(lo))
    }

    /// True when bot `rec` passes every filter.
    pub fn matches(&self, ds: &Dataset, rec: Rec) -> bool {
        let join = data::join_at(ds, rec);
        let timed = self.after.is_some() || self.before.is_some();
        if timed && join.is_none() {
            return false;
        }
        let secs = join.unwrap_or(0);
        self.after.is_none_or(|t| secs > t.timestamp())
            && self.before.is_none_or(|t| secs < ceil_secs(t))
            && (self.states.is_empty() || self.states.iter().any(|s| s == data::state(ds, rec)))
            && self
                .meeting_url
                .as_ref()
                .is_none_or(|us| us.contains(&data::url_member(ds, rec)))
            && self
                .deduplication_key
                .as_deref()
                .is_none_or(|k| data::deduplication_key(ds, rec).as_deref() == Some(k))
    }

    /// Matching bots with index in `[from, to)`, in creation order.
    pub fn scan<'a>(
        &'a self,
        ds: &'a Dataset,
        from: u64,
        to: u64,
    ) -> impl DoubleEndedIterator<Item = Rec> + 'a {
        let (lo, hi) = self.base_range(ds);
        let base = from.max(lo)..to.min(hi).max(from.max(lo));
        let inserted: Vec<Rec> = ds
            .inserted(P)
            .into_iter()
            .filter(|r| r.index >= from && r.index < to)
            .collect();
        base.map(move |i| ds.base(P, i))
            .chain(inserted)
            .filter(move |r| self.matches(ds, *r))
    }
}

/// A parsed cursor: the index it points at, and whether it pages backwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    /// The index of the bot the cursor is anchored on.
    pub position: u64,
    /// `r=1`: bots before `position`.
    pub reverse: bool,
}

impl Cursor {
    /// Base64 of `p=<index>` or `r=1&p=<index>`.
    pub fn encode(self) -> String {
        let raw = if self.reverse {
            format!("r=1&p={}", self.position)
        } else {
            format!("p={}", self.position)
        };
        ids::base64(raw.as_bytes())
    }

    /// The inverse of [`Cursor::encode`].
    pub fn decode(s: &str) -> Option<Cursor> {
        let raw = String::from_utf8(ids::base64_decode(s)?).ok()?;
        let (reverse, p) = match raw.strip_prefix("r=1&") {
            Some(rest) => (true, rest),
            None => (false, raw.as_str()),
        };
        let position = p.strip_prefix("p=")?.parse().ok()?;
        Some(Cursor { position, reverse })
    }
}

fn page_url(ctx: &Ctx, state: &AppState, cursor: Cursor) -> String {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    let mut placed = false;
    for (k, v) in ctx.params.pairs() {
        if k == "cursor" {
            if !placed {
                query.append_pair("cursor", &cursor.encode());
                placed = true;
            }
        } else {
            query.append_pair(k, v);
        }
    }
    if !placed {
        query.append_pair("cursor", &cursor.encode());
    }
    let origin = match &state.config.next_origin {
        Some(origin) => origin.trim_end_matches('/').to_owned(),
        None => format!("http://{}", ctx.host(&state.authority)),
    };
    format!("{origin}/attendee/api/v1/bots?{}", query.finish())
}

/// The 400 a spec-validating server answers when the required `Content-Type` is missing or
/// names something else than JSON.
fn require_json_content_type(ctx: &Ctx) -> Result<(), Response> {
    let content_type = ctx
        .headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    let is_json = content_type.is_some_and(|v| {
        v.split(';')
            .next()
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json"))
    });
    if is_json {
        return Ok(());
    }
    Err(bad_request(&format!(
        "Invalid request: the header Content-Type is required and must be application/json (got {}).",
        content_type.map_or_else(|| "none".to_owned(), |v| format!("{v:?}"))
    )))
}

fn list(state: &AppState, ctx: &Ctx) -> Result<Page, Response> {
    require_json_content_type(ctx)?;
    let ds = &state.ds;
    let q = &ctx.params;
    let filters = Filters::parse(ds, q)?;
    let cursor = match q.get("cursor").filter(|c| !c.is_empty()) {
        None => None,
        Some(raw) => Some(
            Cursor::decode(raw).ok_or_else(|| detail(StatusCode::NOT_FOUND, "Invalid cursor"))?,
        ),
    };
    let end = u64::MAX;
    let results: Vec<Rec> = match cursor {
        Some(Cursor {
            position,
            reverse: true,
        }) => {
            let mut page: Vec<Rec> = filters
                .scan(ds, 0, position)
                .rev()
                .take(PAGE_SIZE)
                .collect();
            page.reverse();
            page
        }
        Some(Cursor {
            position,
            reverse: false,
        }) => filters
            .scan(ds, position.saturating_add(1), end)
            .take(PAGE_SIZE)
            .collect(),
        None => filters.scan(ds, 0, end).take(PAGE_SIZE).collect(),
    };
    let (next, previous) = match (results.first(), results.last()) {
        (Some(first), Some(last)) => {
            let more_after = filters
                .scan(ds, last.index.saturating_add(1), end)
                .next()
                .is_some();
            let more_before =
                cursor.is_some() && filters.scan(ds, 0, first.index).next_back().is_some();
            (
                more_after.then(|| {
                    page_url(
                        ctx,
                        state,
                        Cursor {
                            position: last.index,
                            reverse: false,
                        },
                    )
                }),
                more_before.then(|| {
                    page_url(
                        ctx,
                        state,
                        Cursor {
                            position: first.index,
                            reverse: true,
                        },
                    )
                }),
            )
        }
        _ => (None, None),
    };
    let body = BotsPage {
        next,
        previous,
        results: results.into_iter().map(|r| data::bot(ds, r)).collect(),
    };
    let span = ds.span(P);
    let lo = filters.after.map_or(span.start, |t| t.timestamp() + 1);
    let hi = filters.before.map_or(span.end(), ceil_secs);
    Ok(Page {
        body: http::to_bytes(&body),
        window: Some((lo, hi)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip() {
        for c in [
            Cursor {
                position: 486,
                reverse: false,
            },
            Cursor {
                position: 3,
                reverse: true,
            },
        ] {
            assert_eq!(Cursor::decode(&c.encode()), Some(c));
        }
        assert_eq!(
            Cursor {
                position: 486,
                reverse: false
            }
            .encode(),
            "cD00ODY="
        );
        assert_eq!(Cursor::decode("bm9wZQ=="), None);
        assert_eq!(Cursor::decode("%%%"), None);
    }
}
