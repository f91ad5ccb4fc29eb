//! Starting and stopping a sandbox: the router, the listener, and the handle tests use.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::extract::{ConnectInfo, Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::Response;
use axum::routing::{get, post};
use chrono::{DateTime, Utc};
use serde_json::json;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::data::Dataset;
use crate::http::{self, Ctx, Params};
use crate::listener::{KillSwitch, KillableListener};
use crate::providers::{self, Api};
use crate::state::AppState;
use crate::tenants::{self, Tenants};
use crate::{Provider, SandboxConfig, credentials, truth};

/// Why a sandbox could not start.
#[derive(Debug, thiserror::Error)]
pub enum SandboxError {
    /// The port could not be bound.
    #[error("could not listen on 127.0.0.1:{port}: {source}")]
    Bind {
        /// The port asked for.
        port: u16,
        /// What the OS said.
        source: std::io::Error,
    },
}

/// Entry point: `Sandbox::start(config)`.
#[derive(Debug)]
pub struct Sandbox;

/// A running sandbox. Dropping it leaves the server running until the runtime ends;
/// call [`SandboxHandle::shutdown`] to stop it.
#[derive(Debug)]
pub struct SandboxHandle {
    addr: SocketAddr,
    state: Arc<AppState>,
    tenants: Arc<Tenants>,
    stop: oneshot::Sender<()>,
    task: JoinHandle<()>,
}

impl Sandbox {
    /// Binds 127.0.0.1:`config.port` and serves every provider until shut down.
    /// Nothing is generated up front, so this is fast for any `meetings`.
    pub async fn start(config: SandboxConfig) -> Result<SandboxHandle, SandboxError> {
        let port = config.port;
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, port))
            .await
            .map_err(|source| SandboxError::Bind { port, source })?;
        let addr = listener
            .local_addr()
            .map_err(|source| SandboxError::Bind { port, source })?;
        let now = config.now.unwrap_or_else(Utc::now);
        let tenants = Arc::new(Tenants::new(config, now, addr.to_string()));
        let state = Arc::clone(tenants.default_tenant());
        let app = router(Arc::clone(&tenants));
        let (stop, stopped) = oneshot::channel::<()>();
        let service = app.into_make_service_with_connect_info::<KillSwitch>();
        let task = tokio::spawn(async move {
            let server =
                axum::serve(KillableListener(listener), service).with_graceful_shutdown(async {
                    let _ = stopped.await;
                });
            if let Err(e) = server.await {
                tracing::warn!("sandbox server stopped: {e}");
            }
        });
        Ok(SandboxHandle {
            addr,
            state,
            tenants,
            stop,
            task,
        })
    }
}

impl SandboxHandle {
    /// The listening address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// A provider's base URL, e.g. `http://127.0.0.1:PORT/zoom/v2`.
    pub fn base_url(&self, p: Provider) -> String {
        format!(
            "http://{}/{}{}",
            self.addr,
            p.as_str(),
            crate::provider::base_path(p)
        )
    }

    /// Zoom's OAuth token endpoint, `http://127.0.0.1:PORT/zoom/oauth/token`.
    pub fn zoom_oauth_url(&self) -> String {
        format!("http://{}/zoom/oauth/token", self.addr)
    }

    /// Every variable meetkit reads to reach this sandbox, in a fixed order.
    pub fn env(&self) -> Vec<(String, String)> {
        let pairs = [
            ("ZOOM_BASE_URL", self.base_url(Provider::Zoom)),
            ("ZOOM_OAUTH_URL", self.zoom_oauth_url()),
            ("ZOOM_ACCOUNT_ID", credentials::ZOOM_ACCOUNT_ID.to_string()),
            ("ZOOM_CLIENT_ID", credentials::ZOOM_CLIENT_ID.to_string()),
            (
                "ZOOM_CLIENT_SECRET",
                credentials::ZOOM_CLIENT_SECRET.to_string(),
            ),
            ("DAILY_BASE_URL", self.base_url(Provider::Daily)),
            ("DAILY_API_KEY", credentials::DAILY_API_KEY.to_string()),
            ("TELNYX_BASE_URL", self.base_url(Provider::Telnyx)),
            ("TELNYX_API_KEY", credentials::TELNYX_API_KEY.to_string()),
            ("ATTENDEE_BASE_URL", self.base_url(Provider::Attendee)),
            (
                "ATTENDEE_API_KEY",
                credentials::ATTENDEE_API_KEY.to_string(),
            ),
            ("ATTENTION_BASE_URL", self.base_url(Provider::Attention)),
            (
                "ATTENTION_API_KEY",
                credentials::ATTENTION_API_KEY.to_string(),
            ),
        ];
        pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
    }

    /// The name of account `i` (from 1) in [`SandboxHandle::accounts`]: `t001`, `t002`, ….
    pub fn account_name(i: usize) -> String {
        format!("t{i:03}")
    }

