//! Client for Daily's REST API (`GET /meetings`, meeting sessions).
//!
//! `generated.rs` is produced by `cargo xtask generate` from `specs/daily.yaml` and never edited;
//! this file adds only what the spec cannot say: how to authenticate and where to connect.
//! Enums that come off the wire are open (`Unknown(..)`), so a value Daily adds later never
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
    name: "Daily",
    base_url: "https://api.daily.co/v1",
    spec: "specs/daily.yaml",
    scheme: Bearer,
}
