//! `meetkit list --format parquet`: the Arrow table's schema, every meeting of the NDJSON
//! listing, row groups as they stream, and no half-written file on failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;

use arrow_array::{Array, StringArray, TimestampMicrosecondArray};
use common::{Meetkit, rfc3339, sandbox, window};
use meetkit_sandbox::Faults;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use serde_json::Value;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn parquet_holds_what_ndjson_lists_with_the_arrow_tables_columns() {
    let now = common::now();
    let sandbox = sandbox(now, Faults::none()).await;
    let meetkit = Meetkit::with_sandbox(now, &sandbox);
    let (from, to) = window(now);
    let (from, to) = (rfc3339(from), rfc3339(to));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.parquet");
    meetkit
        .run(&[
            "list",
            "--from",
            &from,
            "--to",
            &to,
            "-f",
            "parquet",
            "-o",
            path.to_str().unwrap(),
        ])
        .await
        .expect_code(0);
    let run = meetkit
        .run(&["list", "--from", &from, "--to", &to, "-f", "ndjson"])
        .await;
    run.expect_code(0);
    // (provider, id) → (start in µs, title, extension).
    let listed: BTreeMap<(String, String), (i64, Option<String>, Value)> = run
        .stdout
        .lines()
        .map(|l| {
            let m: Value = serde_json::from_str(l).unwrap();
            let start = chrono::DateTime::parse_from_rfc3339(m["start"].as_str().unwrap())
                .unwrap()
                .timestamp_micros();
            (
                (
                    m["provider"].as_str().unwrap().to_owned(),
                    m["id"].as_str().unwrap().to_owned(),
                ),
                (
                    start,
                    m["title"].as_str().map(str::to_owned),
                    m["extension"].clone(),
                ),
            )
        })
        .collect();

    let file = std::fs::File::open(&path).unwrap();
    let reader = ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
    let fields: Vec<String> = reader
        .schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    let expected: Vec<String> = meetkit_arrow::schema(false)
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    assert_eq!(fields, expected);
    assert_eq!(
        reader.schema().as_ref(),
        meetkit_arrow::schema(false).as_ref()
    );
    let mut stored = BTreeMap::new();
    for batch in reader.build().unwrap() {
        let batch = batch.unwrap();
        let text = |name: &str| {
            batch
                .column_by_name(name)
                .unwrap()
                .as_any()
                .downcast_ref::<StringArray>()
                .unwrap()
                .clone()
        };
        let (provider, id, title, extension) = (
            text("provider"),
            text("id"),
            text("title"),
            text("extension"),
        );
        let start = batch
            .column_by_name("start")
            .unwrap()
            .as_any()
            .downcast_ref::<TimestampMicrosecondArray>()
            .unwrap()
            .clone();
        for i in 0..batch.num_rows() {
            stored.insert(
                (provider.value(i).to_owned(), id.value(i).to_owned()),
                (
                    start.value(i),
                    (!title.is_null(i)).then(|| title.value(i).to_owned()),
                    serde_json::from_str::<Value>(extension.value(i)).unwrap(),
                ),
            );
        }
    }
    assert!(listed.len() > 100);
    assert_eq!(stored, listed);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary left"
    );
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn parquet_needs_a_file_and_a_full_disk_is_one_sentence() {
    let now = common::now();
    let sandbox = sandbox(now, Faults::none()).await;
    let meetkit = Meetkit::with_sandbox(now, &sandbox);
    let run = meetkit.run(&["list", "-f", "parquet"]).await;
    run.expect_code(2);
    assert!(
        run.stderr.contains("add --output FILE.parquet"),
        "{}",
        run.stderr
    );

    let run = meetkit
        .run(&["list", "--from", "60d", "-f", "parquet", "-o", "/dev/full"])
        .await;
    run.expect_code(1);
    assert!(
        run.stderr.contains("could not write /dev/full") && run.stderr.contains("No space left"),
        "{}",
        run.stderr
    );

    // A listing that fails part-way leaves no file behind under the name asked for.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gone").join("m.parquet");
    let run = meetkit
        .run(&["list", "-f", "parquet", "-o", path.to_str().unwrap()])
        .await;
    run.expect_code(1);
    assert!(run.stderr.contains("could not create"), "{}", run.stderr);
    assert!(!path.exists());
    sandbox.shutdown().await;
}
