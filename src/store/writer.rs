//! Writes: ingest runs, files, articles with their paragraphs and full-text rows, sources,
//! errors, and extraction results. One [`Writer`] per database; it batches work in explicit
//! transactions that the caller opens and commits ([`Writer::begin`], [`Writer::commit`]), so a
//! file and everything it produced land together or not at all.

use std::borrow::Cow;
use std::sync::{Arc, LazyLock};

// Keys are actor keys, aliases and ids from the run's own articles: foldhash (seeded per
// process) instead of SipHash, as the lexicon's tables (`extract::lexicon::LexHasher`).
use foldhash::{HashMap, HashSet};

use rusqlite::{Connection, OptionalExtension, params};

use super::Store;
use super::paragraphs::{self, text_place};
use crate::article::Article;
use crate::error::{Result, SqlContext};
use crate::extract::{ActorRef, EXTRACTOR_VERSION, Extraction, Identity};
use crate::normalize::fold;
use crate::story::Signature;

/// Counts kept for a run.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct RunCounts {
    /// Files looked at.
    pub files: u64,
    /// Files skipped because they were ingested before (same path, size and time, or same bytes).
    pub files_unchanged: u64,
    /// Articles stored for the first time.
    pub articles_new: u64,
    /// Articles that were already stored (they gained a source at most).
    pub articles_duplicate: u64,
    /// Bad files or records.
    pub errors: u64,
}

/// The match forms indexed for full-text search. Only the words as written are indexed: search
/// finds a word behind its proclitics (سوريه in وسوريه) by expanding the query
/// ([`crate::normalize::with_proclitics`]), not by indexing every word a second time.
#[derive(Debug, Clone, Default)]
pub struct SearchForms {
    /// Match form of the title.
    pub title: String,
    /// Match form of the body.
    pub body: String,
}

impl SearchForms {
    /// The forms of an article's stored-form title and body.
    pub fn of(title: &str, body: &str) -> SearchForms {
        SearchForms {
            title: fold(title),
            body: fold(body),
        }
    }
}

/// An article ready to store: cleaned, hashed, with its search forms.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The record location within its file.
    pub record: Option<String>,
    /// The article.
    pub article: Article,
    /// What the full-text index gets.
    pub search: SearchForms,
    /// What extraction found, when it ran.
    pub extraction: Option<Extraction>,
    /// The MinHash signature that places it in a story (none: stories are not built, which
    /// only the benchmark asks for).
    pub signature: Option<Signature>,
}

/// Whether [`Writer::add_article`] stored a new article or found it already there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    /// A new article with this id.
    New(i64),
    /// An existing article with this id gained a source.
    Duplicate(i64),
}

/// Time the writer spent in its costliest statements (for `examples/bench.rs`; two clock reads
/// per new article).
#[derive(Debug, Default, Clone, Copy)]
pub struct WriterTimes {
    /// Inserting into the full-text index.
    pub fts: std::time::Duration,
    /// Writing extraction results ([`Writer::write_extraction`] from [`Writer::add_article`]).
    pub extraction: std::time::Duration,
    /// Finding each new article's story and storing its band keys.
    pub stories: std::time::Duration,
}

/// The single writer of a database.
pub struct Writer {
    store: Store,
    in_tx: bool,
    actor_ids: HashMap<String, i64>,
    /// (actor id → aliases) this writer has already stored, so that an actor seen again does not
    /// repeat its `INSERT OR IGNORE`s. Cleared with `actor_ids`.
    stored_aliases: HashMap<i64, StoredAliases>,
    /// Entries in `stored_aliases`.
    stored_alias_count: usize,
    times: WriterTimes,
    /// Full-text rows (rowid, title, body) of the open transaction, not yet inserted: see
    /// [`Writer::flush_fts`].
    fts_pending: Vec<(i64, String, String)>,
    /// Bytes of text in `fts_pending`.
    fts_pending_bytes: usize,
    /// Actors whose mentions were written or deleted since the last commit: marked stale in
    /// `actor_counts_stale` at the commit (see `store::counts`).
    touched: HashSet<i64>,
    /// Indexes this run created at its end from `deferred_indexes` (already in key order, so
    /// [`Writer::compact`] does not rebuild them again).
    restored: Vec<String>,
}

/// The aliases of one actor a writer has stored.
#[derive(Default)]
struct StoredAliases {
    aliases: HashSet<String>,
    /// Lexicon identities whose name and aliases are all in `aliases`.
    identities: Vec<Arc<Identity>>,
}

impl StoredAliases {
    /// Notes that an actor's name and lexicon aliases are stored (for a lexicon identity: the
    /// others are made anew for each article).
    fn remember(&mut self, actor: &ActorRef) {
        if actor.from_lexicon && !self.identities.iter().any(|i| Arc::ptr_eq(i, &actor.identity)) {
            self.identities.push(Arc::clone(&actor.identity));
        }
    }
}

/// `stored_aliases` is dropped and started again past this many entries, to bound its memory.
const STORED_ALIASES_MAX: usize = 500_000;

/// Pending full-text rows are inserted once they hold this much text (and at every commit).
const FTS_PENDING_BYTES: usize = 8 << 20;

fn now() -> String {
    crate::now()
}

