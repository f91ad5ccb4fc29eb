//! Client for Telnyx Video's REST API (`GET /room_recordings`).
//!
//! `generated.rs` is produced by `cargo xtask generate` from `specs/telnyx.yaml` and never edited;
//! this file adds only what the spec cannot say: how to authenticate and where to connect.
//! Enums that come off the wire are open (`Unknown(..)`), so a value Telnyx adds later never
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
    name: "Telnyx",
    base_url: "https://api.telnyx.com/v2",
    spec: "specs/telnyx.yaml",
    scheme: Bearer,
}
