//! Many accounts per provider from the CLI: an accounts file (with env references) and config
//! file accounts, `--account`, `providers`, one rejected key (exit 5), per-account checkpoints.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeSet;

use common::{Meetkit, rfc3339, sandbox, window};
use meetkit_sandbox::{Faults, Provider, SandboxHandle};
use serde_json::Value;

/// An accounts file of `per_provider` sandbox tenants per provider; every Daily key is read from
/// an environment variable (`T001_DAILY_KEY`, …), which `meetkit` gets.
fn accounts_file(
    sandbox: &SandboxHandle,
    dir: &std::path::Path,
    per_provider: usize,
    meetkit: &mut Meetkit,
) -> std::path::PathBuf {
    let mut text = String::from("# sandbox tenants\n");
    for mut entry in sandbox.accounts(per_provider) {
        if entry["provider"] == "daily" {
            let var = format!(
                "{}_DAILY_KEY",
                entry["name"].as_str().unwrap().to_uppercase()
            );
            meetkit.set(&var, entry["api_key"].as_str().unwrap());
            entry["api_key"] = format!("env:{var}").into();
        }
        text.push_str(&format!("{entry}\n"));
    }
    let path = dir.join("accounts.jsonl");
    std::fs::write(&path, text).unwrap();
    path
}

