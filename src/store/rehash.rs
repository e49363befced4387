//! Migration 0006's Rust step: content hashes over content only (words joined by single
//! spaces), the articles whose hashes become equal merged into the oldest of them, then a story
//! for every stored article, in id order as ingest would have built them. The step is recorded
//! as a run; each merged article in `merged_articles`.
//!
//! A merged article's sources, mentions, statement occurrences and relations move to the
//! survivor. The two documents have the same words with other whitespace, so an offset maps to
//! the survivor's document through the n-th character that is not whitespace, and its sentence
//! number is read off the survivor's sentences.

use std::collections::HashMap;

use rusqlite::{Connection, Transaction, params};

use crate::article::{document, document_hash, hex};
use crate::error::{Result, SqlContext};
use crate::extract::text::Doc;
use crate::store::writer::SearchForms;
use crate::story::Signature;

/// Re-hashes every article, merges the ones that collide, and builds stories.
pub(crate) fn rehash_and_build_stories(tx: &Transaction) -> Result<()> {
    let doing = || "recording migration 0006 as a run".to_owned();
    let articles: i64 = tx
        .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
        .doing(doing)?;
    if articles == 0 {
        return Ok(());
    }
    tx.execute(
        "INSERT INTO runs (started_at, command) VALUES (?1, 'migrate 0006_stories.sql: re-hash articles, build stories')",
        [crate::now()],
    )
    .doing(doing)?;
    let run = tx.last_insert_rowid();
    let merged = rehash(tx, run)?;
    build_stories(tx, run)?;
    tx.execute(
        "UPDATE runs SET finished_at = ?2, status = 'done', articles_duplicate = ?3 WHERE id = ?1",
        params![run, crate::now(), merged as i64],
    )
    .doing(doing)?;
    Ok(())
}

/// Title and paragraphs of a stored article.
fn parts(conn: &Connection, id: i64) -> Result<(String, Vec<String>)> {
    let doing = || format!("reading article {id} (migration 0006)");
    let title: String = conn
        .prepare_cached("SELECT title FROM articles WHERE id = ?1")
        .and_then(|mut s| s.query_row([id], |r| r.get(0)))
        .doing(doing)?;
    let mut stmt = conn
        .prepare_cached(
            "SELECT p.text FROM article_paragraphs ap JOIN paragraphs p ON p.id = ap.paragraph_id
              WHERE ap.article_id = ?1 ORDER BY ap.position",
        )
        .doing(doing)?;
    let paragraphs = stmt
        .query_map([id], |r| r.get(0))
        .doing(doing)?
        .collect::<rusqlite::Result<_>>()
        .doing(doing)?;
    Ok((title, paragraphs))
}

fn article_ids(conn: &Connection) -> Result<Vec<(i64, String)>> {
    let doing = || "listing articles (migration 0006)".to_owned();
    let mut stmt = conn
        .prepare("SELECT id, content_hash FROM articles ORDER BY id")
        .doing(doing)?;
    let ids = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .doing(doing)?
        .collect::<rusqlite::Result<_>>()
        .doing(doing)?;
    Ok(ids)
}

/// New hashes for every article; returns how many articles were merged into another.
fn rehash(tx: &Transaction, run: i64) -> Result<usize> {
    let mut first: HashMap<String, i64> = HashMap::new();
    let mut changed: Vec<(i64, String)> = Vec::new();
    let mut losers: Vec<(i64, i64, String)> = Vec::new();
    for (id, old) in article_ids(tx)? {
        let (title, paragraphs) = parts(tx, id)?;
        let new = hex(&document_hash(&title, &paragraphs));
        match first.get(&new) {
            Some(&survivor) => losers.push((id, survivor, old)),
            None => {
                first.insert(new.clone(), id);
                if new != old {
                    changed.push((id, new));
                }
            }
        }
    }
    for (loser, survivor, old) in &losers {
        merge(tx, *loser, *survivor, old, run)?;
    }
    // The merged articles are gone, so no new hash meets an old one still stored.
    for (id, new) in changed {
        tx.prepare_cached("UPDATE articles SET content_hash = ?2 WHERE id = ?1")
            .and_then(|mut s| s.execute(params![id, new]))
            .doing(|| "storing a new content hash (migration 0006)".into())?;
    }
    Ok(losers.len())
}

/// Maps character offsets of one document into another with the same words: through the count
/// of characters before the offset that are not whitespace.
struct OffsetMap {
    /// For each offset of the old document, the non-whitespace characters before it.
    before: Vec<usize>,
    /// The offset of each non-whitespace character of the new document.
    at: Vec<usize>,
    /// Length of the new document in characters.
    len: usize,
}

