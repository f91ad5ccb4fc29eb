//! `meetkit._meetkit.Sandbox`: the embedded stand-in for the five providers' APIs.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use chrono::{DateTime, Utc};
use meetkit_sandbox::{Faults, Provider, Sandbox, SandboxConfig, SandboxHandle};
use pyo3::prelude::*;

use crate::client::{Options, PyClient};
use crate::errors;
use crate::runtime::{block_on, started};

/// A running sandbox on 127.0.0.1.
#[pyclass(frozen, name = "Sandbox", module = "meetkit._meetkit")]
pub struct PySandbox {
    handle: Mutex<Option<SandboxHandle>>,
    env: Vec<(String, String)>,
    now: DateTime<Utc>,
    seed: u64,
    meetings: usize,
    /// Named accounts per provider (tenants `t001`, …), as accounts-file entries.
    accounts: Vec<HashMap<String, String>>,
    /// Whether it enforces the providers' rate limits (else its clients lift Zoom's).
    throttles: bool,
}

fn provider(py: Python<'_>, name: &str) -> PyResult<Provider> {
    name.parse()
        .map_err(|e: meetkit_sandbox::UnknownProvider| errors::query_error(py, e.to_string()))
}

fn faults(py: Python<'_>, spec: &HashMap<String, f64>) -> PyResult<Faults> {
    let mut f = Faults::default();
    for (name, &value) in spec {
        let rate = || {
            if (0.0..=1.0).contains(&value) {
                Ok(value)
            } else {
                Err(errors::sandbox_error(
                    py,
                    format!("fault {name} must be between 0 and 1, not {value}"),
                ))
            }
        };
        match name.as_str() {
            "latency" => {
                f.latency = Duration::try_from_secs_f64(value)
                    .map_err(|e| errors::sandbox_error(py, format!("latency {value}: {e}")))?;
            }
            "rate_limit_rate" => f.rate_limit_rate = rate()?,
            "server_error_rate" => f.server_error_rate = rate()?,
            "reset_rate" => f.reset_rate = rate()?,
            "truncate_rate" => f.truncate_rate = rate()?,
            "drift" if value == 0.0 || value == 1.0 => f.drift = value == 1.0,
            "inserts_per_page" if value >= 0.0 && value <= f64::from(u32::MAX) => {
                f.inserts_per_page = value as u32
            }
            other => {
                return Err(errors::sandbox_error(
                    py,
                    format!(
                        "unknown or invalid fault {other}={value}: expected latency (seconds), rate_limit_rate, server_error_rate, reset_rate, truncate_rate (0..1), inserts_per_page or drift (true/false)"
                    ),
                ));
            }
        }
    }
    Ok(f)
}

impl PySandbox {
    /// Runs `f` on the running sandbox; an error once it is closed.
    fn with_handle<T>(&self, py: Python<'_>, f: impl FnOnce(&SandboxHandle) -> T) -> PyResult<T> {
        let guard = self
            .handle
            .lock()
            .map_err(|_| errors::sandbox_error(py, "the sandbox's lock is poisoned".to_owned()))?;
        let handle = guard
            .as_ref()
            .ok_or_else(|| errors::sandbox_error(py, "the sandbox is closed".to_owned()))?;
        Ok(f(handle))
    }
}

