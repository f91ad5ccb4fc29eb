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
/// `--max-attempts`, and the config file's `rate_limits`); `None` keeps the core's default.
#[derive(Clone, Debug, Default)]
pub struct Options {
    allow_insecure: bool,
    concurrency: Option<usize>,
    max_attempts: Option<u32>,
    rate_limits: Option<HashMap<String, Option<f64>>>,
}

/// Applies `rate_limits` (requests a second per provider name; `None` or 0 is no limit).
fn apply_rate_limits(
    config: &mut Config,
    rate_limits: Option<HashMap<String, Option<f64>>>,
) -> PyResult<()> {
    for (name, rate) in rate_limits.into_iter().flatten() {
        let provider: meetkit::Provider = name.parse().map_err(|_| {
            PyValueError::new_err(format!(
                "rate_limits: {name:?} is not a provider; use zoom, daily, telnyx, attendee or attention"
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
    let mut config = config.map_err(|e| errors::to_py(py, &meetkit::Error::Config(e)))?;
    config.runtime.allow_insecure = options.allow_insecure;
    if let Some(concurrency) = options.concurrency {
        config.runtime.concurrency = concurrency;
    }
    if let Some(max_attempts) = options.max_attempts {
        config.runtime.retry.max_attempts = max_attempts;
    }
    apply_rate_limits(&mut config, options.rate_limits)?;
    let _entered = runtime().enter();
    let client = Client::new(config).map_err(|e| errors::to_py(py, &meetkit::Error::Config(e)))?;
    Ok(PyClient { client })
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
    #[pyo3(signature = (*, allow_insecure = false, concurrency = None, max_attempts = None, rate_limits = None))]
    fn from_env(
        py: Python<'_>,
        allow_insecure: bool,
        concurrency: Option<usize>,
        max_attempts: Option<u32>,
        rate_limits: Option<HashMap<String, Option<f64>>>,
    ) -> PyResult<Self> {
        let options = Options {
            allow_insecure,
            concurrency,
            max_attempts,
            rate_limits,
        };
        build(py, Config::from_env(), options)
    }

    /// Credentials and base URLs from a mapping of environment-variable names to values.
    #[staticmethod]
    #[pyo3(signature = (vars, *, allow_insecure = false, concurrency = None, max_attempts = None, rate_limits = None))]
    fn from_mapping(
        py: Python<'_>,
        vars: HashMap<String, String>,
        allow_insecure: bool,
        concurrency: Option<usize>,
        max_attempts: Option<u32>,
        rate_limits: Option<HashMap<String, Option<f64>>>,
    ) -> PyResult<Self> {
        let options = Options {
            allow_insecure,
            concurrency,
            max_attempts,
            rate_limits,
        };
        Self::from_vars(py, vars, options)
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
        Ok(PyMeetingBatches::start(stream, batch_size, spec.raw()))
    }

    /// The same listing as an awaitable (asyncio).
    fn alist<'py>(&self, py: Python<'py>, spec: QuerySpec) -> PyResult<Bound<'py, PyAny>> {
        let query = spec.to_query(py)?;
        let stream = listing::open(py, &self.client, &query)?;
        let raw = spec.raw();
        pyo3_async_runtimes::tokio::future_into_py(py, async move {
            let collected = listing::collect(stream, Arc::new(Counters::default())).await;
            Ok(PyMeetingList::new(collected, raw))
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
        let plan = self
            .client
            .plan(&query)
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

    /// Lists one partition (JSON from [`PyClient::plan`]) with this client's credentials.
    fn run(&self, py: Python<'_>, partition: &str) -> PyResult<PyMeetingList> {
        let partition: Partition = serde_json::from_str(partition).map_err(|e| {
            errors::query_error(
                py,
                format!("not a meetkit partition ({e}): pass a string from Client.plan"),
            )
        })?;
        let stream = {
            let _entered = runtime().enter();
            self.client
                .run(&partition)
                .map_err(|e| errors::to_py(py, &e))?
        };
        listing::collect_blocking(py, stream, partition.include_raw, None)
    }

    fn __repr__(&self) -> String {
        format!("meetkit.Client(configured={:?})", self.configured())
    }
}
