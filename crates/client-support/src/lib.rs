//! What the five generated meetkit clients share, kept out of the generated code.
//!
//! - [`Secret`]: a credential whose `Debug` and `Display` never show the value.
//! - [`Auth`]: the `Authorization` header a client sends, in the provider's exact scheme,
//!   swappable at run time (Zoom re-mints its access token mid-run).
//! - [`HttpOptions`] / [`http_client`]: one `reqwest` client setup for every provider — rustls,
//!   a `meetkit/<version>` user agent, connect and read timeouts.
//!
//! - [`execute`] / [`capture_record_fields`]: how every generated client sends its requests,
//!   and the record field names of a page, for drift checks (see `fields.rs`).
//! - [`with_response_head`]: the status and headers of a response whose body did not decode.
//! - [`from_response`]: how every generated client decodes a body (sonic-rs, then serde_json
//!   for its error; see `decode.rs`), [`timestamp`]: how they read `date-time` fields.
//!
//! Every generated client is built with `Auth` as its inner value, [`Auth::apply`] as its
//! pre-request hook and [`note_response`] as its post-request hook (see `xtask/src/generate.rs`),
//! so the credential is attached per request and never baked into a shared `reqwest::Client`.

use std::fmt;
use std::sync::{Arc, Once, RwLock};
use std::time::Duration;

use base64::Engine as _;

mod decode;
pub use decode::{decode, from_response};
mod fields;
pub mod timestamp;
pub use fields::{capture_record_fields, execute, record_fields};
use reqwest::header::{AUTHORIZATION, HeaderValue};

mod request_log;
mod response_head;
pub use request_log::{RequestLog, capture_request_log};
pub use response_head::{ResponseHead, note_response, with_response_head};

/// The user agent every meetkit request carries.
pub const USER_AGENT: &str = concat!("meetkit/", env!("CARGO_PKG_VERSION"));

/// A credential (API key, client secret, access token). Its `Debug` and `Display` print
/// `[redacted]`; the value is reachable only through [`Secret::expose`].
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(Arc<str>);

impl Secret {
    /// Wraps a credential.
    pub fn new(value: impl Into<String>) -> Self {
        Self(Arc::from(value.into()))
    }

    /// The credential itself. Call only to put it on the wire.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// True when the credential is the empty string.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret([redacted])")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Self::new(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Self::new(value)
    }
}

/// How a provider wants its credential presented in the `Authorization` header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuthScheme {
    /// `Authorization: Bearer <secret>` (Zoom, Daily, Telnyx).
    Bearer,
    /// `Authorization: Token <secret>` (Attendee; `Bearer` is rejected there).
    Token,
    /// `Authorization: <secret>` (Attention).
    Bare,
    /// `Authorization: Basic base64(<user>:<secret>)` (Zoom's OAuth token endpoint).
    Basic,
}

/// The `Authorization` header a generated client attaches to every request.
///
/// Cloning shares the credential: [`Auth::rotate`] on one clone is seen by every client built
/// from it, which is how a re-minted Zoom token reaches requests already being planned.
#[derive(Clone)]
pub struct Auth {
    scheme: AuthScheme,
    header: Arc<RwLock<Option<HeaderValue>>>,
}

/// A credential that cannot be put in an HTTP header.
#[derive(Debug, thiserror::Error)]
#[error(
    "the {what} contains characters that cannot be sent in an HTTP header; check for stray newlines or quotes"
)]
pub struct InvalidCredential {
    what: &'static str,
}

impl Auth {
    /// No credential: requests go out without an `Authorization` header.
    pub fn none() -> Self {
        Self::unset(AuthScheme::Bare)
    }

    /// A credential in `scheme` that is not known yet (a Zoom token before it is minted):
    /// no header until [`Auth::rotate`] sets one.
    pub fn unset(scheme: AuthScheme) -> Self {
        Self {
            scheme,
            header: Arc::new(RwLock::new(None)),
        }
    }

    /// `Authorization: Bearer <secret>`.
    pub fn bearer(secret: &Secret) -> Result<Self, InvalidCredential> {
        Self::with_scheme(AuthScheme::Bearer, secret)
    }

    /// `Authorization: Token <secret>`.
    pub fn token(secret: &Secret) -> Result<Self, InvalidCredential> {
        Self::with_scheme(AuthScheme::Token, secret)
    }

    /// `Authorization: <secret>`.
    pub fn bare(secret: &Secret) -> Result<Self, InvalidCredential> {
        Self::with_scheme(AuthScheme::Bare, secret)
    }

    /// `Authorization: Basic base64(<user>:<secret>)`.
    pub fn basic(user: &str, secret: &Secret) -> Result<Self, InvalidCredential> {
        let pair = format!("{user}:{}", secret.expose());
        let encoded = base64::engine::general_purpose::STANDARD.encode(pair);
        Ok(Self {
            scheme: AuthScheme::Basic,
            header: Arc::new(RwLock::new(Some(header_value(
                AuthScheme::Basic,
                &encoded,
            )?))),
        })
    }

