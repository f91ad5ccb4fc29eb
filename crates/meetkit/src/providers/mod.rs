//! Provider adapters: each turns its generated client into pages of normalized meetings.
//!
//! An adapter knows its provider's request parameters, how its pages chain, how its records map
//! onto [`Meeting`](crate::Meeting) (see `docs/mapping.md`) and what its errors mean. Paging,
//! retries and rate limits are not here: they are shared, in [`crate::paging`]. Each adapter's
//! file also holds its provider's descriptor (`INFO`); [`DESCRIPTORS`] lists them for the
//! registry. Adapters read settings from [`crate::settings`], never from `config`, so the
//! registry and configuration can sit above them.

pub mod attendee;
pub mod attention;
pub mod daily;
pub mod telnyx;
pub mod zoom;
pub(crate) mod zoom_users;

use std::future::Future;
use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};
use meetkit_client_support::{Auth, ResponseHead, with_response_head};
use progenitor_client::{Error as ClientError, ResponseValue};
use reqwest::StatusCode;

use crate::descriptor::{Probe, ProviderInfo, RateLimitHeaders};
use crate::error::{ConfigError, Error, Failure, ProviderError, ProviderErrorKind, QueryError};
use crate::model::Provider;
use crate::paging::FetchContext;
use crate::plan::Partition;
use crate::query::{Filters, Window};
use crate::ratelimit::Announced;
use crate::retry::retry_after_from_headers;
use crate::run::PartitionStream;
use crate::settings::{Config, check_base_url};

/// The wire names of `provider`'s record fields its adapter maps into [`Meeting`](crate::model::Meeting) or its typed
/// extension (the adapter's `NORMALIZED`); the others reach `extension.unmapped`.
pub fn normalized_fields(provider: Provider) -> &'static [&'static str] {
    match provider {
        Provider::Zoom => zoom::NORMALIZED,
        Provider::Daily => daily::NORMALIZED,
        Provider::Telnyx => telnyx::NORMALIZED,
        Provider::Attendee => attendee::NORMALIZED,
        Provider::Attention => attention::NORMALIZED,
    }
}

/// Every provider's descriptor, in [`Provider::ALL`] order ([`crate::registry::ALL`]).
pub const DESCRIPTORS: [&ProviderInfo; 5] = [
    &zoom::INFO,
    &daily::INFO,
    &telnyx::INFO,
    &attendee::INFO,
    &attention::INFO,
];

/// `records` normalized by `normalize` (which drops a record it cannot place), into a vector
/// sized for all of them up front. Collecting the `filter_map` instead starts from a vector of
/// four and doubles it, moving every meeting (792 bytes each) again at each step.
pub(crate) fn normalize_page<R>(
    records: Vec<R>,
    include_raw: bool,
    normalize: impl Fn(R, bool) -> Option<crate::model::Meeting>,
) -> Vec<crate::model::Meeting> {
    let mut meetings = Vec::with_capacity(records.len());
    meetings.extend(
        records
            .into_iter()
            .filter_map(|record| normalize(record, include_raw)),
    );
    meetings
}

/// Where and how to reach one provider account, checked: the base URL and the `Auth` its
/// requests carry.
#[derive(Clone)]
pub(crate) struct Endpoint {
    /// Base URL, without a trailing slash.
    pub base_url: String,
    /// Credentials, applied per request.
    pub auth: Auth,
    /// Where access tokens are minted, for providers that mint them (Zoom Server-to-Server).
    pub oauth: Option<OAuthGrant>,
}

/// An OAuth client-credentials grant: the token endpoint's base URL, the client's Basic
/// credentials and the account the tokens are for.
#[derive(Clone)]
pub(crate) struct OAuthGrant {
    /// Base URL of the token endpoint (without `/oauth/token`).
    pub base_url: String,
    /// `client_id:client_secret` as Basic auth.
    pub basic: Auth,
    /// The account id tokens are minted for.
    pub account_id: String,
    /// The account's token minter, made on first use and shared by everything that reaches
    /// the account through this endpoint (planning's users listing, every partition).
    pub minter: Arc<std::sync::OnceLock<Arc<zoom::TokenMinter>>>,
}

/// Listing an account's users at planning: their ids, or why it failed.
pub(crate) type UsersFuture =
    futures::future::BoxFuture<'static, Result<Vec<String>, ProviderError>>;

/// What a listing plans for one provider: the windows to fetch, and what cannot be listed.
#[derive(Debug, Default)]
pub(crate) struct PlannedWindows {
    /// Consecutive windows covering what the provider can serve.
    pub windows: Vec<Window>,
    /// Parts of the window the provider cannot serve, as errors.
    pub errors: Vec<ProviderError>,
    /// Parts skipped in lenient mode.
    pub warnings: Vec<String>,
}

