//! The Arrow table of meetings, defined once: its schema, the record batch built from meetings
//! one at a time ([`TableBuilder`]: a listing appends each meeting as it arrives and keeps no
//! `Meeting`), its order ([`sorted`]) and the meetings read back from it ([`meetings`]). The
//! Python package exports it through the Arrow PyCapsule interface and the CLI writes it as
//! Parquet, so both carry the same columns and types.
//!
//! The schema is flat where pandas users expect columns (`host_*`, `recording_*`) and nested
//! where the data is a list (`participants`: list of structs). Timestamps are microseconds,
//! UTC; provider-only fields travel as JSON text in `extension` (and `raw`).

use std::sync::Arc;

use arrow_array::builder::{Int64Builder, StringBuilder, TimestampMicrosecondBuilder};
use arrow_array::cast::AsArray;
use arrow_array::types::{Int64Type, TimestampMicrosecondType};
use arrow_array::{Array, ArrayRef, ListArray, RecordBatch, StringArray, StructArray, UInt32Array};
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

/// The participants' columns, appended to as meetings come.
#[derive(Default)]
struct ParticipantColumns {
    id: StringBuilder,
    name: StringBuilder,
    email: StringBuilder,
    join_time: TimestampMicrosecondBuilder,
    duration_seconds: Int64Builder,
    status: StringBuilder,
    /// Participants per meeting.
    lengths: Vec<usize>,
}

impl ParticipantColumns {
    fn push(&mut self, participants: &[Participant]) {
        for p in participants {
            self.id.append_option(p.id.as_deref());
            self.name.append_option(p.name.as_deref());
            self.email.append_option(p.email.as_deref());
            self.join_time
                .append_option(p.join_time.map(|t| t.timestamp_micros()));
            self.duration_seconds.append_option(p.duration_seconds);
            self.status.append_option(p.status.as_deref());
        }
        self.lengths.push(participants.len());
    }

    fn finish(mut self) -> Result<ArrayRef, ArrowError> {
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.id.finish()),
            Arc::new(self.name.finish()),
            Arc::new(self.email.finish()),
            Arc::new(self.join_time.finish().with_timezone("UTC")),
            Arc::new(self.duration_seconds.finish()),
            Arc::new(self.status.finish()),
        ];
        let fields = participant_fields();
        let items = StructArray::try_new(fields.clone(), columns, None)?;
        let list = ListArray::try_new(
            Arc::new(Field::new_list_field(DataType::Struct(fields), false)),
            OffsetBuffer::from_lengths(self.lengths),
            Arc::new(items),
            None,
        )?;
        Ok(Arc::new(list))
    }
}

/// The table built one meeting at a time, in the order they are pushed: a listing appends
/// each meeting as it arrives and drops it, so the table is the only copy it holds.
pub struct TableBuilder {
    raw: bool,
    /// The text columns in schema order, then `extension` (16) and `raw` (17).
    text: [StringBuilder; 18],
    /// `duration_seconds`, `participant_count`, `recording_duration_seconds`,
    /// `recording_size_bytes`.
    ints: [Int64Builder; 4],
    start: TimestampMicrosecondBuilder,
    end: TimestampMicrosecondBuilder,
    participants: ParticipantColumns,
    /// Reused for each meeting's `extension` (and `raw`) JSON text.
    json: Vec<u8>,
}

impl TableBuilder {
    /// An empty table with [`schema`]`(raw)`.
    pub fn new(raw: bool) -> Self {
        Self {
            raw,
            text: Default::default(),
            ints: Default::default(),
            start: TimestampMicrosecondBuilder::new(),
            end: TimestampMicrosecondBuilder::new(),
            participants: ParticipantColumns::default(),
            json: Vec::new(),
        }
    }

    /// Meetings pushed so far.
    pub fn len(&self) -> usize {
        self.participants.lengths.len()
    }

