//! The PostgreSQL destination (`postgres://…`): the connection settings (a libpq-style URL, the
//! `PG*` variables filling what it leaves out), meetkit's schema, each batch as one UPSERT over
//! `unnest`ed arrays in one transaction with its checkpoints, and the one-writer advisory lock.
//!
//! The client is the synchronous `postgres` crate (tokio-postgres under a small blocking
//! facade); it runs on sync's writer thread, outside the async runtime.

use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, Utc};
use meetkit::Meeting;
use postgres::error::SqlState;
use postgres::types::ToSql;
use postgres::{Client, Config, NoTls, Statement};

use super::sql::{self, Kind, Value};
use super::{Checkpoint, Destination, Written, another_sync, with_written};
use crate::exit::{CliError, Exit};

/// The advisory lock key of `meetkit sync` ("meetkit" in ASCII): one writer per database.
const LOCK_KEY: i64 = 0x006d_6565_746b_6974;

/// How long to wait for the lock before giving up.
const LOCK_WAIT: Duration = Duration::from_secs(3);

/// The connection settings: `url` (a `postgres://`/`postgresql://` URL or `key=value` string),
/// then, for what it leaves out, the variables libpq reads (`PGHOST`, `PGPORT`, `PGUSER`,
/// `PGPASSWORD`, `PGDATABASE`, `PGAPPNAME`, `PGCONNECT_TIMEOUT`, `PGSSLMODE`).
pub fn config(url: &str, env: &dyn Fn(&str) -> Option<String>) -> Result<Config, CliError> {
    let usage = |what: String| CliError::new(Exit::Usage, what);
    let mut config: Config = url.parse().map_err(|e| {
        usage(format!(
            "--to is not a PostgreSQL URL ({e}); write postgres://USER@HOST:PORT/DATABASE"
        ))
    })?;
    if config.get_hosts().is_empty() {
        match env("PGHOST") {
            Some(hosts) => {
                for host in hosts.split(',').filter(|h| !h.is_empty()) {
                    if host.starts_with('/') {
                        config.host_path(host);
                    } else {
                        config.host(host);
                    }
                }
            }
            // libpq's default: the local socket directory, else TCP on localhost.
            None if Path::new("/var/run/postgresql").is_dir() => {
                config.host_path("/var/run/postgresql");
            }
            None => {
                config.host("localhost");
            }
        }
    }
    if config.get_ports().is_empty()
        && let Some(port) = env("PGPORT")
    {
        let port = port
            .trim()
            .parse()
            .map_err(|_| usage(format!("PGPORT must be a port number, not {port:?}")))?;
        config.port(port);
    }
    if config.get_user().is_none() {
        let Some(user) = env("PGUSER")
            .or_else(|| env("USER"))
            .or_else(|| env("LOGNAME"))
        else {
            return Err(usage(
                "no PostgreSQL user: put one in the URL (postgres://USER@HOST/DB) or set PGUSER"
                    .to_owned(),
            ));
        };
        config.user(&user);
    }
    if config.get_password().is_none()
        && let Some(password) = env("PGPASSWORD")
    {
        config.password(password);
    }
    if config.get_dbname().is_none()
        && let Some(db) = env("PGDATABASE")
    {
        config.dbname(&db);
    }
    if config.get_application_name().is_none() {
        config.application_name(env("PGAPPNAME").as_deref().unwrap_or("meetkit"));
    }
    if config.get_connect_timeout().is_none() {
        let secs = env("PGCONNECT_TIMEOUT")
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(10);
        config.connect_timeout(Duration::from_secs(secs));
    }
    let require_tls = matches!(config.get_ssl_mode(), postgres::config::SslMode::Require)
        || env("PGSSLMODE").is_some_and(|m| {
            let m = m.trim();
            m == "require" || m == "verify-ca" || m == "verify-full"
        });
    if require_tls {
        return Err(CliError::new(
            Exit::Config,
            "this meetkit connects to PostgreSQL without TLS and the URL or PGSSLMODE requires it; use a local socket, an SSH tunnel, or sslmode=prefer on a trusted network",
        ));
    }
    Ok(config)
}

/// `postgres://USER@HOST:PORT/DB`, without the password, for messages.
fn describe(config: &Config) -> String {
    let host = config
        .get_hosts()
        .iter()
        .map(|h| match h {
            postgres::config::Host::Tcp(name) => name.clone(),
            postgres::config::Host::Unix(path) => path.display().to_string(),
        })
        .collect::<Vec<_>>()
        .join(",");
    let port = config
        .get_ports()
        .first()
        .map_or(String::new(), |p| format!(":{p}"));
    let user = config.get_user().unwrap_or_default();
    let db = config.get_dbname().unwrap_or(user);
    format!("postgres://{user}@{host}{port}/{db}")
}

