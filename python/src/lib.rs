//! `meetkit._meetkit`: the native half of the `meetkit` Python package.
//!
//! Everything slow happens here, off the GIL, on one shared tokio runtime: listing (network
//! I/O and normalization), building the Arrow table, running the sandbox. The pure-Python layer
//! (`python/meetkit/`) turns arguments into a [`query::QuerySpec`], wraps results in friendly
//! classes and maps errors onto the exception hierarchy in `meetkit/errors.py`.

mod arrow;
mod client;
mod dicts;
mod errors;
mod listing;
mod notices;
mod query;
mod registry;
mod runtime;
mod sandbox;

use pyo3::prelude::*;

/// mimalloc, as in the CLI: the runtime's workers decode and normalize pages on every core and
/// allocate a string per field; glibc's arena locks made that the listing's largest cost. Only
/// Rust's own allocations go through it (Python's objects keep CPython's allocator), and every
/// buffer handed to Python (Arrow arrays) is freed by Rust through its release callback.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The extension module.
#[pymodule]
fn _meetkit(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<client::PyClient>()?;
    m.add_class::<listing::PyMeetingList>()?;
    m.add_class::<listing::PyMeetingBatches>()?;
    m.add_class::<sandbox::PySandbox>()?;
    m.add_function(wrap_pyfunction!(registry::providers, m)?)?;
    Ok(())
}
