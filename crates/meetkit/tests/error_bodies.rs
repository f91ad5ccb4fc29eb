//! Error answers whose body is not the provider's JSON (an empty 400, a proxy's HTML 502):
//! the HTTP status is kept and decides retrying, and the start of the body is quoted.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use common::*;
use meetkit::{Client, Config, Provider, ProviderErrorKind, Query, Secret, Window};
use meetkit_sandbox::{Faults, Sandbox, SandboxConfig};

/// A server that answers every request with `status` and an empty body, counting them.
async fn empty_answers(status: StatusCode) -> (String, Arc<AtomicUsize>) {
    let count = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&count);
    let router = axum::Router::new().fallback(move || {
        let seen = Arc::clone(&seen);
        async move {
            seen.fetch_add(1, Ordering::SeqCst);
            (status, [(header::CONTENT_TYPE, "text/plain")], "").into_response()
        }
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    (format!("http://{addr}"), count)
}

fn one_day() -> Window {
    Window::new(
        "2026-11-01T00:00:00Z".parse().unwrap(),
        "2026-11-02T00:00:00Z".parse().unwrap(),
    )
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_empty_400_keeps_its_status_and_is_not_retried() {
    for provider in [
        Provider::Daily,
        Provider::Telnyx,
        Provider::Attendee,
        Provider::Attention,
    ] {
        let (base_url, requests) = empty_answers(StatusCode::BAD_REQUEST).await;
        let mut config = Config::default();
        config.set_api_key(
            provider,
            meetkit::ApiKeyConfig {
                base_url,
                api_key: Secret::new("key"),
            },
        );
        config.runtime.retry.base_delay = std::time::Duration::from_millis(1);
        let client = Client::new(config).unwrap();
        let listing = client
            .collect(&Query::new(one_day()).providers([provider]))
            .await
            .unwrap();
        assert_eq!(listing.errors.len(), 1, "{provider}: {:?}", listing.errors);
        let error = &listing.errors[0];
        assert_eq!(
            (error.status, error.kind, error.attempts),
            (Some(400), ProviderErrorKind::BadRequest, 1),
            "{provider}: {error}"
        );
        assert!(error.to_string().contains("400"), "{provider}: {error}");
        assert_eq!(requests.load(Ordering::SeqCst), 1, "{provider}: retried");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_proxy_html_502_keeps_its_status_is_retried_and_is_quoted() {
    let proxy_down = Faults {
        proxy_error_rate: 1.0,
        ..Faults::default()
    };
    let handle = Sandbox::start(SandboxConfig {
        seed: 31,
        meetings: 200,
        faults: proxy_down,
        ..SandboxConfig::default()
    })
    .await
    .unwrap();
    let config = config_for(&handle);
    let attempts = config.runtime.retry.max_attempts;
    let client = Client::new(config).unwrap();
    let now = handle.now();
    let window = Window::new(now - chrono::Duration::days(2), now).unwrap();
    for provider in [
        Provider::Daily,
        Provider::Telnyx,
        Provider::Attendee,
        Provider::Attention,
    ] {
        let listing = client
            .collect(&Query::new(window).providers([provider]))
            .await
            .unwrap();
        assert_eq!(listing.errors.len(), 1, "{provider}: {:?}", listing.errors);
        let error = &listing.errors[0];
        assert_eq!(
            (error.status, error.kind, error.attempts),
            (Some(502), ProviderErrorKind::Server, attempts),
            "{provider}: {error}"
        );
        let text = error.to_string();
        assert!(
            text.contains("<head><title>502 Bad Gateway</title></head>"),
            "{provider}: the body's start is quoted on one line: {text}"
        );
    }
    handle.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn listings_through_a_flaky_proxy_equal_ground_truth() {
    let flaky = Faults {
        proxy_error_rate: 0.2,
        ..Faults::default()
    };
    let handle = sandbox(600, 32, flaky).await;
    let client = client_for(&handle);
    let window = recent_window(&handle);
    for provider in Provider::ALL {
        let listing = client
            .collect(&Query::new(window).providers([provider]))
            .await
            .unwrap();
        assert!(
            listing.errors.is_empty(),
            "{provider}: {:?}",
            listing.errors
        );
        assert_eq!(
            ids_of(&listing.meetings),
            truth(&handle, provider, window.from(), window.to()),
            "{provider}"
        );
    }
    handle.shutdown().await;
}
