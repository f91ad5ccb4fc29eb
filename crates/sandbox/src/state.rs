//! The state every request handler shares.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

use crate::SandboxConfig;
use crate::data::Dataset;
use crate::faults::FaultDice;
use crate::ratelimit::RateLimiter;

/// Everything a running sandbox knows.
#[derive(Debug)]
pub struct AppState {
    /// The procedural dataset (and its inserted records).
    pub ds: Dataset,
    /// How the sandbox was started.
    pub config: SandboxConfig,
    /// Fault decisions.
    pub dice: FaultDice,
    /// Rate-limit windows.
    pub limiter: RateLimiter,
    /// Zoom access tokens minted by the OAuth endpoint, with when they expire.
    pub zoom_tokens: Mutex<HashMap<String, Instant>>,
    /// When the sandbox started (real clock), the epoch of Zoom page tokens.
    pub started: Instant,
    /// `127.0.0.1:PORT`, for requests without a Host header.
    pub authority: String,
}