impl Writer {
    /// Wraps an open store.
    pub fn new(store: Store) -> Writer {
        // The writer cycles through about 25 cached statements; rusqlite's default cache keeps 16,
        // so with the default most of them would be prepared again on every use.
        store.conn.set_prepared_statement_cache_capacity(64);
        Writer {
            store,
            in_tx: false,
            actor_ids: HashMap::default(),
            stored_aliases: HashMap::default(),
            stored_alias_count: 0,
            times: WriterTimes::default(),
            fts_pending: Vec::new(),
            fts_pending_bytes: 0,
            touched: HashSet::default(),
            restored: Vec::new(),
        }
    }

    /// Gives the store back.
    pub fn into_store(self) -> Store {
        self.store
    }

    /// The store, for reads between writes.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Time spent so far in full-text indexing and extraction writes.
    pub fn times(&self) -> WriterTimes {
        self.times
    }

    /// Starts a run: marks runs left `running` by a killed process as `interrupted`, then
    /// records this one and commits at once so the run is visible even if this process dies.
    pub fn start_run(&mut self, command: &str) -> Result<i64> {
        let c = &self.store.conn;
        c.execute("UPDATE runs SET status = 'interrupted' WHERE status = 'running'", [])
            .doing(|| "marking interrupted runs".into())?;
        c.execute(
            "INSERT INTO runs (started_at, command) VALUES (?1, ?2)",
            params![now(), command],
        )
        .doing(|| "recording the run".into())?;
        Ok(c.last_insert_rowid())
    }

    /// Records a run's counts (at every commit, so a killed run still shows its progress).
    pub fn update_run(&mut self, run: i64, counts: &RunCounts) -> Result<()> {
        self.store
            .conn
            .prepare_cached(
                "UPDATE runs SET files = ?2, files_unchanged = ?3, articles_new = ?4, articles_duplicate = ?5, errors = ?6 WHERE id = ?1",
            )
            .and_then(|mut s| {
                s.execute(params![
                    run,
                    counts.files as i64,
                    counts.files_unchanged as i64,
                    counts.articles_new as i64,
                    counts.articles_duplicate as i64,
                    counts.errors as i64
                ])
            })
            .doing(|| "updating the run".into())?;
        Ok(())
    }

    /// Starts a first ingest (no article stored yet) without the extraction tables' secondary
    /// indexes, which [`Writer::restore_indexes`] builds at its end (migration 0014). Returns
    /// whether it did; a later ingest keeps them.
    pub fn defer_indexes_when_empty(&mut self) -> Result<bool> {
        let c = &self.store.conn;
        let empty: bool = c
            .query_row("SELECT NOT EXISTS (SELECT 1 FROM articles)", [], |r| r.get(0))
            .doing(|| "checking for a first ingest".into())?;
        if empty {
            super::deferred::defer(c)?;
        }
        Ok(empty)
    }

    /// Builds the indexes [`Writer::defer_indexes_when_empty`] left out, with the page cache
    /// let go so that their sorts do not add to the run's peak memory.
    pub fn restore_indexes(&mut self) -> Result<()> {
        let restored = self.with_small_cache(super::deferred::restore)?;
        self.restored.extend(restored);
        Ok(())
    }

