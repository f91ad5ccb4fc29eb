//! How finely each provider resolves the bounds of its time filters, and widening a window to
//! that resolution.
//!
//! A provider cuts a filter value to its resolution before it compares (Attendee keeps
//! microseconds, Daily takes unix seconds, Zoom and Telnyx dates): a bound finer than that can
//! move past a record inside the window, and the record is lost. So meetkit sends only bounds
//! already at the provider's resolution, widened outward (start down, end up) so the provider
//! answers a superset, and cuts the exact window afterwards (`paging::fetch_window`).

use chrono::{DateTime, TimeDelta, TimeZone, Utc};

use crate::query::Window;

/// The finest step a provider's time-filter bounds resolve to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// Microseconds (Attendee stores and compares them).
    Microsecond,
    /// Whole seconds (Daily's unix seconds; Attention, whose documents give whole seconds).
    Second,
    /// Whole dates (Zoom, Telnyx), taken here as UTC days.
    Day,
}

/// What an adapter declares about its provider's filter bounds.
pub trait BoundResolution {
    /// The resolution the provider cuts its bounds to.
    const BOUND_RESOLUTION: Resolution;
}

const NANOS_PER_MICRO: u32 = 1_000;
const SECONDS_PER_DAY: i64 = 86_400;

impl Resolution {
    /// One step.
    pub fn step(self) -> TimeDelta {
        match self {
            Self::Microsecond => TimeDelta::microseconds(1),
            Self::Second => TimeDelta::seconds(1),
            Self::Day => TimeDelta::days(1),
        }
    }

    /// `t` cut down to a whole step (a UTC midnight for days).
    pub fn floor(self, t: DateTime<Utc>) -> DateTime<Utc> {
        let (secs, nanos) = (t.timestamp(), t.timestamp_subsec_nanos());
        let (secs, nanos) = match self {
            Self::Microsecond => (secs, nanos - nanos % NANOS_PER_MICRO),
            Self::Second => (secs, 0),
            Self::Day => (secs - secs.rem_euclid(SECONDS_PER_DAY), 0),
        };
        // Always representable: never later than `t` and within a day of it.
        Utc.timestamp_opt(secs, nanos).single().unwrap_or(t)
    }

    /// `t` raised to a whole step; `t` itself when it is one.
    pub fn ceil(self, t: DateTime<Utc>) -> DateTime<Utc> {
        let down = self.floor(t);
        if down == t {
            return t;
        }
        down.checked_add_signed(self.step())
            .unwrap_or(DateTime::<Utc>::MAX_UTC)
    }
}

/// `window` widened to whole steps of `resolution`: its start cut down and its end raised.
/// The result contains `window`, and its bounds survive the provider's cut unchanged.
pub fn widen(window: &Window, resolution: Resolution) -> Window {
    Window::new(
        resolution.floor(window.from()),
        resolution.ceil(window.to()),
    )
    .unwrap_or(*window)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<Utc> {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn bounds_are_widened_outward_to_whole_steps() {
        let window = Window::new(
            t("2026-03-04T05:06:07.123456789Z"),
            t("2026-03-09T10:11:12.000000001Z"),
        )
        .unwrap_or_else(|_| unreachable!());
        let cases = [
            (
                Resolution::Microsecond,
                "2026-03-04T05:06:07.123456Z",
                "2026-03-09T10:11:12.000001Z",
            ),
            (
                Resolution::Second,
                "2026-03-04T05:06:07Z",
                "2026-03-09T10:11:13Z",
            ),
            (
                Resolution::Day,
                "2026-03-04T00:00:00Z",
                "2026-03-10T00:00:00Z",
            ),
        ];
        for (resolution, from, to) in cases {
            let wide = widen(&window, resolution);
            assert_eq!((wide.from(), wide.to()), (t(from), t(to)), "{resolution:?}");
        }
    }

    #[test]
    fn bounds_already_whole_are_kept_and_instants_before_1970_round_down() {
        let whole = t("2026-03-04T00:00:00Z");
        for r in [Resolution::Microsecond, Resolution::Second, Resolution::Day] {
            assert_eq!((r.floor(whole), r.ceil(whole)), (whole, whole), "{r:?}");
        }
        let before_epoch = t("1969-12-31T23:59:59.5Z");
        assert_eq!(
            Resolution::Second.floor(before_epoch),
            t("1969-12-31T23:59:59Z")
        );
        assert_eq!(
            Resolution::Day.floor(before_epoch),
            t("1969-12-31T00:00:00Z")
        );
        assert_eq!(
            Resolution::Day.ceil(before_epoch),
            t("1970-01-01T00:00:00Z")
        );
    }
}
