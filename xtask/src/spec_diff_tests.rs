//! `cargo xtask spec-diff` on edited copies of our own specs: each edit is named and classified
//! from a client's side, breaking ones set the exit status, `--rev` reads the old side from git,
//! and a provider's excerpt with cut `$ref`s is compared as far as it resolves.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::spec_diff::{self, Impact, Report};

fn telnyx_spec() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    fs::read_to_string(root.join("specs/telnyx.yaml")).unwrap()
}

/// `text` with `from` replaced once by `to`; fails when the anchor is not there exactly once.
fn edit(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "anchor {from:?} moved");
    text.replacen(from, to, 1)
}

/// Fails, printing the report, unless a change of `impact` to Telnyx's operation says `needle`.
#[track_caller]
fn expect(report: &Report, impact: Impact, needle: &str) {
    let found = report.changes.iter().any(|c| {
        c.impact == impact && c.operation == "GET /room_recordings" && c.what.contains(needle)
    });
    assert!(found, "no {impact:?} change saying {needle:?} in\n{report}");
}

const CODEC_FIELD: &str = "        codec:
          type: string
          nullable: true
          description: Shows the codec used for the room recording, e.g. `opus`.
";
const NEW_PARAMETER: &str = "        - name: filter[codec]
          in: query
          required: false
          schema:
            type: string
";
const PAGE_SIZE: &str = "        - name: page[size]\n";
const STATUS_VALUES: &str = "enum: [completed, processing]";

