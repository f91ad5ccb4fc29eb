//! The NDJSON destination: the file meetings are appended to and the state file that says how
//! far each provider account has been fetched.
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
//! One writer: the NDJSON file is locked (`flock`) for the whole run; a second sync on it exits.

use std::collections::{BTreeMap, HashMap};
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use meetkit::{Meeting, Provider};
use serde::{Deserialize, Serialize};

use super::{
    Checkpoint, Destination, Written, content_hash, count_written, fnv1a, lock_exclusively,
    refuse_read_only, with_written,
};
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
    /// Per provider account: keyed by the provider's name for the default account (as in
    /// version 1 files written before accounts), `provider:account` for the others.
    pub providers: BTreeMap<String, ProviderState>,
}

/// One provider account's progress.
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

/// The key of a meeting in the seen set: provider, account, id.
pub type Key = (Provider, String, String);

/// The NDJSON file, recovered and open for appending.
pub struct OutFile {
    path: PathBuf,
    writer: io::BufWriter<File>,
    seen: HashMap<Key, u64>,
    /// Bytes cut off the end (a torn last line), if any.
    pub truncated: u64,
    len: u64,
    /// The line being appended, kept between meetings.
    line: Vec<u8>,
}

impl OutFile {
    /// Opens (creating) `path` for appending and takes the one-writer lock on it.
    pub fn lock(path: &Path) -> Result<File, CliError> {
        refuse_read_only(path, &path.display().to_string())?;
        let file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(path)
            .map_err(|e| {
                CliError::new(
                    Exit::Other,
                    format!("could not open {}: {e}", path.display()),
                )
            })?;
        lock_exclusively(&file, &path.display().to_string())?;
        Ok(file)
    }

