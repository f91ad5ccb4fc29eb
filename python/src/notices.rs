//! Retry notices of a running listing, said through Python's `logging` (logger `meetkit`,
//! level WARNING): a notebook waiting on a provider that keeps failing learns what is being
//! retried and for how long, as the CLI's stderr does, instead of waiting in silence.

use meetkit::Progress;
use pyo3::prelude::*;

/// The notices of one listing already said, per provider.
pub struct RetryNotices {
    progress: Progress,
    said: Vec<u64>,
}

impl RetryNotices {
    /// Watches the listing whose progress is `progress`.
    pub fn new(progress: Progress) -> Self {
        Self {
            progress,
            said: Vec::new(),
        }
    }

    /// Logs each provider's latest notice if it is new since the last call.
    pub fn say(&mut self, py: Python<'_>) -> PyResult<()> {
        let snapshot = self.progress.snapshot();
        self.said.resize(snapshot.len(), 0);
        for (provider, said) in snapshot.iter().zip(self.said.iter_mut()) {
            if provider.notices <= *said {
                continue;
            }
            *said = provider.notices;
            if let Some(notice) = &provider.notice {
                py.import("logging")?
                    .call_method1("getLogger", ("meetkit",))?
                    .call_method1("warning", (notice,))?;
            }
        }
        Ok(())
    }
}
