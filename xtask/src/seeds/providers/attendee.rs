//! Attendee's seed document and the rule that reads its names.

use crate::seeds::{Seed, SeedNames, names_before_types, re, section, typed_names};

/// The seed of `specs/attendee.yaml`.
pub const SEED: Seed = Seed {
    spec: "attendee.yaml",
    file: "attendee-list-bots.txt",
    parse: parse_attendee,
};

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
