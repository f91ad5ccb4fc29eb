//! meetkit's Rust errors as Python exceptions.
//!
//! Rust describes a failure as a plain dict (`kind`, `provider`, `status`, `code`, `message`,
//! …); `meetkit.errors.from_info` picks the exception class, so the hierarchy lives in one
//! place, in Python, where users read it.

use meetkit::{ConfigError, Error, ProviderError, QueryError};
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// A provider failure as the dict `meetkit.errors.from_info` takes.
pub fn provider_info<'py>(py: Python<'py>, e: &ProviderError) -> PyResult<Bound<'py, PyDict>> {
    let info = PyDict::new(py);
    info.set_item("kind", e.kind.as_str())?;
    info.set_item("scope", e.scope.as_str())?;
    info.set_item("message", e.to_string())?;
    info.set_item("detail", &e.message)?;
    info.set_item("provider", e.provider.as_str())?;
    info.set_item("operation", e.operation.as_ref())?;
    info.set_item("status", e.status)?;
    info.set_item("code", e.code.as_deref())?;
    info.set_item("hint", e.hint.as_deref())?;
    info.set_item("attempts", e.attempts)?;
    info.set_item("window", e.window.map(|w| (w.from(), w.to())))?;
    Ok(info)
}

fn simple_info<'py>(
    py: Python<'py>,
    kind: &str,
    message: String,
    provider: Option<&str>,
) -> PyResult<Bound<'py, PyDict>> {
    let info = PyDict::new(py);
    info.set_item("kind", kind)?;
    info.set_item("message", message)?;
    info.set_item("provider", provider)?;
    Ok(info)
}

fn query_provider(e: &QueryError) -> Option<&'static str> {
    match e {
        QueryError::UnsupportedFilter { provider, .. }
        | QueryError::InvalidFilter { provider, .. } => Some(provider.as_str()),
        QueryError::EmptyWindow { .. } | QueryError::NoProviderLeft { .. } => None,
    }
}

fn config_provider(e: &ConfigError) -> Option<&'static str> {
    match e {
        ConfigError::NotConfigured { provider, .. } => Some(provider.as_str()),
        _ => None,
    }
}

/// Builds the exception `info` describes; a failure to build it is returned instead.
pub fn from_info(py: Python<'_>, info: Bound<'_, PyDict>) -> PyErr {
    let built = py
        .import("meetkit.errors")
        .and_then(|m| m.getattr("from_info"))
        .and_then(|f| f.call1((info,)));
    match built {
        Ok(exc) => PyErr::from_value(exc),
        Err(err) => err,
    }
}

/// Any meetkit error as a Python exception.
pub fn to_py(py: Python<'_>, e: &Error) -> PyErr {
    let info = match e {
        Error::Config(c) => simple_info(py, "config", c.to_string(), config_provider(c)),
        Error::Query(q) => simple_info(py, "query", q.to_string(), query_provider(q)),
        Error::Provider(p) => provider_info(py, p),
    };
    match info {
        Ok(info) => from_info(py, info),
        Err(err) => err,
    }
}

/// A `meetkit.QueryError` with `message`.
pub fn query_error(py: Python<'_>, message: String) -> PyErr {
    match simple_info(py, "query", message, None) {
        Ok(info) => from_info(py, info),
        Err(err) => err,
    }
}

/// A `meetkit.SandboxError` with `message`.
pub fn sandbox_error(py: Python<'_>, message: String) -> PyErr {
    match simple_info(py, "sandbox", message, None) {
        Ok(info) => from_info(py, info),
        Err(err) => err,
    }
}
