//! The field names of a page's records, read off the response body before the generated client
//! decodes it, so meetkit can tell fields its spec does not know (drift).
//!
//! Every generated client executes its requests through [`execute`] (each client crate's
//! `ClientHooks` impl). Outside [`capture_record_fields`] it only sends the request; inside, a
//! successful JSON response's body is read once, the keys of the records of its record list
//! (the first top-level array of objects) are collected, and the response is handed on rebuilt
//! from the same bytes. The body is decoded twice only on the pages a caller asks about.

use std::cell::RefCell;
use std::collections::BTreeSet;

use serde::Deserialize;
use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

tokio::task_local! {
    /// Where [`execute`] puts the record fields of the response it reads.
    static RECORD_FIELDS: RefCell<Option<BTreeSet<String>>>;
}

/// Runs `call` and returns, beside its output, the field names of the records of the last
/// successful JSON response a generated client received while it ran.
pub async fn capture_record_fields<F: std::future::Future>(
    call: F,
) -> (F::Output, Option<BTreeSet<String>>) {
    RECORD_FIELDS
        .scope(RefCell::new(None), async {
            let output = call.await;
            let fields = RECORD_FIELDS
                .try_with(|slot| slot.borrow_mut().take())
                .ok()
                .flatten();
            (output, fields)
        })
        .await
}

/// Sends `request` with `client`; inside [`capture_record_fields`], notes the record fields of
/// a successful response (see the module docs).
pub async fn execute(
    client: &reqwest::Client,
    request: reqwest::Request,
) -> reqwest::Result<reqwest::Response> {
    let response = client.execute(request).await?;
    if !response.status().is_success() || RECORD_FIELDS.try_with(|_| ()).is_err() {
        return Ok(response);
    }
    let status = response.status();
    let version = response.version();
    let headers = response.headers().clone();
    let body = response.bytes().await?;
    let fields = record_fields(&body);
    let _ = RECORD_FIELDS.try_with(|slot| *slot.borrow_mut() = fields);
    let mut rebuilt = http::Response::new(body);
    *rebuilt.status_mut() = status;
    *rebuilt.version_mut() = version;
    *rebuilt.headers_mut() = headers;
    Ok(reqwest::Response::from(rebuilt))
}

/// The keys of every record of `body`'s record list (the first top-level array holding an
/// object); `None` when `body` is not a JSON object with such a list. Values are skipped, not
/// built: only the keys are kept.
pub fn record_fields(body: &[u8]) -> Option<BTreeSet<String>> {
    serde_json::from_slice::<PageKeys>(body).ok()?.0
}

/// The record keys of a page (see [`record_fields`]).
struct PageKeys(Option<BTreeSet<String>>);

/// One top-level value of a page: the keys of its objects when it is an array holding one.
struct ListKeys(Option<BTreeSet<String>>);

/// One JSON value: its keys when it is an object.
struct ObjectKeys(Option<Vec<String>>);

/// Visitor methods that take any scalar and answer `$none`.
macro_rules! scalars {
    ($value:ty, $none:expr) => {
        fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<$value, E> {
            Ok($none)
        }
        fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<$value, E> {
            Ok($none)
        }
        fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<$value, E> {
            Ok($none)
        }
        fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<$value, E> {
            Ok($none)
        }
        fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<$value, E> {
            Ok($none)
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<$value, E> {
            Ok($none)
        }
    };
}

impl<'de> Deserialize<'de> for PageKeys {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = PageKeys;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PageKeys, A::Error> {
                let mut found = None;
                while map.next_key::<IgnoredAny>()?.is_some() {
                    if found.is_some() {
                        map.next_value::<IgnoredAny>()?;
                    } else {
                        found = map.next_value::<ListKeys>()?.0;
                    }
                }
                Ok(PageKeys(found))
            }
        }
        d.deserialize_map(V)
    }
}

impl<'de> Deserialize<'de> for ListKeys {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = ListKeys;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<ListKeys, A::Error> {
                let mut keys: Option<BTreeSet<String>> = None;
                while let Some(ObjectKeys(item)) = seq.next_element::<ObjectKeys>()? {
                    if let Some(item) = item {
                        keys.get_or_insert_default().extend(item);
                    }
                }
                Ok(ListKeys(keys))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ListKeys, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(ListKeys(None))
            }
            scalars!(ListKeys, ListKeys(None));
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for ObjectKeys {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = ObjectKeys;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ObjectKeys, A::Error> {
                let mut keys = Vec::new();
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    map.next_value::<IgnoredAny>()?;
                    keys.push(key.into_owned());
                }
                Ok(ObjectKeys(Some(keys)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<ObjectKeys, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(ObjectKeys(None))
            }
            scalars!(ObjectKeys, ObjectKeys(None));
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fields_of_every_record_of_the_first_record_list() {
        let body = br#"{"meta":{"n":1},"tags":[1],"data":[{"id":1,"a":2},{"id":2,"b":null}],"x":[{"c":1}],"y":"z"}"#;
        let fields = record_fields(body).unwrap_or_default();
        assert_eq!(fields.into_iter().collect::<Vec<_>>(), ["a", "b", "id"]);
        assert_eq!(record_fields(b"[1,2]"), None);
        assert_eq!(record_fields(br#"{"data":[], "n": null}"#), None);
        assert_eq!(record_fields(b"not json"), None);
    }
}
