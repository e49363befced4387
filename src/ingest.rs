//! Ingest: drives the pipeline over many inputs. Worker threads read, decode, parse, clean,
//! hash and extract files in parallel; one writer (the calling thread) stores their results in
//! file order, in batched transactions. A file and everything it produced are committed
//! together, so a crash or kill leaves whole files only, and the next run picks up the rest.
//!
//! Work is skipped as early as possible: a file whose path, size and modification time are
//! recorded is not read at all; a file whose raw bytes were ingested before is not decoded; an
//! article whose content hash is stored is not extracted again.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::article::{Article, hex, sha256};
use crate::error::Result;
use crate::extract::Extractor;
use crate::pipeline::{self, Batch};
use crate::read::{self, InputFile, RecordError};
use crate::store::Store;
use crate::store::query::Lookup;
use crate::store::writer::{Added, Prepared, RunCounts, SearchForms, Writer};
use crate::story::Signature;

/// How to ingest.
#[derive(Debug, Clone)]
pub struct Options {
    /// Worker threads for reading, cleaning and extracting (the writer is one more).
    pub jobs: usize,
    /// Commit after this many articles...
    pub batch_articles: usize,
    /// ...or after this much time, whichever comes first.
    pub batch_time: Duration,
    /// Run extraction on new articles.
    pub extract: bool,
    /// Place new articles in stories (always, except in the benchmark's comparison run, which
    /// measures what stories cost: without them articles have no story).
    pub stories: bool,
    /// Size limits on files and articles.
    pub limits: Limits,
}

/// The largest inputs ingest takes; anything over is an ingest error naming the file or record
/// and the limit, and the rest of the run goes on. The defaults fit news with a wide margin.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Bytes of one input file (default 64 MiB).
    pub max_file_bytes: u64,
    /// Bytes of one article's title and text as read (default 2 MiB).
    pub max_article_bytes: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_file_bytes: 64 << 20,
            max_article_bytes: 2 << 20,
        }
    }
}

/// A size in words: `2.0 MiB`, `640 KiB`, `12 bytes`.
fn size_words(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 => format!("{:.1} MiB", b as f64 / (1u64 << 20) as f64),
        b if b >= 1 << 10 => format!("{:.1} KiB", b as f64 / 1024.0),
        b => format!("{b} bytes"),
    }
}

impl Default for Options {
    fn default() -> Options {
        Options {
            jobs: std::thread::available_parallelism().map_or(2, |n| n.get()).clamp(1, 8),
            batch_articles: 2000,
            batch_time: Duration::from_secs(2),
            extract: true,
            stories: true,
            limits: Limits::default(),
        }
    }
}

/// A file or record that could not be ingested.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct IngestError {
    /// The file (`-` for standard input).
    pub path: String,
    /// The record within it, when only one record was bad.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<String>,
    /// Why.
    pub error: String,
}

/// What a run did.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// The run's id in the `runs` table.
    pub run_id: i64,
    /// Files looked at.
    pub files: u64,
    /// Files skipped because they were ingested before.
    pub files_unchanged: u64,
    /// Articles stored for the first time.
    pub articles_new: u64,
    /// Articles already stored (including every article of an unchanged file).
    pub articles_duplicate: u64,
    /// Bad files and records.
    pub errors: Vec<IngestError>,
    /// Wall-clock seconds.
    pub seconds: f64,
    /// Where the time went (not part of the command's JSON output).
    #[serde(skip)]
    pub stages: StageTimes,
}

