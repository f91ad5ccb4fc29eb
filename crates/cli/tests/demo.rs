//! `meetkit demo` works with an empty environment: no credentials, no config, no network.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

#[test]
fn demo_runs_with_no_environment_at_all() {
    let home = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_meetkit"))
        .arg("demo")
        .env_clear()
        .env("HOME", home.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stdout}\n{stderr}");
    assert!(stdout.contains("PROVIDER"), "{stdout}");
    for name in ["Zoom", "Daily", "Telnyx Video", "Attendee", "Attention"] {
        let line = stdout
            .lines()
            .find(|l| l.trim_start().starts_with(name) && l.ends_with("meetings"))
            .unwrap_or_else(|| panic!("no count for {name}:\n{stdout}"));
        let count: usize = line
            .split_whitespace()
            .rev()
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        assert!(count > 0, "{line}");
    }
    assert!(
        stdout.contains("ZOOM_ACCOUNT_ID"),
        "the demo says how to go on:\n{stdout}"
    );
    // First 20 rows, plus the header.
    let rows = stdout
        .lines()
        .skip_while(|l| !l.starts_with("PROVIDER"))
        .take_while(|l| !l.is_empty())
        .count();
    assert_eq!(rows, 21, "{stdout}");
    assert!(stderr.is_empty(), "{stderr}");
}

/// `meetkit … | head`: when the reader goes away, output commands end quietly with success
/// (no panic, no "broken pipe" error), as any Unix filter does.
#[test]
fn a_closed_pipe_ends_output_quietly() {
    let plan = [
        "plan",
        "-p",
        "daily",
        "--from",
        "2026-01-01",
        "--to",
        "2026-02-01",
    ];
    for args in [
        &["demo"][..],
        &["completions", "bash"][..],
        &["schema"][..],
        &["providers"][..],
        &plan[..],
    ] {
        let home = tempfile::tempdir().unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_meetkit"))
            .args(args)
            .env_clear()
            .env("HOME", home.path())
            // `plan` fetches nothing for Daily: any key plans.
            .env("DAILY_API_KEY", "closed-pipe-test")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Closing the read end before the command writes makes its first write fail with EPIPE.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(stderr.trim().is_empty(), "{args:?}: {stderr}");
    }
}