/// The error of a failed connection: credentials (exit 3) or reachability (exit 1).
fn connect_error(name: &str, err: &postgres::Error) -> CliError {
    match err.as_db_error() {
        Some(db)
            if [
                SqlState::INVALID_PASSWORD,
                SqlState::INVALID_AUTHORIZATION_SPECIFICATION,
            ]
            .contains(db.code()) =>
        {
            CliError::new(
                Exit::Config,
                format!(
                    "PostgreSQL at {name} refused the credentials ({}); check the user and password (in the URL or PGUSER/PGPASSWORD)",
                    db.message()
                ),
            )
        }
        Some(db) => CliError::new(
            Exit::Config,
            format!(
                "PostgreSQL at {name} refused the connection: {}",
                db.message()
            ),
        ),
        None => CliError::new(
            Exit::Other,
            format!(
                "could not connect to PostgreSQL at {name} ({err}); check that the server runs and accepts connections there"
            ),
        ),
    }
}

/// The error of a failed call on an open connection.
fn call_error(what: &str, name: &str, err: &postgres::Error) -> CliError {
    let detail = err
        .as_db_error()
        .map_or_else(|| err.to_string(), |db| db.message().to_owned());
    sql::failed(what, name, detail)
}

/// A PostgreSQL database.
pub struct PostgresDestination {
    name: String,
    client: Client,
    upsert: Statement,
}