/// Seconds spent in each stage of a run. Worker stages are summed over the worker threads (so
/// they can add up to more than the wall-clock time); writer stages are on the one writer thread.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct StageTimes {
    /// Worker threads that ran.
    pub workers: usize,
    /// Workers: file metadata and reading the bytes.
    pub read: f64,
    /// Workers: SHA-256 of the raw bytes.
    pub raw_hash: f64,
    /// Workers: the skip look-ups (unchanged file, known raw bytes, known article).
    pub lookups: f64,
    /// Workers: bytes to text.
    pub decode: f64,
    /// Workers: format detection and splitting into records.
    pub parse: f64,
    /// Workers: cleaning, stored form and content hash ([`Article::from_raw`]).
    pub clean_hash: f64,
    /// Workers: match forms and paragraph hashes ([`prepare`] without extraction).
    pub prepare: f64,
    /// Workers: extraction.
    pub extract: f64,
    /// Workers: story signatures (shingles and MinHash).
    pub story_signatures: f64,
    /// Writer: finding each new article's story and storing its band keys.
    pub stories: f64,
    /// Writer: storing outcomes, except the full-text index and extraction results.
    pub write: f64,
    /// Writer: inserting into the full-text index.
    pub fts: f64,
    /// Writer: storing extraction results.
    pub write_extraction: f64,
    /// Writer: run updates and commits.
    pub commit: f64,
    /// Writer: waiting for the workers.
    pub writer_idle: f64,
}

/// Nanosecond counters behind [`StageTimes`], shared by the worker threads.
#[derive(Default)]
struct StageClock {
    read: AtomicU64,
    raw_hash: AtomicU64,
    lookups: AtomicU64,
    decode: AtomicU64,
    parse: AtomicU64,
    clean_hash: AtomicU64,
    prepare: AtomicU64,
    extract: AtomicU64,
    story_signatures: AtomicU64,
}

/// Adds the time since `*since` to `counter` and restarts `*since`.
fn lap(counter: &AtomicU64, since: &mut Instant) {
    let now = Instant::now();
    counter.fetch_add((now - *since).as_nanos() as u64, Ordering::Relaxed);
    *since = now;
}

fn secs(counter: &AtomicU64) -> f64 {
    counter.load(Ordering::Relaxed) as f64 / 1e9
}

/// One input to ingest: a file on disk or bytes read from standard input.
pub enum Input {
    /// A path (from [`read::walk`]).
    File(InputFile),
    /// Standard input's bytes, read by the caller.
    Stdin(Vec<u8>),
}

enum Outcome {
    /// Path, size and mtime match a file ingested before.
    Unchanged { articles: u64 },
    /// The raw bytes match a file ingested before (another path, or touched).
    KnownBytes {
        raw_hash: String,
        size: u64,
        mtime: Option<i64>,
    },
    /// Read and parsed.
    Read {
        raw_hash: String,
        size: u64,
        mtime: Option<i64>,
        encoding: &'static str,
        format: &'static str,
        records: Vec<Result<Prepared, RecordError>>,
    },
    /// The file could not be read or decoded.
    Failed {
        raw: Option<(String, u64, Option<i64>)>,
        error: String,
    },
}

fn mtime_ns(meta: &std::fs::Metadata) -> Option<i64> {
    meta.modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()
        .map(|d| d.as_nanos() as i64)
}

/// Builds the full-text forms and story signature of an article.
pub fn prepare(article: Article, record: Option<String>, extractor: Option<&Extractor>) -> Prepared {
    let search = SearchForms::of(&article.title, &article.body());
    let extraction = extractor.map(|x| x.extract(&article));
    let signature = Some(Signature::of_folded(&[&search.title, &search.body]));
    Prepared {
        record,
        article,
        search,
        extraction,
        signature,
    }
}

/// What the workers do besides reading: extraction and story signatures, within limits.
struct Work<'a> {
    extractor: Option<&'a Extractor>,
    stories: bool,
    limits: &'a Limits,
}

