//! `isnad sql QUERY`: one read-only statement; `--param name=value` binds `:name`.

use clap::Args as ClapArgs;
use isnad::output;
use isnad::store::sql::parse_param;

use super::{Settings, open_read, with_stdout};

#[derive(Debug, ClapArgs)]
pub struct Args {
    /// One SQL statement (SELECT, WITH, read-only PRAGMA, EXPLAIN).
    query: String,
    /// Bind a parameter: `--param lang=ar` for `:lang` in the query. Repeatable.
    #[arg(long = "param", value_name = "NAME=VALUE")]
    params: Vec<String>,
}

pub fn run(settings: &Settings, args: Args) -> anyhow::Result<()> {
    let params = args
        .params
        .iter()
        .map(|p| parse_param(p))
        .collect::<Result<Vec<_>, _>>()?;
    let store = open_read(settings)?;
    let (columns, rows) = store.query_sql(&args.query, &params)?;
    with_stdout(|out| output::list_objects(out, settings.format, &columns, &rows))
}