#[test]
fn a_removed_field_an_added_parameter_and_an_added_enum_value_are_each_named() {
    let old = telnyx_spec();
    let new = edit(&old, CODEC_FIELD, "");
    let new = edit(&new, PAGE_SIZE, &format!("{NEW_PARAMETER}{PAGE_SIZE}"));
    let new = edit(&new, STATUS_VALUES, "enum: [completed, processing, failed]");

    let report = spec_diff::diff_texts("old", &old, "new", &new).unwrap();
    let text = report.to_string();
    expect(
        &report,
        Impact::Breaking,
        "response 200 data[].codec: response field removed",
    );
    expect(
        &report,
        Impact::Additive,
        "parameter filter[codec] (query) added, optional",
    );
    expect(
        &report,
        Impact::Additive,
        "response 200 data[].status: enum value \"failed\" added (our enums are open",
    );
    assert_eq!(report.changes.len(), 3, "{text}");
    assert!(report.unresolved.is_empty(), "{text}");
    assert!(text.ends_with("1 breaking, 2 additive, 0 notes"), "{text}");

    // Through the command: the files on disk, exit status 1.
    let dir = scratch("files");
    fs::write(dir.join("old.yaml"), &old).unwrap();
    fs::write(dir.join("new.yaml"), &new).unwrap();
    let status = spec_diff::run(&dir, None, &[dir.join("old.yaml"), dir.join("new.yaml")]).unwrap();
    assert_eq!(status, spec_diff::EXIT_BREAKING);
    let additive_only = edit(&old, PAGE_SIZE, &format!("{NEW_PARAMETER}{PAGE_SIZE}"));
    fs::write(dir.join("new.yaml"), additive_only).unwrap();
    let status = spec_diff::run(&dir, None, &[dir.join("old.yaml"), dir.join("new.yaml")]).unwrap();
    assert_eq!(status, 0);
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn request_side_rules_are_the_reverse_of_response_side_ones() {
    let old = telnyx_spec();
    // A new required parameter, and a parameter that becomes a closed list of values.
    let required = NEW_PARAMETER.replace("required: false", "required: true");
    let new = edit(&old, PAGE_SIZE, &format!("{required}{PAGE_SIZE}"));
    let new = edit(
        &new,
        "recordings (`completed`, `processing`).\n          schema:\n            type: string\n",
        "recordings (`completed`, `processing`).\n          schema:\n            type: string\n            enum: [completed]\n",
    );
    // A response field that may now be null.
    let new = edit(
        &new,
        "          format: uuid\n          description: A unique identifier for the room recording.\n",
        "          format: uuid\n          nullable: true\n          description: A unique identifier for the room recording.\n",
    );
    let report = spec_diff::diff_texts("old", &old, "new", &new).unwrap();
    expect(
        &report,
        Impact::Breaking,
        "parameter filter[codec] (query) added, required",
    );
    expect(
        &report,
        Impact::Breaking,
        "parameter filter[status] (query): now an enum of \"completed\"",
    );
    expect(
        &report,
        Impact::Breaking,
        "response 200 data[].id: may now be null",
    );
    assert_eq!(report.count(Impact::Breaking), 3, "{report}");
}

#[test]
fn a_deep_object_parameter_matches_flat_bracketed_ones_and_missing_refs_are_listed() {
    let flat = "paths:
  /rooms/{room_id}/things:
    get:
      operationId: list_things
      parameters:
        - {name: 'page[size]', in: query, schema: {type: integer}}
        - {name: 'page[number]', in: query, schema: {type: integer}}
        - {name: Authorization, in: header, required: true, schema: {type: string}}
      responses:
        '200':
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Things'}
components:
  schemas:
    Things:
      type: object
      properties:
        data: {type: array, items: {$ref: '#/components/schemas/Thing'}}
        meta: {type: object}
    Thing:
      allOf:
        - {type: object, properties: {id: {type: string}}}
        - {type: object, properties: {size: {type: integer}}}
";
    let deep = "paths:
  /rooms/{id}/things:
    get:
      operationId: ListThings
      parameters:
        - name: page
          in: query
          style: deepObject
          schema: {type: object, properties: {size: {type: integer}, number: {type: integer}}}
      responses:
        '200':
          content:
            application/json:
              schema:
                type: object
                properties:
                  data: {type: array, items: {$ref: '#/components/schemas/Thing'}}
                  meta: {$ref: '#/components/schemas/Meta'}
components:
  schemas:
    Thing:
      type: object
      properties: {id: {type: string}, size: {type: string}}
";
    let report = spec_diff::diff_texts("flat", flat, "deep", deep).unwrap();
    let text = report.to_string();
    let whats: Vec<(&str, Impact, &str)> = report
        .changes
        .iter()
        .map(|c| (c.operation.as_str(), c.impact, c.what.as_str()))
        .collect();
    assert_eq!(
        whats,
        [
            (
                "GET /rooms/{}/things",
                Impact::Note,
                "operationId list_things → ListThings (our generated method names follow ours)"
            ),
            (
                "GET /rooms/{}/things",
                Impact::Breaking,
                "response 200 data[].size: type integer → string"
            ),
        ],
        "{text}"
    );
    assert_eq!(
        report.unresolved.iter().collect::<Vec<_>>(),
        ["new spec: $ref #/components/schemas/Meta"],
        "{text}"
    );
}

#[test]
fn rev_compares_a_spec_with_its_committed_version() {
    let dir = scratch("rev");
    let git = |args: &[&str]| {
        let out = Command::new("git")
            .arg("-C")
            .arg(&dir)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    git(&["init", "-q"]);
    fs::create_dir_all(dir.join("specs")).unwrap();
    let spec = telnyx_spec();
    fs::write(dir.join("specs/telnyx.yaml"), &spec).unwrap();
    git(&["add", "."]);
    git(&[
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@t",
        "commit",
        "-q",
        "-m",
        "spec",
    ]);

    let spec_path = [PathBuf::from("specs/telnyx.yaml")];
    let unchanged = spec_diff::diff_revision(&dir, "HEAD", &spec_path).unwrap();
    assert!(unchanged[0].changes.is_empty(), "{}", unchanged[0]);

    fs::write(dir.join("specs/telnyx.yaml"), edit(&spec, CODEC_FIELD, "")).unwrap();
    let reports = spec_diff::diff_revision(&dir, "HEAD", &spec_path).unwrap();
    assert_eq!(reports[0].old, "specs/telnyx.yaml@HEAD");
    expect(
        &reports[0],
        Impact::Breaking,
        "data[].codec: response field removed",
    );
    assert_eq!(
        spec_diff::run(&dir, Some("HEAD"), &spec_path).unwrap(),
        spec_diff::EXIT_BREAKING
    );

    let err = spec_diff::diff_revision(&dir, "no-such-rev", &spec_path).unwrap_err();
    assert!(
        err.to_string()
            .contains("git cannot show specs/telnyx.yaml at no-such-rev"),
        "{err}"
    );
    fs::remove_dir_all(dir).unwrap();
}

fn scratch(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "meetkit-spec-diff-{tag}-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}
