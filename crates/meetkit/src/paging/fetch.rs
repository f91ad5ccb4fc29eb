//! One page with retries, behind the provider's rate and concurrency gates.

use super::FetchContext;
use super::adapter::{Adapter, Cursor, RawPage};
use crate::error::Failure;
use crate::ratelimit::Pass;
use crate::retry::Attempts;
use meetkit_client_support::RequestLog;

/// Fetches the page of `request` at `cursor`, retrying as the policy allows, and returns it
/// with the pass its request held. The pass travels with the page to the reader (a
/// [`Batch`](super::sink::Batch)) and is given back when the reader has taken it, so a
/// provider never holds more pages than it may have requests in flight, however many windows
/// and pieces wait for the reader. (The reader takes pages from every window it has started,
/// so a pass held by a waiting page is always given back.) A failed attempt gives its pass
/// back before any wait.
pub(super) async fn fetch_page<A: Adapter>(
    adapter: &A,
    ctx: &FetchContext,
    request: &A::Request,
    cursor: Option<&Cursor>,
) -> Result<(RawPage, Pass), Failure> {
    let mut tries = Attempts::new();
    loop {
        let pass = ctx.gates.enter().await;
        if let Some(error) = ctx.halt.tripped() {
            // Another request of this account failed for good: its error stops this one too.
            return Err(Failure::fatal(error));
        }
        ctx.progress.request();
        let sent = tokio::time::Instant::now();
        // Unknown enum values and (on a listing's first page) response fields are noted.
        let call = crate::drift::watch(
            &ctx.progress.drift,
            adapter.provider(),
            ctx.info.known_fields(),
            matches!(cursor, None | Some(Cursor::Number(1))),
            adapter.page(request, cursor, ctx.include_raw),
        );
        // The request line is built only when someone reads it (`-vv`).
        let (outcome, log) = if tracing::enabled!(tracing::Level::DEBUG) {
            let (outcome, log) = meetkit_client_support::capture_request_log(call).await;
            (
                outcome,
                Some(log.unwrap_or_else(|| RequestLog {
                    line: format!("{request:?} {cursor:?}"),
                    bytes: None,
                })),
            )
        } else {
            (call.await, None)
        };
        let (line, bytes) = log.map_or((String::new(), None), |l| (l.line, l.bytes));
        match outcome {
            Ok(page) => {
                tracing::debug!(provider = %adapter.provider(), attempt = tries.made(), status = "ok", records = page.records, bytes, ms = sent.elapsed().as_millis() as u64, "{line}");
                ctx.progress.page(page.records);
                if let Some(told) = &page.announced {
                    ctx.gates.announced(told);
                }
                ctx.gates.answered(sent);
                ctx.gates.delivered(page.records);
                return Ok((page, pass));
            }
            Err(mut failure) => {
                tracing::debug!(provider = %adapter.provider(), attempt = tries.made(), status = failure.error.status.map_or_else(|| "none".to_owned(), |s| s.to_string()), bytes, ms = sent.elapsed().as_millis() as u64, error = %failure.error, "{line}");
                drop(pass);
                if let Some(backoff) = tries.failed(&ctx.retry, &failure, &ctx.gates, sent) {
                    let (wait, attempt) = (backoff.wait, backoff.attempt);
                    tracing::trace!(provider = %adapter.provider(), attempt, ?wait, error = %failure.error, "retry decision: waiting");
                    ctx.progress
                        .retrying(&failure.error, wait, attempt, ctx.retry.max_attempts);
                    ctx.progress.retry();
                    tokio::time::sleep(wait).await;
                    continue;
                }
                failure.error.attempts = tries.made();
                return Err(failure);
            }
        }
    }
}