fn listed(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn ids(meetings: &[Value], provider: &str, account: &str) -> BTreeSet<String> {
    meetings
        .iter()
        .filter(|m| m["provider"] == provider && m["account"] == account)
        .map(|m| m["id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_accounts_per_provider_list_the_union_of_their_truths() {
    let now = common::now();
    let sandbox = sandbox(now, Faults::none()).await;
    let dir = tempfile::tempdir().unwrap();
    let mut meetkit = Meetkit::with_sandbox(now, &sandbox);
    let file = accounts_file(&sandbox, dir.path(), 2, &mut meetkit);
    let (from, to) = window(now);
    let (from_s, to_s) = (rfc3339(from), rfc3339(to));
    let run = meetkit
        .run(&[
            "list",
            "--accounts-file",
            file.to_str().unwrap(),
            "--from",
            &from_s,
            "--to",
            &to_s,
            "--format",
            "ndjson",
        ])
        .await;
    run.expect_code(0);
    let meetings = listed(&run.stdout);
    let mut total = 0;
    for p in Provider::ALL {
        for account in ["default", "t001", "t002"] {
            let truth: BTreeSet<String> =
                sandbox.truth_of(p, account, from, to).into_iter().collect();
            assert_eq!(ids(&meetings, p.as_str(), account), truth, "{p}/{account}");
            total += truth.len();
        }
    }
    assert_eq!(meetings.len(), total);

    // --account selects, by name, across providers; the accounts file also comes from the
    // environment.
    meetkit.set("MEETKIT_ACCOUNTS_FILE", file.to_str().unwrap());
    let run = meetkit
        .run(&[
            "list",
            "--account",
            "t002",
            "-p",
            "telnyx",
            "--from",
            &from_s,
            "--to",
            &to_s,
            "--format",
            "ndjson",
        ])
        .await;
    run.expect_code(0);
    let meetings = listed(&run.stdout);
    let truth: BTreeSet<String> = sandbox
        .truth_of(Provider::Telnyx, "t002", from, to)
        .into_iter()
        .collect();
    assert_eq!(ids(&meetings, "telnyx", "t002"), truth);
    assert_eq!(meetings.len(), truth.len());
    let plan = meetkit
        .run(&["plan", "--account", "t001,default", "--format", "json"])
        .await;
    plan.expect_code(0);
    let plan: Value = serde_json::from_str(&plan.stdout).unwrap();
    let accounts: BTreeSet<&str> = plan["partitions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["account"].as_str().unwrap())
        .collect();
    assert_eq!(accounts, BTreeSet::from(["default", "t001"]));
    let unknown = meetkit.run(&["list", "--account", "nope"]).await;
    unknown.expect_code(3);
    assert!(unknown.stderr.contains("\"nope\""), "{}", unknown.stderr);
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_rejected_key_leaves_the_other_accounts_complete_and_exits_5() {
    let now = common::now();
    let sandbox = sandbox(now, Faults::none()).await;
    let dir = tempfile::tempdir().unwrap();
    let mut meetkit = Meetkit::with_sandbox(now, &sandbox);
    let file = accounts_file(&sandbox, dir.path(), 3, &mut meetkit);
    meetkit.set("T002_DAILY_KEY", "rejected-key~t002");
    let (from, to) = window(now);
    let run = meetkit
        .run(&[
            "list",
            "-p",
            "daily",
            "--accounts-file",
            file.to_str().unwrap(),
            "--from",
            &rfc3339(from),
            "--to",
            &rfc3339(to),
            "--format",
            "ndjson",
        ])
        .await;
    run.expect_code(5);
    let meetings = listed(&run.stdout);
    for account in ["default", "t001", "t003"] {
        let truth: BTreeSet<String> = sandbox
            .truth_of(Provider::Daily, account, from, to)
            .into_iter()
            .collect();
        assert_eq!(ids(&meetings, "daily", account), truth, "{account}");
    }
    let errors: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("meetkit: error:"))
        .collect();
    assert_eq!(errors.len(), 1, "{}", run.stderr);
    assert!(errors[0].contains("of account \"t002\""), "{}", errors[0]);
    assert!(!run.stderr.contains("rejected-key"));
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn providers_shows_each_accounts_source_and_never_a_secret() {
    let now = common::now();
    let sandbox = sandbox(now, Faults::none()).await;
    let dir = tempfile::tempdir().unwrap();
    let mut meetkit = Meetkit::with_sandbox(now, &sandbox);
    let file = accounts_file(&sandbox, dir.path(), 2, &mut meetkit);
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        format!(
            "[accounts.attention.eu]\nbase_url = \"{}\"\napi_key = \"{}\"\n",
            sandbox.base_url(Provider::Attention),
            "sandbox_attention_api_key~eu"
        ),
    )
    .unwrap();
    meetkit.set("MEETKIT_CONFIG", config.to_str().unwrap());
    let file_s = file.to_str().unwrap();
    let json = meetkit
        .run(&["providers", "--json", "--accounts-file", file_s])
        .await;
    json.expect_code(0);
    let rows: Vec<Value> = serde_json::from_str(&json.stdout).unwrap();
    let daily = rows.iter().find(|r| r["provider"] == "daily").unwrap();
    let accounts = daily["accounts"].as_array().unwrap();
    assert_eq!(accounts.len(), 3);
    assert_eq!(accounts[0]["name"], "default");
    assert_eq!(accounts[0]["credentials"], "env: DAILY_API_KEY");
    assert_eq!(
        accounts[1]["credentials"],
        format!("accounts file {file_s} line 4; daily_api_key from env T001_DAILY_KEY")
    );
    let attention = rows.iter().find(|r| r["provider"] == "attention").unwrap();
    let eu = attention["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "eu")
        .unwrap()
        .clone();
    assert_eq!(eu["name"], "eu");
    assert!(
        eu["credentials"]
            .as_str()
            .unwrap()
            .contains("[accounts.attention.eu]"),
        "{eu}"
    );
    let text = meetkit.run(&["providers", "--accounts-file", file_s]).await;
    text.expect_code(0);
    assert!(
        text.stdout.contains("t002: accounts file"),
        "{}",
        text.stdout
    );
    for secret in [
        "sandbox_daily_api_key",
        "sandbox_attention_api_key",
        "sandbox_zoom_client_secret",
    ] {
        assert!(
            !json.stdout.contains(secret) && !text.stdout.contains(secret),
            "{secret} leaked"
        );
    }
    // The config-file account lists like any other.
    let (from, to) = window(now);
    let run = meetkit
        .run(&[
            "list",
            "--account",
            "eu",
            "--from",
            &rfc3339(from),
            "--to",
            &rfc3339(to),
            "--format",
            "ndjson",
        ])
        .await;
    run.expect_code(0);
    let truth: BTreeSet<String> = sandbox
        .truth_of(Provider::Attention, "eu", from, to)
        .into_iter()
        .collect();
    assert_eq!(ids(&listed(&run.stdout), "attention", "eu"), truth);
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_accounts_file_is_a_configuration_error_naming_the_line() {
    let now = common::now();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("accounts.jsonl");
    std::fs::write(
        &file,
        "{\"provider\": \"daily\", \"name\": \"a\", \"api_key\": \"env:MISSING_KEY\"}\n",
    )
    .unwrap();
    let meetkit = Meetkit::new(now);
    let run = meetkit
        .run(&["providers", "--accounts-file", file.to_str().unwrap()])
        .await;
    run.expect_code(3);
    assert!(
        run.stderr.contains(&format!(
            "accounts file {} line 1: daily_api_key refers to the environment variable MISSING_KEY, which is not set",
            file.display()
        )),
        "{}",
        run.stderr
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sync_keeps_a_checkpoint_per_account_and_a_failed_account_keeps_its_own() {
    let now = common::now();
    let sandbox = sandbox(now, Faults::none()).await;
    let dir = tempfile::tempdir().unwrap();
    let mut meetkit = Meetkit::with_sandbox(now, &sandbox);
    let file = accounts_file(&sandbox, dir.path(), 2, &mut meetkit);
    meetkit.set("MEETKIT_ACCOUNTS_FILE", file.to_str().unwrap());
    let (state, out) = (dir.path().join("state.json"), dir.path().join("out.ndjson"));
    let sync = |since: &str| {
        vec![
            "sync".to_owned(),
            "-p".to_owned(),
            "daily".to_owned(),
            "--since".to_owned(),
            since.to_owned(),
            "--out".to_owned(),
            out.to_str().unwrap().to_owned(),
            "--state".to_owned(),
            state.to_str().unwrap().to_owned(),
        ]
    };
    let args = sync("30d");
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    meetkit.run(&args).await.expect_code(0);
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&state).unwrap()).unwrap();
    for key in ["daily", "daily:t001", "daily:t002"] {
        assert_eq!(saved["providers"][key]["checkpoint"], rfc3339(now), "{key}");
    }
    // An hour later t001's key is rejected: the others move on, t001 keeps its checkpoint.
    let later = now + chrono::Duration::hours(1);
    meetkit.set("MEETKIT_NOW", &rfc3339(later));
    meetkit.set("T001_DAILY_KEY", "rejected~t001");
    meetkit.run(&args).await.expect_code(5);
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&state).unwrap()).unwrap();
    assert_eq!(saved["providers"]["daily"]["checkpoint"], rfc3339(later));
    assert_eq!(
        saved["providers"]["daily:t002"]["checkpoint"],
        rfc3339(later)
    );
    assert_eq!(saved["providers"]["daily:t001"]["checkpoint"], rfc3339(now));
    // Every account's meetings are stored, tagged with their account.
    let stored: Vec<Value> = std::fs::read_to_string(&out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let accounts: BTreeSet<&str> = stored
        .iter()
        .map(|m| m["account"].as_str().unwrap())
        .collect();
    assert_eq!(accounts, BTreeSet::from(["default", "t001", "t002"]));
    sandbox.shutdown().await;
}
