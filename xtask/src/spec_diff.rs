//! `cargo xtask spec-diff`: what changed between two versions of an API spec, judged from our
//! clients' side — each change is breaking, additive or a note.
//!
//! Operations are matched by method and path (path parameter names do not matter), parameters by
//! location and name (a `deepObject` parameter is compared as the flat `name[key][sub]`
//! parameters it puts on the wire, which is how our specs write them), and the success response
//! body field by field, through `$ref`s, `allOf` and arrays. `Authorization`, `Content-Type` and
//! `Accept` header parameters are left out: our specs carry them as security schemes.
//!
//! The rule is a client's: whatever may make a request we send fail, or a response we decode
//! fail or lose data, is breaking — a response field removed, a type changed, a response field
//! that may now be null or absent, a new required parameter, a request enum value removed.
//! Whatever only adds is additive — a new response field, a new optional parameter, and a new
//! response enum value, because every enum we generate is open (it decodes as `Unknown(..)`).
//!
//! Specs are read as plain YAML/JSON values, not as OpenAPI documents, so a provider's published
//! excerpt (no `openapi` key, `$ref`s into parts that were cut) still compares: what cannot be
//! resolved is listed in the report instead of failing it.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};
use serde_json::Value;

use crate::generate::PROVIDERS;

/// Exit status when a comparison finds a breaking change.
pub const EXIT_BREAKING: u8 = 1;
/// Exit status when an input cannot be read or parsed.
pub const EXIT_ERROR: u8 = 2;

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];
const TRANSPORT_HEADERS: [&str; 3] = ["authorization", "content-type", "accept"];
/// String formats that change what a generated client accepts (others read as plain strings).
const KNOWN_STRING_FORMATS: [&str; 11] = [
    "date-time",
    "date",
    "time",
    "uuid",
    "email",
    "uri",
    "byte",
    "binary",
    "ipv4",
    "ipv6",
    "hostname",
];
/// Deeper than any real schema; stops a self-referencing one.
const MAX_DEPTH: usize = 32;

/// How a change affects a client built from the old spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Impact {
    /// A request that worked may fail, or a response may fail to decode or lose data.
    Breaking,
    /// Something new that old clients ignore or accept.
    Additive,
    /// Worth knowing, harmless for decoding (a renamed operation id, a narrower response).
    Note,
}

impl Impact {
    fn label(self) -> &'static str {
        match self {
            Self::Breaking => "breaking",
            Self::Additive => "additive",
            Self::Note => "note",
        }
    }
}

/// One difference between the two specs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Breaking, additive or a note.
    pub impact: Impact,
    /// The operation, `GET /path`.
    pub operation: String,
    /// What changed, in words (names the parameter or field).
    pub what: String,
}

/// Every difference between two specs, and what could not be compared.
#[derive(Debug, Default)]
pub struct Report {
    /// Where the old spec came from.
    pub old: String,
    /// Where the new spec came from.
    pub new: String,
    /// The differences, per operation in path order.
    pub changes: Vec<Change>,
    /// `$ref`s and parts that could not be resolved, with the side they were on.
    pub unresolved: BTreeSet<String>,
}

impl Report {
    /// How many changes have this impact.
    pub fn count(&self, impact: Impact) -> usize {
        self.changes.iter().filter(|c| c.impact == impact).count()
    }

    /// True when any change is breaking.
    pub fn is_breaking(&self) -> bool {
        self.count(Impact::Breaking) > 0
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "spec-diff {} → {}", self.old, self.new)?;
        let mut operation = None;
        for change in &self.changes {
            if operation != Some(&change.operation) {
                writeln!(f, "  {}", change.operation)?;
                operation = Some(&change.operation);
            }
            writeln!(f, "    {:<8}  {}", change.impact.label(), change.what)?;
        }
        if !self.unresolved.is_empty() {
            writeln!(f, "  not compared (could not be resolved):")?;
            for what in &self.unresolved {
                writeln!(f, "    {what}")?;
            }
        }
        write!(
            f,
            "{} breaking, {} additive, {} notes",
            self.count(Impact::Breaking),
            self.count(Impact::Additive),
            self.count(Impact::Note)
        )
    }
}

