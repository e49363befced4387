//! `isnad reextract`: run extraction again over stored articles after a lexicon or code change.

use clap::Args as ClapArgs;
use isnad::output::{self, Format};

use super::{Settings, with_stdout};

#[derive(Debug, ClapArgs)]
pub(crate) struct Args {
    /// Re-extract every article, not only those extracted by another extractor version.
    #[arg(long)]
    all: bool,
    /// Worker threads (default: the number of cores).
    #[arg(long, short = 'j')]
    jobs: Option<usize>,
}

pub(crate) fn run(settings: &Settings, args: Args) -> anyhow::Result<()> {
    let jobs = super::jobs_or_cores(args.jobs);
    let progress = super::ArticleProgress::new(settings);
    let summary = isnad::reextract::reextract(&settings.db, args.all, jobs, &mut |done, total| {
        progress.tick(done, total)
    })?;
    progress.finish();
    match settings.format {
        Format::Table => {
            if !settings.quiet {
                eprintln!(
                    "re-extracted {} articles with extractor version {} in {:.1}s ({} hand fixes re-applied)",
                    summary.articles, summary.extractor_version, summary.seconds, summary.fixes_reapplied
                );
            }
            Ok(())
        }
        format => with_stdout(|out| output::one(out, format, &summary)),
    }
}
