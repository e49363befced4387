//! Paragraphs in article order (migration 0011, see migrations/0011_paragraphs_in_article_order.sql
//! for why): an article's paragraphs are the consecutive rows of `paragraphs` from
//! `articles.first_paragraph`, `paragraph_count` of them. This module owns that layout: storing an
//! article's paragraphs ([`store`]), the SQL that reads them ([`OF_ARTICLE`], [`EVIDENCE`]), the
//! views over it and 0011's Rust step ([`convert`]); and the places of statement texts in them
//! (0012: [`text_place`], the writer's and the migration's one routine, [`place_statements`]).

use std::borrow::Cow;

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::error::{Error, Result, SqlContext};
use crate::store::writer::{Part, article_layout, evidence_place};

/// The rows `p` of `paragraphs` of the article `a` (joined in, `a.id` to be constrained), in
/// order; the position of `p` is `p.id - a.first_paragraph`.
pub(crate) const OF_ARTICLE: &str = "articles a
    JOIN paragraphs p ON p.id >= a.first_paragraph AND p.id < a.first_paragraph + a.paragraph_count";

/// A row `r` of `relation_spans`'s evidence: stored, or cut from its paragraph (the article's
/// first paragraph plus the position: one look-up by id) or the title. The `relations` view and
/// the relations listing (`store/query/relations.rs`) both use it.
pub(crate) const EVIDENCE: &str = "coalesce(r.evidence,
                    (SELECT CASE WHEN r.evidence_paragraph < 0
                                 THEN substr(a.title, r.evidence_offset + 1, r.end - r.start)
                                 ELSE (SELECT substr(p.text, r.evidence_offset + 1, r.end - r.start)
                                         FROM paragraphs p WHERE p.id = a.first_paragraph + r.evidence_paragraph)
                            END
                       FROM articles a WHERE a.id = r.article_id))";

/// What SQLite's `substr(text, offset + 1, len)` gives, cut in Rust from the bytes of a stored
/// text: `len` characters from character `offset` (fewer at its end, none past it). Listings cut
/// thousands of statement texts and evidence sentences from their paragraphs; SQLite walks a
/// non-ASCII text character by character to the offset, this counts the characters of whole
/// blocks at once and copies only the cut.
pub(crate) fn cut(text: &[u8], offset: i64, len: i64) -> String {
    utf8(chars_at(text, offset, len))
}

/// The bytes of `len` characters of the UTF-8 `text` from character `offset`, as [`cut`] counts.
fn chars_at(text: &[u8], offset: i64, len: i64) -> &[u8] {
    let from = char_index(text, 0, offset.max(0) as usize);
    let to = char_index(text, from, len.max(0) as usize);
    &text[from..to]
}

/// A stored text as a `String` (its invalid bytes, which isnad never writes, replaced).
pub(crate) fn utf8(text: &[u8]) -> String {
    if is_utf8(text) {
        // SAFETY: `is_utf8` checked that `text` is UTF-8.
        return unsafe { std::str::from_utf8_unchecked(text) }.to_owned();
    }
    String::from_utf8_lossy(text).into_owned()
}

/// Whether `text` is UTF-8. ASCII and two-byte characters (Arabic, and the Latin, Greek and
/// Cyrillic letters) are checked here, a byte or two at a time; from the first other character
/// on, the standard library checks the rest. Its check takes each non-ASCII character through
/// the general case, several times slower on Arabic, and listings turn megabytes of it into
/// strings (`relations --actor ترامب`: 1.7 MB of evidence).
fn is_utf8(text: &[u8]) -> bool {
    let mut i = 0;
    while i < text.len() {
        match text[i] {
            0x00..0x80 => i += 1,
            0xC2..0xE0 if text.get(i + 1).is_some_and(|&b| is_continuation(b)) => i += 2,
            _ => return std::str::from_utf8(&text[i..]).is_ok(),
        }
    }
    true
}

/// The byte index of the character `n` characters after the one at byte `from` of the UTF-8
/// `text` (its length when it has fewer).
fn char_index(text: &[u8], from: usize, n: usize) -> usize {
    const BLOCK: usize = 32;
    let starts = |b: &[u8]| b.iter().filter(|&&x| !is_continuation(x)).count();
    let (mut i, mut left) = (from, n);
    while i + BLOCK <= text.len() {
        let here = starts(&text[i..i + BLOCK]);
        if here > left {
            break;
        }
        (i, left) = (i + BLOCK, left - here);
    }
    for (j, &b) in text[i..].iter().enumerate() {
        if !is_continuation(b) {
            if left == 0 {
                return i + j;
            }
            left -= 1;
        }
    }
    text.len()
}