/// `cargo xtask spec-diff`: two files, or specs against their version at a git revision.
/// Prints one report per pair and returns the exit status (0, or [`EXIT_BREAKING`]).
pub fn run(root: &Path, rev: Option<&str>, paths: &[PathBuf]) -> Result<u8> {
    let reports = match rev {
        None => {
            let [old, new] = paths else {
                bail!(
                    "spec-diff takes two files (OLD NEW), or --rev REV [SPEC...]; got {} paths",
                    paths.len()
                );
            };
            vec![diff_files(old, new)?]
        }
        Some(rev) => diff_revision(root, rev, paths)?,
    };
    let mut breaking = false;
    for report in &reports {
        println!("{report}\n");
        breaking |= report.is_breaking();
    }
    Ok(if breaking { EXIT_BREAKING } else { 0 })
}

/// Compares two spec files.
pub fn diff_files(old: &Path, new: &Path) -> Result<Report> {
    let read = |path: &Path| {
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
    };
    diff_texts(
        &old.display().to_string(),
        &read(old)?,
        &new.display().to_string(),
        &read(new)?,
    )
}

/// Compares each spec (default: every provider's) with its version at `rev` (`git show`).
pub fn diff_revision(root: &Path, rev: &str, specs: &[PathBuf]) -> Result<Vec<Report>> {
    let specs: Vec<PathBuf> = if specs.is_empty() {
        PROVIDERS
            .iter()
            .map(|p| PathBuf::from(format!("specs/{p}.yaml")))
            .collect()
    } else {
        specs.iter().map(|s| relative_to(root, s)).collect()
    };
    let mut reports = Vec::new();
    for spec in specs {
        let rel = spec.to_string_lossy().replace('\\', "/");
        let output = Command::new("git")
            .arg("-C")
            .arg(root)
            .args(["show", &format!("{rev}:{rel}")])
            .output()
            .context("cannot run git (spec-diff --rev needs it on PATH)")?;
        if !output.status.success() {
            bail!(
                "git cannot show {rel} at {rev}: {}",
                String::from_utf8_lossy(&output.stderr).trim()
            );
        }
        let old = String::from_utf8(output.stdout)
            .with_context(|| format!("{rel} at {rev} is not UTF-8"))?;
        let path = root.join(&spec);
        let new = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        reports.push(diff_texts(&format!("{rel}@{rev}"), &old, &rel, &new)?);
    }
    Ok(reports)
}

/// A spec path as git names it: relative to the workspace root.
fn relative_to(root: &Path, spec: &Path) -> PathBuf {
    let absolute = std::fs::canonicalize(spec).ok();
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    absolute
        .as_deref()
        .and_then(|a| a.strip_prefix(&root).ok())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| spec.to_path_buf())
}

/// Compares two specs given as YAML (or JSON) text.
pub fn diff_texts(old_name: &str, old: &str, new_name: &str, new: &str) -> Result<Report> {
    let parse = |name: &str, text: &str| -> Result<Value> {
        let value: Value = serde_yaml::from_str(text)
            .with_context(|| format!("{name} is not valid YAML or JSON"))?;
        if !value.is_object() {
            bail!("{name} is not a spec: its top level is not a mapping");
        }
        Ok(value)
    };
    let old_doc = parse(old_name, old)?;
    let new_doc = parse(new_name, new)?;
    let mut differ = Differ {
        old: &old_doc,
        new: &new_doc,
        changes: Vec::new(),
        unresolved: BTreeSet::new(),
        operation: String::new(),
    };
    differ.operations();
    Ok(Report {
        old: old_name.to_owned(),
        new: new_name.to_owned(),
        changes: differ.changes,
        unresolved: differ.unresolved,
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Old,
    New,
}

impl Side {
    fn label(self) -> &'static str {
        match self {
            Self::Old => "old",
            Self::New => "new",
        }
    }
}

/// Which way data flows through a schema: what a client sends, or what it decodes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    Request,
    Response,
}

impl Direction {
    /// The impact of a schema admitting more than before (a type or format dropped, null allowed).
    fn widened(self) -> Impact {
        match self {
            Self::Request => Impact::Additive,
            Self::Response => Impact::Breaking,
        }
    }

    /// The impact of a schema admitting less than before.
    fn narrowed(self) -> Impact {
        match self {
            Self::Request => Impact::Breaking,
            Self::Response => Impact::Note,
        }
    }
}

/// A schema with its `$ref`s resolved and its `allOf` parts merged.
#[derive(Default)]
struct Shape<'a> {
    ty: Option<&'a str>,
    format: Option<&'a str>,
    nullable: bool,
    values: Option<Vec<&'a Value>>,
    properties: BTreeMap<&'a str, &'a Value>,
    required: BTreeSet<&'a str>,
    items: Option<&'a Value>,
    alternatives: usize,
}

