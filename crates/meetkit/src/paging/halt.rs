//! An account-wide failure: the first one stops every window of the partition, and is
//! reported once with the windows it left unfetched.

use std::sync::{Mutex, PoisonError};

use crate::error::ProviderError;
use crate::query::Window;

/// The first account-wide failure of a partition, and the windows it left unfinished. Once
/// tripped, every window of the partition stops before its next request, and the failure is
/// reported once, by the partition, instead of once per window.
#[derive(Debug, Default)]
pub struct Halt {
    state: Mutex<HaltState>,
}

#[derive(Debug, Default)]
struct HaltState {
    error: Option<ProviderError>,
    unfinished: Vec<Window>,
}

impl Halt {
    /// Whether an account-wide failure happened.
    pub fn is_tripped(&self) -> bool {
        self.lock().error.is_some()
    }

    /// The account-wide failure, if one happened (a copy: the partition reports it once).
    pub fn tripped(&self) -> Option<ProviderError> {
        self.lock().error.clone()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HaltState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Records `error` (the first one wins) and its window as unfinished.
    pub(super) fn trip(&self, error: ProviderError, window: Window) {
        let mut state = self.lock();
        if state.error.is_none() {
            tracing::info!(provider = %error.provider, "{error}; stopping this provider account's remaining requests");
            state.error = Some(error);
        }
        state.unfinished.push(window);
    }

    /// Records a window stopped by the halt.
    pub(super) fn unfinished(&self, window: Window) {
        self.lock().unfinished.push(window);
    }

    /// The account-wide failure, once, saying which windows it left unfetched; `None` when
    /// nothing tripped (or it was already taken).
    pub fn take(&self, planned: &[Window]) -> Option<ProviderError> {
        let mut state = self.lock();
        let mut error = state.error.take()?;
        let mut left: Vec<Window> = std::mem::take(&mut state.unfinished);
        // Windows that never started are not in the list: every planned window not done.
        left.sort();
        left.dedup();
        let (Some(first), Some(last)) = (left.first(), left.last()) else {
            return Some(error);
        };
        let note = format!(
            "{} of {} windows were left unfetched, from {} to {}",
            left.len(),
            planned.len(),
            first
                .from()
                .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
            last.to()
                .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
        );
        error.message = format!("{}; {note}", error.message.trim_end().trim_end_matches('.'));
        error.window = Window::new(first.from(), last.to()).ok();
        Some(error)
    }
}