fn process(input: &Input, lookup: &Lookup, work: &Work, clock: &StageClock) -> Outcome {
    let (extractor, limits) = (work.extractor, work.limits);
    let mut t = Instant::now();
    let too_big = |size: u64| Outcome::Failed {
        raw: None,
        error: format!(
            "the file is {}, over the limit of {} (--max-file-size)",
            size_words(size),
            size_words(limits.max_file_bytes)
        ),
    };
    let (bytes, size, mtime, name) = match input {
        Input::Stdin(bytes) if bytes.len() as u64 > limits.max_file_bytes => return too_big(bytes.len() as u64),
        Input::Stdin(bytes) => (bytes.clone(), bytes.len() as u64, None, String::from("-")),
        Input::File(InputFile::Unreadable(_, reason)) => {
            return Outcome::Failed {
                raw: None,
                error: reason.clone(),
            };
        }
        Input::File(InputFile::Stdin) => {
            return Outcome::Failed {
                raw: None,
                error: "standard input given twice".into(),
            };
        }
        Input::File(InputFile::File(path)) => {
            let meta = match std::fs::metadata(path) {
                Ok(m) => m,
                Err(e) => {
                    return Outcome::Failed {
                        raw: None,
                        error: e.to_string(),
                    };
                }
            };
            if meta.len() > limits.max_file_bytes {
                return too_big(meta.len());
            }
            let mtime = mtime_ns(&meta);
            let display = read::path_text(path);
            lap(&clock.read, &mut t);
            let unchanged = lookup.unchanged_file(&display, meta.len(), mtime);
            lap(&clock.lookups, &mut t);
            match unchanged {
                Ok(Some(articles)) => return Outcome::Unchanged { articles },
                Ok(None) => {}
                Err(e) => {
                    return Outcome::Failed {
                        raw: None,
                        error: e.to_string(),
                    };
                }
            }
            let read = std::fs::read(path);
            lap(&clock.read, &mut t);
            match read {
                Ok(b) => (b, meta.len(), mtime, display),
                Err(e) => {
                    return Outcome::Failed {
                        raw: None,
                        error: e.to_string(),
                    };
                }
            }
        }
    };
    let raw_hash = hex(&sha256(&bytes));
    lap(&clock.raw_hash, &mut t);
    let known_bytes = lookup.known_raw_hash(&raw_hash);
    lap(&clock.lookups, &mut t);
    match known_bytes {
        Ok(true) => return Outcome::KnownBytes { raw_hash, size, mtime },
        Ok(false) => {}
        Err(e) => {
            return Outcome::Failed {
                raw: None,
                error: e.to_string(),
            };
        }
    }
    let decoded = read::decode::decode(&bytes);
    lap(&clock.decode, &mut t);
    let decoded = match decoded {
        Ok(d) => d,
        Err(error) => {
            return Outcome::Failed {
                raw: Some((raw_hash, size, mtime)),
                error,
            };
        }
    };
    drop(bytes);
    let parsed = read::parse(&decoded.text, &name);
    lap(&clock.parse, &mut t);
    let records = parsed
        .records
        .into_iter()
        .map(|r| {
            let raw = r?;
            let read_size = raw.body.len() + raw.title.as_ref().map_or(0, String::len);
            if read_size > limits.max_article_bytes {
                return Err(RecordError {
                    record: raw.record.clone(),
                    reason: format!(
                        "the article is {}, over the limit of {} (--max-article-size)",
                        size_words(read_size as u64),
                        size_words(limits.max_article_bytes as u64)
                    ),
                });
            }
            let mut t = Instant::now();
            let article = Article::from_raw(&raw);
            lap(&clock.clean_hash, &mut t);
            let article = article.ok_or_else(|| RecordError {
                record: raw.record.clone(),
                reason: "nothing left after removing boilerplate".into(),
            })?;
            // Articles already stored are not extracted again.
            let known = lookup.known_article(&article.hash_hex()).unwrap_or(false);
            lap(&clock.lookups, &mut t);
            // As `prepare(article, raw.record, extractor)`, with extraction and signatures timed
            // on their own.
            let search = SearchForms::of(&article.title, &article.body());
            let mut prepared = Prepared {
                record: raw.record,
                article,
                search,
                extraction: None,
                signature: None,
            };
            lap(&clock.prepare, &mut t);
            if !known && let Some(x) = extractor {
                prepared.extraction = Some(x.extract(&prepared.article));
                lap(&clock.extract, &mut t);
            }
            if !known && work.stories {
                prepared.signature = Some(Signature::of_folded(&[&prepared.search.title, &prepared.search.body]));
                lap(&clock.story_signatures, &mut t);
            }
            Ok(prepared)
        })
        .collect();
    Outcome::Read {
        raw_hash,
        size,
        mtime,
        encoding: decoded.encoding,
        format: parsed.format.name(),
        records,
    }
}

