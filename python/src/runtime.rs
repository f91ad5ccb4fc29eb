//! The shared tokio runtime and the one way Python threads wait on it.
//!
//! A waiting thread releases the GIL and wakes every [`TICK`] to take it back briefly: to run
//! pending signal handlers (so Ctrl-C interrupts a long listing) and to report progress.

use std::future::Future;
use std::time::Duration;

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use tokio::runtime::Runtime;
use tokio::task::JoinHandle;

/// How often a waiting thread checks for signals and reports progress.
pub const TICK: Duration = Duration::from_millis(100);

/// The process-wide runtime, shared with `pyo3-async-runtimes` so async and blocking calls
/// use the same worker threads.
pub fn runtime() -> &'static Runtime {
    pyo3_async_runtimes::tokio::get_runtime()
}

/// Runs `future` on the runtime and waits for it with the GIL released. `tick` runs (with the
/// GIL) every [`TICK`]; a signal handler's exception (`KeyboardInterrupt`) or an error from
/// `tick` cancels the future and is returned.
pub fn wait<T, F>(
    py: Python<'_>,
    future: F,
    mut tick: impl FnMut(Python<'_>) -> PyResult<()>,
) -> PyResult<T>
where
    T: Send + 'static,
    F: Future<Output = T> + Send + 'static,
{
    let rt = runtime();
    let mut handle: JoinHandle<T> = rt.spawn(future);
    loop {
        let outcome =
            py.detach(|| rt.block_on(async { tokio::time::timeout(TICK, &mut handle).await }));
        match outcome {
            Ok(Ok(value)) => return Ok(value),
            Ok(Err(join)) => {
                return Err(PyRuntimeError::new_err(format!(
                    "meetkit's background task failed: {join}"
                )));
            }
            Err(_elapsed) => {
                if let Err(err) = py.check_signals().and_then(|()| tick(py)) {
                    handle.abort();
                    return Err(err);
                }
            }
        }
    }
}

/// Waits for `future` with the GIL released, checking signals; for short operations.
pub fn block_on<T, F>(py: Python<'_>, future: F) -> PyResult<T>
where
    T: Send + 'static,
    F: Future<Output = T> + Send + 'static,
{
    wait(py, future, |_| Ok(()))
}
