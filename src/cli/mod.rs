//! The command line: flags parsed once into [`Settings`], one module per subcommand with a
//! `run()`. This is the only place that uses `anyhow`; the library reports typed errors.

mod actors;
mod completions;
mod datasette;
mod export;
mod graph;
mod ingest;
mod man;
mod merge;
mod reextract;
mod show;
mod simple;
mod sql;
mod stories;
mod tag;
mod timeline;

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use isnad::graph::GraphFormat;
use isnad::output::Format;

/// The `after_help` of a subcommand: two example command lines, run against the bundled sample
/// (`isnad --db sample.db ingest examples/sample`).
macro_rules! examples {
    ($first:literal, $second:literal) => {
        concat!("Examples:\n  ", $first, "\n  ", $second)
    };
}

/// isnad: a knowledge store for news. Ingest articles (Arabic and English), then query who said
/// what and who did what with whom, with SQL or the commands below.
#[derive(Debug, Parser)]
#[command(name = "isnad", version, about, long_about = None, after_help = examples!(
    "isnad --db sample.db ingest examples/sample",
    "isnad --db sample.db statements --speaker لافروف --limit 4"
))]
pub(crate) struct Cli {
    /// The database file.
    #[arg(long, global = true, env = "ISNAD_DB", default_value = "isnad.db")]
    db: PathBuf,
    /// Output format (dot, graphml and gexf are for `graph` only).
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
    Dot,
    Graphml,
    Gexf,
}

impl FormatArg {
    /// The format of a listing; `None` for the formats only `graph` writes.
    fn listing(self) -> Option<Format> {
        match self {
            FormatArg::Table => Some(Format::Table),
            FormatArg::Json => Some(Format::Json),
            FormatArg::Ndjson => Some(Format::Ndjson),
            FormatArg::Csv => Some(Format::Csv),
            FormatArg::Dot | FormatArg::Graphml | FormatArg::Gexf => None,
        }
    }