    /// Whether no meeting was pushed.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Appends `m` as the table's next row.
    pub fn push(&mut self, m: &Meeting) {
        let host = m.host.as_ref();
        let rec = m.recording.as_ref();
        let texts: [Option<&str>; 16] = [
            Some(m.provider.as_str()),
            Some(m.account.as_str()),
            Some(m.id.as_str()),
            m.title.as_deref(),
            Some(m.status.as_str()),
            m.status_raw.as_deref(),
            host.and_then(|h| h.id.as_deref()),
            host.and_then(|h| h.name.as_deref()),
            host.and_then(|h| h.email.as_deref()),
            rec.and_then(|r| r.id.as_deref()),
            rec.and_then(|r| r.status.as_deref()),
            rec.and_then(|r| r.url.as_deref()),
            rec.and_then(|r| r.codec.as_deref()),
            rec.and_then(|r| r.kind.as_deref()),
            m.meeting_url.as_deref(),
            m.room.as_deref(),
        ];
        for (builder, value) in self.text.iter_mut().zip(texts) {
            builder.append_option(value);
        }
        let ints = [
            m.duration_seconds,
            m.participant_count,
            rec.and_then(|r| r.duration_seconds),
            rec.and_then(|r| r.size_bytes),
        ];
        for (builder, value) in self.ints.iter_mut().zip(ints) {
            builder.append_option(value);
        }
        self.start.append_value(m.start.timestamp_micros());
        self.end.append_option(m.end.map(|t| t.timestamp_micros()));
        self.participants.push(&m.participants);
        self.text[16].append_value(json_into(&mut self.json, &m.extension));
        if self.raw {
            match &m.raw {
                Some(raw) => self.text[17].append_value(json_into(&mut self.json, raw)),
                None => self.text[17].append_null(),
            }
        }
    }

    /// The table, its rows in the order they were pushed.
    pub fn finish(mut self) -> Result<RecordBatch, ArrowError> {
        let mut text = self
            .text
            .iter_mut()
            .map(|b| Arc::new(b.finish()) as ArrayRef);
        let mut ints = self
            .ints
            .iter_mut()
            .map(|b| Arc::new(b.finish()) as ArrayRef);
        let next = |it: &mut dyn Iterator<Item = ArrayRef>| {
            it.next()
                .ok_or_else(|| ArrowError::SchemaError("a column is missing".to_owned()))
        };
        let provider = next(&mut text)?;
        let account = next(&mut text)?;
        let id = next(&mut text)?;
        let title = next(&mut text)?;
        let status = next(&mut text)?;
        let status_raw = next(&mut text)?;
        let (host_id, host_name, host_email) =
            (next(&mut text)?, next(&mut text)?, next(&mut text)?);
        let (rec_id, rec_status, rec_url) = (next(&mut text)?, next(&mut text)?, next(&mut text)?);
        let (rec_codec, rec_type) = (next(&mut text)?, next(&mut text)?);
        let (meeting_url, room) = (next(&mut text)?, next(&mut text)?);
        let (extension, raw) = (next(&mut text)?, next(&mut text)?);
        let duration = next(&mut ints)?;
        let count = next(&mut ints)?;
        let (rec_duration, rec_size) = (next(&mut ints)?, next(&mut ints)?);
        let mut columns: Vec<ArrayRef> = vec![
            provider,
            account,
            id,
            title,
            Arc::new(self.start.finish().with_timezone("UTC")),
            Arc::new(self.end.finish().with_timezone("UTC")),
            duration,
            status,
            status_raw,
            host_id,
            host_name,
            host_email,
            count,
            self.participants.finish()?,
            rec_id,
            rec_status,
            rec_url,
            rec_duration,
            rec_size,
            rec_codec,
            rec_type,
            meeting_url,
            room,
            extension,
        ];
        if self.raw {
            columns.push(raw);
        }
        RecordBatch::try_new(schema(self.raw), columns)
    }
}

