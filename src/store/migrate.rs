//! The migrations runner. Migrations are the numbered `.sql` files in `migrations/`, compiled
//! into the binary. Opening a database applies the missing ones in order, all inside one
//! transaction, and records each in `schema_migrations` (and the newest in `PRAGMA
//! user_version`). A database at a version newer than this build is refused. A migration may
//! carry a Rust step for what SQL alone cannot do (re-indexing with isnad's own search forms);
//! it runs right after the migration's SQL, in the same transaction.

use rusqlite::{Connection, Transaction, TransactionBehavior, params};

use crate::error::{Error, Result, SqlContext};
use crate::store::writer::SearchForms;

/// A migration: its version number, file name and SQL.
pub struct Migration {
    /// The number the file name starts with.
    pub version: i64,
    /// The file name, for messages and the `schema_migrations` table.
    pub name: &'static str,
    /// The SQL it runs.
    pub sql: &'static str,
    /// What runs after the SQL, in the same transaction.
    pub then: Option<fn(&Transaction) -> Result<()>>,
}

/// Every migration this build knows, in order of version (a test checks the order).
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "0001_init.sql",
        sql: include_str!("../../migrations/0001_init.sql"),
        then: None,
    },
    Migration {
        version: 2,
        name: "0002_merged_index.sql",
        sql: include_str!("../../migrations/0002_merged_index.sql"),
        then: None,
    },
    Migration {
        version: 3,
        name: "0003_relation_confidence.sql",
        sql: include_str!("../../migrations/0003_relation_confidence.sql"),
        then: None,
    },
    Migration {
        version: 4,
        name: "0004_anonymous_statements.sql",
        sql: include_str!("../../migrations/0004_anonymous_statements.sql"),
        then: None,
    },
    Migration {
        version: 5,
        name: "0005_portable_schema.sql",
        sql: include_str!("../../migrations/0005_portable_schema.sql"),
        // 0005 re-filled the index it recreated; 0007 empties and re-fills it again, so the one
        // pass there is enough.
        then: None,
    },
    Migration {
        version: 6,
        name: "0006_stories.sql",
        sql: include_str!("../../migrations/0006_stories.sql"),
        then: Some(super::rehash::rehash_and_build_stories),
    },
    Migration {
        version: 7,
        name: "0007_search_surface_forms.sql",
        sql: include_str!("../../migrations/0007_search_surface_forms.sql"),
        then: Some(reindex_search),
    },
    Migration {
        version: 8,
        name: "0008_slim_schema.sql",
        sql: include_str!("../../migrations/0008_slim_schema.sql"),
        then: Some(super::slim::convert),
    },
    Migration {
        version: 9,
        name: "0009_source_rows.sql",
        sql: include_str!("../../migrations/0009_source_rows.sql"),
        then: None,
    },
    Migration {
        version: 10,
        name: "0010_actor_counts.sql",
        sql: include_str!("../../migrations/0010_actor_counts.sql"),
        then: Some(super::counts::fill),
    },
    Migration {
        version: 11,
        name: "0011_paragraphs_in_article_order.sql",
        sql: include_str!("../../migrations/0011_paragraphs_in_article_order.sql"),
        then: Some(super::paragraphs::convert),
    },
    Migration {
        version: 12,
        name: "0012_statement_places.sql",
        sql: include_str!("../../migrations/0012_statement_places.sql"),
        then: Some(super::paragraphs::place_statements),
    },
    Migration {
        version: 13,
        name: "0013_raw_hash_prefix_index.sql",
        sql: include_str!("../../migrations/0013_raw_hash_prefix_index.sql"),
        then: None,
    },
    Migration {
        version: 14,
        name: "0014_deferred_indexes.sql",
        sql: include_str!("../../migrations/0014_deferred_indexes.sql"),
        then: None,
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
    let known = latest_version();
    if check_version(current_version(conn)?, known, path)? {
        return Ok(());
    }
    // Foreign keys are not enforced while migrations run, as in SQLite's own recipe for schema
    // changes: a table rebuilt under a new name (0008) would otherwise refuse its rows midway.
    // The step that moves rows checks them before the commit; enforcement is restored after.
    let enforced: bool = conn
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .doing(|| "reading the foreign key setting".into())?;
    conn.execute_batch("PRAGMA foreign_keys = OFF")
        .doing(|| "configuring the migrations".into())?;
    let applied = apply_missing(conn, known, path);
    if enforced {
        conn.execute_batch("PRAGMA foreign_keys = ON")
            .doing(|| "configuring the migrations".into())?;
    }
    applied
}

