//! Exit codes and the one error type every command returns: a sentence and a code.

use std::fmt;
use std::process::ExitCode;

use meetkit::{ProviderError, ProviderErrorKind};

/// The exit codes, as documented in `meetkit --help` and the README.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// Everything asked for was listed.
    Ok = 0,
    /// Anything else: an I/O error, a corrupt state file, a sync destination that cannot be
    /// opened or written (unreachable, read-only, newer schema, another sync running), …
    Other = 1,
    /// The command line is wrong: unknown flag, bad time, reversed window, unsupported filter.
    Usage = 2,
    /// Configuration or credentials: nothing configured, a bad base URL, a rejected key.
    Config = 3,
    /// Every provider asked for failed and nothing was listed.
    Provider = 4,
    /// Some provider or window failed while others succeeded; the output is incomplete.
    Partial = 5,
    /// `doctor`: a provider's response differs from our spec.
    Drift = 6,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> Self {
        ExitCode::from(exit as u8)
    }
}

/// The exit-code table shown at the end of `meetkit --help`.
pub const EXIT_CODES_HELP: &str = "\
Exit codes:
  0  success: everything asked for was listed
  1  other failure (I/O, a corrupt state file, a sync destination that cannot be opened or written)
  2  usage: bad flag, bad time, reversed window, filter a provider cannot apply
  3  configuration or credentials: nothing configured, bad base URL, key or database login rejected
  4  provider failure: every provider asked for failed and nothing was listed
  5  partial failure: some provider or window failed, others succeeded; all fetched is printed
  6  doctor: a provider's response differs from our spec (the spec path to edit is printed)";

/// A failure to report: one or two sentences, and the code to exit with.
#[derive(Debug)]
pub struct CliError {
    /// The exit code.
    pub exit: Exit,
    /// What went wrong and what to do, for a person.
    pub message: String,
}

impl CliError {
    /// A failure with `exit` and `message`.
    pub fn new(exit: Exit, message: impl Into<String>) -> Self {
        Self {
            exit,
            message: message.into(),
        }
    }

    /// An I/O failure on `what` (a path, "standard output"). A closed pipe (`meetkit … |
    /// head`) is not a failure: the reader has what it wanted, so it ends the command quietly
    /// with success (see [`CliError::is_closed_pipe`]).
    pub fn io(what: impl fmt::Display, err: &std::io::Error) -> Self {
        if err.kind() == std::io::ErrorKind::BrokenPipe {
            return Self::new(Exit::Ok, String::new());
        }
        Self::new(Exit::Other, format!("could not write {what}: {err}"))
    }

    /// Whether this is the quiet end of a closed pipe, with nothing to say.
    pub fn is_closed_pipe(&self) -> bool {
        self.exit == Exit::Ok && self.message.is_empty()
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<meetkit::Error> for CliError {
    fn from(err: meetkit::Error) -> Self {
        match err {
            meetkit::Error::Config(e) => e.into(),
            meetkit::Error::Query(e) => e.into(),
            meetkit::Error::Provider(e) => {
                let exit = if is_auth(&e) {
                    Exit::Config
                } else {
                    Exit::Provider
                };
                CliError::new(exit, e.to_string())
            }
        }
    }
}

impl From<meetkit::ConfigError> for CliError {
    fn from(err: meetkit::ConfigError) -> Self {
        CliError::new(Exit::Config, err.to_string())
    }
}

impl From<meetkit::QueryError> for CliError {
    fn from(err: meetkit::QueryError) -> Self {
        CliError::new(Exit::Usage, err.to_string())
    }
}

/// Whether a provider failure is about credentials (exit 3 rather than 4).
pub fn is_auth(err: &ProviderError) -> bool {
    matches!(
        err.kind,
        ProviderErrorKind::Auth | ProviderErrorKind::Permission
    )
}

/// The outcome of a listing: how many meetings came out and which providers failed.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Meetings written.
    pub meetings: u64,
    /// Provider accounts asked for.
    pub accounts: Vec<(meetkit::Provider, String)>,
    /// Every failure, in arrival order.
    pub errors: Vec<ProviderError>,
}

impl Outcome {
    /// The exit code: 0 without errors; 4 (3 when all are credential errors) when every
    /// provider account failed and nothing was listed; 5 otherwise.
    pub fn exit(&self) -> Exit {
        if self.errors.is_empty() {
            return Exit::Ok;
        }
        // An error naming no account is its provider's, every account's.
        let every_provider_failed = self.accounts.iter().all(|(p, a)| {
            self.errors
                .iter()
                .any(|e| e.provider == *p && e.account.as_deref().is_none_or(|named| named == a))
        });
        if self.meetings == 0 && every_provider_failed {
            if self.errors.iter().all(is_auth) {
                Exit::Config
            } else {
                Exit::Provider
            }
        } else {
            Exit::Partial
        }
    }
}

#[cfg(test)]
#[path = "exit_tests.rs"]
mod tests;
