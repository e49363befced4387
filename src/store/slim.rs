//! Migration 0008's Rust step (see migrations/0008_slim_schema.sql for why): mentions and
//! relations move to `mention_spans` and `relation_spans`, their surface and evidence kept only
//! where they are not the document's text at their offsets; paragraphs move
//! to ids derived from their hashes ([`store_paragraph`], the writer's routine from 0008 to 0010)
//! and `article_paragraphs` follows; then the old tables go and the views are created. 0011
//! (`store::paragraphs`) puts paragraphs in article order and creates the views again.

use rusqlite::types::Value;
use rusqlite::{Connection, Transaction, params};

use rusqlite::OptionalExtension;

use crate::article::{Hash, sha256};
use crate::error::{Error, Result, SqlContext};
use crate::store::writer::{Part, evidence_place};

/// The `mentions` view: the columns of the 0001–0007 table but its row id, with the surface cut
/// from the document (title, blank line, body; SQLite's substr counts characters, as the offsets
/// do) unless stored, and the article's extractor version.
pub(crate) const MENTIONS_VIEW: &str = "
CREATE VIEW mentions AS
    SELECT m.actor_id AS actor_id, m.article_id AS article_id, m.sentence AS sentence,
           m.start AS start, m.end AS end,
           coalesce(m.surface,
                    (SELECT substr(t.title || char(10, 10) || coalesce(t.body, ''), m.start + 1, m.end - m.start)
                       FROM article_texts t WHERE t.article_id = m.article_id)) AS surface,
           (SELECT a.extractor_version FROM articles a WHERE a.id = m.article_id) AS extractor_version
      FROM mention_spans m;";

/// A row `r` of `relation_spans`'s evidence: stored, or cut from its paragraph (or the title), as
/// 0008 to 0010 stored paragraphs (`paragraphs::EVIDENCE` since 0011).
const EVIDENCE_0008: &str = "coalesce(r.evidence,
                    CASE WHEN r.evidence_paragraph < 0
                         THEN (SELECT substr(a.title, r.evidence_offset + 1, r.end - r.start)
                                 FROM articles a WHERE a.id = r.article_id)
                         ELSE (SELECT substr(p.text, r.evidence_offset + 1, r.end - r.start)
                                 FROM article_paragraphs ap JOIN paragraphs p ON p.id = ap.paragraph_id
                                WHERE ap.article_id = r.article_id AND ap.position = r.evidence_paragraph)
                    END)";

/// The `relations` view: the columns of the 0003–0007 table, in their order, with the
/// evidence (`{EVIDENCE}`) and the article's extractor version.
pub(crate) const RELATIONS_VIEW: &str = "
CREATE VIEW relations AS
    SELECT r.id AS id, r.article_id AS article_id, r.subject_id AS subject_id, r.predicate AS predicate,
           r.object_id AS object_id, r.negated AS negated, r.role AS role,
           {EVIDENCE} AS evidence,
           r.sentence AS sentence, r.start AS start, r.end AS end,
           (SELECT a.extractor_version FROM articles a WHERE a.id = r.article_id) AS extractor_version,
           r.confidence AS confidence
      FROM relation_spans r;";

/// `article_texts` as 0005 defined it, created again over the new `paragraphs`.
const ARTICLE_TEXTS_VIEW: &str = "
CREATE VIEW article_texts AS
    SELECT a.id AS article_id, a.title AS title,
           (SELECT group_concat(text, char(10) || char(10))
              FROM (SELECT p.text AS text
                      FROM article_paragraphs ap JOIN paragraphs p ON p.id = ap.paragraph_id
                     WHERE ap.article_id = a.id
                  ORDER BY ap.position)) AS body
      FROM articles a;";

