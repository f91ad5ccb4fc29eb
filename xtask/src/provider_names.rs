//! The check that adding a provider stays adding its files (ARCHITECTURE.md, "Adding a
//! provider"): outside a provider's own files, only a short, explicit list of source files
//! names it. A file names a provider when a line of its non-test code (not a `//` or `#`
//! comment line, not in a `#[cfg(test)]` item, not in a `tests/` or `benches/` directory or a
//! `*tests.rs`/`test_*.py` file, not `generated.rs`) has the provider's name as a word, in any
//! case (`daily`, `DAILY_API_KEY`, `DailySettings`). A provider's own files are those named by
//! it: a path component that is its name or starts with `<name>_` (its spec, seed rule, client
//! crate, core and sandbox modules); the Python alternatives under `bench/` are the bench's.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// The source files under `root` (`.rs` and `.py`, relative, sorted) outside `provider`'s
/// own files whose non-test code names it.
pub fn files_naming(root: &Path, provider: &str) -> Result<Vec<String>> {
    let mut found = Vec::new();
    for file in source_files(root)? {
        let rel = file
            .strip_prefix(root)
            .unwrap_or(&file)
            .to_string_lossy()
            .replace('\\', "/");
        if owned_by(&rel, provider) || rel.starts_with("bench/") {
            continue;
        }
        let text = std::fs::read_to_string(&file)
            .with_context(|| format!("could not read {}", file.display()))?;
        let code = if rel.ends_with(".py") {
            python_code(&text)
        } else {
            rust_code(&text)
        };
        if code.lines().any(|line| names(line, provider)) {
            found.push(rel);
        }
    }
    Ok(found)
}

/// Every `.rs` and `.py` file under `root` that is not test code, generated or built.
fn source_files(root: &Path) -> Result<Vec<PathBuf>> {
    crate::files::walk(
        root,
        |dir| {
            !dir.starts_with('.') && !matches!(dir, "target" | "tests" | "benches" | "node_modules")
        },
        |name| {
            (name.ends_with(".rs") || name.ends_with(".py"))
                && name != "generated.rs"
                && !name.ends_with("tests.rs")
                && !name.starts_with("test_")
        },
    )
}

/// Whether the file at `rel` is one of `provider`'s own.
fn owned_by(rel: &str, provider: &str) -> bool {
    rel.split('/').any(|part| {
        let stem = part.split('.').next().unwrap_or_default();
        stem == provider || stem.starts_with(&format!("{provider}_"))
    })
}

/// Rust code without comment lines and `#[cfg(test)]` items.
fn rust_code(text: &str) -> String {
    let mut out = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(test)]") {
            skip_item(&mut lines);
        } else if !trimmed.starts_with("//") {
            out.push(line);
        }
    }
    out.join("\n")
}

/// Skips the item that follows an attribute: to its `;`, or to the `}` that closes it.
fn skip_item<'a>(lines: &mut impl Iterator<Item = &'a str>) {
    let mut depth = 0i64;
    let mut opened = false;
    for line in lines {
        for c in line.chars() {
            match c {
                '{' => {
                    depth += 1;
                    opened = true;
                }
                '}' => depth -= 1,
                _ => {}
            }
        }
        let ends_without_body = !opened && line.trim_end().ends_with(';');
        if ends_without_body || (opened && depth <= 0) {
            return;
        }
    }
}