    /// Runs `f` with the page cache shrunk to 8 MiB (its pages let go), then restores the
    /// connection's own cache size: for index builds at the end of a run, whose sorts then take
    /// the cache's place instead of adding to peak memory.
    fn with_small_cache<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let c = &self.store.conn;
        let doing = || "resizing the page cache".to_owned();
        let cache: i64 = c.query_row("PRAGMA cache_size", [], |r| r.get(0)).doing(doing)?;
        c.execute_batch("PRAGMA cache_size = -8192;").doing(doing)?;
        let out = f(c);
        c.execute_batch(&format!("PRAGMA cache_size = {cache};")).doing(doing)?;
        out
    }

    /// Marks a run finished.
    pub fn finish_run(&mut self, run: i64, counts: &RunCounts) -> Result<()> {
        self.update_run(run, counts)?;
        self.store
            .conn
            .execute(
                "UPDATE runs SET finished_at = ?2, status = 'done' WHERE id = ?1",
                params![run, now()],
            )
            .doing(|| "finishing the run".into())?;
        self.compact(counts.articles_new)
    }

    /// Makes the file smaller after a run that wrote most of its articles (a first ingest): the
    /// search index's segments are merged into one (FTS5 `optimize`: ANT's 34.8 -> 33.3 MiB,
    /// searches unchanged, 0.7 s), every index is rebuilt in key order, and the pages freed, by
    /// that and by the run, are given back (`incremental_vacuum`; new databases are made with
    /// `auto_vacuum = INCREMENTAL`, an older one keeps its free pages for later writes). A
    /// smaller run leaves the indexes as they are.
    fn compact(&mut self, articles_new: u64) -> Result<()> {
        let c = &self.store.conn;
        let doing = || "compacting the database after the run".to_owned();
        let total: i64 = c
            .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
            .doing(doing)?;
        if articles_new > 0 && 2 * articles_new as i64 >= total {
            c.execute("INSERT INTO articles_fts (articles_fts) VALUES ('optimize')", [])
                .doing(doing)?;
            // Indexes filled in random key order (an actor's mentions, the hash keys) keep their
            // pages part-empty; rebuilt, each is written in key order into full pages (ANT's
            // database 216.1 -> 208.9 MiB, 1.1 s). Every index: a WITHOUT ROWID table's key is
            // one too (`pragma_index_list` names it, `sqlite_master` does not); those this run
            // built at its end are in key order already.
            let rebuild: Vec<String> = {
                let mut stmt = c
                    .prepare(
                        "SELECT i.name FROM sqlite_master t, pragma_index_list(t.name) i
                          WHERE t.type = 'table' ORDER BY i.name",
                    )
                    .doing(doing)?;
                let names = stmt.query_map([], |r| r.get(0)).doing(doing)?;
                names.collect::<rusqlite::Result<_>>().doing(doing)?
            };
            let reindex: String = rebuild
                .iter()
                .filter(|name| !self.restored.contains(name))
                .map(|name| format!("REINDEX \"{name}\";"))
                .collect();
            self.with_small_cache(|c| c.execute_batch(&reindex).doing(doing))?;
        }
        // Each step of the pragma gives back one page.
        let mut vacuum = c.prepare("PRAGMA incremental_vacuum").doing(doing)?;
        let mut steps = vacuum.query([]).doing(doing)?;
        while steps.next().doing(doing)?.is_some() {}
        Ok(())
    }

    /// Links discovered actors across articles, whatever order the articles came in: a
    /// discovered actor (not yet merged) whose name another actor of its kind has as an alias
    /// is merged (`merged_into`) into the best-ranked such actor (lexicon, then hand-made, then
    /// discovered, by key), which must rank before it. Ranks only go down along a merge, so
    /// there are no cycles; merges are kept one level deep. Runs at the end of an ingest run.
    pub fn relink_discovered(&mut self) -> Result<usize> {
        let c = &self.store.conn;
        let mut merged = 0;
        loop {
            let n = c
                .execute(
                    "WITH cand(x, r, rank) AS (
                         SELECT x.id, r.id, (r.origin = 'extracted') || (r.origin = 'user') || r.key
                           FROM actors x
                           JOIN actor_aliases own ON own.actor_id = x.id AND own.alias = x.name
                           JOIN actor_aliases l ON l.norm = own.norm
                           JOIN actors a ON a.id = l.actor_id
                           JOIN actors r ON r.id = coalesce(a.merged_into, a.id)
                          WHERE x.origin = 'extracted' AND x.merged_into IS NULL
                            AND r.kind = x.kind AND r.id <> x.id
                            AND (r.origin <> 'extracted' OR r.key < x.key))
                     UPDATE actors SET merged_into = (
                         SELECT r FROM cand WHERE cand.x = actors.id ORDER BY rank LIMIT 1)
                      WHERE id IN (SELECT x FROM cand)",
                    [],
                )
                .doing(|| "linking discovered actors".into())?;
            // Actors merged into one that has just been merged point at its target instead.
            c.execute(
                "UPDATE actors SET merged_into = (SELECT r.merged_into FROM actors r WHERE r.id = actors.merged_into)
                  WHERE merged_into IN (SELECT id FROM actors WHERE merged_into IS NOT NULL)",
                [],
            )
            .doing(|| "linking discovered actors".into())?;
            merged += n;
            if n == 0 {
                return Ok(merged);
            }
        }
    }

    /// Opens a batch transaction (no-op if one is open).
    pub fn begin(&mut self) -> Result<()> {
        if !self.in_tx {
            self.store
                .conn
                .execute_batch("BEGIN IMMEDIATE")
                .doing(|| "starting a transaction".into())?;
            self.in_tx = true;
        }
        Ok(())
    }

    /// Commits the open batch (no-op if none), full-text rows included, and marks the actors
    /// whose mentions it changed stale in the same transaction.
    pub fn commit(&mut self) -> Result<()> {
        if self.in_tx {
            self.flush_fts()?;
            self.mark_touched()?;
            self.store.conn.execute_batch("COMMIT").doing(|| "committing".into())?;
            self.in_tx = false;
        }
        Ok(())
    }

    /// Records a file (path + raw-bytes hash) and returns its id; an already known pair is
    /// updated with the new size and time.
    #[allow(clippy::too_many_arguments)]
    pub fn record_file(
        &mut self,
        path: &str,
        raw_hash: &str,
        size: u64,
        mtime_ns: Option<i64>,
        encoding: Option<&str>,
        format: Option<&str>,
        run: i64,
    ) -> Result<i64> {
        self.store
            .conn
            .prepare_cached(
                "INSERT INTO files (path, raw_hash, size, mtime_ns, encoding, format, run_id, seen_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT (path, raw_hash) DO UPDATE SET size = excluded.size, mtime_ns = excluded.mtime_ns
                 RETURNING id",
            )
            .and_then(|mut s| {
                s.query_row(
                    params![path, raw_hash, size as i64, mtime_ns, encoding, format, run, now()],
                    |r| r.get(0),
                )
            })
            .doing(|| format!("recording file {path}"))
    }

    /// Sets the article and error counts of a file.
    pub fn set_file_counts(&mut self, file_id: i64, articles: u64, errors: u64) -> Result<()> {
        self.store
            .conn
            .prepare_cached("UPDATE files SET articles = ?2, errors = ?3 WHERE id = ?1")
            .and_then(|mut s| s.execute(params![file_id, articles as i64, errors as i64]))
            .doing(|| "updating file counts".into())?;
        Ok(())
    }

    /// A file with the same raw bytes as files seen before: every article those produced gains
    /// a source at `path`. Returns how many articles that was.
    pub fn copy_sources(&mut self, file_id: i64, raw_hash: &str, path: &str, run: i64) -> Result<u64> {
        let c = &self.store.conn;
        let known: Vec<(i64, String, Option<String>)> = c
            .prepare_cached(&format!(
                "SELECT s.article_id, s.record, s.url FROM sources s JOIN files f ON f.id = s.file_id
                  WHERE {} AND f.id <> ?2 ORDER BY s.id",
                super::raw_hash_is("f.")
            ))
            .and_then(|mut s| {
                s.query_map(params![raw_hash, file_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                    .collect()
            })
            .doing(|| format!("adding sources for {path}"))?;
        let seen_at = now();
        for (article, record, url) in &known {
            add_source(c, *article, Some(file_id), path, record, url.as_deref(), run, &seen_at)?;
        }
        // The article count of the good files with these bytes. The file itself is included: a
        // known path whose modification time changed (touched, copied back) is the same row, and
        // its count must survive. A new row still has 0, so `max` picks the known count.
        let n: i64 = c
            .prepare_cached(&format!(
                "SELECT max(articles) FROM files WHERE {} AND errors = 0",
                super::raw_hash_is("")
            ))
            .and_then(|mut s| s.query_row(params![raw_hash], |r| r.get::<_, Option<i64>>(0)))
            .doing(|| "counting articles of a known file".into())?
            .unwrap_or(0);
        Ok(n as u64)
    }

    /// Stores an article (or adds a source to the existing one with the same content hash).
    pub fn add_article(&mut self, p: &Prepared, file_id: Option<i64>, path: &str, run: i64) -> Result<Added> {
        let a = &p.article;
        let hash = a.hash_hex();
        let c = &self.store.conn;
        let existing: Option<i64> = c
            .prepare_cached("SELECT id FROM articles WHERE content_hash = ?1")
            .and_then(|mut s| s.query_row([&hash], |r| r.get(0)).optional())
            .doing(|| "looking up an article".into())?;
        let record = p.record.as_deref().unwrap_or("");
        let added = match existing {
            Some(id) => Added::Duplicate(id),
            None => {
                let started = std::time::Instant::now();
                let story = match &p.signature {
                    Some(sig) => Some(super::stories::assign(c, sig, run)?),
                    None => None,
                };
                self.times.stories += started.elapsed();
                // Its paragraphs first, under the next ids (`store::paragraphs`), so the article
                // row is written once, with where they are.
                let (first_paragraph, paragraph_count) = super::paragraphs::store(c, &a.paragraphs)?;
                c.prepare_cached(
                    "INSERT INTO articles (content_hash, title, lang, published_at, url, outlet, author, category, first_seen, run_id,
                                           story_id, story_match, story_similarity, first_paragraph, paragraph_count,
                                           extractor_version)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
                )
                .and_then(|mut s| {
                    s.execute(params![
                        hash,
                        a.title,
                        a.lang,
                        a.published_at,
                        a.url,
                        a.outlet,
                        a.author,
                        a.category,
                        now(),
                        run,
                        story.map(|m| m.story),
                        story.and_then(|m| m.matched),
                        story.and_then(|m| m.similarity),
                        first_paragraph,
                        paragraph_count,
                        // Stamped here (the article's row is written once) when its extraction
                        // is stored below, in the same transaction.
                        p.extraction.as_ref().map(|_| EXTRACTOR_VERSION)
                    ])
                })
                .doing(|| format!("storing article {path}"))?;
                let id = c.last_insert_rowid();
                if let Some(sig) = &p.signature {
                    let started = std::time::Instant::now();
                    super::stories::add_bands(c, id, sig)?;
                    self.times.stories += started.elapsed();
                }
                let (title, body) = (p.search.title.clone(), p.search.body.clone());
                if self.in_tx {
                    self.fts_pending_bytes += title.len() + body.len();
                    self.fts_pending.push((id, title, body));
                    if self.fts_pending_bytes >= FTS_PENDING_BYTES {
                        self.flush_fts()?;
                    }
                } else {
                    self.fts_pending.push((id, title, body));
                    self.flush_fts()?;
                }
                if let Some(ex) = &p.extraction {
                    let started = std::time::Instant::now();
                    let layout = layout(
                        a.paragraphs
                            .iter()
                            .enumerate()
                            .map(|(i, t)| (i as i64, t.chars().count() as i64)),
                        a.title.chars().count() as i64,
                    );
                    let texts = first_paragraph.map(|first| (first, a.paragraphs.as_slice()));
                    self.write_extraction_in(id, ex, Some(layout), texts)?;
                    self.times.extraction += started.elapsed();
                }
                Added::New(id)
            }
        };
        let id = match added {
            Added::New(id) | Added::Duplicate(id) => id,
        };
        add_source(
            &self.store.conn,
            id,
            file_id,
            path,
            record,
            a.url.as_deref(),
            run,
            &now(),
        )?;
        Ok(added)
    }

    /// Marks the actors whose mentions changed stale (`store::counts`), once per batch.
    fn mark_touched(&mut self) -> Result<()> {
        super::counts::mark_stale(&self.store.conn, self.touched.drain())
    }

    /// Counts the stale actors again (`store::counts::refresh`): every run that wrote mentions
    /// or merged actors ends with it, after its last batch.
    pub fn refresh_actor_counts(&mut self) -> Result<()> {
        self.mark_touched()?;
        super::counts::refresh(&self.store.conn)
    }

    /// Inserts the pending full-text rows, one after another. They are held back (until commit,
    /// or [`FTS_PENDING_BYTES`] of text) because FTS5 writes its in-memory index out as a new
    /// segment whenever another statement of the transaction opens a statement savepoint (an
    /// upsert such as [`Writer::record_file`] or a statement with extraction), which happened
    /// after every article and made FTS5 merge thousands of one-article segments. Inserted back to
    /// back, FTS5 flushes only when its buffer is full, as in a plain bulk load. Committed data
    /// is the same: the rows go in before the transaction that holds their article commits.
    fn flush_fts(&mut self) -> Result<()> {
        if self.fts_pending.is_empty() {
            return Ok(());
        }
        let started = std::time::Instant::now();
        let mut stmt = self
            .store
            .conn
            .prepare_cached("INSERT INTO articles_fts (rowid, title, body) VALUES (?1, ?2, ?3)")
            .doing(|| "indexing an article".into())?;
        for (id, title, body) in self.fts_pending.drain(..) {
            stmt.execute(params![id, title, body])
                .doing(|| "indexing an article".into())?;
        }
        self.fts_pending_bytes = 0;
        self.times.fts += started.elapsed();
        Ok(())
    }

    /// Records a bad file or record.
    pub fn add_error(&mut self, run: i64, path: &str, record: Option<&str>, error: &str) -> Result<()> {
        self.store
            .conn
            .prepare_cached("INSERT INTO ingest_errors (run_id, path, record, error, at) VALUES (?1, ?2, ?3, ?4, ?5)")
            .and_then(|mut s| s.execute(params![run, path, record, error, now()]))
            .doing(|| format!("recording an error for {path}"))?;
        Ok(())
    }

    /// Finds or creates the actor for `key`, matching discovered actors to known ones through
    /// their normalized names, and records its aliases and roles.
    fn actor_id(&mut self, actor: &ActorRef) -> Result<i64> {
        if let Some(&id) = self.actor_ids.get(&actor.key) {
            self.add_aliases(id, actor)?;
            return Ok(id);
        }
        let c = &self.store.conn;
        // A discovered name is not matched to other actors here: `relink_discovered` does that
        // once the run's actors are all stored, so the answer does not depend on their order.
        let id: Option<i64> = c
            .prepare_cached("SELECT coalesce(merged_into, id) FROM actors WHERE key = ?1")
            .and_then(|mut s| s.query_row([&actor.key], |r| r.get(0)).optional())
            .doing(|| "looking up an actor".into())?;
        let id = match id {
            Some(id) => {
                self.load_aliases(id)?;
                id
            }
            None => {
                c.prepare_cached(
                    "INSERT INTO actors (key, name, kind, country, qid, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )
                .and_then(|mut s| {
                    s.execute(params![
                        actor.key,
                        actor.name,
                        actor.kind.as_str(),
                        actor.country,
                        actor.qid,
                        if actor.from_lexicon { "lexicon" } else { "extracted" }
                    ])
                })
                .doing(|| format!("storing actor {}", actor.name))?;
                let id = c.last_insert_rowid();
                for role in &actor.roles {
                    c.prepare_cached(
                        "INSERT OR IGNORE INTO actor_roles (actor_id, role, of, start, end, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    )
                    .and_then(|mut s| {
                        s.execute(params![
                            id,
                            role.role,
                            role.of,
                            role.start,
                            role.end,
                            if actor.from_lexicon { "lexicon" } else { "extracted" }
                        ])
                    })
                    .doing(|| "storing a role".into())?;
                }
                id
            }
        };
        self.actor_ids.insert(actor.key.clone(), id);
        self.add_aliases(id, actor)?;
        Ok(id)
    }

    /// Remembers the aliases an actor stored by an earlier run already has (one range of the
    /// table's key), so that [`Writer::add_aliases`] inserts only the new ones instead of trying
    /// every alias again once per run.
    fn load_aliases(&mut self, id: i64) -> Result<()> {
        if self.stored_aliases.contains_key(&id) {
            return Ok(());
        }
        let doing = || "reading an actor's aliases".to_owned();
        let mut stmt = self
            .store
            .conn
            .prepare_cached("SELECT alias FROM actor_aliases WHERE actor_id = ?1")
            .doing(doing)?;
        let aliases = stmt
            .query_map([id], |r| r.get::<_, String>(0))
            .doing(doing)?
            .collect::<rusqlite::Result<HashSet<String>>>()
            .doing(doing)?;
        self.stored_alias_count += aliases.len();
        self.stored_aliases.insert(
            id,
            StoredAliases {
                aliases,
                identities: Vec::new(),
            },
        );
        Ok(())
    }

    fn add_aliases(&mut self, id: i64, actor: &ActorRef) -> Result<()> {
        if self.stored_alias_count > STORED_ALIASES_MAX {
            self.stored_aliases.clear();
            self.stored_alias_count = 0;
        }
        let stored = self.stored_aliases.entry(id).or_default();
        // A lexicon identity is shared by every article that names it: its name and aliases,
        // once stored for this actor, are not looked at again.
        let identity_stored = stored.identities.iter().any(|i| Arc::ptr_eq(i, &actor.identity));
        let identity = (!identity_stored).then(|| std::iter::once(&actor.name).chain(&actor.lexicon_aliases));
        let all = || identity.clone().into_iter().flatten().chain(&actor.surfaces);
        // An actor seen again usually brings nothing new: no statement to fetch then.
        if all().all(|alias| stored.aliases.contains(alias.as_str())) {
            stored.remember(actor);
            return Ok(());
        }
        let origin = if actor.from_lexicon { "lexicon" } else { "extracted" };
        let mut stmt = self
            .store
            .conn
            .prepare_cached(
                "INSERT OR IGNORE INTO actor_aliases (actor_id, alias, norm, origin) VALUES (?1, ?2, ?3, ?4)",
            )
            .doing(|| "preparing alias insert".into())?;
        for alias in all() {
            // (id, alias) is the table's key: once stored, the same insert is ignored.
            if stored.aliases.contains(alias.as_str()) {
                continue;
            }
            stmt.execute(params![id, alias, fold(alias), origin])
                .doing(|| "storing an alias".into())?;
            stored.aliases.insert(alias.clone());
            self.stored_alias_count += 1;
        }
        stored.remember(actor);
        Ok(())
    }

    /// Stores what extraction found for an article and stamps it with the extractor version.
    pub fn write_extraction(&mut self, article_id: i64, ex: &Extraction) -> Result<()> {
        self.write_extraction_in(article_id, ex, None, None)?;
        self.store
            .conn
            .prepare_cached("UPDATE articles SET extractor_version = ?2 WHERE id = ?1")
            .and_then(|mut st| st.execute(params![article_id, EXTRACTOR_VERSION]))
            .doing(|| "stamping the extractor version".into())?;
        Ok(())
    }

    /// [`Writer::write_extraction`] without the version stamp (a new article's row is written
    /// with it), with the article's layout when the caller has the article (otherwise it is read
    /// from the stored paragraphs when relations need it).
    fn write_extraction_in(
        &mut self,
        article_id: i64,
        ex: &Extraction,
        layout: Option<Vec<Part>>,
        texts: Texts,
    ) -> Result<()> {
        let mut ids = Vec::with_capacity(ex.actors.len());
        for actor in &ex.actors {
            ids.push(self.actor_id(actor)?);
        }
        if !ex.mentions.is_empty() {
            self.touched.extend(ids.iter().copied());
        }
        let c = &self.store.conn;
        write_mentions(c, article_id, ex, &ids)?;
        // Statements and relations say where their texts are in the article's parts.
        let layout = match layout {
            Some(layout) => layout,
            None if ex.relations.is_empty() && ex.statements.is_empty() => Vec::new(),
            None => article_layout(c, article_id)?,
        };
        write_statements(c, article_id, ex, &ids, &layout, texts)?;
        write_relations(c, article_id, ex, &ids, &layout)?;
        if !self.in_tx {
            self.mark_touched()?;
        }
        Ok(())
    }

    /// Removes what extraction wrote for an article (before re-extracting it). Actors, their
    /// aliases and hand fixes stay.
    pub fn clear_extraction(&mut self, article_id: i64) -> Result<()> {
        let c = &self.store.conn;
        let doing = || "clearing extraction".to_owned();
        let mut deleted = c
            .prepare_cached("DELETE FROM mention_spans WHERE article_id = ?1 RETURNING actor_id")
            .doing(doing)?;
        let actors = deleted.query_map([article_id], |r| r.get(0)).doing(doing)?;
        for actor in actors {
            self.touched.insert(actor.doing(doing)?);
        }
        drop(deleted);
        for sql in [
            "DELETE FROM statement_occurrences WHERE article_id = ?1",
            "DELETE FROM relation_spans WHERE article_id = ?1",
        ] {
            c.prepare_cached(sql)
                .and_then(|mut s| s.execute([article_id]))
                .doing(doing)?;
        }
        if !self.in_tx {
            self.mark_touched()?;
        }
        Ok(())
    }

    /// Deletes statements no occurrence points to any more (after re-extraction).
    pub fn prune_statements(&mut self) -> Result<()> {
        self.store
            .conn
            .execute(
                "DELETE FROM statement_rows WHERE NOT EXISTS (SELECT 1 FROM statement_occurrences o WHERE o.statement_id = statement_rows.id)",
                [],
            )
            .doing(|| "pruning statements".into())?;
        Ok(())
    }

    /// Forgets cached actor ids (after hand fixes change them).
    pub fn forget_actor_cache(&mut self) {
        self.actor_ids.clear();
        self.stored_aliases.clear();
        self.stored_alias_count = 0;
    }
}

/// How `source_rows` stores the URL `url` of a source of article `article` (SQL expressions):
/// NULL when it is the article's URL, '' when there is none but the article has one (0009).
pub(crate) fn stored_url_sql(url: &str, article: &str) -> String {
    format!(
        "CASE WHEN {url} IS (SELECT a.url FROM articles a WHERE a.id = {article}) THEN NULL ELSE coalesce({url}, '') END"
    )
}

/// Whether (article ?1, path ?2, record ?3) is a source already.
pub(crate) const SOURCE_KNOWN: &str = "SELECT EXISTS (SELECT 1 FROM source_rows s LEFT JOIN files f ON f.id = s.file_id
                         WHERE s.article_id = ?1 AND s.record = ?3 AND coalesce(s.path, f.path) = ?2)";

/// Records that an article was read from `path` (file `file_id`), record `record`, unless that
/// (article, path, record) is known: the one way sources are added. The path and URL are
/// stored only where they are not the file's and the article's (see the `sources` view).
#[allow(clippy::too_many_arguments)]
pub(crate) fn add_source(
    c: &Connection,
    article: i64,
    file_id: Option<i64>,
    path: &str,
    record: &str,
    url: Option<&str>,
    run: i64,
    seen_at: &str,
) -> Result<()> {
    // A look-up, then a one-row insert: an INSERT ... SELECT that reads its own table would
    // copy its row into a temporary table first, at every source.
    let known: bool = c
        .prepare_cached(SOURCE_KNOWN)
        .and_then(|mut s| s.query_row(params![article, path, record], |r| r.get(0)))
        .doing(|| format!("looking up a source of {path}"))?;
    if known {
        return Ok(());
    }
    c.prepare_cached(&format!(
        "INSERT INTO source_rows (article_id, file_id, path, record, url, run_id, seen_at)
         VALUES (?1, ?2, CASE WHEN ?3 IS (SELECT f.path FROM files f WHERE f.id = ?2) THEN NULL ELSE ?3 END,
                 ?4, {}, ?6, ?7)",
        stored_url_sql("?5", "?1")
    ))
    .and_then(|mut s| s.execute(params![article, file_id, path, record, url, run, seen_at]))
    .doing(|| format!("recording a source of {path}"))?;
    Ok(())
}

/// Stores an article's mentions; `ids` are the stored ids of the extraction's actors. The surface
/// is the document's text at the offsets (the `mentions` view cuts it out) and the version is the
/// article's: neither is stored per mention (0008).
fn write_mentions(c: &Connection, article_id: i64, ex: &Extraction, ids: &[i64]) -> Result<()> {
    let doing = || "storing mentions".to_owned();
    let mut chunks = ex.mentions.chunks_exact(MENTIONS_PER_INSERT);
    let mut many = c.prepare_cached(&MENTIONS_INSERT_MANY).doing(doing)?;
    for chunk in chunks.by_ref() {
        let values = chunk.iter().flat_map(|m| mention_values(article_id, m, ids));
        many.execute(rusqlite::params_from_iter(values)).doing(doing)?;
    }
    let mut one = c.prepare_cached(&MENTIONS_INSERT_ONE).doing(doing)?;
    for m in chunks.remainder() {
        one.execute(rusqlite::params_from_iter(mention_values(article_id, m, ids)))
            .doing(doing)?;
    }
    Ok(())
}

/// Mentions written by one INSERT. A statement of several rows opens a statement journal (foreign
/// keys make it abortable part-way) and copies each page it changes into it first, which one row
/// alone does not; sixteen rows share those copies and save fifteen statement runs. Statements of
/// two to eight rows for the rest cost more than one row at a time (callgrind: writer +34M
/// instructions on CNN/internationalNews), and so would statement occurrences, four an article.
const MENTIONS_PER_INSERT: usize = 16;

/// The mention inserts of one and of [`MENTIONS_PER_INSERT`] rows (built once).
static MENTIONS_INSERT_ONE: LazyLock<String> = LazyLock::new(|| mentions_insert(1));
static MENTIONS_INSERT_MANY: LazyLock<String> = LazyLock::new(|| mentions_insert(MENTIONS_PER_INSERT));

fn mentions_insert(rows: usize) -> String {
    let rows = vec!["(?, ?, ?, ?, ?)"; rows].join(", ");
    format!("INSERT OR IGNORE INTO mention_spans (article_id, start, end, actor_id, sentence) VALUES {rows}")
}

/// The values of a mention's row.
fn mention_values(article_id: i64, m: &crate::extract::Mention, ids: &[i64]) -> [i64; 5] {
    [
        article_id,
        m.start as i64,
        m.end as i64,
        ids[m.actor],
        m.sentence as i64,
    ]
}

/// Stores an article's statements (once per key) and their occurrences in it. A new statement's
/// text is stored as its place in the paragraph that holds it (`paragraphs::text_place`; the
/// `statements` view cuts it out), as text only when it is not there.
fn write_statements(
    c: &Connection,
    article_id: i64,
    ex: &Extraction,
    ids: &[i64],
    layout: &[Part],
    texts: Texts,
) -> Result<()> {
    let mut find = c
        .prepare_cached("SELECT id FROM statement_rows WHERE key = ?1")
        .doing(|| "preparing statement look-up".into())?;
    let mut insert = c
        .prepare_cached(
            "INSERT INTO statement_rows (key, speaker_id, text, kind, anonymous, text_paragraph, text_offset, text_length)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )
        .doing(|| "preparing statement insert".into())?;
    let mut occurrence = c
        .prepare_cached(
            "INSERT OR IGNORE INTO statement_occurrences
               (statement_id, article_id, sentence, start, end, cue, speaker_surface, extractor_version)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )
        .doing(|| "preparing occurrence insert".into())?;
    for s in &ex.statements {
        let speaker = s.speaker.map(|i| ids[i]);
        let key = statement_key(speaker, s);
        // Looked up first, inserted when new: cheaper than an upsert with RETURNING.
        let found: Option<i64> = find
            .query_row([&key[..]], |r| r.get(0))
            .optional()
            .doing(|| "looking up a statement".into())?;
        let sid = match found {
            Some(id) => id,
            None => {
                let place = text_place(layout, s.start as i64, s.end as i64, &s.text, |position| {
                    paragraph_text(c, article_id, texts, position)
                })?;
                insert
                    .execute(params![
                        &key[..],
                        speaker,
                        if place.is_some() { "" } else { s.text.as_str() },
                        s.kind.as_str(),
                        s.anonymous,
                        place.map(|p| p.0),
                        place.map(|p| p.1),
                        place.map(|p| p.2)
                    ])
                    .doing(|| "storing a statement".into())?;
                c.last_insert_rowid()
            }
        };
        occurrence
            .execute(params![
                sid,
                article_id,
                s.sentence as i64,
                s.start as i64,
                s.end as i64,
                s.cue,
                s.speaker_surface,
                EXTRACTOR_VERSION
            ])
            .doing(|| "storing a statement occurrence".into())?;
    }
    Ok(())
}

/// An article's paragraphs as the writer has them when it has just stored them: the first one's
/// id and their texts (none: they are read from the database).
type Texts<'a> = Option<(i64, &'a [String])>;

/// Paragraph `position` of article `article_id`: (its id, its text), from `texts` when the
/// writer has them.
fn paragraph_text<'a>(
    c: &Connection,
    article_id: i64,
    texts: Texts<'a>,
    position: i64,
) -> Result<Option<(i64, Cow<'a, str>)>> {
    match texts {
        Some((first, paragraphs)) => Ok(usize::try_from(position)
            .ok()
            .and_then(|i| paragraphs.get(i))
            .map(|text| (first + position, Cow::Borrowed(text.as_str())))),
        None => paragraphs::paragraph_at(c, article_id, position),
    }
}

