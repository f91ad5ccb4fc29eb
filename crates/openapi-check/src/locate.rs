//! Where in a spec a part of a value is described: the JSON pointer to edit when a response
//! differs from its spec, and the fields a response carries that its schemas do not list
//! (which validation accepts, since OpenAPI objects admit unknown properties).

use std::collections::BTreeSet;

use serde_json::Value;

use crate::{Spec, Violation};

/// Deeper than any response; stops a self-referencing schema.
const MAX_DEPTH: usize = 64;

/// A field a value carries that its schema does not list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownField {
    /// JSON pointer to the field in the value (the first occurrence).
    pub pointer: String,
    /// The field's name.
    pub name: String,
    /// JSON pointer, in the spec, of the `properties` object it would be added to.
    pub spec_pointer: String,
}

/// A JSON pointer token: `~` and `/` escaped.
pub fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

impl Spec {
    /// The JSON pointer (in this document) of the JSON schema of `operation_id`'s `status`
    /// response, through a `$ref` to `#/components/responses` when there is one.
    ///
    /// # Errors
    /// As [`Spec::response_schema`].
    pub fn response_schema_pointer(
        &self,
        operation_id: &str,
        status: u16,
    ) -> Result<String, Violation> {
        self.response_schema(operation_id, status)?;
        let op = self
            .operation(operation_id)
            .ok_or_else(|| Violation::new("", format!("no operation `{operation_id}`")))?;
        let responses = op.value.get("responses").unwrap_or(&Value::Null);
        let key = [
            status.to_string(),
            format!("{}XX", status / 100),
            "default".to_owned(),
        ]
        .into_iter()
        .find(|key| responses.get(key).is_some())
        .unwrap_or_default();
        let pointer = format!(
            "/paths/{}/{}/responses/{}",
            escape(op.path),
            op.method,
            escape(&key)
        );
        let (response, _) = self
            .resolve_at(&pointer)
            .ok_or_else(|| Violation::new("", format!("{pointer} does not resolve")))?;
        Ok(format!("{response}/content/application~1json/schema"))
    }

    /// `pointer` followed through `$ref`s: the final pointer and the schema there.
    fn resolve_at(&self, pointer: &str) -> Option<(String, &Value)> {
        let mut pointer = pointer.to_owned();
        for _ in 0..MAX_DEPTH {
            let value = self.document.pointer(&pointer)?;
            match value.get("$ref").and_then(Value::as_str) {
                Some(reference) => pointer = reference.strip_prefix('#')?.to_owned(),
                None => return Some((pointer, value)),
            }
        }
        None
    }

    /// The pointer of the schema (under `schema_pointer`, `$ref`s followed) that describes the
    /// part of a value at `value_pointer`; the deepest schema found when the spec stops short.
    pub fn locate(&self, schema_pointer: &str, value_pointer: &str) -> Option<String> {
        let (mut at, _) = self.resolve_at(schema_pointer)?;
        for token in value_pointer.split('/').skip(1).map(unescape) {
            match self.child(&at, &token) {
                Some(next) => at = next,
                None => break,
            }
        }
        Some(at)
    }

    /// The resolved pointer of the schema of `token` (a property name or an array index) inside
    /// the schema at `at`.
    fn child(&self, at: &str, token: &str) -> Option<String> {
        let (at, schema) = self.resolve_at(at)?;
        if let Some(owner) = self.property_owner(&at, token) {
            return self
                .resolve_at(&format!("{owner}/properties/{}", escape(token)))
                .map(|(p, _)| p);
        }
        if schema.get("items").is_some() && token.parse::<usize>().is_ok() {
            return self.resolve_at(&format!("{at}/items")).map(|(p, _)| p);
        }
        if schema
            .get("additionalProperties")
            .is_some_and(Value::is_object)
        {
            return self
                .resolve_at(&format!("{at}/additionalProperties"))
                .map(|(p, _)| p);
        }
        None
    }

    /// The pointer of the schema (this one or one of its `allOf` parts) whose `properties`
    /// list `name`.
    fn property_owner(&self, at: &str, name: &str) -> Option<String> {
        let (at, schema) = self.resolve_at(at)?;
        if schema.get("properties").and_then(|p| p.get(name)).is_some() {
            return Some(at);
        }
        let parts = schema.get("allOf").and_then(Value::as_array)?;
        (0..parts.len()).find_map(|i| self.property_owner(&format!("{at}/allOf/{i}"), name))
    }

    /// Every field of `value` that the schema at `schema_pointer` does not list, at any depth,
    /// once per (schema, field name). Free-form objects (no `properties`, or
    /// `additionalProperties`) list nothing.
    pub fn unknown_fields(&self, schema_pointer: &str, value: &Value) -> Vec<UnknownField> {
        let mut out = Vec::new();
        let mut seen = BTreeSet::new();
        self.walk(schema_pointer, value, "", &mut out, &mut seen, 0);
        out
    }

    fn walk(
        &self,
        at: &str,
        value: &Value,
        value_pointer: &str,
        out: &mut Vec<UnknownField>,
        seen: &mut BTreeSet<(String, String)>,
        depth: usize,
    ) {
        let Some((at, schema)) = self.resolve_at(at) else {
            return;
        };
        if depth > MAX_DEPTH {
            return;
        }
        match value {
            Value::Object(fields) => {
                let free_form = schema
                    .get("additionalProperties")
                    .is_some_and(|a| a != false)
                    || (schema.get("properties").is_none() && schema.get("allOf").is_none());
                for (name, child) in fields {
                    let child_pointer = format!("{value_pointer}/{}", escape(name));
                    match self.property_owner(&at, name) {
                        Some(owner) => self.walk(
                            &format!("{owner}/properties/{}", escape(name)),
                            child,
                            &child_pointer,
                            out,
                            seen,
                            depth + 1,
                        ),
                        None if free_form => {}
                        None => {
                            let spec_pointer = format!("{at}/properties");
                            if seen.insert((spec_pointer.clone(), name.clone())) {
                                out.push(UnknownField {
                                    pointer: child_pointer,
                                    name: name.clone(),
                                    spec_pointer,
                                });
                            }
                        }
                    }
                }
            }
            Value::Array(items) if schema.get("items").is_some() => {
                for (i, item) in items.iter().enumerate() {
                    let item_pointer = format!("{value_pointer}/{i}");
                    self.walk(
                        &format!("{at}/items"),
                        item,
                        &item_pointer,
                        out,
                        seen,
                        depth + 1,
                    );
                }
            }
            _ => {}
        }
    }
}
