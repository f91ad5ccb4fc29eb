//! Incremental sync's durable parts: the NDJSON file meetings are appended to and the state file
//! that says how far each provider has been fetched.
//!
//! The guarantee, and why it holds when the process is killed at any instant:
//! 1. Meetings are only ever appended to the NDJSON file, one `\n`-terminated line each; JSON
//!    escapes newlines inside strings, so `\n` only ever ends a line.
//! 2. At start, a last line without its `\n` (a write cut short) is truncated away, and every
//!    remaining line is read back: `(provider, id)` and a hash of its content form the "seen"
//!    set. A fetched meeting is appended only if its `(provider, id)` is not seen with the same
//!    content hash, so re-fetching a window never writes a duplicate, and a meeting that changed
//!    is appended again (the last line for an id is its current version).
//! 3. The state (per-provider checkpoints) is replaced only after the appended data has been
//!    flushed and fsynced, by writing a temporary file, fsyncing it, renaming it over the state
//!    and fsyncing the directory. A checkpoint therefore never covers data that is not on disk;
//!    at worst a killed run's window is fetched again and step 2 skips what is already there.
//!
//! Concurrent runs on the same state are not supported (nothing locks the files).

use std::collections::{BTreeMap, HashMap};
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use meetkit::{Meeting, Provider};
use serde::{Deserialize, Serialize};

use crate::exit::{CliError, Exit};

/// The state file's format version.
pub const STATE_VERSION: u32 = 1;

/// The state file: how far each provider has been synced into which file.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct State {
    /// [`STATE_VERSION`].
    pub version: u32,
    /// The NDJSON file this state describes (absolute).
    pub out: PathBuf,
    /// The file's length when this state was written; a shorter file was replaced or cut, and
    /// the checkpoints no longer describe it.
    pub out_bytes: u64,
    /// Per provider.
    pub providers: BTreeMap<Provider, ProviderState>,
}

/// One provider's progress.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ProviderState {
    /// The earliest start synced from.
    pub since: DateTime<Utc>,
    /// Every meeting starting in `[since, checkpoint)` was fetched and is in the file.
    pub checkpoint: DateTime<Utc>,
    /// Lines appended for this provider, over all runs.
    pub meetings_written: u64,
    /// When the last successful run ended its window.
    pub last_run: DateTime<Utc>,
}

impl State {
    /// An empty state for `out`.
    pub fn new(out: PathBuf) -> Self {
        Self {
            version: STATE_VERSION,
            out,
            out_bytes: 0,
            providers: BTreeMap::new(),
        }
    }

    /// Reads the state at `path`; `None` when there is none yet.
    pub fn load(path: &Path) -> Result<Option<State>, CliError> {
        let text = match fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => {
                return Err(CliError::new(
                    Exit::Other,
                    format!("could not read the state file {}: {e}", path.display()),
                ));
            }
        };
        let state: State = serde_json::from_str(&text).map_err(|e| {
            CliError::new(
                Exit::Other,
                format!(
                    "the state file {} is not a meetkit sync state ({e}); move it aside to sync from --since again",
                    path.display()
                ),
            )
        })?;
        if state.version != STATE_VERSION {
            return Err(CliError::new(
                Exit::Other,
                format!(
                    "the state file {} has version {}, this meetkit reads version {STATE_VERSION}; move it aside to sync from --since again",
                    path.display(),
                    state.version
                ),
            ));
        }
        Ok(Some(state))
    }

    /// Replaces the state at `path` atomically (temp file, fsync, rename, fsync the directory).
    pub fn store(&self, path: &Path) -> Result<(), CliError> {
        let mut bytes = serde_json::to_vec_pretty(self)
            .map_err(|e| CliError::new(Exit::Other, e.to_string()))?;
        bytes.push(b'\n');
        write_atomic(path, &bytes).map_err(|e| CliError::io(path.display(), &e))
    }
}

/// Writes `bytes` to `path` so that a reader sees the old or the new content, never a mix.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // A fixed name: a killed run's leftover is simply overwritten by the next.
    let tmp = dir.join(format!(".{name}.tmp"));
    {
        let mut file = File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
    }
    fs::rename(&tmp, path)?;
    sync_dir(dir)
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

/// 64-bit FNV-1a: stable across runs and Rust versions, which `DefaultHasher` does not promise.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// The content hash of a meeting: its JSON without `raw`.
pub fn content_hash(meeting: &Meeting) -> u64 {
    let without_raw;
    let meeting = if meeting.raw.is_some() {
        without_raw = Meeting {
            raw: None,
            ..meeting.clone()
        };
        &without_raw
    } else {
        meeting
    };
    fnv1a(&serde_json::to_vec(meeting).unwrap_or_default())
}

