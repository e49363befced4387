//! `isnad ingest PATH...`: files and folders (recursively), `-` for standard input. Shows a
//! progress bar on a terminal and prints a summary: a JSON object with `--format json`, else a
//! short report on stderr. Exits 0 even when some files were bad (they are listed in `errors`).

use std::io::{IsTerminal, Read};
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use clap::Args as ClapArgs;
use indicatif::{ProgressBar, ProgressStyle};
use isnad::ingest::{Limits, Options, Summary, ingest, inputs_from_paths};
use isnad::output::{self, Format};

use super::{Settings, with_stdout};

#[derive(Debug, ClapArgs)]
pub(crate) struct Args {
    /// Files or folders to ingest; `-` reads one article from standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Worker threads (default: the number of cores).
    #[arg(long, short = 'j')]
    jobs: Option<usize>,
    /// Store articles without extracting actors, statements and relations (run `reextract` later).
    #[arg(long)]
    no_extract: bool,
    /// Refuse files larger than this (an ingest error; the run goes on): bytes, or with a unit
    /// K/KiB, M/MiB, G/GiB.
    #[arg(long, value_name = "SIZE", default_value = "64MiB", value_parser = size_arg)]
    max_file_size: u64,
    /// Refuse articles (title and text as read) larger than this: bytes, or with a unit.
    #[arg(long, value_name = "SIZE", default_value = "2MiB", value_parser = size_arg)]
    max_article_size: u64,
    /// Commit after this many articles (default 2000; a commit also happens every 2 s). Hidden:
    /// for tuning, and for the kill-and-resume test, which needs commits early in a run.
    #[arg(long, hide = true, value_name = "N")]
    batch_articles: Option<usize>,
}

/// A size: `1048576`, `640K`, `64MiB`, `1G` (binary units, case-insensitive).
fn size_arg(s: &str) -> Result<u64, String> {
    let t = s.trim().to_ascii_lowercase();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (number, unit) = t.split_at(digits);
    let shift = match unit.trim() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => return Err("expected a size such as 2MiB, 640K or 1048576".into()),
    };
    number
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(1 << shift))
        .filter(|&n| n > 0)
        .ok_or_else(|| "expected a positive size such as 2MiB, 640K or 1048576".into())
}

pub(crate) fn run(settings: &Settings, args: Args) -> anyhow::Result<()> {
    let inputs = inputs_from_paths(&args.paths, || {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf)?;
        Ok(buf)
    })
    .context("reading standard input")?;
    let opts = options(&args);
    let bar = progress_bar(settings, inputs.len());
    let command = format!(
        "ingest {}",
        args.paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(" ")
    );
    let summary = ingest(&settings.db, inputs, &opts, &command, &mut |counts, _total| {
        if let Some(bar) = &bar {
            bar.set_position(counts.files);
            bar.set_message(format!(
                "{} new, {} duplicate, {} errors",
                counts.articles_new, counts.articles_duplicate, counts.errors
            ));
        }
    })
    .with_context(|| format!("ingesting into {}", settings.db.display()))?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    if !settings.quiet {
        report(settings, &summary);
    }
    match settings.format {
        Format::Table => Ok(()),
        format => with_stdout(|out| output::one(out, format, &summary)),
    }
}

/// The flags as ingest's options (the defaults for what is not given).
fn options(args: &Args) -> Options {
    let mut opts = Options {
        extract: !args.no_extract,
        limits: Limits {
            max_file_bytes: args.max_file_size,
            max_article_bytes: usize::try_from(args.max_article_size).unwrap_or(usize::MAX),
        },
        ..Options::default()
    };
    if let Some(j) = args.jobs {
        opts.jobs = j.max(1);
    }
    if let Some(n) = args.batch_articles {
        opts.batch_articles = n.max(1);
    }
    opts
}

/// A progress bar over `files` on a terminal, unless `-q`.
fn progress_bar(settings: &Settings, files: usize) -> Option<ProgressBar> {
    (!settings.quiet && std::io::stderr().is_terminal()).then(|| {
        let bar = ProgressBar::new(files as u64);
        bar.set_style(
            ProgressStyle::with_template(
                "{bar:30} {pos}/{len} files  {per_sec}  {msg}  [{elapsed_precise}, eta {eta}]",
            )
            .expect("valid template"),
        );
        bar.enable_steady_tick(Duration::from_millis(200));
        bar
    })
}

/// On stderr: each skipped file or record, with `-v` where the time went, and for a table the
/// run's counts.
fn report(settings: &Settings, summary: &Summary) {
    for e in &summary.errors {
        match &e.record {
            Some(r) => eprintln!("isnad: skipped {}#{r}: {}", e.path, e.error),
            None => eprintln!("isnad: skipped {}: {}", e.path, e.error),
        }
    }
    if settings.verbose > 0 {
        // Where the time went: worker stages summed over the workers, writer stages on the writer.
        let t = &summary.stages;
        eprintln!(
            "stages ({} workers): read {:.2}s, raw hash {:.2}s, look-ups {:.2}s, decode {:.2}s, parse {:.2}s, clean+hash {:.2}s, search forms {:.2}s, extract {:.2}s",
            t.workers, t.read, t.raw_hash, t.lookups, t.decode, t.parse, t.clean_hash, t.prepare, t.extract
        );
        eprintln!(
            "writer: rows {:.2}s, full-text {:.2}s, extraction rows {:.2}s, commits {:.2}s, waiting {:.2}s",
            t.write, t.fts, t.write_extraction, t.commit, t.writer_idle
        );
    }
    if settings.format == Format::Table {
        eprintln!(
            "{} files ({} unchanged): {} new articles, {} duplicates, {} errors in {:.1}s",
            summary.files,
            summary.files_unchanged,
            summary.articles_new,
            summary.articles_duplicate,
            summary.errors.len(),
            summary.seconds
        );
    }
}