    /// Credentials for `per_provider` accounts of every provider, each its own tenant
    /// (named `t001`, `t002`, …): one object per account, as meetkit's accounts file and
    /// `Client(accounts=...)` take them.
    pub fn accounts(&self, per_provider: usize) -> Vec<serde_json::Value> {
        let mut out = Vec::new();
        for p in Provider::ALL {
            for i in 1..=per_provider {
                out.push(self.account(p, &Self::account_name(i)));
            }
        }
        out
    }

    /// Credentials of tenant `name` for `p`, as an accounts-file entry.
    pub fn account(&self, p: Provider, name: &str) -> serde_json::Value {
        let t = |value: &str| credentials::for_tenant(value, Some(name));
        let mut entry = json!({
            "provider": p.as_str(),
            "name": name,
            "base_url": self.base_url(p),
        });
        let fields: Vec<(&str, String)> = match p {
            Provider::Zoom => vec![
                ("oauth_url", self.zoom_oauth_url()),
                ("account_id", t(credentials::ZOOM_ACCOUNT_ID)),
                ("client_id", credentials::ZOOM_CLIENT_ID.to_owned()),
                ("client_secret", credentials::ZOOM_CLIENT_SECRET.to_owned()),
            ],
            Provider::Daily => vec![("api_key", t(credentials::DAILY_API_KEY))],
            Provider::Telnyx => vec![("api_key", t(credentials::TELNYX_API_KEY))],
            Provider::Attendee => vec![("api_key", t(credentials::ATTENDEE_API_KEY))],
            Provider::Attention => vec![("api_key", t(credentials::ATTENTION_API_KEY))],
        };
        if let Some(map) = entry.as_object_mut() {
            for (k, v) in fields {
                map.insert(k.to_owned(), json!(v));
            }
        }
        entry
    }

    /// [`SandboxHandle::accounts`] as an accounts file (JSON Lines).
    pub fn accounts_file(&self, per_provider: usize) -> String {
        self.accounts(per_provider)
            .iter()
            .map(|entry| format!("{entry}\n"))
            .collect()
    }