/// A parameter as it goes on the wire.
struct Param<'a> {
    required: bool,
    schema: Option<&'a Value>,
}

struct Differ<'a> {
    old: &'a Value,
    new: &'a Value,
    changes: Vec<Change>,
    unresolved: BTreeSet<String>,
    /// The operation being compared, for the changes it produces.
    operation: String,
}

impl<'a> Differ<'a> {
    fn root(&self, side: Side) -> &'a Value {
        match side {
            Side::Old => self.old,
            Side::New => self.new,
        }
    }

    fn push(&mut self, impact: Impact, what: String) {
        self.changes.push(Change {
            impact,
            operation: self.operation.clone(),
            what,
        });
    }

    /// Follows `$ref`s within the document; an unresolvable one is recorded and gives `None`.
    fn resolve(&mut self, side: Side, mut value: &'a Value) -> Option<&'a Value> {
        for _ in 0..MAX_DEPTH {
            let Some(reference) = value.get("$ref").and_then(Value::as_str) else {
                return Some(value);
            };
            match reference
                .strip_prefix('#')
                .and_then(|pointer| self.root(side).pointer(pointer))
            {
                Some(target) => value = target,
                None => {
                    self.unresolved
                        .insert(format!("{} spec: $ref {reference}", side.label()));
                    return None;
                }
            }
        }
        self.unresolved.insert(format!(
            "{} spec: a $ref chain longer than {MAX_DEPTH}",
            side.label()
        ));
        None
    }

    fn operations(&mut self) {
        let old_ops = self.collect_operations(Side::Old);
        let new_ops = self.collect_operations(Side::New);
        let keys: BTreeSet<&String> = old_ops.keys().chain(new_ops.keys()).collect();
        for key in keys {
            self.operation = key.clone();
            match (old_ops.get(key), new_ops.get(key)) {
                (Some(_), None) => self.push(
                    Impact::Breaking,
                    "operation removed: requests to it may fail".into(),
                ),
                (None, Some(_)) => self.push(Impact::Additive, "operation added".into()),
                (Some(&(old_item, old_op)), Some(&(new_item, new_op))) => {
                    self.operation_ids(old_op, new_op);
                    self.parameters(old_item, old_op, new_item, new_op);
                    self.success_responses(old_op, new_op);
                }
                (None, None) => {}
            }
        }
    }

    /// `METHOD /path/{}` → (path item, operation).
    fn collect_operations(&mut self, side: Side) -> BTreeMap<String, (&'a Value, &'a Value)> {
        let mut out = BTreeMap::new();
        let Some(paths) = self.root(side).get("paths").and_then(Value::as_object) else {
            self.unresolved
                .insert(format!("{} spec: it has no `paths`", side.label()));
            return out;
        };
        for (path, item) in paths {
            let Some(item) = self.resolve(side, item) else {
                continue;
            };
            for method in METHODS {
                if let Some(op) = item.get(method) {
                    let key = format!("{} {}", method.to_uppercase(), template(path));
                    out.insert(key, (item, op));
                }
            }
        }
        out
    }

    fn operation_ids(&mut self, old: &Value, new: &Value) {
        let id = |op: &Value| {
            op.get("operationId")
                .and_then(Value::as_str)
                .map(str::to_owned)
        };
        if let (Some(a), Some(b)) = (id(old), id(new))
            && a != b
        {
            self.push(
                Impact::Note,
                format!("operationId {a} → {b} (our generated method names follow ours)"),
            );
        }
        let deprecated = |op: &Value| op.get("deprecated").and_then(Value::as_bool) == Some(true);
        if !deprecated(old) && deprecated(new) {
            self.push(Impact::Note, "operation deprecated".into());
        }
    }

    fn parameters(
        &mut self,
        old_item: &'a Value,
        old_op: &'a Value,
        new_item: &'a Value,
        new_op: &'a Value,
    ) {
        let old = self.collect_parameters(Side::Old, old_item, old_op);
        let new = self.collect_parameters(Side::New, new_item, new_op);
        let keys: BTreeSet<&(String, String)> = old.keys().chain(new.keys()).collect();
        for key @ (location, name) in keys {
            let label = format!("parameter {name} ({location})");
            match (old.get(key), new.get(key)) {
                (Some(_), None) => self.push(
                    Impact::Breaking,
                    format!("{label} removed: a client that sends it may be refused or get unfiltered results"),
                ),
                (None, Some(p)) if p.required => {
                    self.push(Impact::Breaking, format!("{label} added, required"));
                }
                (None, Some(_)) => self.push(Impact::Additive, format!("{label} added, optional")),
                (Some(o), Some(n)) => {
                    if !o.required && n.required {
                        self.push(Impact::Breaking, format!("{label} is now required"));
                    } else if o.required && !n.required {
                        self.push(Impact::Additive, format!("{label} is no longer required"));
                    }
                    if let (Some(os), Some(ns)) = (o.schema, n.schema) {
                        self.schemas(&label, "", os, ns, Direction::Request, 0);
                    }
                }
                (None, None) => {}
            }
        }
    }

    /// Path-level then operation-level parameters (the latter win), keyed by (in, wire name).
    fn collect_parameters(
        &mut self,
        side: Side,
        item: &'a Value,
        op: &'a Value,
    ) -> BTreeMap<(String, String), Param<'a>> {
        let mut out = BTreeMap::new();
        let lists = [item.get("parameters"), op.get("parameters")];
        for param in lists
            .into_iter()
            .flatten()
            .filter_map(Value::as_array)
            .flatten()
        {
            let Some(param) = self.resolve(side, param) else {
                continue;
            };
            let (Some(name), Some(location)) = (
                param.get("name").and_then(Value::as_str),
                param.get("in").and_then(Value::as_str),
            ) else {
                self.unresolved.insert(format!(
                    "{} spec: a parameter without name or in",
                    side.label()
                ));
                continue;
            };
            if location == "header"
                && TRANSPORT_HEADERS.contains(&name.to_ascii_lowercase().as_str())
            {
                continue;
            }
            let required = param.get("required").and_then(Value::as_bool) == Some(true);
            let schema = param.get("schema");
            let deep = param.get("style").and_then(Value::as_str) == Some("deepObject");
            if deep && let Some(schema) = schema {
                self.flatten_deep_object(side, location, name, required, schema, &mut out, 0);
            } else {
                out.insert(
                    (location.to_owned(), name.to_owned()),
                    Param { required, schema },
                );
            }
        }
        out
    }

    /// A `deepObject` parameter's leaves as the flat `name[key][sub]` parameters they become.
    #[allow(clippy::too_many_arguments)]
    fn flatten_deep_object(
        &mut self,
        side: Side,
        location: &str,
        name: &str,
        required: bool,
        schema: &'a Value,
        out: &mut BTreeMap<(String, String), Param<'a>>,
        depth: usize,
    ) {
        let shape = if depth < MAX_DEPTH {
            self.shape(side, schema)
        } else {
            None
        };
        match shape {
            Some(shape) if !shape.properties.is_empty() => {
                for (key, child) in shape.properties {
                    let child_required = required && shape.required.contains(key);
                    let child_name = format!("{name}[{key}]");
                    self.flatten_deep_object(
                        side,
                        location,
                        &child_name,
                        child_required,
                        child,
                        out,
                        depth + 1,
                    );
                }
            }
            _ => {
                out.insert(
                    (location.to_owned(), name.to_owned()),
                    Param {
                        required,
                        schema: Some(schema),
                    },
                );
            }
        }
    }

    fn success_responses(&mut self, old_op: &'a Value, new_op: &'a Value) {
        let old = self.success_body(Side::Old, old_op);
        let new = self.success_body(Side::New, new_op);
        match (old, new) {
            (Some((old_status, old_schema)), Some((new_status, new_schema))) => {
                if old_status != new_status {
                    self.push(
                        Impact::Note,
                        format!("success status {old_status} → {new_status}"),
                    );
                }
                let ctx = format!("response {new_status}");
                self.schemas(&ctx, "", old_schema, new_schema, Direction::Response, 0);
            }
            (Some((status, _)), None) => self.push(
                Impact::Breaking,
                format!("response {status}: the body is no longer described"),
            ),
            (None, Some((status, _))) => {
                self.push(
                    Impact::Additive,
                    format!("response {status}: a body is now described"),
                );
            }
            (None, None) => {}
        }
    }

    /// The lowest 2xx response's JSON schema, with its status.
    fn success_body(&mut self, side: Side, op: &'a Value) -> Option<(&'a str, &'a Value)> {
        let responses = op.get("responses")?.as_object()?;
        let mut statuses: Vec<&'a String> =
            responses.keys().filter(|s| s.starts_with('2')).collect();
        statuses.sort();
        let status = *statuses.first()?;
        let response = self.resolve(side, &responses[status.as_str()])?;
        let content = response.get("content")?.as_object()?;
        let media = content.get("application/json").or_else(|| {
            content
                .iter()
                .find(|(k, _)| k.contains("json"))
                .map(|(_, v)| v)
        })?;
        Some((status.as_str(), media.get("schema")?))
    }

    /// A schema with `$ref`s followed and `allOf` merged; `None` when a reference is missing.
    fn shape(&mut self, side: Side, schema: &'a Value) -> Option<Shape<'a>> {
        let mut shape = Shape::default();
        self.merge_into(side, schema, &mut shape, 0)?;
        if shape.ty.is_none() {
            if !shape.properties.is_empty() {
                shape.ty = Some("object");
            } else if shape.items.is_some() {
                shape.ty = Some("array");
            }
        }
        Some(shape)
    }

    fn merge_into(
        &mut self,
        side: Side,
        schema: &'a Value,
        shape: &mut Shape<'a>,
        depth: usize,
    ) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        let schema = self.resolve(side, schema)?;
        match schema.get("type") {
            Some(Value::String(ty)) => shape.ty = Some(ty),
            // OpenAPI 3.1: `type: [string, "null"]`.
            Some(Value::Array(types)) => {
                shape.nullable |= types.iter().any(|t| t == "null");
                shape.ty = types
                    .iter()
                    .filter_map(Value::as_str)
                    .find(|t| *t != "null")
                    .or(shape.ty);
            }
            _ => {}
        }
        if let Some(format) = schema.get("format").and_then(Value::as_str) {
            shape.format = Some(format);
        }
        shape.nullable |= schema.get("nullable").and_then(Value::as_bool) == Some(true);
        if let Some(values) = schema.get("enum").and_then(Value::as_array) {
            shape.values = Some(values.iter().collect());
        }
        if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
            shape
                .properties
                .extend(properties.iter().map(|(k, v)| (k.as_str(), v)));
        }
        if let Some(required) = schema.get("required").and_then(Value::as_array) {
            shape
                .required
                .extend(required.iter().filter_map(Value::as_str));
        }
        if let Some(items) = schema.get("items") {
            shape.items = Some(items);
        }
        for key in ["oneOf", "anyOf"] {
            if let Some(alternatives) = schema.get(key).and_then(Value::as_array) {
                shape.alternatives += alternatives.len();
            }
        }
        if let Some(parts) = schema.get("allOf").and_then(Value::as_array) {
            for part in parts {
                self.merge_into(side, part, shape, depth + 1)?;
            }
        }
        Some(())
    }

    /// Compares one schema pair; `path` is the field path inside `ctx` (`data[].status`).
    fn schemas(
        &mut self,
        ctx: &str,
        path: &str,
        old: &'a Value,
        new: &'a Value,
        dir: Direction,
        depth: usize,
    ) {
        if depth > MAX_DEPTH {
            return;
        }
        let (Some(o), Some(n)) = (self.shape(Side::Old, old), self.shape(Side::New, new)) else {
            return;
        };
        let at = if path.is_empty() {
            ctx.to_owned()
        } else {
            format!("{ctx} {path}")
        };
        match (o.ty, n.ty) {
            (Some(a), Some(b)) if a != b => {
                self.push(Impact::Breaking, format!("{at}: type {a} → {b}"));
                return;
            }
            (Some(a), None) => self.push(dir.widened(), format!("{at}: type {a} no longer stated")),
            (None, Some(b)) => self.push(dir.narrowed(), format!("{at}: type {b} now stated")),
            _ => {}
        }
        self.formats(&at, o.ty.or(n.ty), o.format, n.format, dir);
        if !o.nullable && n.nullable {
            self.push(dir.widened(), format!("{at}: may now be null"));
        } else if o.nullable && !n.nullable {
            self.push(dir.narrowed(), format!("{at}: no longer nullable"));
        }
        self.enum_values(&at, o.values.as_deref(), n.values.as_deref(), dir);
        if o.alternatives != n.alternatives {
            self.push(
                Impact::Note,
                format!(
                    "{at}: oneOf/anyOf alternatives {} → {} (not compared one by one)",
                    o.alternatives, n.alternatives
                ),
            );
        }
        self.properties(ctx, path, &o, &n, dir, depth);
        if let (Some(oi), Some(ni)) = (o.items, n.items) {
            self.schemas(ctx, &format!("{path}[]"), oi, ni, dir, depth + 1);
        }
    }

    fn formats(
        &mut self,
        at: &str,
        ty: Option<&str>,
        old: Option<&str>,
        new: Option<&str>,
        dir: Direction,
    ) {
        if old == new {
            return;
        }
        let show = |f: Option<&str>| match f {
            None => "(none)".to_owned(),
            Some(f)
                if KNOWN_STRING_FORMATS.contains(&f)
                    || matches!(ty, Some("integer" | "number")) =>
            {
                f.to_owned()
            }
            Some(f) => format!("{f} (not a standard format: read as none)"),
        };
        let what = format!("{at}: format {} → {}", show(old), show(new));
        // An unknown format constrains nothing: generators read it as a plain string.
        let impact = if matches!(ty, Some("integer" | "number")) {
            // int32/int64/float/double all decode into our 64-bit types.
            Impact::Note
        } else {
            match (known_format(old), known_format(new)) {
                (None, None) => Impact::Note,
                (Some(_), None) => dir.widened(),
                (None, Some(_)) => dir.narrowed(),
                _ => Impact::Breaking,
            }
        };
        self.push(impact, what);
    }

    fn enum_values(
        &mut self,
        at: &str,
        old: Option<&[&Value]>,
        new: Option<&[&Value]>,
        dir: Direction,
    ) {
        match (old, new) {
            (Some(old), Some(new)) => {
                for added in new.iter().filter(|v| !old.contains(v)) {
                    let what = match dir {
                        Direction::Response => format!(
                            "{at}: enum value {added} added (our enums are open: it decodes as Unknown(..) until the spec lists it)"
                        ),
                        Direction::Request => format!("{at}: enum value {added} added"),
                    };
                    self.push(Impact::Additive, what);
                }
                for removed in old.iter().filter(|v| !new.contains(v)) {
                    let (impact, why) = match dir {
                        Direction::Response => (Impact::Note, "we still decode it"),
                        Direction::Request => {
                            (Impact::Breaking, "a client that sends it may be refused")
                        }
                    };
                    self.push(
                        impact,
                        format!("{at}: enum value {removed} removed ({why})"),
                    );
                }
            }
            (Some(_), None) => self.push(dir.widened(), format!("{at}: no longer an enum")),
            (None, Some(new)) => {
                let list: Vec<String> = new.iter().map(ToString::to_string).collect();
                self.push(
                    dir.narrowed(),
                    format!("{at}: now an enum of {}", list.join(", ")),
                );
            }
            (None, None) => {}
        }
    }

    fn properties(
        &mut self,
        ctx: &str,
        path: &str,
        o: &Shape<'a>,
        n: &Shape<'a>,
        dir: Direction,
        depth: usize,
    ) {
        let names: BTreeSet<&str> = o
            .properties
            .keys()
            .chain(n.properties.keys())
            .copied()
            .collect();
        for name in names {
            let child = if path.is_empty() {
                name.to_owned()
            } else {
                format!("{path}.{name}")
            };
            let at = format!("{ctx} {child}");
            let (side_word, field) = match dir {
                Direction::Response => ("response", "field"),
                Direction::Request => ("request", "field"),
            };
            match (o.properties.get(name), n.properties.get(name)) {
                (Some(_), None) => self.push(
                    Impact::Breaking,
                    format!("{at}: {side_word} {field} removed"),
                ),
                (None, Some(_)) => {
                    let required = n.required.contains(name);
                    let impact = match dir {
                        Direction::Request if required => Impact::Breaking,
                        _ => Impact::Additive,
                    };
                    let what = if required { "added, required" } else { "added" };
                    self.push(impact, format!("{at}: {side_word} {field} {what}"));
                }
                (Some(&os), Some(&ns)) => {
                    let (was, is) = (o.required.contains(name), n.required.contains(name));
                    if was && !is {
                        self.push(
                            dir.widened(),
                            format!("{at}: no longer required (may be absent)"),
                        );
                    } else if !was && is {
                        self.push(dir.narrowed(), format!("{at}: now required"));
                    }
                    self.schemas(ctx, &child, os, ns, dir, depth + 1);
                }
                (None, None) => {}
            }
        }
    }
}

/// `format` when it is one that changes what a generated client accepts.
fn known_format(format: Option<&str>) -> Option<&str> {
    format.filter(|f| KNOWN_STRING_FORMATS.contains(f))
}

/// A path with its parameter names blanked, so `/users/{userId}` matches `/users/{user_id}`.
fn template(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_param = false;
    for c in path.chars() {
        match c {
            '{' => {
                in_param = true;
                out.push('{');
            }
            '}' => {
                in_param = false;
                out.push('}');
            }
            _ if in_param => {}
            _ => out.push(c),
        }
    }
    out
}