/// Stores an article's relations. The evidence is the document's text at the offsets: stored as
/// the paragraph that holds it and where it starts there (the `relations` view cuts it out), as
/// text only when it is not inside one paragraph.
fn write_relations(c: &Connection, article_id: i64, ex: &Extraction, ids: &[i64], layout: &[Part]) -> Result<()> {
    let mut relation = c
        .prepare_cached(
            "INSERT OR IGNORE INTO relation_spans
               (article_id, subject_id, predicate, object_id, negated, role, sentence, start, end, confidence,
                evidence_paragraph, evidence_offset, evidence)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )
        .doing(|| "preparing relation insert".into())?;
    for r in &ex.relations {
        let place = evidence_place(layout, r.start as i64, r.end as i64);
        relation
            .execute(params![
                article_id,
                ids[r.subject],
                r.predicate,
                ids[r.object],
                r.negated,
                r.role,
                r.sentence as i64,
                r.start as i64,
                r.end as i64,
                r.confidence,
                place.map(|(p, _)| p),
                place.map(|(_, o)| o),
                place.is_none().then_some(&r.evidence)
            ])
            .doing(|| "storing a relation".into())?;
    }
    Ok(())
}

/// One part of an article's document: its paragraph position (-1: the title), where it starts
/// in the document and its length, in characters.
pub(crate) type Part = (i64, i64, i64);

