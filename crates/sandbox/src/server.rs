//! Starting and stopping a sandbox: the router, the listener, and the handle tests use.

use std::collections::HashMap;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};
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
use crate::faults::FaultDice;
use crate::http::{self, Ctx, Params};
use crate::listener::{KillSwitch, KillableListener};
use crate::providers::{self, Api};
use crate::ratelimit::RateLimiter;
use crate::state::AppState;
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
        let state = Arc::new(AppState {
            ds: Dataset::new(config.seed, config.meetings, now),
            dice: FaultDice::new(config.seed),
            limiter: RateLimiter::default(),
            zoom_tokens: Mutex::new(HashMap::new()),
            started: Instant::now(),
            authority: addr.to_string(),
            requests: Default::default(),
            counts: Mutex::new(HashMap::new()),
            config,
        });
        let app = router(state.clone());
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
        self.state.request_count(p)
    }

    /// Expires every Zoom access token minted so far (the static one keeps working), so a
    /// client's "re-mint on 401 once" path can be tested without waiting an hour.
    pub fn expire_zoom_tokens(&self) {
        if let Ok(mut tokens) = self.state.zoom_tokens.lock() {
            let now = Instant::now();
            tokens.values_mut().for_each(|expires| *expires = now);
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

fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/zoom/oauth/token", post(zoom_oauth))
        .route("/zoom/v2/report/users/{user_id}/meetings", get(zoom_report))
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

type Shared = State<Arc<AppState>>;

fn ctx(headers: HeaderMap, query: Option<String>, path: Option<String>) -> Ctx {
    Ctx {
        headers,
        params: Params::parse(query.as_deref()),
        path,
    }
}

async fn run(state: Arc<AppState>, api: &'static Api, kill: KillSwitch, ctx: Ctx) -> Response {
    providers::serve(state, api, kill, ctx).await
}

async fn zoom_oauth(State(state): Shared, headers: HeaderMap, RawQuery(q): RawQuery) -> Response {
    providers::zoom::mint_token(&state, &ctx(headers, q, None))
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
    State(state): Shared,
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
