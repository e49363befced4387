//! `isnad export --parquet DIR` / `--jsonl DIR`: the tables as files for DuckDB, Spark or Trino,
//! partitioned by month of publication. Prints what it wrote: a JSON object with `--format json`,
//! else one line per table on stderr.

use std::path::PathBuf;

use clap::Args as ClapArgs;
use isnad::export::{self, Format as FileFormat};
use isnad::output::{self, Format};

use super::{Settings, open_read, with_stdout};

#[derive(Debug, ClapArgs)]
#[command(after_help = "Examples:
  isnad --db sample.db export --parquet lake
  isnad --db sample.db export --jsonl lake-jsonl --single-files")]
#[group(required = true, multiple = true, args = ["parquet", "jsonl"])]
pub(crate) struct Args {
    /// Write Parquet files into this folder (`DIR/articles/month=YYYY-MM/part-0.parquet`, …).
    #[arg(long, value_name = "DIR")]
    parquet: Option<PathBuf>,
    /// Write JSON Lines files into this folder, laid out the same way.
    #[arg(long, value_name = "DIR")]
    jsonl: Option<PathBuf>,
    /// One file per table instead of one per month of publication.
    #[arg(long)]
    single_files: bool,
}

pub(crate) fn run(settings: &Settings, args: Args) -> anyhow::Result<()> {
    let store = open_read(settings)?;
    let mut summaries = Vec::new();
    for (dir, format) in [(args.parquet, FileFormat::Parquet), (args.jsonl, FileFormat::Jsonl)] {
        if let Some(dir) = dir {
            summaries.push(export::export(&store, &dir, format, args.single_files)?);
        }
    }
    match settings.format {
        Format::Table => {
            if !settings.quiet {
                for s in &summaries {
                    for t in &s.tables {
                        eprintln!(
                            "{}/{}: {} rows in {} {} files",
                            s.dir, t.table, t.rows, t.files, s.format
                        );
                    }
                    eprintln!("exported to {} in {:.1}s", s.dir, s.seconds);
                }
            }
            Ok(())
        }
        format if summaries.len() == 1 => with_stdout(|out| output::one(out, format, &summaries[0])),
        format => with_stdout(|out| output::list(out, format, &summaries)),
    }
}