/// The parts of a stored article's document (title, then paragraphs, blank lines between).
pub(crate) fn article_layout(c: &Connection, article_id: i64) -> Result<Vec<Part>> {
    let lengths = format!(
        "SELECT p.id - a.first_paragraph, length(p.text) FROM {} WHERE a.id = ?1 ORDER BY p.id",
        super::paragraphs::OF_ARTICLE
    );
    layout_read(c, article_id, &lengths, "")
}

/// The parts of article `article_id`'s document, its paragraphs' (position, length) read by
/// `lengths` (one parameter, the article): the schema's layout of paragraphs is the caller's.
pub(crate) fn layout_read(c: &Connection, article_id: i64, lengths: &str, when: &str) -> Result<Vec<Part>> {
    let doing = || format!("reading an article's paragraph lengths{when}");
    let title: i64 = c
        .prepare_cached("SELECT length(title) FROM articles WHERE id = ?1")
        .and_then(|mut s| s.query_row([article_id], |r| r.get(0)))
        .doing(doing)?;
    let mut stmt = c.prepare_cached(lengths).doing(doing)?;
    let lengths = stmt
        .query_map([article_id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))
        .doing(doing)?
        .collect::<rusqlite::Result<Vec<_>>>()
        .doing(doing)?;
    Ok(layout(lengths, title))
}

