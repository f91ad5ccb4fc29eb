//! Zoom's part of the sandbox beyond its list operations: the OAuth token endpoint's route, and
//! the Zoom-only methods of [`SandboxHandle`] (the token URL, a user's truth, the account's
//! users, Heavy calls served, expiring tokens).

use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::post;
use chrono::{DateTime, Utc};

use crate::data::{Dataset, zoom_users};
use crate::handle::SandboxHandle;
use crate::http::{Ctx, Params};
use crate::tenants::{self, Tenants};
use crate::truth::{native_id, records};
use crate::{Provider, credentials};

/// The OAuth token endpoint's route.
pub fn oauth_routes() -> Router<Arc<Tenants>> {
    Router::new().route("/zoom/oauth/token", post(oauth_token))
}

async fn oauth_token(
    State(tenants): State<Arc<Tenants>>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> Response {
    let mut ctx = Ctx {
        headers,
        params: Params::parse(q.as_deref()),
        path: None,
    };
    // The account id names the tenant; its tokens carry the same suffix.
    let (account, tenant) = match ctx.params.get("account_id") {
        Some(id) => {
            let (base, tenant) = tenants::split(id);
            (base.to_owned(), tenant.map(str::to_owned))
        }
        None => (String::new(), None),
    };
    if tenant.is_some() {
        ctx.params.set("account_id", &account);
    }
    let state = tenants.get(tenant.as_deref());
    let suffix = credentials::for_tenant("", tenant.as_deref());
    super::zoom::mint_token(&state, &ctx, &suffix)
}

/// Sorted uuids of the Zoom meetings in `[from, to)` in the report of `user` (`me`, an id or
/// an email); `None` when the account has no such user. The account's truth
/// ([`crate::truth::truth`]) is the union of its users' truths, each meeting once.
pub fn user_truth(
    ds: &Dataset,
    user: &str,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Option<Vec<String>> {
    let index = zoom_users::find(ds, user)?;
    let mut out: Vec<String> = records(ds, Provider::Zoom, from, to)
        .into_iter()
        .filter(|r| zoom_users::in_report_of(ds, *r, index))
        .map(|r| native_id(ds, Provider::Zoom, r))
        .collect();
    out.sort();
    Some(out)
}

impl SandboxHandle {
    /// Zoom's OAuth token endpoint, `http://127.0.0.1:PORT/zoom/oauth/token`.
    pub fn zoom_oauth_url(&self) -> String {
        format!("http://{}/zoom/oauth/token", self.addr())
    }

    /// Sorted uuids of the Zoom meetings in `[from, to)` in the report of `user` (`me`, an id
    /// or an email): those the user hosted or also attended. `None` for an unknown user.
    pub fn zoom_user_truth(
        &self,
        user: &str,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Option<Vec<String>> {
        user_truth(&self.state.ds, user, from, to)
    }

    /// The Zoom account's users of `status` (`active`, `inactive`, `pending`) as meetkit names
    /// them: the id, or the email of a pending user (Zoom shows pending users no id).
    pub fn zoom_users(&self, status: &str) -> Vec<String> {
        self.zoom_users_of(tenants::DEFAULT_TENANT, status)
    }

    /// [`SandboxHandle::zoom_users`] of account (tenant) `account` (`default`: the tenant the
    /// plain credentials select).
    pub fn zoom_users_of(&self, account: &str, status: &str) -> Vec<String> {
        let ds = &self.tenants.get(tenants::tenant_of(account)).ds;
        let Some(status) = zoom_users::Status::parse(status) else {
            return Vec::new();
        };
        zoom_users::with_status(ds, status)
            .map(|i| {
                let user = zoom_users::user(ds, i);
                user.id.unwrap_or(user.email)
            })
            .collect()
    }

    /// Zoom report (Heavy) requests served or refused so far, counted against
    /// `SandboxConfig::zoom_daily_heavy_cap`.
    pub fn zoom_heavy_calls(&self) -> u64 {
        self.state
            .zoom_heavy_calls
            .load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Expires every Zoom access token minted so far (the static one keeps working), so a
    /// client's "re-mint on 401 once" path can be tested without waiting an hour.
    pub fn expire_zoom_tokens(&self) {
        for tenant in self.tenants.all() {
            if let Ok(mut tokens) = tenant.zoom_tokens.lock() {
                let now = Instant::now();
                tokens.values_mut().for_each(|expires| *expires = now);
            }
        }
    }
}
