//! `cargo xtask generate` end to end: the committed clients are exactly what the specs render
//! to (what `--check` relies on), and a spec edit — a new query parameter — changes the client,
//! makes `--check` fail, is named in the public API summary, and is cleared by regenerating.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::generate::{self, PROVIDERS};

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf()
}

/// A scratch workspace root under the system temp dir, removed on drop.
struct TempRoot(PathBuf);

impl TempRoot {
    fn new(tag: &str) -> Self {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        let path = std::env::temp_dir().join(format!(
            "meetkit-xtask-{tag}-{}-{nanos}",
            std::process::id()
        ));
        fs::create_dir_all(&path).unwrap();
        Self(path)
    }
}

impl Drop for TempRoot {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A copy of `specs/` and of every committed `generated.rs`: enough for `generate::run`.
fn scratch_workspace(tag: &str) -> TempRoot {
    let root = workspace_root();
    let tmp = TempRoot::new(tag);
    copy_dir(&root.join("specs"), &tmp.0.join("specs"));
    for provider in PROVIDERS {
        let rel = format!("crates/{provider}/src/generated.rs");
        let dest = tmp.0.join(&rel);
        fs::create_dir_all(dest.parent().unwrap()).unwrap();
        fs::copy(root.join(&rel), dest).unwrap();
    }
    tmp
}

fn committed(rel: &Path) -> String {
    fs::read_to_string(workspace_root().join(rel)).unwrap()
}

#[test]
fn unmodified_specs_render_to_the_committed_files() {
    let root = workspace_root();
    let artifacts = generate::render_all(&root).unwrap();
    let paths: Vec<String> = artifacts
        .iter()
        .map(|a| a.path.display().to_string())
        .collect();
    for provider in PROVIDERS {
        assert!(
            paths.contains(&format!("crates/{provider}/src/generated.rs")),
            "{paths:?}"
        );
    }
    for artifact in &artifacts {
        assert!(
            committed(&artifact.path) == artifact.contents,
            "{} is stale: run `cargo xtask generate`",
            artifact.path.display()
        );
    }
    // And `--check` agrees.
    generate::run(&root, true).unwrap();
}

/// The new parameter, inserted (textually, so nothing else in the spec moves) before Daily's
/// `ongoing` parameter.
const NEW_PARAMETER: &str = "        - name: recorded_only
          in: query
          required: false
          description: Only sessions that were recorded (a parameter added by this test).
          schema:
            type: boolean
";
const ANCHOR: &str = "        - name: ongoing\n";

#[test]
fn a_new_query_parameter_changes_the_client_and_check_fails_until_regenerated() {
    let tmp = scratch_workspace("new-param");
    let spec_path = tmp.0.join("specs/daily.yaml");
    let spec = fs::read_to_string(&spec_path).unwrap();
    assert_eq!(spec.matches(ANCHOR).count(), 1, "the anchor moved");
    fs::write(
        &spec_path,
        spec.replacen(ANCHOR, &format!("{NEW_PARAMETER}{ANCHOR}"), 1),
    )
    .unwrap();

    let artifacts = generate::render_all(&tmp.0).unwrap();
    for artifact in &artifacts {
        // The copy taken above, so a concurrent edit of the workspace cannot race this test.
        let before = fs::read_to_string(tmp.0.join(&artifact.path)).unwrap();
        if artifact.path == Path::new("crates/daily/src/generated.rs") {
            assert_ne!(artifact.contents, before, "the client did not change");
            for new in [
                "pub fn recorded_only<V>(mut self, value: V) -> Self",
                "recorded_only: Result<Option<bool>, String>,",
                "QueryParam::new(\"recorded_only\", &recorded_only)",
            ] {
                assert!(artifact.contents.contains(new), "missing {new:?}");
                assert!(!before.contains(new), "{new:?} was already there");
            }
        } else {
            assert!(
                artifact.contents == before,
                "{} changed although its spec did not",
                artifact.path.display()
            );
        }
    }

    // The summary names the new setter, and only for Daily.
    let changes = generate::api_changes(&tmp.0, &artifacts);
    assert_eq!(changes.len(), 1, "{changes:?}");
    let (path, change) = &changes[0];
    assert_eq!(path, "crates/daily/src/generated.rs");
    assert!(change.removed.is_empty(), "{change}");
    assert_eq!(
        change.added,
        ["method builder::ListMeetings::recorded_only"],
        "{change}"
    );

    let stale = generate::run(&tmp.0, true).unwrap_err().to_string();
    assert!(stale.contains("generated code is stale"), "{stale}");
    assert!(stale.contains("crates/daily/src/generated.rs"), "{stale}");
    assert!(!stale.contains("crates/zoom/src/generated.rs"), "{stale}");

    generate::run(&tmp.0, false).unwrap();
    let written = fs::read_to_string(tmp.0.join("crates/daily/src/generated.rs")).unwrap();
    assert!(written.contains("pub fn recorded_only<V>(mut self, value: V) -> Self"));
    generate::run(&tmp.0, true).unwrap();
}
