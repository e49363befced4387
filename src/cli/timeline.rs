//! `timeline NAME`: an actor's mentions, statements and relations per day, week or month, with a
//! sparkline column in the table.

use clap::{Args as ClapArgs, ValueEnum};
use isnad::output::{self, Format};
use isnad::store::query::DateBound;
use isnad::store::timeline::{Period, TimelineFilter, TimelineRow};
use serde_json::{Map, Value};

use super::{Settings, open_read, with_stdout};

#[derive(Debug, ClapArgs)]
pub(crate) struct Args {
    /// Any name or alias of the actor, Arabic or English (resolved as `actor NAME` does).
    name: String,
    /// Period length (a week starts on Monday and is named by that day).
    #[arg(long, value_enum, default_value_t = PeriodArg::Month)]
    by: PeriodArg,
    /// Only articles published at or after this date.
    #[arg(long)]
    since: Option<DateBound>,
    /// Only articles published at or before this date.
    #[arg(long)]
    until: Option<DateBound>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum PeriodArg {
    Day,
    Week,
    Month,
}

/// `isnad timeline NAME`.
pub(crate) fn run(settings: &Settings, args: Args) -> anyhow::Result<()> {
    let store = open_read(settings)?;
    let by = match args.by {
        PeriodArg::Day => Period::Day,
        PeriodArg::Week => Period::Week,
        PeriodArg::Month => Period::Month,
    };
    let filter = TimelineFilter {
        by,
        since: args.since,
        until: args.until,
    };
    let timeline = store.timeline(&args.name, &filter)?;
    let (actor, rows, undated) = (&timeline.actor, &timeline.rows, &timeline.undated);
    if !settings.quiet {
        eprintln!("{} ({}, id {})", actor.name, actor.kind, actor.id);
        if undated.mentions + undated.statements + undated.relations > 0 {
            eprintln!(
                "left out, in articles without a publication date: {} mentions, {} statements, {} relations",
                undated.mentions, undated.statements, undated.relations
            );
        }
    }
    with_stdout(|out| match settings.format {
        Format::Table => {
            let (columns, objects) = with_sparkline(rows);
            output::list_objects(out, Format::Table, &columns, &objects)
        }
        format => output::list(out, format, rows),
    })
}

/// The rows as table objects with a `spark` column: the mentions of each period as a block
/// scaled to the busiest period, so the column reads as a sparkline from top to bottom.
fn with_sparkline(rows: &[TimelineRow]) -> (Vec<String>, Vec<Map<String, Value>>) {
    let columns = ["period", "mentions", "statements", "relations", "spark"]
        .map(String::from)
        .to_vec();
    let spark = output::sparkline(&rows.iter().map(|r| r.mentions).collect::<Vec<_>>());
    let objects = rows
        .iter()
        .zip(spark)
        .map(|(r, block)| {
            let mut o = Map::new();
            o.insert("period".into(), r.period.clone().into());
            o.insert("mentions".into(), r.mentions.into());
            o.insert("statements".into(), r.statements.into());
            o.insert("relations".into(), r.relations.into());
            o.insert("spark".into(), block.to_string().into());
            o
        })
        .collect();
    (columns, objects)
}
