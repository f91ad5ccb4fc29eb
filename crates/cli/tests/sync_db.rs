//! `meetkit sync --to` a database, the same scenarios for SQLite and a real PostgreSQL server:
//! killed with SIGKILL at random moments, then run to the end, each meeting is stored exactly
//! once and current; an unchanged run writes no row; a changed meeting is updated in place; bad
//! destinations fail with one sentence and write nothing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::time::Duration;

use chrono::Duration as Days;
use common::pg::{PgServer, query};
use common::{Meetkit, rfc3339, sandbox, truth};
use meetkit_sandbox::{Faults, Provider};
use serde_json::Value;

/// A destination under test, read back with its own client.
enum Db {
    Sqlite(PathBuf),
    Postgres(String),
}

/// `(provider, id)` → a text that changes whenever the row is written.
type Versions = BTreeMap<(String, String), String>;

impl Db {
    fn to(&self) -> String {
        match self {
            Db::Sqlite(path) => format!("sqlite:{}", path.display()),
            Db::Postgres(url) => url.clone(),
        }
    }

    /// Runs `sql` returning text columns.
    fn rows(&self, sql: &str) -> Vec<Vec<Option<String>>> {
        match self {
            Db::Sqlite(path) => {
                let conn = rusqlite::Connection::open(path).unwrap();
                let mut stmt = conn.prepare(sql).unwrap();
                let n = stmt.column_count();
                stmt.query_map([], |row| {
                    (0..n)
                        .map(|i| {
                            use rusqlite::types::ValueRef;
                            Ok(match row.get_ref(i)? {
                                ValueRef::Null => None,
                                ValueRef::Integer(v) => Some(v.to_string()),
                                ValueRef::Real(v) => Some(v.to_string()),
                                ValueRef::Text(t) | ValueRef::Blob(t) => {
                                    Some(String::from_utf8_lossy(t).into_owned())
                                }
                            })
                        })
                        .collect()
                })
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap()
            }
            Db::Postgres(url) => {
                let sql = sql.to_owned();
                query(url, move |c| {
                    c.query(&sql, &[])
                        .unwrap()
                        .iter()
                        .map(|row| (0..row.len()).map(|i| row.get(i)).collect())
                        .collect()
                })
            }
        }
    }

    fn execute(&self, sql: &str) {
        match self {
            Db::Sqlite(path) => {
                rusqlite::Connection::open(path)
                    .unwrap()
                    .execute_batch(sql)
                    .unwrap();
            }
            Db::Postgres(url) => {
                let sql = sql.to_owned();
                query(url, move |c| c.batch_execute(&sql).unwrap());
            }
        }
    }

    /// Ids per provider (the primary key makes each unique).
    fn ids(&self) -> BTreeMap<String, BTreeSet<String>> {
        let mut ids: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for row in self.rows("SELECT provider, id FROM meetings") {
            let (p, id) = (row[0].clone().unwrap(), row[1].clone().unwrap());
            assert!(ids.entry(p).or_default().insert(id));
        }
        ids
    }

    /// What changes when a row is written: `last_changed` (and PostgreSQL's `xmin`).
    fn versions(&self) -> Versions {
        let sql = match self {
            Db::Sqlite(_) => {
                "SELECT provider, id, last_changed || ' ' || content_hash FROM meetings"
            }
            Db::Postgres(_) => {
                "SELECT provider, id, last_changed::text || ' ' || content_hash::text || ' ' || xmin::text FROM meetings"
            }
        };
        self.rows(sql)
            .into_iter()
            .map(|r| {
                (
                    (r[0].clone().unwrap(), r[1].clone().unwrap()),
                    r[2].clone().unwrap(),
                )
            })
            .collect()
    }

    /// Whether meetkit's tables exist yet.
    fn has_tables(&self) -> bool {
        match self {
            Db::Sqlite(path) => {
                path.exists()
                    && !self
                        .rows("SELECT name FROM sqlite_master WHERE name = 'sync_state'")
                        .is_empty()
            }
            Db::Postgres(_) => {
                self.rows("SELECT CAST(to_regclass('sync_state') AS TEXT)")[0][0].is_some()
            }
        }
    }