/// Python code without comment lines (docstrings stay: users read them).
fn python_code(text: &str) -> String {
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Phrases where a provider's name is the English word (Zoom's daily cap on report requests
/// and the names of its settings and answers), in lowercase: they are not the provider.
const ENGLISH: [&str; 9] = [
    "zoom_daily",
    "daily cap",
    "daily budget",
    "daily rate limit",
    "daily request budget",
    "daily-limit",
    "daily_limit",
    "daily_request_budget",
    "daily_heavy_cap",
];

/// Whether `line` has `provider` as a word: not inside a longer word (letters on either side
/// continue it, unless they start a new camel-case word: `DailySettings`, `isDaily`), and not
/// in an [`ENGLISH`] phrase.
fn names(line: &str, provider: &str) -> bool {
    let mut masked = line.as_bytes().to_vec();
    let lower_line = line.to_ascii_lowercase();
    for phrase in ENGLISH {
        for (at, _) in lower_line.match_indices(phrase) {
            masked[at..at + phrase.len()].fill(b' ');
        }
    }
    let line = String::from_utf8_lossy(&masked);
    let lower = line.to_ascii_lowercase();
    let bytes = line.as_bytes();
    let mut from = 0;
    while let Some(at) = lower[from..].find(provider) {
        let start = from + at;
        let end = start + provider.len();
        let before = start.checked_sub(1).map(|i| bytes[i]);
        let after = bytes.get(end).copied();
        let starts_word = match before {
            Some(b) if b.is_ascii_alphabetic() => {
                b.is_ascii_lowercase() && bytes[start].is_ascii_uppercase()
            }
            _ => true,
        };
        let ends_word = match after {
            Some(a) if a.is_ascii_alphabetic() => {
                a.is_ascii_uppercase() && bytes[end - 1].is_ascii_lowercase()
            }
            _ => true,
        };
        if starts_word && ends_word {
            return true;
        }
        from = start + 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The providers whose names the check follows (Zoom's are also its own features' names:
    /// its users, OAuth and daily budget live in shared code on purpose).
    const PROVIDERS: [&str; 4] = ["daily", "telnyx", "attendee", "attention"];

    /// The files outside a provider's own that may name it: the two to edit when adding one
    /// (ARCHITECTURE.md), and those that truly must.
    const ALLOWED: [&str; 2] = [
        "crates/meetkit/src/model.rs",
        "crates/meetkit/src/providers/mod.rs",
    ];
    const _: () = assert!(
        ALLOWED.len() <= 5,
        "issue 11: at most 5 files may name a provider"
    );

    /// The files outside a provider's own that name it but may not (`ALLOWED`), by provider;
    /// none of `skipped` (path prefixes).
    fn wrongly_named(skipped: &[&str]) -> Result<Vec<String>> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut wrong = Vec::new();
        for p in PROVIDERS {
            let extra: Vec<String> = files_naming(&root, p)?
                .into_iter()
                .filter(|f| !ALLOWED.contains(&f.as_str()))
                .filter(|f| !skipped.iter().any(|s| f.starts_with(s)))
                .collect();
            if !extra.is_empty() {
                wrong.push(format!("{p}: {}", extra.join(", ")));
            }
        }
        Ok(wrong)
    }

    #[test]
    fn only_the_allowed_files_name_a_provider() -> Result<()> {
        let wrong = wrongly_named(&[])?;
        assert!(
            wrong.is_empty(),
            "outside a provider's own files, only {ALLOWED:?} may name it; also found:\n{}",
            wrong.join("\n")
        );
        Ok(())
    }

    #[test]
    fn a_file_naming_a_provider_outside_its_own_is_found() -> Result<()> {
        let root = std::env::temp_dir().join(format!("provider-names-{}", std::process::id()));
        let files = [
            (
                "crates/core/src/lib.rs",
                "pub fn f() { let _ = \"daily\"; }\n",
            ),
            (
                "crates/core/src/config.rs",
                "// Daily, in a comment.\n/// Daily.\npub fn g() {}\n#[cfg(test)]\nmod tests {\n    fn daily() {}\n}\n",
            ),
            (
                "crates/core/src/keys.rs",
                "pub const K: &str = DAILY_API_KEY;\n",
            ),
            ("crates/core/src/types.rs", "pub struct DailySettings;\n"),
            (
                "crates/core/src/words.rs",
                "// the dailyness of attendees\npub fn attendees_dailyness() {}\n",
            ),
            (
                "crates/core/src/providers/daily.rs",
                "pub const P: &str = \"daily\";\n",
            ),
            ("crates/daily/src/lib.rs", "pub fn daily() {}\n"),
            (
                "crates/sandbox/src/data/daily_rooms.rs",
                "pub fn daily() {}\n",
            ),
            ("crates/core/tests/it.rs", "fn daily() {}\n"),
            (
                "python/pkg/client.py",
                "# daily\ndef f():\n    \"\"\"Lists Daily's meetings.\"\"\"\n",
            ),
            ("python/pkg/other.py", "# Daily, in a comment\nx = 1\n"),
            ("bench/daily_like.py", "daily = 1\n"),
        ];
        for (path, text) in files {
            let path = root.join(path);
            std::fs::create_dir_all(path.parent().context("a parent")?)?;
            std::fs::write(path, text)?;
        }
        let found = files_naming(&root, "daily");
        std::fs::remove_dir_all(&root)?;
        assert_eq!(
            found?,
            [
                "crates/core/src/keys.rs",
                "crates/core/src/lib.rs",
                "crates/core/src/types.rs",
                "python/pkg/client.py",
            ]
        );
        Ok(())
    }
}