/// What the client needs of a provider beyond its descriptor: how to reach it, how to plan its
/// windows and how to stream a partition. One unit struct per provider implements it, in
/// that provider's module; [`CONNECTORS`] lists them.
pub(crate) trait Connector: Send + Sync {
    /// The provider's descriptor.
    fn info(&self) -> &'static ProviderInfo;

    /// The endpoint `config` sets up for this provider, `None` when it has no credentials.
    /// The default reads an API key and sends it with the descriptor's auth scheme.
    fn endpoint(&self, config: &Config) -> Result<Option<Endpoint>, ConfigError> {
        let info = self.info();
        let Some(settings) = config.api_key(info.provider) else {
            return Ok(None);
        };
        let base_url = check_base_url(
            info.base_url_var,
            &settings.base_url,
            config.runtime.allow_insecure,
        )?;
        let auth = Auth::with_scheme(info.auth_scheme, &settings.api_key).map_err(|_| {
            ConfigError::InvalidCredential {
                name: info.credentials[0][0].env.to_owned(),
            }
        })?;
        Ok(Some(Endpoint {
            base_url,
            auth,
            oauth: None,
        }))
    }

    /// Checks filter values beyond whether the provider supports the filter at all.
    fn check_filter_values(&self, filters: &Filters) -> Result<(), QueryError> {
        let _ = filters;
        Ok(())
    }

    /// For providers that list per user (Zoom account-wide): the users a listing with
    /// `filters` covers, fetched at planning, a partition each; `None` (the default) when the
    /// account is listed as one partition.
    fn users(
        &self,
        endpoint: &Endpoint,
        http: &reqwest::Client,
        config: &Config,
        filters: &Filters,
    ) -> Option<UsersFuture> {
        let _ = (endpoint, http, config, filters);
        None
    }

    /// A warning when `partitions` (one account's) need more requests than the provider
    /// allows in a day (Zoom's daily cap on Heavy calls).
    fn budget_warning(&self, partitions: &[Partition], config: &Config) -> Option<String> {
        let _ = (partitions, config);
        None
    }

    /// The windows of `window` this provider lists, each at most `span` (and never longer
    /// than the provider allows).
    fn plan_windows(
        &self,
        window: &Window,
        span: chrono::Duration,
        lenient: bool,
    ) -> PlannedWindows {
        let _ = lenient;
        PlannedWindows {
            windows: window.split(capped_span(self.info(), span)),
            ..PlannedWindows::default()
        }
    }

    /// The smallest request of its list operation over `from`..`to` (see [`Probe`]).
    fn probe(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Probe;

    /// Streams `partition`'s meetings through `endpoint`, after `upfront` (what planning
    /// already knows failed); builds the adapter and hands it to
    /// [`run::partition_stream`](crate::run::partition_stream).
    fn stream(
        &self,
        endpoint: &Endpoint,
        http: &reqwest::Client,
        partition: &Partition,
        ctx: Arc<FetchContext>,
        upfront: Vec<ProviderError>,
    ) -> Result<PartitionStream, Error>;
}

/// `span`, no longer than the provider's longest window.
pub(crate) fn capped_span(info: &ProviderInfo, span: chrono::Duration) -> chrono::Duration {
    match info.longest_window_days {
        Some(days) => span.min(chrono::Duration::days(days)),
        None => span,
    }
}

/// Checks `filters.meeting_type` against the values `info`'s provider accepts.
pub(crate) fn check_meeting_type(
    info: &ProviderInfo,
    filters: &Filters,
    accepted: &[&str],
) -> Result<(), QueryError> {
    match &filters.meeting_type {
        Some(kind) if !accepted.contains(&kind.as_str()) => Err(QueryError::UnsupportedFilter {
            provider: info.provider,
            filter: crate::query::FilterName::MeetingType,
            supported: format!("{} with {}", info.provider, accepted.join(", ")),
        }),
        _ => Ok(()),
    }
}

/// Every provider's connector, in [`Provider::ALL`] order.
pub(crate) const CONNECTORS: [&dyn Connector; 5] = [
    &zoom::ZoomConnector,
    &daily::DailyConnector,
    &telnyx::TelnyxConnector,
    &attendee::AttendeeConnector,
    &attention::AttentionConnector,
];

/// The connector of `provider`.
pub(crate) fn connector(provider: Provider) -> &'static dyn Connector {
    CONNECTORS
        .iter()
        .copied()
        .find(|c| c.info().provider == provider)
        .unwrap_or(CONNECTORS[0])
}

/// What meetkit reads from a provider's error body.
pub trait ErrorBody {
    /// The provider's error code, if any.
    fn code(&self) -> Option<String>;
    /// The provider's message, if any.
    fn message(&self) -> Option<String>;
}

