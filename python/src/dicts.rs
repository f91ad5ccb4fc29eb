//! Meetings as plain Python dicts, shaped like meetkit's JSON output: nested `host`,
//! `participants` and `recording`, `extension` tagged by provider. No pandas or pyarrow needed.

use meetkit::{Meeting, Participant, Person, Recording};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

/// A JSON value as the Python value `json.loads` would give.
pub fn json_to_py<'py>(py: Python<'py>, value: &serde_json::Value) -> PyResult<Bound<'py, PyAny>> {
    use serde_json::Value;
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => i.into_pyobject(py)?.into_any(),
            (None, Some(u)) => u.into_pyobject(py)?.into_any(),
            (None, None) => n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any(),
        },
        Value::String(s) => s.into_pyobject(py)?.into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(json_to_py(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, json_to_py(py, v)?)?;
            }
            dict.into_any()
        }
    })
}

fn person<'py>(py: Python<'py>, p: &Person) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("id", p.id.as_deref())?;
    d.set_item("name", p.name.as_deref())?;
    d.set_item("email", p.email.as_deref())?;
    Ok(d)
}

fn participant<'py>(py: Python<'py>, p: &Participant) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("id", p.id.as_deref())?;
    d.set_item("name", p.name.as_deref())?;
    d.set_item("email", p.email.as_deref())?;
    d.set_item("join_time", p.join_time)?;
    d.set_item("duration_seconds", p.duration_seconds)?;
    d.set_item("status", p.status.as_deref())?;
    Ok(d)
}

fn recording<'py>(py: Python<'py>, r: &Recording) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("id", r.id.as_deref())?;
    d.set_item("status", r.status.as_deref())?;
    d.set_item("url", r.url.as_deref())?;
    d.set_item("duration_seconds", r.duration_seconds)?;
    d.set_item("size_bytes", r.size_bytes)?;
    d.set_item("codec", r.codec.as_deref())?;
    d.set_item("type", r.kind.as_deref())?;
    Ok(d)
}

/// One meeting as a dict; `raw` adds the `raw` key.
pub fn meeting<'py>(py: Python<'py>, m: &Meeting, raw: bool) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("provider", m.provider.as_str())?;
    d.set_item("account", m.account.as_str())?;
    d.set_item("id", &m.id)?;
    d.set_item("title", m.title.as_deref())?;
    d.set_item("start", m.start)?;
    d.set_item("end", m.end)?;
    d.set_item("duration_seconds", m.duration_seconds)?;
    d.set_item("status", m.status.as_str())?;
    d.set_item("status_raw", m.status_raw.as_deref())?;
    d.set_item("host", m.host.as_ref().map(|h| person(py, h)).transpose()?)?;
    let people = PyList::empty(py);
    for p in &m.participants {
        people.append(participant(py, p)?)?;
    }
    d.set_item("participants", people)?;
    d.set_item("participant_count", m.participant_count)?;
    d.set_item(
        "recording",
        m.recording.as_ref().map(|r| recording(py, r)).transpose()?,
    )?;
    d.set_item("meeting_url", m.meeting_url.as_deref())?;
    d.set_item("room", m.room.as_deref())?;
    let extension = serde_json::to_value(&m.extension).unwrap_or(serde_json::Value::Null);
    d.set_item("extension", json_to_py(py, &extension)?)?;
    if raw {
        let value = m.raw.as_ref().map(|v| json_to_py(py, v)).transpose()?;
        d.set_item("raw", value)?;
    }
    Ok(d)
}
