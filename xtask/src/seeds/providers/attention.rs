//! Attention's seed document and the rule that reads its names.

use crate::seeds::{Seed, SeedNames, json_keys, names_before_types, re, section, typed_names};

/// The seed of `specs/attention.yaml`.
pub const SEED: Seed = Seed {
    spec: "attention.yaml",
    file: "attention-list-recorder-meetings.txt",
    parse: parse_attention,
};

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