    fn count(&self) -> usize {
        self.rows("SELECT CAST(COUNT(*) AS TEXT) FROM meetings")[0][0]
            .as_deref()
            .unwrap()
            .parse()
            .unwrap()
    }
}

fn sqlite_db(dir: &tempfile::TempDir) -> Db {
    Db::Sqlite(dir.path().join("meetings.db"))
}

/// `(provider, id)` → title, status and participant count, as `meetkit list` prints them now.
async fn listed(meetkit: &Meetkit, from: &str, to: &str) -> BTreeMap<(String, String), String> {
    let run = meetkit
        .run(&["list", "--from", from, "--to", to, "-f", "ndjson"])
        .await;
    run.expect_code(0);
    run.stdout
        .lines()
        .map(|l| {
            let m: Value = serde_json::from_str(l).unwrap();
            (
                (
                    m["provider"].as_str().unwrap().to_owned(),
                    m["id"].as_str().unwrap().to_owned(),
                ),
                format!("{} {} {}", m["title"], m["status"], m["participant_count"]),
            )
        })
        .collect()
}

fn stored(db: &Db) -> BTreeMap<(String, String), String> {
    db.rows("SELECT provider, id, title, status, CAST(participant_count AS TEXT) FROM meetings")
        .into_iter()
        .map(|r| {
            let json =
                |v: &Option<String>| v.as_ref().map_or(Value::Null, |s| Value::from(s.as_str()));
            let count = r[4]
                .as_ref()
                .map_or(Value::Null, |s| Value::from(s.parse::<i64>().unwrap()));
            (
                (r[0].clone().unwrap(), r[1].clone().unwrap()),
                format!("{} {} {}", json(&r[2]), json(&r[3]), count),
            )
        })
        .collect()
}

/// Twelve kills at random moments, a clean run, a run over unchanged data, a changed meeting.
async fn killed_runs_converge_once_each_and_later_runs_write_only_changes(db: Db, seed: u64) {
    let now = common::now();
    // Latency makes a run last long enough to be killed in the middle of it.
    let faults = Faults {
        latency: Duration::from_millis(120),
        ..Faults::none()
    };
    let sandbox = sandbox(now, faults).await;
    let meetkit = Meetkit::with_sandbox(now, &sandbox);
    let since = now - Days::days(150);
    let since_s = rfc3339(since);
    let to = db.to();
    let args = ["sync", "--since", &since_s, "--to", &to];
    let expected = truth(&sandbox, &Provider::ALL, since, now);
    let total: usize = expected.values().map(BTreeSet::len).sum();

    common::kill_repeatedly(&meetkit, &args, 12, seed, || {
        // Whatever a kill left is readable, with no meeting twice (the primary key) and none
        // outside the truth.
        if !db.has_tables() {
            return; // killed before it created them
        }
        for (provider, ids) in db.ids() {
            assert!(
                ids.is_subset(&expected[&provider]),
                "{provider}: unexpected ids"
            );
        }
    })
    .await;

    meetkit.run(&args).await.expect_code(0);
    assert_eq!(db.ids(), expected);
    assert_eq!(db.count(), total);
    let now_s = rfc3339(now);
    assert_eq!(
        stored(&db),
        listed(&meetkit, &since_s, &now_s).await,
        "rows are current"
    );
    let checkpoint = db.rows("SELECT provider, account FROM sync_state ORDER BY provider");
    assert_eq!(checkpoint.len(), 5, "{checkpoint:?}");
    assert!(
        checkpoint
            .iter()
            .all(|r| r[1].as_deref() == Some("default"))
    );

    // Unchanged data: no row is written.
    let before = db.versions();
    meetkit.run(&args).await.expect_code(0);
    assert_eq!(db.versions(), before, "an unchanged run wrote rows");

    // One meeting as an older version had stored it, and Daily's checkpoint back at --since so
    // the next run fetches it again: it is updated in place, and nothing else is written.
    let id = expected["daily"].iter().next().unwrap().clone();
    let first_seen = |db: &Db| {
        db.rows(&format!(
            "SELECT CAST(first_seen AS TEXT) FROM meetings WHERE provider = 'daily' AND id = '{id}'"
        ))[0][0]
            .clone()
    };
    let seen = first_seen(&db);
    db.execute(&format!(
        "UPDATE meetings SET title = 'an older title', content_hash = content_hash + 1 \
         WHERE provider = 'daily' AND id = '{id}'"
    ));
    let since_sql = match &db {
        Db::Sqlite(_) => format!(
            "'{}'",
            since.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
        ),
        Db::Postgres(_) => format!("'{since_s}'::timestamptz"),
    };
    db.execute(&format!(
        "UPDATE sync_state SET checkpoint = {since_sql} WHERE provider = 'daily'"
    ));
    let before = db.versions();
    meetkit.run(&args).await.expect_code(0);
    let after = db.versions();
    let changed: Vec<&(String, String)> = after
        .iter()
        .filter(|(k, v)| before.get(*k) != Some(*v))
        .map(|(k, _)| k)
        .collect();
    assert_eq!(changed, [&("daily".to_owned(), id.clone())]);
    assert_eq!(db.count(), total);
    assert_eq!(first_seen(&db), seen, "updated in place, first_seen kept");
    assert_eq!(stored(&db), listed(&meetkit, &since_s, &now_s).await);
    sandbox.shutdown().await;
}

