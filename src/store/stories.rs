//! Stories in the store: which story a new article joins (LSH band look-up, verification by
//! signature), the band and signature rows that let later articles find it, and the story
//! listings (`stories`, the other articles of a story in `show`, `similar`).
//!
//! Every article belongs to exactly one story. `assign` and `add_bands` run in the
//! transaction that stores the article, so a kill leaves an article with its story or neither.
//! The cost per article is bounded: one look-up of `BANDS` keys (at most `CANDIDATE_ROWS`
//! rows read), at most `VERIFIED` signatures read, `BANDS` rows written.

use std::collections::HashMap;
use std::sync::LazyLock;

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use super::Store;
use super::query::{Conditions, DateBound, limit, names};
use crate::error::{Result, SqlContext};
use crate::story::{BANDS, JOIN, Signature, jaccard, shingles};

/// Band rows read per look-up at most, whatever the keys' popularity.
const CANDIDATE_ROWS: usize = 400;
/// Candidates whose signature is compared at most (those sharing the most bands).
const VERIFIED: usize = 24;

/// The story an article joins, and why.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Membership {
    /// The story.
    pub story: i64,
    /// The earlier article it matched best (none: it started the story).
    pub matched: Option<i64>,
    /// Their estimated Jaccard index.
    pub similarity: Option<f64>,
}

/// The band look-up and insert statements (built once: they list [`BANDS`] parameters).
static BAND_LOOKUP: LazyLock<String> = LazyLock::new(band_lookup_sql);
static BAND_INSERT: LazyLock<String> = LazyLock::new(band_insert_sql);

fn band_lookup_sql() -> String {
    let keys = (1..=BANDS).map(|i| format!("?{i}")).collect::<Vec<_>>().join(",");
    format!("SELECT article_id FROM story_bands WHERE key IN ({keys}) LIMIT {CANDIDATE_ROWS}")
}

fn band_insert_sql() -> String {
    let rows = (0..BANDS)
        .map(|i| format!("(?{}, ?{})", i + 2, 1))
        .collect::<Vec<_>>()
        .join(",");
    format!("INSERT OR IGNORE INTO story_bands (key, article_id) VALUES {rows}")
}

/// The stored signature of an article.
fn signature_of(conn: &Connection, article: i64) -> Result<Option<Signature>> {
    let bytes: Option<Vec<u8>> = conn
        .prepare_cached("SELECT signature FROM story_signatures WHERE article_id = ?1")
        .and_then(|mut s| s.query_row([article], |r| r.get(0)).optional())
        .doing(|| "reading a story signature".into())?;
    Ok(bytes.and_then(|b| Signature::from_bytes(&b)))
}

/// The earlier article most similar to `sig` at or above [`JOIN`], with its similarity.
pub(crate) fn best_match(conn: &Connection, sig: &Signature) -> Result<Option<(i64, f64)>> {
    if sig.is_empty() {
        return Ok(None);
    }
    let keys = sig.bands();
    let mut shared: HashMap<i64, usize> = HashMap::new();
    {
        let mut stmt = conn
            .prepare_cached(&BAND_LOOKUP)
            .doing(|| "looking up story bands".into())?;
        let mut rows = stmt
            .query(rusqlite::params_from_iter(keys.iter()))
            .doing(|| "looking up story bands".into())?;
        while let Some(row) = rows.next().doing(|| "looking up story bands".into())? {
            *shared
                .entry(row.get(0).doing(|| "looking up story bands".into())?)
                .or_default() += 1;
        }
    }
    let mut candidates: Vec<(i64, usize)> = shared.into_iter().collect();
    // Most bands shared first, then the earliest article.
    candidates.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut best: Option<(i64, f64)> = None;
    for &(id, _) in candidates.iter().take(VERIFIED) {
        let Some(other) = signature_of(conn, id)? else { continue };
        let s = sig.similarity(&other);
        if s >= JOIN && best.is_none_or(|(b, bs)| s > bs || (s == bs && id < b)) {
            best = Some((id, s));
        }
    }
    Ok(best)
}

/// The story a new article with signature `sig` joins: its best earlier match's, or a new
/// story recorded under `run`.
pub(crate) fn assign(conn: &Connection, sig: &Signature, run: i64) -> Result<Membership> {
    if let Some((matched, similarity)) = best_match(conn, sig)? {
        let story: Option<i64> = conn
            .prepare_cached("SELECT story_id FROM articles WHERE id = ?1")
            .and_then(|mut s| s.query_row([matched], |r| r.get(0)))
            .doing(|| "reading a story".into())?;
        if let Some(story) = story {
            return Ok(Membership {
                story,
                matched: Some(matched),
                similarity: Some(similarity),
            });
        }
    }
    conn.prepare_cached("INSERT INTO stories (run_id) VALUES (?1)")
        .and_then(|mut s| s.execute([run]))
        .doing(|| "starting a story".into())?;
    Ok(Membership {
        story: conn.last_insert_rowid(),
        matched: None,
        similarity: None,
    })
}

