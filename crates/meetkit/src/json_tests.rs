//! The serializer writes serde_json's bytes for every shape serde has.

use std::collections::BTreeMap;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde::Serialize;
use serde_json::{Value, json};

use super::*;

/// Asserts that `value` serializes to serde_json's compact bytes.
fn same_as_serde_json<T: Serialize + ?Sized>(value: &T) -> Result<(), Box<dyn std::error::Error>> {
    let mut ours = Vec::new();
    to_writer(&mut ours, value)?;
    let expected = serde_json::to_string(value)?;
    assert_eq!(String::from_utf8(ours)?, expected);
    assert_eq!(to_string(value)?, expected);
    Ok(())
}

#[derive(Serialize)]
struct Unit;

#[derive(Serialize)]
struct Newtype(String);

#[derive(Serialize)]
struct Pair(i32, Option<String>);

#[derive(Serialize)]
struct Empty {}

#[derive(Serialize)]
enum External {
    Unit,
    Newtype(u8),
    Tuple(i8, f32),
    Struct { a: bool, b: Vec<u16> },
}

#[derive(Serialize)]
#[serde(tag = "kind")]
enum Internal {
    Unit,
    Struct { x: Option<i64> },
    Wrapped(Empty),
    Map(BTreeMap<String, u32>),
}

#[derive(Serialize)]
#[serde(tag = "t", content = "c")]
enum Adjacent {
    Tuple(u64, u64),
    Struct { s: String },
}

#[derive(Serialize)]
#[serde(untagged)]
enum Untagged {
    Number(f64),
    Text(&'static str),
}

#[derive(Serialize)]
struct Everything {
    unit: Unit,
    unit_value: (),
    newtype: Newtype,
    pair: Pair,
    empty: Empty,
    externals: Vec<External>,
    internals: Vec<Internal>,
    adjacents: Vec<Adjacent>,
    untagged: Vec<Untagged>,
    #[serde(rename = "needs \"escaping\"\n")]
    odd_name: char,
    #[serde(with = "serde_bytes_as_seq")]
    bytes: Vec<u8>,
    int_keys: BTreeMap<i64, &'static str>,
    bool_keys: BTreeMap<bool, u8>,
    char_keys: BTreeMap<char, u8>,
    unit_variant_keys: BTreeMap<Key, u8>,
    skipped: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    left_out: Option<u8>,
    floats: Vec<f64>,
    wide: (i128, u128),
    flattened: Flat,
}

#[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    First,
    Second,
}

#[derive(Serialize)]
struct Flat {
    before: u8,
    #[serde(flatten)]
    rest: BTreeMap<String, Value>,
}

/// `serialize_bytes`, which `Vec<u8>`'s own `Serialize` never calls.
mod serde_bytes_as_seq {
    pub fn serialize<S: serde::Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(bytes)
    }
}

#[test]
fn every_shape_serde_has_is_written_as_serde_json_writes_it()
-> Result<(), Box<dyn std::error::Error>> {
    let everything = Everything {
        unit: Unit,
        unit_value: (),
        newtype: Newtype("tab\t«é»".to_owned()),
        pair: Pair(-7, None),
        empty: Empty {},
        externals: vec![
            External::Unit,
            External::Newtype(255),
            External::Tuple(-128, 1.5),
            External::Struct { a: true, b: vec![] },
        ],
        internals: vec![
            Internal::Unit,
            Internal::Struct { x: Some(i64::MIN) },
            Internal::Wrapped(Empty {}),
            Internal::Map(BTreeMap::from([("k\u{0}".to_owned(), 1)])),
        ],
        adjacents: vec![
            Adjacent::Tuple(0, u64::MAX),
            Adjacent::Struct {
                s: "\u{2028}".to_owned(),
            },
        ],
        untagged: vec![Untagged::Number(-0.0), Untagged::Text("\"")],
        odd_name: '😀',
        bytes: vec![0, 1, 255],
        int_keys: BTreeMap::from([(-1, "a"), (i64::MAX, "b")]),
        bool_keys: BTreeMap::from([(false, 0), (true, 1)]),
        char_keys: BTreeMap::from([('"', 0), ('x', 1)]),
        unit_variant_keys: BTreeMap::from([(Key::First, 1), (Key::Second, 2)]),
        skipped: None,
        left_out: None,
        floats: vec![
            0.0,
            0.1,
            1e21,
            1.5e-7,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ],
        wide: (i128::MIN, u128::MAX),
        flattened: Flat {
            before: 1,
            rest: BTreeMap::from([("after".to_owned(), json!([{"a": null}]))]),
        },
    };
    // Twice: the second time, the names that need no escaping are known (`plain_static`),
    // and the one that does must still be escaped.
    same_as_serde_json(&everything)?;
    same_as_serde_json(&everything)?;
    same_as_serde_json(&Vec::<u8>::new())?;
    same_as_serde_json(&BTreeMap::<String, u8>::new())?;
    same_as_serde_json(&Some(Empty {}))?;
    same_as_serde_json("")?;
    Ok(())
}

