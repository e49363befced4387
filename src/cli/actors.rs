//! `actors`, `actor NAME`, `statements`, `relations`: the extracted knowledge.

use clap::{Args as ClapArgs, ValueEnum};
use isnad::extract::Kind;
use isnad::output;
use isnad::store::query::{DateBound, RelationFilter, StatementFilter};

use super::{Settings, open_read, with_stdout};

#[derive(Debug, ClapArgs)]
pub(crate) struct ListArgs {
    /// Only this kind.
    #[arg(long, value_enum)]
    kind: Option<KindArg>,
    /// Only actors with this name or alias (Arabic or English, normalized).
    #[arg(long)]
    name: Option<String>,
    /// At most this many.
    #[arg(long)]
    limit: Option<u32>,
}

/// The kinds of actor, as `--kind` takes them.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum KindArg {
    #[value(alias = "per", alias = "pers")]
    Person,
    #[value(alias = "org", alias = "organisation")]
    Organization,
    Country,
    #[value(alias = "loc", alias = "location")]
    Place,
    Event,
    #[value(alias = "misc")]
    Other,
}

impl From<KindArg> for Kind {
    fn from(k: KindArg) -> Kind {
        match k {
            KindArg::Person => Kind::Person,
            KindArg::Organization => Kind::Organization,
            KindArg::Country => Kind::Country,
            KindArg::Place => Kind::Place,
            KindArg::Event => Kind::Event,
            KindArg::Other => Kind::Other,
        }
    }
}

pub(crate) fn list(settings: &Settings, args: ListArgs) -> anyhow::Result<()> {
    let store = open_read(settings)?;
    let rows = store.actors(
        args.kind.map(Kind::from),
        args.name.as_deref(),
        args.limit.map(u64::from),
    )?;
    with_stdout(|out| output::list(out, settings.format, &rows))
}

#[derive(Debug, ClapArgs)]
pub(crate) struct ProfileArgs {
    /// Any name or alias of the actor, Arabic or English.
    name: String,
    /// Show at most this many statements and relations (the totals are always given).
    #[arg(long, default_value_t = 20)]
    limit: u32,
}

pub(crate) fn profile(settings: &Settings, args: ProfileArgs) -> anyhow::Result<()> {
    let store = open_read(settings)?;
    let profile = store.actor_profile(&args.name, args.limit as usize)?;
    with_stdout(|out| output::one(out, settings.format, &profile))
}

#[derive(Debug, ClapArgs)]
pub(crate) struct StatementArgs {
    /// Only statements by this speaker (any alias).
    #[arg(long)]
    speaker: Option<String>,
    /// Only statements that name this actor (any alias) or contain these words.
    #[arg(long)]
    about: Option<String>,
    /// Only statements whose text contains these words (normalized).
    #[arg(long)]
    contains: Option<String>,
    /// Only from articles published at or after this date.
    #[arg(long)]
    since: Option<DateBound>,
    /// Only from articles published at or before this date.
    #[arg(long)]
    until: Option<DateBound>,
    /// Only from this article id.
    #[arg(long)]
    article: Option<i64>,
    /// Also list statements with no named speaker: anonymous sources (مصادر، شهود) and
    /// subjects that could not be resolved.
    #[arg(long)]
    unattributed: bool,
    /// At most this many.
    #[arg(long)]
    limit: Option<u32>,
}

pub(crate) fn statements(settings: &Settings, args: StatementArgs) -> anyhow::Result<()> {
    let store = open_read(settings)?;
    let rows = store.statements(&StatementFilter {
        speaker: args.speaker,
        about: args.about,
        contains: args.contains,
        since: args.since,
        until: args.until,
        article: args.article,
        unattributed: args.unattributed,
        limit: args.limit.map(u64::from),
        ..Default::default()
    })?;
    with_stdout(|out| output::list(out, settings.format, &rows))
}

#[derive(Debug, ClapArgs)]
pub(crate) struct RelationArgs {
    /// Only relations this actor takes part in (any alias).
    #[arg(long)]
    actor: Option<String>,
    /// Only this predicate (meet, agree, dispute, support, attack, sanction, grant_asylum, affiliation, ...).
    #[arg(long)]
    predicate: Option<String>,
    /// Only from this article id.
    #[arg(long)]
    article: Option<i64>,
    /// At most this many.
    #[arg(long)]
    limit: Option<u32>,
}

pub(crate) fn relations(settings: &Settings, args: RelationArgs) -> anyhow::Result<()> {
    let store = open_read(settings)?;
    let rows = store.relations(&RelationFilter {
        actor: args.actor,
        predicate: args.predicate,
        article: args.article,
        limit: args.limit.map(u64::from),
        ..Default::default()
    })?;
    with_stdout(|out| output::list(out, settings.format, &rows))
}

#[derive(Debug, ClapArgs)]
pub(crate) struct AliasArgs {
    #[command(subcommand)]
    op: AliasOp,
}

#[derive(Debug, clap::Subcommand)]
enum AliasOp {
    /// Add ALIAS to the actor NAME refers to.
    Add {
        /// Any name or alias of the actor.
        name: String,
        /// The new alias.
        alias: String,
    },
    /// Merge the actor OTHER refers to into the one KEEP refers to.
    Merge {
        /// The actor to keep (its canonical name stays).
        keep: String,
        /// The actor merged into it.
        other: String,
    },
}

pub(crate) fn alias(settings: &Settings, args: AliasArgs) -> anyhow::Result<()> {
    let mut store = isnad::store::Store::open(&settings.db)?;
    let message = match args.op {
        AliasOp::Add { name, alias } => {
            let actor = store.add_alias(&name, &alias)?;
            format!("added alias {alias} to {} (id {})", actor.name, actor.id)
        }
        AliasOp::Merge { keep, other } => {
            let (keep, other) = store.merge_actors(&keep, &other)?;
            format!(
                "merged {} (id {}) into {} (id {})",
                other.name, other.id, keep.name, keep.id
            )
        }
    };
    if !settings.quiet {
        eprintln!("{message}");
    }
    Ok(())
}
