//! `isnad sql QUERY`: one read-only statement; `--param name=value` binds `:name`.

use std::io::Write;
use std::time::Duration;

use clap::Args as ClapArgs;
use isnad::output;
use isnad::store::sql::parse_param;

use super::{Settings, open_read};

#[derive(Debug, ClapArgs)]
pub(crate) struct Args {
    /// One SQL statement (SELECT, WITH, read-only PRAGMA, EXPLAIN).
    query: String,
    /// Bind a parameter: `--param lang=ar` for `:lang` in the query. Repeatable.
    #[arg(long = "param", value_name = "NAME=VALUE")]
    params: Vec<String>,
    /// Stop the query when SQLite works this many seconds without producing a row (0: never).
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    timeout: u32,
}

pub(crate) fn run(settings: &Settings, args: Args) -> anyhow::Result<()> {
    let params = args
        .params
        .iter()
        .map(|p| parse_param(p))
        .collect::<Result<Vec<_>, _>>()?;
    let mut store = open_read(settings)?;
    let timeout = (args.timeout > 0).then(|| Duration::from_secs(u64::from(args.timeout)));
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut stream = output::ObjectStream::new(&mut out, settings.format);
    store.query_sql(&args.query, &params, timeout, &mut stream)?;
    if stream.finish()? && !settings.quiet {
        eprintln!(
            "isnad: the table shows the first {} rows; --format csv, ndjson or json prints them all",
            output::TABLE_PAGE
        );
    }
    out.flush()?;
    Ok(())
}
