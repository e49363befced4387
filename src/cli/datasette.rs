//! `datasette --metadata`: the Datasette metadata for the database (`datasette DB -m FILE`).

use clap::Args as ClapArgs;

use super::{Settings, open_read, with_stdout};

#[derive(Debug, ClapArgs)]
pub(crate) struct Args {
    /// Print the metadata JSON: table and column descriptions, full-text search on articles,
    /// canned queries. Datasette names the database after the file, so make it for the file
    /// you will serve.
    #[arg(long, required = true)]
    metadata: bool,
}

/// `isnad datasette --metadata`.
pub(crate) fn run(settings: &Settings, args: Args) -> anyhow::Result<()> {
    debug_assert!(args.metadata);
    let store = open_read(settings)?;
    let name = settings
        .db
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let metadata = store.datasette_metadata(&name)?;
    with_stdout(|out| {
        serde_json::to_writer_pretty(&mut *out, &metadata)?;
        writeln!(out)
    })
}
