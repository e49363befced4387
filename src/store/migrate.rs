//! The migrations runner. Migrations are the numbered `.sql` files in `migrations/`, compiled
//! into the binary. Opening a database applies the missing ones in order, all inside one
//! transaction, and records each in `schema_migrations` (and the newest in `PRAGMA
//! user_version`). A database at a version newer than this build is refused.

use rusqlite::Connection;

use crate::error::{Error, Result, SqlContext};

/// A migration: its version number, file name and SQL.
pub struct Migration {
    /// The number the file name starts with.
    pub version: i64,
    /// The file name, for messages and the `schema_migrations` table.
    pub name: &'static str,
    /// The SQL it runs.
    pub sql: &'static str,
}

/// Every migration this build knows, in order.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "0001_init.sql",
        sql: include_str!("../../migrations/0001_init.sql"),
    },
    Migration {
        version: 2,
        name: "0002_merged_index.sql",
        sql: include_str!("../../migrations/0002_merged_index.sql"),
    },
    Migration {
        version: 4,
        name: "0004_anonymous_statements.sql",
        sql: include_str!("../../migrations/0004_anonymous_statements.sql"),
    },
];

/// The newest schema version this build knows.
pub fn latest_version() -> i64 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

/// The schema version recorded in the database (0 for a new one).
pub fn current_version(conn: &Connection) -> Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
        .doing(|| "reading the schema version".into())
}

/// Brings the schema up to date; refuses a database from a newer isnad.
pub fn migrate(conn: &mut Connection, path: &str) -> Result<()> {
    let found = current_version(conn)?;
    let known = latest_version();
    if found > known {
        return Err(Error::SchemaTooNew {
            path: path.to_owned(),
            found,
            known,
        });
    }
    if found == known {
        return Ok(());
    }
    let tx = conn
        .transaction()
        .doing(|| "starting the migration transaction".into())?;
    tx.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
             version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
    )
    .doing(|| "creating schema_migrations".into())?;
    for m in MIGRATIONS.iter().filter(|m| m.version > found) {
        tx.execute_batch(m.sql)
            .doing(|| format!("applying migration {}", m.name))?;
        tx.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)",
            rusqlite::params![m.version, m.name, crate::now()],
        )
        .doing(|| format!("recording migration {}", m.name))?;
    }
    tx.pragma_update(None, "user_version", known)
        .doing(|| "recording the schema version".into())?;
    tx.commit().doing(|| "committing migrations".into())
}

/// The schema version of an open store.
pub fn current_version_of(store: &super::Store) -> Result<i64> {
    current_version(&store.conn)
}
