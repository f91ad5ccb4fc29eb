//! Split planning: where a dense window is cut after its first page, and into how many pieces.

use super::adapter::{PageOrder, RawPage};
use crate::query::Window;

/// Pages left in a listing after its first page, per piece, when the provider's rate is not
/// known.
const PAGES_PER_PIECE: f64 = 8.0;

/// What decides how many pieces the rest of a listing is split into.
pub(super) struct PieceShape {
    /// Requests the provider may have in flight.
    pub(super) concurrency: usize,
    /// The provider's rate (requests a second), if known.
    pub(super) rate: Option<f64>,
    /// How long the first page took.
    pub(super) latency: std::time::Duration,
}

impl PieceShape {
    /// Pieces for `pages_left` pages. Every piece may end in a short page, so `k` pieces cost
    /// up to `k − 1` requests more than one chain. With a known rate, the `k` that finishes
    /// soonest by the estimate wins (smaller on ties): the rate windows before the last, then
    /// the last window's requests shared by `k` chains of one round trip each — never sooner
    /// than the longest chain. Without a rate, a piece per [`PAGES_PER_PIECE`] pages.
    pub(super) fn pieces(&self, pages_left: f64) -> usize {
        let needed = pages_left.ceil().max(0.0) as usize;
        let most = self.concurrency.min(needed).max(1);
        let Some(rate) = self.rate.filter(|r| *r >= 1.0) else {
            return ((pages_left / PAGES_PER_PIECE).ceil() as usize).clamp(1, most);
        };
        let per_window = rate.floor() as usize;
        let trip = self.latency.as_secs_f64();
        let window = crate::ratelimit::RATE_WINDOW.as_secs_f64();
        let estimate = |k: usize| {
            // The first page already took a slot of the current window.
            let requests = needed + k;
            let windows = requests.div_ceil(per_window);
            let last = requests - (windows - 1) * per_window;
            let by_rate = (windows - 1) as f64 * window + last.div_ceil(k) as f64 * trip;
            by_rate.max((needed + k - 1).div_ceil(k) as f64 * trip)
        };
        (1..=most)
            .fold((1, f64::INFINITY), |best, k| {
                let t = estimate(k);
                if t < best.1 - 1e-9 { (k, t) } else { best }
            })
            .0
    }
}

/// records on the far side of its last start) and the pieces the rest of `window` falls into.
/// `None` when too little is left to be worth it or the page gives no edge to cut at.
pub(super) fn plan_split(
    order: PageOrder,
    window: &Window,
    first: &RawPage,
    shape: &PieceShape,
) -> Option<(Window, Vec<Window>)> {
    let starts = first.meetings.iter().map(|m| m.start);
    let (lo, hi) = (starts.clone().min()?, starts.max()?);
    let one = chrono::Duration::nanoseconds(1);
    // The page's last start is the cut; records at exactly that start may continue on the
    // next page, so they go to the rest, and the first page keeps only those beyond it.
    let (own, rest, covered) = match order {
        PageOrder::Descending => (
            Window::new(lo + one, window.to()).ok()?,
            Window::new(window.from(), lo + one).ok()?,
            hi - lo,
        ),
        PageOrder::Ascending => (
            Window::new(window.from(), hi).ok()?,
            Window::new(hi, window.to()).ok()?,
            hi - lo,
        ),
    };
    let page_size = first.records.max(1) as f64;
    let left = match first.total_results {
        Some(total) => total.saturating_sub(first.records as u64) as f64,
        None => {
            // No total: assume the rest is as dense as the first page.
            let covered = covered.num_milliseconds();
            if covered <= 0 {
                return None;
            }
            let rest_ms = (rest.to() - rest.from()).num_milliseconds() as f64;
            (first.records.saturating_sub(1)) as f64 * rest_ms / covered as f64
        }
    };
    let pieces = shape.pieces(left / page_size);
    if pieces < 2 {
        return None;
    }
    let parts = rest.split_into(pieces);
    (parts.len() >= 2).then_some((own, parts))
}
