//! Provider adapters: each turns its generated client into pages of normalized meetings.
//!
//! An adapter knows its provider's request parameters, how its pages chain, how its records map
//! onto [`Meeting`](crate::Meeting) (see `docs/mapping.md`) and what its errors mean. Paging,
//! retries and rate limits are not here: they are shared, in [`crate::paging`].

pub mod attendee;
pub mod attention;
pub mod daily;
pub mod resolution;
pub mod telnyx;
pub mod zoom;

use std::future::Future;

use chrono::{DateTime, TimeZone, Utc};
use meetkit_client_support::{ResponseHead, with_response_head};
use progenitor_client::{Error as ClientError, ResponseValue};
use reqwest::StatusCode;

use crate::error::{Failure, ProviderError, ProviderErrorKind};
use crate::model::Provider;
use crate::retry::retry_after_from_headers;

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
    let (result, head) = with_response_head(request).await;
    match result {
        Ok(value) => Ok(value.into_inner()),
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
        Failure {
            retryable: is_retryable(status),
            retry_after,
            error,
            cursor_expired: false,
        }
    };
    match err {
        ClientError::ErrorResponse(response) => {
            let status = response.status();
            let retry_after = retry_after_from_headers(response.headers());
            let body = response.into_inner();
            let message = body
                .message()
                .map(|m| clip(&m))
                .unwrap_or_else(|| default_message(status));
            from_status(status, body.code(), message, retry_after)
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
            let message = if e.is_timeout() {
                "the request timed out".to_owned()
            } else if e.is_connect() {
                format!("could not connect: {}", source_chain(&e))
            } else {
                format!("the connection failed: {}", source_chain(&e))
            };
            let mut failure = Failure::fatal(
                ProviderError::new(provider, operation, kind, message).with_hint(
                    "check the network and the provider's base URL; meetkit retried with backoff",
                ),
            );
            failure.retryable = true;
            failure
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
                let mut failure = Failure::fatal(ProviderError::new(
                    provider,
                    operation,
                    ProviderErrorKind::InvalidResponse,
                    format!(
                        "the response body is not what the API documents ({e}; {} bytes, starting {})",
                        bytes.len(),
                        quote_body(&bytes)
                    ),
                ));
                failure.error.status = head.map(|h| h.status.as_u16());
                failure.retryable = true;
                failure
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
