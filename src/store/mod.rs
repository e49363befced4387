//! The store: the only module that speaks SQL. It opens databases (applying migrations), writes
//! what ingest and extraction produce (`writer`), answers the CLI's listings ([`query`]),
//! builds the actor network ([`graph`]) and runs users' read-only SQL ([`sql`]).

mod counts;
pub(crate) mod datasette;
mod deferred;
pub(crate) mod export;
pub mod fixes;
pub mod graph;
pub mod migrate;
mod paragraphs;
pub mod query;
mod rank;
mod rehash;
pub(crate) mod shard;
mod slim;
pub mod sql;
pub mod stories;
pub mod timeline;
pub(crate) mod writer;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Result, SqlContext};

/// The error for a database that failed its first statement: not SQLite at all, or another
/// SQLite failure.
fn opening_error(display: &str, source: rusqlite::Error) -> Error {
    match source {
        rusqlite::Error::SqliteFailure(ref e, _) if e.code == rusqlite::ErrorCode::NotADatabase => Error::BadInput {
            location: display.to_owned(),
            reason: "not an isnad database (not SQLite)".into(),
        },
        source => Error::Sqlite {
            doing: format!("opening {display}"),
            source,
        },
    }
}

/// A read-only connection and the schema version it finds; `immutable` reads the file without
/// any locking or -shm file (only safe when no one writes it, which a missing -wal shows).
fn read_connection(path: &Path, immutable: bool) -> rusqlite::Result<(Connection, i64)> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
    let conn = if immutable {
        let uri = format!("file:{}?immutable=1", uri_path(path));
        Connection::open_with_flags(uri, flags)?
    } else {
        Connection::open_with_flags(path, flags - OpenFlags::SQLITE_OPEN_URI)?
    };
    conn.busy_timeout(Duration::from_secs(30))?;
    // A listing reads thousands of rows scattered over the file (an actor's statements, its
    // relations and their articles): mapped pages cost no read call each, and a cache of the
    // writer's size keeps what one query read for the next one on the connection.
    conn.execute_batch("PRAGMA mmap_size = 1073741824; PRAGMA cache_size = -65536;")?;
    plans_independent_of_bound_values(&conn)?;
    let found = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    Ok((conn, found))
}

/// Turns on SQLite's query planner stability guarantee. Without it, SQLite (3.45 and later) marks
/// a statement whose plan estimate looked at a bound value (`col = ?1` beside an index it may
/// not use, `LIMIT ?1`) to be re-prepared when that value changes, and `sqlite3_clear_bindings`,
/// which rusqlite's statement cache calls on every statement it takes back, counts as a change:
/// such a cached statement was compiled again at every use (the writer's source look-up: about
/// 84,000 instructions per article, 4% of the writer's). isnad runs no `ANALYZE`, so no plan
/// here depends on the values anyway.
pub(crate) fn plans_independent_of_bound_values(conn: &Connection) -> rusqlite::Result<()> {
    conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)
        .map(|_| ())
}

/// The condition that a `files` row (`table`: its alias and a dot, or "") has the raw hash
/// `?1`: through the index on its first 16 hex digits (migration 0013), then the whole hash
/// (`+`: SQLite would otherwise scan the `(path, raw_hash)` index for the second term).
pub(crate) fn raw_hash_is(table: &str) -> String {
    format!("substr({table}raw_hash, 1, 16) = substr(?1, 1, 16) AND +{table}raw_hash = ?1")
}

/// A path for a `file:` URI: `%`, `?` and `#` escaped.
fn uri_path(path: &Path) -> String {
    path.to_string_lossy()
        .replace('%', "%25")
        .replace('?', "%3f")
        .replace('#', "%23")
}

fn wal_file(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push("-wal");
    PathBuf::from(name)
}

fn is_cannot_open(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _)
        if matches!(f.code, rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::ReadOnly))
}

/// Whether a writer waiting for another process's lock says so on stderr (the CLI turns this
/// off with `-q`).
static ANNOUNCE_WAITS: AtomicBool = AtomicBool::new(false);

/// Makes writers say on stderr when they wait for another isnad writing the same database.
pub fn announce_waits(on: bool) {
    ANNOUNCE_WAITS.store(on, Ordering::Relaxed);
}

/// How long a writer waits for another process's write lock before giving up.
const LOCK_PATIENCE: Duration = Duration::from_secs(300);

/// A busy handler for writers: wait politely (short sleeps), say so once after a second, and
/// give up after [`LOCK_PATIENCE`]. Another isnad holds the lock a batch at a time (about 2 s),
/// so waits are short unless it is migrating a large database.
fn wait_for_lock(db: String) -> impl FnMut(i32) -> bool + Send + 'static {
    let mut started = Instant::now();
    let mut said = false;
    move |attempt| {
        // SQLite counts the calls for one wait from 0.
        if attempt == 0 {
            started = Instant::now();
            said = false;
        }
        if !said && started.elapsed() >= Duration::from_secs(1) && ANNOUNCE_WAITS.load(Ordering::Relaxed) {
            eprintln!("isnad: waiting for another isnad writing to {db}…");
            said = true;
        }
        if started.elapsed() >= LOCK_PATIENCE {
            return false;
        }
        std::thread::sleep(Duration::from_millis(20));
        true
    }
}