/// `value` as JSON text (serde_json's bytes, by [`meetkit::json`]) in `out`, cleared first;
/// `null` if it cannot be serialized.
fn json_into<'a>(out: &'a mut Vec<u8>, value: &impl serde::Serialize) -> &'a str {
    out.clear();
    if meetkit::json::to_writer(out, value).is_err() {
        out.clear();
        out.extend_from_slice(b"null");
    }
    // UTF-8 by construction (every byte came from a `&str`, an escape or a number); checked
    // all the same, which is a fast ASCII scan, unlike a lossy conversion.
    std::str::from_utf8(out).unwrap_or("null")
}

/// The meetings as one record batch with [`schema`]`(raw)`, in their order.
pub fn record_batch(meetings: &[Meeting], raw: bool) -> Result<RecordBatch, ArrowError> {
    let mut builder = TableBuilder::new(raw);
    for m in meetings {
        builder.push(m);
    }
    builder.finish()
}

fn column<'a>(batch: &'a RecordBatch, name: &str) -> Result<&'a ArrayRef, ArrowError> {
    batch
        .column_by_name(name)
        .ok_or_else(|| ArrowError::SchemaError(format!("the table has no column {name}")))
}

fn text_column<'a>(batch: &'a RecordBatch, name: &str) -> Result<&'a StringArray, ArrowError> {
    column(batch, name)?
        .as_string_opt::<i32>()
        .ok_or_else(|| ArrowError::SchemaError(format!("column {name} is not text")))
}

/// `batch` (a table of [`schema`]) in the order every listing has: by start, then provider
/// and id. One `take` per column; the rows are compared by index, never moved.
pub fn sorted(batch: &RecordBatch) -> Result<RecordBatch, ArrowError> {
    let start = column(batch, "start")?
        .as_primitive_opt::<TimestampMicrosecondType>()
        .ok_or_else(|| ArrowError::SchemaError("column start is not a timestamp".to_owned()))?;
    let (provider, id) = (text_column(batch, "provider")?, text_column(batch, "id")?);
    let rows = u32::try_from(batch.num_rows())
        .map_err(|_| ArrowError::ComputeError("more than 2^32 meetings".to_owned()))?;
    // Each row's start beside its index, so comparing two rows reads one array, in order;
    // provider and id are read only for rows that start at the same microsecond.
    let mut order: Vec<(i64, u32)> = start.values().iter().copied().zip(0..rows).collect();
    let tie = |row: u32| (provider.value(row as usize), id.value(row as usize));
    let cmp = |a: &(i64, u32), b: &(i64, u32)| a.0.cmp(&b.0).then_with(|| tie(a.1).cmp(&tie(b.1)));
    if order.is_sorted_by(|a, b| cmp(a, b).is_le()) {
        return Ok(batch.clone());
    }
    order.sort_unstable_by(cmp);
    let indices = UInt32Array::from_iter_values(order.into_iter().map(|(_, row)| row));
    arrow_select::take::take_record_batch(batch, &indices)
}

fn opt_text(a: &StringArray, i: usize) -> Option<String> {
    a.is_valid(i).then(|| a.value(i).to_owned())
}

fn opt_int(a: &ArrayRef, i: usize) -> Option<i64> {
    let a = a.as_primitive::<Int64Type>();
    a.is_valid(i).then(|| a.value(i))
}

fn opt_time(a: &ArrayRef, i: usize) -> Option<DateTime<Utc>> {
    let a = a.as_primitive::<TimestampMicrosecondType>();
    a.is_valid(i)
        .then(|| DateTime::from_timestamp_micros(a.value(i)))
        .flatten()
}

fn bad(what: &str, row: usize, e: impl std::fmt::Display) -> ArrowError {
    ArrowError::ParseError(format!("row {row}: {what}: {e}"))
}

