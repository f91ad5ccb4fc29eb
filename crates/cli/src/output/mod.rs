//! Output formats: each writes meetings one at a time, so memory stays flat.

mod csv;
mod json;
mod parquet;
pub mod progress;
mod table;

use std::io::{self, IsTerminal, Write};
use std::path::Path;

use meetkit::Meeting;

use crate::args::Format;
use crate::exit::CliError;

pub use table::Table;

/// A destination for meetings in one format.
pub trait Sink {
    /// Writes one meeting.
    fn write(&mut self, meeting: &Meeting) -> io::Result<()>;
    /// Writes what closes the output (the JSON array's `]`) and flushes.
    fn finish(&mut self) -> io::Result<()>;
}

/// The format to use: the one asked for, else a table on a terminal and NDJSON otherwise.
pub fn resolve_format(asked: Option<Format>, to_file: bool) -> Format {
    asked.unwrap_or(if !to_file && io::stdout().is_terminal() {
        Format::Table
    } else {
        Format::Ndjson
    })
}

/// Where output goes: standard output or a file, buffered.
pub fn open(path: Option<&Path>) -> Result<Box<dyn Write>, CliError> {
    match path {
        None => Ok(Box::new(io::BufWriter::with_capacity(
            64 * 1024,
            io::stdout(),
        ))),
        Some(path) => {
            let file = std::fs::File::create(path).map_err(|e| {
                CliError::new(
                    crate::exit::Exit::Other,
                    format!("could not create {}: {e}", path.display()),
                )
            })?;
            Ok(Box::new(io::BufWriter::with_capacity(64 * 1024, file)))
        }
    }
}

/// A sink writing `format` to `path` (standard output when `None`); `raw` adds the `raw`
/// column to CSV and Parquet.
pub fn sink(format: Format, path: Option<&Path>, raw: bool) -> Result<Box<dyn Sink>, CliError> {
    Ok(match format {
        Format::Table => Box::new(Table::new(open(path)?)),
        Format::Json => Box::new(json::JsonArray::new(open(path)?)),
        Format::Ndjson => Box::new(json::Ndjson::new(open(path)?)),
        Format::Csv => Box::new(csv::Csv::new(open(path)?, raw)),
        Format::Parquet => {
            let Some(path) = path else {
                return Err(CliError::new(
                    crate::exit::Exit::Usage,
                    "--format parquet writes a file: add --output FILE.parquet",
                ));
            };
            Box::new(parquet::Parquet::create(path, raw)?)
        }
    })
}
