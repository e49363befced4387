//! `man`: the manual page (clap_mangen, roff) on standard output, or one page per subcommand
//! (`isnad.1`, `isnad-statements.1`, …) written to a folder.

use std::path::PathBuf;

use anyhow::Context;
use clap::{Args as ClapArgs, CommandFactory};

use super::{Cli, with_stdout};

#[derive(Debug, ClapArgs)]
pub(crate) struct Args {
    /// Write `isnad.1` and one `isnad-SUBCOMMAND.1` per subcommand into this folder (created if
    /// missing) instead.
    #[arg(long, value_name = "DIR")]
    dir: Option<PathBuf>,
}

/// Prints `isnad.1`, or writes every page into `args.dir`.
pub(crate) fn run(args: Args) -> anyhow::Result<()> {
    let command = Cli::command();
    match args.dir {
        Some(dir) => std::fs::create_dir_all(&dir)
            .and_then(|()| clap_mangen::generate_to(command, &dir))
            .with_context(|| format!("writing manual pages to {}", dir.display())),
        None => with_stdout(|out| clap_mangen::Man::new(command).render(out)),
    }
}
