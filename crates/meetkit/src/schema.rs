//! The `Meeting` model's JSON Schema, as written to `specs/meeting.schema.json`, with each
//! extension's `unmapped` spelled out: one property per record field that lands there (so the
//! schema changes when a spec gains one), read from the adapters' `NORMALIZED` lists.

use serde_json::Value;

use crate::model::{Meeting, Provider};
use crate::providers::normalized_fields;

/// The JSON Schema (draft 2020-12) of one [`Meeting`], pretty-printed with a trailing newline.
pub fn meeting_schema_json() -> String {
    let mut schema = schemars::schema_for!(Meeting);
    for provider in Provider::ALL {
        // `ZoomExtension`, `DailyExtension`, …: the variant name of `Extension`.
        let pointer = format!("/$defs/{provider:?}Extension/properties/unmapped");
        if let Some(Value::Object(unmapped)) = schema.pointer_mut(&pointer) {
            // Keep the field's description first, then the spelled-out object.
            let description = unmapped.remove("description");
            unmapped.clear();
            if let Some(description) = description {
                unmapped.insert("description".to_owned(), description);
            }
            if let Some(spelled) = unmapped_schema(provider).as_object() {
                unmapped.extend(spelled.clone());
            }
        }
    }
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// The record fields `provider`'s `unmapped` gets: the generated record type's wire names
/// minus its adapter's `NORMALIZED`. Empty while the spec has no field the adapter does not
/// map.
pub fn unmapped_names(provider: Provider) -> Vec<&'static str> {
    crate::unmapped::names(crate::registry::info(provider), normalized_fields(provider))
}

/// The JSON Schema of `provider`'s `unmapped`: an object with one property per record field
/// that lands there. The description is the field's doc comment.
pub fn unmapped_schema(provider: Provider) -> schemars::Schema {
    schema_of(provider, &unmapped_names(provider))
}

fn schema_of(provider: Provider, names: &[&str]) -> schemars::Schema {
    let properties: serde_json::Map<String, Value> = names
        .iter()
        .map(|name| {
            let about = format!(
                "The {} record's `{name}`, as sent.",
                provider.display_name()
            );
            (
                (*name).to_owned(),
                serde_json::json!({ "description": about }),
            )
        })
        .collect();
    schemars::json_schema!({
        "type": "object",
        "properties": properties,
        "additionalProperties": true,
    })
}

#[cfg(test)]
#[path = "schema_tests.rs"]
mod tests;
