//! Attendee as real deployments serve it: behind a proxy whose `next` URLs name another
//! origin, and with app sessions beside the bots.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use common::*;
use meetkit::{AttendeeKind, Extension, MeetingStatus, Provider, Query, Window};
use meetkit_sandbox::{Faults, Sandbox, SandboxConfig};

/// A listener standing for the origin a proxy's `next` URLs name; counts connections.
async fn other_origin() -> (String, Arc<AtomicUsize>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let connections = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&connections);
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            counter.fetch_add(1, Ordering::SeqCst);
            drop(socket);
        }
    });
    (format!("http://{addr}"), connections)
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
async fn next_urls_on_another_origin_finish_the_listing_against_the_configured_one() {
    let capture = Capture::default();
    let writer = capture.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_writer(move || writer.clone())
        .finish();
    // Global: window fetches run on the runtime's worker threads. Only this test sets one.
    tracing::subscriber::set_global_default(subscriber)
        .expect("no other test installs a subscriber");

    let (other, connections) = other_origin().await;
    // A proxy that rewrites Host, and TLS ended in front of Attendee without
    // X-Forwarded-Proto (the same host and port, but https).
    let sandbox_port = {
        let probe = Sandbox::start(SandboxConfig::default()).await.unwrap();
        let port = probe.addr().port();
        probe.shutdown().await;
        port
    };
    for origin in [other.clone(), format!("https://127.0.0.1:{sandbox_port}")] {
        let handle = Sandbox::start(SandboxConfig {
            port: sandbox_port,
            seed: 41,
            meetings: 1500,
            next_origin: Some(origin.clone()),
            ..SandboxConfig::default()
        })
        .await
        .unwrap();
        let client = client_for(&handle);
        let window = recent_window(&handle);
        let listing = client
            .collect(&Query::new(window).providers([Provider::Attendee]))
            .await
            .unwrap();
        assert!(listing.errors.is_empty(), "{origin}: {:?}", listing.errors);
        let expected = truth(&handle, Provider::Attendee, window.from(), window.to());
        // Many windows of more than one page each: every one went past its first page.
        assert!(expected.len() > 300, "{}", expected.len());
        assert_eq!(ids_of(&listing.meetings), expected, "{origin}");
        handle.shutdown().await;
    }
    assert_eq!(
        connections.load(Ordering::SeqCst),
        0,
        "the other origin was contacted"
    );
    let logs = String::from_utf8_lossy(&capture.0.lock().unwrap()).into_owned();
    let noted = logs.matches("only their cursor is used").count();
    // Once per listing (each listing builds its adapter), not once per page.
    assert_eq!(noted, 2, "{logs}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn app_sessions_are_listed_as_app_sessions_and_their_states_mapped() {
    // Dense enough that the last hour holds app sessions in every live state.
    let handle = sandbox(2_000_000, 42, Faults::default()).await;
    let client = client_for(&handle);
    let now = handle.now();
    let window = Window::new(now - chrono::Duration::hours(3), now).unwrap();
    let listing = client
        .collect(&Query::new(window).providers([Provider::Attendee]))
        .await
        .unwrap();
    assert!(listing.errors.is_empty(), "{:?}", listing.errors);
    assert_eq!(
        ids_of(&listing.meetings),
        truth(&handle, Provider::Attendee, window.from(), window.to())
    );
    let mut app_states = Vec::new();
    for m in &listing.meetings {
        let Extension::Attendee(ext) = &m.extension else {
            panic!("not an Attendee extension: {m:?}");
        };
        let state = m.status_raw.as_deref().unwrap();
        if m.id.starts_with("app_") {
            assert_eq!(ext.kind, AttendeeKind::AppSession, "{}", m.id);
            app_states.push(state.to_owned());
            if matches!(state, "connecting" | "connected" | "disconnecting") {
                assert_eq!(m.status, MeetingStatus::InProgress, "{}: {state}", m.id);
            }
        } else {
            assert_eq!(ext.kind, AttendeeKind::Bot, "{}", m.id);
            assert!(!matches!(
                state,
                "connecting" | "connected" | "disconnecting"
            ));
        }
        let json = serde_json::to_value(m).unwrap();
        let kind = json["extension"]["kind"].as_str().unwrap();
        assert_eq!(kind == "app_session", m.id.starts_with("app_"), "{json}");
    }
    for state in ["connecting", "connected", "disconnecting", "ended"] {
        assert!(
            app_states.iter().any(|s| s == state),
            "{state}: {app_states:?}"
        );
    }
    handle.shutdown().await;
}
