//! Checks JSON values against meetkit's hand-written OpenAPI 3.0 specs.
//!
//! This crate owns four things:
//! - loading a spec (`specs/*.yaml`) into a [`Spec`];
//! - turning an OpenAPI 3.0 schema into a JSON Schema (2020-12) document ([`Spec::to_json_schema`]):
//!   `#/components/schemas/*` references become `#/$defs/*`, `nullable: true` admits `null`,
//!   boolean `exclusiveMinimum`/`exclusiveMaximum` become numeric, `int32`/`int64` become bounds,
//!   and OpenAPI-only keys (`example`, `xml`, `discriminator`, `x-*`, …) are dropped;
//! - validating a value with the `jsonschema` crate and reporting every [`Violation`] with the
//!   JSON pointer into the value and the rule it broke;
//! - locating, for a part of a value, the spec's JSON pointer that describes it, and the fields a
//!   value carries that no schema lists ([`Spec::locate`], [`Spec::unknown_fields`]), so a
//!   difference can name the place in the spec to edit.
//!
//! The sandbox validates every response body it serves with [`Spec::validate_response`]; the spec
//! linter validates every example with [`Spec::validate_against`]; [`validate_json_schema`] checks a
//! value against a plain JSON Schema (such as one `schemars` produced).

mod convert;
mod locate;

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use serde_json::Value;

pub use convert::openapi_to_json_schema;
pub use locate::UnknownField;

/// One rule a value breaks: where in the value, and what rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// JSON pointer into the validated value (`""` is the value itself).
    pub pointer: String,
    /// The rule broken, in words (includes the schema keyword location when known).
    pub rule: String,
}

impl Violation {
    /// A violation at `pointer` breaking `rule`.
    pub fn new(pointer: impl Into<String>, rule: impl Into<String>) -> Self {
        Self {
            pointer: pointer.into(),
            rule: rule.into(),
        }
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pointer = if self.pointer.is_empty() {
            "(root)"
        } else {
            &self.pointer
        };
        write!(f, "{pointer}: {}", self.rule)
    }
}

/// Why a spec could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The text is not YAML (or JSON).
    #[error("{origin} is not valid YAML: {source}")]
    Parse {
        /// The file, or `<string>`.
        origin: String,
        /// The parser's complaint.
        source: serde_yaml::Error,
    },
    /// The document is not an OpenAPI object.
    #[error("{origin} is not an OpenAPI document: {reason}")]
    NotOpenApi {
        /// The file, or `<string>`.
        origin: String,
        /// What is missing.
        reason: String,
    },
}

/// Loads the OpenAPI document at `path`.
///
/// # Errors
/// When the file cannot be read, is not YAML, or is not an OpenAPI object.
pub fn load(path: impl AsRef<Path>) -> Result<Spec, Error> {
    let path = path.as_ref();
    let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    Spec::parse(&text, &path.display().to_string())
}

/// A loaded OpenAPI document, with a cache of compiled validators.
pub struct Spec {
    document: Value,
    compiled: Mutex<HashMap<String, Arc<jsonschema::Validator>>>,
}

impl fmt::Debug for Spec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Spec")
            .field("title", &self.document.pointer("/info/title"))
            .finish_non_exhaustive()
    }
}

/// An operation found by its `operationId`.
#[derive(Debug, Clone, Copy)]
pub struct Operation<'a> {
    /// The path template, e.g. `/meetings`.
    pub path: &'a str,
    /// The lower-case HTTP method.
    pub method: &'a str,
    /// The operation object.
    pub value: &'a Value,
}

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

impl Spec {
    /// Parses YAML (or JSON) text; `origin` names it in errors.
    ///
    /// # Errors
    /// When the text is not YAML or not an OpenAPI object.
    pub fn parse(text: &str, origin: &str) -> Result<Self, Error> {
        let yaml: serde_yaml::Value =
            serde_yaml::from_str(text).map_err(|source| Error::Parse {
                origin: origin.to_owned(),
                source,
            })?;
        Self::from_value(yaml_to_json(yaml)).map_err(|reason| Error::NotOpenApi {
            origin: origin.to_owned(),
            reason,
        })
    }

