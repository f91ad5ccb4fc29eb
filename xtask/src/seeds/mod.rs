//! The seed check of `cargo xtask lint-specs`: every query/path parameter and every response field
//! a seed document names must be in its spec.
//!
//! The names are read from the seed text itself, with one parsing rule per seed that follows that
//! document's layout (a Postman table, prose, an indented list, a docs page, a Mintlify page):
//! each provider's rule and seed file are in `providers/<p>.rs`; this module holds what they
//! share and the check.
//! Nothing here lists the names: a seed that gains a parameter fails the lint until the spec has it.
//! Also owned here: `specs/seeds/*` must equal `../shared/seeds/*` when that directory exists.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use meetkit_openapi_check::Spec;
use regex::Regex;
use serde_json::Value;

use crate::problem::{Problem, escape, problem};
use providers::SEEDS;

mod providers;

/// What a seed names.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SeedNames {
    /// Query and path parameter names, as on the wire.
    pub params: BTreeSet<String>,
    /// Response field names, at any depth.
    pub fields: BTreeSet<String>,
    /// Enumerations the seed spells out: (parameter name, values).
    pub enums: Vec<(String, Vec<String>)>,
    /// The type word the seed gives a parameter (`date`, `uuid`, `string<date-time>`, `string[]`…).
    pub param_types: BTreeMap<String, String>,
}

/// A seed document and the rule that reads it.
pub struct Seed {
    /// The spec it is the seed of (`<p>.yaml`).
    pub spec: &'static str,
    /// Its file in `specs/seeds/`.
    pub file: &'static str,
    /// The rule that reads its names.
    pub parse: fn(&str) -> SeedNames,
}

pub(crate) fn re(pattern: &str) -> Regex {
    // The patterns are literals of this file; a bad one is a bug caught by the unit tests.
    Regex::new(pattern).unwrap_or_else(|e| panic!("bad seed pattern {pattern}: {e}"))
}

/// The text between the first line equal to `start` (trimmed) and the next line equal to one of
/// `ends`, or the end.
pub(crate) fn section<'a>(text: &'a str, start: &str, ends: &[&str]) -> Vec<&'a str> {
    text.lines()
        .skip_while(|l| l.trim() != start)
        .skip(1)
        .take_while(|l| !ends.contains(&l.trim()))
        .collect()
}

/// Names that stand alone on a line, directly followed by a line that is a type (`is_type`).
pub(crate) fn names_before_types(
    lines: &[&str],
    name: &Regex,
    is_type: &Regex,
) -> BTreeSet<String> {
    lines
        .windows(2)
        .filter(|w| name.is_match(w[0].trim()) && is_type.is_match(w[1].trim()))
        .map(|w| w[0].trim().to_owned())
        .collect()
}

/// Like [`names_before_types`], keeping the type line.
pub(crate) fn typed_names(
    lines: &[&str],
    name: &Regex,
    is_type: &Regex,
) -> BTreeMap<String, String> {
    lines
        .windows(2)
        .filter(|w| name.is_match(w[0].trim()) && is_type.is_match(w[1].trim()))
        .map(|w| (w[0].trim().to_owned(), w[1].trim().to_owned()))
        .collect()
}

