//! JSON: one array written element by element, or one object per line (NDJSON).

use std::io::{self, Write};

use meetkit::Meeting;

use super::Sink;

/// One JSON object per line.
pub struct Ndjson {
    out: Box<dyn Write>,
}

impl Ndjson {
    /// NDJSON to `out`.
    pub fn new(out: Box<dyn Write>) -> Self {
        Self { out }
    }
}

impl Sink for Ndjson {
    fn write(&mut self, meeting: &Meeting) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, meeting)?;
        self.out.write_all(b"\n")
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// One JSON array, `[` first, `]` last, one element per line in between.
pub struct JsonArray {
    out: Box<dyn Write>,
    written: u64,
}

impl JsonArray {
    /// A JSON array to `out`.
    pub fn new(out: Box<dyn Write>) -> Self {
        Self { out, written: 0 }
    }
}

impl Sink for JsonArray {
    fn write(&mut self, meeting: &Meeting) -> io::Result<()> {
        self.out
            .write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
        serde_json::to_writer(&mut self.out, meeting)?;
        self.written += 1;
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out
            .write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?;
        self.out.flush()
    }
}
