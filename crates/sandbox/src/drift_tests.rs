//! Tests of `drift`.

use super::*;

fn parse(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).unwrap_or(Value::Null)
}

#[test]
fn records_gain_the_field_and_the_enum_value_and_other_bodies_pass_through() {
    let page = br#"{"data":[{"id":"a","status":"completed"},{"id":"b"}],"meta":{"page_number":1}}"#;
    let note = json!("a field the spec does not list");
    let telnyx = crate::providers::telnyx::API
        .drift_value
        .map(|(field, value)| (field, value()));
    assert_eq!(
        parse(&apply(telnyx, page.to_vec())),
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
        parse(&apply(None, daily)),
        json!({"data": [{"id": "x", FIELD: note}]})
    );
    assert_eq!(apply(None, b"not json".to_vec()), b"not json");
}
