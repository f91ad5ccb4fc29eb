//! OpenAPI 3.0 schema objects → JSON Schema 2020-12.

use serde_json::{Map, Value, json};

const COMPONENT_PREFIX: &str = "#/components/schemas/";

/// Converts an OpenAPI 3.0 schema into a self-contained JSON Schema 2020-12 document; every entry of
/// `components` (the spec's `components.schemas` object) is converted into `$defs`.
pub fn openapi_to_json_schema(schema: &Value, components: &Value) -> Value {
    let mut root = match convert(schema) {
        Value::Object(map) => map,
        // A boolean schema cannot carry `$defs`: put it under `allOf`.
        other => Map::from_iter([("allOf".to_owned(), Value::Array(vec![other]))]),
    };
    root.insert(
        "$schema".to_owned(),
        json!("https://json-schema.org/draft/2020-12/schema"),
    );
    if let Some(components) = components.as_object() {
        let defs = components
            .iter()
            .map(|(name, s)| (name.clone(), convert(s)))
            .collect();
        root.insert("$defs".to_owned(), Value::Object(defs));
    }
    Value::Object(root)
}

fn convert(schema: &Value) -> Value {
    let Some(object) = schema.as_object() else {
        return schema.clone();
    };
    let nullable = object.get("nullable") == Some(&Value::Bool(true));
    // In OpenAPI 3.0 the siblings of `$ref` are ignored (we honour only `nullable`).
    if let Some(reference) = object.get("$ref").and_then(Value::as_str) {
        let target = match reference.strip_prefix(COMPONENT_PREFIX) {
            Some(name) => format!("#/$defs/{name}"),
            None => reference.to_owned(),
        };
        let converted = json!({ "$ref": target });
        return if nullable {
            json!({ "anyOf": [converted, { "type": "null" }] })
        } else {
            converted
        };
    }

    let mut out = Map::new();
    for (key, value) in object {
        match key.as_str() {
            "nullable" | "example" | "xml" | "externalDocs" | "discriminator" => {}
            k if k.starts_with("x-") => {}
            "properties" | "patternProperties" => {
                if let Some(props) = value.as_object() {
                    let converted = props.iter().map(|(n, s)| (n.clone(), convert(s))).collect();
                    out.insert(key.clone(), Value::Object(converted));
                }
            }
            "items" | "additionalProperties" | "not" => {
                out.insert(key.clone(), convert(value));
            }
            "allOf" | "anyOf" | "oneOf" => {
                let list = value
                    .as_array()
                    .map(|l| l.iter().map(convert).collect())
                    .unwrap_or_default();
                out.insert(key.clone(), Value::Array(list));
            }
            "exclusiveMinimum" | "exclusiveMaximum" => {
                let bound = if key == "exclusiveMinimum" {
                    "minimum"
                } else {
                    "maximum"
                };
                match value {
                    Value::Bool(true) => {
                        if let Some(limit) = object.get(bound) {
                            out.insert(key.clone(), limit.clone());
                        }
                    }
                    Value::Bool(false) => {}
                    other => {
                        out.insert(key.clone(), other.clone());
                    }
                }
            }
            "minimum" | "maximum" => {
                let exclusive = if key == "minimum" {
                    "exclusiveMinimum"
                } else {
                    "exclusiveMaximum"
                };
                if object.get(exclusive) != Some(&Value::Bool(true)) {
                    out.insert(key.clone(), value.clone());
                }
            }
            "format" => convert_format(value, object, &mut out),
            _ => {
                out.insert(key.clone(), value.clone());
            }
        }
    }

    if nullable {
        let has_type = match out.get_mut("type") {
            Some(Value::String(t)) => {
                let t = std::mem::take(t);
                out.insert("type".to_owned(), json!([t, "null"]));
                true
            }
            Some(Value::Array(types)) => {
                if !types.contains(&json!("null")) {
                    types.push(json!("null"));
                }
                true
            }
            _ => false,
        };
        if let Some(Value::Array(values)) = out.get_mut("enum")
            && !values.contains(&Value::Null)
        {
            values.push(Value::Null);
        }
        if !has_type {
            return json!({ "anyOf": [Value::Object(out), { "type": "null" }] });
        }
    }
    Value::Object(out)
}

/// Keeps formats JSON Schema knows; turns `int32`/`int64` into bounds; drops OpenAPI-only ones.
fn convert_format(format: &Value, object: &Map<String, Value>, out: &mut Map<String, Value>) {
    let Some(name) = format.as_str() else { return };
    let bounds: Option<(Value, Value)> = match name {
        "int32" => Some((json!(i32::MIN), json!(i32::MAX))),
        "int64" => Some((json!(i64::MIN), json!(i64::MAX))),
        _ => None,
    };
    if let Some((min, max)) = bounds {
        if !object.contains_key("minimum") && !object.contains_key("exclusiveMinimum") {
            out.insert("minimum".to_owned(), min);
        }
        if !object.contains_key("maximum") && !object.contains_key("exclusiveMaximum") {
            out.insert("maximum".to_owned(), max);
        }
        return;
    }
    const JSON_SCHEMA_FORMATS: [&str; 12] = [
        "date-time",
        "date",
        "time",
        "email",
        "hostname",
        "ipv4",
        "ipv6",
        "uri",
        "uri-reference",
        "uuid",
        "regex",
        "duration",
    ];
    if JSON_SCHEMA_FORMATS.contains(&name) {
        out.insert("format".to_owned(), format.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refs_point_into_defs_and_nullable_admits_null() {
        let components = json!({ "A": { "type": "string", "enum": ["x"], "nullable": true } });
        let out = openapi_to_json_schema(&json!({ "$ref": "#/components/schemas/A" }), &components);
        assert_eq!(out["$ref"], "#/$defs/A");
        assert_eq!(out["$defs"]["A"]["type"], json!(["string", "null"]));
        assert_eq!(out["$defs"]["A"]["enum"], json!(["x", null]));
    }

    #[test]
    fn openapi_only_keys_are_dropped_and_exclusive_bounds_become_numbers() {
        let out = convert(&json!({
            "type": "integer", "format": "int64", "example": 3, "x-enum-varnames": ["A"],
            "minimum": 1, "exclusiveMinimum": true
        }));
        assert_eq!(
            out,
            json!({ "type": "integer", "exclusiveMinimum": 1, "maximum": i64::MAX })
        );
    }

    #[test]
    fn nullable_without_type_wraps_in_any_of() {
        let out =
            convert(&json!({ "allOf": [{ "$ref": "#/components/schemas/B" }], "nullable": true }));
        assert_eq!(
            out,
            json!({ "anyOf": [{ "allOf": [{ "$ref": "#/$defs/B" }] }, { "type": "null" }] })
        );
    }
}