/// A random JSON value: nested arrays and objects, every number kind, and strings of every
/// character class JSON escapes or passes through.
fn random_value(rng: &mut StdRng, depth: u32) -> Value {
    let pick = if depth == 0 {
        rng.random_range(0..5)
    } else {
        rng.random_range(0..7)
    };
    match pick {
        0 => Value::Null,
        1 => Value::Bool(rng.random()),
        2 => match rng.random_range(0..3) {
            0 => json!(rng.random::<u64>()),
            1 => json!(rng.random::<i64>()),
            _ => json!(f64::from_bits(rng.random::<u64>())),
        },
        3 | 4 => Value::String(random_text(rng)),
        5 => Value::Array(
            (0..rng.random_range(0..5))
                .map(|_| random_value(rng, depth - 1))
                .collect(),
        ),
        _ => Value::Object(
            (0..rng.random_range(0..5))
                .map(|_| (random_text(rng), random_value(rng, depth - 1)))
                .collect(),
        ),
    }
}

fn random_text(rng: &mut StdRng) -> String {
    const PIECES: [&str; 10] = [
        "a", "\"", "\\", "/", "\u{0}", "\u{1f}", "\u{7f}", "é", "😀", "\u{2028}",
    ];
    let len = rng.random_range(0..48);
    (0..len)
        .map(|_| {
            if rng.random_bool(0.7) {
                "plain"
            } else {
                PIECES[rng.random_range(0..PIECES.len())]
            }
        })
        .collect()
}

#[test]
fn random_json_values_are_written_as_serde_json_writes_them()
-> Result<(), Box<dyn std::error::Error>> {
    let mut rng = StdRng::seed_from_u64(17);
    for _ in 0..2_000 {
        same_as_serde_json(&random_value(&mut rng, 4))?;
    }
    Ok(())
}

#[test]
fn a_key_json_cannot_have_is_an_error_not_a_panic() {
    let map = BTreeMap::from([(vec![1u8], 1u8)]);
    let mut out = Vec::new();
    let error = to_writer(&mut out, &map).err().map(|e| e.to_string());
    assert!(
        error
            .as_deref()
            .is_some_and(|e| e.contains("key must be a string")),
        "{error:?}"
    );
    assert!(serde_json::to_string(&map).is_err());
}

#[test]
fn names_too_long_to_remember_or_needing_escapes_are_checked_every_time() {
    let long: &'static str = Box::leak("n".repeat(70_000).into_boxed_str());
    assert_eq!(name_key(long), None);
    let quoted: &'static str = "say \"hi\"";
    for _ in 0..2 {
        assert!(plain_static(long));
        assert!(!plain_static(quoted));
        let mut out = Vec::new();
        field_name(&mut out, quoted);
        assert_eq!(out, br#""say \"hi\"":"#);
    }
}

#[derive(Serialize)]
struct Named {
    first_name: &'static str,
    count: u32,
    nested: Option<Box<Named>>,
}

#[test]
fn threads_writing_at_once_write_serde_json_bytes() -> Result<(), Box<dyn std::error::Error>> {
    let value = || Named {
        first_name: "a\"b",
        count: 3,
        nested: Some(Box::new(Named {
            first_name: "c",
            count: 4,
            nested: None,
        })),
    };
    let expected = serde_json::to_string(&value())?;
    let threads: Vec<_> = (0..8)
        .map(|_| {
            let expected = expected.clone();
            std::thread::spawn(move || {
                (0..500).all(|_| to_string(&value()).is_ok_and(|s| s == expected))
            })
        })
        .collect();
    for thread in threads {
        assert_eq!(thread.join().ok(), Some(true));
    }
    Ok(())
}
