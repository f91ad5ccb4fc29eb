//! What a provider's answer tells of the account's rate limit, read from the headers its
//! descriptor names ([`RateLimitHeaders`]). Providers write these headers by hand, so they
//! are read leniently: a header that is missing or is not a number is left out, and an answer
//! that tells nothing readable tells nothing.

use std::time::Duration;

use reqwest::header::HeaderMap;

use crate::descriptor::RateLimitHeaders;

/// The longest reset taken from a header (a longer one is a provider's mistake).
const MAX_RESET: Duration = Duration::from_secs(86_400);

/// What one answer told of the account's rate limit.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Announced {
    /// The requests allowed per window (never zero).
    pub limit: Option<u32>,
    /// The time until the window resets.
    pub reset: Option<Duration>,
}

impl Announced {
    /// What `headers` tell in the headers `names` names; `None` when they tell nothing.
    pub fn read(names: &RateLimitHeaders, headers: &HeaderMap) -> Option<Self> {
        let told = Self {
            limit: count(headers, names.limit).filter(|limit| *limit > 0),
            reset: number(headers, names.reset)
                .map(|s| Duration::from_secs_f64(s.min(MAX_RESET.as_secs_f64()))),
        };
        (told != Self::default()).then_some(told)
    }
}

/// The header `name` as a number that is finite and not negative: its first item when it
/// is a list (`100, 100;w=60`), without parameters.
fn number(headers: &HeaderMap, name: &str) -> Option<f64> {
    let value = headers.get(name)?.to_str().ok()?;
    let first = value.split([',', ';']).next()?.trim();
    first
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite() && *n >= 0.0)
}

/// The header `name` as a count of requests (a fraction rounded down).
fn count(headers: &HeaderMap, name: &str) -> Option<u32> {
    number(headers, name).map(|n| n.min(f64::from(u32::MAX)).floor() as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    const NAMES: RateLimitHeaders = RateLimitHeaders {
        limit: "x-ratelimit-limit",
        reset: "x-ratelimit-reset",
    };

    fn headers(pairs: &[(&'static str, &[u8])]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            if let Ok(value) = HeaderValue::from_bytes(value) {
                map.append(*name, value);
            }
        }
        map
    }

    #[test]
    fn reads_the_limit_and_the_reset() {
        let told = Announced::read(
            &NAMES,
            &headers(&[
                ("x-ratelimit-limit", b"20"),
                ("x-ratelimit-remaining", b"7"),
                ("x-ratelimit-reset", b" 1.5 "),
            ]),
        );
        assert_eq!(
            told,
            Some(Announced {
                limit: Some(20),
                reset: Some(Duration::from_millis(1_500)),
            })
        );
    }

    #[test]
    fn header_names_are_matched_whatever_their_case() {
        let told = Announced::read(&NAMES, &headers(&[("X-RateLimit-Limit", b"100")]));
        assert_eq!(told.and_then(|t| t.limit), Some(100));
    }

    #[test]
    fn the_first_item_of_a_list_counts_and_its_parameters_do_not() {
        let told = Announced::read(
            &NAMES,
            &headers(&[
                ("x-ratelimit-limit", b"100;w=60, 1000;w=3600"),
                ("x-ratelimit-reset", b"40, 900"),
            ]),
        );
        assert_eq!(told.and_then(|t| t.limit), Some(100));
        assert_eq!(told.and_then(|t| t.reset), Some(Duration::from_secs(40)));
    }

    #[test]
    fn missing_headers_tell_nothing() {
        assert_eq!(Announced::read(&NAMES, &HeaderMap::new()), None);
        assert_eq!(
            Announced::read(&NAMES, &headers(&[("retry-after", b"3")])),
            None
        );
    }

    #[test]
    fn values_that_are_not_counts_are_left_out_without_a_panic() {
        for bad in [
            &b"twenty"[..],
            b"",
            b"-1",
            b"NaN",
            b"inf",
            b"1e400",
            b"\xff\xfe",
            b"0x14",
        ] {
            let told = Announced::read(
                &NAMES,
                &headers(&[("x-ratelimit-limit", bad), ("x-ratelimit-reset", bad)]),
            );
            assert_eq!(told, None, "{:?}", String::from_utf8_lossy(bad));
        }
        // A limit of zero is no limit told, and does not hide the reset.
        let told = Announced::read(
            &NAMES,
            &headers(&[("x-ratelimit-limit", b"0"), ("x-ratelimit-reset", b"2")]),
        );
        assert_eq!(
            told,
            Some(Announced {
                reset: Some(Duration::from_secs(2)),
                ..Announced::default()
            })
        );
    }

    #[test]
    fn huge_values_are_clamped() {
        let told = Announced::read(
            &NAMES,
            &headers(&[
                ("x-ratelimit-limit", b"1e30"),
                ("x-ratelimit-reset", b"1e300"),
            ]),
        );
        assert_eq!(
            told,
            Some(Announced {
                limit: Some(u32::MAX),
                reset: Some(MAX_RESET),
            })
        );
    }
}
