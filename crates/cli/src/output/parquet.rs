//! Parquet: the Arrow table `meetkit_arrow` defines (the Python package's columns and types),
//! written in row groups as meetings arrive, so memory is one row group however many there are.
//!
//! A regular file is written under a temporary name beside it and renamed into place when
//! complete: a failed or interrupted listing leaves no half-written Parquet file behind.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use meetkit::Meeting;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use super::Sink;
use crate::exit::{CliError, Exit};

/// Meetings per record batch handed to the writer.
const BATCH: usize = 4096;
/// Rows per row group: the unit a reader can skip, and what the writer holds in memory.
const ROW_GROUP: usize = 65_536;

/// A Parquet file being written.
pub struct Parquet {
    writer: Option<ArrowWriter<File>>,
    pending: Vec<Meeting>,
    raw: bool,
    /// `(temporary, final)` when the file is renamed into place at the end.
    rename: Option<(PathBuf, PathBuf)>,
}

fn other(e: impl std::error::Error + Send + Sync + 'static) -> io::Error {
    io::Error::other(e)
}

impl Parquet {
    /// Starts `path` (a new or regular file via a temporary beside it; anything else, such as a
    /// device, directly); `raw` adds the `raw` column.
    pub fn create(path: &Path, raw: bool) -> Result<Self, CliError> {
        let direct = std::fs::metadata(path).is_ok_and(|m| !m.is_file());
        let rename = (!direct).then(|| {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (
                path.with_file_name(format!(".{name}.partial")),
                path.to_owned(),
            )
        });
        let open = rename.as_ref().map_or(path, |(tmp, _)| tmp.as_path());
        let file = File::create(open).map_err(|e| {
            CliError::new(
                Exit::Other,
                format!("could not create {}: {e}", path.display()),
            )
        })?;
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(ROW_GROUP))
            .build();
        let writer =
            ArrowWriter::try_new(file, meetkit_arrow::schema(raw), Some(props)).map_err(|e| {
                CliError::new(
                    Exit::Other,
                    format!("could not start {}: {e}", path.display()),
                )
            })?;
        Ok(Self {
            writer: Some(writer),
            pending: Vec::with_capacity(BATCH),
            raw,
            rename,
        })
    }

    fn flush_batch(&mut self) -> io::Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let batch = meetkit_arrow::record_batch(&self.pending, self.raw).map_err(other)?;
        self.pending.clear();
        match self.writer.as_mut() {
            Some(writer) => writer.write(&batch).map_err(other),
            None => Err(io::Error::other("the Parquet file was already finished")),
        }
    }
}

impl Sink for Parquet {
    fn write(&mut self, meeting: &Meeting) -> io::Result<()> {
        self.pending.push(meeting.clone());
        if self.pending.len() >= BATCH {
            self.flush_batch()?;
        }
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.flush_batch()?;
        if let Some(writer) = self.writer.take() {
            let file = writer.into_inner().map_err(other)?;
            if self.rename.is_some() {
                file.sync_all()?; // on disk before it takes the final name
            }
        }
        if let Some((tmp, path)) = self.rename.take() {
            std::fs::rename(tmp, path)?;
        }
        Ok(())
    }
}

impl Drop for Parquet {
    fn drop(&mut self) {
        // Not finished: the temporary file is all there is of it.
        if let Some((tmp, _)) = self.rename.take() {
            let _ = std::fs::remove_file(tmp);
        }
    }
}
