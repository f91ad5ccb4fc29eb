//! Starting and stopping a sandbox: the router, the listener, and the handle tests use.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;

use axum::Router;
use axum::extract::{ConnectInfo, Path, RawPathParams, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::Response;
use axum::routing::get;
use chrono::{DateTime, Utc};
use serde_json::json;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

use crate::data::Dataset;
pub use crate::handle::SandboxHandle;
use crate::http::{self, Ctx, Params};
use crate::listener::{KillSwitch, KillableListener};
use crate::providers::{self, Api};
use crate::tenants::{Tenants, tenant_of};
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

    /// Every variable meetkit reads to reach this sandbox, in a fixed order: per provider (in
    /// [`Provider::ALL`] order) its base URL, its other URLs (Zoom's OAuth endpoint) and the
    /// variables of its descriptor's first credential set.
    pub fn env(&self) -> Vec<(String, String)> {
        let mut pairs = Vec::new();
        for p in Provider::ALL {
            let info = meetkit::registry::info(p);
            pairs.push((info.base_url_var.to_owned(), self.base_url(p)));
            let handout = providers::handout(p);
            for (var, path) in handout.urls {
                pairs.push(((*var).to_owned(), format!("http://{}{path}", self.addr)));
            }
            let set = info.credentials.first().copied().unwrap_or_default();
            for (credential, value) in set.iter().zip(handout.credentials) {
                pairs.push((credential.env.to_owned(), (*value).to_owned()));
            }
        }
        pairs
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

    /// Credentials of tenant `name` for `p`, as an accounts-file entry: the keys of its
    /// descriptor's first credential set (and other URLs) without the provider prefix, the
    /// credential that names the tenant suffixed with it.
    pub fn account(&self, p: Provider, name: &str) -> serde_json::Value {
        let info = meetkit::registry::info(p);
        let handout = providers::handout(p);
        let unprefixed = |key: &'static str| {
            key.strip_prefix(p.as_str())
                .and_then(|k| k.strip_prefix('_'))
                .unwrap_or(key)
                .to_owned()
        };
        let mut entry = serde_json::Map::new();
        entry.insert("provider".to_owned(), json!(p.as_str()));
        entry.insert("name".to_owned(), json!(name));
        entry.insert("base_url".to_owned(), json!(self.base_url(p)));
        for (var, path) in handout.urls {
            if let Some(setting) = info.extra_settings.iter().find(|s| s.env == *var) {
                let url = format!("http://{}{path}", self.addr);
                entry.insert(unprefixed(setting.key), json!(url));
            }
        }
        let set = info.credentials.first().copied().unwrap_or_default();
        for (i, (credential, value)) in set.iter().zip(handout.credentials).enumerate() {
            let value = if i == handout.tenant_credential {
                credentials::for_tenant(value, Some(name))
            } else {
                (*value).to_owned()
            };
            entry.insert(unprefixed(credential.key), json!(value));
        }
        serde_json::Value::Object(entry)
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

    /// Gives the meeting `id` (provider-native) of `p` a new title, as if it were edited
    /// after a client listed it. Only Zoom (topic) and Attention (summary) have titles to
    /// change; returns false when `p` has none or no meeting has that id.
    pub fn retitle(&self, p: Provider, id: &str, title: &str) -> bool {
        if !crate::data::records_of(p).titled {
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

fn router(state: Arc<Tenants>) -> Router {
    let mut router = Router::new();
    for api in providers::apis() {
        router = router.route(
            api.route,
            get(
                move |State(tenants): Shared,
                      ConnectInfo(kill): ConnectInfo<KillSwitch>,
                      path: RawPathParams,
                      headers: HeaderMap,
                      RawQuery(q): RawQuery| {
                    list(tenants, api, kill, path, headers, q)
                },
            ),
        );
    }
    router
        .merge(providers::extra_routes())
        .route("/_sandbox/truth/{provider}", get(truth_ids))
        .fallback(not_found)
        .with_state(state)
}

type Shared = State<Arc<Tenants>>;

/// The one handler of every list operation: `api` says whose (see `providers::apis`).
async fn list(
    tenants: Arc<Tenants>,
    api: &'static Api,
    kill: KillSwitch,
    path: RawPathParams,
    headers: HeaderMap,
    query: Option<String>,
) -> Response {
    let ctx = Ctx {
        headers,
        params: Params::parse(query.as_deref()),
        // The route's path parameter (Zoom's user id), if it has one.
        path: path.iter().next().map(|(_, value)| value.to_owned()),
    };
    providers::serve_tenant(tenants, api, kill, ctx).await
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
    if let Some(answer) = providers::not_found(uri.path()) {
        return answer;
    }
    http::json(
        StatusCode::NOT_FOUND,
        &json!({ "error": format!("no such endpoint: {}", uri.path()) }),
    )
}
