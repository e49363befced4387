//! `stats`: the row counts of the main tables, the dedup ratio and the size of the database.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::sql_err;
use crate::error::{Result, SqlContext};
use crate::store::Store;

/// Counts and sizes.
#[derive(Debug, Serialize)]
pub struct Stats {
    /// Articles stored.
    pub articles: i64,
    /// Sources (every file/record an article was read from).
    pub sources: i64,
    /// Files recorded.
    pub files: i64,
    /// sources / articles.
    pub dedup_ratio: f64,
    /// Paragraphs stored (since 0011 once per article that has them).
    pub paragraphs: i64,
    /// Paragraph links (with repeats).
    pub paragraph_links: i64,
    /// Actors.
    pub actors: i64,
    /// Mentions.
    pub mentions: i64,
    /// Statements.
    pub statements: i64,
    /// Relations.
    pub relations: i64,
    /// Ingest runs.
    pub runs: i64,
    /// Errors recorded over all runs.
    pub ingest_errors: i64,
    /// Database file size in bytes (with its WAL).
    pub db_bytes: u64,
    /// Schema version.
    pub schema_version: i64,
}

impl Store {
    /// Counts, dedup ratio and size.
    pub fn stats(&self) -> Result<Stats> {
        let count = |table: &str| -> Result<i64> {
            self.conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
                .doing(|| format!("counting {table}"))
        };
        let articles = count("articles")?;
        let sources = count("sources")?;
        let db_bytes = file_size(self.path()) + file_size(&wal_path(self.path()));
        Ok(Stats {
            articles,
            sources,
            files: count("files")?,
            dedup_ratio: if articles > 0 {
                (sources as f64 / articles as f64 * 1000.0).round() / 1000.0
            } else {
                0.0
            },
            paragraphs: count("paragraphs")?,
            paragraph_links: count("article_paragraphs")?,
            actors: self
                .conn
                .query_row("SELECT count(DISTINCT actor_id) FROM mentions", [], |r| r.get(0))
                .doing(sql_err("counting actors"))?,
            mentions: count("mentions")?,
            statements: count("statements")?,
            relations: count("relations")?,
            runs: count("runs")?,
            ingest_errors: count("ingest_errors")?,
            db_bytes,
            schema_version: crate::store::migrate::current_version(&self.conn)?,
        })
    }
}

fn file_size(p: &Path) -> u64 {
    std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)
}

fn wal_path(p: &Path) -> PathBuf {
    let mut s = p.as_os_str().to_owned();
    s.push("-wal");
    s.into()
}