impl OffsetMap {
    fn new(old: &str, new: &str) -> OffsetMap {
        let mut before = vec![0];
        let mut n = 0;
        for c in old.chars() {
            n += usize::from(!c.is_whitespace());
            before.push(n);
        }
        let at = new
            .chars()
            .enumerate()
            .filter(|(_, c)| !c.is_whitespace())
            .map(|(i, _)| i)
            .collect();
        OffsetMap {
            before,
            at,
            len: new.chars().count(),
        }
    }

    fn k(&self, offset: usize) -> usize {
        self.before[offset.min(self.before.len() - 1)]
    }

    /// Where a span starting at `offset` starts in the new document.
    fn start(&self, offset: usize) -> usize {
        self.at.get(self.k(offset)).copied().unwrap_or(self.len)
    }

    /// Where a span ending at `offset` (exclusive) ends in the new document.
    fn end(&self, offset: usize) -> usize {
        match self.k(offset) {
            0 => 0,
            k => self.at.get(k - 1).map_or(self.len, |p| p + 1),
        }
    }
}

/// Merges article `loser` into `survivor` (same words, other whitespace).
fn merge(tx: &Transaction, loser: i64, survivor: i64, old_hash: &str, run: i64) -> Result<()> {
    let doing = merging(loser, survivor);
    let (lt, lp) = parts(tx, loser)?;
    let (st, sp) = parts(tx, survivor)?;
    let new_doc = document(&st, &sp);
    let map = OffsetMap::new(&document(&lt, &lp), &new_doc);
    let sentences = SentenceStarts::of(&new_doc);
    tx.execute(
        "UPDATE articles SET published_at = coalesce(articles.published_at, l.published_at), url = coalesce(articles.url, l.url),
                outlet = coalesce(articles.outlet, l.outlet), author = coalesce(articles.author, l.author),
                category = coalesce(articles.category, l.category)
           FROM (SELECT * FROM articles WHERE id = ?2) AS l WHERE articles.id = ?1",
        params![survivor, loser],
    )
    .doing(doing)?;
    let moved = Move {
        tx,
        loser,
        survivor,
        map: &map,
        sentences: &sentences,
    };
    moved.mentions_and_relations()?;
    moved.statement_occurrences()?;
    // The loser's index entry goes; a database older than 0007 held other forms, but 0007, which
    // always follows, empties and re-fills the whole index.
    let forms = SearchForms::of(&lt, &lp.join("\n\n"));
    tx.execute(
        "INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', ?1, ?2, ?3)",
        params![loser, forms.title, forms.body],
    )
    .doing(doing)?;
    remove_merged(tx, loser, survivor, old_hash, run)
}

/// What a merge's SQL errors say was being done.
fn merging(loser: i64, survivor: i64) -> impl Fn() -> String + Copy {
    move || format!("merging article {loser} into {survivor} (migration 0006)")
}

/// The sentences of a document: (start offset, sentence number), in order.
struct SentenceStarts(Vec<(usize, usize)>);

impl SentenceStarts {
    fn of(document: &str) -> SentenceStarts {
        SentenceStarts(
            Doc::new(document)
                .sentences
                .iter()
                .map(|s| (s.start, s.index))
                .collect(),
        )
    }

    /// The number of the sentence holding offset `pos`.
    fn at(&self, pos: usize) -> i64 {
        self.0
            .iter()
            .take_while(|(start, _)| *start <= pos)
            .last()
            .map_or(0, |(_, i)| *i as i64)
    }
}

/// The move of one article's spans into the article it is merged into, offsets mapped.
struct Move<'a> {
    tx: &'a Transaction<'a>,
    loser: i64,
    survivor: i64,
    map: &'a OffsetMap,
    sentences: &'a SentenceStarts,
}

