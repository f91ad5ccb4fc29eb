//! `meetkit._meetkit.Client`: the core's client, built from an environment-style mapping.

use std::collections::HashMap;
use std::sync::Arc;

use meetkit::{Client, Config, Partition};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::errors;
use crate::listing::{self, Counters, PyMeetingBatches, PyMeetingList};
use crate::query::QuerySpec;
use crate::runtime::runtime;

/// A configured meetkit client. Cheap to share between threads.
#[pyclass(frozen, name = "Client", module = "meetkit._meetkit")]
pub struct PyClient {
    client: Client,
}

/// The runtime knobs Python can set (the CLI's `--allow-insecure`, `--concurrency`,
/// `--max-attempts`, and the config file's `rate_limits` and `records_in_flight`); `None` keeps
/// the core's default.
#[derive(Clone, Debug, Default)]
pub struct Options {
    allow_insecure: bool,
    concurrency: Option<usize>,
    max_attempts: Option<u32>,
    rate_limits: Option<HashMap<String, Option<f64>>>,
    records_in_flight: Option<usize>,
    /// Named accounts: entries as in an accounts file (`provider`, `name`, settings).
    accounts: Vec<HashMap<String, String>>,
    /// Accounts files to read.
    accounts_files: Vec<String>,
}

/// Adds the named accounts of `options` to `config`; `env:NAME` values are read from the
/// process environment.
fn add_accounts(config: &mut Config, options: &Options) -> Result<(), meetkit::ConfigError> {
    let env = |name: &str| std::env::var(name).ok();
    for (i, entry) in options.accounts.iter().enumerate() {
        let map: serde_json::Map<String, serde_json::Value> = entry
            .iter()
            .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
            .collect();
        let account = meetkit::accounts::from_entry(&map, &format!("accounts[{i}]"), &env)?;
        config.add_account(account)?;
    }
    for path in &options.accounts_files {
        config.add_accounts(meetkit::accounts::read_file(
            std::path::Path::new(path),
            &env,
        )?)?;
    }
    Ok(())
}

impl Options {
    /// Zoom's client-side limit lifted: for a sandbox that throttles nothing, whose Zoom
    /// account (hundreds of users, a report request each) would otherwise take minutes.
    pub fn without_zoom_limit() -> Self {
        Self {
            rate_limits: Some(HashMap::from([("zoom".to_owned(), None)])),
            ..Self::default()
        }
    }
}

/// Applies `rate_limits` (requests a second per provider name; `None` or 0 is no limit).
fn apply_rate_limits(
    config: &mut Config,
    rate_limits: Option<HashMap<String, Option<f64>>>,
) -> PyResult<()> {
    for (name, rate) in rate_limits.into_iter().flatten() {
        let provider: meetkit::Provider = name.parse().map_err(|_| {
            PyValueError::new_err(format!(
                "rate_limits: {name:?} is not a provider; use {}",
                meetkit::registry::names_joined(" or ")
            ))
        })?;
        let rate = match rate {
            None => None,
            Some(r) if r.is_finite() && r >= 0.0 => (r > 0.0).then_some(r),
            Some(r) => {
                return Err(PyValueError::new_err(format!(
                    "rate_limits[{name:?}] must be a number of requests a second (0 or None for no limit), not {r}"
                )));
            }
        };
        config.runtime.rate_limits.insert(provider, rate);
    }
    Ok(())
}

fn build(
    py: Python<'_>,
    config: Result<Config, meetkit::ConfigError>,
    options: Options,
) -> PyResult<PyClient> {
    let mut config = config
        .and_then(|mut c| add_accounts(&mut c, &options).map(|()| c))
        .map_err(|e| errors::to_py(py, &meetkit::Error::Config(e)))?;
    config.runtime.allow_insecure = options.allow_insecure;
    if let Some(concurrency) = options.concurrency {
        config.runtime.concurrency = concurrency;
    }
    if let Some(max_attempts) = options.max_attempts {
        config.runtime.retry.max_attempts = max_attempts;
    }
    match options.records_in_flight {
        Some(0) => {
            return Err(PyValueError::new_err(
                "records_in_flight must be at least 1 (records held at once across every listing; default 32768)",
            ));
        }
        Some(records) => config.runtime.records_in_flight = records,
        None => {}
    }
    apply_rate_limits(&mut config, options.rate_limits)?;
    let _entered = runtime(py)?.enter();
    let client = Client::new(config).map_err(|e| errors::to_py(py, &meetkit::Error::Config(e)))?;
    Ok(PyClient { client })
}

impl Options {
    /// Adds named accounts (entries as in an accounts file).
    pub fn add_accounts(&mut self, accounts: Vec<HashMap<String, String>>) {
        self.accounts.extend(accounts);
    }
}

impl PyClient {
    /// A client over the variables in `vars` (as if they were the whole environment).
    pub fn from_vars(
        py: Python<'_>,
        vars: HashMap<String, String>,
        options: Options,
    ) -> PyResult<Self> {
        build(
            py,
            Config::from_lookup(|name| vars.get(name).cloned()),
            options,
        )
    }
}

#[pymethods]
impl PyClient {
    /// Credentials and base URLs from the process environment.
    #[staticmethod]
    #[pyo3(signature = (*, allow_insecure = false, concurrency = None, max_attempts = None, rate_limits = None, records_in_flight = None, accounts = None, accounts_files = None))]
    #[allow(clippy::too_many_arguments)]
    fn from_env(
        py: Python<'_>,
        allow_insecure: bool,
        concurrency: Option<usize>,
        max_attempts: Option<u32>,
        rate_limits: Option<HashMap<String, Option<f64>>>,
        records_in_flight: Option<usize>,
        accounts: Option<Vec<HashMap<String, String>>>,
        accounts_files: Option<Vec<String>>,
    ) -> PyResult<Self> {
        let options = Options {
            allow_insecure,
            concurrency,
            max_attempts,
            rate_limits,
            records_in_flight,
            accounts: accounts.unwrap_or_default(),
            accounts_files: accounts_files.unwrap_or_default(),
        };
        build(py, Config::from_env(), options)
    }