#[pymethods]
impl PySandbox {
    /// Starts a sandbox; `now_us` fixes its clock (microseconds since 1970, default: now).
    #[new]
    #[pyo3(signature = (seed = 0, meetings = 200, now_us = None, port = 0, faults = None, per_provider_faults = None, rate_limits = false, accounts = 0))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        seed: u64,
        meetings: usize,
        now_us: Option<i64>,
        port: u16,
        faults: Option<HashMap<String, f64>>,
        per_provider_faults: Option<HashMap<String, HashMap<String, f64>>>,
        rate_limits: bool,
        accounts: usize,
    ) -> PyResult<Self> {
        let now =
            match now_us {
                Some(us) => Some(DateTime::from_timestamp_micros(us).ok_or_else(|| {
                    errors::sandbox_error(py, format!("now={us}µs is out of range"))
                })?),
                None => None,
            };
        let mut config = SandboxConfig {
            port,
            seed,
            meetings,
            now,
            rate_limits,
            ..SandboxConfig::default()
        };
        if let Some(spec) = faults {
            config.faults = self::faults(py, &spec)?;
        }
        for (name, spec) in per_provider_faults.unwrap_or_default() {
            config
                .per_provider_faults
                .insert(provider(py, &name)?, self::faults(py, &spec)?);
        }
        let handle = block_on(py, Sandbox::start(config))?
            .map_err(|e| errors::sandbox_error(py, e.to_string()))?;
        let accounts = handle
            .accounts(accounts)
            .into_iter()
            .map(|entry| {
                entry
                    .as_object()
                    .into_iter()
                    .flatten()
                    .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_owned()))
                    .collect()
            })
            .collect();
        Ok(Self {
            accounts,
            env: handle.env(),
            now: handle.now(),
            handle: Mutex::new(Some(handle)),
            seed,
            meetings,
            throttles: rate_limits,
        })
    }

    /// The variables meetkit reads to reach this sandbox.
    #[getter]
    fn env(&self) -> HashMap<String, String> {
        self.env.iter().cloned().collect()
    }

    /// The named accounts' credentials (`accounts` per provider), as accounts-file entries.
    #[getter]
    fn accounts(&self) -> Vec<HashMap<String, String>> {
        self.accounts.clone()
    }

    /// The sandbox's fixed "now" (its dataset is anchored on it).
    #[getter]
    fn now(&self) -> DateTime<Utc> {
        self.now
    }

    /// Whether it is still serving.
    #[getter]
    fn running(&self) -> bool {
        self.handle.lock().map(|h| h.is_some()).unwrap_or(false)
    }

    /// A client for this sandbox; `overrides` replace variables of [`PySandbox::env`]
    /// (e.g. a wrong `DAILY_API_KEY`), and an empty value unsets one.
    #[pyo3(signature = (overrides = None))]
    fn client(
        &self,
        py: Python<'_>,
        overrides: Option<HashMap<String, String>>,
    ) -> PyResult<PyClient> {
        let mut vars: HashMap<String, String> = self.env.iter().cloned().collect();
        vars.extend(overrides.unwrap_or_default());
        let mut options = if self.throttles {
            Options::default()
        } else {
            Options::without_zoom_limit()
        };
        options.add_accounts(self.accounts.clone());
        PyClient::from_vars(py, vars, options)
    }

    /// Sorted provider-native ids of account `account`'s meetings whose start is in
    /// `[start, end)` (`default`: the environment's account).
    #[pyo3(signature = (provider, start_us, end_us, account = "default"))]
    fn truth(
        &self,
        py: Python<'_>,
        provider: &str,
        start_us: i64,
        end_us: i64,
        account: &str,
    ) -> PyResult<Vec<String>> {
        let p = self::provider(py, provider)?;
        let at = |us: i64| {
            DateTime::from_timestamp_micros(us)
                .ok_or_else(|| errors::sandbox_error(py, format!("{us}µs is out of range")))
        };
        let (from, to) = (at(start_us)?, at(end_us)?);
        self.with_handle(py, |handle| handle.truth_of(p, account, from, to))
    }

    /// Sorted uuids of one Zoom user's report over `[start, end)` (`me`, an id or an email).
    fn zoom_user_truth(
        &self,
        py: Python<'_>,
        user: &str,
        start_us: i64,
        end_us: i64,
    ) -> PyResult<Vec<String>> {
        let at = |us: i64| {
            DateTime::from_timestamp_micros(us)
                .ok_or_else(|| errors::sandbox_error(py, format!("{us}µs is out of range")))
        };
        let (from, to) = (at(start_us)?, at(end_us)?);
        self.with_handle(py, |handle| handle.zoom_user_truth(user, from, to))?
            .ok_or_else(|| {
                errors::sandbox_error(py, format!("the Zoom account has no user {user:?}"))
            })
    }

    /// Gives Zoom or Attention meeting `id` a new title, as if edited after it was listed.
    fn retitle(&self, py: Python<'_>, provider: &str, id: &str, title: &str) -> PyResult<()> {
        let p = self::provider(py, provider)?;
        if self.with_handle(py, |handle| handle.retitle(p, id, title))? {
            Ok(())
        } else {
            Err(errors::sandbox_error(
                py,
                format!(
                    "no {provider} meeting {id:?} to retitle: only {} meetings have titles the sandbox can change",
                    retitlable()
                ),
            ))
        }
    }

    /// Stops the server; idempotent.
    fn close(&self, py: Python<'_>) -> PyResult<()> {
        let handle = self.handle.lock().ok().and_then(|mut h| h.take());
        if let Some(handle) = handle {
            block_on(py, handle.shutdown())?;
        }
        Ok(())
    }

    fn __repr__(&self) -> String {
        let state = if self.running() { "running" } else { "closed" };
        let addr = self
            .env
            .iter()
            .find(|(k, _)| k.ends_with("_BASE_URL"))
            .map(|(_, v)| origin(v).to_owned())
            .unwrap_or_default();
        format!(
            "meetkit.Sandbox(seed={}, meetings={}, {state} at {addr})",
            self.seed, self.meetings
        )
    }
}

impl Drop for PySandbox {
    fn drop(&mut self) {
        if let Some(handle) = self.handle.get_mut().ok().and_then(Option::take)
            && let Some(runtime) = started()
        {
            runtime.spawn(handle.shutdown());
        }
    }
}

/// The `scheme://host:port` of a base URL: where the sandbox serves every provider.
fn origin(url: &str) -> &str {
    let host = url.find("://").map_or(0, |i| i + 3);
    url[host..]
        .find('/')
        .map_or(url, |path| &url[..host + path])
}

/// The providers whose meetings' titles the sandbox can change, by name: "a and b".
fn retitlable() -> String {
    let names: Vec<&str> = meetkit::Provider::ALL
        .iter()
        .map(|p| p.as_str())
        .filter(|name| {
            name.parse::<Provider>()
                .is_ok_and(|p| meetkit_sandbox::data::records_of(p).titled)
        })
        .collect();
    meetkit::registry::join_list(&names, " and ")
}
