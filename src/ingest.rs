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
    /// Workers: match forms (`prepare` without extraction).
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
    /// A path (from `read::walk`).
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
pub(crate) fn prepare(article: Article, record: Option<String>, extractor: Option<&Extractor>) -> Prepared {
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

/// A worker's whole job for one input: read it unless unchanged, hash its bytes, decode them
/// unless known, split them into records and prepare each one.
fn process(input: &Input, lookup: &Lookup, work: &Work, clock: &StageClock) -> Outcome {
    let mut t = Instant::now();
    let raw = match read_input(input, lookup, work.limits, clock, &mut t) {
        Ok(raw) => raw,
        Err(outcome) => return outcome,
    };
    let raw_hash = hex(&sha256(&raw.bytes));
    lap(&clock.raw_hash, &mut t);
    let known_bytes = lookup.known_raw_hash(&raw_hash);
    lap(&clock.lookups, &mut t);
    let (size, mtime) = (raw.size, raw.mtime);
    match known_bytes {
        Ok(true) => return Outcome::KnownBytes { raw_hash, size, mtime },
        Ok(false) => {}
        Err(e) => return failed(e),
    }
    let decoded = read::decode::decode(&raw.bytes);
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
    drop(raw.bytes);
    let parsed = read::parse(&decoded.text, &raw.name);
    lap(&clock.parse, &mut t);
    let records = parsed
        .records
        .into_iter()
        .map(|r| prepare_record(r?, lookup, work, clock))
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

/// An input's bytes with what is recorded of its file.
struct RawInput {
    bytes: Vec<u8>,
    size: u64,
    mtime: Option<i64>,
    /// The path as recorded (`-` for standard input).
    name: String,
}

/// A failure to read an input, before anything of it is known.
fn failed(error: impl ToString) -> Outcome {
    Outcome::Failed {
        raw: None,
        error: error.to_string(),
    }
}

/// A file over `--max-file-size`.
fn too_big(size: u64, limits: &Limits) -> Outcome {
    failed(format!(
        "the file is {}, over the limit of {} (--max-file-size)",
        size_words(size),
        size_words(limits.max_file_bytes)
    ))
}

/// The input's bytes, or its outcome when there is nothing to read: unchanged, too big, or
/// unreadable.
fn read_input(
    input: &Input,
    lookup: &Lookup,
    limits: &Limits,
    clock: &StageClock,
    t: &mut Instant,
) -> std::result::Result<RawInput, Outcome> {
    match input {
        Input::Stdin(bytes) if bytes.len() as u64 > limits.max_file_bytes => Err(too_big(bytes.len() as u64, limits)),
        Input::Stdin(bytes) => Ok(RawInput {
            bytes: bytes.clone(),
            size: bytes.len() as u64,
            mtime: None,
            name: String::from("-"),
        }),
        Input::File(InputFile::Unreadable(_, reason)) => Err(failed(reason)),
        Input::File(InputFile::Stdin) => Err(failed("standard input given twice")),
        Input::File(InputFile::File(path)) => read_file(path, lookup, limits, clock, t),
    }
}

/// A file's bytes unless its path, size and mtime show it unchanged since it was ingested.
fn read_file(
    path: &Path,
    lookup: &Lookup,
    limits: &Limits,
    clock: &StageClock,
    t: &mut Instant,
) -> std::result::Result<RawInput, Outcome> {
    let meta = std::fs::metadata(path).map_err(failed)?;
    if meta.len() > limits.max_file_bytes {
        return Err(too_big(meta.len(), limits));
    }
    let mtime = mtime_ns(&meta);
    let name = read::path_text(path);
    lap(&clock.read, t);
    let unchanged = lookup.unchanged_file(&name, meta.len(), mtime);
    lap(&clock.lookups, t);
    if let Some(articles) = unchanged.map_err(failed)? {
        return Err(Outcome::Unchanged { articles });
    }
    let bytes = std::fs::read(path);
    lap(&clock.read, t);
    Ok(RawInput {
        bytes: bytes.map_err(failed)?,
        size: meta.len(),
        mtime,
        name,
    })
}

/// One record made into an article ready to store: within `--max-article-size`, cleaned and
/// hashed, and (unless its content is stored already) extracted and signed for stories. As
/// [`prepare`], with each stage timed on its own.
fn prepare_record(
    raw: read::RawArticle,
    lookup: &Lookup,
    work: &Work,
    clock: &StageClock,
) -> std::result::Result<Prepared, RecordError> {
    let read_size = raw.body.len() + raw.title.as_ref().map_or(0, String::len);
    if read_size > work.limits.max_article_bytes {
        return Err(RecordError {
            record: raw.record.clone(),
            reason: format!(
                "the article is {}, over the limit of {} (--max-article-size)",
                size_words(read_size as u64),
                size_words(work.limits.max_article_bytes as u64)
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
    let search = SearchForms::of(&article.title, &article.body());
    let mut prepared = Prepared {
        record: raw.record,
        article,
        search,
        extraction: None,
        signature: None,
    };
    lap(&clock.prepare, &mut t);
    if !known && let Some(x) = work.extractor {
        prepared.extraction = Some(x.extract(&prepared.article));
        lap(&clock.extract, &mut t);
    }
    if !known && work.stories {
        prepared.signature = Some(Signature::of_folded(&[&prepared.search.title, &prepared.search.body]));
        lap(&clock.story_signatures, &mut t);
    }
    Ok(prepared)
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
    writer.defer_indexes_when_empty()?;
    let extractor = opts.extract.then(Extractor::new);
    let clock = StageClock::default();
    let work = Work {
        extractor: extractor.as_ref(),
        stories: opts.stories,
        limits: &opts.limits,
    };
    let mut files = FileWriter::new(writer, run, &inputs, progress);
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
            Err(e) => failed(e),
        },
        &mut files,
    )?;
    files.finish_run()?;
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
        let n = FileOutcome {
            writer: &mut self.writer,
            run: self.run,
            path: &self.paths[index],
            counts: &mut self.counts,
            errors: &mut self.errors,
        }
        .store(outcome)?;
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

impl<'p> FileWriter<'p> {
    fn new(writer: Writer, run: i64, inputs: &[Input], progress: &'p mut dyn FnMut(&RunCounts, usize)) -> Self {
        FileWriter {
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
        }
    }

    /// Ends the run: one last transaction links discovered actors across the new articles and
    /// counts stale actors again, then the run is recorded as finished.
    fn finish_run(&mut self) -> Result<()> {
        let t = Instant::now();
        self.writer.restore_indexes()?;
        self.writer.begin()?;
        if self.counts.articles_new > 0 {
            self.writer.relink_discovered()?;
        }
        // Also after a run that wrote nothing: counts left stale by a killed run are made again.
        self.writer.refresh_actor_counts()?;
        self.writer.commit()?;
        self.writer.finish_run(self.run, &self.counts)?;
        self.commit_time += t.elapsed();
        Ok(())
    }

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

/// One file's outcome being written, with the run's counts and errors it adds to.
struct FileOutcome<'a> {
    writer: &'a mut Writer,
    run: i64,
    path: &'a str,
    counts: &'a mut RunCounts,
    errors: &'a mut Vec<IngestError>,
}

impl FileOutcome<'_> {
    /// Writes the outcome; returns how many articles it stored or touched.
    fn store(&mut self, outcome: Outcome) -> Result<usize> {
        match outcome {
            Outcome::Unchanged { articles } => {
                self.counts.files_unchanged += 1;
                self.counts.articles_duplicate += articles;
                Ok(0)
            }
            Outcome::KnownBytes { raw_hash, size, mtime } => self.known_bytes(&raw_hash, size, mtime),
            Outcome::Failed { raw, error } => {
                if let Some((raw_hash, size, mtime)) = raw {
                    let file_id = self.record_file(&raw_hash, size, mtime, None, None)?;
                    self.writer.set_file_counts(file_id, 0, 1)?;
                }
                self.error(None, error)?;
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
                let file_id = self.record_file(&raw_hash, size, mtime, Some(encoding), Some(format))?;
                self.records(file_id, records)
            }
        }
    }

    fn record_file(
        &mut self,
        raw_hash: &str,
        size: u64,
        mtime: Option<i64>,
        encoding: Option<&str>,
        format: Option<&str>,
    ) -> Result<i64> {
        self.writer
            .record_file(self.path, raw_hash, size, mtime, encoding, format, self.run)
    }

    /// A file whose bytes are stored under another path (or before a touch): its articles'
    /// sources copied, each counted as a duplicate.
    fn known_bytes(&mut self, raw_hash: &str, size: u64, mtime: Option<i64>) -> Result<usize> {
        let file_id = self.record_file(raw_hash, size, mtime, None, None)?;
        let n = self.writer.copy_sources(file_id, raw_hash, self.path, self.run)?;
        self.writer.set_file_counts(file_id, n, 0)?;
        self.counts.files_unchanged += 1;
        self.counts.articles_duplicate += n;
        Ok(n as usize)
    }

    /// A read file's records: each article stored (new or a duplicate), each bad record an error.
    fn records(&mut self, file_id: i64, records: Vec<Result<Prepared, RecordError>>) -> Result<usize> {
        let (mut n_articles, mut n_errors) = (0u64, 0u64);
        for record in records {
            match record {
                Ok(prepared) => {
                    n_articles += 1;
                    match self.writer.add_article(&prepared, Some(file_id), self.path, self.run)? {
                        Added::New(_) => self.counts.articles_new += 1,
                        Added::Duplicate(_) => self.counts.articles_duplicate += 1,
                    }
                }
                Err(RecordError { record, reason }) => {
                    n_errors += 1;
                    self.error(record, reason)?;
                }
            }
        }
        self.writer.set_file_counts(file_id, n_articles, n_errors)?;
        Ok(n_articles as usize)
    }

    /// Stores an error of the file (or of one of its records) and counts it for the summary.
    fn error(&mut self, record: Option<String>, error: String) -> Result<()> {
        self.writer.add_error(self.run, self.path, record.as_deref(), &error)?;
        self.counts.errors += 1;
        self.errors.push(IngestError {
            path: self.path.to_owned(),
            record,
            error,
        });
        Ok(())
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