/// Ingests `inputs` into the database at `db`, calling `progress` after every file with the
/// running counts and the number of files in all.
pub fn ingest(
    db: &Path,
    inputs: Vec<Input>,
    opts: &Options,
    command: &str,
    progress: &mut dyn FnMut(&RunCounts, usize),
) -> Result<Summary> {
    let started = Instant::now();
    let mut writer = Writer::new(Store::open(db)?);
    let run = writer.start_run(command)?;
    let extractor = opts.extract.then(Extractor::new);
    let clock = StageClock::default();
    let work = Work {
        extractor: extractor.as_ref(),
        stories: opts.stories,
        limits: &opts.limits,
    };
    let mut files = FileWriter {
        writer,
        run,
        paths: inputs.iter().map(input_path).collect(),
        counts: RunCounts::default(),
        errors: Vec::new(),
        progress,
        total: inputs.len(),
        write_time: Duration::ZERO,
        commit_time: Duration::ZERO,
        fts_in_commit: Duration::ZERO,
    };
    let batch = Batch {
        articles: opts.batch_articles,
        time: opts.batch_time,
    };
    let jobs = opts.jobs.max(1).min(inputs.len().max(1));
    // Each worker has its own read connection for the skip-early look-ups; if it cannot open
    // one, every input it takes fails with the reason rather than the run hanging.
    let idle = pipeline::run(
        &inputs,
        jobs,
        batch,
        || Lookup::open(db),
        |lookup, input| match lookup {
            Ok(lookup) => process(input, lookup, &work, &clock),
            Err(e) => Outcome::Failed {
                raw: None,
                error: e.to_string(),
            },
        },
        &mut files,
    )?;
    let t = Instant::now();
    files.writer.begin()?;
    if files.counts.articles_new > 0 {
        files.writer.relink_discovered()?;
    }
    // Also after a run that wrote nothing: counts left stale by a killed run are made again.
    files.writer.refresh_actor_counts()?;
    files.writer.commit()?;
    files.writer.finish_run(run, &files.counts)?;
    files.commit_time += t.elapsed();
    let stages = files.stage_times(&clock, jobs, idle);
    Ok(Summary {
        run_id: run,
        files: files.counts.files,
        files_unchanged: files.counts.files_unchanged,
        articles_new: files.counts.articles_new,
        articles_duplicate: files.counts.articles_duplicate,
        errors: files.errors,
        seconds: started.elapsed().as_secs_f64(),
        stages,
    })
}

/// The name an input is recorded under.
fn input_path(input: &Input) -> String {
    match input {
        Input::Stdin(_) | Input::File(InputFile::Stdin) => "-".to_owned(),
        Input::File(InputFile::File(p)) | Input::File(InputFile::Unreadable(p, _)) => read::path_text(p),
    }
}

/// Ingest's writer: stores each file's outcome, keeps the run's counts and errors, reports
/// progress, and times its own work.
struct FileWriter<'p> {
    writer: Writer,
    run: i64,
    paths: Vec<String>,
    counts: RunCounts,
    errors: Vec<IngestError>,
    progress: &'p mut dyn FnMut(&RunCounts, usize),
    total: usize,
    write_time: Duration,
    commit_time: Duration,
    // Full-text rows are inserted when the writer commits: that time is counted as FTS, not commit.
    fts_in_commit: Duration,
}

impl pipeline::Writing<Outcome> for FileWriter<'_> {
    fn begin(&mut self) -> Result<()> {
        self.writer.begin()
    }

    fn store(&mut self, index: usize, outcome: Outcome) -> Result<usize> {
        let t = Instant::now();
        self.counts.files += 1;
        let (writer, run, path) = (&mut self.writer, self.run, &self.paths[index]);
        let n = store_outcome(writer, run, path, outcome, &mut self.counts, &mut self.errors)?;
        self.write_time += t.elapsed();
        (self.progress)(&self.counts, self.total);
        Ok(n)
    }

    fn commit(&mut self) -> Result<()> {
        let (t, fts) = (Instant::now(), self.writer.times().fts);
        self.writer.update_run(self.run, &self.counts)?;
        self.writer.commit()?;
        self.commit_time += t.elapsed();
        self.fts_in_commit += self.writer.times().fts - fts;
        Ok(())
    }
}