    /// Credentials and base URLs from a mapping of environment-variable names to values.
    #[staticmethod]
    #[pyo3(signature = (vars, *, allow_insecure = false, concurrency = None, max_attempts = None, rate_limits = None, records_in_flight = None, accounts = None, accounts_files = None))]
    #[allow(clippy::too_many_arguments)]
    fn from_mapping(
        py: Python<'_>,
        vars: HashMap<String, String>,
        allow_insecure: bool,
        concurrency: Option<usize>,
        max_attempts: Option<u32>,
        rate_limits: Option<HashMap<String, Option<f64>>>,
        records_in_flight: Option<usize>,
        accounts: Option<Vec<HashMap<String, String>>>,
        accounts_files: Option<Vec<String>>,
    ) -> PyResult<Self> {
        let options = Options {
            allow_insecure,
            concurrency,
            max_attempts,
            rate_limits,
            records_in_flight,
            accounts: accounts.unwrap_or_default(),
            accounts_files: accounts_files.unwrap_or_default(),
        };
        Self::from_vars(py, vars, options)
    }

    /// Every configured account as `(provider, name)`, the environment's `default` first.
    fn accounts(&self) -> Vec<(&'static str, String)> {
        let config = self.client.config();
        meetkit::Provider::ALL
            .into_iter()
            .flat_map(|p| {
                config
                    .account_names(p)
                    .into_iter()
                    .map(move |name| (p.as_str(), name.to_owned()))
            })
            .collect()
    }

    /// The providers that have credentials.
    fn configured(&self) -> Vec<&'static str> {
        self.client
            .configured()
            .into_iter()
            .map(|p| p.as_str())
            .collect()
    }

    /// Lists every meeting the query selects; blocks with the GIL released.
    #[pyo3(signature = (spec, progress = None))]
    fn list(
        &self,
        py: Python<'_>,
        spec: QuerySpec,
        progress: Option<Bound<'_, PyAny>>,
    ) -> PyResult<PyMeetingList> {
        let query = spec.to_query(py)?;
        listing::list_blocking(py, &self.client, &query, progress)
    }

    /// The same listing in batches of `batch_size` meetings.
    #[pyo3(signature = (spec, batch_size))]
    fn iter(
        &self,
        py: Python<'_>,
        spec: QuerySpec,
        batch_size: usize,
    ) -> PyResult<PyMeetingBatches> {
        let query = spec.to_query(py)?;
        let stream = listing::open(py, &self.client, &query)?;
        PyMeetingBatches::start(py, stream, batch_size, spec.raw())
    }

    /// The same listing as an awaitable (asyncio).
    fn alist<'py>(&self, py: Python<'py>, spec: QuerySpec) -> PyResult<Bound<'py, PyAny>> {
        let query = spec.to_query(py)?;
        let stream = listing::open(py, &self.client, &query)?;
        let raw = spec.raw();
        // Built before pyo3-async-runtimes looks for it (see `runtime`).
        runtime(py)?;
        pyo3_async_runtimes::tokio::future_into_py(py, async move {
            let collected = listing::collect(stream, raw, Arc::new(Counters::default())).await;
            PyMeetingList::new(collected, raw)
        })
    }

    /// The listing's plan without fetching anything: its partitions as JSON (no secrets),
    /// its warnings, and the failures planning already knows (as `error_infos` dicts).
    #[allow(clippy::type_complexity)]
    fn plan<'py>(
        &self,
        py: Python<'py>,
        spec: QuerySpec,
    ) -> PyResult<(Vec<String>, Vec<String>, Vec<Bound<'py, PyDict>>)> {
        let query = spec.to_query(py)?;
        let client = self.client.clone();
        let plan = crate::runtime::block_on(py, async move { client.plan(&query).await })?
            .map_err(|e| errors::to_py(py, &e))?;
        let partitions = plan
            .partitions
            .iter()
            .map(|p| {
                serde_json::to_string(p).map_err(|e| {
                    PyValueError::new_err(format!("could not write a partition as JSON: {e}"))
                })
            })
            .collect::<PyResult<_>>()?;
        let failures = plan
            .errors
            .iter()
            .map(|e| errors::provider_info(py, e))
            .collect::<PyResult<_>>()?;
        Ok((partitions, plan.warnings, failures))
    }

    /// Lists one partition (JSON from [`PyClient::plan`]), or a JSON array of an account's
    /// partitions run together (a Zoom account's users: one rate limit, each meeting once),
    /// with this client's credentials.
    fn run(&self, py: Python<'_>, partition: &str) -> PyResult<PyMeetingList> {
        let parsed = if partition.trim_start().starts_with('[') {
            serde_json::from_str::<Vec<Partition>>(partition)
        } else {
            serde_json::from_str::<Partition>(partition).map(|p| vec![p])
        };
        let partitions = parsed.map_err(|e| {
            errors::query_error(
                py,
                format!("not a meetkit partition ({e}): pass a string from Client.plan"),
            )
        })?;
        let stream = {
            let _entered = runtime(py)?.enter();
            self.client
                .run_partitions(&partitions)
                .map_err(|e| errors::to_py(py, &e))?
        };
        let raw = partitions.iter().any(|p| p.include_raw);
        listing::collect_blocking(py, stream, raw, None)
    }

    fn __repr__(&self) -> String {
        format!("meetkit.Client(configured={:?})", self.configured())
    }
}
