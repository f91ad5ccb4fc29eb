//! Times and durations as people type them: `2026-09-01`, `2026-09-01T09:30:00Z`, `7d`,
//! `+2d`, `today`, `now`; and `90`, `5m`, `1h30m`, `2d` for lengths of time.
//!
//! A [`When`] is parsed once (a syntax error is a usage error) and resolved later against one
//! `now`, so `--from 7d --to now` never straddles two clock readings.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};

/// What every time flag accepts, for error messages.
pub const WHEN_FORMS: &str = "a date (2026-09-01, midnight UTC), an RFC 3339 time (2026-09-01T09:30:00Z), \
     or a relative time (7d, 24h, 30m, 2w ago; +2d ahead; today, yesterday, tomorrow, now)";

/// A point in time, possibly relative to now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// A fixed instant.
    At(DateTime<Utc>),
    /// `now + offset` (negative offsets are in the past).
    FromNow(Duration),
    /// Midnight UTC `days` days from today (0 today, -1 yesterday, 1 tomorrow).
    Midnight(i64),
}

impl When {
    /// The instant this stands for, given `now`.
    pub fn resolve(self, now: DateTime<Utc>) -> DateTime<Utc> {
        match self {
            When::At(t) => t,
            When::FromNow(offset) => now + offset,
            When::Midnight(days) => {
                let day = now.date_naive() + Duration::days(days);
                Utc.from_utc_datetime(&day.and_time(chrono::NaiveTime::MIN))
            }
        }
    }
}

/// Why a time did not parse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadWhen(String);

impl fmt::Display for BadWhen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} is not a time: expected {WHEN_FORMS}", self.0)
    }
}

impl std::error::Error for BadWhen {}

impl FromStr for When {
    type Err = BadWhen;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let s = input.trim();
        let bad = || BadWhen(input.to_owned());
        match s.to_ascii_lowercase().as_str() {
            "now" => return Ok(When::FromNow(Duration::zero())),
            "today" => return Ok(When::Midnight(0)),
            "yesterday" => return Ok(When::Midnight(-1)),
            "tomorrow" => return Ok(When::Midnight(1)),
            _ => {}
        }
        if let Ok(t) = DateTime::parse_from_rfc3339(s) {
            return Ok(When::At(t.with_timezone(&Utc)));
        }
        // A time without an offset is UTC, like every time meetkit prints.
        for format in [
            "%Y-%m-%dT%H:%M:%S%.f",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M:%S%.f",
            "%Y-%m-%d %H:%M",
        ] {
            if let Ok(t) = NaiveDateTime::parse_from_str(s, format) {
                return Ok(When::At(Utc.from_utc_datetime(&t)));
            }
        }
        if let Ok(day) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            return Ok(When::At(
                Utc.from_utc_datetime(&day.and_time(chrono::NaiveTime::MIN)),
            ));
        }
        let (ahead, rest) = match s.strip_prefix('+') {
            Some(rest) => (true, rest),
            None => (false, s.strip_prefix('-').unwrap_or(s)),
        };
        let rest = rest.strip_suffix(" ago").unwrap_or(rest).trim();
        let span = parse_span(rest).ok_or_else(bad)?;
        Ok(When::FromNow(if ahead { span } else { -span }))
    }
}

/// A length of time: `90` (seconds), `45s`, `5m`, `1h30m`, `2d`, `1w`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span(pub Duration);

impl FromStr for Span {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_span(s.trim()).map(Span).ok_or_else(|| {
            format!("{s:?} is not a length of time: expected seconds (90) or a number with a unit (45s, 5m, 1h30m, 2d, 1w)")
        })
    }
}

impl Span {
    /// Whole seconds.
    pub fn seconds(self) -> i64 {
        self.0.num_seconds()
    }
}

/// `90`, `45s`, `5m`, `1h30m`, `2d`, `1w`: a sum of `<number><unit>` parts, or bare seconds.
fn parse_span(s: &str) -> Option<Duration> {
    if s.is_empty() {
        return None;
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse::<i64>().ok().and_then(Duration::try_seconds);
    }
    let mut total = Duration::zero();
    let mut digits = String::new();
    for c in s.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        let n: i64 = digits.parse().ok()?;
        digits.clear();
        let part = match c {
            's' => Duration::try_seconds(n)?,
            'm' => Duration::try_minutes(n)?,
            'h' => Duration::try_hours(n)?,
            'd' => Duration::try_days(n)?,
            'w' => Duration::try_weeks(n)?,
            _ => return None,
        };
        total = total.checked_add(&part)?;
    }
    digits.is_empty().then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 21, 12, 30, 0)
            .single()
            .unwrap_or_default()
    }

    fn at(s: &str) -> Result<DateTime<Utc>, BadWhen> {
        s.parse::<When>().map(|w| w.resolve(now()))
    }

    #[test]
    fn absolute_forms() -> Result<(), BadWhen> {
        let midnight = Utc
            .with_ymd_and_hms(2026, 9, 1, 0, 0, 0)
            .single()
            .unwrap_or_default();
        assert_eq!(at("2026-09-01")?, midnight);
        assert_eq!(at("2026-09-01T00:00:00Z")?, midnight);
        assert_eq!(at("2026-09-01T02:00:00+02:00")?, midnight);
        assert_eq!(at("2026-09-01T00:00")?, midnight);
        assert_eq!(at("2026-09-01 00:00:00")?, midnight);
        Ok(())
    }

    #[test]
    fn relative_forms() -> Result<(), BadWhen> {
        assert_eq!(at("now")?, now());
        assert_eq!(at("7d")?, now() - Duration::days(7));
        assert_eq!(at("7d ago")?, now() - Duration::days(7));
        assert_eq!(at("-24h")?, now() - Duration::hours(24));
        assert_eq!(at("+2d")?, now() + Duration::days(2));
        assert_eq!(at("1h30m")?, now() - Duration::minutes(90));
        assert_eq!(
            at("today")?,
            Utc.with_ymd_and_hms(2026, 11, 21, 0, 0, 0)
                .single()
                .unwrap_or_default()
        );
        assert_eq!(
            at("Yesterday")?,
            Utc.with_ymd_and_hms(2026, 11, 20, 0, 0, 0)
                .single()
                .unwrap_or_default()
        );
        Ok(())
    }

    #[test]
    fn nonsense_is_refused_with_the_accepted_forms() {
        for bad in ["", "soon", "2026-13-01", "7x", "d", "7d7", "2026/09/01"] {
            let err = at(bad).err().map(|e| e.to_string()).unwrap_or_default();
            assert!(err.contains("is not a time"), "{bad:?}: {err}");
            assert!(err.contains("RFC 3339"), "{bad:?}: {err}");
        }
    }

    #[test]
    fn spans() {
        assert_eq!("90".parse::<Span>().map(Span::seconds), Ok(90));
        assert_eq!("5m".parse::<Span>().map(Span::seconds), Ok(300));
        assert_eq!("1h30m".parse::<Span>().map(Span::seconds), Ok(5400));
        assert_eq!("2d".parse::<Span>().map(Span::seconds), Ok(172_800));
        assert!("5 minutes".parse::<Span>().is_err());
        assert!("".parse::<Span>().is_err());
    }
}