/// Whether `b` continues a UTF-8 character rather than starting one.
fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// The views over `paragraphs` as 0011 leaves them: `article_paragraphs` with the columns of the
/// 0001 table, then `article_texts`, `mentions` and `relations` as before, over it.
fn views() -> String {
    format!(
        "CREATE VIEW article_paragraphs AS
             SELECT a.id AS article_id, p.id - a.first_paragraph AS position, p.id AS paragraph_id
               FROM {OF_ARTICLE};
         CREATE VIEW article_texts AS
             SELECT a.id AS article_id, a.title AS title,
                    (SELECT group_concat(text, char(10) || char(10))
                       FROM (SELECT p.text AS text FROM paragraphs p
                              WHERE p.id >= a.first_paragraph AND p.id < a.first_paragraph + a.paragraph_count
                              ORDER BY p.id)) AS body
               FROM articles a;
         {mentions}
         {relations}",
        mentions = super::slim::MENTIONS_VIEW,
        relations = super::slim::RELATIONS_VIEW.replace("{EVIDENCE}", EVIDENCE),
    )
}

/// Stores an article's paragraphs under the next ids, in order: (the first id, how many), what
/// `articles.first_paragraph` and `paragraph_count` hold (no first id for none).
pub(crate) fn store(c: &Connection, paragraphs: &[String]) -> Result<(Option<i64>, i64)> {
    let mut insert = c
        .prepare_cached("INSERT INTO paragraphs (text) VALUES (?1)")
        .doing(|| "preparing paragraph insert".into())?;
    let mut first = None;
    for (i, text) in paragraphs.iter().enumerate() {
        let id = insert.insert([text]).doing(|| "storing a paragraph".into())?;
        let first = *first.get_or_insert(id);
        // The rows are consecutive: the table's largest id plus one each time, in one writer.
        if id != first + i as i64 {
            return Err(Error::BadInput {
                location: "paragraphs".into(),
                reason: format!("paragraph id {id} does not follow {first} + {i}"),
            });
        }
    }
    Ok((first, paragraphs.len() as i64))
}

/// Migration 0011's step after its SQL: the old tables go, the new one takes their place, the
/// views are created again over it, and every article's range is checked.
pub(crate) fn convert(tx: &Transaction) -> Result<()> {
    let doing = || "replacing the paragraph tables (migration 0011)".to_owned();
    tx.execute_batch(&format!(
        "DROP VIEW relations;
         DROP VIEW mentions;
         DROP VIEW article_texts;
         DROP TABLE article_paragraphs;
         DROP TABLE paragraphs;
         ALTER TABLE paragraphs_0011 RENAME TO paragraphs;
         {}",
        views()
    ))
    .doing(doing)?;
    // Foreign keys are not enforced while migrations run; the ranges take their place here:
    // each article's paragraphs exist, and no paragraph is outside every article's range.
    let (missing, stored, owned): (i64, i64, i64) = tx
        .query_row(
            "SELECT (SELECT count(*) FROM articles a
                      WHERE a.paragraph_count > 0
                        AND (SELECT count(*) FROM paragraphs p
                              WHERE p.id >= a.first_paragraph
                                AND p.id < a.first_paragraph + a.paragraph_count) <> a.paragraph_count),
                    (SELECT count(*) FROM paragraphs),
                    (SELECT coalesce(sum(paragraph_count), 0) FROM articles)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .doing(doing)?;
    if missing > 0 || stored != owned {
        return Err(Error::BadInput {
            location: "paragraphs".into(),
            reason: format!(
                "after migration 0011, {missing} articles lack paragraphs; {stored} paragraphs stored for {owned}"
            ),
        });
    }
    Ok(())
}

