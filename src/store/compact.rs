//! Migration 0009's Rust step (see migrations/0009_text_places.sql for why): statements move to
//! `statement_spans` with the place of their text instead of the text where it is the document's
//! text there (`places`), `statement_occurrences` is rebuilt to point at them, and the
//! `statements` view is created.

use rusqlite::{Transaction, params};

use crate::error::{Error, Result, SqlContext};
use crate::store::places::cut_sql;
use crate::store::slim::Documents;
use crate::store::writer::{Part, article_layout, evidence_place};

/// The `statements` view: the columns of the 0001–0008 table, in their order, with the text
/// cut from its place unless stored.
pub(crate) fn statements_view() -> String {
    format!(
        "CREATE VIEW statements AS
    SELECT s.id AS id, s.key AS key, s.speaker_id AS speaker_id,
           {} AS text,
           s.kind AS kind, s.anonymous AS anonymous
      FROM statement_spans s;",
        cut_sql(
            "s.text",
            "s.article_id",
            "s.text_paragraph",
            "s.text_offset",
            "s.text_length"
        )
    )
}

/// Moves statements and their occurrences into the 0009 tables and drops the old ones.
pub(crate) fn convert(tx: &Transaction) -> Result<()> {
    move_statements(tx)?;
    let doing = || "replacing the old tables (migration 0009)".to_owned();
    tx.execute_batch(&format!(
        "INSERT INTO statement_occurrences_0009 SELECT * FROM statement_occurrences;
         DROP TABLE statement_occurrences;
         ALTER TABLE statement_occurrences_0009 RENAME TO statement_occurrences;
         CREATE INDEX statement_occurrences_article ON statement_occurrences(article_id);
         DROP TABLE statements;
         {}",
        statements_view()
    ))
    .doing(doing)?;
    // Foreign keys are not enforced while migrations run (tables are rebuilt); the rows moved
    // here are checked before the migration commits.
    for table in ["statement_spans", "statement_occurrences"] {
        let bad: i64 = tx
            .query_row("SELECT count(*) FROM pragma_foreign_key_check(?1)", [table], |r| {
                r.get(0)
            })
            .doing(doing)?;
        if bad > 0 {
            return Err(Error::BadInput {
                location: table.to_owned(),
                reason: format!("{bad} rows point to missing rows after migration 0009"),
            });
        }
    }
    Ok(())
}

