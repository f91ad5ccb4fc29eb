//! Typed errors: configuration, query, and one provider/window failing.
//!
//! Every message names what was wrong and what to do. No error ever holds a credential: they
//! are built from statuses, provider error codes and messages, never from request headers.

use std::borrow::Cow;
use std::fmt;
use std::time::Duration;

use crate::model::Provider;
pub use crate::query::QueryError;
use crate::query::Window;

/// Anything meetkit can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The configuration (credentials, base URLs, options) is wrong or incomplete.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// The query cannot be run as asked.
    #[error(transparent)]
    Query(#[from] QueryError),
    /// A provider failed.
    #[error(transparent)]
    Provider(#[from] ProviderError),
}

/// The configuration is wrong or incomplete.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ConfigError {
    /// No credentials for a provider that was asked for.
    #[error("{provider} is not configured: set {hint}")]
    NotConfigured {
        /// The provider.
        provider: Provider,
        /// Which variables or settings would configure it.
        hint: &'static str,
    },
    /// No provider has credentials at all.
    #[error(
        "no provider is configured: set the credentials of at least one (see `meetkit providers`), or run `meetkit demo` to try the sandbox"
    )]
    NothingConfigured,
    /// A base URL that does not parse.
    #[error("{name} is not a valid URL ({value:?}): {reason}")]
    InvalidUrl {
        /// The setting or variable.
        name: String,
        /// Its value.
        value: String,
        /// Why it failed.
        reason: String,
    },
    /// A plain-http base URL to a host that is not loopback.
    #[error(
        "{name} is {value}, which is not https: credentials would travel in clear text. Use https, or allow it explicitly (allow_insecure / --allow-insecure) if this is a trusted test server"
    )]
    InsecureUrl {
        /// The setting or variable.
        name: String,
        /// Its value.
        value: String,
    },
    /// Only some of Zoom's Server-to-Server OAuth credentials are set.
    #[error(
        "Zoom Server-to-Server OAuth needs ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET together; {missing} is missing (or set ZOOM_ACCESS_TOKEN instead)"
    )]
    PartialZoomCredentials {
        /// The missing variable.
        missing: &'static str,
    },
    /// A credential that cannot be sent (newline, control characters).
    #[error(
        "{name} contains characters that cannot be sent in an HTTP header; check for stray newlines or quotes"
    )]
    InvalidCredential {
        /// The setting or variable.
        name: String,
    },
    /// The HTTP client could not be set up.
    #[error("could not set up the HTTP client: {0}")]
    Http(String),
    /// A named account that cannot be used: a bad entry, a missing variable it refers to, an
    /// unknown provider, a duplicate name. `place` names the file and line, or the account.
    #[error("{place}: {reason}")]
    InvalidAccount {
        /// Where: `accounts file accounts.jsonl line 3`, `account zoom/acme`.
        place: String,
        /// What is wrong and what to do.
        reason: String,
    },
    /// `--account` named an account no provider has.
    #[error(
        "no configured provider has an account named {name:?} (accounts: {known}); check the name or add the account"
    )]
    UnknownAccount {
        /// The name asked for.
        name: String,
        /// The accounts there are.
        known: String,
    },
    /// An option out of range.
    #[error("{name} {reason}")]
    InvalidOption {
        /// The option.
        name: String,
        /// What is wrong with it.
        reason: String,
    },
}

/// What kind of provider failure this is; decides retrying and exit codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ProviderErrorKind {
    /// Credentials missing, wrong or expired (401, Daily's 400 authorization-header-error).
    Auth,
    /// Authenticated but not allowed (Zoom code 200, 403).
    Permission,
    /// Still rate limited after every retry.
    RateLimited,
    /// The user or resource does not exist (Zoom 1001).
    NotFound,
    /// The provider rejected the request (400/422).
    BadRequest,
    /// The provider kept failing (5xx) after every retry.
    Server,
    /// The provider could not be reached or the connection broke after every retry.
    Network,
    /// The provider answered with something that is not what its API documents.
    InvalidResponse,
    /// The window lies where the provider cannot serve it (Zoom: older than six months).
    WindowUnavailable,
    /// Paging went wrong: a repeated cursor, endless empty pages, too many pages.
    Pagination,
}

impl ProviderErrorKind {
    /// The snake_case name, as in JSON and in the Python package's error info.
    pub fn as_str(self) -> &'static str {
        match self {
            ProviderErrorKind::Auth => "auth",
            ProviderErrorKind::Permission => "permission",
            ProviderErrorKind::RateLimited => "rate_limited",
            ProviderErrorKind::NotFound => "not_found",
            ProviderErrorKind::BadRequest => "bad_request",
            ProviderErrorKind::Server => "server",
            ProviderErrorKind::Network => "network",
            ProviderErrorKind::InvalidResponse => "invalid_response",
            ProviderErrorKind::WindowUnavailable => "window_unavailable",
            ProviderErrorKind::Pagination => "pagination",
        }
    }
}

/// One provider (or one of its windows) failed. The rest of the listing goes on.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ProviderError {
    /// Which provider.
    pub provider: Provider,
    /// The API operation (`report_user_meetings`, `list_meetings`, …).
    pub operation: Cow<'static, str>,
    /// The window being fetched, when the failure is about one.
    pub window: Option<Window>,
    /// What kind of failure.
    pub kind: ProviderErrorKind,
    /// The HTTP status, when there was a response.
    pub status: Option<u16>,
    /// The provider's error code (`300`, `authentication-error`, `10011`, …).
    pub code: Option<String>,
    /// What the provider (or the transport) said.
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
    /// How many attempts were made.
    pub attempts: u32,
    /// How far the failure reaches: one window, or the whole provider account.
    #[serde(default)]
    pub scope: Scope,
    /// The provider account it happened in (its name), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
}

