//! How every generated client decodes a response body: with sonic-rs, a SIMD JSON parser,
//! falling back to serde_json when sonic-rs rejects the body.
//!
//! Decoding is the largest share of a listing's CPU after writing it out, and sonic-rs scans
//! strings and structure with vector instructions where serde_json goes byte by byte. Both
//! drive the same `Deserialize` impls (the generated types), so a body both accept decodes to
//! the same value. A body sonic-rs rejects is handed to serde_json: what serde_json accepts is
//! still accepted, and what it rejects fails with serde_json's own error (line, column and
//! words unchanged), which is what `Error::InvalidResponsePayload` carries and what meetkit's
//! messages quote.
//!
//! `cargo xtask generate` points every `ResponseValue::from_response` call of the generated
//! code at [`from_response`] (see `xtask/src/generate.rs`).

use progenitor_client::{Error, ResponseValue};
use serde::de::DeserializeOwned;

/// Reads `response`'s body and decodes it as `T`: progenitor's `ResponseValue::from_response`
/// with the decoder of the module docs.
pub async fn from_response<T: DeserializeOwned, E>(
    response: reqwest::Response,
) -> Result<ResponseValue<T>, Error<E>> {
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.bytes().await.map_err(Error::ResponseBodyError)?;
    match decode(&body) {
        Ok(inner) => Ok(ResponseValue::new(inner, status, headers)),
        Err(e) => Err(Error::InvalidResponsePayload(body, e)),
    }
}

/// How deep a body may nest and still go to sonic-rs in a debug build. sonic-rs recurses up
/// to 255 levels (serde_json stops at 128). Optimized, that takes under 256 KB of stack
/// (measured: 254 levels of `serde_json::Value` decode on a 256 KB thread); unoptimized,
/// its frames take about 15 KB a level, and 130 levels overflow the 2 MB stack of a tokio
/// worker or a test thread. So a debug build scans each body first and hands one nested
/// deeper than this to serde_json; a release build skips the scan, which costs about 5 % of
/// a listing's instructions (short strings make many `memchr` calls). Pages nest a handful of
/// levels.
const SONIC_MAX_DEPTH: usize = 48;

/// Decodes `body` as `T` (see the module docs).
pub fn decode<T: DeserializeOwned>(body: &[u8]) -> Result<T, serde_json::Error> {
    if cfg!(debug_assertions) && nests_deeper_than(body, SONIC_MAX_DEPTH) {
        return serde_json::from_slice(body);
    }
    match sonic_rs::from_slice(body) {
        Ok(value) => Ok(value),
        Err(_) => serde_json::from_slice(body),
    }
}

