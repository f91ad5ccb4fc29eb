//! The status and headers of the response a request got, kept for when its body does not
//! decode.
//!
//! A generated client turns an error body that is not JSON (an empty 400, a proxy's HTML 502)
//! into `Error::InvalidResponsePayload`, which carries the body but not the status. Every
//! generated client calls [`note_response`] after each request (its post-request hook, see
//! `xtask/src/generate.rs`); inside [`with_response_head`] that head is kept for the caller.
//! The slot is task-local, so concurrent requests never see each other's responses.

use std::cell::RefCell;
use std::future::Future;

use reqwest::StatusCode;
use reqwest::header::HeaderMap;

use crate::Auth;

/// What a response said before its body: status and headers.
#[derive(Clone, Debug)]
pub struct ResponseHead {
    /// The HTTP status.
    pub status: StatusCode,
    /// The response headers (`Retry-After`, rate-limit headers…).
    pub headers: HeaderMap,
}

tokio::task_local! {
    static LAST: RefCell<Option<ResponseHead>>;
}

/// Runs `request` (a generated client's `send()`) and returns its output with the head of
/// the response it got, if any.
pub async fn with_response_head<F: Future>(request: F) -> (F::Output, Option<ResponseHead>) {
    LAST.scope(RefCell::new(None), async {
        let output = request.await;
        let head = LAST.with(|slot| slot.borrow_mut().take());
        (output, head)
    })
    .await
}

/// The post-request hook of every generated client: keeps the response's head for
/// [`with_response_head`] and its size for the request log; does nothing outside them.
pub fn note_response(_auth: &Auth, result: &Result<reqwest::Response, reqwest::Error>) {
    if let Ok(response) = result {
        crate::request_log::note_response_size(response);
        // Outside `with_response_head` there is no slot and nobody asked: nothing to keep
        // (and nothing is copied).
        let _ = LAST.try_with(|slot| {
            *slot.borrow_mut() = Some(ResponseHead {
                status: response.status(),
                headers: response.headers().clone(),
            });
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(status: u16) -> Result<reqwest::Response, reqwest::Error> {
        let mut r = http::Response::new(Vec::<u8>::new());
        *r.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
        Ok(reqwest::Response::from(r))
    }

    #[tokio::test]
    async fn a_head_is_kept_inside_the_scope_only() {
        // Outside a scope: nothing kept, no panic.
        note_response(&Auth::none(), &response(502));
        let ((), head) = with_response_head(async {
            note_response(&Auth::none(), &response(400));
        })
        .await;
        assert_eq!(head.map(|h| h.status.as_u16()), Some(400));
        let ((), head) = with_response_head(async {}).await;
        assert!(head.is_none());
    }
}