/// A database written by a newer meetkit, and a second sync while one runs.
async fn newer_schemas_and_second_writers_are_refused(db: Db) {
    let now = common::now();
    // Every request takes 6 s: the first sync is still running when the second starts and
    // has waited out PostgreSQL's grace for a just-killed writer (3 s).
    let faults = Faults {
        latency: Duration::from_secs(6),
        ..Faults::none()
    };
    let sandbox = sandbox(now, faults).await;
    let meetkit = Meetkit::with_sandbox(now, &sandbox);
    let since_s = rfc3339(now - Days::days(40));
    let to = db.to();
    let args = [
        "sync",
        "--since",
        &since_s,
        "--to",
        &to,
        "-p",
        "daily,telnyx",
    ];

    // While one sync runs, another on the same destination exits at once.
    let mut first = meetkit.command(&args).spawn().unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(
        first.try_wait().unwrap().is_none(),
        "the first sync ended too soon"
    );
    let second = meetkit.run(&args).await;
    second.expect_code(1);
    assert!(
        second.stderr.contains("another meetkit sync is writing to"),
        "{}",
        second.stderr
    );
    assert!(first.wait().unwrap().success());
    let count = db.count();
    assert!(count > 0);

    db.execute("INSERT INTO meetkit_schema (version, applied_at) VALUES (99, 'later')");
    db.execute("DELETE FROM meetings WHERE provider = 'daily'");
    let after_delete = db.count();
    let run = meetkit.run(&args).await;
    run.expect_code(1);
    assert!(
        run.stderr
            .contains("was written by a newer meetkit (schema version 99")
            && run.stderr.contains("upgrade meetkit"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert_eq!(db.count(), after_delete, "nothing was written");
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_killed_runs_converge_once_each_and_later_runs_write_only_changes() {
    let dir = tempfile::tempdir().unwrap();
    killed_runs_converge_once_each_and_later_runs_write_only_changes(sqlite_db(&dir), 11).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_killed_runs_converge_once_each_and_later_runs_write_only_changes() {
    let Some(server) = PgServer::start() else {
        return;
    };
    let url = server.create_db("killed");
    killed_runs_converge_once_each_and_later_runs_write_only_changes(Db::Postgres(url), 12).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_refuses_newer_schemas_and_second_writers() {
    let dir = tempfile::tempdir().unwrap();
    newer_schemas_and_second_writers_are_refused(sqlite_db(&dir)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_refuses_newer_schemas_and_second_writers() {
    let Some(server) = PgServer::start() else {
        return;
    };
    let url = server.create_db("refusals");
    newer_schemas_and_second_writers_are_refused(Db::Postgres(url)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_unreachable_or_unauthorized_is_one_sentence_without_the_password() {
    let Some(server) = PgServer::start() else {
        return;
    };
    let now = common::now();
    let sandbox = sandbox(now, Faults::none()).await;
    let meetkit = Meetkit::with_sandbox(now, &sandbox);
    let since_s = rfc3339(now - Days::days(10));
    let url = server.create_db("guarded");

    let wrong = url.replace(common::pg::PASSWORD, "not-the-password");
    let run = meetkit
        .run(&["sync", "--since", &since_s, "--to", &wrong])
        .await;
    run.expect_code(3);
    assert!(
        run.stderr.contains("refused the credentials"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("not-the-password"), "{}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);

    let dead = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let unreachable = format!("postgres://meetkit:hush@127.0.0.1:{dead}/guarded");
    let run = meetkit
        .run(&["sync", "--since", &since_s, "--to", &unreachable])
        .await;
    run.expect_code(1);
    assert!(
        run.stderr.contains(&format!(
            "could not connect to PostgreSQL at postgres://meetkit@127.0.0.1:{dead}/guarded"
        )),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("hush"), "{}", run.stderr);

    // The PG* variables fill in what the URL leaves out.
    let mut with_env = Meetkit::with_sandbox(now, &sandbox);
    with_env
        .set("PGHOST", "127.0.0.1")
        .set("PGPORT", &server.port.to_string())
        .set("PGUSER", "meetkit")
        .set("PGPASSWORD", common::pg::PASSWORD)
        .set("PGDATABASE", "guarded");
    with_env
        .run(&[
            "sync",
            "--since",
            &since_s,
            "--to",
            "postgres://",
            "-p",
            "daily",
        ])
        .await
        .expect_code(0);
    let db = Db::Postgres(url);
    assert_eq!(
        db.ids(),
        truth(&sandbox, &[Provider::Daily], now - Days::days(10), now)
    );
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_read_only_sqlite_file_or_a_misplaced_flag_is_refused_before_any_write() {
    use std::os::unix::fs::PermissionsExt;
    let now = common::now();
    let sandbox = sandbox(now, Faults::none()).await;
    let meetkit = Meetkit::with_sandbox(now, &sandbox);
    let dir = tempfile::tempdir().unwrap();
    let db = sqlite_db(&dir);
    let since_s = rfc3339(now - Days::days(10));
    let to = db.to();
    let args = ["sync", "--since", &since_s, "--to", &to, "-p", "daily"];
    meetkit.run(&args).await.expect_code(0);
    let Db::Sqlite(path) = &db else {
        unreachable!()
    };
    // Fold the WAL into the file, so that the bytes compared below are all of it.
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let bytes = std::fs::read(path).unwrap();
    let run = meetkit.run(&args).await;
    run.expect_code(1);
    assert!(run.stderr.contains("is read-only"), "{}", run.stderr);
    assert_eq!(std::fs::read(path).unwrap(), bytes);

    let state = dir.path().join("state.json");
    let run = meetkit
        .run(&[
            "sync",
            "--since",
            &since_s,
            "--to",
            &to,
            "--state",
            state.to_str().unwrap(),
        ])
        .await;
    run.expect_code(2);
    assert!(
        run.stderr.contains("--state is for NDJSON"),
        "{}",
        run.stderr
    );
    let run = meetkit.run(&["sync", "--since", &since_s]).await;
    run.expect_code(2);
    assert!(run.stderr.contains("say where to sync"), "{}", run.stderr);
    let run = meetkit
        .run(&["sync", "--since", &since_s, "--to", "mysql://h/db"])
        .await;
    run.expect_code(2);
    assert!(
        run.stderr.contains("unknown kind of destination"),
        "{}",
        run.stderr
    );
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ndjson_is_a_destination_too() {
    let now = common::now();
    let sandbox = sandbox(now, Faults::none()).await;
    let meetkit = Meetkit::with_sandbox(now, &sandbox);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("m.ndjson");
    let state = dir.path().join("state.json");
    let since = now - Days::days(20);
    let since_s = rfc3339(since);
    let to = format!("ndjson:{}", out.display());
    let args = [
        "sync",
        "--since",
        &since_s,
        "--to",
        &to,
        "--state",
        state.to_str().unwrap(),
        "-p",
        "daily",
    ];
    meetkit.run(&args).await.expect_code(0);
    let lines = std::fs::read_to_string(&out).unwrap();
    assert_eq!(
        lines.lines().count(),
        truth(&sandbox, &[Provider::Daily], since, now)["daily"].len()
    );
    let run = meetkit
        .run(&["sync", "--since", &since_s, "--to", &to])
        .await;
    run.expect_code(2);
    assert!(run.stderr.contains("needs --state FILE"), "{}", run.stderr);
    sandbox.shutdown().await;
}
