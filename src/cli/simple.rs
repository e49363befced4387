//! The small commands: `init`, `articles`, `search`, `stats`, `schema`.

use clap::Args as ClapArgs;
use isnad::output;
use isnad::store::Store;
use isnad::store::query::{ArticleFilter, DateBound};

use super::{Settings, open_read, with_stdout};

/// `isnad init`: create the database or bring its schema up to date.
pub(crate) fn init(settings: &Settings) -> anyhow::Result<()> {
    let store = Store::open(&settings.db)?;
    let version = isnad::store::migrate::current_version_of(&store)?;
    if !settings.quiet {
        eprintln!("{}: schema version {version}", settings.db.display());
    }
    Ok(())
}

#[derive(Debug, ClapArgs)]
pub(crate) struct ArticlesArgs {
    /// Only articles in this language (ar, en, ...).
    #[arg(long)]
    lang: Option<String>,
    /// Only articles from this outlet, or with a source path containing this text.
    #[arg(long)]
    source: Option<String>,
    /// Only articles published at or after this date (ISO 8601, e.g. 2018-03-01).
    #[arg(long)]
    since: Option<DateBound>,
    /// Only articles published at or before this date (inclusive).
    #[arg(long)]
    until: Option<DateBound>,
    /// At most this many.
    #[arg(long)]
    limit: Option<u32>,
}

/// `isnad articles`.
pub(crate) fn articles(settings: &Settings, args: ArticlesArgs) -> anyhow::Result<()> {
    let store = open_read(settings)?;
    let rows = store.articles(&ArticleFilter {
        lang: args.lang,
        source: args.source,
        since: args.since,
        until: args.until,
        limit: args.limit.map(u64::from),
    })?;
    with_stdout(|out| output::list(out, settings.format, &rows))
}

#[derive(Debug, ClapArgs)]
pub(crate) struct SearchArgs {
    /// Words to find (all must occur); Arabic is matched without harakat and hamza forms.
    query: String,
    /// At most this many hits.
    #[arg(long, default_value_t = 20)]
    limit: u32,
}

/// `isnad search QUERY`.
pub(crate) fn search(settings: &Settings, args: SearchArgs) -> anyhow::Result<()> {
    let store = open_read(settings)?;
    let hits = store.search(&args.query, u64::from(args.limit))?;
    with_stdout(|out| output::list(out, settings.format, &hits))
}

/// `isnad stats`.
pub(crate) fn stats(settings: &Settings) -> anyhow::Result<()> {
    let store = open_read(settings)?;
    let stats = store.stats()?;
    with_stdout(|out| output::one(out, settings.format, &stats))
}

/// `isnad schema`.
pub(crate) fn schema(settings: &Settings) -> anyhow::Result<()> {
    let store = open_read(settings)?;
    let sql = store.schema()?;
    with_stdout(|out| out.write_all(sql.as_bytes()))
}
