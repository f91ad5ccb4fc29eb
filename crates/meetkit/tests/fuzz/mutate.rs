//! Structured mutation of JSON documents: the inputs a hostile or broken provider could send.
//!
//! A document is changed as a tree first (wrong types, huge and odd numbers, nulls, deleted and
//! repeated members, deep nesting, timestamps at and past chrono's range), then written out by
//! a writer that can repeat keys and spell numbers oddly, and sometimes damaged as bytes
//! (truncated, invalid UTF-8, flipped or spliced bytes).

use rand::Rng;
use rand::rngs::StdRng;
use serde_json::{Map, Number, Value};

/// Strings that stress parsers of dates, uuids, URLs and enums.
const STRINGS: &[&str] = &[
    "",
    " ",
    "null",
    "0",
    "-1",
    "1e400",
    "NaN",
    "9999-12-31T23:59:59.999999999Z",
    "+262143-12-31T23:59:59Z",
    "-262144-01-01T00:00:00Z",
    "+275760-09-13T00:00:00Z",
    "0000-00-00T00:00:00Z",
    "2024-02-30T25:61:61Z",
    "2024-01-18T12:34:56.1234567891234Z",
    "2024-01-18T12:34:56+99:99",
    "2024-01-18",
    "12/22/2021 16:20",
    "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff",
    "not-a-uuid",
    "http://",
    "https://evil.example/api/v1/bots?cursor=",
    "https://evil.example/api/v1/bots?cursor=%FF%FE",
    "http://[::1]:99999/x?cursor=a&cursor=b",
    "app_",
    "bot_",
    "connecting",
    "connected",
    "disconnecting",
    "completed",
    "processing",
    "recorded",
    "\u{0}",
    "\u{202e}\u{fe0f}\u{1f600}",
    "\\ud800",
];

/// Numbers at and beyond the edges of what the generated types hold.
fn odd_number(rng: &mut StdRng) -> Value {
    let n = match rng.random_range(0..14) {
        0 => Number::from(i64::MAX),
        1 => Number::from(i64::MIN),
        2 => Number::from(u64::MAX),
        3 => Number::from(0),
        4 => Number::from(-1),
        5 => Number::from(253_402_300_800i64),   // year 10000
        6 => Number::from(8_210_298_412_800i64), // beyond chrono's range
        7 => Number::from(-8_334_632_851_200i64),
        8 => Number::from_f64(1e308).unwrap_or_else(|| Number::from(1)),
        9 => Number::from_f64(-1e308).unwrap_or_else(|| Number::from(1)),
        10 => Number::from_f64(0.5).unwrap_or_else(|| Number::from(1)),
        11 => Number::from_f64(f64::MIN_POSITIVE).unwrap_or_else(|| Number::from(1)),
        12 => Number::from(i64::from(rng.random::<i32>())),
        _ => Number::from(rng.random::<u64>()),
    };
    Value::Number(n)
}

fn any_scalar(rng: &mut StdRng) -> Value {
    match rng.random_range(0..5) {
        0 => Value::Null,
        1 => Value::Bool(rng.random()),
        2 => odd_number(rng),
        3 => Value::String(STRINGS[rng.random_range(0..STRINGS.len())].to_owned()),
        _ => Value::String("x".repeat(rng.random_range(0..300))),
    }
}

