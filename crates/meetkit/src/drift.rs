//! Drift seen at run time: enum values (and, where the decoder shows them, response fields) a
//! provider sent that its spec does not know, noted once per provider and item per listing.
//!
//! The paging engine fetches each page inside `watch`, which points a task-local at the
//! partition's [`DriftLog`]:
//! - enum values: an adapter's `normalize` calls `note_value!` once per open enum field of a
//!   record. A known value costs one match; only an unknown one takes the log's lock.
//! - fields: on the first page of a partition's first [`FIELD_PROBES`] listings that carry
//!   records (windows, Zoom users, …; an empty page gives its probe back) the response body's record keys (`meetkit_client_support::capture_record_fields`)
//!   are compared with the generated record type's field names (the descriptor's
//!   `known_fields`, which [`field_names`] reads off the type). Other pages
//!   are not probed, so a field that shows up only on them goes unnoticed; `meetkit doctor`
//!   checks whole responses.
//!
//! The listing reports the distinct items at its end (`MeetingStream::drift`).

use std::collections::BTreeSet;
use std::fmt;
use std::future::Future;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use crate::model::Provider;

/// What kind of thing the spec does not know.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DriftKind {
    /// A value of an enum field that the spec does not list.
    Value,
    /// A response field that the spec does not declare.
    Field,
}

/// One thing a provider sent that its spec does not know.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DriftItem {
    /// The provider that sent it.
    pub provider: Provider,
    /// A field or an enum value.
    pub kind: DriftKind,
    /// The response field (for a value: the field that carried it).
    pub field: String,
    /// The value, for [`DriftKind::Value`].
    pub value: Option<String>,
}

impl fmt::Display for DriftItem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.kind, &self.value) {
            (DriftKind::Value, Some(value)) => write!(
                f,
                "{}: value {value:?} of field `{}` is not in meetkit's spec (read as unknown)",
                self.provider, self.field
            ),
            _ => write!(
                f,
                "{}: response field `{}` is not in meetkit's spec (ignored)",
                self.provider, self.field
            ),
        }
    }
}

/// How many first pages of a partition's listings have their record fields probed: a new
/// field is on every record, so a few pages find it, and the probe's cost stays bounded.
pub const FIELD_PROBES: u32 = 3;

/// The distinct drift items of one partition.
#[derive(Debug, Default)]
pub struct DriftLog {
    items: Mutex<BTreeSet<DriftItem>>,
    probes: AtomicU32,
}

impl DriftLog {
    /// Whether one more page may be probed for fields (at most [`FIELD_PROBES`]).
    fn take_probe(&self) -> bool {
        self.probes
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| {
                (n < FIELD_PROBES).then_some(n + 1)
            })
            .is_ok()
    }

    /// Gives back a probe that saw no records (an empty page: a Zoom user without meetings),
    /// so the probes go to pages that can show a field.
    fn refund_probe(&self) {
        let _ = self
            .probes
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| n.checked_sub(1));
    }

    /// Notes `item`; a repeat is dropped.
    pub(crate) fn note(&self, item: DriftItem) {
        let mut items = self.items.lock().unwrap_or_else(PoisonError::into_inner);
        if !items.contains(&item) {
            tracing::debug!("{item}");
            items.insert(item);
        }
    }

    /// The items noted so far, in order.
    pub fn items(&self) -> Vec<DriftItem> {
        self.items
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .iter()
            .cloned()
            .collect()
    }
}

tokio::task_local! {
    static CURRENT: Arc<DriftLog>;
}

/// Runs `fetch` (one page of `provider`) with `log` as the place its records note unknown enum
/// values; with `probe_fields` (the first page of a listing; at most [`FIELD_PROBES`] per
/// partition), also compares the keys of the page's records, read off the response body, with
/// `known`, the fields of the provider's record type.
///
/// `fetch` is boxed before anything wraps it, and this is a plain function so the returned
/// future holds only the box: each wrapper (the task-local scope, its async block,
/// `capture_record_fields`, the caller's `capture_request_log`) keeps the future it wraps by
/// value, and in debug builds a moved-from capture and its awaited copy are laid out side by
/// side. Unboxed, a 10 KB page future grew to 150 KB per `fetch_page` and overflowed worker
/// stacks. The cost is one allocation per page.
pub(crate) fn watch<F: Future>(
    log: &Arc<DriftLog>,
    provider: Provider,
    known: &'static [&'static str],
    probe_fields: bool,
    fetch: F,
) -> impl Future<Output = F::Output> {
    let fetch = Box::pin(fetch);
    let log = Arc::clone(log);
    CURRENT.scope(Arc::clone(&log), async move {
        if !probe_fields || !log.take_probe() {
            return fetch.await;
        }
        let (output, fields) = meetkit_client_support::capture_record_fields(fetch).await;
        if fields.as_ref().is_none_or(|f| f.is_empty()) {
            log.refund_probe();
        }
        if let Some(fields) = fields {
            unknown_fields(
                provider,
                fields.iter().filter(|f| !known.contains(&f.as_str())),
            );
        }
        output
    })
}

