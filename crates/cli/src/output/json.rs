//! JSON: one array written element by element, or one object per line (NDJSON).

use std::io::{self, Write};

use meetkit::Meeting;

use super::Sink;

/// Serializes `meeting` into `line`, replacing what it held. Serializing into a `Vec` is
/// static dispatch all the way down; writing the finished line is then one call into `out`
/// instead of one dynamic call per JSON token.
fn encode(line: &mut Vec<u8>, meeting: &Meeting) -> io::Result<()> {
    line.clear();
    serde_json::to_writer(&mut *line, meeting)?;
    Ok(())
}

/// One JSON object per line.
pub struct Ndjson {
    out: Box<dyn Write>,
    line: Vec<u8>,
}

impl Ndjson {
    /// NDJSON to `out`.
    pub fn new(out: Box<dyn Write>) -> Self {
        Self {
            out,
            line: Vec::with_capacity(4096),
        }
    }
}

impl Sink for Ndjson {
    fn write(&mut self, meeting: &Meeting) -> io::Result<()> {
        encode(&mut self.line, meeting)?;
        self.line.push(b'\n');
        self.out.write_all(&self.line)
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// One JSON array, `[` first, `]` last, one element per line in between.
pub struct JsonArray {
    out: Box<dyn Write>,
    line: Vec<u8>,
    written: u64,
}

impl JsonArray {
    /// A JSON array to `out`.
    pub fn new(out: Box<dyn Write>) -> Self {
        Self {
            out,
            line: Vec::with_capacity(4096),
            written: 0,
        }
    }
}

impl Sink for JsonArray {
    fn write(&mut self, meeting: &Meeting) -> io::Result<()> {
        encode(&mut self.line, meeting)?;
        self.out
            .write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
        self.out.write_all(&self.line)?;
        self.written += 1;
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out
            .write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?;
        self.out.flush()
    }
}
