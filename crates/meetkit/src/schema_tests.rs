//! Tests of `schema`.

use super::*;

#[test]
fn the_schema_has_a_property_per_unmapped_field() {
    let schema = serde_json::to_value(schema_of(Provider::Zoom, &["added"])).unwrap_or_default();
    assert_eq!(
        schema["properties"],
        serde_json::json!({"added": {"description": "The Zoom record's `added`, as sent."}})
    );
    assert_eq!(schema["additionalProperties"], true);
    // Today every spec field is mapped (tests/extension.rs checks each against its spec).
    for provider in Provider::ALL {
        assert_eq!(unmapped_names(provider), Vec::<&str>::new(), "{provider}");
    }
}
