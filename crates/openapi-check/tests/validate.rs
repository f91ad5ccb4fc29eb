//! Validation through a small spec written like meetkit's.

use meetkit_openapi_check::{Spec, validate_json_schema};
use serde_json::json;

const SPEC: &str = r##"
openapi: 3.0.3
info: { title: t, version: "1" }
paths:
  /things:
    get:
      operationId: list_things
      responses:
        200:
          description: ok
          content:
            application/json:
              schema: { $ref: "#/components/schemas/ThingList" }
        4XX:
          description: error
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Problem" }
components:
  schemas:
    ThingList:
      type: object
      required: [items]
      properties:
        items: { type: array, items: { $ref: "#/components/schemas/Thing" } }
        next: { type: string, nullable: true }
    Thing:
      type: object
      properties:
        id: { type: integer, format: int64 }
        small: { type: integer, format: int32 }
        state: { $ref: "#/components/schemas/State" }
        at: { type: string, format: date-time }
        day: { type: string, format: date }
        size_mb: { type: number, format: double }
    State:
      type: string
      enum: [ready, done]
    Problem:
      type: object
      required: [error]
      properties:
        error: { type: string }
"##;

fn spec() -> Spec {
    match Spec::parse(SPEC, "test") {
        Ok(spec) => spec,
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn a_valid_body_passes() {
    let body = json!({
        "items": [{ "id": 9_876_543_210_i64, "state": "done", "at": "2026-11-21T10:00:00Z",
                    "day": "2026-11-21", "size_mb": 5.6, "small": 3 }],
        "next": null
    });
    assert_eq!(spec().validate_response("list_things", 200, &body), Ok(()));
}

#[test]
fn violations_name_the_pointer_and_the_rule() {
    let body = json!({ "items": [{ "id": "x", "state": "gone", "at": "yesterday", "small": 9_876_543_210_i64 }] });
    let Err(violations) = spec().validate_response("list_things", 200, &body) else {
        panic!("should fail");
    };
    let pointers: Vec<&str> = violations.iter().map(|v| v.pointer.as_str()).collect();
    for expected in [
        "/items/0/id",
        "/items/0/state",
        "/items/0/at",
        "/items/0/small",
    ] {
        assert!(
            pointers.contains(&expected),
            "{expected} missing from {violations:?}"
        );
    }
    assert!(
        violations.iter().any(|v| v.rule.contains("enum")),
        "{violations:?}"
    );
}

#[test]
fn missing_required_field_is_reported_at_the_root() {
    let Err(violations) = spec().validate_response("list_things", 200, &json!({})) else {
        panic!("should fail");
    };
    assert_eq!(violations[0].pointer, "");
    assert!(violations[0].rule.contains("items"), "{violations:?}");
}

#[test]
fn error_statuses_use_the_range_response() {
    let spec = spec();
    assert_eq!(
        spec.validate_response("list_things", 404, &json!({ "error": "no" })),
        Ok(())
    );
    assert!(
        spec.validate_response("list_things", 404, &json!({ "detail": "no" }))
            .is_err()
    );
    // No 5XX documented.
    assert!(
        spec.validate_response("list_things", 500, &json!({}))
            .is_err()
    );
    assert!(spec.validate_response("nope", 200, &json!({})).is_err());
}

#[test]
fn components_validate_by_name() {
    let spec = spec();
    assert_eq!(spec.validate_component("State", &json!("ready")), Ok(()));
    assert!(spec.validate_component("State", &json!("other")).is_err());
    assert!(spec.validate_component("Missing", &json!(1)).is_err());
}

#[test]
fn validators_are_reused() {
    let spec = spec();
    for _ in 0..3 {
        assert_eq!(
            spec.validate_response("list_things", 200, &json!({ "items": [] })),
            Ok(())
        );
    }
}

#[test]
fn plain_json_schema_validation() {
    let schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "required": ["start"],
        "properties": { "start": { "type": "string", "format": "date-time" } }
    });
    assert_eq!(
        validate_json_schema(&schema, &json!({ "start": "2026-11-21T10:00:00Z" })),
        Ok(())
    );
    let Err(v) = validate_json_schema(&schema, &json!({ "start": "soon" })) else {
        panic!("should fail");
    };
    assert_eq!(v[0].pointer, "/start");
    assert!(validate_json_schema(&json!({ "type": 5 }), &json!(1)).is_err());
}

#[test]
fn loading_a_missing_file_is_an_error() {
    assert!(meetkit_openapi_check::load("/nonexistent/spec.yaml").is_err());
    assert!(Spec::parse("a: [", "bad").is_err());
    assert!(Spec::parse("a: 1", "no-openapi").is_err());
}
