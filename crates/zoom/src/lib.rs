//! Client for the Zoom Reports API (`GET /report/users/{userId}/meetings`), its users list (`GET /users`) and Zoom's Server-to-Server OAuth token exchange.
//!
//! `generated.rs` is produced by `cargo xtask generate` from `specs/zoom.yaml` and never edited;
//! this file adds only what the spec cannot say: how to authenticate and where to connect.
//! Enums that come off the wire are open (`Unknown(..)`), so a value Zoom adds later never
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
    name: "Zoom",
    base_url: "https://api.zoom.us/v2",
    spec: "specs/zoom.yaml",
    scheme: Bearer,
}

impl Client {
    /// A client for Zoom's OAuth host (`https://zoom.us` in production) that authenticates the
    /// Server-to-Server token exchange with HTTP Basic `client_id:client_secret`.
    ///
    /// Use it for `create_access_token`; the minted token then goes to [`Client::connect`]
    /// against the API base URL.
    pub fn connect_oauth(
        oauth_base_url: &str,
        client_id: &str,
        client_secret: &Secret,
        options: &HttpOptions,
    ) -> Result<Self, BuildError> {
        let http = meetkit_client_support::http_client(options)?;
        Ok(Self::new_with_client(
            oauth_base_url,
            http,
            Auth::basic(client_id, client_secret)?,
        ))
    }
}

/// Zoom's production OAuth host; the token endpoint is `POST {DEFAULT_OAUTH_BASE_URL}/oauth/token`.
pub const DEFAULT_OAUTH_BASE_URL: &str = "https://zoom.us";
