//! The runtime's promises: token expiry, re-minting, the six-month rule, partial failure,
//! inserts while paging, next URLs on other origins, redirects, secrets, limits and filters.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::IntoResponse;
use axum::routing::get;
use common::*;
use futures::StreamExt;
use meetkit::{Client, Config, Filters, Provider, ProviderErrorKind, Query, Secret, Window};
use meetkit_sandbox::{Faults, Sandbox, SandboxConfig};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn zoom_expired_page_tokens_resume_and_lose_nothing() {
    // Tokens live 30 ms and every request takes 20 ms: most next_page_tokens expire.
    let faults = Faults {
        latency: Duration::from_millis(20),
        ..Faults::default()
    };
    let handle = Sandbox::start(SandboxConfig {
        seed: 3,
        meetings: 1200,
        zoom_token_ttl: Duration::from_millis(30),
        per_provider_faults: [(meetkit_sandbox::Provider::Zoom, faults)].into(),
        ..SandboxConfig::default()
    })
    .await
    .unwrap();
    let mut config = config_for(&handle);
    config.runtime.page_sizes.insert(Provider::Zoom, 30);
    let client = Client::new(config).unwrap();
    let window = recent_window(&handle);
    let listing = client
        .collect(&Query::new(window).providers([Provider::Zoom]))
        .await
        .unwrap();
    assert!(listing.errors.is_empty(), "{:?}", listing.errors);
    assert_eq!(
        ids_of(&listing.meetings),
        truth(&handle, Provider::Zoom, window.from(), window.to())
    );
    handle.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn zoom_access_token_is_reminted_once_on_401() {
    let handle = sandbox(300, 4, Faults::default()).await;
    let client = client_for(&handle);
    let window = recent_window(&handle);
    let query = Query::new(window).providers([Provider::Zoom]);
    let first = client.collect(&query).await.unwrap();
    assert!(first.errors.is_empty());
    // Every token minted so far now answers 401; the client must mint a new one and go on.
    handle.expire_zoom_tokens();
    let second = client.collect(&query).await.unwrap();
    assert!(second.errors.is_empty(), "{:?}", second.errors);
    assert_eq!(ids_of(&first.meetings), ids_of(&second.meetings));
    handle.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn zoom_windows_older_than_six_months_are_an_error_or_a_warning() {
    let handle = sandbox(600, 5, Faults::default()).await;
    let client = client_for(&handle);
    let now = handle.now();
    let window = Window::new(
        now - chrono::Duration::days(240),
        now - chrono::Duration::days(100),
    )
    .unwrap();
    let strict = client
        .collect(&Query::new(window).providers([Provider::Zoom]))
        .await
        .unwrap();
    assert_eq!(strict.errors.len(), 1);
    let error = &strict.errors[0];
    assert_eq!(error.kind, ProviderErrorKind::WindowUnavailable);
    assert!(error.to_string().contains("six months"), "{error}");
    // The servable part is still listed.
    let servable_from = strict.meetings.iter().map(|m| m.start).min().unwrap();
    assert!(servable_from > now - chrono::Duration::days(190));

    let lenient = client
        .collect(&Query::new(window).providers([Provider::Zoom]).lenient(true))
        .await
        .unwrap();
    assert!(lenient.errors.is_empty());
    assert_eq!(lenient.warnings.len(), 1);
    assert_eq!(ids_of(&lenient.meetings), ids_of(&strict.meetings));
    handle.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_provider_failing_leaves_the_others_intact() {
    let handle = sandbox(400, 6, Faults::default()).await;
    let mut config = config_for(&handle);
    config.api_key_mut(Provider::Daily).unwrap().api_key = Secret::new("wrong-daily-key");
    let client = Client::new(config).unwrap();
    let window = recent_window(&handle);
    let listing = client.collect(&Query::new(window)).await.unwrap();
    assert!(!listing.errors.is_empty());
    assert!(
        listing
            .errors
            .iter()
            .all(|e| e.provider == Provider::Daily && e.kind == ProviderErrorKind::Auth)
    );
    assert!(
        listing.errors[0].to_string().contains("DAILY_API_KEY"),
        "{}",
        listing.errors[0]
    );
    for provider in [
        Provider::Zoom,
        Provider::Telnyx,
        Provider::Attendee,
        Provider::Attention,
    ] {
        let mine: Vec<_> = listing
            .meetings
            .iter()
            .filter(|m| m.provider == provider)
            .cloned()
            .collect();
        assert_eq!(
            ids_of(&mine),
            truth(&handle, provider, window.from(), window.to()),
            "{provider}"
        );
    }
    assert!(
        listing
            .meetings
            .iter()
            .all(|m| m.provider != Provider::Daily)
    );
    handle.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn inserts_while_paging_lose_nothing_and_duplicate_nothing() {
    let faults = Faults {
        inserts_per_page: 3,
        ..Faults::default()
    };
    let handle = sandbox(1500, 7, faults).await;
    let mut config = config_for(&handle);
    config.runtime.page_sizes.insert(Provider::Telnyx, 20);
    config.runtime.page_sizes.insert(Provider::Zoom, 40);
    let client = Client::new(config).unwrap();
    let window = recent_window(&handle);
    for provider in Provider::ALL {
        let before = truth(&handle, provider, window.from(), window.to());
        let listing = client
            .collect(&Query::new(window).providers([provider]))
            .await
            .unwrap();
        let after = truth(&handle, provider, window.from(), window.to());
        assert!(
            listing.errors.is_empty(),
            "{provider}: {:?}",
            listing.errors
        );
        let got = ids_of(&listing.meetings);
        let mut unique = got.clone();
        unique.dedup();
        assert_eq!(got, unique, "{provider}: duplicates");
        let missing: Vec<_> = before
            .iter()
            .filter(|id| got.binary_search(id).is_err())
            .collect();
        assert!(missing.is_empty(), "{provider}: missing {missing:?}");
        assert!(
            got.iter().all(|id| after.binary_search(id).is_ok()),
            "{provider}: ids that never existed"
        );
    }
    handle.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn limit_stops_the_listing() {
    let handle = sandbox(800, 8, Faults::default()).await;
    let client = client_for(&handle);
    let listing = client
        .collect(&Query::new(recent_window(&handle)).limit(Some(17)))
        .await
        .unwrap();
    assert_eq!(listing.meetings.len(), 17);
    handle.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn filters_a_named_provider_cannot_apply_are_errors_and_drop_implied_ones() {
    let handle = sandbox(200, 9, Faults::default()).await;
    let client = client_for(&handle);
    let window = recent_window(&handle);
    let filters = Filters {
        room: Some("standup".to_owned()),
        ..Filters::default()
    };
    let named = client
        .list(
            &Query::new(window)
                .providers([Provider::Zoom])
                .filters(filters.clone()),
        )
        .await;
    let message = named.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(message.contains("zoom cannot filter by room"), "{message}");
    let implied = client
        .resolve_providers(&Query::new(window).filters(filters))
        .unwrap();
    assert_eq!(implied, vec![Provider::Daily, Provider::Telnyx]);
    let bad_uuid = client
        .list(
            &Query::new(window)
                .providers([Provider::Telnyx])
                .filters(Filters {
                    room: Some("not-a-uuid".to_owned()),
                    ..Filters::default()
                }),
        )
        .await;
    assert!(
        bad_uuid
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
            .contains("uuid")
    );
    handle.shutdown().await;
}

/// Requests a stub saw, with their Authorization headers.
type Seen = Arc<Mutex<Vec<Option<String>>>>;

async fn serve(router: axum::Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    format!("http://{addr}")
}

async fn record(State(seen): State<Seen>, headers: HeaderMap) -> impl IntoResponse {
    let auth = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    seen.lock().unwrap().push(auth);
    axum::Json(serde_json::json!({"next": null, "previous": null, "results": []}))
}

fn attendee_only(base_url: &str) -> Config {
    let mut config = Config::default();
    config.set_api_key(
        Provider::Attendee,
        meetkit::ApiKeyConfig {
            base_url: base_url.to_owned(),
            api_key: Secret::new("attendee-secret-key"),
        },
    );
    config
}

/// (Authorization, query) of each request a stub saw.
type SeenQueries = Arc<Mutex<Vec<(Option<String>, String)>>>;

/// The Attendee bot the stubs serve, `n`th of the day.
fn stub_bot(n: u32) -> serde_json::Value {
    serde_json::json!({"id": format!("bot_aaaaaaaaaaaaaaa{n}"), "meeting_url": "https://zoom.us/j/1",
        "state": "ended", "events": [], "join_at": format!("2026-11-01T1{n}:00:00Z"),
        "transcription_state": null, "recording_state": null, "deduplication_key": null,
        "metadata": null})
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_foreign_next_url_or_redirect_gets_no_credentials() {
    let foreign_seen: Seen = Arc::default();
    let foreign = serve(
        axum::Router::new()
            .route("/api/v1/bots", get(record))
            .with_state(Arc::clone(&foreign_seen)),
    )
    .await;
    // The foreign origin differs only by host spelling: localhost vs 127.0.0.1.
    let foreign = foreign.replace("127.0.0.1", "localhost");
    let next = format!("{foreign}/api/v1/bots?cursor=abc");
    let redirect_to = format!("{foreign}/api/v1/bots");
    let home_seen: SeenQueries = Arc::default();
    let home = serve(
        axum::Router::new()
            .route(
                "/next/api/v1/bots",
                get(
                    move |State(seen): State<SeenQueries>,
                          headers: HeaderMap,
                          axum::extract::RawQuery(query): axum::extract::RawQuery| {
                        let next = next.clone();
                        async move {
                            let auth = headers.get("authorization").and_then(|v| v.to_str().ok()).map(str::to_owned);
                            let query = query.unwrap_or_default();
                            let second = query.contains("cursor=abc");
                            seen.lock().unwrap().push((auth, query));
                            // The first page names another origin; the cursor leads to the last.
                            if second {
                                axum::Json(serde_json::json!({"next": null, "previous": null, "results": [stub_bot(1)]}))
                            } else {
                                axum::Json(serde_json::json!({"next": next, "previous": null, "results": [stub_bot(0)]}))
                            }
                        }
                    },
                ),
            )
            .route(
                "/redirect/api/v1/bots",
                get(move || {
                    let to = redirect_to.clone();
                    async move { axum::response::Redirect::temporary(&to) }
                }),
            )
            .with_state(Arc::clone(&home_seen)),
    )
    .await;
    // One Attendee window (7 days) around the stub's bots.
    let window = Window::new(
        "2026-10-30T00:00:00Z".parse().unwrap(),
        "2026-11-03T00:00:00Z".parse().unwrap(),
    )
    .unwrap();

    // A next URL on another origin: its cursor is asked of the configured origin.
    let client = Client::new(attendee_only(&format!("{home}/next"))).unwrap();
    let listing = client
        .collect(&Query::new(window).providers([Provider::Attendee]))
        .await
        .unwrap();
    assert!(listing.errors.is_empty(), "{:?}", listing.errors);
    assert_eq!(listing.meetings.len(), 2);
    let home_requests = home_seen.lock().unwrap().clone();
    assert_eq!(home_requests.len(), 2, "{home_requests:?}");
    assert!(
        home_requests[1].1.contains("cursor=abc"),
        "{home_requests:?}"
    );
    assert!(
        home_requests
            .iter()
            .all(|(auth, _)| auth.as_deref() == Some("Token attendee-secret-key"))
    );

    // A redirect is not followed.
    let client = Client::new(attendee_only(&format!("{home}/redirect"))).unwrap();
    let listing = client
        .collect(&Query::new(window).providers([Provider::Attendee]))
        .await
        .unwrap();
    assert_eq!(listing.errors.len(), 1, "{:?}", listing.errors);
    assert_eq!(listing.errors[0].kind, ProviderErrorKind::BadRequest);
    assert!(
        foreign_seen.lock().unwrap().is_empty(),
        "the foreign origin was contacted"
    );
}

/// A `tracing` writer that keeps everything written.
#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn secrets_never_reach_errors_or_trace_logs() {
    let capture = Capture::default();
    let writer = capture.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .finish();
    // Global: window fetches run on the runtime's worker threads. Only this test sets one.
    tracing::subscriber::set_global_default(subscriber)
        .expect("no other test installs a subscriber");

    let faults = Faults {
        rate_limit_rate: 0.1,
        server_error_rate: 0.1,
        reset_rate: 0.05,
        truncate_rate: 0.05,
        ..Faults::default()
    };
    let handle = sandbox(300, 10, faults).await;
    let mut config = config_for(&handle);
    config.api_key_mut(Provider::Attention).unwrap().api_key =
        Secret::new("wrong-attention-key-123");
    let client = Client::new(config.clone()).unwrap();
    let mut stream = client
        .list(&Query::new(recent_window(&handle)))
        .await
        .unwrap();
    let mut errors = Vec::new();
    while let Some(item) = stream.next().await {
        if let Err(e) = item {
            errors.push(format!("{e} {e:?}"));
        }
    }
    assert!(!errors.is_empty());
    let logs = String::from_utf8_lossy(&capture.0.lock().unwrap()).into_owned();
    assert!(logs.contains("retrying"), "trace logging was captured");
    let debug_config = format!("{config:?} {client:?}");
    let secrets = [
        meetkit_sandbox::handout(Provider::Daily).credentials[0],
        meetkit_sandbox::handout(Provider::Telnyx).credentials[0],
        meetkit_sandbox::handout(Provider::Attendee).credentials[0],
        meetkit_sandbox::credentials::ZOOM_CLIENT_SECRET,
        "wrong-attention-key-123",
    ];
    for secret in secrets {
        assert!(!logs.contains(secret), "{secret} in logs");
        assert!(!debug_config.contains(secret), "{secret} in Debug");
        for e in &errors {
            assert!(!e.contains(secret), "{secret} in error {e}");
        }
    }
    handle.shutdown().await;
}
