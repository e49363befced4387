//! The SQL of `merge`: opening a shard database read-only and checking that it can be merged,
//! reading its articles with their sources and files, its bad files and its hand fixes; and on
//! the target, storing sources and files verbatim and re-applying the shard's hand fixes.

use std::path::Path;

use rusqlite::{OptionalExtension, params};

use super::writer::{Writer, add_source, stored_url_sql};
use super::{Store, migrate, opening_error, read_connection};
use crate::error::{Error, Result, SqlContext};
use crate::extract::EXTRACTOR_VERSION;
use crate::normalize::fold;

/// A `files` row of a shard, as it is carried into the target.
#[derive(Debug, Clone)]
pub struct ShardFile {
    /// The path as the shard's ingest recorded it.
    pub path: String,
    /// SHA-256 of the raw bytes.
    pub raw_hash: String,
    /// Bytes.
    pub size: i64,
    /// Modification time, nanoseconds.
    pub mtime_ns: Option<i64>,
    /// Detected encoding.
    pub encoding: Option<String>,
    /// Detected format.
    pub format: Option<String>,
    /// Articles the file gave.
    pub articles: i64,
    /// Bad records in it.
    pub errors: i64,
    /// When the shard first saw it.
    pub seen_at: String,
}

/// A `sources` row of a shard: where an article was read from.
#[derive(Debug, Clone)]
pub struct ShardSource {
    /// The shard's file id (the key for [`ShardFile`] look-ups), if any.
    pub file: Option<ShardFile>,
    /// Path as recorded.
    pub path: String,
    /// Record within the file.
    pub record: String,
    /// The record's URL.
    pub url: Option<String>,
    /// When the shard saw it.
    pub seen_at: String,
}

/// A shard article's stored metadata.
#[derive(Debug, Clone)]
pub struct ShardArticle {
    /// Stored-form title.
    pub title: String,
    /// Stored-form paragraphs in order.
    pub paragraphs: Vec<String>,
    /// Language.
    pub lang: String,
    /// Publication time.
    pub published_at: Option<String>,
    /// The article's URL.
    pub url: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Byline.
    pub author: Option<String>,
    /// Section.
    pub category: Option<String>,
    /// When the shard first stored it.
    pub first_seen: String,
    /// Its sources, oldest first.
    pub sources: Vec<ShardSource>,
}

/// A logged hand fix (`user_fixes` row).
#[derive(Debug, Clone)]
pub struct Fix {
    /// `add` or `merge`.
    pub op: String,
    /// Key of the actor fixed.
    pub actor: String,
    /// The alias added, or the key of the actor merged in.
    pub value: String,
    /// When it was made.
    pub created_at: String,
}

/// A bad file or record the shard's ingest recorded.
#[derive(Debug, Clone)]
pub struct ShardError {
    /// File.
    pub path: String,
    /// Record.
    pub record: Option<String>,
    /// Why.
    pub error: String,
    /// When.
    pub at: String,
}

fn bad(path: &Path, reason: impl Into<String>) -> Error {
    Error::BadInput {
        location: path.display().to_string(),
        reason: reason.into(),
    }
}

impl Store {
    /// Opens a shard for merging, read-only. Refuses a missing file, a file that is not an isnad
    /// database, one from a newer isnad, and one extracted by another extractor version. A
    /// shard from an older isnad is brought up to date first, as every read command does.
    pub fn open_shard(path: &Path) -> Result<Store> {
        if !path.is_file() {
            return Err(bad(path, "no such shard database"));
        }
        let display = path.display().to_string();
        let (conn, found) = read_connection(path, false)
            .or_else(|_| read_connection(path, true))
            .map_err(|e| opening_error(&display, e))?;
        let has_schema: bool = conn
            .query_row(
                "SELECT count(*) = 2 FROM sqlite_schema WHERE type = 'table' AND name IN ('articles', 'schema_migrations')",
                [],
                |r| r.get(0),
            )
            .map_err(|e| opening_error(&display, e))?;
        if found == 0 || !has_schema {
            return Err(bad(path, "not an isnad database (no isnad schema in it)"));
        }
        migrate::check_version(found, migrate::latest_version(), &display)?;
        drop(conn);
        let store = Store::open_read_only(path)?;
        store.check_extractor_version()?;
        Ok(store)
    }

    /// Fails when some article was extracted by another extractor version than this isnad's.
    fn check_extractor_version(&self) -> Result<()> {
        let other: Option<i64> = self
            .conn
            .query_row(
                "SELECT extractor_version FROM articles WHERE extractor_version IS NOT NULL AND extractor_version <> ?1 LIMIT 1",
                [EXTRACTOR_VERSION],
                |r| r.get(0),
            )
            .optional()
            .doing(|| "reading extractor versions".into())?;
        match other {
            Some(v) => Err(bad(
                &self.path,
                format!(
                    "extracted by extractor version {v}, but this isnad is at version {EXTRACTOR_VERSION}: run `isnad --db {} reextract` on it first, or merge with the isnad that made it",
                    self.path.display()
                ),
            )),
            None => Ok(()),
        }
    }

