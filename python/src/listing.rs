//! Results: a whole listing ([`PyMeetingList`]) and a listing in batches ([`PyMeetingBatches`]).

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use arrow_array::RecordBatch;
use futures::StreamExt;
use meetkit::{Client, MeetingStream, ProviderError, Query};
use meetkit_arrow::TableBuilder;
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

/// What one listing (or one batch of it) produced: its meetings as the Arrow table, sorted by
/// start, then provider and id (the order every result has).
pub struct Collected {
    table: Result<RecordBatch, String>,
    errors: Vec<ProviderError>,
    warnings: Vec<String>,
}

/// The table `builder` holds, sorted; the error as text when Arrow refuses it.
fn finish(builder: TableBuilder) -> Result<RecordBatch, String> {
    builder
        .finish()
        .and_then(|batch| meetkit_arrow::sorted(&batch))
        .map_err(|e| e.to_string())
}

/// Drains `stream`, appending each meeting to the Arrow table as it arrives (the table is
/// the only copy kept: one pass, no `Meeting` held).
pub async fn collect(mut stream: MeetingStream, raw: bool, counters: Arc<Counters>) -> Collected {
    let mut table = TableBuilder::new(raw);
    let mut errors = Vec::new();
    while let Some(item) = stream.next().await {
        match item {
            Ok(meeting) => {
                table.push(&meeting);
                counters.meetings.fetch_add(1, Ordering::Relaxed);
            }
            Err(error) => {
                errors.push(error);
                counters.errors.fetch_add(1, Ordering::Relaxed);
            }
        }
    }
    Collected {
        table: finish(table),
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
    let collected = wait(py, collect(stream, raw, counters.clone()), &mut report)?;
    report(py)?;
    PyMeetingList::new(collected, raw)
}

/// Meetings (held as their Arrow table), with the per-provider failures and warnings of the
/// listing that produced them.
#[pyclass(frozen, name = "MeetingList", module = "meetkit._meetkit")]
pub struct PyMeetingList {
    batch: RecordBatch,
    errors: Vec<ProviderError>,
    warnings: Vec<String>,
    raw: bool,
}

impl PyMeetingList {
    /// Wraps what a listing produced; an error if its Arrow table could not be built.
    pub fn new(collected: Collected, raw: bool) -> PyResult<Self> {
        let batch = collected
            .table
            .map_err(|e| PyValueError::new_err(format!("could not build the Arrow table: {e}")))?;
        Ok(Self {
            batch,
            errors: collected.errors,
            warnings: collected.warnings,
            raw,
        })
    }
}

#[pymethods]
impl PyMeetingList {
    /// A list with no meetings: its Arrow stream carries just the table's schema.
    #[staticmethod]
    #[pyo3(signature = (raw = false))]
    fn empty(raw: bool) -> PyResult<Self> {
        let collected = Collected {
            table: finish(TableBuilder::new(raw)),
            errors: Vec::new(),
            warnings: Vec::new(),
        };
        Self::new(collected, raw)
    }

    fn __len__(&self) -> usize {
        self.batch.num_rows()
    }

    /// Meetings `[start, stop)` as dicts (all of them by default).
    #[pyo3(signature = (start = 0, stop = None))]
    fn to_dicts<'py>(
        &self,
        py: Python<'py>,
        start: usize,
        stop: Option<usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        let rows = self.batch.num_rows();
        let stop = stop.unwrap_or(rows).min(rows);
        let meetings = meetkit_arrow::meetings(&self.batch, start.min(stop)..stop)
            .map_err(|e| PyValueError::new_err(format!("could not read the meetings back: {e}")))?;
        let list = PyList::empty(py);
        for m in &meetings {
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
        arrow::stream_capsule(py, self.batch.clone())
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
    pub fn start(
        py: Python<'_>,
        stream: MeetingStream,
        batch_size: usize,
        raw: bool,
    ) -> PyResult<Self> {
        let (sender, receiver) = mpsc::channel(1);
        let notices = RetryNotices::new(stream.progress());
        runtime(py)?.spawn(fill(stream, batch_size.max(1), raw, sender));
        Ok(Self {
            receiver,
            raw,
            done: false,
            errors: Vec::new(),
            warnings: Vec::new(),
            notices,
        })
    }
}

/// Sends full batches (and the last, partial one), each an Arrow table built as its meetings
/// arrive; stops when the receiver is dropped.
async fn fill(
    mut stream: MeetingStream,
    batch_size: usize,
    raw: bool,
    sender: mpsc::Sender<Collected>,
) {
    let mut table = TableBuilder::new(raw);
    let mut errors = Vec::new();
    loop {
        let item = stream.next().await;
        let finished = item.is_none();
        match item {
            Some(Ok(meeting)) => table.push(&meeting),
            Some(Err(error)) => errors.push(error),
            None => {}
        }
        if finished || table.len() >= batch_size {
            let chunk = Collected {
                table: finish(std::mem::replace(&mut table, TableBuilder::new(raw))),
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
        let rt = runtime(py)?;
        while !self.done {
            let receiver = &mut self.receiver;
            let received = py.detach(|| {
                rt.block_on(async { tokio::time::timeout(TICK, receiver.recv()).await })
            });
            self.notices.say(py)?;
            match received {
                Err(_elapsed) => py.check_signals()?,
                Ok(None) => self.done = true,
                Ok(Some(mut chunk)) => {
                    self.errors.extend(chunk.errors.iter().cloned());
                    self.warnings = std::mem::take(&mut chunk.warnings);
                    chunk.warnings = self.warnings.clone();
                    let empty = chunk.table.as_ref().is_ok_and(|t| t.num_rows() == 0);
                    if !empty {
                        return PyMeetingList::new(chunk, self.raw).map(Some);
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
