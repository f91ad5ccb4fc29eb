//! Every output format parses and holds exactly the sandbox's ground truth.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::{Meetkit, rfc3339, sandbox, truth, window};
use meetkit_sandbox::{Faults, Provider};
use serde_json::Value;

type Ids = BTreeMap<String, BTreeSet<String>>;

fn add(ids: &mut Ids, provider: &str, id: &str) {
    let fresh = ids
        .entry(provider.to_owned())
        .or_default()
        .insert(id.to_owned());
    assert!(fresh, "duplicate {provider} {id}");
}

fn ids_of(meetings: &[Value]) -> Ids {
    let mut ids = Ids::new();
    for m in meetings {
        add(
            &mut ids,
            m["provider"].as_str().unwrap(),
            m["id"].as_str().unwrap(),
        );
    }
    ids
}

fn validate(meetings: &[Value]) {
    let schema = common::meeting_schema();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    for m in meetings {
        if let Err(e) = validator.validate(m) {
            panic!("{e} at {}\n{m}", e.instance_path());
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ndjson_json_and_csv_equal_ground_truth() {
    let now = common::now();
    let sandbox = sandbox(now, Faults::none()).await;
    let meetkit = Meetkit::with_sandbox(now, &sandbox);
    let (from, to) = window(now);
    let (from_s, to_s) = (rfc3339(from), rfc3339(to));
    let expected = truth(&sandbox, &Provider::ALL, from, to);
    assert!(expected.values().all(|ids| ids.len() > 20), "{expected:?}");
    let base = ["list", "--from", &from_s, "--to", &to_s];

    // NDJSON is the default when stdout is not a terminal.
    let run = meetkit.run(&base).await;
    run.expect_code(0);
    let meetings: Vec<Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    validate(&meetings);
    assert_eq!(ids_of(&meetings), expected);

    let run = meetkit
        .run(&[&base[..], &["--format", "json"]].concat())
        .await;
    run.expect_code(0);
    let meetings: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    validate(&meetings);
    assert_eq!(ids_of(&meetings), expected);

    let run = meetkit
        .run(&[&base[..], &["--format", "csv"]].concat())
        .await;
    run.expect_code(0);
    let mut reader = csv::Reader::from_reader(run.stdout.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (provider, id, extension, start) = (
        column("provider"),
        column("id"),
        column("extension"),
        column("start"),
    );
    let mut ids = Ids::new();
    for record in reader.records() {
        let record = record.unwrap();
        add(&mut ids, &record[provider], &record[id]);
        let ext: Value = serde_json::from_str(&record[extension]).unwrap();
        assert_eq!(ext["provider"].as_str(), Some(&record[provider]));
        let t = chrono::DateTime::parse_from_rfc3339(&record[start]).unwrap();
        assert!(t >= from && t < to);
    }
    assert_eq!(ids, expected);

    let run = meetkit
        .run(&[&base[..], &["--format", "table"]].concat())
        .await;
    run.expect_code(0);
    let rows = run.stdout.lines().count() - 1;
    assert_eq!(rows, expected.values().map(BTreeSet::len).sum::<usize>());
    assert!(run.stdout.starts_with("PROVIDER"));
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn providers_filters_limit_and_output_file() {
    let now = common::now();
    let sandbox = sandbox(now, Faults::none()).await;
    let meetkit = Meetkit::with_sandbox(now, &sandbox);
    let (from, to) = window(now);
    let (from_s, to_s) = (rfc3339(from), rfc3339(to));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("out.json");
    let file_s = file.to_str().unwrap();

    let run = meetkit
        .run(&[
            "list",
            "-p",
            "zoom,daily",
            "--from",
            &from_s,
            "--to",
            &to_s,
            "-f",
            "json",
            "-o",
            file_s,
        ])
        .await;
    run.expect_code(0);
    assert!(run.stdout.is_empty());
    let meetings: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(
        ids_of(&meetings),
        truth(&sandbox, &[Provider::Zoom, Provider::Daily], from, to)
    );

    let run = meetkit
        .run(&[
            "list",
            "--provider",
            "telnyx",
            "--from",
            &from_s,
            "--to",
            &to_s,
            "--limit",
            "7",
        ])
        .await;
    run.expect_code(0);
    assert_eq!(run.stdout.lines().count(), 7);

    let run = meetkit
        .run(&[
            "list",
            "--provider",
            "attendee",
            "--from",
            &from_s,
            "--to",
            &to_s,
            "--status",
            "ended",
            "--raw",
        ])
        .await;
    run.expect_code(0);
    for line in run.stdout.lines() {
        let m: Value = serde_json::from_str(line).unwrap();
        assert_eq!(m["status"], "ended");
        assert!(m["raw"].is_object());
    }

    // A relative window resolves against the pinned clock: 60d == the window above.
    let run = meetkit
        .run(&["list", "--from", "60d", "--provider", "daily"])
        .await;
    run.expect_code(0);
    let meetings: Vec<Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        ids_of(&meetings),
        truth(&sandbox, &[Provider::Daily], from, to)
    );
    sandbox.shutdown().await;
}