/// The parts of a document whose title and paragraphs (position, length) have these lengths.
pub(crate) fn layout(paragraphs: impl IntoIterator<Item = (i64, i64)>, title: i64) -> Vec<Part> {
    let mut parts = vec![(-1, 0, title)];
    let mut at = title + 2;
    for (position, len) in paragraphs {
        parts.push((position, at, len));
        at += len + 2;
    }
    parts
}

/// Where the text from `start` to `end` lies in one part of the layout: (paragraph position, start
/// in that paragraph); `None` when it does not lie inside one part.
pub(crate) fn evidence_place(layout: &[Part], start: i64, end: i64) -> Option<(i64, i64)> {
    let i = layout.partition_point(|&(_, at, _)| at <= start).checked_sub(1)?;
    let (position, at, len) = layout[i];
    (end <= at + len && start <= end).then_some((position, start - at))
}

/// The identity of a statement: its speaker (an actor id, `anonymous`, or nothing) and the match
/// form of its text, hashed; the same words from the same speaker are one statement.
/// It is the first 12 bytes of the hash, stored as a BLOB (hex text until 0008).
fn statement_key(speaker: Option<i64>, s: &crate::extract::Statement) -> [u8; 12] {
    let who = speaker.map_or_else(
        || if s.anonymous { "anonymous".into() } else { String::new() },
        |i| i.to_string(),
    );
    let mut text = who;
    text.push('\u{1f}');
    text.extend(s.text.chars().filter_map(crate::normalize::fold_char));
    let hash = crate::article::sha256(text.as_bytes());
    let mut key = [0u8; 12];
    key.copy_from_slice(&hash[..12]);
    key
}
