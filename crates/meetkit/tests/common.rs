//! Shared setup of the core's tests against the sandbox.

#![allow(dead_code, missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::time::Duration;

use chrono::{DateTime, Utc};
use meetkit::{Client, Config, Provider, Window};
use meetkit_sandbox::{Faults, Sandbox, SandboxConfig, SandboxHandle};

pub fn sandbox_provider(p: Provider) -> meetkit_sandbox::Provider {
    p.as_str().parse().expect("same provider names")
}

pub async fn sandbox(meetings: usize, seed: u64, faults: Faults) -> SandboxHandle {
    Sandbox::start(SandboxConfig {
        seed,
        meetings,
        faults,
        ..SandboxConfig::default()
    })
    .await
    .expect("sandbox starts")
}

pub fn config_for(handle: &SandboxHandle) -> Config {
    let env: HashMap<String, String> = handle.env().into_iter().collect();
    let mut config =
        Config::from_lookup(|k| env.get(k).cloned()).expect("sandbox env is a valid config");
    // Faults are frequent in tests: retry fast and often.
    config.runtime.retry.base_delay = Duration::from_millis(2);
    config.runtime.retry.max_delay = Duration::from_millis(20);
    config.runtime.retry.max_retry_after = Duration::from_millis(50);
    config.runtime.retry.min_rate_limit_delay = Duration::from_millis(1);
    config.runtime.retry.max_attempts = 12;
    config.runtime.unthrottled();
    config
}

pub fn client_for(handle: &SandboxHandle) -> Client {
    Client::new(config_for(handle)).expect("client builds")
}

/// A window every provider can serve: inside Zoom's six months, reaching into the future.
pub fn recent_window(handle: &SandboxHandle) -> Window {
    let now = handle.now();
    Window::new(
        now - chrono::Duration::days(170),
        now + chrono::Duration::days(20),
    )
    .unwrap()
}

pub fn ids_of(meetings: &[meetkit::Meeting]) -> Vec<String> {
    let mut ids: Vec<String> = meetings.iter().map(|m| m.id.clone()).collect();
    ids.sort();
    ids
}

pub fn truth(
    handle: &SandboxHandle,
    p: Provider,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<String> {
    let mut ids = handle.truth(sandbox_provider(p), from, to);
    ids.sort();
    ids
}