/// The wire names serde's derive gives `T`'s fields (a generated record type's: the response
/// fields meetkit's spec gives the provider's records; each descriptor's `record_fields`): it
/// hands them to a deserializer that is asked for a struct, and this one stops there.
pub fn field_names<T: serde::de::DeserializeOwned>() -> &'static [&'static str] {
    let mut names = FieldNames(&[]);
    let _ = T::deserialize(&mut names);
    names.0
}

/// A deserializer that only notes the field names of the struct it is asked for.
struct FieldNames(&'static [&'static str]);

impl<'de> serde::Deserializer<'de> for &mut FieldNames {
    type Error = serde::de::value::Error;

    fn deserialize_any<V: serde::de::Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(serde::de::Error::custom("not a struct"))
    }

    fn deserialize_struct<V: serde::de::Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Self::Error> {
        self.0 = fields;
        Err(serde::de::Error::custom("field names taken"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

/// Notes an enum value the spec does not list; outside `watch` (e.g. a benchmark calling
/// `normalize` directly) there is nowhere to note it and it is dropped.
#[cold]
pub fn unknown_value(provider: Provider, field: &'static str, value: &dyn fmt::Display) {
    let item = DriftItem {
        provider,
        kind: DriftKind::Value,
        field: field.to_owned(),
        value: Some(value.to_string()),
    };
    let _ = CURRENT.try_with(|log| log.note(item));
}

/// Notes response fields the spec does not declare; see [`unknown_value`].
#[cold]
pub fn unknown_fields<'a>(provider: Provider, fields: impl Iterator<Item = &'a String>) {
    let _ = CURRENT.try_with(|log| {
        for field in fields {
            log.note(DriftItem {
                provider,
                kind: DriftKind::Field,
                field: field.clone(),
                value: None,
            });
        }
    });
}

/// Notes `$value`, an `Option` of a generated open enum, when the spec does not list it: one
/// `is_known` match per record.
#[macro_export]
#[doc(hidden)]
macro_rules! note_value {
    ($provider:expr, $field:literal, $value:expr) => {
        if let Some(value) = $value.as_ref().filter(|v| !v.is_known()) {
            $crate::drift::unknown_value($provider, $field, value);
        }
    };
}

/// Merges the logs of a listing's partitions: each item once.
pub(crate) fn merge<'a>(logs: impl Iterator<Item = &'a DriftLog>) -> Vec<DriftItem> {
    let mut all = BTreeSet::new();
    for log in logs {
        all.extend(log.items());
    }
    all.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn notes_each_item_once_and_only_inside_watch() {
        let log = Arc::new(DriftLog::default());
        assert!((0..FIELD_PROBES).all(|_| log.take_probe()));
        assert!(!log.take_probe());
        // A probe that met an empty page is given back, once.
        log.refund_probe();
        assert!(log.take_probe());
        assert!(!log.take_probe());
        unknown_value(Provider::Zoom, "type", &99);
        watch(&log, Provider::Zoom, &[], false, async {
            for _ in 0..3 {
                unknown_value(Provider::Zoom, "type", &99);
                unknown_fields(Provider::Zoom, ["new_field".to_owned()].iter());
            }
            unknown_value(Provider::Zoom, "type", &98);
        })
        .await;
        let items = merge([log.as_ref(), log.as_ref()].into_iter());
        let shown: Vec<String> = items.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "zoom: value \"98\" of field `type` is not in meetkit's spec (read as unknown)",
                "zoom: value \"99\" of field `type` is not in meetkit's spec (read as unknown)",
                "zoom: response field `new_field` is not in meetkit's spec (ignored)",
            ]
        );
    }

    #[test]
    fn watch_holds_the_page_future_boxed() {
        let log = Arc::new(DriftLog::default());
        let page = async {
            let buffer = [7u8; 16 * 1024];
            tokio::task::yield_now().await;
            buffer[0]
        };
        assert!(std::mem::size_of_val(&page) > 16 * 1024);
        let watched = watch(&log, Provider::Zoom, &[], true, page);
        assert!(std::mem::size_of_val(&watched) < 1024);
        let wrapped = meetkit_client_support::capture_request_log(watched);
        assert!(std::mem::size_of_val(&wrapped) < 4 * 1024);
    }

    #[test]
    fn known_fields_are_the_wire_names_of_each_record_type() {
        let known_fields = |p| crate::registry::info(p).known_fields();
        let zoom = known_fields(Provider::Zoom);
        assert!(zoom.contains(&"type") && zoom.contains(&"uuid"), "{zoom:?}");
        assert!(!zoom.contains(&"type_"), "{zoom:?}");
        for provider in Provider::ALL {
            assert!(known_fields(provider).len() > 3, "{provider}");
            assert!(!known_fields(provider).contains(&"sandbox_drift_note"));
        }
    }
}
