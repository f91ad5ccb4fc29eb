//! How the model's instants are written: RFC 3339 in UTC, exactly as chrono's serde support
//! writes a `DateTime<Utc>` (`2026-06-01T00:14:31Z`, a fraction only when there is one, in
//! 3, 6 or 9 digits), but formatted straight into a small buffer instead of through
//! `fmt::Display` one character at a time. A listing writes two or three instants a meeting,
//! and chrono's formatter was about 4 % of the CLI's CPU. Instants this does not cover (a
//! year outside 0–9999, a leap second) are handed to chrono.
//!
//! [`micros`] writes the fixed-width form databases store (always six fraction digits), as
//! chrono's `to_rfc3339_opts(SecondsFormat::Micros, true)` does.

use chrono::{DateTime, Datelike, SecondsFormat, Timelike, Utc};
use serde::{Serialize, Serializer};

/// The longest text [`format`] writes: `YYYY-MM-DDTHH:MM:SS.nnnnnnnnnZ`.
const MAX_LEN: usize = 30;

fn digits(out: &mut [u8], value: u32) {
    let mut v = value;
    for d in out.iter_mut().rev() {
        *d = b'0' + (v % 10) as u8;
        v /= 10;
    }
}

/// Writes `YYYY-MM-DDTHH:MM:SS` into `buf[..19]`; false when chrono must write `t` (a year
/// outside 0–9999, a leap second).
fn seconds(t: &DateTime<Utc>, buf: &mut [u8; MAX_LEN]) -> bool {
    let year = t.year();
    if !(0..=9999).contains(&year) || t.nanosecond() >= 1_000_000_000 {
        return false;
    }
    buf[..19].copy_from_slice(b"0000-00-00T00:00:00");
    digits(&mut buf[0..4], year as u32);
    digits(&mut buf[5..7], t.month());
    digits(&mut buf[8..10], t.day());
    digits(&mut buf[11..13], t.hour());
    digits(&mut buf[14..16], t.minute());
    digits(&mut buf[17..19], t.second());
    true
}

/// Writes `t` into `buf` and returns the text, or `None` when chrono must write it.
fn format<'b>(t: &DateTime<Utc>, buf: &'b mut [u8; MAX_LEN]) -> Option<&'b str> {
    if !seconds(t, buf) {
        return None;
    }
    let (fraction, width) = match t.nanosecond() {
        0 => (0, 0),
        n if n % 1_000_000 == 0 => (n / 1_000_000, 3),
        n if n % 1_000 == 0 => (n / 1_000, 6),
        n => (n, 9),
    };
    let mut at = 19;
    if width > 0 {
        buf[at] = b'.';
        digits(&mut buf[at + 1..at + 1 + width], fraction);
        at += 1 + width;
    }
    buf[at] = b'Z';
    at += 1;
    std::str::from_utf8(&buf[..at]).ok()
}

/// `t` as `YYYY-MM-DDTHH:MM:SS.ffffffZ`: fixed width, so text order is time order.
pub fn micros(t: &DateTime<Utc>) -> String {
    let mut buf = [0u8; MAX_LEN];
    if !seconds(t, &mut buf) {
        return t.to_rfc3339_opts(SecondsFormat::Micros, true);
    }
    buf[19] = b'.';
    digits(&mut buf[20..26], t.nanosecond() / 1_000);
    buf[26] = b'Z';
    match std::str::from_utf8(&buf[..27]) {
        Ok(text) => text.to_owned(),
        Err(_) => t.to_rfc3339_opts(SecondsFormat::Micros, true),
    }
}

/// `serialize_with` for a `DateTime<Utc>` field.
pub fn serialize<S: Serializer>(t: &DateTime<Utc>, serializer: S) -> Result<S::Ok, S::Error> {
    let mut buf = [0u8; MAX_LEN];
    match format(t, &mut buf) {
        Some(text) => serializer.serialize_str(text),
        None => t.serialize(serializer),
    }
}

/// `serialize_with` for an `Option<DateTime<Utc>>` field.
pub fn serialize_opt<S: Serializer>(
    t: &Option<DateTime<Utc>>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => serialize(t, serializer),
        None => serializer.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone};

    fn ours(t: &DateTime<Utc>) -> String {
        let mut out = Vec::new();
        let mut ser = serde_json::Serializer::new(&mut out);
        serialize(t, &mut ser).unwrap_or_default();
        String::from_utf8(out).unwrap_or_default()
    }

    #[test]
    fn writes_what_chrono_writes() {
        let mut instants: Vec<DateTime<Utc>> = Vec::new();
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            // Years 0 to 9999, every kind of fraction.
            let secs = (x % 315_537_897_600) as i64 - 62_167_219_200;
            let nanos = match x % 5 {
                0 => 0,
                1 => ((x >> 20) % 1000) as u32 * 1_000_000,
                2 => ((x >> 20) % 1_000_000) as u32 * 1_000,
                _ => ((x >> 20) % 1_000_000_000) as u32,
            };
            if let Some(t) = Utc.timestamp_opt(secs, nanos).single() {
                instants.push(t);
            }
        }
        let edges = [
            (0, 1, 1, 0, 0, 0, 0),
            (9999, 12, 31, 23, 59, 59, 999_999_999),
            (2026, 6, 1, 0, 14, 31, 0),
            (2026, 6, 1, 0, 14, 31, 100_000),
            (2026, 6, 1, 0, 14, 31, 120_000_000),
            (2026, 6, 1, 0, 14, 31, 1),
            // chrono's fallback: outside 0–9999, and a leap second.
            (-1, 12, 31, 23, 59, 59, 0),
            (10_000, 1, 1, 0, 0, 0, 0),
            (2016, 12, 31, 23, 59, 59, 1_500_000_000),
        ];
        for (y, mo, d, h, mi, s, n) in edges {
            let naive =
                NaiveDate::from_ymd_opt(y, mo, d).and_then(|day| day.and_hms_nano_opt(h, mi, s, n));
            instants.extend(naive.map(|t| t.and_utc()));
        }
        assert!(instants.len() > 19_000);
        for t in &instants {
            let chrono = serde_json::to_string(t).unwrap_or_default();
            assert_eq!(ours(t), chrono, "{t:?}");
        }
    }

    #[test]
    fn micros_writes_what_chrono_writes() {
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut instants: Vec<DateTime<Utc>> = (0..20_000)
            .filter_map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                let secs = (x % 315_537_897_600) as i64 - 62_167_219_200;
                Utc.timestamp_opt(secs, ((x >> 20) % 1_000_000_000) as u32)
                    .single()
            })
            .collect();
        let leap = NaiveDate::from_ymd_opt(2016, 12, 31)
            .and_then(|day| day.and_hms_nano_opt(23, 59, 59, 1_500_000_000));
        let far = NaiveDate::from_ymd_opt(10_000, 1, 1).and_then(|day| day.and_hms_opt(0, 0, 0));
        instants.extend([leap, far].into_iter().flatten().map(|t| t.and_utc()));
        assert!(instants.len() > 19_000);
        for t in &instants {
            assert_eq!(
                micros(t),
                t.to_rfc3339_opts(SecondsFormat::Micros, true),
                "{t:?}"
            );
        }
    }

    #[test]
    fn none_is_null() {
        let mut out = Vec::new();
        let mut ser = serde_json::Serializer::new(&mut out);
        assert!(serialize_opt(&None, &mut ser).is_ok());
        assert_eq!(out, b"null");
    }
}
