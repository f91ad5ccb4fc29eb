//! The seed check of `cargo xtask lint-specs`: every query/path parameter and every response field
//! a seed document names must be in its spec.
//!
//! The names are read from the seed text itself, with one parsing rule per seed that follows that
//! document's layout (a Postman table, prose, an indented list, a docs page, a Mintlify page).
//! Nothing here lists the names: a seed that gains a parameter fails the lint until the spec has it.
//! Also owned here: `specs/seeds/*` must equal `../shared/seeds/*` when that directory exists.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use meetkit_openapi_check::Spec;
use regex::Regex;
use serde_json::Value;

use crate::problem::{Problem, escape, problem};

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
struct Seed {
    spec: &'static str,
    file: &'static str,
    parse: fn(&str) -> SeedNames,
}

const SEEDS: [Seed; 5] = [
    Seed {
        spec: "zoom.yaml",
        file: "zoom-report-user-meetings.txt",
        parse: parse_zoom,
    },
    Seed {
        spec: "daily.yaml",
        file: "daily-list-meetings.txt",
        parse: parse_daily,
    },
    Seed {
        spec: "telnyx.yaml",
        file: "telnyx-list-room-recordings.txt",
        parse: parse_telnyx,
    },
    Seed {
        spec: "attendee.yaml",
        file: "attendee-list-bots.txt",
        parse: parse_attendee,
    },
    Seed {
        spec: "attention.yaml",
        file: "attention-list-recorder-meetings.txt",
        parse: parse_attention,
    },
];

fn re(pattern: &str) -> Regex {
    // The patterns are literals of this file; a bad one is a bug caught by the unit tests.
    Regex::new(pattern).unwrap_or_else(|e| panic!("bad seed pattern {pattern}: {e}"))
}

/// The text between the first line equal to `start` (trimmed) and the next line equal to one of
/// `ends`, or the end.
fn section<'a>(text: &'a str, start: &str, ends: &[&str]) -> Vec<&'a str> {
    text.lines()
        .skip_while(|l| l.trim() != start)
        .skip(1)
        .take_while(|l| !ends.contains(&l.trim()))
        .collect()
}

/// Names that stand alone on a line, directly followed by a line that is a type (`is_type`).
fn names_before_types(lines: &[&str], name: &Regex, is_type: &Regex) -> BTreeSet<String> {
    lines
        .windows(2)
        .filter(|w| name.is_match(w[0].trim()) && is_type.is_match(w[1].trim()))
        .map(|w| w[0].trim().to_owned())
        .collect()
}

/// Like [`names_before_types`], keeping the type line.
fn typed_names(lines: &[&str], name: &Regex, is_type: &Regex) -> BTreeMap<String, String> {
    lines
        .windows(2)
        .filter(|w| name.is_match(w[0].trim()) && is_type.is_match(w[1].trim()))
        .map(|w| (w[0].trim().to_owned(), w[1].trim().to_owned()))
        .collect()
}

