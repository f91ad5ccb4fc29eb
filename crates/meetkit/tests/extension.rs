//! Every field of every spec's list record has a home: walks each spec's list operation's record
//! schema and its example record and checks each field lands in a normalized `Meeting` field (the
//! adapter's `NORMALIZED`, and removing it from the record changes the meeting) or in
//! `extension.unmapped` (with its value); checks `docs/mapping.md` names every field the same
//! way. A field added to a spec and regenerated needs no adapter change: it is not in
//! `NORMALIZED`, so it reaches `extension.unmapped` (`a_field_the_adapter_does_not_map_...`).

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use meetkit::providers::{attendee, attention, daily, normalized_fields, telnyx, zoom};
use meetkit::{Extension, Meeting, Provider};
use meetkit_openapi_check::Spec;
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `provider`'s list record: its schema's property names, and the spec example's first record.
struct ListRecord {
    fields: Vec<String>,
    example: serde_json::Map<String, Value>,
}

fn list_record(provider: Provider) -> ListRecord {
    let spec = meetkit_openapi_check::load(root().join(format!("specs/{provider}.yaml"))).unwrap();
    let operation = meetkit::registry::info(provider).operation;
    let page = spec
        .resolve(spec.response_schema(operation, 200).unwrap())
        .unwrap();
    // The record list: the page's array property of objects.
    let (list, items) = page["properties"]
        .as_object()
        .unwrap()
        .iter()
        .find_map(|(name, schema)| {
            let schema = spec.resolve(schema)?;
            let items = spec.resolve(schema.get("items")?)?;
            items.get("properties").map(|_| (name.clone(), items))
        })
        .unwrap_or_else(|| panic!("{provider}: no record list in {operation}'s response"));
    let fields = record_properties(&spec, items);
    let example = spec
        .operation(operation)
        .unwrap()
        .value
        .pointer("/responses/200/content/application~1json/example")
        .and_then(|page| page.get(&list)?.get(0)?.as_object())
        .unwrap_or_else(|| panic!("{provider}: {operation}'s example has no record in `{list}`"))
        .clone();
    ListRecord { fields, example }
}

/// The property names of a record schema (following `allOf`).
fn record_properties(spec: &Spec, schema: &Value) -> Vec<String> {
    let mut names: Vec<String> = schema
        .get("properties")
        .and_then(Value::as_object)
        .map(|p| p.keys().cloned().collect())
        .unwrap_or_default();
    for part in schema
        .get("allOf")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        names.extend(record_properties(spec, spec.resolve(part).unwrap()));
    }
    names
}

/// The meeting `record` normalizes to; `None` when it does not decode (a required field
/// removed) or normalizes to nothing.
fn normalize(provider: Provider, record: Value) -> Option<Meeting> {
    match provider {
        Provider::Zoom => zoom::normalize(serde_json::from_value(record).ok()?, false),
        Provider::Daily => daily::normalize(serde_json::from_value(record).ok()?, false),
        Provider::Telnyx => telnyx::normalize(serde_json::from_value(record).ok()?, false),
        Provider::Attendee => attendee::normalize(serde_json::from_value(record).ok()?, false),
        Provider::Attention => attention::normalize(serde_json::from_value(record).ok()?, false),
    }
}

/// The field names `provider`'s generated record type serializes `example` with.
fn serialized_names(provider: Provider, example: &serde_json::Map<String, Value>) -> Vec<String> {
    fn names<T: serde::Serialize + serde::de::DeserializeOwned>(example: Value) -> Vec<String> {
        let record: T = serde_json::from_value(example).unwrap();
        meetkit::unmapped::fields(&record, &[])
            .into_keys()
            .collect()
    }
    let example = Value::Object(example.clone());
    match provider {
        Provider::Zoom => names::<meetkit_zoom::types::ZoomReportMeeting>(example),
        Provider::Daily => names::<meetkit_daily::types::DailyMeetingSession>(example),
        Provider::Telnyx => names::<meetkit_telnyx::types::RoomRecording>(example),
        Provider::Attendee => names::<meetkit_attendee::types::Bot>(example),
        Provider::Attention => names::<meetkit_attention::types::RecorderMeeting>(example),
    }
}

fn unmapped(meeting: &Meeting) -> serde_json::Map<String, Value> {
    let extension = serde_json::to_value(&meeting.extension).unwrap();
    extension
        .get("unmapped")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default()
}

/// Whether the meeting `example` normalizes to (`whole`) changes when its field `name` is
/// taken away, or given another value, or taken away with the fields that hold the same value
/// (a fallback: Zoom's `host_name` behind an equal `user_name`).
fn read_by_normalize(
    provider: Provider,
    example: &serde_json::Map<String, Value>,
    name: &str,
    value: &Value,
    whole: &Value,
) -> bool {
    let differs = |record: serde_json::Map<String, Value>| {
        normalize(provider, Value::Object(record)).map(|m| serde_json::to_value(m).unwrap())
            != Some(whole.clone())
    };
    let mut without = example.clone();
    without.remove(name);
    let mut other = example.clone();
    let changed = match value {
        Value::String(s) => Some(Value::from(format!("{s}-changed"))),
        Value::Bool(b) => Some(Value::from(!b)),
        Value::Number(n) => n.as_i64().map(|n| Value::from(n.wrapping_add(1))),
        _ => None,
    };
    let mut without_equals = without.clone();
    without_equals.retain(|_, v| v != value);
    differs(without)
        || changed.is_some_and(|changed| {
            other.insert(name.to_owned(), changed);
            differs(other)
        })
        || differs(without_equals)
}