impl Move<'_> {
    fn doing(&self) -> impl Fn() -> String {
        merging(self.loser, self.survivor)
    }

    /// The loser's (key, start, end) rows of a query.
    fn spans(&self, sql: &str) -> Result<Vec<(i64, usize, usize)>> {
        let mut stmt = self.tx.prepare(sql).doing(self.doing())?;
        let rows = stmt
            .query_map([self.loser], |r| {
                Ok((r.get(0)?, r.get::<_, i64>(1)? as usize, r.get::<_, i64>(2)? as usize))
            })
            .doing(self.doing())?
            .collect::<rusqlite::Result<_>>()
            .doing(self.doing())?;
        Ok(rows)
    }

    /// Mentions and relations moved in place (a row the survivor already has stays behind).
    fn mentions_and_relations(&self) -> Result<()> {
        for (table, key) in [("mentions", "id"), ("relations", "id")] {
            for (id, start, end) in
                self.spans(&format!("SELECT {key}, start, end FROM {table} WHERE article_id = ?1"))?
            {
                let (s, e) = (self.map.start(start), self.map.end(end));
                self.tx
                    .execute(
                        &format!(
                            "UPDATE OR IGNORE {table} SET article_id = ?2, start = ?3, end = ?4, sentence = ?5 WHERE {key} = ?1"
                        ),
                        params![id, self.survivor, s as i64, e.max(s) as i64, self.sentences.at(s)],
                    )
                    .doing(self.doing())?;
            }
        }
        Ok(())
    }

    /// statement_occurrences has no rowid: copied with mapped offsets (the old rows are
    /// dropped with the article).
    fn statement_occurrences(&self) -> Result<()> {
        for (statement, start, end) in
            self.spans("SELECT statement_id, start, end FROM statement_occurrences WHERE article_id = ?1")?
        {
            let (s, e) = (self.map.start(start), self.map.end(end));
            self.tx
                .execute(
                    "INSERT OR IGNORE INTO statement_occurrences
                            (statement_id, article_id, sentence, start, end, cue, speaker_surface, extractor_version)
                     SELECT statement_id, ?3, ?4, ?5, ?6, cue, speaker_surface, extractor_version
                       FROM statement_occurrences WHERE statement_id = ?1 AND article_id = ?2 AND start = ?7",
                    params![
                        statement,
                        self.loser,
                        self.survivor,
                        self.sentences.at(s),
                        s as i64,
                        e.max(s) as i64,
                        start as i64
                    ],
                )
                .doing(self.doing())?;
        }
        Ok(())
    }
}

/// The merged article's rows gone (its sources moved, its paragraphs kept while another article
/// holds them), and recorded in `merged_articles`.
fn remove_merged(tx: &Transaction, loser: i64, survivor: i64, old_hash: &str, run: i64) -> Result<()> {
    let doing = merging(loser, survivor);
    tx.execute_batch(&format!(
        "UPDATE OR IGNORE sources SET article_id = {survivor} WHERE article_id = {loser};
         DELETE FROM sources WHERE article_id = {loser};
         DELETE FROM mentions WHERE article_id = {loser};
         DELETE FROM relations WHERE article_id = {loser};
         DELETE FROM statement_occurrences WHERE article_id = {loser};
         CREATE TEMP TABLE IF NOT EXISTS merged_paragraphs (id INTEGER PRIMARY KEY);
         INSERT OR IGNORE INTO merged_paragraphs SELECT paragraph_id FROM article_paragraphs WHERE article_id = {loser};
         DELETE FROM article_paragraphs WHERE article_id = {loser};
         DELETE FROM paragraphs WHERE id IN (SELECT id FROM merged_paragraphs)
            AND NOT EXISTS (SELECT 1 FROM article_paragraphs ap WHERE ap.paragraph_id = paragraphs.id);
         DELETE FROM merged_paragraphs;"
    ))
    .doing(doing)?;
    tx.execute(
        "INSERT INTO merged_articles (article_id, content_hash, into_id, run_id) VALUES (?1, ?2, ?3, ?4)",
        params![loser, old_hash, survivor, run],
    )
    .doing(doing)?;
    tx.execute("DELETE FROM articles WHERE id = ?1", [loser]).doing(doing)?;
    Ok(())
}

