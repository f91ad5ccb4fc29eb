//! Client for Attendee's REST API (`GET /api/v1/bots`).
//!
//! `generated.rs` is produced by `cargo xtask generate` from `specs/attendee.yaml` and never edited;
//! this file adds only what the spec cannot say: how to authenticate and where to connect.
//! Enums that come off the wire are open (`Unknown(..)`), so a value Attendee adds later never
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
    name: "Attendee",
    base_url: "https://app.attendee.dev",
    spec: "specs/attendee.yaml",
    scheme: Token,
}
