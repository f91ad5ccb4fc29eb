//! A real PostgreSQL server for a test: Debian's binaries, `initdb` into a temp dir, a free
//! loopback port, the unix socket in the temp dir, stopped on drop. As root (CI) the server
//! runs as the `postgres` system user (or `nobody`): PostgreSQL refuses to run as root.
//!
//! Without binaries the tests fail, unless `MEETKIT_SKIP_POSTGRES=1` says to skip them.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The password of the `meetkit` superuser the tests connect as.
pub const PASSWORD: &str = "meetkit-test-password";

/// A running server.
pub struct PgServer {
    pub port: u16,
    bin: PathBuf,
    data: PathBuf,
    user: Option<(u32, u32)>,
    dir: tempfile::TempDir,
}

/// The newest `/usr/lib/postgresql/<version>/bin` with `initdb`.
fn bin_dir() -> Option<PathBuf> {
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .flatten()
        .filter_map(|e| {
            let version = e.file_name().to_string_lossy().parse().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").exists().then_some((version, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}

/// `(uid, gid)` of `name` in /etc/passwd.
fn passwd(name: &str) -> Option<(u32, u32)> {
    let text = std::fs::read_to_string("/etc/passwd").ok()?;
    text.lines().find_map(|line| {
        let f: Vec<&str> = line.split(':').collect();
        (f.first() == Some(&name) && f.len() > 3)
            .then(|| Some((f[2].parse().ok()?, f[3].parse().ok()?)))
            .flatten()
    })
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

fn chown_tree(path: &Path, uid: u32, gid: u32) {
    std::os::unix::fs::chown(path, Some(uid), Some(gid)).unwrap();
    if path.is_dir() {
        for entry in std::fs::read_dir(path).unwrap().flatten() {
            chown_tree(&entry.path(), uid, gid);
        }
    }
}

impl PgServer {
    /// Starts a server; `None` only when `MEETKIT_SKIP_POSTGRES=1` and there are no binaries.
    pub fn start() -> Option<PgServer> {
        let Some(bin) = bin_dir() else {
            if std::env::var("MEETKIT_SKIP_POSTGRES").as_deref() == Ok("1") {
                eprintln!("skipped: no PostgreSQL binaries and MEETKIT_SKIP_POSTGRES=1");
                return None;
            }
            panic!(
                "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin: `cargo xtask ci` installs Debian's \
                 postgresql package (or apt-get install postgresql); set MEETKIT_SKIP_POSTGRES=1 to skip these tests"
            );
        };
        let dir = tempfile::tempdir().unwrap();
        // The server's user must reach its files through the temp dir.
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        let data = dir.path().join("data");
        let pwfile = dir.path().join("pwfile");
        std::fs::write(&pwfile, PASSWORD).unwrap();
        let user = is_root().then(|| passwd("postgres").or_else(|| passwd("nobody")).unwrap());
        if let Some((uid, gid)) = user {
            chown_tree(dir.path(), uid, gid);
        }
        let mut server = PgServer {
            port: 0,
            bin,
            data,
            user,
            dir,
        };
        server.run(
            "initdb",
            &[
                "-D",
                server.data.to_str().unwrap(),
                "-U",
                "meetkit",
                "--pwfile",
                pwfile.to_str().unwrap(),
                "--auth-local=trust",
                "--auth-host=scram-sha-256",
                "-E",
                "UTF8",
                "--no-sync",
            ],
        );
        let socket_dir = server.dir.path().to_str().unwrap().to_owned();
        let log = server.dir.path().join("server.log");
        for _ in 0..5 {
            server.port = std::net::TcpListener::bind("127.0.0.1:0")
                .unwrap()
                .local_addr()
                .unwrap()
                .port();
            let options = format!(
                "-p {} -c listen_addresses=127.0.0.1 -c unix_socket_directories={socket_dir} -c fsync=off",
                server.port
            );
            let ok = server.try_run(
                "pg_ctl",
                &[
                    "-D",
                    server.data.to_str().unwrap(),
                    "-o",
                    &options,
                    "-l",
                    log.to_str().unwrap(),
                    "-w",
                    "-t",
                    "60",
                    "start",
                ],
            );
            if ok {
                return Some(server);
            }
        }
        panic!(
            "PostgreSQL did not start: {}",
            std::fs::read_to_string(&log).unwrap_or_default()
        );
    }

    fn command(&self, program: &str) -> Command {
        let path = self.bin.join(program);
        match self.user {
            Some((uid, gid)) => {
                let mut c = Command::new("setpriv");
                c.arg(format!("--reuid={uid}"))
                    .arg(format!("--regid={gid}"))
                    .arg("--clear-groups")
                    .arg("--")
                    .arg(path);
                c
            }
            None => Command::new(path),
        }
    }

    fn try_run(&self, program: &str, args: &[&str]) -> bool {
        let out = self
            .command(program)
            .args(args)
            .current_dir(self.dir.path())
            .output()
            .unwrap();
        if !out.status.success() {
            eprintln!(
                "{program} failed: {}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
        }
        out.status.success()
    }

    fn run(&self, program: &str, args: &[&str]) {
        assert!(self.try_run(program, args), "{program} failed");
    }

    /// The URL of `db` as the `meetkit` superuser.
    pub fn url(&self, db: &str) -> String {
        format!("postgres://meetkit:{PASSWORD}@127.0.0.1:{}/{db}", self.port)
    }

    /// Creates database `name`; returns its URL.
    pub fn create_db(&self, name: &str) -> String {
        let sql = format!("CREATE DATABASE {name}");
        query(&self.url("postgres"), move |c| {
            c.batch_execute(&sql).unwrap()
        });
        self.url(name)
    }
}

impl Drop for PgServer {
    fn drop(&mut self) {
        let _ = self.try_run(
            "pg_ctl",
            &["-D", self.data.to_str().unwrap(), "-m", "immediate", "stop"],
        );
    }
}

/// Runs `f` on a connection to `url`, on a thread of its own (the blocking client starts its
/// own runtime, which tokio refuses inside a test's).
pub fn query<T: Send + 'static>(
    url: &str,
    f: impl FnOnce(&mut postgres::Client) -> T + Send + 'static,
) -> T {
    let url = url.to_owned();
    std::thread::spawn(move || {
        let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
        f(&mut client)
    })
    .join()
    .unwrap()
}