    /// Recovers `file` (opened by [`OutFile::lock`]): cuts a torn last line, and remembers what
    /// is already there for meetings starting at or after `seen_from` (only those can be
    /// fetched again).
    pub fn recover(file: File, path: &Path, seen_from: DateTime<Utc>) -> Result<Self, CliError> {
        let fail = |e: io::Error| {
            CliError::new(
                Exit::Other,
                format!("could not read {}: {e}", path.display()),
            )
        };
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
                seen.insert((meeting.provider, meeting.account, meeting.id), hash);
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
            len: good,
            line: Vec::new(),
        })
    }

    /// Appends `meeting` unless the same content is already in the file; true if written.
    ///
    /// The line is serialized once: without `raw`, it is also what the content hash reads.
    pub fn append(&mut self, meeting: &Meeting) -> Result<bool, CliError> {
        self.line.clear();
        meetkit::json::to_writer(&mut self.line, meeting)
            .map_err(|e| CliError::new(Exit::Other, e.to_string()))?;
        let hash = if meeting.raw.is_none() {
            fnv1a(&self.line)
        } else {
            content_hash(meeting)
        };
        let key = (
            meeting.provider,
            meeting.account.clone(),
            meeting.id.clone(),
        );
        if self.seen.get(&key) == Some(&hash) {
            return Ok(false);
        }
        self.line.push(b'\n');
        self.writer
            .write_all(&self.line)
            .map_err(|e| CliError::io(self.path.display(), &e))?;
        self.len += self.line.len() as u64;
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

/// The state file's key of a provider account.
fn state_key(provider: Provider, account: &str) -> String {
    if account == meetkit::model::DEFAULT_ACCOUNT {
        provider.as_str().to_owned()
    } else {
        format!("{provider}:{account}")
    }
}

/// The inverse of [`state_key`]; `None` for a key that names no provider.
fn parse_state_key(key: &str) -> Option<(Provider, String)> {
    let (provider, account) = key
        .split_once(':')
        .unwrap_or((key, meetkit::model::DEFAULT_ACCOUNT));
    Some((provider.parse().ok()?, account.to_owned()))
}

/// `ndjson:PATH` (or `--out PATH`) with its `--state` file.
pub struct NdjsonDestination {
    out_path: PathBuf,
    state_path: PathBuf,
    state: State,
    /// Opened and locked at [`NdjsonDestination::open`]; recovered at `prepare`.
    locked: Option<File>,
    out: Option<OutFile>,
    quiet: bool,
}

impl NdjsonDestination {
    /// Opens and locks `out`, and loads `state` (which must belong to `out`).
    pub fn open(out: &Path, state_path: &Path, quiet: bool) -> Result<Self, CliError> {
        let out_path = std::path::absolute(out).map_err(|e| CliError::io(out.display(), &e))?;
        let mut state = match State::load(state_path)? {
            Some(state) if state.out != out_path => {
                return Err(CliError::new(
                    Exit::Usage,
                    format!(
                        "the state file {} belongs to {}, not {}; pass that --out, or a new --state to start another sync",
                        state_path.display(),
                        state.out.display(),
                        out_path.display()
                    ),
                ));
            }
            Some(state) => state,
            None => State::new(out_path.clone()),
        };
        let locked = OutFile::lock(&out_path)?;
        let out_len = locked.metadata().map(|m| m.len()).unwrap_or(0);
        if out_len < state.out_bytes && !state.providers.is_empty() {
            if !quiet {
                eprintln!(
                    "meetkit: warning: {} is shorter than when the state was written ({out_len} < {} bytes); syncing again from --since",
                    out_path.display(),
                    state.out_bytes
                );
            }
            state.providers.clear();
        }
        Ok(Self {
            out_path,
            state_path: state_path.to_owned(),
            state,
            locked: Some(locked),
            out: None,
            quiet,
        })
    }
}

impl Destination for NdjsonDestination {
    fn name(&self) -> String {
        self.out_path.display().to_string()
    }

    fn checkpoints(&mut self) -> Result<Vec<Checkpoint>, CliError> {
        Ok(self
            .state
            .providers
            .iter()
            .filter_map(|(key, p)| {
                let (provider, account) = parse_state_key(key)?;
                Some(Checkpoint {
                    provider,
                    account,
                    since: p.since,
                    checkpoint: p.checkpoint,
                    meetings_written: p.meetings_written,
                    last_run: p.last_run,
                })
            })
            .collect())
    }

    fn prepare(&mut self, refetch_from: DateTime<Utc>) -> Result<(), CliError> {
        let Some(file) = self.locked.take() else {
            return Ok(());
        };
        let out = OutFile::recover(file, &self.out_path, refetch_from)?;
        if out.truncated > 0 && !self.quiet {
            eprintln!(
                "meetkit: warning: cut a torn last line ({} bytes) off {}, left by an interrupted run",
                out.truncated,
                self.out_path.display()
            );
        }
        self.out = Some(out);
        Ok(())
    }

    fn store(
        &mut self,
        meetings: &[Meeting],
        checkpoints: &[Checkpoint],
        written: &mut Written,
    ) -> Result<(), CliError> {
        let Some(out) = self.out.as_mut() else {
            return Err(CliError::new(
                Exit::Other,
                "internal error: the NDJSON destination was written before it was prepared",
            ));
        };
        for meeting in meetings {
            if out.append(meeting)? {
                count_written(written, meeting);
            }
        }
        if checkpoints.is_empty() {
            return Ok(()); // appended, buffered: durable with the checkpoints
        }
        let durable = out.sync()?;
        for c in with_written(checkpoints, written) {
            self.state.providers.insert(
                state_key(c.provider, &c.account),
                ProviderState {
                    since: c.since,
                    checkpoint: c.checkpoint,
                    meetings_written: c.meetings_written,
                    last_run: c.last_run,
                },
            );
        }
        self.state.out_bytes = durable;
        self.state.store(&self.state_path)
    }
}

#[cfg(test)]
#[path = "ndjson_tests.rs"]
mod tests;
