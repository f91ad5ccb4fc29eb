//! JSON: one array written element by element, or one object per line (NDJSON).

use std::io::{self, Write};

use meetkit::Meeting;

use super::Sink;

/// Serializes `meeting` into `line`, replacing what it held. Serializing into a `Vec` is
/// static dispatch all the way down; writing the finished line is then one call into `out`
/// instead of one dynamic call per JSON token.
///
/// [`meetkit::json`] writes the same bytes serde_json would (the tests below hold it to that),
/// escapes strings with sonic-rs's vector instructions (with serde_json, escaping alone was
/// the largest single cost of `meetkit list`, about 12 % of its CPU) and copies field names.
fn encode(line: &mut Vec<u8>, meeting: &Meeting) -> io::Result<()> {
    line.clear();
    meetkit::json::to_writer(line, meeting).map_err(io::Error::other)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Meetings whose text and numbers exercise every escape and number form JSON has.
    fn tricky() -> Result<Vec<Meeting>, serde_json::Error> {
        let mut all: String = (0u8..0x20).map(char::from).collect();
        all.push_str("\"\\/\u{7f}é€😀\u{2028}\u{2029}<>&'");
        let sizes = [
            0.0,
            -0.0,
            0.1,
            1.0,
            1.5e-7,
            1e21,
            123_456_789.123_456_79,
            f64::MAX,
            5e-324,
        ];
        sizes
            .iter()
            .enumerate()
            .map(|(i, size)| {
                let value = serde_json::json!({
                    "provider": "telnyx",
                    "account": all,
                    "id": format!("rec-{i}-{all}"),
                    "title": all,
                    "start": "2026-06-01T00:14:31.123456789Z",
                    "end": null,
                    "duration_seconds": -9_223_372_036_854_775_807i64,
                    "status": "unknown",
                    "status_raw": all,
                    "host": {"id": null, "name": all, "email": "a@b.example"},
                    "participants": [],
                    "participant_count": i64::MAX,
                    "recording": null,
                    "meeting_url": "https://example.com/r?a=1&b=\\x",
                    "room": all,
                    "extension": {"provider": "telnyx", "size_mb": size, "record_type": all},
                    "raw": {"n": [size, u64::MAX, i64::MIN, true, null], "s": all, "o": {"": {}}},
                });
                serde_json::from_value(value)
            })
            .collect()
    }

    #[test]
    fn lines_are_the_bytes_serde_json_writes() -> Result<(), Box<dyn std::error::Error>> {
        let mut line = Vec::new();
        for meeting in tricky()? {
            encode(&mut line, &meeting)?;
            let expected = serde_json::to_vec(&meeting)?;
            assert_eq!(
                String::from_utf8_lossy(&line),
                String::from_utf8_lossy(&expected)
            );
        }
        Ok(())
    }
}