    /// The credential in `scheme`.
    pub fn with_scheme(scheme: AuthScheme, secret: &Secret) -> Result<Self, InvalidCredential> {
        let auth = Self::unset(scheme);
        auth.rotate(secret)?;
        Ok(auth)
    }

    /// The scheme this credential is sent in.
    pub fn scheme(&self) -> AuthScheme {
        self.scheme
    }

    /// Replaces the credential for every client sharing this `Auth` (same scheme).
    pub fn rotate(&self, secret: &Secret) -> Result<(), InvalidCredential> {
        let value = header_value(self.scheme, secret.expose())?;
        let mut slot = self
            .header
            .write()
            .unwrap_or_else(|poison| poison.into_inner());
        *slot = Some(value);
        Ok(())
    }

    /// The pre-request hook of every generated client: sets the `Authorization` header, and
    /// drops the `api-version` header progenitor adds from the spec's `info.version` (no
    /// provider asks for it, and it would only leak our spec's numbering).
    pub fn apply(&self, request: &mut reqwest::Request) {
        request.headers_mut().remove("api-version");
        request_log::note_request(request);
        let slot = self
            .header
            .read()
            .unwrap_or_else(|poison| poison.into_inner());
        if let Some(value) = slot.as_ref() {
            request.headers_mut().insert(AUTHORIZATION, value.clone());
        }
    }
}

impl fmt::Debug for Auth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Auth")
            .field("scheme", &self.scheme)
            .field("credential", &"[redacted]")
            .finish()
    }
}

fn header_value(scheme: AuthScheme, secret: &str) -> Result<HeaderValue, InvalidCredential> {
    let text = match scheme {
        AuthScheme::Bearer => format!("Bearer {secret}"),
        AuthScheme::Token => format!("Token {secret}"),
        AuthScheme::Bare => secret.to_owned(),
        AuthScheme::Basic => format!("Basic {secret}"),
    };
    let mut value =
        HeaderValue::from_str(&text).map_err(|_| InvalidCredential { what: "credential" })?;
    // Keeps the value out of HTTP/2 header compression tables and out of reqwest's Debug.
    value.set_sensitive(true);
    Ok(value)
}

/// Settings of the HTTP client shared by every provider.
#[derive(Clone, Debug)]
pub struct HttpOptions {
    /// Time allowed to open a connection (TCP + TLS).
    pub connect_timeout: Duration,
    /// Time allowed between bytes of a response (a stalled body fails instead of hanging).
    pub read_timeout: Duration,
    /// Time allowed for a whole request, response body included.
    pub request_timeout: Duration,
    /// Idle connections kept per host.
    pub pool_max_idle_per_host: usize,
}

impl Default for HttpOptions {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(30),
            request_timeout: Duration::from_secs(120),
            pool_max_idle_per_host: 32,
        }
    }
}

/// The HTTP client could not be built (the TLS setup failed).
#[derive(Debug, thiserror::Error)]
#[error("could not set up the HTTP client: {0}")]
pub struct HttpClientError(#[source] reqwest::Error);

/// Builds the `reqwest` client every generated meetkit client runs on: rustls with the
/// platform's roots, `meetkit/<version>` user agent, the timeouts of `options`, no redirects
/// (a redirect could carry credentials to another origin; meetkit follows none).
pub fn http_client(options: &HttpOptions) -> Result<reqwest::Client, HttpClientError> {
    install_crypto_provider();
    reqwest::Client::builder()
        .user_agent(USER_AGENT)
        .connect_timeout(options.connect_timeout)
        .read_timeout(options.read_timeout)
        .timeout(options.request_timeout)
        .pool_max_idle_per_host(options.pool_max_idle_per_host)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(HttpClientError)
}

fn install_crypto_provider() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        // Another crate may have installed one first; either is fine.
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header_of(auth: &Auth) -> Option<String> {
        let mut request = reqwest::Request::new(
            reqwest::Method::GET,
            "http://127.0.0.1/"
                .parse()
                .unwrap_or_else(|_| unreachable!()),
        );
        auth.apply(&mut request);
        request
            .headers()
            .get(AUTHORIZATION)
            .map(|v| v.to_str().unwrap_or_default().to_owned())
    }

    #[test]
    fn schemes_produce_exact_headers() -> Result<(), InvalidCredential> {
        let secret = Secret::new("k3y");
        assert_eq!(
            header_of(&Auth::bearer(&secret)?).as_deref(),
            Some("Bearer k3y")
        );
        assert_eq!(
            header_of(&Auth::token(&secret)?).as_deref(),
            Some("Token k3y")
        );
        assert_eq!(header_of(&Auth::bare(&secret)?).as_deref(), Some("k3y"));
        // base64("id:k3y")
        assert_eq!(
            header_of(&Auth::basic("id", &secret)?).as_deref(),
            Some("Basic aWQ6azN5")
        );
        assert_eq!(header_of(&Auth::none()), None);
        Ok(())
    }

    #[test]
    fn the_progenitor_api_version_header_is_not_sent() -> Result<(), InvalidCredential> {
        let mut request = reqwest::Request::new(
            reqwest::Method::GET,
            "http://127.0.0.1/"
                .parse()
                .unwrap_or_else(|_| unreachable!()),
        );
        request.headers_mut().insert(
            "api-version",
            reqwest::header::HeaderValue::from_static("2.0.0"),
        );
        Auth::bearer(&Secret::new("k"))?.apply(&mut request);
        assert!(request.headers().get("api-version").is_none());
        Ok(())
    }

    #[test]
    fn rotation_is_shared_between_clones() -> Result<(), InvalidCredential> {
        let auth = Auth::bearer(&Secret::new("old"))?;
        let clone = auth.clone();
        auth.rotate(&Secret::new("new"))?;
        assert_eq!(header_of(&clone).as_deref(), Some("Bearer new"));
        Ok(())
    }

    #[test]
    fn secrets_never_print() -> Result<(), InvalidCredential> {
        let secret = Secret::new("sk_live_do_not_print");
        let auth = Auth::bearer(&secret)?;
        for shown in [
            format!("{secret:?}"),
            format!("{secret}"),
            format!("{auth:?}"),
        ] {
            assert!(!shown.contains("do_not_print"), "{shown}");
        }
        Ok(())
    }

    #[test]
    fn newline_in_credential_is_an_error_not_a_panic() {
        let err = Auth::bearer(&Secret::new("abc\ndef")).err();
        assert!(err.is_some());
    }

    #[test]
    fn http_client_builds() {
        assert!(http_client(&HttpOptions::default()).is_ok());
    }
}