/// A story for every article, in id order.
fn build_stories(tx: &Transaction, run: i64) -> Result<()> {
    for (id, _) in article_ids(tx)? {
        let (title, paragraphs) = parts(tx, id)?;
        let sig = Signature::of(&title, &paragraphs);
        super::stories::assign_stored(tx, id, &sig, run)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    use super::*;
    use crate::article::{Article, sha256};
    use crate::store::migrate::{migrate, old_database};

    // ANT, Alarabia/culture/AL-culture-590-20180715: the same words paragraphed two ways.
    const TITLE: &str = "هكذا ردت إليسا على اتهامها بالسرقة";
    const ONE: [&str; 2] = [
        "قررت الفنانة إليسا أن ترد على كل ما أثير حولها في الأيام الماضية على طريقتها الخاصة.",
        "بعد الجدل الذي تسببت فيه أغنيتها الجديدة حيث غردت إليسا قائلة إلى كل اللي بيحاربوني.",
    ];
    const OTHER: [&str; 1] = [
        "قررت الفنانة إليسا أن ترد على كل ما أثير حولها في الأيام الماضية على طريقتها الخاصة. بعد الجدل الذي تسببت فيه أغنيتها الجديدة حيث غردت إليسا قائلة إلى كل اللي بيحاربوني.",
    ];

    fn old_hash(paragraphs: &[&str]) -> String {
        let owned: Vec<String> = paragraphs.iter().map(|p| p.to_string()).collect();
        hex(&sha256(document(TITLE, &owned).as_bytes()))
    }

    /// A database at schema version 5 holding both paragraphings as two articles (what isnad
    /// wrote before 0006), with a source each and, on the second, a mention of إليسا in its second
    /// sentence, a statement and a relation.
    fn version_5_database() -> Connection {
        let conn = old_database(5);
        for (id, pars) in [(1i64, &ONE[..]), (2, &OTHER[..])] {
            conn.execute(
                "INSERT INTO articles (id, content_hash, title, lang, first_seen, run_id) VALUES (?1, ?2, ?3, 'ar', '2026-01-01', 1)",
                params![id, old_hash(pars), TITLE],
            )
            .unwrap();
            for (pos, p) in pars.iter().enumerate() {
                conn.execute(
                    "INSERT OR IGNORE INTO paragraphs (hash, text) VALUES (?1, ?2)",
                    params![&sha256(p.as_bytes())[..], p],
                )
                .unwrap();
                conn.execute(
                    "INSERT INTO article_paragraphs SELECT ?1, ?2, id FROM paragraphs WHERE text = ?3",
                    params![id, pos as i64, p],
                )
                .unwrap();
            }
            let forms = SearchForms::of(TITLE, &pars.join("\n\n"));
            conn.execute(
                "INSERT INTO articles_fts (rowid, title, body) VALUES (?1, ?2, ?3)",
                params![id, forms.title, forms.body],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO sources (article_id, path, run_id, seen_at) VALUES (?1, ?2, 1, '2026-01-01')",
                params![id, format!("file{id}.txt")],
            )
            .unwrap();
        }
        // In article 2, إليسا of «غردت إليسا»: after the title (34), "\n\n" and 127 characters.
        let doc2 = document(TITLE, &[OTHER[0].to_owned()]);
        let start = doc2
            .chars()
            .collect::<String>()
            .find("غردت إليسا")
            .map(|b| doc2[..b].chars().count() + 5)
            .unwrap();
        conn.execute_batch(&format!(
            "INSERT INTO actors (id, key, name, kind, origin) VALUES (1, 'person:اليسا', 'إليسا', 'person', 'extracted'), (2, 'lex:LB', 'لبنان', 'country', 'lexicon');
             INSERT INTO mentions (actor_id, article_id, sentence, start, end, surface, extractor_version) VALUES (1, 2, 1, {start}, {}, 'إليسا', 8);
             INSERT INTO statements (id, key, speaker_id, text, kind) VALUES (1, 'k', 1, 'إلى كل اللي بيحاربوني', 'direct');
             INSERT INTO statement_occurrences VALUES (1, 2, 1, {}, {}, 'قائلة', 'إليسا', 8);
             INSERT INTO relations (article_id, subject_id, predicate, object_id, evidence, sentence, start, end, extractor_version)
                  VALUES (2, 1, 'affiliation', 2, 'e', 1, {start}, {}, 8);",
            start + 5,
            start + 12,
            start + 33,
            start + 5
        ))
        .unwrap();
        conn
    }

    #[test]
    fn migration_6_merges_articles_that_differ_only_in_paragraphing_and_loses_nothing() {
        let mut conn = version_5_database();
        migrate(&mut conn, ":memory:").expect("migrating");
        let one = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
        assert_eq!(one("SELECT count(*) FROM articles"), 1);
        assert_eq!(one("SELECT count(*) FROM sources WHERE article_id = 1"), 2);
        assert_eq!(
            one("SELECT count(*) FROM merged_articles WHERE article_id = 2 AND into_id = 1"),
            1
        );
        assert_eq!(
            one(
                "SELECT count(*) FROM runs WHERE command LIKE 'migrate 0006%' AND status = 'done' AND articles_duplicate = 1"
            ),
            1
        );
        assert_eq!(one("SELECT count(*) FROM articles WHERE story_id IS NULL"), 0);
        assert_eq!(
            one("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'اليسا'"),
            1
        );
        // The hash is what a fresh ingest computes.
        let fresh = Article::from_stored(TITLE.into(), ONE.iter().map(|p| p.to_string()).collect(), "ar".into());
        let hash: String = conn
            .query_row("SELECT content_hash FROM articles", [], |r| r.get(0))
            .unwrap();
        assert_eq!(hash, fresh.hash_hex());
        // The mention, statement and relation moved, their offsets now into article 1's document
        // (إليسا in its third sentence).
        let doc: Vec<char> = fresh.document().chars().collect();
        let cut = |s: i64, e: i64| doc[s as usize..e as usize].iter().collect::<String>();
        let (s, e, sentence): (i64, i64, i64) = conn
            .query_row(
                "SELECT start, end, sentence FROM mentions WHERE article_id = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!((cut(s, e).as_str(), sentence), ("إليسا", 2));
        let (s, e): (i64, i64) = conn
            .query_row(
                "SELECT start, end FROM statement_occurrences WHERE article_id = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!(cut(s, e), "إلى كل اللي بيحاربوني");
        assert_eq!(one("SELECT count(*) FROM relations WHERE article_id = 1"), 1);
        let check: i64 = conn
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, 0);
    }
}
