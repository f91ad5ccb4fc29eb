//! How the generated clients read `format: date-time` fields: the shape providers send
//! (`2026-06-01T00:14:31Z`, `2026-06-01T00:14:31.123+02:00`) is read digit by digit; anything
//! else is handed to chrono, whose rules (and errors) are what `DateTime<Utc>`'s own
//! `Deserialize` applies. chrono's parser, general enough for every RFC 3339 variant, was
//! about 8 % of a listing's instructions.
//!
//! `cargo xtask generate` puts [`deserialize`] / [`deserialize_opt`] on every such field of
//! the generated types (see `xtask/src/decoder.rs`); the fields keep chrono's type.

use std::fmt;

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use serde::Deserializer;
use serde::de::{self, Visitor};

/// Reads `text` when it is exactly `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` with values in
/// range; `None` sends it to chrono (another shape, a leap second, a bad value).
fn parse_common(text: &str) -> Option<DateTime<Utc>> {
    let b = text.as_bytes();
    if b.len() < 20
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let num = |from: usize, to: usize| -> Option<u32> {
        b[from..to].iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let (year, month, day) = (num(0, 4)?, num(5, 7)?, num(8, 10)?);
    let (hour, minute, second) = (num(11, 13)?, num(14, 16)?, num(17, 19)?);
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let mut at = 19;
    let mut nanos = 0u32;
    if b[at] == b'.' {
        let digits = b[at + 1..]
            .iter()
            .take_while(|d| d.is_ascii_digit())
            .count();
        if digits == 0 || digits > 9 {
            return None;
        }
        nanos = num(at + 1, at + 1 + digits)? * 10u32.pow(9 - digits as u32);
        at += 1 + digits;
    }
    let offset_seconds = match &b[at..] {
        b"Z" => 0,
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            let (h, m) = (num(at + 1, at + 3)?, num(at + 4, at + 6)?);
            if h > 23 || m > 59 {
                return None;
            }
            let seconds = i64::from(h * 3600 + m * 60);
            if *sign == b'-' { -seconds } else { seconds }
        }
        _ => return None,
    };
    let local = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?
        .and_hms_nano_opt(hour, minute, second, nanos)?;
    let utc = local.checked_sub_signed(TimeDelta::seconds(offset_seconds))?;
    Some(utc.and_utc())
}

/// Reads one RFC 3339 date and time.
struct Rfc3339;

impl Visitor<'_> for Rfc3339 {
    type Value = DateTime<Utc>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an RFC 3339 formatted date and time string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<DateTime<Utc>, E> {
        match parse_common(text) {
            Some(t) => Ok(t),
            None => text.parse().map_err(E::custom),
        }
    }
}

/// Reads one optional RFC 3339 date and time.
struct Optional;

impl<'de> Visitor<'de> for Optional {
    type Value = Option<DateTime<Utc>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an RFC 3339 formatted date and time string or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        deserialize(d).map(Some)
    }
}

/// `deserialize_with` for a `DateTime<Utc>` field: the same values and errors as chrono's own
/// `Deserialize`, faster for the common shape (see the module docs).
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    d.deserialize_str(Rfc3339)
}

/// `deserialize_with` for an `Option<DateTime<Utc>>` field (`null` is `None`).
pub fn deserialize_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    d.deserialize_option(Optional)
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;

    #[derive(Debug, Deserialize)]
    struct Record {
        #[serde(deserialize_with = "deserialize")]
        at: DateTime<Utc>,
        #[serde(default, deserialize_with = "deserialize_opt")]
        maybe: Option<DateTime<Utc>>,
    }

    /// chrono's own reading of `text`, as `DateTime<Utc>`'s `Deserialize` does it.
    fn chrono(text: &str) -> Result<DateTime<Utc>, String> {
        text.parse::<DateTime<Utc>>().map_err(|e| e.to_string())
    }

    fn ours(text: &str) -> Result<DateTime<Utc>, String> {
        Rfc3339
            .visit_str::<de::value::Error>(text)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn every_shape_reads_as_chrono_reads_it() {
        let mut texts: Vec<String> = [
            "2026-06-01T00:14:31Z",
            "2026-06-01T00:14:31.5Z",
            "2026-06-01T00:14:31.123Z",
            "2026-06-01T00:14:31.123456Z",
            "2026-06-01T00:14:31.123456789Z",
            "2026-06-01T00:14:31.1234567891Z",
            "2026-06-01T00:14:31+02:00",
            "2026-06-01T00:14:31.25-07:30",
            "2026-06-01T00:14:31-00:00",
            "2026-01-01T00:30:00+01:00",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z",
            "2024-02-29T12:00:00Z",
            "2025-02-29T12:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-06-31T00:00:00Z",
            "2026-06-01T24:00:00Z",
            "2026-06-01T23:60:00Z",
            "2016-12-31T23:59:60Z",
            "2026-06-01T00:14:31+24:00",
            "2026-06-01T00:14:31+05:60",
            "2026-06-01t00:14:31z",
            "2026-06-01 00:14:31Z",
            "2026-06-01T00:14:31",
            "2026-06-01T00:14:31.Z",
            "2026-06-01T00:14:31+0200",
            "2026-06-01T00:14:31Z ",
            "2026-06-01",
            "",
            "２０２６-06-01T00:14:31Z",
            "2026-06-01T00:14:3１Z",
        ]
        .map(String::from)
        .to_vec();
        // Every hour and minute of offset either way, and every fraction width.
        for h in 0..24 {
            for m in [0, 15, 30, 45, 59] {
                for sign in ['+', '-'] {
                    texts.push(format!(
                        "2026-03-08T{h:02}:{m:02}:07.{h}{m}{sign}{h:02}:{m:02}"
                    ));
                }
            }
        }
        for text in &texts {
            assert_eq!(ours(text), chrono(text), "{text:?}");
        }
    }

    #[test]
    fn fields_read_through_serde_as_chronos_own_deserialize_would() -> serde_json::Result<()> {
        let r: Record = serde_json::from_str(r#"{"at":"2026-06-01T02:14:31.5+02:00"}"#)?;
        assert_eq!(r.at, chrono("2026-06-01T00:14:31.5Z").unwrap_or_default());
        assert_eq!(r.maybe, None);
        let r: Record = serde_json::from_str(r#"{"at":"2026-06-01T00:00:00Z","maybe":null}"#)?;
        assert_eq!(r.maybe, None);
        let r: Record = serde_json::from_str(
            r#"{"at":"2026-06-01T00:00:00Z","maybe":"2026-06-02T00:00:00Z"}"#,
        )?;
        assert_eq!(r.maybe, chrono("2026-06-02T00:00:00Z").ok());
        let r: Record =
            sonic_rs::from_str(r#"{"at":"2026-06-01T00:00:00Z","maybe":"2026-06-02T00:00:00Z"}"#)
                .map_err(serde::de::Error::custom)?;
        assert_eq!(r.maybe, chrono("2026-06-02T00:00:00Z").ok());
        for bad in [
            r#"{"at":5}"#,
            r#"{"at":"yesterday"}"#,
            r#"{"at":"2026-06-01T00:00:00Z","maybe":7}"#,
        ] {
            let err = serde_json::from_str::<Record>(bad)
                .err()
                .map(|e| e.to_string());
            assert!(
                err.is_some_and(
                    |e| e.contains("RFC 3339") || e.contains("input contains invalid characters")
                ),
                "{bad}"
            );
        }
        Ok(())
    }
}
