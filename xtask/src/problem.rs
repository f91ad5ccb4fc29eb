//! A broken rule in a spec: the file, the JSON pointer and the rule, as every checker reports it.

use std::fmt;

/// One broken rule: the file, where in it, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Path relative to the workspace root, e.g. `specs/zoom.yaml`.
    pub file: String,
    /// JSON pointer into the file's document.
    pub pointer: String,
    /// The rule broken.
    pub rule: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pointer = if self.pointer.is_empty() {
            "/"
        } else {
            &self.pointer
        };
        write!(f, "{}: {pointer}: {}", self.file, self.rule)
    }
}

/// A problem with `rule` at `pointer` in `file`.
pub(crate) fn problem(file: &str, pointer: &str, rule: impl Into<String>) -> Problem {
    Problem {
        file: file.to_owned(),
        pointer: pointer.to_owned(),
        rule: rule.into(),
    }
}

/// Escapes one JSON-pointer segment.
pub(crate) fn escape(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}
