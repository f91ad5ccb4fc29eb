//! Zoom's seed document and the rule that reads its names.

use crate::seeds::{Seed, SeedNames, json_keys, names_before_types, re, section};

/// The seed of `specs/zoom.yaml`.
pub const SEED: Seed = Seed {
    spec: "zoom.yaml",
    file: "zoom-report-user-meetings.txt",
    parse: parse_zoom,
};

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