    /// The format of `graph`: a listing format writes the edge list (JSON: node-link).
    fn graph(self) -> GraphFormat {
        match self {
            FormatArg::Table => GraphFormat::Table,
            FormatArg::Json => GraphFormat::Json,
            FormatArg::Ndjson => GraphFormat::Ndjson,
            FormatArg::Csv => GraphFormat::Csv,
            FormatArg::Dot => GraphFormat::Dot,
            FormatArg::Graphml => GraphFormat::Graphml,
            FormatArg::Gexf => GraphFormat::Gexf,
        }
    }
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Create the database (or bring its schema up to date).
    #[command(after_help = examples!("isnad --db news.db init", "ISNAD_DB=news.db isnad init -q"))]
    Init,
    /// Ingest files and folders (recursively); `-` reads one article from standard input.
    #[command(after_help = examples!(
        "isnad --db sample.db ingest examples/sample",
        "isnad --db sample.db ingest - --format json < examples/sample/seed/000_5bfdd5c7459b2733.txt"
    ))]
    Ingest(ingest::Args),
    /// List articles.
    #[command(after_help = examples!(
        "isnad --db sample.db articles --limit 3 --format csv",
        "isnad --db sample.db articles --source BBC --since 2018-04 --until 2018-06"
    ))]
    Articles(simple::ArticlesArgs),
    /// Show one article: by id or a unique prefix of its content hash.
    #[command(after_help = examples!("isnad --db sample.db show 8", "isnad --db sample.db show f1c0247a --format json"))]
    Show(show::Args),
    /// Full-text search of titles and bodies (Arabic and English, diacritics and hamza forms folded).
    #[command(after_help = examples!(
        "isnad --db sample.db search \"سوريا\" --limit 3",
        "isnad --db sample.db search \"لافروف جنيف\" --format ndjson"
    ))]
    Search(simple::SearchArgs),
    /// List stories: near-duplicate articles (copies of one dispatch) grouped, largest first.
    #[command(after_help = examples!(
        "isnad --db sample.db stories --limit 5",
        "isnad --db sample.db stories --min-articles 2 --since 2018-07-01 --format json"
    ))]
    Stories(stories::ListArgs),
    /// Explain an article's story: its similarity to the other articles of it (or to one other).
    #[command(after_help = examples!("isnad --db sample.db similar 8", "isnad --db sample.db similar 2 3 --format json"))]
    Similar(stories::SimilarArgs),
    /// Run one read-only SQL statement.
    #[command(after_help = examples!(
        "isnad --db sample.db sql \"SELECT lang, count(*) AS n FROM articles GROUP BY lang\"",
        "isnad --db sample.db sql \"SELECT id, title FROM articles WHERE outlet = :o\" --param o=BBC --format csv"
    ))]
    Sql(sql::Args),
    /// Counts, dedup ratio, database size.
    #[command(after_help = examples!("isnad --db sample.db stats", "isnad --db sample.db stats --format json"))]
    Stats,
    /// Print the database schema.
    #[command(after_help = examples!(
        "isnad --db sample.db schema",
        "isnad --db sample.db schema | grep -A12 \"CREATE TABLE statements\""
    ))]
    Schema,
    /// List actors (people, organizations, countries, places, events).
    #[command(after_help = examples!(
        "isnad --db sample.db actors --kind person --limit 4",
        "isnad --db sample.db actors --name Lavrov --format json"
    ))]
    Actors(actors::ListArgs),
    /// One actor's profile: aliases, roles, statements, relations, articles.
    #[command(after_help = examples!(
        "isnad --db sample.db actor لافروف",
        "isnad --db sample.db actor \"Donald Trump\" --limit 5 --format json"
    ))]
    Actor(actors::ProfileArgs),
    /// List statements (who said what).
    #[command(after_help = examples!(
        "isnad --db sample.db statements --speaker لافروف --limit 4",
        "isnad --db sample.db statements --unattributed --article 5 --format csv"
    ))]
    Statements(actors::StatementArgs),
    /// List relations (who did what with whom).
    #[command(after_help = examples!(
        "isnad --db sample.db relations --predicate host",
        "isnad --db sample.db relations --actor \"John Kerry\" --format csv"
    ))]
    Relations(actors::RelationArgs),
    /// An actor's mentions, statements and relations over time (by publication date), with a sparkline.
    #[command(after_help = examples!(
        "isnad --db sample.db timeline ترمب --by month",
        "isnad --db sample.db timeline Trump --by week --since 2018-04 --until 2018-05 --format csv"
    ))]
    Timeline(timeline::Args),
    /// Tag pre-tokenized text (one token per line, blank line between sentences) with
    /// PERS/LOC/ORG/MISC in IOB2; no database needed.
    #[command(after_help = examples!(
        "printf 'قال\\nسيرغي\\nلافروف\\n' | isnad tag",
        "isnad tag ANERCorp_train.txt > tags.tsv"
    ))]
    Tag(tag::Args),
    /// Re-run extraction over stored articles (after a lexicon or code change).
    #[command(after_help = examples!("isnad --db sample.db reextract", "isnad --db sample.db reextract --all -j 2"))]
    Reextract(reextract::Args),
    /// Fix actors by hand: add an alias, merge two actors. Fixes survive re-extraction.
    #[command(after_help = examples!(
        "isnad --db sample.db alias add \"إدوارد سنودن\" \"Edward Snowden\"",
        "isnad --db sample.db alias merge Syria \"Syrian government\""
    ))]
    Alias(actors::AliasArgs),
    /// Print Datasette metadata for the database: descriptions, full-text search, canned queries.
    #[command(after_help = examples!(
        "isnad --db sample.db datasette --metadata > metadata.json && datasette sample.db -m metadata.json",
        "isnad --db sample.db datasette --metadata"
    ))]
    Datasette(datasette::Args),
    /// Print a completion script for a shell (bash, zsh, fish, elvish, powershell).
    #[command(after_help = examples!(
        "isnad completions bash > ~/.local/share/bash-completion/completions/isnad",
        "isnad completions fish > ~/.config/fish/completions/isnad.fish"
    ))]
    Completions(completions::Args),
    /// Print the manual page (roff), or write one page per subcommand with `--dir`.
    #[command(after_help = examples!("isnad man | man -l -", "isnad man --dir /usr/local/share/man/man1"))]
    Man(man::Args),
    /// The actor network: actors as nodes, relations folded into edges; as DOT, GraphML, GEXF,
    /// node-link JSON or an edge list, or drawn with Graphviz (--render).
    ///
    /// Nodes: actors with kind, country and mentions. Edges: one per subject, predicate, object
    /// and negation, with count, articles, first and last publication date and the surest
    /// evidence. --format dot, graphml, gexf or json (node-link, for networkx's
    /// node_link_graph(data, edges="edges")); table, csv and ndjson give the edge list.
    #[command(after_help = examples!(
        "isnad --db sample.db graph --actor لافروف --format dot",
        "isnad --db sample.db graph --format graphml > actors.graphml"
    ))]
    Graph(graph::Args),
    /// Fold shard databases into one, as if one ingest had read all their inputs.
    Merge(merge::Args),
    /// Write the tables as Parquet or JSON Lines files, partitioned by month of publication.
    Export(export::Args),
}

/// Settings shared by every subcommand, parsed once.
pub(crate) struct Settings {
    /// The database path.
    pub db: PathBuf,
    /// Output format.
    pub format: Format,
    /// No progress or summary on stderr.
    pub quiet: bool,
    /// Verbosity.
    pub verbose: u8,
}