/// JSON object keys (`"key":`) in `text`.
pub(crate) fn json_keys(text: &str) -> BTreeSet<String> {
    re(r#""([A-Za-z_][A-Za-z0-9_]*)"\s*:"#)
        .captures_iter(text)
        .map(|c| c[1].to_owned())
        .collect()
}

/// Checks `spec` (at `file`, e.g. `specs/zoom.yaml`) against its seed in `specs/seeds/`.
pub fn check_spec(root: &Path, file: &str, spec: &Spec) -> Vec<Problem> {
    let spec_name = file.trim_start_matches("specs/");
    let Some(seed) = SEEDS.iter().find(|s| s.spec == spec_name) else {
        return vec![problem(
            file,
            "",
            "no seed document is registered for this spec in xtask/src/seeds.rs",
        )];
    };
    let seed_path = root.join("specs/seeds").join(seed.file);
    let text = match std::fs::read_to_string(&seed_path) {
        Ok(text) => text,
        Err(e) => {
            return vec![problem(
                file,
                "",
                format!("cannot read its seed specs/seeds/{}: {e}", seed.file),
            )];
        }
    };
    check_against(file, seed.file, &(seed.parse)(&text), spec)
}

/// Checks that `spec` has every name in `names` (read from the seed `seed_file`).
pub fn check_against(file: &str, seed_file: &str, names: &SeedNames, spec: &Spec) -> Vec<Problem> {
    let mut out = Vec::new();
    if names.params.is_empty() || names.fields.is_empty() {
        out.push(problem(
            file,
            "",
            format!("the parsing rule for seed {seed_file} found no parameters or no fields: has the seed's layout changed?"),
        ));
    }
    let operations = spec.operations();
    let Some(main) = operations.iter().find(|op| op.method == "get") else {
        out.push(problem(
            file,
            "/paths",
            "no GET operation for the seed's endpoint",
        ));
        return out;
    };
    let op_pointer = format!("/paths/{}/get", escape(main.path));

    let params: Vec<&Value> = main
        .value
        .get("parameters")
        .and_then(Value::as_array)
        .map(|ps| ps.iter().filter_map(|p| spec.resolve(p)).collect())
        .unwrap_or_default();
    let param_named = |name: &str| {
        params
            .iter()
            .find(|p| p.get("name").and_then(Value::as_str) == Some(name))
    };
    for name in &names.params {
        if param_named(name).is_none() {
            out.push(problem(
                file,
                &format!("{op_pointer}/parameters"),
                format!("seed {seed_file} names parameter `{name}`, which the spec lacks"),
            ));
        }
    }

    let mut fields = BTreeSet::new();
    if let Some(success) = main
        .value
        .get("responses")
        .and_then(|r| r.get("200"))
        .and_then(|r| spec.resolve(r))
        .and_then(|r| r.pointer("/content/application~1json/schema"))
    {
        collect_properties(spec, success, &mut fields, 0);
    }
    for name in &names.fields {
        if !fields.contains(name) {
            out.push(problem(
                file,
                &format!("{op_pointer}/responses/200/content/application~1json/schema"),
                format!("seed {seed_file} names response field `{name}`, which the spec lacks"),
            ));
        }
    }

    for (name, seed_type) in &names.param_types {
        let Some((index, schema)) = params.iter().enumerate().find_map(|(i, p)| {
            (p.get("name").and_then(Value::as_str) == Some(name.as_str()))
                .then(|| p.get("schema").map(|s| (i, spec.resolve(s).unwrap_or(s))))
                .flatten()
        }) else {
            continue;
        };
        let Some((types, format)) = expected_type(seed_type) else {
            continue;
        };
        let actual_type = schema.get("type").and_then(Value::as_str).unwrap_or("");
        let actual_format = schema.get("format").and_then(Value::as_str);
        if !types.contains(&actual_type)
            || format.is_some_and(|f| actual_format != Some(f.as_str()))
        {
            out.push(problem(
                file,
                &format!("{op_pointer}/parameters/{index}/schema"),
                format!(
                    "seed {seed_file} documents `{name}` as `{seed_type}`, the spec has type `{actual_type}` format `{}`",
                    actual_format.unwrap_or("")
                ),
            ));
        }
    }

    for (param, values) in &names.enums {
        let Some(schema) = param_named(param).and_then(|p| p.get("schema")) else {
            continue;
        };
        let schema = spec.resolve(schema).unwrap_or(schema);
        let schema = match schema.get("items") {
            Some(items) => spec.resolve(items).unwrap_or(items),
            None => schema,
        };
        let known: Vec<&str> = schema
            .get("enum")
            .and_then(Value::as_array)
            .map(|v| v.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        for value in values {
            if !known.contains(&value.as_str()) {
                out.push(problem(
                    file,
                    &format!("{op_pointer}/parameters"),
                    format!("seed {seed_file} lists `{value}` for `{param}`, which its enum lacks"),
                ));
            }
        }
    }
    out
}

/// The JSON types (and format) a seed's type word allows; `None` for words we do not know.
fn expected_type(seed_type: &str) -> Option<(Vec<&'static str>, Option<String>)> {
    if seed_type.ends_with("[]") || seed_type == "array" {
        return Some((vec!["array"], None));
    }
    if let Some(format) = seed_type
        .strip_prefix("string<")
        .and_then(|f| f.strip_suffix('>'))
    {
        return Some((vec!["string"], Some(format.to_owned())));
    }
    Some(match seed_type {
        "date" => (vec!["string"], Some("date".to_owned())),
        "uuid" => (vec!["string"], Some("uuid".to_owned())),
        "string" | "enum<string>" => (vec!["string"], None),
        "integer" => (vec!["integer"], None),
        // Zoom's Postman table says `number` for page_size, which is an integer.
        "number" => (vec!["number", "integer"], None),
        "boolean" => (vec!["boolean"], None),
        _ => return None,
    })
}

/// Every property name reachable from `schema`.
fn collect_properties(spec: &Spec, schema: &Value, out: &mut BTreeSet<String>, depth: usize) {
    if depth > 16 {
        return;
    }
    let Some(schema) = spec.resolve(schema) else {
        return;
    };
    if let Some(props) = schema.get("properties").and_then(Value::as_object) {
        for (name, child) in props {
            out.insert(name.clone());
            collect_properties(spec, child, out, depth + 1);
        }
    }
    for key in ["items", "additionalProperties"] {
        if let Some(child) = schema.get(key).filter(|c| c.is_object()) {
            collect_properties(spec, child, out, depth + 1);
        }
    }
    for key in ["allOf", "anyOf", "oneOf"] {
        for child in schema
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            collect_properties(spec, child, out, depth + 1);
        }
    }
}

/// Every file in `specs/seeds/` must have a parsing rule here, and `specs/seeds/*` must equal
/// `../shared/seeds/*` (when `../shared/seeds` exists).
pub fn check_seed_copies(root: &Path) -> Vec<Problem> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(root.join("specs/seeds")) {
        for entry in entries.filter_map(|e| e.ok()) {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !SEEDS.iter().any(|s| s.file == name) {
                out.push(problem(
                    &format!("specs/seeds/{name}"),
                    "",
                    "no parsing rule for this seed in xtask/src/seeds.rs",
                ));
            }
        }
    }
    let shared = root.join("../shared/seeds");
    let Ok(entries) = std::fs::read_dir(&shared) else {
        return out;
    };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for name in names {
        let file = format!("specs/seeds/{name}");
        let original = std::fs::read(shared.join(&name));
        let copy = std::fs::read(root.join(&file));
        match (original, copy) {
            (Ok(a), Ok(b)) if a == b => {}
            (Ok(_), Ok(_)) => out.push(problem(
                &file,
                "",
                format!("differs from ../shared/seeds/{name}: copy it again"),
            )),
            (Ok(_), Err(_)) => out.push(problem(
                &file,
                "",
                format!("missing: copy ../shared/seeds/{name}"),
            )),
            (Err(e), _) => out.push(problem(
                &file,
                "",
                format!("cannot read ../shared/seeds/{name}: {e}"),
            )),
        }
    }
    out
}

#[cfg(test)]
mod tests;
