//! A table for people: fixed-width columns written row by row (no buffering of the listing).

use std::io::{self, Write};

use meetkit::Meeting;

use super::Sink;

const WIDTHS: [usize; 7] = [9, 16, 8, 11, 6, 26, 44];
const HEADER: [&str; 7] = [
    "PROVIDER",
    "START (UTC)",
    "DURATION",
    "STATUS",
    "PEOPLE",
    "HOST",
    "TITLE",
];
/// Columns aligned right (numbers).
const RIGHT: [bool; 7] = [false, false, true, false, true, false, false];

/// Aligned columns, one meeting a row.
pub struct Table {
    out: Box<dyn Write>,
    rows: u64,
}

impl Table {
    /// A table to `out`.
    pub fn new(out: Box<dyn Write>) -> Self {
        Self { out, rows: 0 }
    }

    fn line(&mut self, cells: [String; 7]) -> io::Result<()> {
        let mut line = String::new();
        for (i, cell) in cells.iter().enumerate() {
            let cell = fit(cell, WIDTHS[i]);
            let pad = WIDTHS[i].saturating_sub(cell.chars().count());
            let last = i + 1 == cells.len();
            if RIGHT[i] {
                line.push_str(&" ".repeat(pad));
                line.push_str(&cell);
            } else {
                line.push_str(&cell);
                if !last {
                    line.push_str(&" ".repeat(pad));
                }
            }
            if !last {
                line.push_str("  ");
            }
        }
        writeln!(self.out, "{}", line.trim_end())
    }
}

/// `cell` cut to `width` characters, with `…` when cut.
fn fit(cell: &str, width: usize) -> String {
    if cell.chars().count() <= width {
        return cell.to_owned();
    }
    let mut out: String = cell.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// `1h05m`, `42m`, `30s`.
fn human_duration(seconds: i64) -> String {
    let (h, m, s) = (seconds / 3600, (seconds % 3600) / 60, seconds % 60);
    match (h, m) {
        (0, 0) => format!("{s}s"),
        (0, _) => format!("{m}m"),
        _ => format!("{h}h{m:02}m"),
    }
}

impl Sink for Table {
    fn write(&mut self, m: &Meeting) -> io::Result<()> {
        if self.rows == 0 {
            self.line(HEADER.map(str::to_owned))?;
        }
        self.rows += 1;
        let host = m.host.as_ref().and_then(|h| {
            h.email
                .clone()
                .or_else(|| h.name.clone())
                .or_else(|| h.id.clone())
        });
        let people = m
            .participant_count
            .or_else(|| (!m.participants.is_empty()).then_some(m.participants.len() as i64));
        self.line([
            m.provider.to_string(),
            m.start.format("%Y-%m-%d %H:%M").to_string(),
            m.duration_seconds.map(human_duration).unwrap_or_default(),
            m.status.to_string(),
            people.map(|n| n.to_string()).unwrap_or_default(),
            host.unwrap_or_default(),
            m.title
                .clone()
                .or_else(|| m.room.clone())
                .or_else(|| m.meeting_url.clone())
                .unwrap_or_default(),
        ])
    }

    fn finish(&mut self) -> io::Result<()> {
        if self.rows == 0 {
            writeln!(self.out, "No meetings.")?;
        }
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_and_fitting() {
        assert_eq!(human_duration(30), "30s");
        assert_eq!(human_duration(42 * 60 + 5), "42m");
        assert_eq!(human_duration(3900), "1h05m");
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("abc", 4), "abc");
    }
}