impl FileWriter<'_> {
    fn stage_times(&self, clock: &StageClock, workers: usize, idle: Duration) -> StageTimes {
        let wt = self.writer.times();
        let fts_in_writes = wt.fts.saturating_sub(self.fts_in_commit);
        StageTimes {
            workers,
            read: secs(&clock.read),
            raw_hash: secs(&clock.raw_hash),
            lookups: secs(&clock.lookups),
            decode: secs(&clock.decode),
            parse: secs(&clock.parse),
            clean_hash: secs(&clock.clean_hash),
            prepare: secs(&clock.prepare),
            extract: secs(&clock.extract),
            story_signatures: secs(&clock.story_signatures),
            stories: wt.stories.as_secs_f64(),
            write: self
                .write_time
                .saturating_sub(fts_in_writes + wt.extraction + wt.stories)
                .as_secs_f64(),
            fts: wt.fts.as_secs_f64(),
            write_extraction: wt.extraction.as_secs_f64(),
            commit: self.commit_time.saturating_sub(self.fts_in_commit).as_secs_f64(),
            writer_idle: idle.as_secs_f64(),
        }
    }
}

/// Writes one file's outcome; returns how many articles it stored or touched.
fn store_outcome(
    writer: &mut Writer,
    run: i64,
    path: &str,
    outcome: Outcome,
    counts: &mut RunCounts,
    errors: &mut Vec<IngestError>,
) -> Result<usize> {
    match outcome {
        Outcome::Unchanged { articles } => {
            counts.files_unchanged += 1;
            counts.articles_duplicate += articles;
            Ok(0)
        }
        Outcome::KnownBytes { raw_hash, size, mtime } => {
            let file_id = writer.record_file(path, &raw_hash, size, mtime, None, None, run)?;
            let n = writer.copy_sources(file_id, &raw_hash, path, run)?;
            writer.set_file_counts(file_id, n, 0)?;
            counts.files_unchanged += 1;
            counts.articles_duplicate += n;
            Ok(n as usize)
        }
        Outcome::Failed { raw, error } => {
            if let Some((raw_hash, size, mtime)) = raw {
                let file_id = writer.record_file(path, &raw_hash, size, mtime, None, None, run)?;
                writer.set_file_counts(file_id, 0, 1)?;
            }
            writer.add_error(run, path, None, &error)?;
            counts.errors += 1;
            errors.push(IngestError {
                path: path.to_owned(),
                record: None,
                error,
            });
            Ok(0)
        }
        Outcome::Read {
            raw_hash,
            size,
            mtime,
            encoding,
            format,
            records,
        } => {
            let file_id = writer.record_file(path, &raw_hash, size, mtime, Some(encoding), Some(format), run)?;
            let (mut n_articles, mut n_errors) = (0u64, 0u64);
            for record in records {
                match record {
                    Ok(prepared) => {
                        n_articles += 1;
                        match writer.add_article(&prepared, Some(file_id), path, run)? {
                            Added::New(_) => counts.articles_new += 1,
                            Added::Duplicate(_) => counts.articles_duplicate += 1,
                        }
                    }
                    Err(RecordError { record, reason }) => {
                        n_errors += 1;
                        writer.add_error(run, path, record.as_deref(), &reason)?;
                        counts.errors += 1;
                        errors.push(IngestError {
                            path: path.to_owned(),
                            record,
                            error: reason,
                        });
                    }
                }
            }
            writer.set_file_counts(file_id, n_articles, n_errors)?;
            Ok(n_articles as usize)
        }
    }
}

/// Expands user paths (`-` for standard input) into inputs, reading standard input with
/// `read_stdin` when it is named.
pub fn inputs_from_paths(
    paths: &[PathBuf],
    read_stdin: impl FnOnce() -> std::io::Result<Vec<u8>>,
) -> std::io::Result<Vec<Input>> {
    let mut stdin = Some(read_stdin);
    let mut out = Vec::new();
    for f in read::walk(paths) {
        match f {
            InputFile::Stdin => match stdin.take() {
                Some(read) => out.push(Input::Stdin(read()?)),
                None => out.push(Input::File(InputFile::Stdin)),
            },
            other => out.push(Input::File(other)),
        }
    }
    Ok(out)
}
