//! Secondary indexes a first ingest builds at its end instead of row by row (migration 0014).
//! [`defer`] records the CREATE statement of each secondary index of the extraction tables in
//! `deferred_indexes` and drops the index; [`restore`] creates them again from those rows and
//! empties the table. Each is one transaction, so `deferred_indexes` always names exactly the
//! indexes that are missing: a run killed between the two leaves whole data and slower listings,
//! and the next opening for writing (`Store::open`) restores them before anything writes.

use rusqlite::Connection;

use crate::error::{Result, SqlContext};

/// The tables whose secondary indexes a first ingest defers: extraction's, which take a row at
/// a random place of each index for every mention, statement and relation, and which no
/// statement of the ingest reads (UNIQUE constraints are not dropped: they are not in
/// `sqlite_master.sql`).
const TABLES: &str = "'mention_spans', 'statement_rows', 'statement_occurrences', 'relation_spans'";

/// Drops the extraction tables' secondary indexes, each recorded first in `deferred_indexes`.
pub(crate) fn defer(c: &Connection) -> Result<()> {
    let doing = || "deferring the extraction indexes".to_owned();
    c.execute_batch(&format!(
        "SAVEPOINT defer_indexes;
         INSERT OR IGNORE INTO deferred_indexes (name, sql)
             SELECT name, sql FROM sqlite_master
              WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({TABLES}) ORDER BY rowid;"
    ))
    .doing(doing)?;
    for (name, _) in recorded(c)? {
        c.execute_batch(&format!("DROP INDEX IF EXISTS \"{name}\";"))
            .doing(doing)?;
    }
    c.execute_batch("RELEASE defer_indexes;").doing(doing)
}

/// Creates every index recorded in `deferred_indexes` and empties it; returns their names (none
/// when nothing was deferred). Each index is built from one sort of its table.
pub(crate) fn restore(c: &Connection) -> Result<Vec<String>> {
    let indexes = recorded(c)?;
    if indexes.is_empty() {
        return Ok(Vec::new());
    }
    let doing = || "creating the deferred indexes".to_owned();
    c.execute_batch("SAVEPOINT restore_indexes;").doing(doing)?;
    for (_, sql) in &indexes {
        c.execute_batch(sql)
            .doing(|| format!("creating a deferred index: {sql}"))?;
    }
    c.execute_batch("DELETE FROM deferred_indexes; RELEASE restore_indexes;")
        .doing(doing)?;
    Ok(indexes.into_iter().map(|(name, _)| name).collect())
}

/// The recorded indexes: (name, CREATE statement), in the order they were made in.
fn recorded(c: &Connection) -> Result<Vec<(String, String)>> {
    let doing = || "reading the deferred indexes".to_owned();
    let mut stmt = c
        .prepare_cached("SELECT name, sql FROM deferred_indexes ORDER BY rowid")
        .doing(doing)?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).doing(doing)?;
    rows.collect::<rusqlite::Result<_>>().doing(doing)
}

#[cfg(test)]
mod tests {
    use crate::store::Store;
    use crate::store::writer::Writer;

    fn index_count(store: &Store) -> i64 {
        store
            .conn
            .query_row("SELECT count(*) FROM sqlite_schema WHERE type = 'index'", [], |r| {
                r.get(0)
            })
            .unwrap()
    }

    /// A first ingest's writer drops the extraction indexes and records them; killed before its
    /// end (the writer dropped without `restore_indexes`), it leaves them recorded, and the next
    /// opening for writing builds them: the schema is again the one a new database has.
    #[test]
    fn deferred_indexes_are_built_again_by_the_run_end_or_the_next_opening() {
        let dir = tempfile::tempdir().unwrap();
        let fresh = Store::open(&dir.path().join("fresh.db")).unwrap();
        let path = dir.path().join("isnad.db");
        let mut writer = Writer::new(Store::open(&path).unwrap());
        assert!(writer.defer_indexes_when_empty().unwrap());
        let store = writer.into_store();
        let recorded = super::recorded(&store.conn).unwrap();
        let names: Vec<&str> = recorded.iter().map(|(name, _)| name.as_str()).collect();
        assert!(names.contains(&"mention_spans_actor"), "{names:?}");
        assert!(names.contains(&"statements_speaker"), "{names:?}");
        assert_eq!(index_count(&store) + recorded.len() as i64, index_count(&fresh));
        assert_ne!(store.schema().unwrap(), fresh.schema().unwrap());
        drop(store);

        let reopened = Store::open(&path).unwrap();
        assert!(super::recorded(&reopened.conn).unwrap().is_empty());
        assert_eq!(reopened.schema().unwrap(), fresh.schema().unwrap());

        // The end of a run builds them too, and a database with articles keeps its indexes.
        let mut writer = Writer::new(reopened);
        assert!(writer.defer_indexes_when_empty().unwrap());
        writer.restore_indexes().unwrap();
        assert_eq!(writer.store().schema().unwrap(), fresh.schema().unwrap());
        let run = writer.start_run("test").unwrap();
        writer
            .store()
            .conn
            .execute(
                "INSERT INTO articles (content_hash, title, lang, first_seen, run_id) VALUES ('h', 't', 'ar', 'now', ?1)",
                [run],
            )
            .unwrap();
        assert!(!writer.defer_indexes_when_empty().unwrap());
        assert_eq!(writer.store().schema().unwrap(), fresh.schema().unwrap());
    }
}
