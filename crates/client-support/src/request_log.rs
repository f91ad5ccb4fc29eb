//! The request log line of `-vv`: what a generated client sent and how much came back.
//!
//! The pre-request hook ([`Auth::apply`](crate::Auth::apply)) notes the method, path and query;
//! the post-request hook ([`note_response`](crate::note_response)) notes the body's size when
//! the response declares it. Inside [`capture_request_log`] both are kept for the caller;
//! outside it nothing is built. No credential is in it: they travel only in the
//! `Authorization` header.

use std::cell::RefCell;
use std::future::Future;

/// What one request sent and got, for request logs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RequestLog {
    /// Method, path and query: `GET /v1/meetings?limit=100`.
    pub line: String,
    /// The response body's size in bytes, when the response declared it (`Content-Length`).
    pub bytes: Option<u64>,
}

tokio::task_local! {
    static LOG: RefCell<Option<RequestLog>>;
}

/// Runs `call` and returns, beside its output, the log of the last request a generated
/// client sent while it ran.
pub async fn capture_request_log<F: Future>(call: F) -> (F::Output, Option<RequestLog>) {
    LOG.scope(RefCell::new(None), async {
        let output = call.await;
        let log = LOG.try_with(|log| log.borrow_mut().take()).ok().flatten();
        (output, log)
    })
    .await
}

/// Notes a request about to be sent (inside [`capture_request_log`] only).
pub(crate) fn note_request(request: &reqwest::Request) {
    // Outside `capture_request_log` there is nowhere to put it, and nothing is formatted.
    let _ = LOG.try_with(|slot| {
        let url = request.url();
        let line = match url.query() {
            Some(query) => format!("{} {}?{query}", request.method(), url.path()),
            None => format!("{} {}", request.method(), url.path()),
        };
        *slot.borrow_mut() = Some(RequestLog { line, bytes: None });
    });
}

/// Notes the size of the response to the request last noted.
pub(crate) fn note_response_size(response: &reqwest::Response) {
    let _ = LOG.try_with(|slot| {
        if let Some(log) = slot.borrow_mut().as_mut() {
            log.bytes = response.content_length();
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request() -> reqwest::Request {
        let url = reqwest::Url::parse("http://127.0.0.1:1/v1/meetings?limit=2")
            .unwrap_or_else(|_| unreachable!());
        reqwest::Request::new(reqwest::Method::GET, url)
    }

    fn response(body: &'static str) -> reqwest::Response {
        let r = http::Response::builder()
            .header("content-length", body.len().to_string())
            .body(body)
            .unwrap_or_else(|_| unreachable!());
        reqwest::Response::from(r)
    }

    #[tokio::test]
    async fn a_request_and_its_size_are_logged_inside_the_scope_only() {
        let ((), log) = capture_request_log(async {
            note_request(&request());
            note_response_size(&response("{\"data\":[]}"));
        })
        .await;
        assert_eq!(
            log,
            Some(RequestLog {
                line: "GET /v1/meetings?limit=2".to_owned(),
                bytes: Some(11),
            })
        );
        // Outside the scope: nothing kept, nothing panics.
        note_request(&request());
        note_response_size(&response("x"));
        let ((), log) = capture_request_log(async {}).await;
        assert_eq!(log, None);
    }
}
