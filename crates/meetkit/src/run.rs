//! Running partitions: each window of a partition on its own task, its pages streamed to the
//! reader through a bounded channel, windows read as their pages arrive.
//!
//! Memory is bounded by the requests the client may have in flight: a page keeps its request's
//! pass until the reader has taken its last meeting (see [`crate::paging::Batch`]), not by the
//! size of the listing, the density of a window or the number of windows and accounts running.
//!
//! The streams here carry whole pages ([`Batch`]es), not meetings: a `Meeting` is about 800
//! bytes, and handing each one through every layer of stream adapters between a window and
//! the caller was about 6 % of a listing's instructions in `memcpy`. [`MeetingStream`](crate::client::MeetingStream)
//! takes the meetings out of the batches one by one at the very end.

use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use futures::stream::{self, BoxStream, StreamExt};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

use crate::error::{ProviderError, ProviderErrorKind};
use crate::paging::{Adapter, Batch, FetchContext, PAGES_BUFFERED, fetch_window};
use crate::query::Window;

/// The meetings of one partition, as the run engine streams them: page by page.
pub(crate) type PartitionStream = BoxStream<'static, Result<Batch, ProviderError>>;

/// Aborts a spawned window fetch when the stream is dropped (a `--limit` reached, Ctrl-C).
struct WindowTask(JoinHandle<Option<ProviderError>>);

impl Future for WindowTask {
    type Output = Result<Option<ProviderError>, tokio::task::JoinError>;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        Pin::new(&mut self.0).poll(cx)
    }
}

impl Drop for WindowTask {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Starts `partition` on `adapter`: its windows, after the `upfront` errors. What every
/// provider's [`Connector::stream`](crate::providers::Connector::stream) ends with.
pub(crate) fn start<A: Adapter>(
    adapter: A,
    partition: &crate::plan::Partition,
    ctx: Arc<FetchContext>,
    upfront: Vec<ProviderError>,
) -> Result<PartitionStream, crate::error::Error> {
    Ok(partition_stream(
        Arc::new(adapter),
        ctx,
        partition.windows.to_vec(),
        upfront,
    ))
}

/// The meetings of `windows` fetched through `adapter`, after the `upfront` errors; counts
/// into `ctx.progress`. At most the provider's concurrency of windows run at once.
pub(crate) fn partition_stream<A: Adapter>(
    adapter: Arc<A>,
    ctx: Arc<FetchContext>,
    windows: Vec<Window>,
    upfront: Vec<ProviderError>,
) -> PartitionStream {
    ctx.progress.open();
    let in_flight = ctx.gates.provider_concurrency().max(1);
    let provider = adapter.provider();
    let operation = adapter.operation();
    let progress = Arc::clone(&ctx.progress);
    let done = Arc::clone(&ctx.progress);
    let halted = Arc::clone(&ctx);
    let planned = windows.clone();
    // The partition's windows end to end (a window is its own span when alone).
    let span = Window::spanning(&windows);
    let fetched = stream::iter(windows)
        .map(move |window| {
            // Each window on its own task (decoding and normalizing use every core), handing
            // pages over a bounded channel: at most `in_flight` windows run ahead of the reader.
            let (tx, rx) = mpsc::channel(PAGES_BUFFERED);
            let task = WindowTask(tokio::spawn(fetch_window(
                Arc::clone(&adapter),
                Arc::clone(&ctx),
                window,
                span.unwrap_or(window),
                tx,
            )));
            let pages = stream::unfold(rx, |mut rx| async move {
                rx.recv().await.map(|batch| (Ok(batch), rx))
            });
            let outcome = stream::once(async move {
                match task.await {
                    Ok(None) => None,
                    Ok(Some(error)) => Some(Err(error)),
                    Err(e) => Some(Err(ProviderError::new(
                        provider,
                        operation,
                        ProviderErrorKind::InvalidResponse,
                        format!("the fetch task ended abnormally: {e}"),
                    )
                    .with_window(window))),
                }
            })
            .filter_map(futures::future::ready);
            pages.chain(outcome).boxed()
        })
        // Windows are read as their pages arrive, not one after another: a reader waiting on
        // the oldest window would leave the others stalled on their full channels.
        .flatten_unordered(in_flight);
    // An account-wide failure is reported once, after every window has stopped.
    let halt = stream::once(async move { halted.halt.take(&planned).map(Err) })
        .filter_map(futures::future::ready);
    stream::iter(upfront.into_iter().map(Err))
        .chain(fetched)
        .chain(halt)
        .inspect(move |item| match item {
            Ok(batch) => progress.meetings(batch.len()),
            Err(_) => progress.fail(),
        })
        .chain(
            stream::once(async move { done.finish() })
                .filter_map(|()| futures::future::ready(None)),
        )
        .boxed()
}

#[cfg(test)]
#[path = "run_tests.rs"]
mod tests;
