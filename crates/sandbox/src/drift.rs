//! The drift fault: every served record carries a field its spec does not list and, where the
//! record has an enum, a value its spec does not list — a provider changing its API before
//! meetkit's specs catch up.

use serde_json::{Value, json};

/// The field added to every record.
pub const FIELD: &str = "sandbox_drift_note";

/// `body` with every record of its record list (the first top-level array of objects) drifted:
/// each gains [`FIELD`] and, with `unknown` (the provider's enum field and an undocumented
/// value, from its `Api`), that value. A body that is not such a JSON object is returned
/// unchanged.
pub fn apply(unknown: Option<(&str, Value)>, body: Vec<u8>) -> Vec<u8> {
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
    for record in records.iter_mut().filter_map(Value::as_object_mut) {
        record.insert(FIELD.to_owned(), json!("a field the spec does not list"));
        if let Some((field, value)) = &unknown {
            record.insert((*field).to_owned(), value.clone());
        }
    }
    serde_json::to_vec(&page).unwrap_or(body)
}

#[cfg(test)]
#[path = "drift_tests.rs"]
mod tests;