/// Moves mentions and paragraphs into the 0008 tables and drops the old ones.
pub(crate) fn convert(tx: &Transaction) -> Result<()> {
    move_mentions(tx)?;
    move_relations(tx)?;
    move_paragraphs(tx)?;
    let doing = || "replacing the old tables (migration 0008)".to_owned();
    tx.execute_batch(&format!(
        "DROP TABLE mentions;
         DROP TABLE relations;
         DROP VIEW article_texts;
         DROP TABLE paragraphs;
         ALTER TABLE paragraphs_0008 RENAME TO paragraphs;
         {ARTICLE_TEXTS_VIEW}
         {MENTIONS_VIEW}
         {relations_view}",
        relations_view = RELATIONS_VIEW.replace("{EVIDENCE}", EVIDENCE_0008)
    ))
    .doing(doing)?;
    // Foreign keys are not enforced while migrations run (tables are rebuilt); the rows moved
    // here are checked before the migration commits.
    for table in ["article_paragraphs", "mention_spans", "relation_spans"] {
        let bad: i64 = tx
            .query_row("SELECT count(*) FROM pragma_foreign_key_check(?1)", [table], |r| {
                r.get(0)
            })
            .doing(doing)?;
        if bad > 0 {
            return Err(Error::BadInput {
                location: table.to_owned(),
                reason: format!("{bad} rows point to missing rows after migration 0008"),
            });
        }
    }
    Ok(())
}

/// The text of one article's document at a time, to compare stored texts with.
#[derive(Default)]
struct Documents {
    article: Option<i64>,
    chars: Vec<char>,
}

impl Documents {
    /// `text` unless it is the document's text from `start` to `end` (`None` then).
    fn unless_cut(
        &mut self,
        conn: &Connection,
        article: i64,
        start: i64,
        end: i64,
        text: String,
    ) -> Result<Option<String>> {
        if self.article != Some(article) {
            self.chars = document_chars(conn, article)?;
            self.article = Some(article);
        }
        let (start, end) = (start.max(0) as usize, end.max(0) as usize);
        let cut = self
            .chars
            .get(start..end.max(start))
            .map(|c| c.iter().collect::<String>());
        Ok((cut.as_deref() != Some(text.as_str())).then_some(text))
    }
}

/// The characters of an article's document as `show` prints it: title, blank line, body.
fn document_chars(conn: &Connection, article: i64) -> Result<Vec<char>> {
    let (title, body): (String, Option<String>) = conn
        .prepare_cached("SELECT title, body FROM article_texts WHERE article_id = ?1")
        .and_then(|mut s| s.query_row([article], |r| Ok((r.get(0)?, r.get(1)?))))
        .doing(|| format!("reading article {article} (migration 0008)"))?;
    Ok(format!("{title}\n\n{}", body.unwrap_or_default()).chars().collect())
}

