//! `isnad reextract`: run extraction again over stored articles after a lexicon or code change.

use std::io::IsTerminal;

use clap::Args as ClapArgs;
use indicatif::{ProgressBar, ProgressStyle};
use isnad::output::{self, Format};

use super::{Settings, with_stdout};

#[derive(Debug, ClapArgs)]
pub struct Args {
    /// Re-extract every article, not only those extracted by another extractor version.
    #[arg(long)]
    all: bool,
    /// Worker threads (default: the number of cores).
    #[arg(long, short = 'j')]
    jobs: Option<usize>,
}

pub fn run(settings: &Settings, args: Args) -> anyhow::Result<()> {
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()));
    let bar = (!settings.quiet && std::io::stderr().is_terminal()).then(|| {
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} articles  {per_sec}  [{elapsed_precise}, eta {eta}]")
                .expect("valid template"),
        );
        bar
    });
    let summary = isnad::reextract::reextract(&settings.db, args.all, jobs, &mut |done, total| {
        if let Some(bar) = &bar {
            bar.set_length(total);
            bar.set_position(done);
        }
    })?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
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