/// Longest provider message kept in an error (bodies can be whole HTML pages).
const MAX_MESSAGE: usize = 300;
/// Longest start of an undecodable body quoted in an error.
const MAX_QUOTE: usize = 200;

fn clip(text: &str) -> String {
    clip_to(text, MAX_MESSAGE)
}

fn clip_to(text: &str, max: usize) -> String {
    let text = text.trim();
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// The start of a body that did not decode, on one line and quoted (an HTML page's
/// newlines and indentation would drown the error).
fn quote_body(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    format!("{:?}", clip_to(&one_line, MAX_QUOTE))
}

/// Sends a generated client's request (its `send()` future) and unwraps the response, or
/// turns the failure into a [`Failure`] (see [`classify`]) that keeps the response's status
/// even when its body did not decode.
pub async fn send<T, E: ErrorBody>(
    provider: Provider,
    operation: &'static str,
    request: impl Future<Output = Result<ResponseValue<T>, ClientError<E>>>,
) -> Result<T, Failure> {
    send_telling(provider, operation, None, request)
        .await
        .map(|(value, _)| value)
}

/// [`send`], and what a successful answer told of the account's rate limit in the headers
/// `names` names (a provider's `rate_limit_headers`): the page hands it on to the gates.
pub async fn send_telling<T, E: ErrorBody>(
    provider: Provider,
    operation: &'static str,
    names: Option<&RateLimitHeaders>,
    request: impl Future<Output = Result<ResponseValue<T>, ClientError<E>>>,
) -> Result<(T, Option<Announced>), Failure> {
    let (result, head) = with_response_head(request).await;
    match result {
        Ok(value) => {
            let told = names.and_then(|names| Announced::read(names, value.headers()));
            Ok((value.into_inner(), told))
        }
        Err(e) => Err(classify(provider, operation, e, head).await),
    }
}

/// Turns a generated client's error into a [`Failure`]: kind, status, code, message, and
/// whether and when to retry. `head` is the response's status and headers, when one came:
/// an error body that is not JSON (an empty 400, a proxy's HTML 502) is judged by its status
/// like any other error, and its start is quoted.
pub async fn classify<E: ErrorBody>(
    provider: Provider,
    operation: &'static str,
    err: ClientError<E>,
    head: Option<ResponseHead>,
) -> Failure {
    let from_status = |status: StatusCode, code: Option<String>, message: String, retry_after| {
        let kind = kind_of(status);
        let mut error = ProviderError::new(provider, operation, kind, message);
        error.status = Some(status.as_u16());
        error.code = code;
        if is_retryable(status) {
            Failure::retry(error, retry_after)
        } else {
            Failure::fatal(error)
        }
    };
    match err {
        ClientError::ErrorResponse(response) => {
            let status = response.status();
            let retry_after = retry_after_from_headers(response.headers());
            let daily = is_daily_limit(status, response.headers());
            let body = response.into_inner();
            let message = body
                .message()
                .map(|m| clip(&m))
                .unwrap_or_else(|| default_message(status));
            let mut failure = from_status(status, body.code(), message, retry_after);
            if daily {
                // A daily cap: waiting seconds will not help, and every request of the
                // account would get the same answer until the day ends.
                let resets_in = match failure.next {
                    crate::error::Next::Retry { after } => after,
                    _ => None,
                };
                failure.next = crate::error::Next::Exhausted { resets_in };
                failure.error.scope = crate::error::Scope::Account;
            }
            failure
        }
        ClientError::UnexpectedResponse(response) => {
            let status = response.status();
            let retry_after = retry_after_from_headers(response.headers());
            let text = response.text().await.unwrap_or_default();
            let message = if text.trim().is_empty() {
                default_message(status)
            } else {
                clip(&text)
            };
            from_status(status, None, message, retry_after)
        }
        ClientError::CommunicationError(e) | ClientError::ResponseBodyError(e) => {
            let kind = ProviderErrorKind::Network;
            // A host that refuses connections refuses every window's: once this request's
            // retries are spent, the whole account stops.
            let mut connect = false;
            let message = if e.is_timeout() {
                "the request timed out".to_owned()
            } else if e.is_connect() {
                connect = true;
                format!("could not connect: {}", source_chain(&e))
            } else {
                format!("the connection failed: {}", source_chain(&e))
            };
            let scope = if connect {
                crate::error::Scope::Account
            } else {
                crate::error::Scope::Window
            };
            Failure::retry(
                ProviderError::new(provider, operation, kind, message)
                    .with_scope(scope)
                    .with_hint(
                        "check the network and the provider's base URL; meetkit retried with backoff",
                    ),
                None,
            )
        }
        ClientError::InvalidResponsePayload(bytes, e) => match head {
            // An error status with a body that is not the documented error (an empty 400,
            // a proxy's HTML 502): the status decides, as for any other error.
            Some(head) if !head.status.is_success() => {
                let message = if bytes.iter().all(u8::is_ascii_whitespace) {
                    default_message(head.status)
                } else {
                    format!(
                        "the provider answered {} with a body that is not its documented error: {}",
                        head.status,
                        quote_body(&bytes)
                    )
                };
                from_status(
                    head.status,
                    None,
                    message,
                    retry_after_from_headers(&head.headers),
                )
            }
            _ => {
                // A success whose body does not decode: usually a body cut short, so it is
                // retried; a body that never parses fails after the retries.
                let mut error = ProviderError::new(
                    provider,
                    operation,
                    ProviderErrorKind::InvalidResponse,
                    format!(
                        "the response body is not what the API documents ({e}; {} bytes, starting {})",
                        bytes.len(),
                        quote_body(&bytes)
                    ),
                );
                error.status = head.map(|h| h.status.as_u16());
                Failure::retry(error, None)
            }
        },
        ClientError::InvalidRequest(message) => Failure::fatal(ProviderError::new(
            provider,
            operation,
            ProviderErrorKind::BadRequest,
            format!("meetkit could not build the request: {message}"),
        )),
        ClientError::InvalidUpgrade(e) => Failure::fatal(ProviderError::new(
            provider,
            operation,
            ProviderErrorKind::InvalidResponse,
            source_chain(&e),
        )),
        ClientError::Custom(message) => Failure::fatal(ProviderError::new(
            provider,
            operation,
            ProviderErrorKind::InvalidResponse,
            message,
        )),
    }
}

/// Whether a response is a 429 for a daily cap (Zoom's `X-RateLimit-Type: Daily-limit`), not
/// a per-second limit.
pub fn is_daily_limit(status: StatusCode, headers: &reqwest::header::HeaderMap) -> bool {
    status == StatusCode::TOO_MANY_REQUESTS
        && headers
            .get("x-ratelimit-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("daily-limit"))
}

fn source_chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

fn kind_of(status: StatusCode) -> ProviderErrorKind {
    match status.as_u16() {
        401 => ProviderErrorKind::Auth,
        403 => ProviderErrorKind::Permission,
        404 => ProviderErrorKind::NotFound,
        408 => ProviderErrorKind::Network,
        429 => ProviderErrorKind::RateLimited,
        500..=599 => ProviderErrorKind::Server,
        _ => ProviderErrorKind::BadRequest,
    }
}

fn is_retryable(status: StatusCode) -> bool {
    matches!(status.as_u16(), 408 | 429 | 500..=599)
}

fn default_message(status: StatusCode) -> String {
    format!("the provider answered {status} with no explanation")
}

/// Unix seconds to UTC; `None` when out of range.
pub fn from_unix(seconds: i64) -> Option<DateTime<Utc>> {
    Utc.timestamp_opt(seconds, 0).single()
}

/// `seconds` after `start` (an end from a start and a duration); `None` when a provider's
/// duration takes it out of range.
pub fn after_seconds(start: DateTime<Utc>, seconds: i64) -> Option<DateTime<Utc>> {
    start.checked_add_signed(chrono::TimeDelta::try_seconds(seconds)?)
}

/// A provider record as JSON for `Meeting::raw`.
pub fn raw_json<T: serde::Serialize>(record: &T, include: bool) -> Option<serde_json::Value> {
    if include {
        serde_json::to_value(record).ok()
    } else {
        None
    }
}

/// Empty strings are absent values.
pub fn non_empty(value: Option<String>) -> Option<String> {
    value.filter(|v| !v.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Meeting;

    fn meeting(id: &str) -> Option<Meeting> {
        serde_json::from_value(serde_json::json!({
            "provider": "daily", "id": id, "title": null, "start": "2026-06-01T00:00:00Z",
            "end": null, "duration_seconds": null, "status": "ended", "status_raw": null,
            "host": null, "participants": [], "participant_count": null, "recording": null,
            "meeting_url": null, "room": null, "extension": {"provider": "daily"},
        }))
        .ok()
    }

    #[test]
    fn a_page_is_normalized_in_order_into_a_vector_sized_for_its_records() {
        let records: Vec<u32> = (0..300).collect();
        let meetings = normalize_page(records, false, |n, raw| {
            assert!(!raw);
            // Every third record cannot be placed.
            (n % 3 != 0).then(|| meeting(&n.to_string())).flatten()
        });
        assert_eq!(meetings.len(), 200);
        assert!(meetings.capacity() >= 300, "{}", meetings.capacity());
        let ids: Vec<&str> = meetings.iter().take(3).map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["1", "2", "4"]);
    }
}