/// Rows `range` of `batch` (a table of [`schema`], as [`TableBuilder`] builds it) read back as
/// meetings. A host or recording with no field set reads back as none (no adapter makes one);
/// a participant's `user_id` is not in the table.
pub fn meetings(
    batch: &RecordBatch,
    range: std::ops::Range<usize>,
) -> Result<Vec<Meeting>, ArrowError> {
    let t = |name: &str| text_column(batch, name);
    let c = |name: &str| column(batch, name);
    let (provider, account, id, title) = (t("provider")?, t("account")?, t("id")?, t("title")?);
    let (status, status_raw) = (t("status")?, t("status_raw")?);
    let (host_id, host_name, host_email) = (t("host_id")?, t("host_name")?, t("host_email")?);
    let (rec_id, rec_status, rec_url) = (
        t("recording_id")?,
        t("recording_status")?,
        t("recording_url")?,
    );
    let (rec_codec, rec_type) = (t("recording_codec")?, t("recording_type")?);
    let (meeting_url, room, extension) = (t("meeting_url")?, t("room")?, t("extension")?);
    let raw = batch
        .column_by_name("raw")
        .and_then(|a| a.as_string_opt::<i32>());
    let (start, end, duration, count) = (
        c("start")?,
        c("end")?,
        c("duration_seconds")?,
        c("participant_count")?,
    );
    let (rec_duration, rec_size) = (c("recording_duration_seconds")?, c("recording_size_bytes")?);
    let participants = c("participants")?
        .as_list_opt::<i32>()
        .ok_or_else(|| ArrowError::SchemaError("participants is not a list".to_owned()))?;
    let items = participants.values().as_struct();
    let p_text = |n: usize| items.column(n).as_string::<i32>();
    let end_row = range.end.min(batch.num_rows());
    let mut out = Vec::with_capacity(end_row.saturating_sub(range.start));
    for i in range.start.min(end_row)..end_row {
        let provider = provider
            .value(i)
            .parse()
            .map_err(|e| bad("provider", i, e))?;
        let status = serde::Deserialize::deserialize(serde::de::value::StrDeserializer::<
            serde::de::value::Error,
        >::new(status.value(i)))
        .map_err(|e| bad("status", i, e))?;
        let person = Person {
            id: opt_text(host_id, i),
            name: opt_text(host_name, i),
            email: opt_text(host_email, i),
        };
        let recording = Recording {
            id: opt_text(rec_id, i),
            status: opt_text(rec_status, i),
            url: opt_text(rec_url, i),
            duration_seconds: opt_int(rec_duration, i),
            size_bytes: opt_int(rec_size, i),
            codec: opt_text(rec_codec, i),
            kind: opt_text(rec_type, i),
        };
        let offsets = participants.value_offsets();
        let (from, to) = (offsets[i] as usize, offsets[i + 1] as usize);
        let people = (from..to)
            .map(|j| Participant {
                id: opt_text(p_text(0), j),
                // Not a column (nor a key of the Python dicts).
                user_id: None,
                name: opt_text(p_text(1), j),
                email: opt_text(p_text(2), j),
                join_time: opt_time(items.column(3), j),
                duration_seconds: opt_int(items.column(4), j),
                status: opt_text(p_text(5), j),
            })
            .collect();
        out.push(Meeting {
            provider,
            account: account.value(i).to_owned(),
            id: id.value(i).to_owned(),
            title: opt_text(title, i),
            start: opt_time(start, i).ok_or_else(|| bad("start", i, "missing"))?,
            end: opt_time(end, i),
            duration_seconds: opt_int(duration, i),
            status,
            status_raw: opt_text(status_raw, i),
            host: (person != Person::default()).then_some(person),
            participants: people,
            participant_count: opt_int(count, i),
            recording: (recording != Recording::default()).then_some(recording),
            meeting_url: opt_text(meeting_url, i),
            room: opt_text(room, i),
            extension: serde_json::from_str(extension.value(i))
                .map_err(|e| bad("extension", i, e))?,
            raw: match raw {
                Some(raw) if raw.is_valid(i) => {
                    Some(serde_json::from_str(raw.value(i)).map_err(|e| bad("raw", i, e))?)
                }
                _ => None,
            },
        });
    }
    Ok(out)
}