    /// [`SandboxHandle::truth`] of account (tenant) `account`; `default` is the default
    /// tenant, the one the plain credentials select.
    pub fn truth_of(
        &self,
        p: Provider,
        account: &str,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Vec<String> {
        let tenant = self.tenants.get(tenant_of(account));
        truth::truth(&tenant.ds, p, from, to)
    }

    /// [`SandboxHandle::env`] as `export NAME='value'` lines for a POSIX shell.
    pub fn export_lines(&self) -> String {
        self.env()
            .iter()
            .map(|(k, v)| format!("export {k}={}\n", shell_quote(v)))
            .collect()
    }

    /// Sorted provider-native ids of the records whose normalized start is in `[from, to)`.
    pub fn truth(&self, p: Provider, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<String> {
        truth::truth(&self.state.ds, p, from, to)
    }

    /// Sorted uuids of the Zoom meetings in `[from, to)` in the report of `user` (`me`, an id
    /// or an email): those the user hosted or also attended. `None` for an unknown user.
    pub fn zoom_user_truth(
        &self,
        user: &str,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Option<Vec<String>> {
        truth::zoom_user_truth(&self.state.ds, user, from, to)
    }

    /// The Zoom account's users of `status` (`active`, `inactive`, `pending`) as meetkit names
    /// them: the id, or the email of a pending user (Zoom shows pending users no id).
    pub fn zoom_users(&self, status: &str) -> Vec<String> {
        self.zoom_users_of(DEFAULT_TENANT, status)
    }

    /// [`SandboxHandle::zoom_users`] of account (tenant) `account`.
    pub fn zoom_users_of(&self, account: &str, status: &str) -> Vec<String> {
        let ds = &self.tenants.get(tenant_of(account)).ds;
        let Some(status) = crate::data::zoom_users::Status::parse(status) else {
            return Vec::new();
        };
        crate::data::zoom_users::with_status(ds, status)
            .map(|i| {
                let user = crate::data::zoom_users::user(ds, i);
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

    /// Gives the meeting `id` (provider-native) of `p` a new title, as if it were edited
    /// after a client listed it. Only Zoom (topic) and Attention (summary) have titles to
    /// change; returns false when `p` has none or no meeting has that id.
    pub fn retitle(&self, p: Provider, id: &str, title: &str) -> bool {
        if !matches!(p, Provider::Zoom | Provider::Attention) {
            return false;
        }
        let ds = &self.state.ds;
        let found = ds.all(p).find(|r| truth::native_id(ds, p, *r) == id);
        if let Some(rec) = found {
            ds.retitle(p, rec.index, title.to_owned());
        }
        found.is_some()
    }

    /// The dataset behind this sandbox (for reference checks in tests).
    pub fn dataset(&self) -> &Dataset {
        &self.state.ds
    }

    /// The sandbox's fixed "now".
    pub fn now(&self) -> DateTime<Utc> {
        self.state.ds.now()
    }

    /// List requests `p` has received so far, answered or not (faults, 4xx and 429s
    /// included; the OAuth and truth endpoints excluded). For checking a client's request
    /// budget, e.g. that it does not retry in a tight loop.
    pub fn requests(&self, p: Provider) -> u64 {
        self.tenants.all().iter().map(|t| t.request_count(p)).sum()
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

    /// Stops accepting, lets open requests finish, and waits for the server to end.
    pub async fn shutdown(self) {
        let _ = self.stop.send(());
        let _ = self.task.await;
    }
}

/// Single-quotes `s` for a POSIX shell.
fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// The tenant an account name selects: `default` is the default tenant.
fn tenant_of(account: &str) -> Option<&str> {
    (account != DEFAULT_TENANT).then_some(account)
}

/// The account name of the default tenant, as meetkit names the environment's account.
const DEFAULT_TENANT: &str = "default";

fn router(state: Arc<Tenants>) -> Router {
    Router::new()
        .route("/zoom/oauth/token", post(zoom_oauth))
        .route("/zoom/v2/report/users/{user_id}/meetings", get(zoom_report))
        .route("/zoom/v2/users", get(zoom_users))
        .route("/daily/v1/meetings", get(daily_meetings))
        .route("/telnyx/v2/room_recordings", get(telnyx_recordings))
        .route("/attendee/api/v1/bots", get(attendee_bots))
        .route(
            "/attention/v2/recorder_metrics/all_meetings",
            get(attention_meetings),
        )
        .route("/_sandbox/truth/{provider}", get(truth_ids))
        .fallback(not_found)
        .with_state(state)
}

type Shared = State<Arc<Tenants>>;

fn ctx(headers: HeaderMap, query: Option<String>, path: Option<String>) -> Ctx {
    Ctx {
        headers,
        params: Params::parse(query.as_deref()),
        path,
    }
}

/// Runs a list request on the tenant its credentials select.
async fn run(tenants: Arc<Tenants>, api: &'static Api, kill: KillSwitch, ctx: Ctx) -> Response {
    let (tenant, ctx) = tenants::from_authorization(ctx);
    let state = tenants.get(tenant.as_deref());
    providers::serve(state, api, kill, ctx).await
}

async fn zoom_oauth(State(tenants): Shared, headers: HeaderMap, RawQuery(q): RawQuery) -> Response {
    let mut ctx = ctx(headers, q, None);
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
    providers::zoom::mint_token(&state, &ctx, &suffix)
}

async fn zoom_report(
    State(state): Shared,
    ConnectInfo(kill): ConnectInfo<KillSwitch>,
    Path(user): Path<String>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> Response {
    run(
        state,
        &providers::zoom::API,
        kill,
        ctx(headers, q, Some(user)),
    )
    .await
}

async fn zoom_users(
    State(state): Shared,
    ConnectInfo(kill): ConnectInfo<KillSwitch>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> Response {
    run(
        state,
        &providers::zoom_users::API,
        kill,
        ctx(headers, q, None),
    )
    .await
}

async fn daily_meetings(
    State(state): Shared,
    ConnectInfo(kill): ConnectInfo<KillSwitch>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> Response {
    run(state, &providers::daily::API, kill, ctx(headers, q, None)).await
}

async fn telnyx_recordings(
    State(state): Shared,
    ConnectInfo(kill): ConnectInfo<KillSwitch>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> Response {
    run(state, &providers::telnyx::API, kill, ctx(headers, q, None)).await
}

async fn attendee_bots(
    State(state): Shared,
    ConnectInfo(kill): ConnectInfo<KillSwitch>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> Response {
    run(
        state,
        &providers::attendee::API,
        kill,
        ctx(headers, q, None),
    )
    .await
}

async fn attention_meetings(
    State(state): Shared,
    ConnectInfo(kill): ConnectInfo<KillSwitch>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> Response {
    run(
        state,
        &providers::attention::API,
        kill,
        ctx(headers, q, None),
    )
    .await
}

async fn truth_ids(
    State(tenants): Shared,
    Path(provider): Path<String>,
    RawQuery(q): RawQuery,
) -> Response {
    let bad = |message: String| http::json(StatusCode::BAD_REQUEST, &json!({ "error": message }));
    let Ok(p) = provider.parse::<Provider>() else {
        return http::json(
            StatusCode::NOT_FOUND,
            &json!({ "error": format!("unknown provider {provider:?}") }),
        );
    };
    let params = Params::parse(q.as_deref());
    let time = |name: &str| -> Result<DateTime<Utc>, Response> {
        let raw = params
            .get(name)
            .ok_or_else(|| bad(format!("{name} is required (RFC 3339)")))?;
        DateTime::parse_from_rfc3339(raw)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|_| bad(format!("{name} must be RFC 3339, got {raw:?}")))
    };
    let (from, to) = match (time("from"), time("to")) {
        (Ok(f), Ok(t)) => (f, t),
        (Err(e), _) | (_, Err(e)) => return e,
    };
    let state = tenants.get(params.get("account").and_then(tenant_of));
    http::json(
        StatusCode::OK,
        &json!({ "ids": truth::truth(&state.ds, p, from, to) }),
    )
}

async fn not_found(uri: Uri) -> Response {
    if uri.path().starts_with("/attendee/") {
        return providers::attendee::not_found();
    }
    http::json(
        StatusCode::NOT_FOUND,
        &json!({ "error": format!("no such endpoint: {}", uri.path()) }),
    )
}
