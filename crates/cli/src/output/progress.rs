//! The progress line on stderr: pages and meetings per provider, only on a terminal.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use meetkit::ProviderProgress;

/// A one-line spinner, or nothing when stderr is not a terminal or `--quiet`.
pub struct ProgressLine {
    bar: Option<ProgressBar>,
}

impl ProgressLine {
    /// Shown when stderr is a terminal and not `quiet`.
    pub fn new(quiet: bool) -> Self {
        if quiet || !std::io::stderr().is_terminal() {
            return Self { bar: None };
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr_with_hz(10));
        bar.set_style(
            ProgressStyle::with_template("{spinner} {elapsed} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar.enable_steady_tick(Duration::from_millis(100));
        Self { bar: Some(bar) }
    }

    /// Whether anything is drawn.
    pub fn is_shown(&self) -> bool {
        self.bar.is_some()
    }

    /// Redraws from a progress snapshot.
    pub fn update(&self, snapshot: &[ProviderProgress]) {
        if let Some(bar) = &self.bar {
            bar.set_message(render(snapshot));
        }
    }

    /// Runs `f` (which writes to the terminal) with the line cleared, then redraws it.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    /// Removes the line.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// `zoom 3p 812m · daily 1p 40m ✓ · telnyx 0p 0m ✗`: pages and meetings per provider, ✓ done,
/// ✗ failed, and retries when there were any.
pub fn render(snapshot: &[ProviderProgress]) -> String {
    snapshot
        .iter()
        .map(|p| {
            let state = if p.failed {
                " ✗"
            } else if p.done {
                " ✓"
            } else {
                ""
            };
            let retries = if p.retries > 0 {
                format!(" {}r", p.retries)
            } else {
                String::new()
            };
            format!(
                "{} {}p {}m{retries}{state}",
                p.provider, p.pages, p.meetings
            )
        })
        .collect::<Vec<_>>()
        .join(" · ")
}