/// The key of a meeting in the seen set.
pub type Key = (Provider, String);

/// The NDJSON file, recovered and open for appending.
pub struct OutFile {
    path: PathBuf,
    writer: io::BufWriter<File>,
    seen: HashMap<Key, u64>,
    /// Bytes cut off the end (a torn last line), if any.
    pub truncated: u64,
    /// Complete lines found at start.
    pub lines: u64,
    len: u64,
}

impl OutFile {
    /// Opens (creating) `path`, cuts a torn last line, and remembers what is already there for
    /// meetings starting at or after `seen_from` (only those can be fetched again).
    pub fn open(path: &Path, seen_from: DateTime<Utc>) -> Result<Self, CliError> {
        let fail = |e: io::Error| {
            CliError::new(
                Exit::Other,
                format!("could not open {}: {e}", path.display()),
            )
        };
        let file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(path)
            .map_err(fail)?;
        let mut reader = BufReader::with_capacity(256 * 1024, &file);
        let mut seen = HashMap::new();
        let mut good = 0u64;
        let mut lines = 0u64;
        let mut line = Vec::new();
        loop {
            line.clear();
            let n = reader.read_until(b'\n', &mut line).map_err(fail)?;
            if n == 0 {
                break;
            }
            if line.last() != Some(&b'\n') {
                break; // torn: cut below
            }
            lines += 1;
            let meeting: Meeting = serde_json::from_slice(&line).map_err(|e| {
                CliError::new(
                    Exit::Other,
                    format!(
                        "line {lines} of {} is not a meeting ({e}); the file was changed by something other than \
                         meetkit sync. Move it (and the state file) aside to sync from --since again",
                        path.display()
                    ),
                )
            })?;
            good += n as u64;
            if meeting.start >= seen_from {
                let hash = content_hash(&meeting);
                seen.insert((meeting.provider, meeting.id), hash);
            }
        }
        drop(reader);
        let len = file.metadata().map_err(fail)?.len();
        let truncated = len - good;
        if truncated > 0 {
            file.set_len(good).map_err(fail)?;
            file.sync_all().map_err(fail)?;
        }
        Ok(Self {
            path: path.to_owned(),
            writer: io::BufWriter::with_capacity(64 * 1024, file),
            seen,
            truncated,
            lines,
            len: good,
        })
    }

    /// Appends `meeting` unless the same content is already in the file; true if written.
    pub fn append(&mut self, meeting: &Meeting) -> Result<bool, CliError> {
        let hash = content_hash(meeting);
        let key = (meeting.provider, meeting.id.clone());
        if self.seen.get(&key) == Some(&hash) {
            return Ok(false);
        }
        let mut line =
            serde_json::to_vec(meeting).map_err(|e| CliError::new(Exit::Other, e.to_string()))?;
        line.push(b'\n');
        self.writer
            .write_all(&line)
            .map_err(|e| CliError::io(self.path.display(), &e))?;
        self.len += line.len() as u64;
        self.seen.insert(key, hash);
        Ok(true)
    }

    /// Flushes and fsyncs; returns the file's length, everything up to which is durable.
    pub fn sync(&mut self) -> Result<u64, CliError> {
        self.writer
            .flush()
            .map_err(|e| CliError::io(self.path.display(), &e))?;
        self.writer
            .get_ref()
            .sync_all()
            .map_err(|e| CliError::io(self.path.display(), &e))?;
        Ok(self.len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_is_the_published_function() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("state.json");
        write_atomic(&path, b"one")?;
        write_atomic(&path, b"two")?;
        assert_eq!(fs::read(&path)?, b"two");
        assert_eq!(fs::read_dir(dir.path())?.count(), 1);
        Ok(())
    }

    #[test]
    fn a_torn_last_line_is_cut_and_a_corrupt_one_refused() -> Result<(), Box<dyn std::error::Error>>
    {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("out.ndjson");
        fs::write(&path, b"{\"provider\":\"zo")?;
        let out = OutFile::open(&path, DateTime::<Utc>::MIN_UTC).map_err(|e| e.message)?;
        assert_eq!((out.truncated, out.lines), (15, 0));
        drop(out);
        assert_eq!(fs::read(&path)?.len(), 0);
        fs::write(&path, b"not json\n")?;
        let err = OutFile::open(&path, DateTime::<Utc>::MIN_UTC)
            .err()
            .map(|e| e.message)
            .unwrap_or_default();
        assert!(
            err.contains("line 1") && err.contains("not a meeting"),
            "{err}"
        );
        Ok(())
    }
}