/// JSON pointers of every node of `v`, the root included.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                pointers(
                    child,
                    format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                pointers(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

/// One random change to one random node of `doc`.
pub fn mutate_tree(doc: &mut Value, rng: &mut StdRng) {
    let mut all = Vec::new();
    pointers(doc, String::new(), &mut all);
    let donor = {
        let p = &all[rng.random_range(0..all.len())];
        doc.pointer(p).cloned().unwrap_or(Value::Null)
    };
    let target = all[rng.random_range(0..all.len())].clone();
    let Some(node) = doc.pointer_mut(&target) else {
        return;
    };
    // Half the time a value keeps its type and takes an edge value of it: most panics hide
    // behind a field that decodes (a huge duration, a date at the end of time).
    if rng.random() {
        match node {
            Value::Number(_) => return *node = odd_number(rng),
            Value::String(_) => {
                return *node = Value::String(STRINGS[rng.random_range(0..STRINGS.len())].into());
            }
            _ => {}
        }
    }
    match rng.random_range(0..10) {
        0 | 1 => *node = any_scalar(rng),
        2 => *node = donor,
        3 => {
            // Deep nesting, sometimes past serde_json's recursion limit.
            let depth = if rng.random_ratio(1, 8) {
                rng.random_range(100..300)
            } else {
                rng.random_range(1..8)
            };
            let mut v = std::mem::take(node);
            for _ in 0..depth {
                v = if rng.random() {
                    Value::Array(vec![v])
                } else {
                    let mut m = Map::new();
                    m.insert("a".into(), v);
                    Value::Object(m)
                };
            }
            *node = v;
        }
        4 => match node {
            Value::Object(m) if !m.is_empty() => {
                let key = m.keys().nth(rng.random_range(0..m.len())).cloned();
                if let Some(key) = key {
                    m.remove(&key);
                }
            }
            Value::Array(a) if !a.is_empty() => {
                a.remove(rng.random_range(0..a.len()));
            }
            other => *other = Value::Null,
        },
        5 => match node {
            Value::Array(a) if !a.is_empty() => {
                // Many copies: long pages, duplicate ids.
                let item = a[rng.random_range(0..a.len())].clone();
                let copies = rng.random_range(1..8);
                a.extend(std::iter::repeat_n(item, copies));
            }
            Value::Object(m) => {
                m.insert(format!("unknown_{}", rng.random::<u8>()), any_scalar(rng));
            }
            other => *other = Value::Array(vec![other.clone(), any_scalar(rng)]),
        },
        6 => *node = Value::Object(Map::new()),
        7 => *node = Value::Array(Vec::new()),
        8 => {
            if let Value::String(s) = node {
                // A string cut anywhere (on a char boundary) or grown.
                let cut = s
                    .char_indices()
                    .map(|(i, _)| i)
                    .nth(rng.random_range(0..=s.chars().count().max(1)))
                    .unwrap_or(s.len());
                s.truncate(cut);
                if rng.random() {
                    s.push_str(STRINGS[rng.random_range(0..STRINGS.len())]);
                }
            } else {
                *node = odd_number(rng);
            }
        }
        _ => *node = Value::Null,
    }
}

/// Writes `v` as JSON text, sometimes repeating a key (with another value) or spelling a
/// number as no serializer would.
pub fn write(v: &Value, rng: &mut StdRng, out: &mut Vec<u8>) {
    match v {
        Value::Object(m) => {
            out.push(b'{');
            let mut first = true;
            for (k, child) in m {
                let repeats = if rng.random_ratio(1, 40) { 2 } else { 1 };
                for r in 0..repeats {
                    if !first {
                        out.push(b',');
                    }
                    first = false;
                    out.extend_from_slice(Value::String(k.clone()).to_string().as_bytes());
                    out.push(b':');
                    if r == 0 {
                        write(child, rng, out);
                    } else {
                        write(&any_scalar(rng), rng, out);
                    }
                }
            }
            out.push(b'}');
        }
        Value::Array(a) => {
            out.push(b'[');
            for (i, child) in a.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write(child, rng, out);
            }
            out.push(b']');
        }
        Value::Number(_) if rng.random_ratio(1, 30) => {
            const ODD: &[&str] = &[
                "1E400",
                "-0",
                "1.0e-400",
                "123456789012345678901234567890",
                "-9223372036854775809",
                "18446744073709551616",
                "0.000000000000000000000000000001",
            ];
            out.extend_from_slice(ODD[rng.random_range(0..ODD.len())].as_bytes());
        }
        scalar => out.extend_from_slice(scalar.to_string().as_bytes()),
    }
}

/// Damages `bytes` as a broken connection or encoder would.
pub fn damage(bytes: &mut Vec<u8>, rng: &mut StdRng, other: &[u8]) {
    if bytes.is_empty() {
        return;
    }
    let at = rng.random_range(0..bytes.len());
    match rng.random_range(0..6) {
        0 => bytes.truncate(at),
        1 => {
            const INVALID: &[&[u8]] = &[
                b"\xff",
                b"\xc3\x28",
                b"\xed\xa0\x80",
                b"\xf4\x90\x80\x80",
                b"\x00",
            ];
            let bad = INVALID[rng.random_range(0..INVALID.len())];
            bytes.splice(at..at, bad.iter().copied());
        }
        2 => bytes[at] ^= 1 << rng.random_range(0..8),
        3 => {
            // Another input's tail spliced in.
            let from = rng.random_range(0..other.len().max(1)).min(other.len());
            bytes.truncate(at);
            bytes.extend_from_slice(&other[from..]);
        }
        4 => {
            let len = rng.random_range(0..16).min(bytes.len() - at);
            bytes.drain(at..at + len);
        }
        _ => {
            let insert: Vec<u8> = (0..rng.random_range(1..8)).map(|_| rng.random()).collect();
            bytes.splice(at..at, insert);
        }
    }
}