/// A generated client could not be built from the configuration given.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The credential cannot be sent in a header.
    #[error(transparent)]
    Credential(#[from] InvalidCredential),
    /// The HTTP client could not be set up.
    #[error(transparent)]
    Http(#[from] HttpClientError),
}

/// What every provider client crate adds to its generated `Client`, written once: the
/// production base URL as `DEFAULT_BASE_URL`, its spec as `SPEC_PATH` (relative to the
/// repository) and `SPEC` (the text, read at build time from `crates/<p>/src/lib.rs`), the
/// re-exports its users need and `Client::connect`, which authenticates with the provider's
/// scheme. Each crate's `lib.rs` keeps only what truly differs (its name, base URL, spec,
/// scheme and any extra endpoint).
#[macro_export]
macro_rules! client_crate {
    (name: $name:literal, base_url: $url:literal, spec: $spec:literal, scheme: $scheme:ident $(,)?) => {
        pub use generated::*;
        pub use $crate::{Auth, BuildError, HttpOptions, Secret};

        #[doc = concat!($name, "'s production API base URL.")]
        pub const DEFAULT_BASE_URL: &str = $url;

        #[doc = concat!("Where ", $name, "'s spec lives, relative to the repository.")]
        pub const SPEC_PATH: &str = $spec;

        #[doc = concat!($name, "'s spec (the OpenAPI document `generated.rs` is made from).")]
        pub const SPEC: &str = include_str!(concat!("../../../", $spec));

        impl Client {
            #[doc = $crate::connect_doc!($scheme)]
            pub fn connect(
                base_url: &str,
                api_key: &Secret,
                options: &HttpOptions,
            ) -> Result<Self, BuildError> {
                let http = $crate::http_client(options)?;
                Ok(Self::new_with_client(
                    base_url,
                    http,
                    Auth::with_scheme($crate::AuthScheme::$scheme, api_key)?,
                ))
            }
        }

        /// Requests go out through [`execute`]($crate::execute), which can show
        /// a page's record fields to meetkit's drift check; this impl takes precedence over the
        /// generated default.
        impl progenitor_client::ClientHooks<Auth> for Client {
            async fn exec(
                &self,
                request: reqwest::Request,
                _info: &progenitor_client::OperationInfo,
            ) -> reqwest::Result<reqwest::Response> {
                $crate::execute(progenitor_client::ClientInfo::client(self), request).await
            }
        }
    };
}

/// The doc of a generated `Client::connect`: the `Authorization` header its scheme sends.
#[doc(hidden)]
#[macro_export]
macro_rules! connect_doc {
    (Bearer) => {
        "A client for `base_url` that authenticates with `Authorization: Bearer <key>`."
    };
    (Token) => {
        "A client for `base_url` that authenticates with `Authorization: Token <key>`."
    };
    (Bare) => {
        "A client for `base_url` that authenticates with `Authorization: <key>`."
    };
    (Basic) => {
        "A client for `base_url` that authenticates with HTTP Basic `<user>:<key>`."
    };
}