/// Stores an article's signature and band keys, so that later articles find it.
pub(crate) fn add_bands(conn: &Connection, article: i64, sig: &Signature) -> Result<()> {
    conn.prepare_cached("INSERT INTO story_signatures (article_id, signature) VALUES (?1, ?2)")
        .and_then(|mut s| s.execute(params![article, sig.to_bytes()]))
        .doing(|| "storing a story signature".into())?;
    if sig.is_empty() {
        return Ok(());
    }
    let keys = sig.bands();
    let mut values: Vec<i64> = Vec::with_capacity(BANDS + 1);
    values.push(article);
    values.extend(keys);
    conn.prepare_cached(&BAND_INSERT)
        .and_then(|mut s| s.execute(rusqlite::params_from_iter(values.iter())))
        .doing(|| "storing story bands".into())?;
    Ok(())
}

/// Assigns a stored article (no story yet) to its story and indexes it: what [`assign`] and
/// [`add_bands`] do at ingest, for articles stored before stories existed (migration 0006).
pub(crate) fn assign_stored(conn: &Connection, article: i64, sig: &Signature, run: i64) -> Result<()> {
    let m = assign(conn, sig, run)?;
    conn.prepare_cached("UPDATE articles SET story_id = ?2, story_match = ?3, story_similarity = ?4 WHERE id = ?1")
        .and_then(|mut s| s.execute(params![article, m.story, m.matched, m.similarity]))
        .doing(|| "recording a story".into())?;
    add_bands(conn, article, sig)
}

/// A story in a listing.
#[derive(Debug, Serialize)]
pub struct StoryRow {
    /// The story id (the `story` of its articles).
    pub id: i64,
    /// The title of its earliest article.
    pub title: String,
    /// How many articles it has.
    pub articles: i64,
    /// From how many outlets (an article without one counts as one).
    pub outlets: i64,
    /// The earliest publication time of its articles (or, when none has one, when isnad first
    /// stored one).
    pub first_seen: Option<String>,
    /// The outlets' names.
    pub outlet_names: Vec<String>,
}

/// Filters for `stories`.
#[derive(Debug, Default)]
pub struct StoryFilter {
    /// First seen at or after.
    pub since: Option<DateBound>,
    /// First seen at or before (the whole period given).
    pub until: Option<DateBound>,
    /// Only stories with at least this many articles.
    pub min_articles: Option<u64>,
    /// At most this many.
    pub limit: Option<u64>,
}

/// Another article of the same story, as `show` lists it.
#[derive(Debug, Serialize)]
pub struct StoryMember {
    /// The article.
    pub id: i64,
    /// Its headline.
    pub title: String,
    /// Its outlet.
    pub outlet: Option<String>,
    /// Estimated Jaccard index with the article shown.
    pub similarity: f64,
}

/// Why two articles are (or are not) one story, as `similar` explains it.
#[derive(Debug, Serialize)]
pub struct Similarity {
    /// The other article.
    pub article_id: i64,
    /// Its headline.
    pub title: String,
    /// Its outlet.
    pub outlet: Option<String>,
    /// Its story.
    pub story: Option<i64>,
    /// Whether it is in the same story.
    pub same_story: bool,
    /// Whether it is the earlier article this one matched when it joined its story.
    pub best_match: bool,
    /// Jaccard index of the word 5-shingles estimated from the signatures.
    pub estimated: f64,
    /// The exact Jaccard index, from the texts.
    pub exact: f64,
    /// How many paragraphs the two share word for word.
    pub shared: usize,
    /// The shared paragraphs (their beginnings).
    pub shared_paragraphs: Vec<String>,
}

/// The article `similar` explains, as the others are compared with it.
struct Compared {
    shingles: Vec<u64>,
    signature: Signature,
    /// Its paragraphs' texts (each article stores its own since 0011: shared ones are equal texts).
    paragraphs: std::collections::HashSet<String>,
    story: Option<i64>,
    /// The article it joined its story through.
    matched: Option<i64>,
}

/// A similarity as shown: three decimals.
fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

