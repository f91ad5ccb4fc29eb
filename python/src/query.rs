//! The query the Python layer hands over, checked and turned into a [`meetkit::Query`].
//!
//! `meetkit/_client.py` has already turned dates, durations and single values into plain
//! types; what is left to check here is what only the core knows (provider and status names).

use chrono::{DateTime, Utc};
use meetkit::{Filters, MeetingStatus, Provider, Query, Window};
use pyo3::prelude::*;

use crate::errors;

/// Every argument of `list_meetings`/`iter_meetings`/`alist_meetings`, as a dict.
#[derive(FromPyObject, Debug)]
#[pyo3(from_item_all)]
pub struct QuerySpec {
    providers: Vec<String>,
    start_us: i64,
    end_us: i64,
    host: Vec<String>,
    room: Option<String>,
    status: Vec<String>,
    state: Vec<String>,
    meeting_url: Option<String>,
    meeting_type: Option<String>,
    min_duration: Option<i64>,
    max_duration: Option<i64>,
    ongoing: Option<bool>,
    upcoming: Option<bool>,
    deduplication_key: Option<String>,
    recording_type: Option<String>,
    session_id: Option<String>,
    participant_id: Option<String>,
    limit: Option<usize>,
    raw: bool,
    lenient: bool,
}

fn instant(py: Python<'_>, micros: i64) -> PyResult<DateTime<Utc>> {
    DateTime::from_timestamp_micros(micros).ok_or_else(|| {
        errors::query_error(
            py,
            format!("{micros} microseconds since 1970 is out of range"),
        )
    })
}

fn parse_status(py: Python<'_>, s: &str) -> PyResult<MeetingStatus> {
    serde_json::from_value(serde_json::Value::String(s.trim().to_ascii_lowercase())).map_err(|_| {
        errors::query_error(
            py,
            format!("unknown status {s:?}: expected one of scheduled, in_progress, processing, ended, cancelled, failed, unknown (provider-native values go in state=)"),
        )
    })
}

/// Parses provider names; `"all"` (or nothing) means every configured provider.
pub fn parse_providers(py: Python<'_>, names: &[String]) -> PyResult<Vec<Provider>> {
    let mut out = Vec::new();
    for name in names {
        if name.trim().eq_ignore_ascii_case("all") {
            return Ok(Vec::new());
        }
        let provider: Provider = name
            .parse()
            .map_err(|e: meetkit::UnknownProvider| errors::query_error(py, e.to_string()))?;
        if !out.contains(&provider) {
            out.push(provider);
        }
    }
    Ok(out)
}

impl QuerySpec {
    /// Whether `raw` was asked for (it adds a column).
    pub fn raw(&self) -> bool {
        self.raw
    }

    /// The core's query.
    pub fn to_query(&self, py: Python<'_>) -> PyResult<Query> {
        let window = Window::new(instant(py, self.start_us)?, instant(py, self.end_us)?)
            .map_err(|e| errors::to_py(py, &meetkit::Error::Query(e)))?;
        let filters = Filters {
            host: self.host.clone(),
            room: self.room.clone(),
            status: self
                .status
                .iter()
                .map(|s| parse_status(py, s))
                .collect::<PyResult<_>>()?,
            provider_status: self.state.clone(),
            meeting_url: self.meeting_url.clone(),
            meeting_type: self.meeting_type.clone(),
            min_duration_seconds: self.min_duration,
            max_duration_seconds: self.max_duration,
            ongoing: self.ongoing,
            upcoming: self.upcoming,
            deduplication_key: self.deduplication_key.clone(),
            recording_type: self.recording_type.clone(),
            session_id: self.session_id.clone(),
            participant_id: self.participant_id.clone(),
        };
        Ok(Query::new(window)
            .providers(parse_providers(py, &self.providers)?)
            .filters(filters)
            .limit(self.limit)
            .include_raw(self.raw)
            .lenient(self.lenient))
    }
}
