//! `stories` and `similar`: near-duplicate articles grouped into stories, and why.

use clap::Args as ClapArgs;
use isnad::output;
use isnad::store::query::DateBound;
use isnad::store::stories::StoryFilter;

use super::{Settings, open_read, with_stdout};

#[derive(Debug, ClapArgs)]
pub(crate) struct ListArgs {
    /// Only stories first seen at or after this date (ISO 8601, e.g. 2018-03-01).
    #[arg(long)]
    since: Option<DateBound>,
    /// Only stories first seen at or before this date (inclusive).
    #[arg(long)]
    until: Option<DateBound>,
    /// Only stories with at least this many articles.
    #[arg(long)]
    min_articles: Option<u32>,
    /// At most this many.
    #[arg(long)]
    limit: Option<u32>,
}

/// `isnad stories`.
pub(crate) fn list(settings: &Settings, args: ListArgs) -> anyhow::Result<()> {
    let store = open_read(settings)?;
    let rows = store.stories(&StoryFilter {
        since: args.since,
        until: args.until,
        min_articles: args.min_articles.map(u64::from),
        limit: args.limit.map(u64::from),
    })?;
    with_stdout(|out| output::list(out, settings.format, &rows))
}

#[derive(Debug, ClapArgs)]
pub(crate) struct SimilarArgs {
    /// Article id, or a unique prefix (4+ hex digits) of its content hash.
    id: String,
    /// Compare with this article only (by default: every other article of its story).
    other: Option<String>,
}

/// `isnad similar ID [OTHER]`.
pub(crate) fn similar(settings: &Settings, args: SimilarArgs) -> anyhow::Result<()> {
    let store = open_read(settings)?;
    let id = store.resolve_article(&args.id)?;
    let other = args.other.map(|o| store.resolve_article(&o)).transpose()?;
    let rows = store.similar(id, other)?;
    with_stdout(|out| output::list(out, settings.format, &rows))
}
