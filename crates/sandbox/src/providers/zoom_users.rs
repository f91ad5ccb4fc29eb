//! Zoom: `GET /v2/users`, the account's users of one status (`data::zoom_users`).
//!
//! `status` is `active` (default), `inactive` or `pending`; anything else is 400 code 300.
//! `page_size` defaults to 30 and is cut to 300; one that is not a number is 400 code 300.
//! Pages chain by `next_page_token` (the report's token format, expiring alike, `""` at the
//! end). A token without the `user:read:admin` scope
//! ([`crate::credentials::ZOOM_REPORT_ONLY_ACCESS_TOKEN`]) answers 400 code 4711. Calls are
//! Medium: their own rate limit, no daily cap.

use axum::http::StatusCode;
use axum::response::Response;
use serde::Serialize;

use super::zoom::{
    PageToken, authorize, bad_token, decode_token, encode_token, error, invalid_field,
    rate_headers_as, server_error, text_hash, throttled_as,
};
use super::{Api, Page};
use crate::Provider;
use crate::credentials::ZOOM_REPORT_ONLY_ACCESS_TOKEN;
use crate::data::hash::mix;
use crate::data::zoom_users::{self as users, Status, ZoomUser};
use crate::http::{self, Ctx};
use crate::ratelimit::Throttle;
use crate::state::AppState;

/// The users list's hooks into the pipeline.
pub static API: Api = Api {
    provider: Provider::Zoom,
    class: Some("Medium"),
    authorize,
    throttled,
    server_error,
    list,
    rate_headers,
    route: "/zoom/v2/users",
    throttles: true,
    not_found: None,
    drift_value: super::zoom::API.drift_value,
};

fn throttled(t: Throttle) -> Response {
    throttled_as("Medium", t)
}

fn rate_headers(limit: u32, remaining: u32) -> Vec<(&'static str, String)> {
    rate_headers_as("Medium", limit, remaining)
}

#[derive(Debug, Serialize)]
struct UsersPage {
    page_count: u64,
    page_number: u64,
    page_size: u64,
    total_records: u64,
    next_page_token: String,
    users: Vec<ZoomUser>,
}

fn list(state: &AppState, ctx: &Ctx) -> Result<Page, Response> {
    let ds = &state.ds;
    let token = ctx.authorization().and_then(|h| h.strip_prefix("Bearer "));
    if token == Some(ZOOM_REPORT_ONLY_ACCESS_TOKEN) {
        return Err(error(
            StatusCode::BAD_REQUEST,
            4711,
            "Invalid access token, does not contain scopes:[user:read:admin].",
        ));
    }
    let q = &ctx.params;
    let status = match q.get("status") {
        None | Some("") => Status::Active,
        Some(raw) => Status::parse(raw).ok_or_else(|| invalid_field("status"))?,
    };
    let page_size = match q.get("page_size") {
        None | Some("") => 30,
        Some(raw) => match raw.parse::<i64>() {
            Ok(n) if n < 1 => 30,
            Ok(n) => n.min(300) as u64,
            Err(_) => return Err(invalid_field("page_size")),
        },
    };
    let fingerprint = mix(ds.seed(), text_hash(status.as_str()), 0x05e6);
    let elapsed_ms = state.started.elapsed().as_millis() as u64;
    let (offset, page_number) = match q.get("next_page_token").filter(|t| !t.is_empty()) {
        None => (0, 1),
        Some(raw) => {
            let t = decode_token(ds.seed(), raw).ok_or_else(bad_token)?;
            let ttl = state.config.zoom_token_ttl.as_millis() as u64;
            if t.query != fingerprint || elapsed_ms.saturating_sub(t.issued_ms) >= ttl {
                return Err(bad_token());
            }
            (t.offset, t.page)
        }
    };
    let matching: Vec<u64> = users::with_status(ds, status).collect();
    let total = matching.len() as u64;
    let page: Vec<ZoomUser> = matching
        .iter()
        .skip(usize::try_from(offset).unwrap_or(usize::MAX))
        .take(page_size as usize)
        .map(|&i| users::user(ds, i))
        .collect();
    let next = offset + page.len() as u64;
    let next_page_token = if next < total {
        encode_token(
            ds.seed(),
            PageToken {
                offset: next,
                page: page_number + 1,
                query: fingerprint,
                issued_ms: elapsed_ms,
                last_start: 0,
                generation: 0,
            },
        )
    } else {
        String::new()
    };
    let body = UsersPage {
        page_count: total.div_ceil(page_size),
        page_number,
        page_size,
        total_records: total,
        next_page_token,
        users: page,
    };
    Ok(Page {
        body: http::to_bytes(&body),
        window: None,
    })
}