impl Store {
    /// Lists stories, most articles first, then by id.
    pub fn stories(&self, f: &StoryFilter) -> Result<Vec<StoryRow>> {
        let first_seen = "min(coalesce(a.published_at, a.first_seen))";
        let mut c = Conditions::default();
        c.dates(first_seen, f.since.as_ref(), f.until.as_ref());
        if let Some(n) = f.min_articles {
            c.bind("count(*) >= ?", n as i64);
        }
        let sql = format!(
            "SELECT s.id,
                    (SELECT title FROM articles f WHERE f.story_id = s.id ORDER BY f.id LIMIT 1),
                    count(*), count(DISTINCT coalesce(a.outlet, '#' || a.id)), {first_seen},
                    group_concat(DISTINCT a.outlet)
               FROM stories s JOIN articles a ON a.story_id = s.id
              GROUP BY s.id {} ORDER BY count(*) DESC, s.id{}",
            c.clause("HAVING"),
            limit(f.limit)
        );
        let doing = || "listing stories".to_owned();
        let mut stmt = self.conn.prepare(&sql).doing(doing)?;
        let rows = stmt
            .query_map(c.params(), |r| {
                Ok(StoryRow {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    articles: r.get(2)?,
                    outlets: r.get(3)?,
                    first_seen: r.get(4)?,
                    outlet_names: names(r.get(5)?),
                })
            })
            .doing(doing)?
            .collect::<rusqlite::Result<_>>()
            .doing(doing)?;
        Ok(rows)
    }

    /// The other articles of an article's story, most similar first.
    pub(crate) fn story_members(&self, article: i64) -> Result<Vec<StoryMember>> {
        let doing = || "reading a story".to_owned();
        let own = signature_of(&self.conn, article)?;
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT b.id, b.title, b.outlet, s.signature FROM articles a
                   JOIN articles b ON b.story_id = a.story_id AND b.id <> a.id
                   LEFT JOIN story_signatures s ON s.article_id = b.id
                  WHERE a.id = ?1 ORDER BY b.id",
            )
            .doing(doing)?;
        let mut members: Vec<StoryMember> = stmt
            .query_map([article], |r| {
                let sig: Option<Vec<u8>> = r.get(3)?;
                let similarity = match (&own, sig.as_deref().and_then(Signature::from_bytes)) {
                    (Some(a), Some(b)) => round3(a.similarity(&b)),
                    _ => 0.0,
                };
                Ok(StoryMember {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    outlet: r.get(2)?,
                    similarity,
                })
            })
            .doing(doing)?
            .collect::<rusqlite::Result<_>>()
            .doing(doing)?;
        members.sort_by(|a, b| b.similarity.total_cmp(&a.similarity).then(a.id.cmp(&b.id)));
        Ok(members)
    }

    /// Explains an article's story: for every other article of it (or for `other` alone), the
    /// estimated and exact Jaccard index and the paragraphs they share.
    pub fn similar(&self, article: i64, other: Option<i64>) -> Result<Vec<Similarity>> {
        let (story, matched): (Option<i64>, Option<i64>) = self
            .conn
            .query_row(
                "SELECT story_id, story_match FROM articles WHERE id = ?1",
                [article],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .doing(|| "comparing articles".to_owned())?;
        let others: Vec<i64> = match other {
            Some(id) => vec![id],
            None => self.story_members(article)?.into_iter().map(|m| m.id).collect(),
        };
        let (title, paragraphs, _, _) = self.article_parts(article)?;
        let shingles = shingles(&title, &paragraphs);
        let own = Compared {
            signature: Signature::of_shingles(&shingles),
            shingles,
            paragraphs: paragraphs.iter().cloned().collect(),
            story,
            matched,
        };
        let mut out = others
            .into_iter()
            .map(|id| self.compared_with(&own, id))
            .collect::<Result<Vec<_>>>()?;
        out.sort_by(|a, b| b.exact.total_cmp(&a.exact).then(a.article_id.cmp(&b.article_id)));
        Ok(out)
    }

    /// How article `id` compares with the one `similar` explains.
    fn compared_with(&self, own: &Compared, id: i64) -> Result<Similarity> {
        let (t, ps, _, _) = self.article_parts(id)?;
        let sh = shingles(&t, &ps);
        let shared_paragraphs: Vec<String> = ps
            .iter()
            .filter(|p| own.paragraphs.contains(*p))
            .map(|p| super::query::cut(p, 0, 80))
            .collect();
        let (story_b, outlet): (Option<i64>, Option<String>) = self
            .conn
            .query_row("SELECT story_id, outlet FROM articles WHERE id = ?1", [id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .doing(|| "comparing articles".to_owned())?;
        Ok(Similarity {
            article_id: id,
            title: t,
            outlet,
            story: story_b,
            same_story: own.story.is_some() && own.story == story_b,
            best_match: own.matched == Some(id),
            estimated: round3(own.signature.similarity(&Signature::of_shingles(&sh))),
            exact: round3(jaccard(&own.shingles, &sh)),
            shared: shared_paragraphs.len(),
            shared_paragraphs,
        })
    }
}
