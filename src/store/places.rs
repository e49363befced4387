//! Texts stored as places. A statement's text and a relation's evidence are the document's text
//! at their offsets, so their rows keep where that text is instead of the text: the article, the
//! position of the paragraph that holds it in `article_paragraphs` (-1: the title), and its
//! start and length there, in characters (SQLite's `substr` and the offsets both count
//! characters). This module cuts such texts out again: in SQL for the views ([`cut_sql`]), and
//! in Rust for the listings ([`with_texts`]), which read each needed paragraph once however many
//! texts it holds, instead of one subquery per row.

use std::collections::{BTreeSet, HashMap};

use rusqlite::{Connection, OptionalExtension};

use super::query::sql_err;
use crate::error::{Result, SqlContext};

/// Where a text is: an article, a paragraph position (-1: the title), and the text's start and
/// length in that paragraph, in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Place {
    pub(crate) article: i64,
    pub(crate) paragraph: i64,
    pub(crate) offset: i64,
    pub(crate) length: i64,
}

impl Place {
    /// The place in columns `at..at + 4` of a row (article, paragraph, offset, length); `None`
    /// when the paragraph is NULL (the text is stored then).
    pub(crate) fn from_row(r: &rusqlite::Row, at: usize) -> rusqlite::Result<Option<Place>> {
        let paragraph: Option<i64> = r.get(at + 1)?;
        let Some(paragraph) = paragraph else {
            return Ok(None);
        };
        Ok(Some(Place {
            article: r.get(at)?,
            paragraph,
            offset: r.get(at + 2)?,
            length: r.get(at + 3)?,
        }))
    }
}

/// The SQL expression of a row's text: `stored` unless NULL, else cut from the paragraph (or
/// title) at `article`, `paragraph`, `offset` with `length` characters (each an SQL expression
/// over the row). The views use it; listings cut in Rust ([`with_texts`]).
pub(crate) fn cut_sql(stored: &str, article: &str, paragraph: &str, offset: &str, length: &str) -> String {
    format!(
        "coalesce({stored},
                    CASE WHEN {paragraph} < 0
                         THEN (SELECT substr(a.title, {offset} + 1, {length})
                                 FROM articles a WHERE a.id = {article})
                         ELSE (SELECT substr(p.text, {offset} + 1, {length})
                                 FROM article_paragraphs ap JOIN paragraphs p ON p.id = ap.paragraph_id
                                WHERE ap.article_id = {article} AND ap.position = {paragraph})
                    END)"
    )
}

/// Gives each item whose text is not stored (`Some(place)`) its text, cut from its paragraph
/// with `set`; every paragraph needed is read once. An item whose paragraph is missing keeps
/// the text it has.
pub(crate) fn with_texts<T>(
    conn: &Connection,
    items: Vec<(T, Option<Place>)>,
    set: impl Fn(&mut T, String),
) -> Result<Vec<T>> {
    let wanted: BTreeSet<(i64, i64)> = items
        .iter()
        .filter_map(|(_, p)| p.map(|p| (p.article, p.paragraph)))
        .collect();
    let parts = read_parts(conn, &wanted.into_iter().collect::<Vec<_>>())?;
    Ok(items
        .into_iter()
        .map(|(mut item, place)| {
            if let Some(p) = place
                && let Some(text) = parts.get(&(p.article, p.paragraph))
            {
                set(&mut item, cut(text, p.offset, p.length));
            }
            item
        })
        .collect())
}

/// `length` characters of `text` from character `offset`.
fn cut(text: &str, offset: i64, length: i64) -> String {
    let (offset, length) = (offset.max(0) as usize, length.max(0) as usize);
    text.chars().skip(offset).take(length).collect()
}

/// The texts of these (article, paragraph position) pairs (ascending); position -1 is the
/// title. The pairs' paragraph ids are looked up first, in the pairs' order, then the texts in
/// id order: paragraph ids are spread over the whole table (they come from hashes, 0008), and
/// reading them in order touches each page of it once and in file order, which halves the
/// cost for thousands of paragraphs. One look-up by key each, with prepared statements.
fn read_parts(conn: &Connection, pairs: &[(i64, i64)]) -> Result<HashMap<(i64, i64), String>> {
    let doing = sql_err("reading paragraphs");
    let mut id_of = conn
        .prepare_cached("SELECT paragraph_id FROM article_paragraphs WHERE article_id = ?1 AND position = ?2")
        .doing(&doing)?;
    let mut text_of = conn
        .prepare_cached("SELECT text FROM paragraphs WHERE id = ?1")
        .doing(&doing)?;
    let mut title_of = conn
        .prepare_cached("SELECT title FROM articles WHERE id = ?1")
        .doing(&doing)?;
    let mut parts = HashMap::with_capacity(pairs.len());
    let mut ids: Vec<(i64, (i64, i64))> = Vec::with_capacity(pairs.len());
    for &(article, position) in pairs {
        if position < 0 {
            let title: Option<String> = title_of.query_row([article], |r| r.get(0)).optional().doing(&doing)?;
            parts.extend(title.map(|t| ((article, position), t)));
        } else if let Some(id) = id_of
            .query_row([article, position], |r| r.get::<_, i64>(0))
            .optional()
            .doing(&doing)?
        {
            ids.push((id, (article, position)));
        }
    }
    ids.sort_unstable();
    for (id, pair) in ids {
        let text: Option<String> = text_of.query_row([id], |r| r.get(0)).optional().doing(&doing)?;
        parts.extend(text.map(|t| (pair, t)));
    }
    Ok(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_cut_by_characters_from_titles_and_paragraphs_and_stored_ones_stay() {
        let mut conn = Connection::open_in_memory().unwrap();
        crate::store::migrate::migrate(&mut conn, ":memory:").unwrap();
        // Title and first paragraph of ANT SkyNews/internationalNews/SK-internationalNews-2717-20180718.
        conn.execute_batch(
            "INSERT INTO runs (id, started_at, command) VALUES (1, '2026-01-01', 'test');
             INSERT INTO articles (id, content_hash, title, lang, first_seen, run_id)
                  VALUES (1, 'h1', 'إليسا تعلن إصابتها بسرطان الثدي', 'ar', '2026-01-01', 1);
             INSERT INTO paragraphs (id, text) VALUES (5, 'أعلنت الفنانة اللبنانية إليسا إصابتها بسرطان الثدي.');
             INSERT INTO article_paragraphs VALUES (1, 0, 5);",
        )
        .unwrap();
        let at = |paragraph, offset, length| {
            Some(Place {
                article: 1,
                paragraph,
                offset,
                length,
            })
        };
        let items = vec![
            ("stored".to_owned(), None),
            (String::new(), at(-1, 0, 5)),
            (String::new(), at(0, 6, 7)),
            (String::new(), at(0, 24, 5)),
            ("missing".to_owned(), at(3, 0, 5)),
        ];
        let texts = with_texts(&conn, items, |t, s| *t = s).unwrap();
        assert_eq!(texts, ["stored", "إليسا", "الفنانة", "إليسا", "missing"]);
        // The SQL expression cuts the same.
        let sql = format!("SELECT {}", cut_sql("NULL", "1", "0", "6", "7"));
        let text: String = conn.query_row(&sql, [], |r| r.get(0)).unwrap();
        assert_eq!(text, "الفنانة");
    }
}
