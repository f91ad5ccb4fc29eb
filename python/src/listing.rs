//! Results: a whole listing ([`PyMeetingList`]) and a listing in batches ([`PyMeetingBatches`]).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use arrow_array::RecordBatch;
use futures::StreamExt;
use meetkit::{Client, Meeting, MeetingStream, ProviderError, Query};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyDict, PyList};
use tokio::sync::mpsc;

use crate::notices::RetryNotices;
use crate::runtime::{TICK, runtime, wait};
use crate::{arrow, dicts, errors};

/// Counters a waiting Python thread reads to report progress.
#[derive(Default)]
pub struct Counters {
    meetings: AtomicUsize,
    errors: AtomicUsize,
}

impl Counters {
    /// `(meetings, errors)` so far.
    pub fn read(&self) -> (usize, usize) {
        (
            self.meetings.load(Ordering::Relaxed),
            self.errors.load(Ordering::Relaxed),
        )
    }
}

/// What one listing (or one batch of it) produced.
pub struct Collected {
    meetings: Vec<Meeting>,
    errors: Vec<ProviderError>,
    warnings: Vec<String>,
}

/// Orders meetings by start, then provider and id: the order every result has.
fn sort(meetings: &mut [Meeting]) {
    meetings.sort_by(|a, b| (a.start, a.provider, &a.id).cmp(&(b.start, b.provider, &b.id)));
}

/// Drains `stream`; meetings are sorted by start, then provider and id.
pub async fn collect(mut stream: MeetingStream, counters: Arc<Counters>) -> Collected {
    let mut meetings = Vec::new();
    let mut errors = Vec::new();
    while let Some(item) = stream.next().await {
        match item {
            Ok(meeting) => {
                meetings.push(meeting);
                counters.meetings.fetch_add(1, Ordering::Relaxed);
            }
            Err(error) => {
                errors.push(error);
                counters.errors.fetch_add(1, Ordering::Relaxed);
            }
        }
    }
    sort(&mut meetings);
    Collected {
        meetings,
        errors,
        warnings: stream.warnings_and_drift(),
    }
}

/// Starts a listing: planned (which may list a Zoom account's users) and opened here, with
/// the GIL released, so configuration and query errors raise at once.
pub fn open(py: Python<'_>, client: &Client, query: &Query) -> PyResult<MeetingStream> {
    let (client, query) = (client.clone(), query.clone());
    crate::runtime::block_on(py, async move { client.list(&query).await })?
        .map_err(|e| errors::to_py(py, &e))
}

/// Lists everything, waiting with the GIL released; `progress(meetings, errors)` is called
/// every tick and once at the end.
pub fn list_blocking(
    py: Python<'_>,
    client: &Client,
    query: &Query,
    progress: Option<Bound<'_, PyAny>>,
) -> PyResult<PyMeetingList> {
    let stream = open(py, client, query)?;
    collect_blocking(py, stream, query.include_raw, progress)
}

/// Drains an open `stream`, waiting with the GIL released; `progress` as in [`list_blocking`].
pub fn collect_blocking(
    py: Python<'_>,
    stream: MeetingStream,
    raw: bool,
    progress: Option<Bound<'_, PyAny>>,
) -> PyResult<PyMeetingList> {
    let counters = Arc::new(Counters::default());
    let mut notices = RetryNotices::new(stream.progress());
    let mut report = |py: Python<'_>| -> PyResult<()> {
        notices.say(py)?;
        if let Some(callback) = &progress {
            callback.call1(counters.read())?;
        }
        Ok(())
    };
    let collected = wait(py, collect(stream, counters.clone()), &mut report)?;
    report(py)?;
    Ok(PyMeetingList::new(collected, raw))
}

/// Meetings, with the per-provider failures and warnings of the listing that produced them.
#[pyclass(frozen, name = "MeetingList", module = "meetkit._meetkit")]
pub struct PyMeetingList {
    meetings: Arc<Vec<Meeting>>,
    errors: Vec<ProviderError>,
    warnings: Vec<String>,
    raw: bool,
    batch: OnceLock<RecordBatch>,
}

impl PyMeetingList {
    /// Wraps what a listing produced.
    pub fn new(collected: Collected, raw: bool) -> Self {
        Self {
            meetings: Arc::new(collected.meetings),
            errors: collected.errors,
            warnings: collected.warnings,
            raw,
            batch: OnceLock::new(),
        }
    }

    fn record_batch(&self, py: Python<'_>) -> PyResult<RecordBatch> {
        if let Some(batch) = self.batch.get() {
            return Ok(batch.clone());
        }
        let meetings = self.meetings.clone();
        let raw = self.raw;
        let built = py
            .detach(move || arrow::record_batch(&meetings, raw))
            .map_err(|e| PyValueError::new_err(format!("could not build the Arrow table: {e}")))?;
        Ok(self.batch.get_or_init(|| built).clone())
    }
}