    /// Wraps an already parsed document.
    ///
    /// # Errors
    /// When `document` is not an object with an `openapi` string.
    pub fn from_value(document: Value) -> Result<Self, String> {
        if !document.get("openapi").is_some_and(Value::is_string) {
            return Err("no `openapi` version string at the top".to_owned());
        }
        Ok(Self {
            document,
            compiled: Mutex::new(HashMap::new()),
        })
    }

    /// The whole document as JSON.
    pub fn document(&self) -> &Value {
        &self.document
    }

    /// Every operation, in document order.
    pub fn operations(&self) -> Vec<Operation<'_>> {
        let Some(paths) = self.document.get("paths").and_then(Value::as_object) else {
            return Vec::new();
        };
        paths
            .iter()
            .flat_map(|(path, item)| {
                METHODS.iter().filter_map(move |method| {
                    item.get(*method).map(|value| Operation {
                        path,
                        method,
                        value,
                    })
                })
            })
            .collect()
    }

    /// The operation whose `operationId` is `operation_id`.
    pub fn operation(&self, operation_id: &str) -> Option<Operation<'_>> {
        self.operations()
            .into_iter()
            .find(|op| op.value.get("operationId").and_then(Value::as_str) == Some(operation_id))
    }

    /// Follows a local `$ref` (`#/components/...`) until a non-reference object is reached.
    pub fn resolve<'a>(&'a self, mut value: &'a Value) -> Option<&'a Value> {
        for _ in 0..32 {
            match value.get("$ref").and_then(Value::as_str) {
                Some(reference) => value = self.document.pointer(reference.strip_prefix('#')?)?,
                None => return Some(value),
            }
        }
        None
    }

    /// The OpenAPI schema of the JSON body of `operation_id`'s response for `status`: the exact
    /// code, else its `4XX`-style range, else `default`.
    ///
    /// # Errors
    /// A violation at the root naming what is missing.
    pub fn response_schema(&self, operation_id: &str, status: u16) -> Result<&Value, Violation> {
        let op = self.operation(operation_id).ok_or_else(|| {
            Violation::new("", format!("no operation `{operation_id}` in the spec"))
        })?;
        let responses = op.value.get("responses").unwrap_or(&Value::Null);
        let range = format!("{}XX", status / 100);
        let response = [status.to_string(), range, "default".to_owned()]
            .iter()
            .find_map(|key| responses.get(key))
            .and_then(|r| self.resolve(r))
            .ok_or_else(|| {
                Violation::new(
                    "",
                    format!("operation `{operation_id}` documents no response for status {status}"),
                )
            })?;
        response
            .pointer("/content/application~1json/schema")
            .ok_or_else(|| {
                Violation::new(
                    "",
                    format!(
                        "operation `{operation_id}` status {status} response has no application/json schema"
                    ),
                )
            })
    }

    /// Validates a response body of `operation_id` with HTTP `status`.
    ///
    /// # Errors
    /// Every violation found (or one at the root when the spec has no such response).
    pub fn validate_response(
        &self,
        operation_id: &str,
        status: u16,
        value: &Value,
    ) -> Result<(), Vec<Violation>> {
        let key = format!("response:{operation_id}:{status}");
        let validator = self.cached(&key, || {
            let schema = self.response_schema(operation_id, status)?;
            Ok(self.to_json_schema(schema))
        })?;
        run(&validator, value)
    }

    /// Validates `value` against the component schema `#/components/schemas/<name>`.
    ///
    /// # Errors
    /// Every violation found (or one at the root when there is no such component).
    pub fn validate_component(&self, name: &str, value: &Value) -> Result<(), Vec<Violation>> {
        let key = format!("component:{name}");
        let validator = self.cached(&key, || {
            self.component(name)
                .ok_or_else(|| Violation::new("", format!("no component schema `{name}`")))?;
            Ok(self.to_json_schema(&serde_json::json!({
                "$ref": format!("#/components/schemas/{name}")
            })))
        })?;
        run(&validator, value)
    }

    /// Validates `value` against an OpenAPI schema taken from this document (its `$ref`s resolve
    /// against this document's components).
    ///
    /// # Errors
    /// Every violation found.
    pub fn validate_against(
        &self,
        openapi_schema: &Value,
        value: &Value,
    ) -> Result<(), Vec<Violation>> {
        let validator = compile(&self.to_json_schema(openapi_schema)).map_err(|v| vec![v])?;
        run(&validator, value)
    }

    /// The component schema `name`, if any.
    pub fn component(&self, name: &str) -> Option<&Value> {
        self.document.get("components")?.get("schemas")?.get(name)
    }

    /// A self-contained JSON Schema 2020-12 document for `openapi_schema`, with every component
    /// schema of this spec under `$defs`.
    pub fn to_json_schema(&self, openapi_schema: &Value) -> Value {
        let components = self
            .document
            .pointer("/components/schemas")
            .unwrap_or(&Value::Null);
        openapi_to_json_schema(openapi_schema, components)
    }

    fn cached(
        &self,
        key: &str,
        schema: impl FnOnce() -> Result<Value, Violation>,
    ) -> Result<Arc<jsonschema::Validator>, Vec<Violation>> {
        let found = self
            .compiled
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(key)
            .cloned();
        if let Some(validator) = found {
            return Ok(validator);
        }
        let validator = Arc::new(compile(&schema().map_err(|v| vec![v])?).map_err(|v| vec![v])?);
        self.compiled
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(key.to_owned(), Arc::clone(&validator));
        Ok(validator)
    }
}

