//! Reads for the CLI, by concern: listings of `articles` (and one article, statistics),
//! `statements` and `relations`; `search` with snippets; `actors` (the listing, name
//! resolution, profiles); and the `lookup`s ingest workers make to skip known files and
//! articles. Every listing writes its conditions through the one builder in `filter`.

use std::collections::HashMap;

use crate::error::{Result, SqlContext};

mod actors;
mod articles;
mod filter;
mod lookup;
mod relations;
mod search;
mod statements;
mod stats;

pub use actors::{ActorProfile, ActorRow, RoleRow};
pub use articles::{ArticleDetail, ArticleFilter, ArticleRow};
pub use filter::DateBound;
pub(crate) use filter::{Conditions, id_list, limit};
pub use lookup::Lookup;
pub use relations::{RelationFilter, RelationRow};
pub(crate) use search::cut;
pub use search::{SearchHit, query_terms, snippet};
pub use statements::{StatementFilter, StatementRow};
pub use stats::Stats;

/// The context of an SQL error: what was being done.
pub(crate) fn sql_err(what: &'static str) -> impl Fn() -> String {
    move || what.to_owned()
}

/// The rows of a two-column query `sql` (no parameters) as a map from the first column to the
/// second; `what` names the read in an error.
pub(crate) fn pairs<K, V>(conn: &rusqlite::Connection, sql: &str, what: &'static str) -> Result<HashMap<K, V>>
where
    K: rusqlite::types::FromSql + Eq + std::hash::Hash,
    V: rusqlite::types::FromSql,
{
    // Not cached: callers pass SQL with id lists, each compiled once.
    let mut stmt = conn.prepare(sql).doing(sql_err(what))?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .doing(sql_err(what))?;
    rows.collect::<rusqlite::Result<_>>().doing(sql_err(what))
}

/// Outlet names from a `group_concat`, sorted.
pub(crate) fn names(joined: Option<String>) -> Vec<String> {
    let mut v: Vec<String> = joined
        .map(|j| j.split(',').map(str::to_owned).collect())
        .unwrap_or_default();
    v.sort();
    v
}
