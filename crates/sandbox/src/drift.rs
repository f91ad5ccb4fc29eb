//! The drift fault: every served record carries a field its spec does not list and, where the
//! record has an enum, a value its spec does not list — a provider changing its API before
//! meetkit's specs catch up.

use serde_json::{Value, json};

use crate::Provider;

/// The field added to every record.
pub const FIELD: &str = "sandbox_drift_note";

/// The enum field of `p`'s records that gets an undocumented value, and that value.
pub fn unknown_value(p: Provider) -> Option<(&'static str, Value)> {
    match p {
        Provider::Zoom => Some(("type", json!(99))),
        Provider::Telnyx => Some(("status", json!("archived"))),
        Provider::Attendee => Some(("state", json!("sandbox_drift_state"))),
        // Their records have no enum field.
        Provider::Daily | Provider::Attention => None,
    }
}

/// `body` with every record of its record list (the first top-level array of objects) drifted.
/// A body that is not such a JSON object is returned unchanged.
pub fn apply(p: Provider, body: Vec<u8>) -> Vec<u8> {
    let Ok(mut page) = serde_json::from_slice::<Value>(&body) else {
        return body;
    };
    let Some(records) = page.as_object_mut().and_then(|fields| {
        fields
            .values_mut()
            .filter_map(Value::as_array_mut)
            .find(|list| list.iter().any(Value::is_object))
    }) else {
        return body;
    };
    let unknown = unknown_value(p);
    for record in records.iter_mut().filter_map(Value::as_object_mut) {
        record.insert(FIELD.to_owned(), json!("a field the spec does not list"));
        if let Some((field, value)) = &unknown {
            record.insert((*field).to_owned(), value.clone());
        }
    }
    serde_json::to_vec(&page).unwrap_or(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(bytes: &[u8]) -> Value {
        serde_json::from_slice(bytes).unwrap_or(Value::Null)
    }

    #[test]
    fn records_gain_the_field_and_the_enum_value_and_other_bodies_pass_through() {
        let page =
            br#"{"data":[{"id":"a","status":"completed"},{"id":"b"}],"meta":{"page_number":1}}"#;
        let note = json!("a field the spec does not list");
        assert_eq!(
            parse(&apply(Provider::Telnyx, page.to_vec())),
            json!({
                "data": [
                    {"id": "a", "status": "archived", FIELD: note},
                    {"id": "b", "status": "archived", FIELD: note}
                ],
                "meta": {"page_number": 1}
            })
        );
        let daily = br#"{"data":[{"id":"x"}]}"#.to_vec();
        assert_eq!(
            parse(&apply(Provider::Daily, daily)),
            json!({"data": [{"id": "x", FIELD: note}]})
        );
        assert_eq!(apply(Provider::Zoom, b"not json".to_vec()), b"not json");
    }
}
