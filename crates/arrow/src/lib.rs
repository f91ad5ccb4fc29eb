//! The Arrow table of meetings, defined once: its schema and the record batch built from a
//! slice of meetings. The Python package exports it through the Arrow PyCapsule interface and
//! the CLI writes it as Parquet, so both carry the same columns and types.
//!
//! The schema is flat where pandas users expect columns (`host_*`, `recording_*`) and nested
//! where the data is a list (`participants`: list of structs). Timestamps are microseconds,
//! UTC; provider-only fields travel as JSON text in `extension` (and `raw`).

use std::sync::Arc;

use arrow_array::{
    ArrayRef, Int64Array, ListArray, RecordBatch, StringArray, StructArray,
    TimestampMicrosecondArray,
};
use arrow_buffer::OffsetBuffer;
use arrow_schema::{ArrowError, DataType, Field, Fields, Schema, SchemaRef, TimeUnit};
use chrono::{DateTime, Utc};
use meetkit::{Meeting, Participant, Person, Recording};

/// `timestamp[us, tz=UTC]`.
fn timestamp() -> DataType {
    DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into()))
}

fn participant_fields() -> Fields {
    Fields::from(vec![
        Field::new("id", DataType::Utf8, true),
        Field::new("name", DataType::Utf8, true),
        Field::new("email", DataType::Utf8, true),
        Field::new("join_time", timestamp(), true),
        Field::new("duration_seconds", DataType::Int64, true),
        Field::new("status", DataType::Utf8, true),
    ])
}

/// The table's schema; `raw` adds the `raw` column.
pub fn schema(raw: bool) -> SchemaRef {
    let text = |name: &str, nullable: bool| Field::new(name, DataType::Utf8, nullable);
    let int = |name: &str| Field::new(name, DataType::Int64, true);
    let mut fields = vec![
        text("provider", false),
        text("account", false),
        text("id", false),
        text("title", true),
        Field::new("start", timestamp(), false),
        Field::new("end", timestamp(), true),
        int("duration_seconds"),
        text("status", false),
        text("status_raw", true),
        text("host_id", true),
        text("host_name", true),
        text("host_email", true),
        int("participant_count"),
        Field::new(
            "participants",
            DataType::List(Arc::new(Field::new_list_field(
                DataType::Struct(participant_fields()),
                false,
            ))),
            false,
        ),
        text("recording_id", true),
        text("recording_status", true),
        text("recording_url", true),
        int("recording_duration_seconds"),
        int("recording_size_bytes"),
        text("recording_codec", true),
        text("recording_type", true),
        text("meeting_url", true),
        text("room", true),
        text("extension", false),
    ];
    if raw {
        fields.push(text("raw", true));
    }
    Arc::new(Schema::new(fields))
}

fn strings<'a, T: 'a>(items: &'a [T], f: impl Fn(&'a T) -> Option<&'a str>) -> ArrayRef {
    Arc::new(items.iter().map(f).collect::<StringArray>())
}

fn ints<T>(items: &[T], f: impl Fn(&T) -> Option<i64>) -> ArrayRef {
    Arc::new(items.iter().map(f).collect::<Int64Array>())
}

fn times<T>(items: &[T], f: impl Fn(&T) -> Option<DateTime<Utc>>) -> ArrayRef {
    let micros: TimestampMicrosecondArray = items
        .iter()
        .map(|i| f(i).map(|t| t.timestamp_micros()))
        .collect();
    Arc::new(micros.with_timezone("UTC"))
}

fn host<'a>(m: &'a Meeting, f: impl Fn(&'a Person) -> Option<&'a str>) -> Option<&'a str> {
    m.host.as_ref().and_then(f)
}

fn recording<'a>(m: &'a Meeting, f: impl Fn(&'a Recording) -> Option<&'a str>) -> Option<&'a str> {
    m.recording.as_ref().and_then(f)
}

fn json_text(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".to_owned())
}

fn participants(meetings: &[Meeting]) -> Result<ArrayRef, ArrowError> {
    let all: Vec<&Participant> = meetings.iter().flat_map(|m| &m.participants).collect();
    let columns: Vec<ArrayRef> = vec![
        strings(&all, |p| p.id.as_deref()),
        strings(&all, |p| p.name.as_deref()),
        strings(&all, |p| p.email.as_deref()),
        times(&all, |p| p.join_time),
        ints(&all, |p| p.duration_seconds),
        strings(&all, |p| p.status.as_deref()),
    ];
    let fields = participant_fields();
    let items = StructArray::try_new(fields.clone(), columns, None)?;
    let offsets = OffsetBuffer::from_lengths(meetings.iter().map(|m| m.participants.len()));
    let list = ListArray::try_new(
        Arc::new(Field::new_list_field(DataType::Struct(fields), false)),
        offsets,
        Arc::new(items),
        None,
    )?;
    Ok(Arc::new(list))
}

/// The meetings as one record batch with [`schema`]`(raw)`.
pub fn record_batch(meetings: &[Meeting], raw: bool) -> Result<RecordBatch, ArrowError> {
    let mut columns: Vec<ArrayRef> = vec![
        strings(meetings, |m| Some(m.provider.as_str())),
        strings(meetings, |m| Some(m.account.as_str())),
        strings(meetings, |m| Some(m.id.as_str())),
        strings(meetings, |m| m.title.as_deref()),
        times(meetings, |m| Some(m.start)),
        times(meetings, |m| m.end),
        ints(meetings, |m| m.duration_seconds),
        strings(meetings, |m| Some(m.status.as_str())),
        strings(meetings, |m| m.status_raw.as_deref()),
        strings(meetings, |m| host(m, |h| h.id.as_deref())),
        strings(meetings, |m| host(m, |h| h.name.as_deref())),
        strings(meetings, |m| host(m, |h| h.email.as_deref())),
        ints(meetings, |m| m.participant_count),
        participants(meetings)?,
        strings(meetings, |m| recording(m, |r| r.id.as_deref())),
        strings(meetings, |m| recording(m, |r| r.status.as_deref())),
        strings(meetings, |m| recording(m, |r| r.url.as_deref())),
        ints(meetings, |m| {
            m.recording.as_ref().and_then(|r| r.duration_seconds)
        }),
        ints(meetings, |m| {
            m.recording.as_ref().and_then(|r| r.size_bytes)
        }),
        strings(meetings, |m| recording(m, |r| r.codec.as_deref())),
        strings(meetings, |m| recording(m, |r| r.kind.as_deref())),
        strings(meetings, |m| m.meeting_url.as_deref()),
        strings(meetings, |m| m.room.as_deref()),
    ];
    let extensions: Vec<String> = meetings.iter().map(|m| json_text(&m.extension)).collect();
    columns.push(Arc::new(StringArray::from_iter_values(extensions)));
    if raw {
        let raws: Vec<Option<String>> = meetings
            .iter()
            .map(|m| m.raw.as_ref().map(json_text))
            .collect();
        columns.push(Arc::new(StringArray::from(raws)));
    }
    RecordBatch::try_new(schema(raw), columns)
}
