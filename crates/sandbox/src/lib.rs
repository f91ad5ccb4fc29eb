//! meetkit-sandbox: a local stand-in for the five meeting providers' APIs.
//!
//! One loopback listener serves every provider under its own path prefix
//! (`/zoom/v2`, `/daily/v1`, `/telnyx/v2`, `/attendee`, `/attention/v2`), plus Zoom's
//! OAuth token endpoint and a ground-truth endpoint (`/_sandbox/truth/<provider>`,
//! `?account=NAME` for a tenant). Credentials ending in `~NAME` select tenant `NAME`, an
//! account with its own data, truth and rate limits (see `tenants`).
//!
//! The dataset is procedural: record `i` of a provider is a pure function of
//! `(seed, provider, i)` (see [`data`]), so a million meetings per provider cost nothing
//! to start. Start times grow with `i`, which makes every window filter a binary search
//! and every sort order an index order.
//!
//! ```no_run
//! # async fn demo() -> Result<(), meetkit_sandbox::SandboxError> {
//! use meetkit_sandbox::{Provider, Sandbox, SandboxConfig};
//! let handle = Sandbox::start(SandboxConfig::default()).await?;
//! println!("{}", handle.base_url(Provider::Zoom));
//! handle.shutdown().await;
//! # Ok(()) }
//! ```

// Handlers answer refusals with the provider's own `Response`; boxing them buys nothing.
#![allow(clippy::result_large_err)]

mod config;
pub mod credentials;
pub mod data;
pub mod drift;
mod faults;
mod handle;
mod http;
mod listener;
mod provider;
mod providers;
mod ratelimit;
mod server;
mod state;
mod tenants;
pub mod truth;

pub use config::{Faults, SandboxConfig};
pub use provider::{Provider, UnknownProvider};
pub use providers::{Handout, handout};
pub use server::{Sandbox, SandboxError, SandboxHandle};