/// Where `text`, the document's text from `start` to `end` of an article whose parts are
/// `layout`, lies: (the id of the paragraph that holds it, its start there, its length), in
/// characters; `None` when it is not inside one paragraph (the title, or over paragraphs) or that
/// paragraph does not hold it there. `paragraph` gives the paragraph at a position: (its id, its
/// text), from memory (the writer, which has just stored it) or the database ([`paragraph_at`]). What
/// the writer stores for a new statement and 0012 for the old ones.
pub(crate) fn text_place<'t>(
    layout: &[Part],
    start: i64,
    end: i64,
    text: &str,
    paragraph: impl FnOnce(i64) -> Result<Option<(i64, Cow<'t, str>)>>,
) -> Result<Option<(i64, i64, i64)>> {
    let Some((position, offset)) = evidence_place(layout, start, end).filter(|&(p, _)| p >= 0) else {
        return Ok(None);
    };
    let Some((id, held)) = paragraph(position)? else {
        return Ok(None);
    };
    let there = chars_at(held.as_bytes(), offset, end - start) == text.as_bytes();
    Ok(there.then_some((id, offset, end - start)))
}

/// Paragraph `position` of article `article_id`: (its id, its text).
pub(crate) fn paragraph_at(c: &Connection, article_id: i64, position: i64) -> Result<Option<(i64, Cow<'static, str>)>> {
    c.prepare_cached(
        "SELECT p.id, p.text FROM articles a JOIN paragraphs p ON p.id = a.first_paragraph + ?2
          WHERE a.id = ?1 AND p.id < a.first_paragraph + a.paragraph_count",
    )
    .and_then(|mut s| {
        s.query_row(params![article_id, position], |r| {
            Ok((r.get(0)?, Cow::Owned(r.get(1)?)))
        })
        .optional()
    })
    .doing(|| "reading a paragraph".into())
}

/// Migration 0012's step after its SQL: each statement's text becomes its place ([`text_place`])
/// at its first occurrence (first article, then first offset), where it is there.
pub(crate) fn place_statements(tx: &Transaction) -> Result<()> {
    let doing = || "placing statement texts (migration 0012)".to_owned();
    let mut read = tx
        .prepare(
            "SELECT id, article_id, start, end, text FROM (
                 SELECT s.id AS id, o.article_id AS article_id, min(o.start) AS start, o.end AS end, s.text AS text
                   FROM statement_rows s JOIN statement_occurrences o ON o.statement_id = s.id
                    AND o.article_id = (SELECT min(y.article_id) FROM statement_occurrences y WHERE y.statement_id = s.id)
                  GROUP BY s.id)
              ORDER BY article_id, id",
        )
        .doing(doing)?;
    let mut write = tx
        .prepare(
            "UPDATE statement_rows SET text = '', text_paragraph = ?2, text_offset = ?3, text_length = ?4 WHERE id = ?1",
        )
        .doing(doing)?;
    let mut rows = read.query([]).doing(doing)?;
    let mut layout: (Option<i64>, Vec<Part>) = (None, Vec::new());
    while let Some(row) = rows.next().doing(doing)? {
        let (id, article, start, end, text): (i64, i64, i64, i64, String) = (
            row.get(0).doing(doing)?,
            row.get(1).doing(doing)?,
            row.get(2).doing(doing)?,
            row.get(3).doing(doing)?,
            row.get(4).doing(doing)?,
        );
        if layout.0 != Some(article) {
            layout = (Some(article), article_layout(tx, article)?);
        }
        let place = text_place(&layout.1, start, end, &text, |position| {
            paragraph_at(tx, article, position)
        })?;
        if let Some((paragraph, offset, length)) = place {
            write.execute(params![id, paragraph, offset, length]).doing(doing)?;
        }
    }
    let bad: i64 = tx
        .query_row(
            "SELECT count(*) FROM pragma_foreign_key_check('statement_occurrences')",
            [],
            |r| r.get(0),
        )
        .doing(doing)?;
    if bad > 0 {
        return Err(Error::BadInput {
            location: "statement_occurrences".into(),
            reason: format!("{bad} rows point to missing statements after migration 0012"),
        });
    }
    Ok(())
}

