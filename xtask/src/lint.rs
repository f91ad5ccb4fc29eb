//! `cargo xtask lint-specs`: the rules every spec in `specs/` must follow so progenitor generates
//! correct clients, and the check that each spec covers its seed document (see `seeds`).
//!
//! Rules: `openapi` is 3.0.x; `servers` and a security scheme are present; operationIds are
//! present and unique; parameter names are unique within an operation; array parameters are
//! `style: form, explode: true`; no `default` responses; no `style: deepObject`; every `enum`
//! lives in a named component schema (integer ones with `x-enum-varnames`); each operation has
//! one success schema, a `$ref` to a named component, with an `example`; all error responses of an
//! operation share one schema (progenitor supports one error type); no explicit error code beside
//! its `4XX`/`5XX` range except `400`/`500` (progenitor would emit an unreachable match arm); every
//! example validates against its schema. Each failure is reported as `specs/<file>: <json pointer>: <rule broken>`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use anyhow::{Context, Result, bail};
use meetkit_openapi_check::Spec;
use serde_json::Value;

pub use crate::problem::Problem;
use crate::problem::{escape, problem};
use crate::seeds;

/// Lints every `specs/*.yaml` under `root`, checks each against its seed in `specs/seeds/`, and
/// checks `specs/seeds/*` still equal `../shared/seeds/*` when that directory exists. Prints each
/// problem on its own line.
///
/// # Errors
/// When any rule is broken or a file cannot be read.
pub fn lint_specs(root: &Path) -> Result<()> {
    let specs_dir = root.join("specs");
    let mut files: Vec<_> = std::fs::read_dir(&specs_dir)
        .with_context(|| format!("reading {}", specs_dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
        .collect();
    files.sort();
    if files.is_empty() {
        bail!("no specs found in {}", specs_dir.display());
    }

    let mut problems = Vec::new();
    for path in &files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let file = format!("specs/{name}");
        match meetkit_openapi_check::load(path) {
            Ok(spec) => {
                problems.extend(lint_spec(&file, &spec));
                problems.extend(seeds::check_spec(root, &file, &spec));
            }
            Err(err) => problems.push(problem(&file, "", format!("cannot load: {err}"))),
        }
    }
    problems.extend(seeds::check_seed_copies(root));

    for p in &problems {
        println!("{p}");
    }
    if !problems.is_empty() {
        bail!("{} spec problem(s) in specs/", problems.len());
    }
    println!("lint-specs: {} specs ok", files.len());
    Ok(())
}

/// Checks the rules of the module docs on one loaded spec; `file` names it in problems.
pub fn lint_spec(file: &str, spec: &Spec) -> Vec<Problem> {
    let doc = spec.document();
    let mut out = Vec::new();
    let mut report = |pointer: &str, rule: String| out.push(problem(file, pointer, rule));

    match doc.get("openapi").and_then(Value::as_str) {
        Some(v) if v.starts_with("3.0.") => {}
        other => report(
            "/openapi",
            format!("openapi must be 3.0.x (progenitor reads 3.0 only), found {other:?}"),
        ),
    }
    let has_server = doc
        .get("servers")
        .and_then(Value::as_array)
        .is_some_and(|s| s.iter().any(|s| s.get("url").is_some_and(Value::is_string)));
    if !has_server {
        report(
            "/servers",
            "a `servers` entry with the real base URL is required".into(),
        );
    }
    let has_schemes = doc
        .pointer("/components/securitySchemes")
        .and_then(Value::as_object)
        .is_some_and(|s| !s.is_empty());
    if !has_schemes {
        report(
            "/components/securitySchemes",
            "the provider's security scheme is required".into(),
        );
    }

    walk(doc, "", &mut |pointer, value| {
        let Some(object) = value.as_object() else {
            return;
        };
        if object.get("style").and_then(Value::as_str) == Some("deepObject") {
            report(
                &format!("{pointer}/style"),
                "`style: deepObject` is not allowed: use flat bracketed parameter names".into(),
            );
        }
        if let Some(values) = object.get("enum").and_then(Value::as_array) {
            check_enum(pointer, object, values, &mut report);
        }
    });

    let mut operation_ids: BTreeMap<String, String> = BTreeMap::new();
    for op in spec.operations() {
        let op_pointer = format!("/paths/{}/{}", escape(op.path), op.method);
        match op.value.get("operationId").and_then(Value::as_str) {
            None => report(&op_pointer, "every operation needs an operationId".into()),
            Some(id) => {
                if let Some(first) = operation_ids.insert(id.to_owned(), op_pointer.clone()) {
                    report(
                        &format!("{op_pointer}/operationId"),
                        format!("duplicate operationId `{id}` (also at {first})"),
                    );
                }
            }
        }
        check_parameters(spec, &op_pointer, op.value, &mut report);
        check_responses(spec, &op_pointer, op.value, &mut report);
    }

    check_examples(spec, &mut report);
    out
}

fn check_enum(
    pointer: &str,
    object: &serde_json::Map<String, Value>,
    values: &[Value],
    report: &mut impl FnMut(&str, String),
) {
    let segments: Vec<&str> = pointer.split('/').collect();
    let named = segments.len() == 4 && segments[1] == "components" && segments[2] == "schemas";
    if !named {
        report(
            &format!("{pointer}/enum"),
            "inline enum: move it into a named component schema and `$ref` it (the generator makes named enums open)".into(),
        );
        return;
    }
    if object.get("type").and_then(Value::as_str) == Some("integer") {
        let names = object.get("x-enum-varnames").and_then(Value::as_array);
        if names.is_none_or(|n| n.len() != values.len()) {
            report(
                pointer,
                "integer enum needs `x-enum-varnames` with one name per value".into(),
            );
        }
    }
}

fn check_parameters(
    spec: &Spec,
    op_pointer: &str,
    op: &Value,
    report: &mut impl FnMut(&str, String),
) {
    let Some(params) = op.get("parameters").and_then(Value::as_array) else {
        return;
    };
    let mut seen = BTreeSet::new();
    for (i, raw) in params.iter().enumerate() {
        let pointer = format!("{op_pointer}/parameters/{i}");
        let Some(param) = spec.resolve(raw) else {
            report(&pointer, "unresolvable parameter `$ref`".into());
            continue;
        };
        let name = param.get("name").and_then(Value::as_str).unwrap_or("");
        if !seen.insert(name.to_owned()) {
            report(
                &format!("{pointer}/name"),
                format!("parameter name `{name}` is used twice in one operation"),
            );
        }
        let schema = param.get("schema").and_then(|s| spec.resolve(s));
        let is_array = schema.and_then(|s| s.get("type")).and_then(Value::as_str) == Some("array");
        if is_array {
            let style = param.get("style").and_then(Value::as_str).unwrap_or("form");
            let explode = param
                .get("explode")
                .and_then(Value::as_bool)
                .unwrap_or(true);
            if style != "form" || !explode {
                report(
                    &pointer,
                    "array parameters must be `style: form, explode: true` (repeated on the wire)"
                        .into(),
                );
            }
        }
    }
}

fn check_responses(
    spec: &Spec,
    op_pointer: &str,
    op: &Value,
    report: &mut impl FnMut(&str, String),
) {
    let responses_pointer = format!("{op_pointer}/responses");
    let Some(responses) = op.get("responses").and_then(Value::as_object) else {
        report(
            &responses_pointer,
            "the operation documents no responses".into(),
        );
        return;
    };
    for status in responses.keys() {
        let Some(class) = status.chars().next() else {
            continue;
        };
        let range = format!("{class}XX");
        let shadowed = status.len() == 3
            && status.chars().all(|c| c.is_ascii_digit())
            && !status.ends_with("00")
            && responses.contains_key(&range);
        if shadowed {
            report(
                &format!("{responses_pointer}/{status}"),
                format!(
                    "explicit code {status} beside {range}: progenitor 0.15 sorts the range first and generates an unreachable match arm; describe it under {range} or drop the range"
                ),
            );
        }
    }
    let mut success_schemas = BTreeSet::new();
    let mut error_schemas: BTreeMap<String, String> = BTreeMap::new();
    for (status, raw) in responses {
        let pointer = format!("{responses_pointer}/{}", escape(status));
        if status == "default" {
            report(
                &pointer,
                "`default` responses are not allowed: put errors under explicit codes or 4XX/5XX"
                    .into(),
            );
            continue;
        }
        let Some(response) = spec.resolve(raw) else {
            report(&pointer, "unresolvable response `$ref`".into());
            continue;
        };
        let media_pointer = format!("{pointer}/content/application~1json");
        let media = response.pointer("/content/application~1json");
        let schema = media.and_then(|m| m.get("schema"));
        let reference = schema
            .and_then(|s| s.get("$ref"))
            .and_then(Value::as_str)
            .map(str::to_owned);
        if status.starts_with('2') {
            let Some(schema) = schema else {
                report(
                    &pointer,
                    "success responses need an application/json schema".into(),
                );
                continue;
            };
            match reference.as_deref().and_then(|r| r.strip_prefix("#/components/schemas/")) {
                Some(name) if spec.component(name).is_some() => {
                    success_schemas.insert(name.to_owned());
                }
                Some(name) => report(
                    &format!("{media_pointer}/schema/$ref"),
                    format!("no component schema `{name}`"),
                ),
                None => report(
                    &format!("{media_pointer}/schema"),
                    "success responses must `$ref` a named component schema (inline schemas collide)".into(),
                ),
            }
            if schema.get("$ref").is_some() && schema.as_object().is_some_and(|o| o.len() > 1) {
                report(
                    &format!("{media_pointer}/schema"),
                    "siblings of `$ref` are ignored in OpenAPI 3.0".into(),
                );
            }
            if media.and_then(|m| m.get("example")).is_none() {
                report(
                    &media_pointer,
                    format!("the {status} response needs an `example` modelled on the seed"),
                );
            }
        } else if let Some(schema) = schema {
            let key = reference.unwrap_or_else(|| schema.to_string());
            error_schemas.entry(key).or_insert(pointer);
        }
    }
    if success_schemas.len() != 1 {
        report(
            &responses_pointer,
            format!(
                "exactly one success schema per operation is required, found {}",
                success_schemas.len()
            ),
        );
    }
    if error_schemas.len() > 1 {
        let places: Vec<String> = error_schemas.values().cloned().collect();
        report(
            &responses_pointer,
            format!(
                "error responses use {} different schemas ({}); progenitor supports one error type per operation",
                error_schemas.len(),
                places.join(", ")
            ),
        );
    }
}

/// Every `example` (and `examples.*.value`) must validate: a media type's or a parameter's against
/// its `schema`, a schema's against itself.
fn check_examples(spec: &Spec, report: &mut impl FnMut(&str, String)) {
    let mut checks: Vec<(String, Value, Value)> = Vec::new();
    walk(spec.document(), "", &mut |pointer, value| {
        let Some(object) = value.as_object() else {
            return;
        };
        let schema = match object.get("schema") {
            Some(schema) => schema.clone(),
            None if looks_like_schema(object) => {
                let mut own = object.clone();
                own.remove("example");
                Value::Object(own)
            }
            None => return,
        };
        if let Some(example) = object.get("example") {
            checks.push((
                format!("{pointer}/example"),
                schema.clone(),
                example.clone(),
            ));
        }
        if let Some(examples) = object.get("examples").and_then(Value::as_object) {
            for (name, ex) in examples {
                if let Some(v) = ex.get("value") {
                    let at = format!("{pointer}/examples/{}/value", escape(name));
                    checks.push((at, schema.clone(), v.clone()));
                }
            }
        }
    });
    for (pointer, schema, example) in checks {
        if let Err(violations) = spec.validate_against(&schema, &example) {
            for v in violations {
                report(
                    &format!("{pointer}{}", v.pointer),
                    format!("example does not match its schema: {}", v.rule),
                );
            }
        }
    }
}

fn looks_like_schema(object: &serde_json::Map<String, Value>) -> bool {
    ["type", "$ref", "properties", "enum", "allOf", "items"]
        .iter()
        .any(|k| object.contains_key(*k))
}

/// Visits every object and array of `value` with its JSON pointer, not descending into example
/// values (which are data, not spec).
fn walk(value: &Value, pointer: &str, visit: &mut impl FnMut(&str, &Value)) {
    visit(pointer, value);
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                if key == "example" || key == "examples" || key == "default" && !child.is_object() {
                    continue;
                }
                walk(child, &format!("{pointer}/{}", escape(key)), visit);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                walk(child, &format!("{pointer}/{i}"), visit);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) const GOOD: &str = r##"
openapi: 3.0.3
info: { title: t, version: "1" }
servers: [{ url: "https://api.example.com/v1" }]
security: [{ bearerAuth: [] }]
paths:
  /things:
    get:
      operationId: list_things
      parameters:
        - { name: room, in: query, schema: { type: string } }
        - name: states
          in: query
          style: form
          explode: true
          schema: { type: array, items: { $ref: "#/components/schemas/State" } }
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { $ref: "#/components/schemas/ThingList" }
              example: { total: 1, data: [{ id: 3, state: ready }] }
        4XX:
          description: error
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Problem" }
components:
  securitySchemes:
    bearerAuth: { type: http, scheme: bearer }
  schemas:
    State: { type: string, enum: [ready, done] }
    ThingList:
      type: object
      properties:
        total: { type: integer, format: int64 }
        data: { type: array, items: { $ref: "#/components/schemas/Thing" } }
    Thing:
      type: object
      properties:
        id: { type: integer, format: int64 }
        state: { $ref: "#/components/schemas/State" }
    Problem:
      type: object
      properties:
        error: { type: string }
"##;

    pub(crate) fn parse(text: &str) -> Spec {
        match Spec::parse(text, "test") {
            Ok(spec) => spec,
            Err(e) => panic!("{e}"),
        }
    }

    fn lint(text: &str) -> Vec<String> {
        lint_spec("specs/test.yaml", &parse(text))
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn a_good_spec_passes() {
        assert_eq!(lint(GOOD), Vec::<String>::new());
    }

    #[test]
    fn default_responses_are_reported_with_their_pointer() {
        let text = GOOD.replace("        4XX:", "        default:");
        let problems = lint(&text);
        assert!(
            problems.iter().any(|p| p.starts_with(
                "specs/test.yaml: /paths/~1things/get/responses/default: `default` responses"
            )),
            "{problems:?}"
        );
    }

    #[test]
    fn deep_object_is_reported_with_its_pointer() {
        let text = GOOD.replace(
            "- { name: room, in: query, schema: { type: string } }",
            "- { name: filter, in: query, style: deepObject, schema: { type: object } }",
        );
        let problems = lint(&text);
        assert!(
            problems.iter().any(|p| p.starts_with(
                "specs/test.yaml: /paths/~1things/get/parameters/0/style: `style: deepObject`"
            )),
            "{problems:?}"
        );
    }

    #[test]
    fn inline_enums_and_integer_enums_without_names_are_reported() {
        let text = GOOD
            .replace(
                "id: { type: integer, format: int64 }",
                "id: { type: string, enum: [a, b] }",
            )
            .replace(
                "State: { type: string, enum: [ready, done] }",
                "State: { type: integer, enum: [1, 2] }",
            )
            .replace("state: ready", "state: 1");
        let problems = lint(&text);
        assert!(
            problems
                .iter()
                .any(|p| p.contains("/components/schemas/Thing/properties/id/enum: inline enum")),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p
                    .contains("/components/schemas/State: integer enum needs `x-enum-varnames`")),
            "{problems:?}"
        );
    }

    #[test]
    fn invalid_examples_point_into_the_example() {
        let text = GOOD.replace(
            "data: [{ id: 3, state: ready }]",
            "data: [{ id: x, state: ready }]",
        );
        let problems = lint(&text);
        assert!(
            problems.iter().any(|p| p.contains(
                "/paths/~1things/get/responses/200/content/application~1json/example/data/0/id: example does not match"
            )),
            "{problems:?}"
        );
    }

    #[test]
    fn version_duplicates_inline_success_schemas_and_missing_examples_are_reported() {
        let text = GOOD
            .replace("openapi: 3.0.3", "openapi: 3.1.0")
            .replace(
                "schema: { $ref: \"#/components/schemas/ThingList\" }\n              example: { total: 1, data: [{ id: 3, state: ready }] }",
                "schema: { type: object }",
            )
            .replace(
                "schema: { $ref: \"#/components/schemas/Problem\" }",
                "schema: { type: object }",
            );
        let problems = lint(&text);
        for expected in [
            "specs/test.yaml: /openapi: openapi must be 3.0.x",
            "/responses/200/content/application~1json/schema: success responses must `$ref`",
            "/responses/200/content/application~1json: the 200 response needs an `example`",
        ] {
            assert!(
                problems.iter().any(|p| p.contains(expected)),
                "{expected}: {problems:?}"
            );
        }
    }

    #[test]
    fn two_error_schemas_in_one_operation_are_reported() {
        let text = GOOD.replace(
            "        4XX:",
            "        \"401\":\n          description: no\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/Thing\" }\n        4XX:",
        );
        let problems = lint(&text);
        assert!(
            problems.iter().any(|p| p.contains(
                "/paths/~1things/get/responses: error responses use 2 different schemas"
            )),
            "{problems:?}"
        );
    }

    #[test]
    fn explicit_codes_beside_their_range_are_reported() {
        let text = GOOD.replace(
            "        4XX:",
            "        \"401\":\n          description: no\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/Problem\" }\n        4XX:",
        );
        let problems = lint(&text);
        assert!(
            problems
                .iter()
                .any(|p| p
                    .contains("/paths/~1things/get/responses/401: explicit code 401 beside 4XX")),
            "{problems:?}"
        );
    }

    #[test]
    fn the_repository_specs_pass() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        if let Err(e) = lint_specs(&root) {
            panic!("{e:#}");
        }
    }
}