    /// The ids of the shard's articles in the order they were stored.
    pub fn shard_article_ids(&self) -> Result<Vec<i64>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id FROM articles ORDER BY id")
            .doing(|| "listing a shard's articles".into())?;
        stmt.query_map([], |r| r.get(0))
            .doing(|| "listing a shard's articles".into())?
            .collect::<rusqlite::Result<_>>()
            .doing(|| "listing a shard's articles".into())
    }

    /// One shard article: stored text, metadata and sources (with their files).
    pub fn shard_article(&self, id: i64) -> Result<ShardArticle> {
        let (title, paragraphs, lang, published_at) = self.article_parts(id)?;
        let (url, outlet, author, category, first_seen) = self
            .conn
            .prepare_cached("SELECT url, outlet, author, category, first_seen FROM articles WHERE id = ?1")
            .and_then(|mut s| s.query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))))
            .doing(|| "reading a shard article".into())?;
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT s.path, s.record, s.url, s.seen_at, f.id, f.path, f.raw_hash, f.size, f.mtime_ns,
                        f.encoding, f.format, f.articles, f.errors, f.seen_at
                   FROM sources s LEFT JOIN files f ON f.id = s.file_id
                  WHERE s.article_id = ?1 ORDER BY s.id",
            )
            .doing(|| "reading sources".into())?;
        let sources = stmt
            .query_map([id], |r| {
                let file = match r.get::<_, Option<i64>>(4)? {
                    None => None,
                    Some(_) => Some(file_row(r, 5)?),
                };
                Ok(ShardSource {
                    file,
                    path: r.get(0)?,
                    record: r.get(1)?,
                    url: r.get(2)?,
                    seen_at: r.get(3)?,
                })
            })
            .doing(|| "reading sources".into())?
            .collect::<rusqlite::Result<_>>()
            .doing(|| "reading sources".into())?;
        Ok(ShardArticle {
            title,
            paragraphs,
            lang,
            published_at,
            url,
            outlet,
            author,
            category,
            first_seen,
            sources,
        })
    }

    /// Every file the shard recorded (those that gave no article too).
    pub fn shard_files(&self) -> Result<Vec<ShardFile>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT path, raw_hash, size, mtime_ns, encoding, format, articles, errors, seen_at FROM files ORDER BY id",
            )
            .doing(|| "reading a shard's files".into())?;
        stmt.query_map([], |r| file_row(r, 0))
            .doing(|| "reading a shard's files".into())?
            .collect::<rusqlite::Result<_>>()
            .doing(|| "reading a shard's files".into())
    }

    /// The bad files and records the shard recorded.
    pub fn shard_errors(&self) -> Result<Vec<ShardError>> {
        let mut stmt = self
            .conn
            .prepare("SELECT path, record, error, at FROM ingest_errors ORDER BY id")
            .doing(|| "reading a shard's errors".into())?;
        stmt.query_map([], |r| {
            Ok(ShardError {
                path: r.get(0)?,
                record: r.get(1)?,
                error: r.get(2)?,
                at: r.get(3)?,
            })
        })
        .doing(|| "reading a shard's errors".into())?
        .collect::<rusqlite::Result<_>>()
        .doing(|| "reading a shard's errors".into())
    }

    /// The shard's hand fixes, in the order they were made.
    pub fn shard_fixes(&self) -> Result<Vec<Fix>> {
        let mut stmt = self
            .conn
            .prepare("SELECT op, actor, value, created_at FROM user_fixes ORDER BY id")
            .doing(|| "reading a shard's fixes".into())?;
        stmt.query_map([], |r| {
            Ok(Fix {
                op: r.get(0)?,
                actor: r.get(1)?,
                value: r.get(2)?,
                created_at: r.get(3)?,
            })
        })
        .doing(|| "reading a shard's fixes".into())?
        .collect::<rusqlite::Result<_>>()
        .doing(|| "reading a shard's fixes".into())
    }
}

