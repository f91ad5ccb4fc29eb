//! Java for the Python suite's Spark tests: PySpark 4 runs on Java 17 or newer.
//!
//! A `java` of 17+ on `PATH` (or under `JAVA_HOME`) is used as is. Otherwise, on a Debian
//! machine where CI runs as root, Debian's `openjdk-17-jre-headless` is installed with
//! apt-get; anywhere else the step fails with what to install.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result};

/// The oldest Java PySpark 4 runs on.
const MIN_MAJOR: u32 = 17;

/// The Debian package installed when no suitable Java is found.
const PACKAGE: &str = "openjdk-17-jre-headless";

/// Where Debian installs JVMs.
const JVM_DIR: &str = "/usr/lib/jvm";

/// Makes sure a Java 17+ runtime exists; returns the `JAVA_HOME` to run Spark with (`None`
/// when the `java` on `PATH` is already suitable).
pub fn ensure() -> Result<Option<PathBuf>> {
    if let Some(home) = std::env::var_os("JAVA_HOME").map(PathBuf::from)
        && major(&home.join("bin").join("java")).is_some_and(|v| v >= MIN_MAJOR)
    {
        return Ok(Some(home));
    }
    let found = major(Path::new("java"));
    if found.is_some_and(|v| v >= MIN_MAJOR) {
        return Ok(None);
    }
    if let Some(home) = installed_home() {
        return Ok(Some(home));
    }
    let what = found.map_or_else(
        || "no java on PATH".to_owned(),
        |v| format!("java on PATH is version {v}"),
    );
    println!("{what}: making sure {PACKAGE} is installed");
    crate::system::ensure(&[crate::system::Package {
        name: PACKAGE,
        installs: "/usr/lib/jvm/*/bin/java",
        for_what: "the Spark tests (python/tests/test_spark.py), which need Java 17+",
    }])?;
    installed_home().map(Some).with_context(|| {
        format!("apt-get installed {PACKAGE}, but no Java {MIN_MAJOR} was found under {JVM_DIR}")
    })
}

/// A Debian JVM of version 17+ under [`JVM_DIR`], if one is installed.
fn installed_home() -> Option<PathBuf> {
    let mut homes: Vec<PathBuf> = std::fs::read_dir(JVM_DIR)
        .ok()?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|home| major(&home.join("bin").join("java")).is_some_and(|v| v >= MIN_MAJOR))
        .collect();
    homes.sort();
    homes.into_iter().next()
}

/// The major version `java -version` reports, or `None` when it does not run.
fn major(java: &Path) -> Option<u32> {
    let output = Command::new(java).arg("-version").output().ok()?;
    if !output.status.success() {
        return None;
    }
    // `java -version` writes to stderr: `openjdk version "17.0.15" 2025-04-15`.
    parse_major(&String::from_utf8_lossy(&output.stderr))
}

/// The major version in `java -version`'s output: `"17.0.15"` is 17, `"1.8.0_292"` is 8.
fn parse_major(text: &str) -> Option<u32> {
    let quoted = text.split('"').nth(1)?;
    let mut parts = quoted.split(['.', '_', '-', '+']);
    let first: u32 = parts.next()?.parse().ok()?;
    if first == 1 {
        parts.next()?.parse().ok()
    } else {
        Some(first)
    }
}

#[cfg(test)]
mod tests {
    use super::parse_major;

    #[test]
    fn reads_old_and_new_version_strings() {
        let openjdk17 = "openjdk version \"17.0.15\" 2025-04-15\nOpenJDK Runtime Environment";
        assert_eq!(parse_major(openjdk17), Some(17));
        assert_eq!(parse_major("java version \"1.8.0_292\""), Some(8));
        assert_eq!(parse_major("openjdk version \"21\" 2023-09-19"), Some(21));
        assert_eq!(parse_major("openjdk version \"25-ea\""), Some(25));
        assert_eq!(parse_major("no version here"), None);
    }
}