/// Copies every mention into `mention_spans`, keeping the surface only where it differs from the
/// document's text at the mention's offsets.
fn move_mentions(tx: &Transaction) -> Result<()> {
    let doing = || "moving mentions (migration 0008)".to_owned();
    let mut read = tx
        .prepare("SELECT article_id, start, end, actor_id, sentence, surface FROM mentions ORDER BY article_id")
        .doing(doing)?;
    let mut write = tx
        .prepare(
            "INSERT OR IGNORE INTO mention_spans (article_id, start, end, actor_id, sentence, surface)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )
        .doing(doing)?;
    let mut rows = read.query([]).doing(doing)?;
    let mut docs = Documents::default();
    while let Some(row) = rows.next().doing(doing)? {
        let (article, start, end): (i64, i64, i64) = (
            row.get(0).doing(doing)?,
            row.get(1).doing(doing)?,
            row.get(2).doing(doing)?,
        );
        let surface = docs.unless_cut(tx, article, start, end, row.get(5).doing(doing)?)?;
        let (actor, sentence): (i64, i64) = (row.get(3).doing(doing)?, row.get(4).doing(doing)?);
        write
            .execute(params![article, start, end, actor, sentence, surface])
            .doing(doing)?;
    }
    Ok(())
}

/// Copies every relation into `relation_spans` under its id, with where its evidence is, or the
/// evidence itself where it is not the text of one paragraph at the relation's offsets.
fn move_relations(tx: &Transaction) -> Result<()> {
    let doing = || "moving relations (migration 0008)".to_owned();
    let mut read = tx
        .prepare(
            "SELECT id, article_id, subject_id, predicate, object_id, negated, role, sentence, start, end, confidence,
                    evidence
               FROM relations ORDER BY article_id",
        )
        .doing(doing)?;
    let mut write = tx
        .prepare(
            "INSERT INTO relation_spans
               (id, article_id, subject_id, predicate, object_id, negated, role, sentence, start, end, confidence,
                evidence_paragraph, evidence_offset, evidence)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        )
        .doing(doing)?;
    let mut rows = read.query([]).doing(doing)?;
    let mut docs = Documents::default();
    let mut layout: (Option<i64>, Vec<Part>) = (None, Vec::new());
    while let Some(row) = rows.next().doing(doing)? {
        let mut values: Vec<Value> = (0..11)
            .map(|i| row.get(i))
            .collect::<rusqlite::Result<_>>()
            .doing(doing)?;
        let (article, start, end): (i64, i64, i64) = (
            row.get(1).doing(doing)?,
            row.get(8).doing(doing)?,
            row.get(9).doing(doing)?,
        );
        if layout.0 != Some(article) {
            layout = (Some(article), article_layout(tx, article)?);
        }
        let evidence: String = row.get(11).doing(doing)?;
        let differs = docs.unless_cut(tx, article, start, end, evidence.clone())?.is_some();
        let place = evidence_place(&layout.1, start, end).filter(|_| !differs);
        values.push(place.map_or(Value::Null, |(p, _)| Value::Integer(p)));
        values.push(place.map_or(Value::Null, |(_, o)| Value::Integer(o)));
        values.push(if place.is_some() {
            Value::Null
        } else {
            Value::Text(evidence)
        });
        write.execute(rusqlite::params_from_iter(values)).doing(doing)?;
    }
    Ok(())
}

/// Stores every paragraph under its derived id in `paragraphs_0008` and points
/// `article_paragraphs` at the new ids.
fn move_paragraphs(tx: &Transaction) -> Result<()> {
    let doing = || "moving paragraphs (migration 0008)".to_owned();
    tx.execute_batch("CREATE TEMP TABLE paragraph_ids (old INTEGER PRIMARY KEY, new INTEGER NOT NULL)")
        .doing(doing)?;
    {
        let mut read = tx.prepare("SELECT id, text FROM paragraphs ORDER BY id").doing(doing)?;
        let mut map = tx
            .prepare("INSERT INTO temp.paragraph_ids (old, new) VALUES (?1, ?2)")
            .doing(doing)?;
        let mut rows = read.query([]).doing(doing)?;
        while let Some(row) = rows.next().doing(doing)? {
            let (old, text): (i64, String) = (row.get(0).doing(doing)?, row.get(1).doing(doing)?);
            let new = store_paragraph(tx, "paragraphs_0008", &sha256(text.as_bytes()), &text)?;
            map.execute(params![old, new]).doing(doing)?;
        }
    }
    tx.execute_batch(
        "UPDATE article_paragraphs
            SET paragraph_id = (SELECT new FROM temp.paragraph_ids WHERE old = article_paragraphs.paragraph_id);
         DROP TABLE temp.paragraph_ids;",
    )
    .doing(doing)?;
    Ok(())
}

/// The parts of a stored article's document as 0008 found it (paragraphs linked by the
/// `article_paragraphs` table).
fn article_layout(c: &Connection, article_id: i64) -> Result<Vec<Part>> {
    super::writer::layout_read(
        c,
        article_id,
        "SELECT ap.position, length(p.text) FROM article_paragraphs ap JOIN paragraphs p ON p.id = ap.paragraph_id
          WHERE ap.article_id = ?1 ORDER BY ap.position",
        " (migration 0008)",
    )
}

/// The id a paragraph is stored under first: 47 bits of its hash (a positive integer of at most
/// 6 bytes in a record). Two paragraphs whose hashes share them take the next free id.
pub(crate) fn paragraph_slot(hash: &Hash) -> i64 {
    let mut high = [0u8; 8];
    high.copy_from_slice(&hash[..8]);
    (u64::from_be_bytes(high) >> 17) as i64
}

/// The id of the paragraph with this hash and text in `table` (0008's new table, and
/// `paragraphs` from 0008 to 0010), storing it when new. The ids from its slot on are tried until
/// one holds the same text or is free, so a paragraph is found by one look-up by id, without an
/// index on hashes.
pub(crate) fn store_paragraph(c: &Connection, table: &str, hash: &Hash, text: &str) -> Result<i64> {
    let mut id = paragraph_slot(hash);
    loop {
        let same: Option<bool> = c
            .prepare_cached(&format!("SELECT text = ?2 FROM {table} WHERE id = ?1"))
            .and_then(|mut s| s.query_row(params![id, text], |r| r.get(0)).optional())
            .doing(|| "looking up a paragraph".into())?;
        match same {
            Some(true) => return Ok(id),
            Some(false) => id = (id + 1) & ((1 << 47) - 1),
            None => break,
        }
    }
    c.prepare_cached(&format!("INSERT INTO {table} (id, text) VALUES (?1, ?2)"))
        .and_then(|mut s| s.execute(params![id, text]))
        .doing(|| "storing a paragraph".into())?;
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::migrate::{latest_version, migrate, old_database, rows};

    // Paragraphs of ANT SkyNews/internationalNews/SK-internationalNews-2717-20180718.
    const TITLE: &str = "إليسا تعلن إصابتها بسرطان الثدي";
    const SHARED: &str = "أعلنت الفنانة اللبنانية إليسا إصابتها بسرطان الثدي.";
    const OWN: &str = "وغردت إليسا على تويتر.";

    /// A database as isnad 0007 left it: two articles sharing a paragraph, article 1 with two
    /// mentions of إليسا, one whose surface is the document's text and one (as an older
    /// extractor wrote) whose surface is not.
    fn version_7_database() -> Connection {
        let conn = old_database(7);
        let doc: Vec<char> = format!("{TITLE}\n\n{SHARED}\n\n{OWN}").chars().collect();
        let at = |word: &str, from: usize| -> usize {
            let w: Vec<char> = word.chars().collect();
            (from..doc.len()).find(|&i| doc[i..].starts_with(&w)).unwrap()
        };
        let first = at("إليسا", TITLE.chars().count());
        let second = at("إليسا", first + 1);
        conn.execute_batch(&format!(
            "INSERT INTO articles (id, content_hash, title, lang, first_seen, run_id, extractor_version)
                  VALUES (1, 'h1', '{TITLE}', 'ar', '2026-01-01', 1, 9), (2, 'h2', 'عنوان', 'ar', '2026-01-01', 1, 9);
             INSERT INTO paragraphs (id, hash, text) VALUES (1, x'01', '{SHARED}'), (2, x'02', '{OWN}');
             INSERT INTO article_paragraphs VALUES (1, 0, 1), (1, 1, 2), (2, 0, 1);
             INSERT INTO actors (id, key, name, kind, origin) VALUES (1, 'person:اليسا', 'إليسا', 'person', 'extracted');
             INSERT INTO mentions (actor_id, article_id, sentence, start, end, surface, extractor_version)
                  VALUES (1, 1, 1, {first}, {}, 'إليسا', 9), (1, 1, 2, {second}, {}, 'اليسا', 9);
             INSERT INTO actors (id, key, name, kind, origin) VALUES (2, 'lex:LB', 'لبنان', 'country', 'lexicon');
             INSERT INTO relations (id, article_id, subject_id, predicate, object_id, evidence, sentence, start, end, extractor_version, confidence)
                  VALUES (7, 1, 1, 'affiliation', 2, '{SHARED}', 1, {}, {}, 9, 0.9),
                         (8, 1, 1, 'meet', 2, 'اليسا', 2, {second}, {}, 9, 0.5);
             INSERT INTO statements (id, key, speaker_id, text, kind)
                  VALUES (1, '00112233445566778899aabb', 1, 'إلى كل اللي بيحاربوني', 'direct');",
            first + 5,
            second + 5,
            TITLE.chars().count() + 2,
            TITLE.chars().count() + 2 + SHARED.chars().count(),
            second + 5
        ))
        .unwrap();
        conn
    }

    #[test]
    fn migration_8_moves_mentions_and_paragraphs_and_loses_nothing() {
        let mut conn = version_7_database();
        let texts = "SELECT article_id, title, body FROM article_texts ORDER BY article_id";
        let mentions = "SELECT actor_id, article_id, sentence, start, end, surface, extractor_version FROM mentions ORDER BY start";
        let relations = "SELECT * FROM relations ORDER BY id";
        let before = [texts, mentions, relations].map(|q| rows(&conn, q));
        migrate(&mut conn, ":memory:").expect("migrating");
        assert_eq!([texts, mentions, relations].map(|q| rows(&conn, q)), before);
        // Only the surface or evidence that is not the document's text is stored.
        assert_eq!(
            rows(&conn, "SELECT surface FROM mention_spans ORDER BY start"),
            ["Null", "Text(\"اليسا\")"]
        );
        assert_eq!(
            rows(
                &conn,
                "SELECT evidence_paragraph, evidence_offset, evidence FROM relation_spans ORDER BY id"
            ),
            ["Integer(0)|Integer(0)|Null", "Null|Null|Text(\"اليسا\")"]
        );
        // Since 0011 each article stores its paragraphs, in order (the shared one twice).
        assert_eq!(
            rows(&conn, "SELECT * FROM article_paragraphs ORDER BY article_id, position"),
            [
                "Integer(1)|Integer(0)|Integer(1)",
                "Integer(1)|Integer(1)|Integer(2)",
                "Integer(2)|Integer(0)|Integer(3)"
            ]
        );
        assert_eq!(rows(&conn, "SELECT count(*) FROM paragraphs"), ["Integer(3)"]);
        assert!(rows(&conn, "SELECT * FROM pragma_foreign_key_check").is_empty());
        // Statement keys are their 12 bytes.
        assert_eq!(
            rows(&conn, "SELECT typeof(key), hex(key) FROM statements"),
            ["Text(\"blob\")|Text(\"00112233445566778899AABB\")"]
        );
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(version, latest_version());
    }

    #[test]
    fn evidence_is_placed_in_the_one_part_that_holds_it() {
        // A title of 10 characters, paragraphs of 20 and 5 (blank lines between).
        let layout = [(-1, 0, 10), (0, 12, 20), (1, 34, 5)];
        assert_eq!(evidence_place(&layout, 5, 8), Some((-1, 5)));
        assert_eq!(evidence_place(&layout, 12, 32), Some((0, 0)));
        assert_eq!(evidence_place(&layout, 35, 39), Some((1, 1)));
        assert_eq!(evidence_place(&layout, 8, 14), None);
        assert_eq!(evidence_place(&layout, 30, 36), None);
    }

    #[test]
    fn paragraphs_whose_ids_collide_take_the_next_one_and_are_found_again() {
        // The table 0008's step fills.
        let conn = old_database(8);
        let hash = sha256(SHARED.as_bytes());
        let a = store_paragraph(&conn, "paragraphs_0008", &hash, SHARED).unwrap();
        // Another text under the same hash bits (a collision, forced here).
        let b = store_paragraph(&conn, "paragraphs_0008", &hash, OWN).unwrap();
        assert_eq!((a, b), (paragraph_slot(&hash), paragraph_slot(&hash) + 1));
        assert_eq!(store_paragraph(&conn, "paragraphs_0008", &hash, OWN).unwrap(), b);
        assert_eq!(store_paragraph(&conn, "paragraphs_0008", &hash, SHARED).unwrap(), a);
        assert_eq!(rows(&conn, "SELECT count(*) FROM paragraphs_0008"), ["Integer(2)"]);
    }
}
