//! `cargo xtask ci`'s Python step: build the `meetkit` package into a virtualenv under
//! `target/` and run its tests (pytest, including the quickstart notebook) and `mypy --strict`.
//!
//! The virtualenv (`target/py-venv`) is reused between runs; its pinned dependencies
//! (`python/requirements-test.txt`, and the dlt/DuckDB/PySpark engines in
//! `python/requirements-dataeng.txt`) are reinstalled only when a file changes. The Spark tests
//! need Java 17+ (`java.rs` installs it when missing). The package is built with
//! `maturin develop` (the dev profile), much faster than a release wheel.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

/// pytest's exit code when it collected no tests.
const PYTEST_NO_TESTS: i32 = 5;

/// Builds the package into `target/py-venv` and runs pytest and mypy there.
pub fn run(root: &Path) -> Result<()> {
    let venv = root.join("target").join("py-venv");
    let python_dir = root.join("python");
    let bin = venv_bin(&venv);
    let python = bin.join(exe("python"));

    if !python.exists() {
        let interpreter =
            std::env::var("MEETKIT_PYTHON").unwrap_or_else(|_| default_python().to_owned());
        println!("creating {} with {interpreter}", venv.display());
        run_checked(
            Command::new(&interpreter).args(["-m", "venv"]).arg(&venv),
            "python -m venv",
        )?;
    }

    for requirements in REQUIREMENTS {
        install_requirements(&venv, &python, &python_dir.join(requirements))?;
    }

    // maturin develop installs into the virtualenv named by VIRTUAL_ENV.
    run_checked(
        crate::cargo::with_build_env(&mut venv_command(&venv, &bin.join(exe("maturin"))))
            .args(["develop", "--locked", "--manifest-path"])
            .arg(python_dir.join("Cargo.toml"))
            .current_dir(root),
        "maturin develop",
    )?;

    // tests/test_cli.py compares the DataFrame with the CLI's output; naming the binary
    // keeps that test from being skipped here. The binary is the one `cargo test` built (the
    // same command, so nothing is rebuilt after CI's test step): `cargo build -p meetkit-cli`
    // would resolve other features and compile a second copy of most dependencies.
    crate::cargo::cargo(root, &["test", "--workspace", "--locked", "--no-run"])?;
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from);
    let cli = target.join("debug").join(exe("meetkit"));

    // pytest reads python/pyproject.toml for its options (testpaths, timeout).
    let mut pytest = venv_command(&venv, &python);
    pytest
        .args(["-m", "pytest", "-p", "no:cacheprovider"])
        .env("MEETKIT_CLI", &cli)
        // The dlt and Spark tests fail here, rather than skip, when their engines are missing.
        .env("MEETKIT_REQUIRE_DATAENG", "1")
        .current_dir(&python_dir);
    if let Some(java_home) = crate::java::ensure()? {
        pytest.env("JAVA_HOME", java_home);
    }
    let status = pytest.status().context("could not run pytest")?;
    match status.code() {
        Some(0) => {}
        Some(PYTEST_NO_TESTS) => {
            bail!("pytest collected no tests in python/tests: the Python suite must not pass empty")
        }
        _ => bail!("pytest failed ({status})"),
    }

    // mypy's files and strictness are in python/pyproject.toml ([tool.mypy]).
    run_checked(
        venv_command(&venv, &python)
            .args(["-m", "mypy", "--strict"])
            .current_dir(&python_dir),
        "mypy --strict (python/tests, python/meetkit)",
    )?;
    Ok(())
}

/// Pinned requirements files installed into the virtualenv: the test tools, and the engines
/// the dlt and Spark integrations are tested against (large: PySpark alone is ~300 MB).
const REQUIREMENTS: [&str; 2] = ["requirements-test.txt", "requirements-dataeng.txt"];

/// `pip install -r requirements`, skipped when the virtualenv's stamp says this exact file
/// was installed already.
fn install_requirements(venv: &Path, python: &Path, requirements: &Path) -> Result<()> {
    let wanted = std::fs::read_to_string(requirements)
        .with_context(|| format!("could not read {}", requirements.display()))?;
    let name = requirements
        .file_stem()
        .map_or_else(|| "requirements".into(), |s| s.to_string_lossy());
    let stamp = venv.join(format!("{name}.installed"));
    if std::fs::read_to_string(&stamp).ok().as_deref() == Some(wanted.as_str()) {
        return Ok(());
    }
    println!("installing {}", requirements.display());
    run_checked(
        Command::new(python)
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "-r",
            ])
            .arg(requirements),
        &format!("pip install -r {}", requirements.display()),
    )?;
    std::fs::write(&stamp, &wanted).with_context(|| format!("could not write {}", stamp.display()))
}

fn default_python() -> &'static str {
    if cfg!(windows) { "python" } else { "python3" }
}

fn exe(name: &str) -> String {
    if cfg!(windows) {
        format!("{name}.exe")
    } else {
        name.to_owned()
    }
}

fn venv_bin(venv: &Path) -> PathBuf {
    venv.join(if cfg!(windows) { "Scripts" } else { "bin" })
}

/// `program` with the virtualenv activated (VIRTUAL_ENV set, its bin first on PATH).
fn venv_command(venv: &Path, program: &Path) -> Command {
    let mut command = Command::new(program);
    let mut paths = vec![venv_bin(venv)];
    if let Some(path) = std::env::var_os("PATH") {
        paths.extend(std::env::split_paths(&path));
    }
    if let Ok(path) = std::env::join_paths(paths) {
        command.env("PATH", path);
    }
    command
        .env("VIRTUAL_ENV", venv)
        .env_remove("PYTHONHOME")
        .env("PYTHONDONTWRITEBYTECODE", "1");
    command
}

fn run_checked(command: &mut Command, what: &str) -> Result<()> {
    let status = command
        .status()
        .with_context(|| format!("could not run {what}"))?;
    if !status.success() {
        bail!("{what} failed ({status})");
    }
    Ok(())
}
