//! The `--help` texts, checked against golden files so every change is reviewed.
//! `UPDATE_GOLDEN=1 cargo test -p meetkit-cli --test help` rewrites them.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::process::Command;

const PAGES: &[&[&str]] = &[
    &[],
    &["list"],
    &["sync"],
    &["sandbox"],
    &["demo"],
    &["providers"],
    &["doctor"],
    &["schema"],
    &["completions"],
];

#[test]
fn help_texts_match_their_golden_files() {
    let dir = common::golden_dir();
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut stale = Vec::new();
    for page in PAGES {
        let home = tempfile::tempdir().unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_meetkit"))
            .args(*page)
            .arg("--help")
            .env_clear()
            .env("HOME", home.path())
            .env("COLUMNS", "100")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{page:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        let name = if page.is_empty() {
            "meetkit".to_owned()
        } else {
            format!("meetkit-{}", page.join("-"))
        };
        let path = dir.join(format!("{name}.txt"));
        if update {
            std::fs::write(&path, &text).unwrap();
            continue;
        }
        let golden = std::fs::read_to_string(&path).unwrap_or_default();
        if golden != text {
            stale.push(format!("{}:\n{text}", path.display()));
        }
    }
    assert!(
        stale.is_empty(),
        "help changed; review and run UPDATE_GOLDEN=1 cargo test -p meetkit-cli --test help\n\n{}",
        stale.join("\n")
    );
}

#[test]
fn short_help_is_shorter_and_lists_every_command() {
    let out = Command::new(env!("CARGO_BIN_EXE_meetkit"))
        .arg("-h")
        .env("COLUMNS", "100")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for command in [
        "list",
        "sync",
        "sandbox",
        "demo",
        "providers",
        "doctor",
        "schema",
        "completions",
    ] {
        assert!(
            text.contains(&format!("  {command} ")),
            "{command} missing:\n{text}"
        );
    }
    assert!(text.contains("Exit codes:"), "{text}");
}
