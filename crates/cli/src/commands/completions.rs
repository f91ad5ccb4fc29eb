//! `meetkit completions <shell>`.

use clap::CommandFactory;

use crate::args::{Cli, CompletionsArgs};
use crate::exit::{CliError, Exit};

/// Prints the completion script for the shell.
pub fn run(args: CompletionsArgs) -> Result<Exit, CliError> {
    let mut command = Cli::command();
    clap_complete::generate(args.shell, &mut command, "meetkit", &mut std::io::stdout());
    Ok(Exit::Ok)
}