/// The paragraph texts of an article, in order.
pub(crate) fn of_article(c: &Connection, article: i64) -> rusqlite::Result<Vec<String>> {
    let mut stmt = c.prepare_cached(&format!(
        "SELECT p.text FROM {OF_ARTICLE} WHERE a.id = ?1 ORDER BY p.id"
    ))?;
    let rows = stmt.query_map(params![article], |r| r.get(0))?;
    rows.collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::migrate::{latest_version, migrate, released_database_10, rows};

    // Paragraphs of ANT SkyNews/internationalNews/SK-internationalNews-2717-20180718.
    const TITLE: &str = "إليسا تعلن إصابتها بسرطان الثدي";
    const SHARED: &str = "أعلنت الفنانة اللبنانية إليسا إصابتها بسرطان الثدي.";
    const OWN: &str = "وغردت إليسا على تويتر.";

    /// A database as isnad 0010 left it: article 1 (SHARED, OWN) and article 2 (SHARED) share a
    /// paragraph stored once under ids derived from hashes (not in article order), article 3 has
    /// no body; a mention in OWN and relations whose evidence is in OWN and in the title;
    /// statements whose text is in SHARED in both articles, in the title, and one (as an older
    /// extractor could write) that is not the text at its offsets.
    fn version_10_database() -> Connection {
        let conn = released_database_10();
        let own_start = TITLE.chars().count() + 2 + SHARED.chars().count() + 2;
        conn.execute_batch(&format!(
            "INSERT INTO articles (id, content_hash, title, lang, first_seen, run_id, extractor_version)
                  VALUES (1, 'h1', '{TITLE}', 'ar', '2026-01-01', 1, 14), (2, 'h2', 'عنوان', 'ar', '2026-01-01', 1, 14),
                         (3, 'h3', 'عنوان فقط', 'ar', '2026-01-01', 1, 14);
             INSERT INTO paragraphs (id, text) VALUES (90000000, '{SHARED}'), (5000, '{OWN}');
             INSERT INTO article_paragraphs VALUES (1, 0, 90000000), (1, 1, 5000), (2, 0, 90000000);
             INSERT INTO actors (id, key, name, kind, origin) VALUES (1, 'person:اليسا', 'إليسا', 'person', 'extracted'),
                                                                     (2, 'lex:LB', 'لبنان', 'country', 'lexicon');
             INSERT INTO mention_spans (article_id, start, end, actor_id, sentence) VALUES (1, {m}, {m_end}, 1, 2);
             INSERT INTO relation_spans (id, article_id, subject_id, predicate, object_id, sentence, start, end,
                                         evidence_paragraph, evidence_offset)
                  VALUES (7, 1, 1, 'meet', 2, 2, {m}, {own_end}, 1, 6), (8, 1, 1, 'affiliation', 2, 0, 0, 5, -1, 0);
             INSERT INTO statements (id, key, speaker_id, text, kind)
                  VALUES (1, x'01', 1, 'الفنانة اللبنانية إليسا', 'indirect'), (2, x'02', 1, 'إليسا تعلن', 'direct'),
                         (3, x'03', 1, 'على تويتر', 'direct');
             INSERT INTO statement_occurrences (statement_id, article_id, sentence, start, end, cue, extractor_version)
                  VALUES (1, 2, 1, {s2}, {s2_end}, 'أعلنت', 14), (1, 1, 1, {s1}, {s1_end}, 'أعلنت', 14),
                         (2, 1, 0, 0, 10, 'تعلن', 14), (3, 1, 2, {m}, {m_end}, 'غردت', 14);",
            s1 = TITLE.chars().count() + 2 + 6,
            s1_end = TITLE.chars().count() + 2 + 6 + 23,
            s2 = "عنوان".chars().count() + 2 + 6,
            s2_end = "عنوان".chars().count() + 2 + 6 + 23,
            m = own_start + 6,
            m_end = own_start + 11,
            own_end = own_start + OWN.chars().count(),
        ))
        .unwrap();
        conn
    }

    #[test]
    fn migrations_11_and_12_put_paragraphs_in_article_order_and_statements_in_them_and_lose_nothing() {
        let mut conn = version_10_database();
        let texts = "SELECT * FROM article_texts ORDER BY article_id";
        let mentions = "SELECT * FROM mentions";
        let relations = "SELECT * FROM relations ORDER BY id";
        let statements = "SELECT * FROM statements ORDER BY id";
        let links = "SELECT ap.article_id, ap.position, p.text
                       FROM article_paragraphs ap JOIN paragraphs p ON p.id = ap.paragraph_id
                      ORDER BY ap.article_id, ap.position";
        let before = [texts, mentions, relations, links, statements].map(|q| rows(&conn, q));
        assert_eq!(
            before[1],
            [format!(
                "Integer(1)|Integer(1)|Integer(2)|Integer({})|Integer({})|Text(\"إليسا\")|Integer(14)",
                TITLE.chars().count() + 2 + SHARED.chars().count() + 2 + 6,
                TITLE.chars().count() + 2 + SHARED.chars().count() + 2 + 11
            )]
        );
        migrate(&mut conn, ":memory:").expect("migrating");
        assert_eq!(
            [texts, mentions, relations, links, statements].map(|q| rows(&conn, q)),
            before
        );
        // 0012: a statement's text is its place in the paragraph of its first article (article 1's
        // SHARED is paragraph 1), stored only in the title or where it is not the document's.
        assert_eq!(
            rows(
                &conn,
                "SELECT text, text_paragraph, text_offset, text_length FROM statement_rows ORDER BY id"
            ),
            [
                "Text(\"\")|Integer(1)|Integer(6)|Integer(23)",
                "Text(\"إليسا تعلن\")|Null|Null|Null",
                "Text(\"على تويتر\")|Null|Null|Null"
            ]
        );
        // Each article's paragraphs are consecutive rows, the shared one stored for both.
        assert_eq!(
            rows(
                &conn,
                "SELECT id, first_paragraph, paragraph_count FROM articles ORDER BY id"
            ),
            [
                "Integer(1)|Integer(1)|Integer(2)",
                "Integer(2)|Integer(3)|Integer(1)",
                "Integer(3)|Null|Integer(0)"
            ]
        );
        assert_eq!(
            rows(&conn, "SELECT id, text FROM paragraphs ORDER BY id"),
            [
                format!("Integer(1)|Text(\"{SHARED}\")"),
                format!("Integer(2)|Text(\"{OWN}\")"),
                format!("Integer(3)|Text(\"{SHARED}\")")
            ]
        );
        // The writer's next article's paragraphs follow.
        assert_eq!(
            store(&conn, &[OWN.to_owned(), SHARED.to_owned()]).unwrap(),
            (Some(4), 2)
        );
        assert_eq!(store(&conn, &[]).unwrap(), (None, 0));
        assert!(rows(&conn, "SELECT * FROM pragma_foreign_key_check").is_empty());
        assert_eq!(
            rows(&conn, "PRAGMA user_version"),
            [format!("Integer({})", latest_version())]
        );
    }

    #[test]
    fn cut_is_substr_in_rust() {
        let conn = Connection::open_in_memory().unwrap();
        let text = format!("{SHARED} {OWN} abc");
        let n = text.chars().count() as i64;
        for offset in [0, 1, 5, 31, 32, 33, 40, n - 1, n, n + 3] {
            for len in [0, 1, 6, 23, 40, n + 5] {
                let sqlite: String = conn
                    .query_row("SELECT substr(?1, ?2 + 1, ?3)", params![text, offset, len], |r| {
                        r.get(0)
                    })
                    .unwrap();
                assert_eq!(cut(text.as_bytes(), offset, len), sqlite, "{offset} {len}");
            }
        }
    }

    #[test]
    fn is_utf8_agrees_with_the_standard_library() {
        let texts: [&[u8]; 9] = [
            SHARED.as_bytes(),
            "ترامب – “Trump” 😀 é".as_bytes(),
            b"",
            b"\xD8",
            b"\xC0\x80",
            b"\xC1\xBF",
            b"\xD8\xA7\xD8",
            b"ab\xE2\x80",
            b"\xD8\xA7\xED\xA0\x80",
        ];
        for text in texts {
            assert_eq!(is_utf8(text), std::str::from_utf8(text).is_ok(), "{text:?}");
        }
        assert_eq!(utf8(b"\xD8\xA7\xFF"), "ا\u{FFFD}");
    }

    #[test]
    fn migration_11_refuses_an_article_whose_paragraphs_are_missing() {
        let conn = version_10_database();
        // A link to a paragraph that is not there: its article would lose its body.
        conn.execute_batch("PRAGMA foreign_keys = OFF; INSERT INTO article_paragraphs VALUES (3, 0, 77)")
            .unwrap();
        let tx = conn.unchecked_transaction().unwrap();
        let sql = crate::store::migrate::MIGRATIONS
            .iter()
            .find(|m| m.version == 11)
            .unwrap()
            .sql;
        tx.execute_batch(sql).unwrap();
        let err = convert(&tx).unwrap_err().to_string();
        assert!(err.contains("1 articles lack paragraphs"), "{err}");
    }
}
