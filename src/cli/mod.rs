//! The command line: flags parsed once into [`Settings`], one module per subcommand with a
//! `run()`. This is the only place that uses `anyhow`; the library reports typed errors.

mod actors;
mod ingest;
mod reextract;
mod show;
mod simple;
mod sql;
mod stories;
mod tag;

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use isnad::output::Format;

/// isnad: a knowledge store for news. Ingest articles (Arabic and English), then query who said
/// what and who did what with whom, with SQL or the commands below.
#[derive(Debug, Parser)]
#[command(name = "isnad", version, about, long_about = None)]
pub struct Cli {
    /// The database file.
    #[arg(long, global = true, env = "ISNAD_DB", default_value = "isnad.db")]
    db: PathBuf,
    /// Output format.
    #[arg(long, global = true, value_enum, default_value_t = FormatArg::Table)]
    format: FormatArg,
    /// Print less (no progress, no summary on stderr).
    #[arg(short, long, global = true)]
    quiet: bool,
    /// Print more (ingest: where the time went, stage by stage).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    verbose: u8,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FormatArg {
    Table,
    Json,
    Ndjson,
    Csv,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Create the database (or bring its schema up to date).
    Init,
    /// Ingest files and folders (recursively); `-` reads one article from standard input.
    Ingest(ingest::Args),
    /// List articles.
    Articles(simple::ArticlesArgs),
    /// Show one article: by id or a unique prefix of its content hash.
    Show(show::Args),
    /// Full-text search of titles and bodies (Arabic and English, diacritics and hamza forms folded).
    Search(simple::SearchArgs),
    /// List stories: near-duplicate articles (copies of one dispatch) grouped, largest first.
    Stories(stories::ListArgs),
    /// Explain an article's story: its similarity to the other articles of it (or to one other).
    Similar(stories::SimilarArgs),
    /// Run one read-only SQL statement.
    Sql(sql::Args),
    /// Counts, dedup ratio, database size.
    Stats,
    /// Print the database schema.
    Schema,
    /// List actors (people, organizations, countries, places, events).
    Actors(actors::ListArgs),
    /// One actor's profile: aliases, roles, statements, relations, articles.
    Actor(actors::ProfileArgs),
    /// List statements (who said what).
    Statements(actors::StatementArgs),
    /// List relations (who did what with whom).
    Relations(actors::RelationArgs),
    /// Tag pre-tokenized text (one token per line, blank line between sentences) with
    /// PERS/LOC/ORG/MISC in IOB2; no database needed.
    Tag(tag::Args),
    /// Re-run extraction over stored articles (after a lexicon or code change).
    Reextract(reextract::Args),
    /// Fix actors by hand: add an alias, merge two actors. Fixes survive re-extraction.
    Alias(actors::AliasArgs),
}

/// Settings shared by every subcommand, parsed once.
pub struct Settings {
    /// The database path.
    pub db: PathBuf,
    /// Output format.
    pub format: Format,
    /// No progress or summary on stderr.
    pub quiet: bool,
    /// Verbosity.
    pub verbose: u8,
}

/// A date bound for `--since`/`--until`: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or an RFC 3339 time,
/// checked when the command line is parsed (a bad date is a usage error, never an empty answer).
pub fn date_arg(s: &str) -> Result<String, String> {
    let s = s.trim();
    let full = |d: &str| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok();
    let ok = match s.len() {
        4 => s.bytes().all(|b| b.is_ascii_digit()),
        7 => full(&format!("{s}-01")),
        10 => full(s),
        _ => chrono::DateTime::parse_from_rfc3339(s).is_ok(),
    };
    if ok {
        Ok(s.to_owned())
    } else {
        Err("expected a date: YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339 time (2018-03-17T06:15:49Z)".into())
    }
}

/// A clap error as one line (`error: ` dropped, a hint to `--help` added).
fn one_line(e: &clap::Error) -> String {
    let text = e.to_string();
    let first = text.lines().next().unwrap_or("bad usage");
    let first = first.strip_prefix("error: ").unwrap_or(first);
    let values = text.lines().map(str::trim).find(|l| l.starts_with("[possible values"));
    match values {
        Some(v) => format!("{first} {v} (see --help)"),
        None => format!("{first} (see --help)"),
    }
}

/// Parses the command line and runs the subcommand.
pub fn run() -> anyhow::Result<()> {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // --help and --version print to stdout and succeed.
        Err(e) if !e.use_stderr() => {
            e.print()?;
            return Ok(());
        }
        Err(e) => return Err(isnad::Error::Usage(one_line(&e)).into()),
    };
    isnad::store::announce_waits(!cli.quiet);
    let settings = Settings {
        db: cli.db,
        format: match cli.format {
            FormatArg::Table => Format::Table,
            FormatArg::Json => Format::Json,
            FormatArg::Ndjson => Format::Ndjson,
            FormatArg::Csv => Format::Csv,
        },
        quiet: cli.quiet,
        verbose: cli.verbose,
    };
    match cli.command {
        Command::Init => simple::init(&settings),
        Command::Ingest(args) => ingest::run(&settings, args),
        Command::Articles(args) => simple::articles(&settings, args),
        Command::Show(args) => show::run(&settings, args),
        Command::Search(args) => simple::search(&settings, args),
        Command::Sql(args) => sql::run(&settings, args),
        Command::Stories(args) => stories::list(&settings, args),
        Command::Similar(args) => stories::similar(&settings, args),
        Command::Stats => simple::stats(&settings),
        Command::Schema => simple::schema(&settings),
        Command::Actors(args) => actors::list(&settings, args),
        Command::Actor(args) => actors::profile(&settings, args),
        Command::Statements(args) => actors::statements(&settings, args),
        Command::Relations(args) => actors::relations(&settings, args),
        Command::Tag(args) => tag::run(&settings, args),
        Command::Reextract(args) => reextract::run(&settings, args),
        Command::Alias(args) => actors::alias(&settings, args),
    }
}

/// Runs `f` with a buffered, locked stdout and flushes it.
pub fn with_stdout(f: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    f(&mut out)?;
    out.flush()?;
    Ok(())
}

/// Opens the database read-only for a query command.
pub fn open_read(settings: &Settings) -> anyhow::Result<isnad::store::Store> {
    Ok(isnad::store::Store::open_read_only(&settings.db)?)
}
