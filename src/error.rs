//! The library's error type. Every variant carries the context a user needs to act on it: the
//! file, the record, the SQL. The binary adds its own context with `anyhow` on top.

use std::path::PathBuf;

/// Everything that can go wrong inside the isnad library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be read from disk.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },

    /// An input file (or one record of it) is not something isnad can ingest.
    #[error("{location}: {reason}")]
    BadInput {
        /// The file, with `#record` when one record of a multi-record file is bad.
        location: String,
        /// Why it was refused, in words a user can act on.
        reason: String,
    },

    /// SQLite refused an operation.
    #[error("database error while {doing}: {source}")]
    Sqlite {
        /// What isnad was doing (e.g. "opening /tmp/x.db", "applying migration 0001_init").
        doing: String,
        /// SQLite's own message.
        #[source]
        source: rusqlite::Error,
    },

    /// A schema migration failed; nothing of it was applied.
    #[error("{path}: migration {name} failed: {message}")]
    Migration {
        /// The database file.
        path: String,
        /// The migration's file name.
        name: &'static str,
        /// SQLite's message (without the migration's SQL).
        message: String,
    },

    /// The database was written by a newer isnad than this one.
    #[error(
        "{path}: the database is at schema version {found}, newer than this isnad (which knows up to {known}); upgrade isnad"
    )]
    SchemaTooNew {
        /// The database file.
        path: String,
        /// The version recorded in the database.
        found: i64,
        /// The newest version this build knows.
        known: i64,
    },

    /// A statement given to `sql` would change the database.
    #[error("refused: `sql` is read-only ({reason})")]
    ReadOnly {
        /// What was refused.
        reason: String,
    },

    /// A user-supplied argument is not valid.
    #[error("{0}")]
    Usage(String),

    /// A query ran past its time limit and was stopped.
    #[error("{0}")]
    TimedOut(String),

    /// A lookup by id or name found nothing.
    #[error("{0}")]
    NotFound(String),
}

/// Result alias for the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Attaches a description of what was being done to a rusqlite error.
pub(crate) trait SqlContext<T> {
    /// Wraps the error in [`Error::Sqlite`] with `doing` as its context.
    fn doing(self, doing: impl FnOnce() -> String) -> Result<T>;
}

impl<T> SqlContext<T> for std::result::Result<T, rusqlite::Error> {
    fn doing(self, doing: impl FnOnce() -> String) -> Result<T> {
        self.map_err(|source| Error::Sqlite { doing: doing(), source })
    }
}
