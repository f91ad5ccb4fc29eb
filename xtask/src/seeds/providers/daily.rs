//! Daily's seed document and the rule that reads its names.

use crate::seeds::{Seed, SeedNames, re};

/// The seed of `specs/daily.yaml`.
pub const SEED: Seed = Seed {
    spec: "daily.yaml",
    file: "daily-list-meetings.txt",
    parse: parse_daily,
};

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
