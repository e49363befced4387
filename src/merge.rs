//! Merge: folds shard databases into one, giving what one ingest of all their inputs would
//! give. Each shard article (stored text and metadata) is fed through the same ordered pipeline
//! and the same steps as an ingest — content-hash dedup, extraction of new articles only,
//! actor storage by key, the end-of-run `relink_discovered` — so merging is ingesting the
//! shards' articles instead of their files. Sources and files are carried verbatim (path and
//! record location as the shard recorded them), bad files and records too, and hand fixes are
//! re-applied by actor key after the articles. Every article lands with all its sources in one
//! transaction, so a kill leaves a consistent database and a re-run finishes; merging a shard
//! twice adds nothing.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::article::Article;
use crate::error::{Error, Result};
use crate::extract::Extractor;
use crate::ingest::prepare;
use crate::pipeline::{self, Batch};
use crate::store::Store;
use crate::store::query::Lookup;
use crate::store::shard::ShardArticle;
use crate::store::writer::{Added, Prepared, RunCounts, Writer};

/// What a merge did.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// The run's id in the target's `runs` table.
    pub run_id: i64,
    /// Shards merged.
    pub shards: usize,
    /// Shard articles read.
    pub articles: u64,
    /// Articles new to the target.
    pub articles_new: u64,
    /// Articles the target had already (they gained sources at most).
    pub articles_duplicate: u64,
    /// Sources new to the target.
    pub sources_new: u64,
    /// Bad files and records new to the target.
    pub errors_new: u64,
    /// Hand fixes new to the target (logged and applied).
    pub fixes_new: u64,
    /// Wall-clock seconds.
    pub seconds: f64,
}

/// One shard article, read and prepared by a worker.
struct Item {
    prepared: Prepared,
    shard: ShardArticle,
}

/// How to merge.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Worker threads.
    pub jobs: usize,
    /// Extract new articles (as ingest does unless `--no-extract`).
    pub extract: bool,
    /// Commit after this many articles (or every 2 s).
    pub batch_articles: usize,
}

