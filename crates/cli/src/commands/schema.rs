//! `meetkit schema`: the Meeting JSON Schema.

use crate::exit::{CliError, Exit};

/// Prints the schema of one meeting.
pub fn run() -> Result<Exit, CliError> {
    super::print(meetkit::schema::meeting_schema_json())?;
    Ok(Exit::Ok)
}
