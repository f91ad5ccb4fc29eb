//! Client for the Zoom Reports API (`GET /report/users/{userId}/meetings`) and Zoom's Server-to-Server OAuth token exchange.
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

pub use generated::*;
pub use meetkit_client_support::{Auth, HttpOptions, Secret};

/// Requests go out through [`meetkit_client_support::execute`], which can show a page's record
/// fields to meetkit's drift check; this impl takes precedence over the generated default.
impl progenitor_client::ClientHooks<Auth> for Client {
    async fn exec(
        &self,
        request: reqwest::Request,
        _info: &progenitor_client::OperationInfo,
    ) -> reqwest::Result<reqwest::Response> {
        meetkit_client_support::execute(progenitor_client::ClientInfo::client(self), request).await
    }
}

/// Zoom's production API base URL.
pub const DEFAULT_BASE_URL: &str = "https://api.zoom.us/v2";

/// The client could not be built from the configuration given.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The credential cannot be sent in a header.
    #[error(transparent)]
    Credential(#[from] meetkit_client_support::InvalidCredential),
    /// The HTTP client could not be set up.
    #[error(transparent)]
    Http(#[from] meetkit_client_support::HttpClientError),
}

impl Client {
    /// A client for `base_url` that authenticates with `Authorization: Bearer <key>`.
    pub fn connect(
        base_url: &str,
        api_key: &Secret,
        options: &HttpOptions,
    ) -> Result<Self, BuildError> {
        let http = meetkit_client_support::http_client(options)?;
        Ok(Self::new_with_client(
            base_url,
            http,
            Auth::bearer(api_key)?,
        ))
    }
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
