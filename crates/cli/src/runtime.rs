//! The CLI's async runtime: how many worker threads it runs beside the main thread.
//!
//! The main thread is not idle while the workers fetch: it drives the listing's stream and
//! writes every meeting (JSON, CSV, Parquet, or a sync's hand-over to its writer). So the
//! runtime gets one worker per core but one, leaving the main thread a core of its own. On the
//! bench's 2-vCPU machine, two workers (tokio's default, one per core) made three busy threads
//! on two cores: the 870k listing took 17-19 s of user CPU and 55-58 MB against 15-17 s and
//! 47 MB with one worker, at about the same wall time (bench/README.md).
//!
//! `TOKIO_WORKER_THREADS`, tokio's own variable, still decides when it is set; a value that is not
//! a positive whole number is a usage error here, not tokio's panic.

use meetkit::config::WORKER_THREADS_VAR;

use crate::exit::{CliError, Exit};

/// The multi-threaded runtime with [`worker_threads`] workers.
pub fn build() -> Result<tokio::runtime::Runtime, CliError> {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let workers = worker_threads(std::env::var(WORKER_THREADS_VAR).ok().as_deref(), cores)?;
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(workers)
        .enable_all()
        .build()
        .map_err(|e| {
            CliError::new(
                Exit::Other,
                format!("could not start the async runtime: {e}"),
            )
        })
}

/// Worker threads for `cores` cores: `set` (the value of [`WORKER_THREADS_VAR`]) when given,
/// else one per core but one, and at least one.
pub fn worker_threads(set: Option<&str>, cores: usize) -> Result<usize, CliError> {
    match meetkit::config::worker_threads(set) {
        Ok(Some(n)) => Ok(n),
        Ok(None) => Ok(cores.saturating_sub(1).max(1)),
        Err(e) => Err(CliError::new(Exit::Usage, e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_worker_per_core_but_the_main_threads() {
        assert_eq!(worker_threads(None, 1).ok(), Some(1));
        assert_eq!(worker_threads(None, 2).ok(), Some(1));
        assert_eq!(worker_threads(None, 8).ok(), Some(7));
    }

    #[test]
    fn tokio_worker_threads_wins_when_set() {
        assert_eq!(worker_threads(Some("3"), 2).ok(), Some(3));
        assert_eq!(worker_threads(Some(" 4 "), 16).ok(), Some(4));
    }

    #[test]
    fn a_worker_count_that_is_not_a_positive_number_is_a_usage_error() {
        for bad in ["0", "-1", "two", ""] {
            let err = worker_threads(Some(bad), 2).err();
            let err = err.unwrap_or_else(|| panic!("{bad:?} was accepted"));
            assert_eq!(err.exit, Exit::Usage);
            assert!(err.to_string().contains(WORKER_THREADS_VAR), "{err}");
        }
    }
}
