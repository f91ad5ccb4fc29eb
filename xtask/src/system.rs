//! The Debian packages the tests need, installed when missing: CI runs as root on a fresh
//! Debian machine, so `cargo xtask ci` brings what the project's tests use (a real PostgreSQL
//! server) instead of relying on what a machine happens to have.

use std::path::Path;
use std::process::Command;

use anyhow::{Context, Result, bail};

/// A Debian package and how to tell it is installed: a path that exists once it is. `*` in the
/// path matches one directory name (a version), as in `/usr/lib/postgresql/*/bin/initdb`.
pub struct Package {
    /// The package's name for `apt-get install`.
    pub name: &'static str,
    /// A file the package installs.
    pub installs: &'static str,
    /// What needs it, for messages.
    pub for_what: &'static str,
}

/// Every system package the tests need.
pub const PACKAGES: &[Package] = &[Package {
    name: "postgresql",
    installs: "/usr/lib/postgresql/*/bin/initdb",
    for_what: "the PostgreSQL sync tests (crates/cli/tests/sync_postgres.rs)",
}];

/// Whether `pattern` (with at most one `*` path component) names an existing file.
fn exists(pattern: &str) -> bool {
    let Some((before, after)) = pattern.split_once("/*/") else {
        return Path::new(pattern).exists();
    };
    std::fs::read_dir(before)
        .is_ok_and(|dir| dir.flatten().any(|entry| entry.path().join(after).exists()))
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
}

/// Installs the `packages` that are missing: `apt-get update` once, then one
/// `apt-get install -y --no-install-recommends`. Without root it fails and says what to run.
pub fn ensure(packages: &[Package]) -> Result<()> {
    let missing: Vec<&Package> = packages.iter().filter(|p| !exists(p.installs)).collect();
    if missing.is_empty() {
        println!(
            "system packages present: {}",
            packages
                .iter()
                .map(|p| p.name)
                .collect::<Vec<_>>()
                .join(", ")
        );
        return Ok(());
    }
    let names: Vec<&str> = missing.iter().map(|p| p.name).collect();
    if !is_root() {
        let needs: Vec<String> = missing
            .iter()
            .map(|p| format!("{} (for {})", p.name, p.for_what))
            .collect();
        bail!(
            "missing Debian packages: {}; install them with `sudo apt-get install {}` and run again",
            needs.join(", "),
            names.join(" ")
        );
    }
    println!("installing Debian packages: {}", names.join(" "));
    let apt = |args: &[&str]| -> Result<()> {
        let status = Command::new("apt-get")
            .args(args)
            .env("DEBIAN_FRONTEND", "noninteractive")
            .status()
            .with_context(|| format!("could not run apt-get {}", args.join(" ")))?;
        if !status.success() {
            bail!("apt-get {} exited with {status}", args.join(" "));
        }
        Ok(())
    };
    apt(&["update"])?;
    let mut install = vec!["install", "-y", "--no-install-recommends"];
    install.extend(&names);
    apt(&install)?;
    for p in &missing {
        if !exists(p.installs) {
            bail!(
                "apt-get installed {} but {} is still missing",
                p.name,
                p.installs
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_star_matches_one_directory_name() -> Result<()> {
        let dir = std::env::temp_dir().join(format!("xtask-system-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("17/bin"))?;
        std::fs::write(dir.join("17/bin/initdb"), b"")?;
        let root = dir.display();
        assert!(exists(&format!("{root}/*/bin/initdb")));
        assert!(!exists(&format!("{root}/*/bin/pg_ctl")));
        assert!(exists(&format!("{root}/17/bin/initdb")));
        std::fs::remove_dir_all(&dir)?;
        Ok(())
    }
}
