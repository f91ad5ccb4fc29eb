//! Request and response plumbing shared by the provider modules: query parameters with
//! repeats, JSON responses, and bodies cut short for the truncation fault.

use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use futures::StreamExt;
use serde::Serialize;

/// Decoded query parameters in wire order, repeats kept. `+` decodes to a space, as
/// form decoding does on the real servers.
#[derive(Debug, Clone, Default)]
pub struct Params(Vec<(String, String)>);

impl Params {
    /// Parses a raw query string.
    pub fn parse(raw: Option<&str>) -> Self {
        Params(
            url::form_urlencoded::parse(raw.unwrap_or("").as_bytes())
                .into_owned()
                .collect(),
        )
    }

    /// The first value of `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of `name`, in order.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// Every pair, in order.
    pub fn pairs(&self) -> &[(String, String)] {
        &self.0
    }
}

/// One request as the provider modules see it.
#[derive(Debug, Clone)]
pub struct Ctx {
    /// Request headers.
    pub headers: HeaderMap,
    /// Query parameters.
    pub params: Params,
    /// The path parameter, when the route has one (Zoom's `userId`).
    pub path: Option<String>,
}

impl Ctx {
    /// The `Authorization` header, if it is valid text.
    pub fn authorization(&self) -> Option<&str> {
        self.headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
    }

    /// The `Host` header, or the fallback.
    pub fn host<'a>(&'a self, fallback: &'a str) -> &'a str {
        self.headers
            .get(header::HOST)
            .and_then(|v| v.to_str().ok())
            .unwrap_or(fallback)
    }
}

/// Serializes `body` (never fails for the sandbox's own types; falls back to `{}`).
pub fn to_bytes(body: &impl Serialize) -> Vec<u8> {
    serde_json::to_vec(body).unwrap_or_else(|_| b"{}".to_vec())
}

/// A JSON response.
pub fn json(status: StatusCode, body: &impl Serialize) -> Response {
    json_bytes(status, to_bytes(body))
}

/// A JSON response from serialized bytes.
pub fn json_bytes(status: StatusCode, bytes: Vec<u8>) -> Response {
    (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        bytes,
    )
        .into_response()
}

/// What a reverse proxy (nginx) in front of a provider answers when the provider is down:
/// a 502 whose body is an HTML page, not the provider's JSON error.
pub fn proxy_error_page() -> Response {
    const PAGE: &str = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    (
        StatusCode::BAD_GATEWAY,
        [(header::CONTENT_TYPE, HeaderValue::from_static("text/html"))],
        PAGE,
    )
        .into_response()
}

/// A JSON response whose `Content-Length` promises all of `bytes` but whose body stops
/// half-way; hyper then closes the connection, and the client sees a truncated body.
pub fn truncated(status: StatusCode, bytes: Vec<u8>) -> Response {
    let full = bytes.len();
    let cut = bytes::Bytes::from(bytes).slice(..full / 2);
    // A stream body has no exact size hint, so hyper keeps our Content-Length. The pause
    // lets hyper flush the head and the first half; the error then aborts the connection.
    let stream =
        futures::stream::iter([Ok::<_, std::io::Error>(cut)]).chain(futures::stream::once(async {
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            Err(std::io::Error::other("sandbox fault: truncated body"))
        }));
    let mut response = Response::new(Body::from_stream(stream));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(full));
    response
}