/// How far a failure reaches, once retries are spent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Scope {
    /// The provider will not serve this window (or this listing in it); the others go on.
    #[default]
    Window,
    /// Every request to this provider account would fail the same way — credentials
    /// rejected, a permission missing, a request parameter refused whatever the window, the
    /// host unreachable — so its remaining work stops at once and the failure is reported
    /// once.
    Account,
}

impl Scope {
    /// The snake_case name, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Window => "window",
            Scope::Account => "account",
        }
    }

    /// The scope a failure of `kind` has unless the adapter knows better.
    pub fn of(kind: ProviderErrorKind) -> Self {
        match kind {
            ProviderErrorKind::Auth
            | ProviderErrorKind::Permission
            | ProviderErrorKind::BadRequest => Scope::Account,
            _ => Scope::Window,
        }
    }
}

impl ProviderError {
    /// An error of `kind` from `provider`'s `operation`.
    pub fn new(
        provider: Provider,
        operation: &'static str,
        kind: ProviderErrorKind,
        message: impl Into<String>,
    ) -> Self {
        Self {
            provider,
            operation: Cow::Borrowed(operation),
            window: None,
            kind,
            status: None,
            code: None,
            message: message.into(),
            hint: None,
            attempts: 1,
            scope: Scope::of(kind),
            account: None,
        }
    }

    /// Names the provider account it happened in.
    pub fn with_account(mut self, account: impl Into<String>) -> Self {
        self.account = Some(account.into());
        self
    }

    /// With a scope other than its kind's.
    pub fn with_scope(mut self, scope: Scope) -> Self {
        self.scope = scope;
        self
    }

    /// Names the window that failed.
    pub fn with_window(mut self, window: Window) -> Self {
        self.window = Some(window);
        self
    }

    /// Adds what to do about it.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for ProviderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.provider.display_name(), self.operation)?;
        // The environment's single account goes unnamed; any other is named.
        if let Some(account) = self
            .account
            .as_deref()
            .filter(|a| *a != crate::model::DEFAULT_ACCOUNT)
        {
            write!(f, " of account {account:?}")?;
        }
        if let Some(window) = &self.window {
            write!(f, " for {window}")?;
        }
        f.write_str(" failed")?;
        match (self.status, &self.code) {
            (Some(status), Some(code)) => write!(f, " (HTTP {status}, code {code})")?,
            (Some(status), None) => write!(f, " (HTTP {status})")?,
            (None, Some(code)) => write!(f, " (code {code})")?,
            (None, None) => {}
        }
        // Provider messages often end in a full stop; the hint follows as its own sentence.
        write!(f, ": {}", self.message.trim_end().trim_end_matches('.'))?;
        if self.attempts > 1 {
            write!(f, " (after {} attempts)", self.attempts)?;
        }
        if let Some(hint) = &self.hint {
            let mut chars = hint.chars();
            if let Some(first) = chars.next() {
                write!(f, ". {}{}", first.to_uppercase(), chars.as_str())?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for ProviderError {}

/// [`ProviderError`] as read back from JSON (a [`Plan`](crate::Plan)'s errors).
#[derive(serde::Deserialize)]
struct ProviderErrorRepr {
    provider: Provider,
    #[serde(default)]
    operation: String,
    window: Option<Window>,
    kind: ProviderErrorKind,
    status: Option<u16>,
    code: Option<String>,
    message: String,
    hint: Option<String>,
    #[serde(default = "one")]
    attempts: u32,
    #[serde(default)]
    scope: Option<Scope>,
    #[serde(default)]
    account: Option<String>,
}

fn one() -> u32 {
    1
}

impl<'de> serde::Deserialize<'de> for ProviderError {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        ProviderErrorRepr::deserialize(deserializer).map(Self::from)
    }
}

impl From<ProviderErrorRepr> for ProviderError {
    fn from(r: ProviderErrorRepr) -> Self {
        ProviderError {
            provider: r.provider,
            operation: Cow::Owned(r.operation),
            window: r.window,
            kind: r.kind,
            status: r.status,
            code: r.code,
            message: r.message,
            hint: r.hint,
            attempts: r.attempts,
            scope: r.scope.unwrap_or(Scope::of(r.kind)),
            account: r.account,
        }
    }
}

/// A failed attempt: the error, and what happens next.
#[derive(Debug)]
pub struct Failure {
    /// The error, as the caller will see it if nothing that follows helps.
    pub error: ProviderError,
    /// What the engine does about it.
    pub next: Next,
}

/// What the engine does after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// Send the same request again, after the wait the provider asked for when it said one
    /// (else the retry policy's backoff), while attempts remain.
    Retry {
        /// How long the provider asked us to wait (`Retry-After`).
        after: Option<Duration>,
    },
    /// The page cursor was refused as expired (Zoom code 300): restart the listing.
    Restart,
    /// A quota is used up (Zoom's daily cap): waiting seconds will not help, so stop, and say
    /// when the provider renews it, if it said.
    Exhausted {
        /// How long until the quota renews (`Retry-After`).
        resets_in: Option<Duration>,
    },
    /// Nothing will help: report the error.
    Stop,
}

impl Failure {
    /// A failure that retrying cannot fix.
    pub fn fatal(error: ProviderError) -> Self {
        Self {
            error,
            next: Next::Stop,
        }
    }

    /// A failure another attempt may fix, after `after` when the provider said so.
    pub fn retry(error: ProviderError, after: Option<Duration>) -> Self {
        Self {
            error,
            next: Next::Retry { after },
        }
    }
}

#[cfg(test)]
#[path = "error_tests.rs"]
mod tests;
