//! Telnyx's seed document and the rule that reads its names.

use crate::seeds::{Seed, SeedNames, json_keys, re, section};

/// The seed of `specs/telnyx.yaml`.
pub const SEED: Seed = Seed {
    spec: "telnyx.yaml",
    file: "telnyx-list-room-recordings.txt",
    parse: parse_telnyx,
};

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
