//! The `Meeting` model's JSON Schema, as written to `specs/meeting.schema.json`.

use crate::model::Meeting;

/// The JSON Schema (draft 2020-12) of one [`Meeting`], pretty-printed with a trailing newline.
pub fn meeting_schema_json() -> String {
    let schema = schemars::schema_for!(Meeting);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