/// JSON object keys (`"key":`) in `text`.
fn json_keys(text: &str) -> BTreeSet<String> {
    re(r#""([A-Za-z_][A-Za-z0-9_]*)"\s*:"#)
        .captures_iter(text)
        .map(|c| c[1].to_owned())
        .collect()
}

/// Zoom (a Postman export): the request line names the path parameter (`:userId`) and the query
/// (`?from=…&to=…`); the PARAM table lists each name on its own line followed by a `|` line; the
/// RESPONSES block is JSON.
pub fn parse_zoom(text: &str) -> SeedNames {
    let mut names = SeedNames::default();
    if let Some(request) = text.lines().find(|l| l.starts_with("GET ")) {
        names.params.extend(
            re(r"/:(\w+)")
                .captures_iter(request)
                .map(|c| c[1].to_owned()),
        );
        names.params.extend(
            re(r"[?&](\w+)=")
                .captures_iter(request)
                .map(|c| c[1].to_owned()),
        );
    }
    let table = section(text, "PARAM", &["HEADERS"]);
    names
        .params
        .extend(names_before_types(&table, &re(r"^\w+$"), &re(r"^\|$")));
    let type_cell = re(r"^(\w+) \|");
    for w in table.windows(3) {
        if w[1].trim() == "|"
            && let Some(c) = type_cell.captures(w[2].trim())
        {
            names
                .param_types
                .insert(w[0].trim().to_owned(), c[1].to_owned());
        }
    }
    let responses: String = section(text, "RESPONSES", &["ENDPOINTS"]).join("\n");
    names.fields = json_keys(&responses);
    // "* `past` — …" items of the `type` row.
    let values: Vec<String> = re(r"\* `(\w+)` —")
        .captures_iter(text)
        .map(|c| c[1].to_owned())
        .collect();
    if !values.is_empty() {
        names.enums.push(("type".to_owned(), values));
    }
    names
}

/// Daily (prose): "The optional `x` argument …" sentences name the filters, "how to use the a, b,
/// and c query parameters" the paging ones; "consists of two fields: a and b" the envelope, "Each
/// meeting session object includes the …" the session's fields, and "The a, b, and c fields are
/// accurate" more fields.
pub fn parse_daily(text: &str) -> SeedNames {
    let mut names = SeedNames::default();
    let split = |list: &str| -> Vec<String> {
        list.split(',')
            .flat_map(|part| part.split(" and "))
            .map(|w| w.trim().trim_start_matches("and ").trim().to_owned())
            .filter(|w| re(r"^\w+$").is_match(w))
            .collect()
    };
    names.params.extend(
        re(r"The optional (\w+) argument")
            .captures_iter(text)
            .map(|c| c[1].to_owned()),
    );
    for c in re(r"how to use the ([\w, ]+?) query parameters").captures_iter(text) {
        names.params.extend(split(&c[1]));
    }
    for c in re(r"consists of \w+ fields: ([\w, ]+?)\.").captures_iter(text) {
        names.fields.extend(split(&c[1]));
    }
    for c in re(r"The ([\w, ]+?) fields are").captures_iter(text) {
        names.fields.extend(split(&c[1]));
    }
    let item = re(r"^(?:and )?(?:the |a |an )?(\w+)$");
    let object = re(r"^(?:and )?(?:the |a |an )?(\w+) object\b");
    let is_word = re(r"\bis (\w+)$");
    for c in re(r"object includes the ([^.]+)\.").captures_iter(text) {
        let strip_parens = re(r"\s*\([^)]*\)");
        for part in c[1].split(',') {
            let part = strip_parens.replace_all(part.trim(), "");
            let part = part.trim();
            let found = [&item, &object, &is_word]
                .iter()
                .find_map(|r| r.captures(part).map(|m| m[1].to_owned()));
            names.fields.extend(found);
        }
    }
    names
}

/// Telnyx (an indented docs list): each parameter is `    name type` with a one-word type; the
/// response sample lists `"field":` lines.
pub fn parse_telnyx(text: &str) -> SeedNames {
    let mut names = SeedNames::default();
    let param =
        re(r"^\s+([a-z_]+(?:\[[a-z_]+\])*)\s+(date|uuid|string|integer|boolean|number)\s*$");
    for line in section(text, "Query Parameters", &["Request samples"]) {
        if let Some(c) = param.captures(line) {
            names.params.insert(c[1].to_owned());
            names.param_types.insert(c[1].to_owned(), c[2].to_owned());
        }
    }
    let samples = section(text, "Response samples", &[]).join("\n");
    names.fields = json_keys(&samples);
    names
}

/// Attendee (a docs page): under "Query Parameters" and "Response", each name stands on its own
/// line followed by its type line; the state filter spells out "Possible values: …".
pub fn parse_attendee(text: &str) -> SeedNames {
    let mut names = SeedNames::default();
    let name = re(r"^[a-z_]+$");
    let ty = re(r"^(string|array|integer|boolean|object|number)( \| null)?$");
    let query = section(text, "Query Parameters", &["Response"]);
    names.param_types = typed_names(&query, &name, &ty);
    names.params = names.param_types.keys().cloned().collect();
    let response = section(text, "Response", &["Example Request"]);
    // Not the example's keys: its `metadata` holds free-form user keys, not fields.
    names.fields = names_before_types(&response, &name, &ty);
    for window in query.windows(3) {
        if name.is_match(window[0].trim())
            && let Some(c) = re(r"Possible values: (.+)$").captures(window[2])
        {
            let values = c[1].split(',').map(|v| v.trim().to_owned()).collect();
            names.enums.push((window[0].trim().to_owned(), values));
        }
    }
    names
}

/// Attention (a Mintlify page): under "Query Parameters" and "Response", each name stands on its
/// own line followed by a type line (`string<date-time>`, `string[]`, `enum<string>`, `object[]`);
/// "Available options:" lists enum values; the response example at the top is JSON.
pub fn parse_attention(text: &str) -> SeedNames {
    let mut names = SeedNames::default();
    let name = re(r"^[A-Za-z_]+(?:\[[A-Za-z_]+\])*$");
    let ty = re(r"^(string|integer|boolean|number|object|array|enum)(<[\w-]+>)?(\[\])?$");
    let query = section(text, "Query Parameters", &["Response"]);
    names.param_types = typed_names(&query, &name, &ty);
    names.params = names.param_types.keys().cloned().collect();
    let response = section(text, "Response", &[]);
    names.fields = names_before_types(&response, &name, &ty);
    let example = section(text, "List Recorder Meetings", &["Authorizations"]).join("\n");
    names.fields.extend(json_keys(&example));
    // "name / enum<string> / … / Available options: / a, / b" — values until a blank line.
    let lines: Vec<&str> = query.iter().map(|l| l.trim()).collect();
    for (i, line) in lines.iter().enumerate() {
        if !line.starts_with("enum<") || i == 0 {
            continue;
        }
        let Some(start) = lines[i..].iter().position(|l| *l == "Available options:") else {
            continue;
        };
        let values = lines[i + start + 1..]
            .iter()
            .take_while(|l| !l.is_empty())
            .map(|l| l.trim_end_matches(',').to_owned())
            .collect();
        names.enums.push((lines[i - 1].to_owned(), values));
    }
    names
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
mod tests {
    use super::*;

    fn seed(file: &str) -> String {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../specs/seeds")
            .join(file);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    fn set(names: &[&str]) -> BTreeSet<String> {
        names.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn zoom_seed_names() {
        let names = parse_zoom(&seed("zoom-report-user-meetings.txt"));
        assert_eq!(
            names.params,
            set(&[
                "userId",
                "from",
                "to",
                "page_size",
                "next_page_token",
                "type"
            ])
        );
        for field in [
            "next_page_token",
            "custom_keys",
            "key",
            "id",
            "uuid",
            "join_waiting_room_time",
            "participants_count_my_account",
            "to",
        ] {
            assert!(names.fields.contains(field), "{field}: {:?}", names.fields);
        }
        assert_eq!(
            names.enums,
            vec![(
                "type".to_owned(),
                vec![
                    "past".to_owned(),
                    "pastOne".to_owned(),
                    "pastJoined".to_owned()
                ]
            )]
        );
    }

    #[test]
    fn daily_seed_names() {
        let names = parse_daily(&seed("daily-list-meetings.txt"));
        assert_eq!(
            names.params,
            set(&[
                "room",
                "timeframe_start",
                "timeframe_end",
                "ongoing",
                "limit",
                "ending_before",
                "starting_after"
            ])
        );
        assert_eq!(
            names.fields,
            set(&[
                "total_count",
                "data",
                "id",
                "room",
                "start_time",
                "duration",
                "ongoing",
                "participants",
                "join_time"
            ])
        );
    }

    #[test]
    fn telnyx_seed_names() {
        let names = parse_telnyx(&seed("telnyx-list-room-recordings.txt"));
        assert_eq!(names.params.len(), 16, "{:?}", names.params);
        assert!(names.params.contains("filter[date_ended_at][eq]"));
        assert!(names.params.contains("page[number]"));
        for field in ["data", "meta", "size_mb", "record_type", "total_results"] {
            assert!(names.fields.contains(field), "{field}");
        }
    }

    #[test]
    fn attendee_seed_names() {
        let names = parse_attendee(&seed("attendee-list-bots.txt"));
        assert_eq!(
            names.params,
            set(&[
                "cursor",
                "meeting_url",
                "deduplication_key",
                "states",
                "join_at_after",
                "join_at_before"
            ])
        );
        for field in [
            "next", "previous", "results", "events", "sub_type", "metadata", "join_at",
        ] {
            assert!(names.fields.contains(field), "{field}");
        }
        assert_eq!(names.enums.len(), 1);
        assert_eq!(names.enums[0].1.len(), 16);
    }

    #[test]
    fn attention_seed_names() {
        let names = parse_attention(&seed("attention-list-recorder-meetings.txt"));
        assert_eq!(
            names.params,
            set(&[
                "fromDateTime",
                "toDateTime",
                "cursor",
                "size",
                "upcoming",
                "filter[user_id]",
                "filter[meeting_type]"
            ])
        );
        for field in [
            "items",
            "nextCursor",
            "conversationUuid",
            "statusLabel",
            "consentStatus",
        ] {
            assert!(names.fields.contains(field), "{field}");
        }
        assert_eq!(
            names.enums,
            vec![(
                "filter[meeting_type]".to_owned(),
                vec!["internal".to_owned(), "external".to_owned()]
            )]
        );
    }

    #[test]
    fn a_missing_seed_parameter_fails_naming_it() {
        let spec = crate::lint::tests::parse(crate::lint::tests::GOOD);
        let names = SeedNames {
            params: set(&["room", "page[size]"]),
            fields: set(&["total", "state"]),
            enums: vec![(
                "states".to_owned(),
                vec!["ready".to_owned(), "sleeping".to_owned()],
            )],
            param_types: BTreeMap::new(),
        };
        let problems: Vec<String> = check_against("specs/test.yaml", "test.txt", &names, &spec)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            problems,
            vec![
                "specs/test.yaml: /paths/~1things/get/parameters: seed test.txt names parameter `page[size]`, which the spec lacks".to_owned(),
                "specs/test.yaml: /paths/~1things/get/parameters: seed test.txt lists `sleeping` for `states`, which its enum lacks".to_owned(),
            ]
        );
    }

    #[test]
    fn a_parameter_of_the_wrong_type_fails() {
        let spec = crate::lint::tests::parse(crate::lint::tests::GOOD);
        let names = SeedNames {
            params: set(&["room", "states"]),
            fields: set(&["total"]),
            enums: Vec::new(),
            param_types: [("room", "date"), ("states", "string[]")]
                .iter()
                .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
                .collect(),
        };
        let problems = check_against("specs/test.yaml", "test.txt", &names, &spec);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(
            problems[0].pointer,
            "/paths/~1things/get/parameters/0/schema"
        );
        assert!(
            problems[0].rule.contains("`room` as `date`"),
            "{problems:?}"
        );
    }

    #[test]
    fn seed_types_are_read() {
        let telnyx = parse_telnyx(&seed("telnyx-list-room-recordings.txt"));
        assert_eq!(telnyx.param_types["filter[room_id]"], "uuid");
        assert_eq!(telnyx.param_types["filter[date_started_at][gte]"], "date");
        let attention = parse_attention(&seed("attention-list-recorder-meetings.txt"));
        assert_eq!(attention.param_types["fromDateTime"], "string<date-time>");
        assert_eq!(attention.param_types["filter[user_id]"], "string[]");
        let zoom = parse_zoom(&seed("zoom-report-user-meetings.txt"));
        assert_eq!(zoom.param_types["page_size"], "number");
        assert_eq!(zoom.param_types["from"], "string");
    }

    #[test]
    fn a_missing_seed_field_fails_naming_it() {
        let spec = crate::lint::tests::parse(crate::lint::tests::GOOD);
        let names = SeedNames {
            params: set(&["room"]),
            fields: set(&["total", "colour"]),
            enums: Vec::new(),
            param_types: BTreeMap::new(),
        };
        let problems = check_against("specs/test.yaml", "test.txt", &names, &spec);
        assert_eq!(problems.len(), 1);
        assert_eq!(
            problems[0].pointer,
            "/paths/~1things/get/responses/200/content/application~1json/schema"
        );
        assert!(problems[0].rule.contains("`colour`"));
    }
}