/// Applies the migrations the database lacks, under the write lock, in one transaction.
fn apply_missing(conn: &mut Connection, known: i64, path: &str) -> Result<()> {
    // IMMEDIATE takes the write lock before the version is read again, so two processes creating
    // or upgrading one database apply each migration once: the second waits (busy timeout), then
    // finds the schema current.
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .doing(|| "starting the migration transaction".into())?;
    let found = current_version(&tx)?;
    if check_version(found, known, path)? {
        return Ok(());
    }
    tx.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
             version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
    )
    .doing(|| "creating schema_migrations".into())?;
    for m in MIGRATIONS.iter().filter(|m| m.version > found) {
        apply(&tx, m, path)?;
    }
    tx.pragma_update(None, "user_version", known)
        .doing(|| "recording the schema version".into())?;
    tx.commit().doing(|| "committing migrations".into())
}

/// Whether the schema is current; an error when it is newer than this build.
pub(crate) fn check_version(found: i64, known: i64, path: &str) -> Result<bool> {
    if found > known {
        return Err(Error::SchemaTooNew {
            path: path.to_owned(),
            found,
            known,
        });
    }
    Ok(found == known)
}

/// Runs one migration and records it. A failure names the migration and SQLite's message,
/// never the SQL text (rusqlite's input errors carry the whole file).
fn apply(tx: &Transaction, m: &Migration, path: &str) -> Result<()> {
    let failed = |source: rusqlite::Error| Error::Migration {
        path: path.to_owned(),
        name: m.name,
        message: match source {
            rusqlite::Error::SqlInputError { msg, .. } => msg,
            rusqlite::Error::SqliteFailure(e, Some(msg)) => format!("{msg} ({:?})", e.code),
            other => other.to_string(),
        },
    };
    tx.execute_batch(m.sql).map_err(failed)?;
    if let Some(then) = m.then {
        then(tx)?;
    }
    tx.execute(
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)",
        rusqlite::params![m.version, m.name, crate::now()],
    )
    .map_err(failed)?;
    Ok(())
}

/// Fills `articles_fts` from the stored articles (after 0007 emptied it), with the same search
/// forms ingest indexes.
fn reindex_search(tx: &Transaction) -> Result<()> {
    let doing = || "re-indexing articles for search (migration 0007)".to_owned();
    let mut read = tx
        .prepare("SELECT article_id, title, coalesce(body, '') FROM article_texts ORDER BY article_id")
        .doing(doing)?;
    let mut write = tx
        .prepare("INSERT INTO articles_fts (rowid, title, body) VALUES (?1, ?2, ?3)")
        .doing(doing)?;
    let mut rows = read.query([]).doing(doing)?;
    while let Some(row) = rows.next().doing(doing)? {
        let (id, title, body): (i64, String, String) = (
            row.get(0).doing(doing)?,
            row.get(1).doing(doing)?,
            row.get(2).doing(doing)?,
        );
        let forms = SearchForms::of(&title, &body);
        write.execute(params![id, forms.title, forms.body]).doing(doing)?;
    }
    Ok(())
}

/// The schema version of an open store.
pub fn current_version_of(store: &super::Store) -> Result<i64> {
    current_version(&store.conn)
}

/// A database as an older isnad left it: the migrations up to `version` applied (their SQL
/// only), the version recorded, and one finished ingest run (id 1) for rows to point at.
#[cfg(test)]
pub(crate) fn old_database(version: i64) -> Connection {
    let conn = Connection::open_in_memory().expect("an in-memory database");
    for m in MIGRATIONS.iter().filter(|m| m.version <= version) {
        conn.execute_batch(m.sql).expect("an old migration");
    }
    conn.execute_batch(&format!(
        "PRAGMA user_version = {version};
         INSERT INTO runs (id, started_at, status, command) VALUES (1, '2026-01-01', 'done', 'ingest');"
    ))
    .expect("an old database");
    conn
}

/// A database as isnad 0008 left it, as users have it: [`old_database`] at 8 with 0008's Rust
/// step run.
#[cfg(test)]
pub(crate) fn released_database_8() -> Connection {
    let conn = old_database(8);
    let tx = conn.unchecked_transaction().expect("a transaction");
    super::slim::convert(&tx).expect("0008's step");
    tx.commit().expect("committing");
    conn
}

/// A database as isnad 0010 left it, as users have it: [`released_database_8`], then 0009 and
/// 0010 with its Rust step.
#[cfg(test)]
pub(crate) fn released_database_10() -> Connection {
    let conn = released_database_8();
    let tx = conn.unchecked_transaction().expect("a transaction");
    for m in MIGRATIONS.iter().filter(|m| (9..=10).contains(&m.version)) {
        tx.execute_batch(m.sql).expect("a released migration");
        if let Some(then) = m.then {
            then(&tx).expect("its step");
        }
    }
    tx.pragma_update(None, "user_version", 10).expect("the version");
    tx.commit().expect("committing");
    conn
}

