//! The command line: flags parsed once into [`Settings`], one module per subcommand with a
//! `run()`. This is the only place that uses `anyhow`; the library reports typed errors.

mod actors;
mod ingest;
mod reextract;
mod show;
mod simple;
mod sql;
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

/// Parses the command line and runs the subcommand.
pub fn run() -> anyhow::Result<()> {
    let cli = Cli::parse();
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
