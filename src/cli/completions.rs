//! `completions SHELL`: the shell completion script (clap_complete) for isnad's commands and flags.

use clap::{Args as ClapArgs, CommandFactory};
use clap_complete::Shell;

use super::{Cli, with_stdout};

#[derive(Debug, ClapArgs)]
pub(crate) struct Args {
    /// The shell to complete for.
    #[arg(value_enum)]
    shell: Shell,
}

/// Prints the completion script for `args.shell` on standard output.
pub(crate) fn run(args: Args) -> anyhow::Result<()> {
    let mut command = Cli::command();
    with_stdout(|out| {
        clap_complete::generate(args.shell, &mut command, "isnad", out);
        Ok(())
    })
}