/// A clap error as one line (`error: ` dropped, a hint to `--help` added).
fn one_line(e: &clap::Error) -> String {
    let text = e.to_string();
    let mut lines = text.lines();
    let first = lines.next().unwrap_or("bad usage");
    let first = first.strip_prefix("error: ").unwrap_or(first);
    // "the following required arguments were not provided:" names them on the next lines.
    let named: Vec<&str> = match first.ends_with(':') {
        true => lines.map(str::trim).take_while(|l| !l.is_empty()).collect(),
        false => Vec::new(),
    };
    let joined = format!("{first} {}", named.join(", "));
    let first = if named.is_empty() { first } else { joined.as_str() };
    let values = text.lines().map(str::trim).find(|l| l.starts_with("[possible values"));
    match values {
        Some(v) => format!("{first} {v} (see --help)"),
        None => format!("{first} (see --help)"),
    }
}

/// Parses the command line and runs the subcommand.
pub(crate) fn run() -> anyhow::Result<()> {
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
        format: listing_format(cli.format, &cli.command)?,
        db: cli.db,
        quiet: cli.quiet,
        verbose: cli.verbose,
    };
    dispatch(&settings, cli.format, cli.command)
}

/// The listing format `--format` names; a graph format is a usage error except for `graph`.
fn listing_format(format: FormatArg, command: &Command) -> anyhow::Result<Format> {
    match (format.listing(), command) {
        (Some(format), _) => Ok(format),
        (None, Command::Graph(_)) => Ok(Format::Table),
        (None, _) => {
            let name = format
                .to_possible_value()
                .map(|v| v.get_name().to_owned())
                .unwrap_or_default();
            Err(isnad::Error::Usage(format!(
                "--format {name} is only for `graph`; listings take table, json, ndjson or csv"
            ))
            .into())
        }
    }
}

/// Runs the subcommand.
fn dispatch(settings: &Settings, format: FormatArg, command: Command) -> anyhow::Result<()> {
    match command {
        Command::Init => simple::init(settings),
        Command::Ingest(args) => ingest::run(settings, args),
        Command::Articles(args) => simple::articles(settings, args),
        Command::Show(args) => show::run(settings, args),
        Command::Search(args) => simple::search(settings, args),
        Command::Sql(args) => sql::run(settings, args),
        Command::Stories(args) => stories::list(settings, args),
        Command::Similar(args) => stories::similar(settings, args),
        Command::Stats => simple::stats(settings),
        Command::Schema => simple::schema(settings),
        Command::Actors(args) => actors::list(settings, args),
        Command::Actor(args) => actors::profile(settings, args),
        Command::Statements(args) => actors::statements(settings, args),
        Command::Relations(args) => actors::relations(settings, args),
        Command::Tag(args) => tag::run(settings, args),
        Command::Reextract(args) => reextract::run(settings, args),
        Command::Alias(args) => actors::alias(settings, args),
        Command::Timeline(args) => timeline::run(settings, args),
        Command::Datasette(args) => datasette::run(settings, args),
        Command::Completions(args) => completions::run(args),
        Command::Man(args) => man::run(args),
        Command::Graph(args) => graph::run(settings, format.graph(), args),
        Command::Merge(args) => merge::run(settings, args),
        Command::Export(args) => export::run(settings, args),
    }
}

/// Runs `f` with a buffered, locked stdout and flushes it.
pub(crate) fn with_stdout(f: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    f(&mut out)?;
    out.flush()?;
    Ok(())
}

/// Opens the database read-only for a query command.
pub(crate) fn open_read(settings: &Settings) -> anyhow::Result<isnad::store::Store> {
    Ok(isnad::store::Store::open_read_only(&settings.db)?)
}

/// The worker threads to use: as asked, else the number of cores.
pub(crate) fn jobs_or_cores(jobs: Option<usize>) -> usize {
    jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()))
}

/// A progress bar over articles on stderr, shown unless `--quiet` or stderr is not a terminal.
pub(crate) struct ArticleProgress(Option<indicatif::ProgressBar>);

impl ArticleProgress {
    /// A bar for `settings` (hidden when quiet or not on a terminal).
    pub(crate) fn new(settings: &Settings) -> ArticleProgress {
        use std::io::IsTerminal;
        ArticleProgress((!settings.quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = indicatif::ProgressBar::new(0);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{bar:30} {pos}/{len} articles  {per_sec}  [{elapsed_precise}, eta {eta}]",
                )
                .expect("valid template"),
            );
            bar
        }))
    }

    /// `done` of `total` articles.
    pub(crate) fn tick(&self, done: u64, total: u64) {
        if let Some(bar) = &self.0 {
            bar.set_length(total);
            bar.set_position(done);
        }
    }

    /// Clears the bar.
    pub(crate) fn finish(self) {
        if let Some(bar) = self.0 {
            bar.finish_and_clear();
        }
    }
}