/// An open isnad database.
pub struct Store {
    /// The connection. Public within the crate's store only.
    pub(crate) conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens (creating if needed) the database at `path` for writing and brings its schema up to
    /// date. WAL journaling, foreign keys on.
    pub fn open(path: &Path) -> Result<Store> {
        let display = path.display().to_string();
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
            && !parent.is_dir()
        {
            return Err(Error::BadInput {
                location: display,
                reason: format!("cannot create the database: folder {} does not exist", parent.display()),
            });
        }
        let mut conn = Connection::open(path).doing(|| format!("opening {display}"))?;
        conn.busy_handler(Some(wait_for_lock(display.clone())))
            .doing(|| format!("configuring {display}"))?;
        // A 48 MiB page cache: the writer's working set (the index pages it inserts into) fits,
        // and peak memory of a whole-corpus ingest stays under 128 MiB with the extractor loaded.
        // 8 KiB pages for a new database (an existing one keeps its size): paragraphs of 1-4 KB
        // leave less of a page empty and fewer overflow pages (ANT: 222.9 -> 219.9 MiB); free
        // pages that can be given back at the end of an ingest (`Writer::compact`).
        conn.execute_batch(
            "PRAGMA page_size = 8192;
             PRAGMA auto_vacuum = INCREMENTAL;
             PRAGMA journal_mode = WAL;
             PRAGMA synchronous = NORMAL;
             PRAGMA foreign_keys = ON;
             PRAGMA cache_size = -49152;
             PRAGMA temp_store = MEMORY;",
        )
        .map_err(|source| opening_error(&display, source))?;
        plans_independent_of_bound_values(&conn).map_err(|source| opening_error(&display, source))?;
        migrate::migrate(&mut conn, &display)?;
        // Indexes a killed first ingest left deferred are built before anything writes again.
        deferred::restore(&conn)?;
        rank::register(&conn)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// Opens an existing database read-only. Refuses a missing file, a non-isnad file and a
    /// database from a newer isnad.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        let display = path.display().to_string();
        if !path.is_file() {
            return Err(Error::BadInput {
                reason: format!("no such database (create one with `isnad --db {display} init` or `ingest`)"),
                location: display,
            });
        }
        let (conn, found) = match read_connection(path, false) {
            Ok(opened) => opened,
            // A WAL database read-only needs its -shm file; where the folder cannot be written
            // (a read-only mount, a shared archive) read it as an immutable file instead.
            Err(e) if is_cannot_open(&e) && !wal_file(path).exists() => {
                read_connection(path, true).map_err(|source| opening_error(&display, source))?
            }
            Err(source) => return Err(opening_error(&display, source)),
        };
        if !migrate::check_version(found, migrate::latest_version(), &display)? {
            // An older or empty database: upgrade it through a writable connection first.
            drop(conn);
            Store::open(path)?;
            return Store::open_read_only(path);
        }
        rank::register(&conn)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// The database file.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// The schema as SQL (`CREATE` statements of tables, views and indexes), each table's indexes
    /// right after it: the same text whether or not an index was built again at the end of a
    /// first ingest (`store::deferred`).
    pub fn schema(&self) -> Result<String> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT s.sql FROM sqlite_schema s
                  WHERE s.sql IS NOT NULL AND s.name NOT LIKE 'articles_fts_%'
                  ORDER BY (SELECT t.rowid FROM sqlite_schema t WHERE t.name = s.tbl_name), s.type = 'index', s.rowid",
            )
            .doing(|| "reading the schema".into())?;
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .doing(|| "reading the schema".into())?
            .collect::<rusqlite::Result<Vec<_>>>()
            .doing(|| "reading the schema".into())?;
        Ok(rows.into_iter().map(|s| format!("{s};\n")).collect())
    }
}

#[cfg(test)]
mod tests {
    use rusqlite::{Connection, StatementStatus};

    use super::Store;

    /// How many times the writer's cached source look-up was compiled again over three uses.
    fn reprepares(conn: &Connection) -> i32 {
        let sql = crate::store::writer::SOURCE_KNOWN;
        for article in 1..=3_i64 {
            let known: bool = conn
                .prepare_cached(sql)
                .and_then(|mut s| s.query_row(rusqlite::params![article, "a.txt", ""], |r| r.get(0)))
                .unwrap();
            assert!(!known);
        }
        conn.prepare_cached(sql).unwrap().get_status(StatementStatus::RePrepare)
    }

    #[test]
    fn cached_statements_are_not_compiled_again_at_each_use() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("t.db")).unwrap();
        assert_eq!(reprepares(&store.conn), 0);
        // Without the planner stability guarantee the same connection compiles it at every use
        // (the cache clears its bindings, which SQLite counts as new values).
        let plain = Connection::open(dir.path().join("t.db")).unwrap();
        assert!(reprepares(&plain) >= 2);
    }
}