/// Copies every statement into `statement_spans` under its id, with the place of its text in
/// the document of its first occurrence (by article, then offset), or the text itself where it
/// is not that document's text inside one paragraph (or the statement has no occurrence).
fn move_statements(tx: &Transaction) -> Result<()> {
    let doing = || "moving statements (migration 0009)".to_owned();
    let mut read = tx
        .prepare(
            "SELECT s.id, s.key, s.speaker_id, s.kind, s.anonymous, s.text, o.article_id, o.start, o.end
               FROM statements s
               LEFT JOIN statement_occurrences o ON o.statement_id = s.id
                AND o.article_id = (SELECT min(y.article_id) FROM statement_occurrences y WHERE y.statement_id = s.id)
                AND o.start = (SELECT min(y.start) FROM statement_occurrences y
                                WHERE y.statement_id = s.id AND y.article_id = o.article_id)
              ORDER BY o.article_id, s.id",
        )
        .doing(doing)?;
    let mut write = tx
        .prepare(
            "INSERT INTO statement_spans
               (id, key, speaker_id, kind, anonymous, article_id, text_paragraph, text_offset, text_length, text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )
        .doing(doing)?;
    let mut rows = read.query([]).doing(doing)?;
    let mut docs = Documents::default();
    let mut layout: (Option<i64>, Vec<Part>) = (None, Vec::new());
    while let Some(row) = rows.next().doing(doing)? {
        let id: i64 = row.get(0).doing(doing)?;
        let key: Vec<u8> = row.get(1).doing(doing)?;
        let (speaker, kind, anonymous): (Option<i64>, String, i64) = (
            row.get(2).doing(doing)?,
            row.get(3).doing(doing)?,
            row.get(4).doing(doing)?,
        );
        let text: String = row.get(5).doing(doing)?;
        let first: Option<(i64, i64, i64)> = match row.get::<_, Option<i64>>(6).doing(doing)? {
            Some(article) => Some((article, row.get(7).doing(doing)?, row.get(8).doing(doing)?)),
            None => None,
        };
        let mut place = None;
        if let Some((article, start, end)) = first
            && docs.unless_cut(tx, article, start, end, text.clone())?.is_none()
        {
            if layout.0 != Some(article) {
                layout = (Some(article), article_layout(tx, article)?);
            }
            place = evidence_place(&layout.1, start, end).map(|(p, o)| (article, p, o, end - start));
        }
        write
            .execute(params![
                id,
                key,
                speaker,
                kind,
                anonymous,
                place.map(|p| p.0),
                place.map(|p| p.1),
                place.map(|p| p.2),
                place.map(|p| p.3),
                place.is_none().then_some(text)
            ])
            .doing(doing)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::store::migrate::{MIGRATIONS, latest_version, migrate, old_database};
    use rusqlite::Connection;

    // Title and paragraphs of ANT SkyNews/internationalNews/SK-internationalNews-2717-20180718.
    const TITLE: &str = "إليسا تعلن إصابتها بسرطان الثدي";
    const SHARED: &str = "أعلنت الفنانة اللبنانية إليسا إصابتها بسرطان الثدي.";
    const OWN: &str = "وغردت إليسا على تويتر.";

    /// A database as isnad 0008 left it: two articles sharing a paragraph; a statement said in
    /// both (its text a paragraph's words, first in article 2 by offset order, but article 1 is
    /// the first article), one in a title, one across two paragraphs, one that no occurrence
    /// holds any more; sources whose path and URL are their file's and article's or not, and
    /// one read from standard input.
    fn version_8_database() -> Connection {
        // 0008 with its Rust step, as users have it (`old_database` runs the SQL only).
        let mut conn = old_database(7);
        let tx = conn.transaction().unwrap();
        tx.execute_batch(MIGRATIONS[7].sql).unwrap();
        crate::store::slim::convert(&tx).unwrap();
        tx.execute_batch("PRAGMA user_version = 8").unwrap();
        tx.commit().unwrap();
        let title = TITLE.chars().count() as i64;
        let shared = SHARED.chars().count() as i64;
        // Article 1: title, SHARED, OWN. Article 2: "عنوان", SHARED.
        let (s1, s2) = (title + 2, 5 + 2);
        conn.execute_batch(&format!(
            "INSERT INTO articles (id, content_hash, title, lang, first_seen, run_id, extractor_version)
                  VALUES (1, 'h1', '{TITLE}', 'ar', '2026-01-01', 1, 13), (2, 'h2', 'عنوان', 'ar', '2026-01-01', 1, 13);
             UPDATE articles SET url = 'https://www.skynewsarabia.com/1' WHERE id = 1;
             INSERT INTO files (id, path, raw_hash, size, run_id, seen_at)
                  VALUES (1, 'ant/SK-1.xml', 'r1', 10, 1, '2026-01-01'), (2, 'ant/SK-2.xml', 'r2', 10, 1, '2026-01-01');
             INSERT INTO sources (id, article_id, file_id, path, record, url, run_id, seen_at) VALUES
                 (1, 1, 1, 'ant/SK-1.xml', 'SK-1', 'https://www.skynewsarabia.com/1', 1, '2026-01-01'),
                 (2, 1, 2, 'ant/SK-2.xml', 'SK-2', 'https://www.skynewsarabia.com/2', 1, '2026-01-01'),
                 (3, 1, 2, 'copy/SK-2.xml', 'SK-2', NULL, 1, '2026-01-01'),
                 (4, 2, NULL, '-', '', NULL, 1, '2026-01-01');
             INSERT INTO paragraphs (id, text) VALUES (10, '{SHARED}'), (20, '{OWN}');
             INSERT INTO article_paragraphs VALUES (1, 0, 10), (1, 1, 20), (2, 0, 10);
             INSERT INTO actors (id, key, name, kind, origin) VALUES (1, 'person:اليسا', 'إليسا', 'person', 'extracted');
             INSERT INTO statements (id, key, speaker_id, text, kind, anonymous) VALUES
                 (1, x'01', 1, 'إصابتها بسرطان الثدي.', 'indirect', 0),
                 (2, x'02', 1, 'إصابتها بسرطان الثدي', 'direct', 0),
                 (3, x'03', 1, 'الثدي.\n\nوغردت', 'mixed', 0),
                 (4, x'04', NULL, 'مصادر', 'indirect', 1);
             INSERT INTO statement_occurrences VALUES
                 (1, 2, 1, {}, {}, 'أعلنت', NULL, 13),
                 (1, 1, 1, {}, {}, 'أعلنت', NULL, 13),
                 (2, 1, 0, 11, {title}, 'headline', 'إليسا', 13),
                 (3, 1, 1, {}, {}, 'قالت', NULL, 13);",
            s2 + 30,
            s2 + shared,
            s1 + 30,
            s1 + shared,
            s1 + shared - 6,
            s1 + shared + 2 + 5,
        ))
        .unwrap();
        conn
    }

    fn rows(conn: &Connection, sql: &str) -> Vec<String> {
        let mut stmt = conn.prepare(sql).unwrap();
        let n = stmt.column_count();
        stmt.query_map([], |r| {
            (0..n)
                .map(|i| r.get::<_, rusqlite::types::Value>(i).map(|v| format!("{v:?}")))
                .collect::<rusqlite::Result<Vec<_>>>()
                .map(|v| v.join("|"))
        })
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
    }

    #[test]
    fn migration_9_places_statement_texts_and_loses_nothing() {
        let mut conn = version_8_database();
        let statements = "SELECT * FROM statements ORDER BY id";
        let occurrences = "SELECT * FROM statement_occurrences ORDER BY statement_id, article_id, start";
        let sources = "SELECT * FROM sources ORDER BY id";
        let before = [statements, occurrences, sources].map(|q| rows(&conn, q));
        migrate(&mut conn, ":memory:").expect("migrating");
        assert_eq!([statements, occurrences, sources].map(|q| rows(&conn, q)), before);
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
        // Texts inside one paragraph (or the title) of their first article are places there;
        // the one across two paragraphs and the one without occurrence stay text.
        assert_eq!(
            rows(
                &conn,
                "SELECT article_id, text_paragraph, text_offset, text_length, text IS NULL FROM statement_spans ORDER BY id"
            ),
            [
                "Integer(1)|Integer(0)|Integer(30)|Integer(21)|Integer(1)",
                "Integer(1)|Integer(-1)|Integer(11)|Integer(20)|Integer(1)",
                "Null|Null|Null|Null|Integer(0)",
                "Null|Null|Null|Null|Integer(0)"
            ]
        );
        // The band keys are the writer's, in memory, now.
        assert_eq!(
            rows(&conn, "SELECT count(*) FROM sqlite_schema WHERE name = 'story_bands'"),
            ["Integer(0)"]
        );
        assert!(rows(&conn, "SELECT * FROM pragma_foreign_key_check").is_empty());
        // The occurrences' foreign key names the new table: an occurrence of a missing
        // statement is refused.
        conn.execute_batch("PRAGMA foreign_keys = ON").unwrap();
        assert!(
            conn.execute_batch("INSERT INTO statement_occurrences VALUES (9, 1, 1, 0, 1, 'قال', NULL, 13)")
                .is_err()
        );
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(version, latest_version());
    }
}