/// A [`ShardFile`] from the row's columns starting at `at`.
fn file_row(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<ShardFile> {
    Ok(ShardFile {
        path: r.get(at)?,
        raw_hash: r.get(at + 1)?,
        size: r.get(at + 2)?,
        mtime_ns: r.get(at + 3)?,
        encoding: r.get(at + 4)?,
        format: r.get(at + 5)?,
        articles: r.get(at + 6)?,
        errors: r.get(at + 7)?,
        seen_at: r.get(at + 8)?,
    })
}

impl Writer {
    /// Stores a shard's file row unless the target has (path, raw bytes) already; returns the
    /// target's id for it.
    pub fn merge_file(&mut self, f: &ShardFile, run: i64) -> Result<i64> {
        let c = &self.store().conn;
        c.prepare_cached(
            "INSERT INTO files (path, raw_hash, size, mtime_ns, encoding, format, articles, errors, run_id, seen_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT (path, raw_hash) DO NOTHING",
        )
        .and_then(|mut s| {
            s.execute(params![
                f.path, f.raw_hash, f.size, f.mtime_ns, f.encoding, f.format, f.articles, f.errors, run, f.seen_at
            ])
        })
        .doing(|| format!("merging file {}", f.path))?;
        c.prepare_cached("SELECT id FROM files WHERE path = ?1 AND raw_hash = ?2")
            .and_then(|mut s| s.query_row(params![f.path, f.raw_hash], |r| r.get(0)))
            .doing(|| format!("merging file {}", f.path))
    }

    /// Adds a source to an article with the shard's values (a row this run just made for it is
    /// given them too).
    pub fn merge_source(&mut self, article: i64, file: Option<i64>, s: &ShardSource, run: i64) -> Result<()> {
        let c = &self.store().conn;
        add_source(c, article, file, &s.path, &s.record, s.url.as_deref(), run, &s.seen_at)?;
        c.prepare_cached(&format!(
            "UPDATE source_rows SET url = {}, seen_at = ?5
              WHERE id IN (SELECT id FROM sources WHERE article_id = ?1 AND path = ?2 AND record = ?3 AND run_id = ?6)",
            stored_url_sql("?4", "?1")
        ))
        .and_then(|mut st| st.execute(params![article, s.path, s.record, s.url, s.seen_at, run]))
        .doing(|| "merging a source".into())?;
        Ok(())
    }

    /// Sources the run `run` added.
    pub fn run_sources(&mut self, run: i64) -> Result<u64> {
        self.store()
            .conn
            .query_row("SELECT count(*) FROM sources WHERE run_id = ?1", [run], |r| {
                r.get::<_, i64>(0)
            })
            .map(|n| n as u64)
            .doing(|| "counting sources".into())
    }

    /// Keeps the earlier of the target's and the shard's first sighting of an article.
    pub fn merge_first_seen(&mut self, article: i64, first_seen: &str) -> Result<()> {
        self.store()
            .conn
            .prepare_cached("UPDATE articles SET first_seen = ?2 WHERE id = ?1 AND first_seen > ?2")
            .and_then(|mut s| s.execute(params![article, first_seen]))
            .doing(|| "merging an article's first sighting".into())?;
        Ok(())
    }

    /// Records a shard's bad file or record unless the target has it already.
    pub fn merge_error(&mut self, e: &ShardError, run: i64) -> Result<bool> {
        let n = self
            .store()
            .conn
            .prepare_cached(
                "INSERT INTO ingest_errors (run_id, path, record, error, at)
                 SELECT ?1, ?2, ?3, ?4, ?5 WHERE NOT EXISTS (
                   SELECT 1 FROM ingest_errors WHERE path = ?2 AND record IS ?3 AND error = ?4)",
            )
            .and_then(|mut s| s.execute(params![run, e.path, e.record, e.error, e.at]))
            .doing(|| format!("merging an error for {}", e.path))?;
        Ok(n > 0)
    }

    /// Logs and applies a shard's hand fix unless the target has it already; returns whether it
    /// was new. Applied as `alias add` and `alias merge` apply it, by actor key.
    pub fn merge_fix(&mut self, f: &Fix) -> Result<bool> {
        let c = &self.store().conn;
        let logged = c
            .prepare_cached(
                "INSERT INTO user_fixes (op, actor, value, created_at)
                 SELECT ?1, ?2, ?3, ?4 WHERE NOT EXISTS (
                   SELECT 1 FROM user_fixes WHERE op = ?1 AND actor = ?2 AND value = ?3)",
            )
            .and_then(|mut s| s.execute(params![f.op, f.actor, f.value, f.created_at]))
            .doing(|| "logging a fix".into())?;
        if logged == 0 {
            return Ok(false);
        }
        let id_of = |key: &str| -> Result<Option<i64>> {
            c.prepare_cached("SELECT id FROM actors WHERE key = ?1")
                .and_then(|mut s| s.query_row([key], |r| r.get(0)).optional())
                .doing(|| "finding an actor".into())
        };
        let Some(actor) = id_of(&f.actor)? else {
            return Ok(true);
        };
        if f.op == "add" {
            c.execute(
                "INSERT OR IGNORE INTO actor_aliases (actor_id, alias, norm, origin) VALUES (?1, ?2, ?3, 'user')",
                params![actor, f.value, fold(&f.value)],
            )
            .doing(|| "merging an alias".into())?;
        } else if let Some(other) = id_of(&f.value)? {
            let keep: i64 = c
                .query_row(
                    "SELECT coalesce(merged_into, id) FROM actors WHERE id = ?1",
                    [actor],
                    |r| r.get(0),
                )
                .doing(|| "merging actors".into())?;
            if keep != other {
                c.execute(
                    "UPDATE actors SET merged_into = ?1 WHERE id = ?2 OR merged_into = ?2",
                    params![keep, other],
                )
                .doing(|| "merging actors".into())?;
                c.execute(
                    "UPDATE statement_rows SET speaker_id = ?1 WHERE speaker_id = ?2",
                    params![keep, other],
                )
                .doing(|| "merging statements".into())?;
            }
        }
        Ok(true)
    }
}
