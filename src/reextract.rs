//! Re-extraction: runs extraction again over stored articles — after a lexicon or code change —
//! without reading any input file. Workers read articles from their own read connections and
//! extract in parallel; the single writer replaces each article's mentions, statements and
//! relations in batched transactions. Actors, aliases and hand fixes are kept.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::sync_channel;
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::article::Article;
use crate::error::Result;
use crate::extract::{EXTRACTOR_VERSION, Extraction, Extractor};
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
    let mut writer = Writer::new(store);
    let extractor = Extractor::new();
    let next = AtomicUsize::new(0);
    let total = ids.len() as u64;
    let (tx, rx) = sync_channel::<(usize, Result<Extraction>)>(64);
    let jobs = jobs.clamp(1, ids.len().max(1));
    let mut done = 0u64;
    let result: Result<()> = std::thread::scope(|scope| {
        for _ in 0..jobs {
            let tx = tx.clone();
            let (ids, next, extractor) = (&ids, &next, &extractor);
            scope.spawn(move || {
                let reader = Store::open_read_only(db);
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= ids.len() {
                        return;
                    }
                    let ex = match &reader {
                        Ok(store) => store.article_parts(ids[i]).map(|(title, paragraphs, lang, published)| {
                            let mut article = Article::from_stored(title, paragraphs, lang);
                            // The date picks the lexicon's dated roles.
                            article.published_at = published;
                            extractor.extract(&article)
                        }),
                        Err(e) => Err(crate::Error::Usage(e.to_string())),
                    };
                    if tx.send((i, ex)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(tx);
        let mut pending = BTreeMap::new();
        let mut expected = 0;
        let mut batch_started = Instant::now();
        writer.begin()?;
        for (i, ex) in rx {
            pending.insert(i, ex);
            while let Some(ex) = pending.remove(&expected) {
                let id = ids[expected];
                expected += 1;
                writer.clear_extraction(id)?;
                writer.write_extraction(id, &ex?)?;
                done += 1;
                if batch_started.elapsed() >= Duration::from_secs(2) {
                    writer.commit()?;
                    writer.begin()?;
                    batch_started = Instant::now();
                }
                progress(done, total);
            }
        }
        writer.prune_statements()?;
        writer.commit()
    });
    result?;
    let mut store = writer.into_store();
    let fixes_reapplied = store.reapply_fixes()?;
    Ok(Summary {
        articles: done,
        extractor_version: EXTRACTOR_VERSION,
        fixes_reapplied,
        seconds: started.elapsed().as_secs_f64(),
    })
}