/// The rows `sql` returns, each as its values' debug forms joined by `|`: what a migration test
/// compares before and after.
#[cfg(test)]
pub(crate) fn rows(conn: &Connection, sql: &str) -> Vec<String> {
    let mut stmt = conn.prepare(sql).expect("a query");
    let n = stmt.column_count();
    stmt.query_map([], |r| {
        (0..n)
            .map(|i| r.get::<_, rusqlite::types::Value>(i).map(|v| format!("{v:?}")))
            .collect::<rusqlite::Result<Vec<_>>>()
            .map(|v| v.join("|"))
    })
    .expect("rows")
    .collect::<rusqlite::Result<_>>()
    .expect("rows")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A database at schema version 2 (what isnad wrote before 0005) holding one article whose
    /// paragraphs are linked out of insertion order, as dedup leaves them.
    fn version_2_database() -> Connection {
        let conn = old_database(2);
        conn.execute_batch(
            "INSERT INTO articles (id, content_hash, title, lang, first_seen, run_id)
                  VALUES (1, 'h', 'لافروف في جنيف', 'ar', '2026-01-01', 1);
             INSERT INTO paragraphs (id, hash, text) VALUES (1, x'01', 'الفقرة الثانية'), (2, x'02', 'وسوريا أولا');
             INSERT INTO article_paragraphs VALUES (1, 0, 2), (1, 1, 1);
             INSERT INTO articles_fts (rowid, title, body) VALUES (1, 'لافروف في جنيف', 'سوريا');",
        )
        .expect("an old article");
        conn
    }

    #[test]
    fn migrations_are_in_version_order() {
        assert!(MIGRATIONS.windows(2).all(|w| w[0].version < w[1].version));
    }

    #[test]
    fn migration_5_keeps_bodies_in_order_and_reindexes_search() {
        let mut conn = version_2_database();
        migrate(&mut conn, ":memory:").expect("migrating");
        let body: String = conn
            .query_row("SELECT body FROM article_texts WHERE article_id = 1", [], |r| r.get(0))
            .expect("the body");
        assert_eq!(body, "وسوريا أولا\n\nالفقرة الثانية");
        let options: String = conn
            .query_row("SELECT sql FROM sqlite_schema WHERE name = 'articles_fts'", [], |r| {
                r.get(0)
            })
            .expect("the full-text table");
        assert!(!options.contains("contentless_delete"), "{options}");
        // The article is indexed again from its stored text, by isnad's own search forms.
        assert_eq!(matches(&conn, "وسوريا"), 1);
        assert_eq!(matches(&conn, "سوريا"), 0);
        assert_eq!(current_version(&conn).expect("the version"), latest_version());
    }

    /// How many rows of `articles_fts` match an FTS5 query.
    fn matches(conn: &Connection, query: &str) -> i64 {
        conn.query_row(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?1",
            [query],
            |r| r.get(0),
        )
        .expect("a search")
    }

    #[test]
    fn migration_7_indexes_each_word_once() {
        let mut conn = old_database(5);
        // What isnad 0005 indexed: the body's match form, then the proclitic-free stems.
        conn.execute_batch(
            "INSERT INTO articles (id, content_hash, title, lang, first_seen, run_id)
                  VALUES (1, 'h', 'لافروف في جنيف', 'ar', '2026-01-01', 1);
             INSERT INTO paragraphs (id, hash, text) VALUES (1, x'01', 'وسوريا والعراق');
             INSERT INTO article_paragraphs VALUES (1, 0, 1);
             INSERT INTO articles_fts (rowid, title, body)
                  VALUES (1, 'لافروف في جنيف', 'وسوريا والعراق' || char(10) || 'سوريا العراق عراق ');",
        )
        .expect("an article indexed by 0005");
        assert_eq!(matches(&conn, "عراق"), 1);
        migrate(&mut conn, ":memory:").expect("migrating");
        assert_eq!(matches(&conn, "عراق OR سوريا OR العراق"), 0);
        assert_eq!(matches(&conn, "وسوريا والعراق جنيف"), 1);
        // Title and body, each word once: لافروف في جنيف, وسوريا والعراق.
        conn.execute_batch("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, articles_fts, 'instance')")
            .expect("a vocabulary table");
        let tokens: i64 = conn
            .query_row("SELECT count(*) FROM temp.vocab", [], |r| r.get(0))
            .expect("the indexed words");
        assert_eq!(tokens, 5);
        assert_eq!(current_version(&conn).expect("the version"), latest_version());
    }

    /// A database as isnad 0008 left it (its Rust step run, as users have it): an article read
    /// from two files and a copy of one of them, and one read from standard input.
    fn version_8_database() -> Connection {
        let conn = released_database_8();
        conn.execute_batch(
            "INSERT INTO articles (id, content_hash, title, lang, first_seen, run_id, url)
                  VALUES (1, 'h1', 'إليسا تعلن إصابتها بسرطان الثدي', 'ar', '2026-01-01', 1, 'https://www.skynewsarabia.com/1'),
                         (2, 'h2', 'عنوان', 'ar', '2026-01-01', 1, NULL);
             INSERT INTO files (id, path, raw_hash, size, run_id, seen_at)
                  VALUES (1, 'ant/SK-1.xml', 'r1', 10, 1, '2026-01-01'), (2, 'ant/SK-2.xml', 'r2', 10, 1, '2026-01-01');
             INSERT INTO sources (id, article_id, file_id, path, record, url, run_id, seen_at) VALUES
                 (1, 1, 1, 'ant/SK-1.xml', 'SK-1', 'https://www.skynewsarabia.com/1', 1, '2026-01-01'),
                 (2, 1, 2, 'ant/SK-2.xml', 'SK-2', 'https://www.skynewsarabia.com/2', 1, '2026-01-01'),
                 (3, 1, 2, 'copy/SK-2.xml', 'SK-2', NULL, 1, '2026-01-01'),
                 (4, 2, NULL, '-', '', NULL, 1, '2026-01-01');
             INSERT INTO story_signatures (article_id, signature) VALUES (1, x'00');",
        )
        .expect("0008 rows");
        conn
    }

    #[test]
    fn migration_9_stores_sources_without_what_files_and_articles_hold_and_loses_nothing() {
        let mut conn = version_8_database();
        let sources = "SELECT * FROM sources ORDER BY id";
        let before = rows(&conn, sources);
        migrate(&mut conn, ":memory:").expect("migrating");
        assert_eq!(rows(&conn, sources), before);
        // A source's path and URL are stored only where they are not its file's and article's.
        assert_eq!(
            rows(&conn, "SELECT path, url FROM source_rows ORDER BY id"),
            [
                "Null|Null",
                "Null|Text(\"https://www.skynewsarabia.com/2\")",
                "Text(\"copy/SK-2.xml\")|Text(\"\")",
                "Text(\"-\")|Null"
            ]
        );
        // Stories keep their signatures and band keys.
        assert_eq!(rows(&conn, "SELECT count(*) FROM story_signatures"), ["Integer(1)"]);
        assert!(rows(&conn, "SELECT * FROM pragma_foreign_key_check").is_empty());
        assert_eq!(current_version(&conn).expect("the version"), latest_version());
    }

    /// A database as isnad 0012 left it: [`released_database_10`], then 0011 and 0012 with their
    /// Rust steps; two files whose raw hashes share their first 16 digits, one seen twice.
    fn version_12_database() -> Connection {
        let conn = released_database_10();
        let tx = conn.unchecked_transaction().expect("a transaction");
        for m in MIGRATIONS.iter().filter(|m| (11..=12).contains(&m.version)) {
            tx.execute_batch(m.sql).expect("a migration");
            if let Some(then) = m.then {
                then(&tx).expect("its step");
            }
        }
        let (a, b) = (
            "0123456789abcdef".to_owned() + &"a".repeat(48),
            "0123456789abcdef".to_owned() + &"b".repeat(48),
        );
        tx.execute_batch(&format!(
            "PRAGMA user_version = 12;
             INSERT INTO files (id, path, raw_hash, size, articles, run_id, seen_at)
                  VALUES (1, 'ant/SK-1.xml', '{a}', 10, 1, 1, '2026-01-01'), (2, 'copy/SK-1.xml', '{a}', 10, 2, 1, '2026-01-01'),
                         (3, 'ant/SK-2.xml', '{b}', 10, 3, 1, '2026-01-01');"
        ))
        .expect("0012 files");
        tx.commit().expect("committing");
        conn
    }

    #[test]
    fn migration_13_finds_files_by_raw_hash_through_its_prefix() {
        let mut conn = version_12_database();
        let files = "SELECT * FROM files ORDER BY id";
        let before = rows(&conn, files);
        migrate(&mut conn, ":memory:").expect("migrating");
        assert_eq!(rows(&conn, files), before);
        let by_hash = format!(
            "SELECT group_concat(id) FROM files WHERE {}",
            crate::store::raw_hash_is("")
        );
        let b = "0123456789abcdef".to_owned() + &"b".repeat(48);
        let found: String = conn.query_row(&by_hash, [&b], |r| r.get(0)).expect("a look-up");
        assert_eq!(found, "3");
        let mut explain = conn.prepare(&format!("EXPLAIN QUERY PLAN {by_hash}")).expect("a plan");
        let plan: Vec<String> = explain
            .query_map([&b], |r| r.get(3))
            .expect("a plan")
            .collect::<rusqlite::Result<_>>()
            .expect("a plan");
        let plan = plan.join(" ");
        assert!(plan.contains("USING INDEX files_raw_hash_prefix"), "{plan}");
        assert_eq!(current_version(&conn).expect("the version"), latest_version());
    }
}
