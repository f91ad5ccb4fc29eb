//! CSV: one row per meeting, nested fields flattened, `extension` (and `raw`) as JSON text.

use std::io::{self, Write};

use meetkit::Meeting;

use super::Sink;

/// The columns, in order.
pub const COLUMNS: [&str; 22] = [
    "provider",
    "account",
    "id",
    "title",
    "start",
    "end",
    "duration_seconds",
    "status",
    "status_raw",
    "host_id",
    "host_name",
    "host_email",
    "participant_count",
    "participants_listed",
    "recording_id",
    "recording_status",
    "recording_url",
    "recording_duration_seconds",
    "recording_size_bytes",
    "meeting_url",
    "room",
    "extension",
];

/// CSV rows with a header.
pub struct Csv {
    out: csv::Writer<Box<dyn Write>>,
    raw: bool,
    header_written: bool,
}

impl Csv {
    /// CSV to `out`; `raw` adds a last `raw` column.
    pub fn new(out: Box<dyn Write>, raw: bool) -> Self {
        Self {
            out: csv::Writer::from_writer(out),
            raw,
            header_written: false,
        }
    }

    fn header(&mut self) -> io::Result<()> {
        if !self.header_written {
            self.header_written = true;
            let mut header: Vec<&str> = COLUMNS.to_vec();
            if self.raw {
                header.push("raw");
            }
            self.out.write_record(&header)?;
        }
        Ok(())
    }
}

fn opt<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn time(t: chrono::DateTime<chrono::Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
}

impl Sink for Csv {
    fn write(&mut self, m: &Meeting) -> io::Result<()> {
        self.header()?;
        let host = m.host.as_ref();
        let rec = m.recording.as_ref();
        let mut row = vec![
            m.provider.to_string(),
            m.account.clone(),
            m.id.clone(),
            opt(m.title.as_deref()),
            time(m.start),
            opt(m.end.map(time)),
            opt(m.duration_seconds),
            m.status.to_string(),
            opt(m.status_raw.as_deref()),
            opt(host.and_then(|h| h.id.as_deref())),
            opt(host.and_then(|h| h.name.as_deref())),
            opt(host.and_then(|h| h.email.as_deref())),
            opt(m.participant_count),
            m.participants.len().to_string(),
            opt(rec.and_then(|r| r.id.as_deref())),
            opt(rec.and_then(|r| r.status.as_deref())),
            opt(rec.and_then(|r| r.url.as_deref())),
            opt(rec.and_then(|r| r.duration_seconds)),
            opt(rec.and_then(|r| r.size_bytes)),
            opt(m.meeting_url.as_deref()),
            opt(m.room.as_deref()),
            serde_json::to_string(&m.extension)?,
        ];
        if self.raw {
            row.push(m.raw.as_ref().map(|r| r.to_string()).unwrap_or_default());
        }
        self.out.write_record(&row)?;
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.header()?;
        self.out.flush()
    }
}
