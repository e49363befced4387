//! `isnad show ID`: one article in full, by id or unique content-hash prefix.

use clap::Args as ClapArgs;
use isnad::output;

use super::{Settings, open_read, with_stdout};

#[derive(Debug, ClapArgs)]
pub(crate) struct Args {
    /// Article id, or a unique prefix (4+ hex digits) of its content hash.
    id: String,
}

pub(crate) fn run(settings: &Settings, args: Args) -> anyhow::Result<()> {
    let store = open_read(settings)?;
    let article = store.article(&args.id)?;
    with_stdout(|out| output::one(out, settings.format, &article))
}
