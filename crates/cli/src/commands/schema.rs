//! `meetkit schema`: the Meeting JSON Schema.

use std::io::Write;

use crate::exit::{CliError, Exit};

/// Prints the schema of one meeting.
pub fn run() -> Result<Exit, CliError> {
    let mut out = std::io::stdout().lock();
    out.write_all(meetkit::schema::meeting_schema_json().as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| CliError::io("standard output", &e))?;
    Ok(Exit::Ok)
}
