//! The look-ups ingest workers make on their own read connection, beside the writer: whether a
//! file or an article is known already, so that it is not read, decoded or extracted again.

use std::path::Path;

use rusqlite::OptionalExtension;

use super::sql_err;
use crate::error::{Result, SqlContext};

/// Look-ups that ingest workers make on their own read connection, beside the writer.
pub struct Lookup {
    conn: rusqlite::Connection,
}

impl Lookup {
    /// Opens a read connection to the database at `path`.
    pub fn open(path: &Path) -> Result<Lookup> {
        let conn = rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .doing(|| format!("opening {}", path.display()))?;
        conn.busy_timeout(std::time::Duration::from_secs(30))
            .doing(sql_err("configuring a reader"))?;
        crate::store::plans_independent_of_bound_values(&conn).doing(sql_err("configuring a reader"))?;
        Ok(Lookup { conn })
    }

    /// The article count of a file ingested before with the same path, size and mtime.
    pub fn unchanged_file(&self, path: &str, size: u64, mtime_ns: Option<i64>) -> Result<Option<u64>> {
        let Some(mtime) = mtime_ns else { return Ok(None) };
        self.conn
            .prepare_cached(
                "SELECT articles FROM files WHERE path = ?1 AND size = ?2 AND mtime_ns = ?3 AND errors = 0 LIMIT 1",
            )
            .and_then(|mut s| {
                s.query_row(rusqlite::params![path, size as i64, mtime], |r| r.get::<_, i64>(0))
                    .optional()
            })
            .map(|o| o.map(|n| n as u64))
            .doing(sql_err("checking a known file"))
    }

    /// Whether a file with these raw bytes was ingested before (without errors).
    pub fn known_raw_hash(&self, raw_hash: &str) -> Result<bool> {
        self.conn
            .prepare_cached(&format!(
                "SELECT 1 FROM files WHERE {} AND errors = 0 LIMIT 1",
                crate::store::raw_hash_is("")
            ))
            .and_then(|mut s| s.exists([raw_hash]))
            .doing(sql_err("checking a known file"))
    }

    /// Whether an article with this content hash is stored.
    pub fn known_article(&self, content_hash: &str) -> Result<bool> {
        self.conn
            .prepare_cached("SELECT 1 FROM articles WHERE content_hash = ?1")
            .and_then(|mut s| s.exists([content_hash]))
            .doing(sql_err("checking a known article"))
    }
}
