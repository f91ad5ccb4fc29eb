//! Client for Attention's REST API (`GET /v2/recorder_metrics/all_meetings`).
//!
//! `generated.rs` is produced by `cargo xtask generate` from `specs/attention.yaml` and never edited;
//! this file adds only what the spec cannot say: how to authenticate and where to connect.
//! Enums that come off the wire are open (`Unknown(..)`), so a value Attention adds later never
//! fails a page.

#[rustfmt::skip]
#[allow(
    clippy::all,
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    missing_docs,
    unused_imports,
    unreachable_patterns,
    rust_2018_idioms
)]
mod generated;

meetkit_client_support::client_crate! {
    name: "Attention",
    base_url: "https://api.attention.tech/v2",
    spec: "specs/attention.yaml",
    scheme: Bare,
}