impl PostgresDestination {
    /// Connects, takes the advisory lock and migrates; `env` reads `PG*` variables.
    pub fn open(url: &str, env: &dyn Fn(&str) -> Option<String>) -> Result<Self, CliError> {
        let config = config(url, env)?;
        let name = describe(&config);
        let mut client = config
            .connect(NoTls)
            .map_err(|e| connect_error(&name, &e))?;
        // A sync killed a moment ago holds the lock until the server notices its connection
        // closed: wait a little before saying another sync is running.
        let started = std::time::Instant::now();
        loop {
            let locked: bool = client
                .query_one("SELECT pg_try_advisory_lock($1)", &[&LOCK_KEY])
                .map_err(|e| call_error("lock", &name, &e))?
                .get(0);
            if locked {
                break;
            }
            if started.elapsed() >= LOCK_WAIT {
                return Err(another_sync(&name));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        migrate(&mut client, &name)?;
        let upsert = client
            .prepare(&upsert_sql())
            .map_err(|e| call_error("prepare writes to", &name, &e))?;
        Ok(Self {
            name,
            client,
            upsert,
        })
    }
}

/// Checks the schema version, then brings the database to the latest in one transaction.
fn migrate(client: &mut Client, name: &str) -> Result<(), CliError> {
    let read = |e: postgres::Error| call_error("read", name, &e);
    let has_versions: bool = client
        .query_one("SELECT to_regclass('meetkit_schema') IS NOT NULL", &[])
        .map_err(read)?
        .get(0);
    let current: i64 = if has_versions {
        let version: i32 = client
            .query_one(sql::SELECT_VERSION, &[])
            .map_err(read)?
            .get(0);
        i64::from(version)
    } else {
        0
    };
    let pending = sql::pending(current, name)?;
    if pending.is_empty() {
        return Ok(());
    }
    let migrate = |e: postgres::Error| call_error("migrate", name, &e);
    let mut tx = client.transaction().map_err(migrate)?;
    tx.batch_execute(sql::VERSION_TABLE).map_err(migrate)?;
    for m in pending {
        tx.batch_execute(m.postgres).map_err(migrate)?;
        let version = i32::try_from(m.version).unwrap_or(i32::MAX);
        tx.execute(
            "INSERT INTO meetkit_schema (version, applied_at) VALUES ($1, $2)",
            &[&version, &Utc::now().to_rfc3339()],
        )
        .map_err(migrate)?;
    }
    tx.commit().map_err(migrate)
}

/// The batch UPSERT: one array parameter per column, `unnest`ed into rows.
fn upsert_sql() -> String {
    let n = sql::COLUMNS.len();
    let arrays: Vec<String> = sql::COLUMNS
        .iter()
        .enumerate()
        .map(|(i, (_, kind))| {
            let ty = match kind {
                Kind::Text | Kind::Json => "text[]",
                Kind::Time => "timestamptz[]",
                Kind::Int => "int8[]",
            };
            format!("${}::{ty}", i + 1)
        })
        .chain([format!("${}::int8[]", n + 1)])
        .collect();
    let names: Vec<String> = sql::COLUMNS
        .iter()
        .map(|(name, _)| format!("\"{name}\""))
        .chain(["\"content_hash\"".to_owned()])
        .collect();
    let select: Vec<String> = sql::COLUMNS
        .iter()
        .map(|(name, kind)| match kind {
            Kind::Json => format!("t.\"{name}\"::jsonb"),
            _ => format!("t.\"{name}\""),
        })
        .chain([
            "t.\"content_hash\"".to_owned(),
            format!("${}", n + 2),
            format!("${}", n + 2),
        ])
        .collect();
    let source = format!(
        "SELECT {} FROM unnest({}) AS t({})",
        select.join(", "),
        arrays.join(", "),
        names.join(", ")
    );
    format!(
        "{} RETURNING \"provider\", \"account\"",
        sql::upsert(&source)
    )
}

impl Destination for PostgresDestination {
    fn name(&self) -> String {
        self.name.clone()
    }

    fn checkpoints(&mut self) -> Result<Vec<Checkpoint>, CliError> {
        let rows = self
            .client
            .query(sql::SELECT_CHECKPOINTS, &[])
            .map_err(|e| call_error("read the checkpoints of", &self.name, &e))?;
        Ok(rows
            .iter()
            .filter_map(|row| {
                Some(Checkpoint {
                    provider: row.get::<_, String>(0).parse().ok()?,
                    account: row.get(1),
                    since: row.get(2),
                    checkpoint: row.get(3),
                    meetings_written: sql::count(row.get(4)),
                    last_run: row.get(5),
                })
            })
            .collect())
    }

    fn prepare(&mut self, _refetch_from: DateTime<Utc>) -> Result<(), CliError> {
        Ok(())
    }

    fn store(
        &mut self,
        meetings: &[Meeting],
        checkpoints: &[Checkpoint],
        written: &mut Written,
    ) -> Result<(), CliError> {
        let name = self.name.clone();
        let write = |e: postgres::Error| call_error("write to", &name, &e);
        let now = Utc::now();
        let (rows, hashes): (Vec<[Value<'_>; 25]>, Vec<i64>) =
            meetings.iter().map(sql::row).unzip();
        let mut params: Vec<Box<dyn ToSql + Sync + '_>> = Vec::new();
        for (i, (_, kind)) in sql::COLUMNS.iter().enumerate() {
            params.push(match kind {
                Kind::Text | Kind::Json => Box::new(
                    rows.iter()
                        .map(|r| match &r[i] {
                            Value::Text(s) => *s,
                            Value::Json(s) => s.as_deref(),
                            _ => None,
                        })
                        .collect::<Vec<Option<&str>>>(),
                ),
                Kind::Time => Box::new(
                    rows.iter()
                        .map(|r| match &r[i] {
                            Value::Time(t) => *t,
                            _ => None,
                        })
                        .collect::<Vec<Option<DateTime<Utc>>>>(),
                ),
                Kind::Int => Box::new(
                    rows.iter()
                        .map(|r| match &r[i] {
                            Value::Int(n) => *n,
                            _ => None,
                        })
                        .collect::<Vec<Option<i64>>>(),
                ),
            });
        }
        params.push(Box::new(hashes));
        params.push(Box::new(now));
        let refs: Vec<&(dyn ToSql + Sync)> = params.iter().map(|p| &**p as _).collect();

        let mut tx = self.client.transaction().map_err(write)?;
        if !meetings.is_empty() {
            for row in tx.query(&self.upsert, &refs).map_err(write)? {
                if let Ok(provider) = row.get::<_, String>(0).parse() {
                    *written.entry((provider, row.get(1))).or_default() += 1;
                }
            }
        }
        let upsert_checkpoint = sql::upsert_checkpoint(|i| format!("${i}"));
        for c in with_written(checkpoints, written) {
            tx.execute(
                &upsert_checkpoint,
                &[
                    &c.provider.as_str(),
                    &c.account,
                    &c.since,
                    &c.checkpoint,
                    &sql::int(c.meetings_written),
                    &c.last_run,
                ],
            )
            .map_err(write)?;
        }
        tx.commit().map_err(write)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn the_url_wins_and_pg_variables_fill_the_rest() -> Result<(), String> {
        let vars = [
            ("PGHOST", "db.internal"),
            ("PGPORT", "6543"),
            ("PGUSER", "envuser"),
            ("PGPASSWORD", "s3cret"),
            ("PGDATABASE", "envdb"),
        ];
        let c = config("postgres://", &env(&vars)).map_err(|e| e.message)?;
        assert_eq!(describe(&c), "postgres://envuser@db.internal:6543/envdb");
        assert_eq!(c.get_password(), Some(&b"s3cret"[..]));
        let c =
            config("postgresql://me:pw@127.0.0.1:5433/meet", &env(&vars)).map_err(|e| e.message)?;
        assert_eq!(describe(&c), "postgres://me@127.0.0.1:5433/meet");
        assert_eq!(c.get_password(), Some(&b"pw"[..]));
        assert!(!describe(&c).contains("pw"));
        Ok(())
    }

    #[test]
    fn bad_urls_and_tls_requirements_are_clear() {
        let msg = |url: &str, vars: &[(&str, &str)]| {
            config(url, &env(vars))
                .err()
                .map(|e| (e.exit, e.message))
                .unwrap_or((Exit::Ok, String::new()))
        };
        let (exit, m) = msg("postgres://u@h:notaport/db", &[]);
        assert!(
            exit == Exit::Usage && m.contains("not a PostgreSQL URL"),
            "{m}"
        );
        let (exit, m) = msg("postgres://u@h/db?sslmode=require", &[]);
        assert!(exit == Exit::Config && m.contains("without TLS"), "{m}");
        let (_, m) = msg("postgres://", &[("PGHOST", "h")]);
        assert!(m.contains("no PostgreSQL user"), "{m}");
    }
}