#[pymethods]
impl PyMeetingList {
    /// A list with no meetings: its Arrow stream carries just the table's schema.
    #[staticmethod]
    #[pyo3(signature = (raw = false))]
    fn empty(raw: bool) -> Self {
        let collected = Collected {
            meetings: Vec::new(),
            errors: Vec::new(),
            warnings: Vec::new(),
        };
        Self::new(collected, raw)
    }

    fn __len__(&self) -> usize {
        self.meetings.len()
    }

    /// Meetings `[start, stop)` as dicts (all of them by default).
    #[pyo3(signature = (start = 0, stop = None))]
    fn to_dicts<'py>(
        &self,
        py: Python<'py>,
        start: usize,
        stop: Option<usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        let stop = stop.unwrap_or(self.meetings.len()).min(self.meetings.len());
        let list = PyList::empty(py);
        for m in self.meetings.get(start.min(stop)..stop).unwrap_or_default() {
            list.append(dicts::meeting(py, m, self.raw)?)?;
        }
        Ok(list)
    }

    /// The Arrow PyCapsule stream interface: one record batch with every meeting.
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        // The schema is fixed; a consumer asking for another one casts on its side.
        let _ = requested_schema;
        arrow::stream_capsule(py, self.record_batch(py)?)
    }

    /// Per-provider failures, as dicts for `meetkit.errors.from_info`.
    fn error_infos<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyDict>>> {
        self.errors
            .iter()
            .map(|e| errors::provider_info(py, e))
            .collect()
    }

    /// What the listing skipped or could not do exactly.
    #[getter]
    fn warnings(&self) -> Vec<String> {
        self.warnings.clone()
    }

    /// Whether the table has the `raw` column.
    #[getter]
    fn raw(&self) -> bool {
        self.raw
    }
}

/// A listing delivered `batch_size` meetings at a time; at most three batches are alive at once
/// (one filling, one waiting in the channel, the one Python holds).
#[pyclass(name = "MeetingBatches", module = "meetkit._meetkit")]
pub struct PyMeetingBatches {
    receiver: mpsc::Receiver<Collected>,
    raw: bool,
    done: bool,
    errors: Vec<ProviderError>,
    warnings: Vec<String>,
    notices: RetryNotices,
}

impl PyMeetingBatches {
    /// Starts filling batches from `stream` in the background.
    pub fn start(stream: MeetingStream, batch_size: usize, raw: bool) -> Self {
        let (sender, receiver) = mpsc::channel(1);
        let notices = RetryNotices::new(stream.progress());
        runtime().spawn(fill(stream, batch_size.max(1), sender));
        Self {
            receiver,
            raw,
            done: false,
            errors: Vec::new(),
            warnings: Vec::new(),
            notices,
        }
    }
}

/// Sends full batches (and the last, partial one); stops when the receiver is dropped.
async fn fill(mut stream: MeetingStream, batch_size: usize, sender: mpsc::Sender<Collected>) {
    let mut meetings = Vec::with_capacity(batch_size);
    let mut errors = Vec::new();
    loop {
        let item = stream.next().await;
        let finished = item.is_none();
        match item {
            Some(Ok(meeting)) => meetings.push(meeting),
            Some(Err(error)) => errors.push(error),
            None => {}
        }
        if finished || meetings.len() >= batch_size {
            sort(&mut meetings);
            let chunk = Collected {
                meetings: std::mem::replace(&mut meetings, Vec::with_capacity(batch_size)),
                errors: std::mem::take(&mut errors),
                warnings: stream.warnings_and_drift(),
            };
            if sender.send(chunk).await.is_err() || finished {
                return;
            }
        }
    }
}

#[pymethods]
impl PyMeetingBatches {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<PyMeetingList>> {
        while !self.done {
            let receiver = &mut self.receiver;
            let received = py.detach(|| {
                runtime().block_on(async { tokio::time::timeout(TICK, receiver.recv()).await })
            });
            self.notices.say(py)?;
            match received {
                Err(_elapsed) => py.check_signals()?,
                Ok(None) => self.done = true,
                Ok(Some(mut chunk)) => {
                    self.errors.extend(chunk.errors.iter().cloned());
                    self.warnings = std::mem::take(&mut chunk.warnings);
                    chunk.warnings = self.warnings.clone();
                    if !chunk.meetings.is_empty() {
                        return Ok(Some(PyMeetingList::new(chunk, self.raw)));
                    }
                }
            }
        }
        Ok(None)
    }

    /// Every per-provider failure seen so far, as dicts for `meetkit.errors.from_info`.
    fn error_infos<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyDict>>> {
        self.errors
            .iter()
            .map(|e| errors::provider_info(py, e))
            .collect()
    }

    /// The listing's warnings so far.
    #[getter]
    fn warnings(&self) -> Vec<String> {
        self.warnings.clone()
    }

    /// Whether the listing has finished.
    #[getter]
    fn done(&self) -> bool {
        self.done
    }
}
