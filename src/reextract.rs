//! Re-extraction: runs extraction again over stored articles — after a lexicon or code change —
//! without reading any input file. Workers read articles from their own read connections and
//! extract in parallel; the single writer replaces each article's mentions, statements and
//! relations in batched transactions. Actors, aliases and hand fixes are kept.

use std::path::Path;
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::article::Article;
use crate::error::Result;
use crate::extract::{EXTRACTOR_VERSION, Extraction, Extractor};
use crate::pipeline::{self, Batch};
use crate::store::Store;
use crate::store::writer::Writer;

/// What a re-extraction did.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// Articles extracted again.
    pub articles: u64,
    /// The extractor version now stamped on them.
    pub extractor_version: i64,
    /// Hand fixes re-applied.
    pub fixes_reapplied: usize,
    /// Wall-clock seconds.
    pub seconds: f64,
}

/// Re-extracts every article (`all`) or only those extracted by another extractor version.
/// `progress` gets (done, total) after every article.
pub fn reextract(db: &Path, all: bool, jobs: usize, progress: &mut dyn FnMut(u64, u64)) -> Result<Summary> {
    let started = Instant::now();
    let store = Store::open(db)?;
    let ids = store.articles_for_extraction(!all)?;
    let extractor = Extractor::new();
    let mut writing = ExtractionWriter {
        writer: Writer::new(store),
        ids: &ids,
        done: 0,
        progress,
    };
    let batch = Batch {
        articles: usize::MAX,
        time: Duration::from_secs(2),
    };
    pipeline::run(
        &ids,
        jobs,
        batch,
        || Store::open_read_only(db),
        |reader, &id| match reader {
            Ok(store) => extract_stored(store, id, &extractor),
            Err(e) => Err(crate::Error::Usage(e.to_string())),
        },
        &mut writing,
    )?;
    let done = writing.done;
    let fixes_reapplied = finish(writing.writer)?;
    Ok(Summary {
        articles: done,
        extractor_version: EXTRACTOR_VERSION,
        fixes_reapplied,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// A worker's job: the stored article `id` extracted again.
fn extract_stored(store: &Store, id: i64, extractor: &Extractor) -> Result<Extraction> {
    let (title, paragraphs, lang, published) = store.article_parts(id)?;
    let mut article = Article::from_stored(title, paragraphs, lang);
    // The date picks the lexicon's dated roles.
    article.published_at = published;
    Ok(extractor.extract(&article))
}

/// After the last article: statements no occurrence holds any more pruned, discovered actors
/// linked again, actor counts made again, then hand fixes re-applied; returns how many were.
fn finish(mut writer: Writer) -> Result<usize> {
    writer.begin()?;
    writer.prune_statements()?;
    writer.relink_discovered()?;
    writer.refresh_actor_counts()?;
    writer.commit()?;
    writer.into_store().reapply_fixes()
}

/// Re-extraction's writer: replaces each article's extraction rows.
struct ExtractionWriter<'a> {
    writer: Writer,
    ids: &'a [i64],
    done: u64,
    progress: &'a mut dyn FnMut(u64, u64),
}

impl pipeline::Writing<Result<Extraction>> for ExtractionWriter<'_> {
    fn begin(&mut self) -> Result<()> {
        self.writer.begin()
    }

    fn store(&mut self, index: usize, extraction: Result<Extraction>) -> Result<usize> {
        let id = self.ids[index];
        self.writer.clear_extraction(id)?;
        self.writer.write_extraction(id, &extraction?)?;
        self.done += 1;
        (self.progress)(self.done, self.ids.len() as u64);
        Ok(1)
    }

    fn commit(&mut self) -> Result<()> {
        self.writer.commit()
    }
}