/// True when `body`'s arrays and objects nest more than `limit` deep, brackets inside strings
/// not counted. Strings, most of a page, are skipped with `memchr`.
fn nests_deeper_than(body: &[u8], limit: usize) -> bool {
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(&byte) = body.get(at) {
        match byte {
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b'"' => {
                // To the closing quote: past every escaped character.
                loop {
                    let rest = body.get(at + 1..).unwrap_or_default();
                    match memchr::memchr2(b'"', b'\\', rest) {
                        Some(i) if rest[i] == b'\\' => at += i + 2,
                        Some(i) => {
                            at += i + 1;
                            break;
                        }
                        None => return false,
                    }
                }
            }
            _ => {}
        }
        at += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Deserialize;

    use super::*;

    /// A page shaped like the generated types: owned strings, options, numbers of each kind,
    /// nested records, an open map and raw JSON.
    #[derive(Debug, Deserialize, PartialEq)]
    struct Page {
        data: Vec<Record>,
        next: Option<String>,
        total: Option<u64>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Record {
        id: String,
        title: Option<String>,
        duration: Option<i64>,
        size: Option<f64>,
        #[serde(default)]
        tags: Vec<String>,
        #[serde(default)]
        extra: BTreeMap<String, serde_json::Value>,
    }

    /// Bodies both decoders must read to the same value.
    const AGREED: &[&str] = &[
        r#"{"data":[],"next":null,"total":0}"#,
        r#"{"data":[{"id":"a","title":"Stand-up — Zoë's \"team\"","duration":-5,"size":1.5}],"next":"c2","total":18446744073709551615}"#,
        r#"{"data":[{"id":"\u00e9\ud83d\ude00\t\n\\\/","title":null,"duration":9223372036854775807,"size":1e-7,"tags":["x","\u2028"]}],"next":null,"total":null}"#,
        r#"{"data":[{"id":"b","size":123456789.123456789,"extra":{"n":[1,-2,3.25,true,null,{"k":"v"}],"big":1.7976931348623157e308}}],"total":1}"#,
        "  {\"data\" : [ {\"id\" : \"c\" , \"unknown\" : {\"deep\" : [[]]}} ] }\n",
    ];

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    #[test]
    fn sonic_rs_and_serde_json_read_the_same_values() -> TestResult {
        for body in AGREED {
            // sonic-rs itself, not the fallback, must read them.
            let sonic: Page = sonic_rs::from_slice(body.as_bytes())?;
            let theirs: Page = serde_json::from_slice(body.as_bytes())?;
            assert_eq!(sonic, theirs, "{body}");
            assert_eq!(decode::<Page>(body.as_bytes()).ok(), Some(theirs), "{body}");
        }
        Ok(())
    }

    #[test]
    fn a_body_that_does_not_decode_fails_with_serde_jsons_own_error() {
        for body in [
            "",
            "<html>502 Bad Gateway</html>",
            r#"{"data":[{"id":"a"}],"next":"x""#,
            r#"{"data":[{"id":7}]}"#,
            r#"{"data":[{"title":"no id"}]}"#,
            r#"{"data":[{"id":"\ud800"}]}"#,
        ] {
            let (Err(ours), Err(theirs)) = (
                decode::<Page>(body.as_bytes()),
                serde_json::from_slice::<Page>(body.as_bytes()),
            ) else {
                panic!("{body} decoded");
            };
            assert_eq!(ours.to_string(), theirs.to_string(), "{body}");
            assert_eq!(
                (ours.line(), ours.column()),
                (theirs.line(), theirs.column())
            );
        }
    }

    fn response(status: u16, body: &str) -> reqwest::Response {
        let mut built = http::Response::new(body.to_owned());
        *built.status_mut() =
            reqwest::StatusCode::from_u16(status).unwrap_or(reqwest::StatusCode::OK);
        built
            .headers_mut()
            .insert("x-ratelimit-remaining", http::HeaderValue::from_static("9"));
        reqwest::Response::from(built)
    }

    #[tokio::test]
    async fn a_response_keeps_its_status_and_headers_and_a_bad_body_keeps_its_bytes() -> TestResult
    {
        let page: ResponseValue<Page> = from_response::<_, ()>(response(201, AGREED[1])).await?;
        assert_eq!(page.status(), 201);
        assert_eq!(page.headers()["x-ratelimit-remaining"], "9");
        assert_eq!(page.next.as_deref(), Some("c2"));

        match from_response::<Page, ()>(response(200, "{\"data\":")).await {
            Err(Error::InvalidResponsePayload(bytes, e)) => {
                assert_eq!(&bytes[..], b"{\"data\":");
                assert!(e.is_eof(), "{e}");
            }
            other => panic!("expected InvalidResponsePayload, got {other:?}"),
        }
        Ok(())
    }

    #[test]
    fn nesting_is_measured_outside_strings_only() {
        let deep = |n: usize| format!("{}1{}", "[".repeat(n), "]".repeat(n));
        assert!(!nests_deeper_than(deep(48).as_bytes(), 48));
        assert!(nests_deeper_than(deep(49).as_bytes(), 48));
        let objects = format!("{}1{}", "{\"a\":".repeat(49), "}".repeat(49));
        assert!(nests_deeper_than(objects.as_bytes(), 48));
        // Brackets in strings, escaped quotes and backslashes do not count.
        let text = format!(r#"{{"s":"{}\"\\","t":[1]}}"#, "[{".repeat(100));
        assert!(!nests_deeper_than(text.as_bytes(), 2));
        assert!(nests_deeper_than(text.as_bytes(), 1));
        // A string left open ends the scan, also right after a backslash (found by the fuzzer);
        // the decoders report the body.
        assert!(!nests_deeper_than(br#"{"s":"[[[["#, 2));
        for cut in [
            &br#""\"#[..],
            br#"["\"#,
            br#"[[{"a":{"\"#,
            br#""\\"#,
            br#""\""#,
        ] {
            assert!(!nests_deeper_than(cut, 8), "{cut:?}");
            assert!(decode::<Page>(cut).is_err());
        }
    }

    #[test]
    fn a_deep_body_never_overflows_the_stack() {
        // On a 512 KB stack, a quarter of a tokio worker's, in debug and release builds alike.
        let outcome = std::thread::Builder::new()
            .stack_size(512 * 1024)
            .spawn(|| {
                [10, 60, 127, 129, 254, 400].map(|depth| {
                    let body = format!(
                        r#"{{"data":[{{"id":"a","extra":{{"x":{}1{}}}}}]}}"#,
                        "[".repeat(depth),
                        "]".repeat(depth)
                    );
                    let ours = decode::<Page>(body.as_bytes()).map_err(|e| e.to_string());
                    let theirs =
                        serde_json::from_slice::<Page>(body.as_bytes()).map_err(|e| e.to_string());
                    (depth, ours, theirs)
                })
            })
            .map(|thread| thread.join());
        let Ok(Ok(results)) = outcome else {
            panic!("decoding deep bodies failed on a 512 KB stack");
        };
        for (depth, ours, theirs) in results {
            if depth <= SONIC_MAX_DEPTH || cfg!(debug_assertions) {
                // What sonic-rs reads, and in debug builds what the scan hands to serde_json.
                assert_eq!(ours, theirs, "depth {depth}");
            }
            // sonic-rs refuses past 255 levels, serde_json past 128.
            assert_eq!(
                ours.is_ok(),
                depth < 127 || (!cfg!(debug_assertions) && depth < 250),
                "depth {depth}"
            );
        }
    }
}