/// Merges the `shards` into the database at `into`. `progress` gets (done, total) articles.
pub fn merge(into: &Path, shards: &[PathBuf], opts: Options, progress: &mut dyn FnMut(u64, u64)) -> Result<Summary> {
    let started = Instant::now();
    let inputs = shard_articles(into, shards)?;
    let mut writing = MergeWriter::start(into, shards, inputs.len() as u64, progress)?;
    let run = writing.run;
    let extractor = opts.extract.then(Extractor::new);
    let batch = Batch {
        articles: opts.batch_articles.max(1),
        time: Duration::from_secs(2),
    };
    pipeline::run(
        &inputs,
        opts.jobs,
        batch,
        || Reader::open(into, shards),
        |reader, &(shard, id)| match reader {
            Ok(r) => r.read(shard, id, extractor.as_ref()),
            Err(e) => Err(Error::Usage(e.to_string())),
        },
        &mut writing,
    )?;
    let MergeWriter { mut writer, counts, .. } = writing;
    let (errors_new, fixes_new) = finish(&mut writer, run, shards)?;
    let sources_new = writer.run_sources(run)?;
    writer.finish_run(run, &counts)?;
    Ok(Summary {
        run_id: run,
        shards: shards.len(),
        articles: inputs.len() as u64,
        articles_new: counts.articles_new,
        articles_duplicate: counts.articles_duplicate,
        sources_new,
        errors_new,
        fixes_new,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// Every article of every shard as (shard index, article id), the shards checked first.
fn shard_articles(into: &Path, shards: &[PathBuf]) -> Result<Vec<(usize, i64)>> {
    let mut inputs = Vec::new();
    for (i, shard) in open_shards(into, shards)?.iter().enumerate() {
        inputs.extend(shard.shard_article_ids()?.into_iter().map(|id| (i, id)));
    }
    Ok(inputs)
}

/// Opens every shard (checking it can be merged) and refuses a shard that is the target.
fn open_shards(into: &Path, shards: &[PathBuf]) -> Result<Vec<Store>> {
    let target = std::fs::canonicalize(into).ok();
    shards
        .iter()
        .map(|p| {
            if target.is_some() && std::fs::canonicalize(p).ok() == target {
                return Err(Error::Usage(format!(
                    "{}: a shard cannot be merged into itself",
                    p.display()
                )));
            }
            Store::open_shard(p)
        })
        .collect()
}

/// After the articles: the shards' files without articles and their bad records, the
/// end-of-run actor linking an ingest does, then the hand fixes. Returns (errors, fixes) new.
fn finish(writer: &mut Writer, run: i64, shards: &[PathBuf]) -> Result<(u64, u64)> {
    let (mut errors, mut fixes) = (0, 0);
    writer.begin()?;
    for path in shards {
        let shard = Store::open_shard(path)?;
        for f in shard.shard_files()? {
            writer.merge_file(&f, run)?;
        }
        for e in shard.shard_errors()? {
            errors += u64::from(writer.merge_error(&e, run)?);
        }
    }
    writer.relink_discovered()?;
    for path in shards {
        for f in Store::open_shard(path)?.shard_fixes()? {
            fixes += u64::from(writer.merge_fix(&f)?);
        }
    }
    writer.refresh_actor_counts()?;
    writer.commit()?;
    writer.forget_actor_cache();
    Ok((errors, fixes))
}

/// A worker's connections: every shard, and the target for the "already stored?" look-up.
struct Reader {
    shards: Vec<Store>,
    target: Lookup,
}

impl Reader {
    fn open(into: &Path, shards: &[PathBuf]) -> Result<Reader> {
        Ok(Reader {
            shards: shards.iter().map(|p| Store::open_read_only(p)).collect::<Result<_>>()?,
            target: Lookup::open(into)?,
        })
    }

    /// Reads a shard article and prepares it as ingest does: extracted only when the target
    /// does not have it.
    fn read(&self, shard: usize, id: i64, extractor: Option<&Extractor>) -> Result<Item> {
        let s = self.shards[shard].shard_article(id)?;
        let mut article = Article::from_stored(s.title.clone(), s.paragraphs.clone(), s.lang.clone());
        article.published_at = s.published_at.clone();
        article.url = s.url.clone();
        article.outlet = s.outlet.clone();
        article.author = s.author.clone();
        article.category = s.category.clone();
        let known = self.target.known_article(&article.hash_hex())?;
        let record = s.sources.first().map(|src| src.record.clone());
        let prepared = prepare(article, record, extractor.filter(|_| !known));
        Ok(Item { prepared, shard: s })
    }
}

/// Merge's writer: stores each shard article through [`Writer::add_article`], as ingest does,
/// then every source of it.
struct MergeWriter<'p> {
    writer: Writer,
    run: i64,
    total: u64,
    counts: RunCounts,
    /// Shard articles stored so far.
    done: u64,
    /// (path, raw hash) → the target's file id.
    files: HashMap<(String, String), i64>,
    progress: &'p mut dyn FnMut(u64, u64),
}

impl<'p> MergeWriter<'p> {
    /// Opens the target and starts the run, recorded as `merge SHARD...`.
    fn start(into: &Path, shards: &[PathBuf], total: u64, progress: &'p mut dyn FnMut(u64, u64)) -> Result<Self> {
        let mut writer = Writer::new(Store::open(into)?);
        let command = format!(
            "merge {}",
            shards
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(" ")
        );
        let run = writer.start_run(&command)?;
        Ok(MergeWriter {
            writer,
            run,
            total,
            counts: RunCounts::default(),
            done: 0,
            files: HashMap::new(),
            progress,
        })
    }

    fn file_id(&mut self, file: Option<&crate::store::shard::ShardFile>) -> Result<Option<i64>> {
        let Some(f) = file else { return Ok(None) };
        let key = (f.path.clone(), f.raw_hash.clone());
        if let Some(&id) = self.files.get(&key) {
            return Ok(Some(id));
        }
        let id = self.writer.merge_file(f, self.run)?;
        self.files.insert(key, id);
        Ok(Some(id))
    }
}

impl pipeline::Writing<Result<Item>> for MergeWriter<'_> {
    fn begin(&mut self) -> Result<()> {
        self.writer.begin()
    }

    fn store(&mut self, _index: usize, item: Result<Item>) -> Result<usize> {
        let Item { prepared, shard } = item?;
        let first = shard.sources.first();
        let file = self.file_id(first.and_then(|s| s.file.as_ref()))?;
        let path = first.map_or("", |s| s.path.as_str());
        let id = match self.writer.add_article(&prepared, file, path, self.run)? {
            Added::New(id) => {
                self.counts.articles_new += 1;
                id
            }
            Added::Duplicate(id) => {
                self.counts.articles_duplicate += 1;
                id
            }
        };
        self.writer.merge_first_seen(id, &shard.first_seen)?;
        for source in &shard.sources {
            let file = self.file_id(source.file.as_ref())?;
            self.writer.merge_source(id, file, source, self.run)?;
        }
        self.done += 1;
        (self.progress)(self.done, self.total);
        Ok(1)
    }

    fn commit(&mut self) -> Result<()> {
        self.writer.update_run(self.run, &self.counts)?;
        self.writer.commit()
    }
}
