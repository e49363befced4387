//! `isnad merge SHARD.db... --into ALL.db`: fold shard databases into one, as if one ingest had
//! read all their inputs. Prints a summary: a JSON object with `--format json`, else one line on
//! stderr.

use std::path::PathBuf;

use clap::Args as ClapArgs;
use isnad::output::{self, Format};

use super::{Settings, with_stdout};

#[derive(Debug, ClapArgs)]
#[command(after_help = "Examples:
  isnad merge node1.db node2.db node3.db --into all.db
  isnad --format json merge shards/*.db --into all.db")]
pub(crate) struct Args {
    /// Shard databases made by `isnad ingest` (read only, never changed).
    #[arg(required = true, value_name = "SHARD.db")]
    shards: Vec<PathBuf>,
    /// The database to merge into (created if missing; default: --db).
    #[arg(long, value_name = "DB")]
    into: Option<PathBuf>,
    /// Worker threads (default: the number of cores).
    #[arg(long, short = 'j')]
    jobs: Option<usize>,
    /// Store articles without extracting them (as `ingest --no-extract`).
    #[arg(long)]
    no_extract: bool,
    /// Commit after this many articles (default 2000; a commit also happens every 2 s). Hidden:
    /// for the kill-and-resume test, which needs commits early in a run.
    #[arg(long, hide = true, value_name = "N", default_value_t = 2000)]
    batch_articles: usize,
}

pub(crate) fn run(settings: &Settings, args: Args) -> anyhow::Result<()> {
    let into = args.into.unwrap_or_else(|| settings.db.clone());
    let jobs = super::jobs_or_cores(args.jobs);
    let progress = super::ArticleProgress::new(settings);
    let opts = isnad::merge::Options {
        jobs,
        extract: !args.no_extract,
        batch_articles: args.batch_articles,
    };
    let summary = isnad::merge::merge(&into, &args.shards, opts, &mut |done, total| progress.tick(done, total))?;
    progress.finish();
    match settings.format {
        Format::Table => {
            if !settings.quiet {
                eprintln!(
                    "merged {} shards into {}: {} articles ({} new, {} already there), {} new sources, {} new errors, {} new hand fixes in {:.1}s",
                    summary.shards,
                    into.display(),
                    summary.articles,
                    summary.articles_new,
                    summary.articles_duplicate,
                    summary.sources_new,
                    summary.errors_new,
                    summary.fixes_new,
                    summary.seconds
                );
            }
            Ok(())
        }
        format => with_stdout(|out| output::one(out, format, &summary)),
    }
}