#[test]
fn every_field_of_each_spec_record_lands_in_a_normalized_field_or_the_extension() {
    let mut homeless = Vec::new();
    for provider in Provider::ALL {
        let record = list_record(provider);
        let normalized = normalized_fields(provider);
        let meeting = normalize(provider, Value::Object(record.example.clone())).unwrap();
        let unmapped = unmapped(&meeting);
        let whole = serde_json::to_value(&meeting).unwrap();
        for name in &record.fields {
            let value = record.example.get(name);
            if normalized.contains(&name.as_str()) {
                // Claimed as normalized: taking it away from the record must show.
                if let Some(value) = value.filter(|v| !v.is_null())
                    && !read_by_normalize(provider, &record.example, name, value, &whole)
                {
                    homeless.push(format!(
                        "{provider}: `{name}` is in NORMALIZED but the meeting does not change without it"
                    ));
                }
                continue;
            }
            match value.filter(|v| !v.is_null()) {
                Some(value) if unmapped.get(name) == Some(value) => {}
                Some(_) => homeless.push(format!(
                    "{provider}: `{name}` is neither normalized nor in extension.unmapped"
                )),
                None if meetkit::schema::unmapped_names(provider).contains(&name.as_str()) => {}
                None => homeless.push(format!(
                    "{provider}: `{name}` (absent from the example) would reach no home"
                )),
            }
        }
        for name in normalized {
            if !record.fields.iter().any(|f| f == name) {
                homeless.push(format!(
                    "{provider}: NORMALIZED names `{name}`, which the spec's record does not have"
                ));
            }
        }
        // `unmapped::of` skips the walk when the generated type's field names are all
        // mapped: those names must be the ones the record serializes with.
        let serialized = serialized_names(provider, &record.example);
        let known = meetkit::registry::info(provider).known_fields();
        for name in serialized.iter().chain(&record.fields) {
            if !known.contains(&name.as_str()) {
                homeless.push(format!(
                    "{provider}: `{name}` is not among the generated record type's field names"
                ));
            }
        }
        // Nothing is lost from the example record (the spec's example has every field).
        for name in record.example.keys() {
            if !record.fields.contains(name) {
                homeless.push(format!(
                    "{provider}: the example's `{name}` is not in the schema"
                ));
            }
        }
    }
    assert!(homeless.is_empty(), "{}", homeless.join("\n"));
}

#[test]
fn a_field_the_adapter_does_not_map_reaches_extension_unmapped() {
    // A regenerated client's new field is a record field the adapter's NORMALIZED does not
    // name. The generated record keeps no field its spec lacks (no catch-all), so it cannot be
    // added to a page here; instead: Telnyx's example record, with `codec` left out of the
    // list, goes through the same path `normalize` uses and carries `codec`'s value, and only it.
    let record = list_record(Provider::Telnyx);
    let meeting = normalize(Provider::Telnyx, Value::Object(record.example.clone())).unwrap();
    let Extension::Telnyx(extension) = &meeting.extension else {
        panic!("not a Telnyx extension");
    };
    assert!(extension.unmapped.is_empty(), "{:?}", extension.unmapped);
    let generated: meetkit_telnyx::types::RoomRecording =
        serde_json::from_value(Value::Object(record.example.clone())).unwrap();
    let without_codec: Vec<&str> = telnyx::NORMALIZED
        .iter()
        .copied()
        .filter(|f| *f != "codec")
        .collect();
    let rest = meetkit::unmapped::fields(&generated, &without_codec);
    assert_eq!(rest.len(), 1, "{rest:?}");
    assert_eq!(rest.get("codec"), record.example.get("codec"));
}

#[test]
fn mapping_md_names_every_field_of_each_spec_record() {
    let mapping = std::fs::read_to_string(root().join("docs/mapping.md")).unwrap();
    let mut missing = Vec::new();
    for provider in Provider::ALL {
        let display = meetkit::registry::info(provider).display_name;
        let heading = format!("## {display} — ");
        let section = mapping
            .split("\n## ")
            .find(|s| format!("## {s}").starts_with(&heading))
            .unwrap_or_else(|| panic!("docs/mapping.md has no `{heading}…` section"));
        // The backticked names of each table row's first column, without `[]…` suffixes.
        let named: Vec<&str> = section
            .lines()
            .filter_map(|line| line.strip_prefix("| ")?.split(" |").next())
            .flat_map(|cell| cell.split('`').skip(1).step_by(2))
            .map(|name| name.split('[').next().unwrap_or(name))
            .collect();
        for field in list_record(provider).fields {
            if !named.contains(&field.as_str()) {
                missing.push(format!(
                    "docs/mapping.md, section {display}: no row for response field `{field}`"
                ));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