/// Validates `value` against a plain JSON Schema document (the draft is taken from `$schema`,
/// 2020-12 when absent). Formats are checked.
///
/// # Errors
/// Every violation found, or one at the root when the schema itself is invalid.
pub fn validate_json_schema(schema: &Value, value: &Value) -> Result<(), Vec<Violation>> {
    let validator = compile(schema).map_err(|v| vec![v])?;
    run(&validator, value)
}

fn compile(schema: &Value) -> Result<jsonschema::Validator, Violation> {
    let mut options = jsonschema::options().should_validate_formats(true);
    if schema.get("$schema").is_none() {
        options = options.with_draft(jsonschema::Draft::Draft202012);
    }
    options
        .build(schema)
        .map_err(|e| Violation::new("", format!("invalid schema: {e}")))
}

fn run(validator: &jsonschema::Validator, value: &Value) -> Result<(), Vec<Violation>> {
    let violations: Vec<Violation> = validator
        .iter_errors(value)
        .map(|e| {
            Violation::new(
                e.instance_path().as_str(),
                format!("{e} (schema {})", e.schema_path().as_str()),
            )
        })
        .collect();
    if violations.is_empty() {
        Ok(())
    } else {
        Err(violations)
    }
}

/// YAML to JSON, with non-string mapping keys (e.g. an unquoted `200:`) turned into strings.
fn yaml_to_json(yaml: serde_yaml::Value) -> Value {
    use serde_yaml::Value as Y;
    match yaml {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(b),
        Y::Number(n) => {
            if let Some(i) = n.as_i64() {
                Value::from(i)
            } else if let Some(u) = n.as_u64() {
                Value::from(u)
            } else {
                n.as_f64()
                    .and_then(serde_json::Number::from_f64)
                    .map_or(Value::Null, Value::Number)
            }
        }
        Y::String(s) => Value::String(s),
        Y::Sequence(items) => Value::Array(items.into_iter().map(yaml_to_json).collect()),
        Y::Mapping(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (yaml_key(k), yaml_to_json(v)))
                .collect(),
        ),
        Y::Tagged(tagged) => yaml_to_json(tagged.value),
    }
}

fn yaml_key(key: serde_yaml::Value) -> String {
    match key {
        serde_yaml::Value::String(s) => s,
        other => match yaml_to_json(other) {
            Value::String(s) => s,
            v => v.to_string(),
        },
    }
}
