//! `meetkit completions <shell>`.

use clap::CommandFactory;

use crate::args::{Cli, CompletionsArgs};
use crate::exit::{CliError, Exit};

/// Prints the completion script for the shell.
pub fn run(args: CompletionsArgs) -> Result<Exit, CliError> {
    let mut command = Cli::command();
    // Generated in memory: clap_complete panics when its writer fails (a closed pipe).
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "meetkit", &mut script);
    super::print(script)?;
    Ok(Exit::Ok)
}
