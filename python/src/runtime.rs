//! The shared tokio runtime and the one way Python threads wait on it.
//!
//! The runtime is built on first use with one worker thread per core: the Python thread waits
//! (GIL released) while a worker fetches and builds the Arrow table. `TOKIO_WORKER_THREADS`
//! decides when it is set; a value tokio could not parse (tokio panics on it) is a
//! `meetkit.ConfigError` naming the variable, raised by every call that needs the runtime.
//!
//! A waiting thread releases the GIL and wakes every [`TICK`] to take it back briefly: to run
//! pending signal handlers (so Ctrl-C interrupts a long listing) and to report progress.

use std::future::Future;
use std::sync::OnceLock;
use std::time::Duration;

use meetkit::ConfigError;
use meetkit::config::{WORKER_THREADS_VAR, worker_threads};
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use tokio::runtime::Runtime;
use tokio::task::JoinHandle;

/// How often a waiting thread checks for signals and reports progress.
pub const TICK: Duration = Duration::from_millis(100);

/// Why there is no runtime.
#[derive(Debug)]
enum Unavailable {
    /// `TOKIO_WORKER_THREADS` is not a number of threads.
    Config(ConfigError),
    /// The operating system would not start its threads.
    Build(String),
}

/// The runtime, built once; what stopped it, otherwise (the same answer every time).
fn built() -> &'static Result<&'static Runtime, Unavailable> {
    static RUNTIME: OnceLock<Result<&'static Runtime, Unavailable>> = OnceLock::new();
    RUNTIME.get_or_init(|| {
        let set = std::env::var(WORKER_THREADS_VAR).ok();
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        let workers = worker_threads(set.as_deref())
            .map_err(Unavailable::Config)?
            .unwrap_or(cores);
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(workers)
            .enable_all()
            .build()
            .map_err(|e| Unavailable::Build(e.to_string()))?;
        let runtime: &'static Runtime = Box::leak(Box::new(runtime));
        // Awaitables (`alist`) run on the same runtime. This fails only when
        // pyo3-async-runtimes built its own first, which nothing here does before this.
        let _ = pyo3_async_runtimes::tokio::init_with_runtime(runtime);
        Ok(runtime)
    })
}

/// The process-wide runtime, shared with `pyo3-async-runtimes` so async and blocking calls
/// use the same worker threads; a Python exception when it cannot be built.
pub fn runtime(py: Python<'_>) -> PyResult<&'static Runtime> {
    match built() {
        Ok(runtime) => Ok(runtime),
        Err(Unavailable::Config(e)) => {
            Err(crate::errors::to_py(py, &meetkit::Error::Config(e.clone())))
        }
        Err(Unavailable::Build(e)) => Err(PyRuntimeError::new_err(format!(
            "meetkit could not start its async runtime: {e}"
        ))),
    }
}

/// The runtime when it was built, for code that runs without the GIL or after a call that
/// needed it (a sandbox's drop).
pub fn started() -> Option<&'static Runtime> {
    built().as_ref().ok().copied()
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
    let rt = runtime(py)?;
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
