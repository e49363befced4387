//! Relations: the `relations` listing and the relations of an actor's profile. Relations are
//! grouped into facts (one per story, subject, predicate, object, negation and role), each
//! shown by its surest row with counts of articles and outlets. Two reads: the rows of
//! `relation_spans` a filter selects, grouped into facts here, ordered and limited; then the names,
//! codes and evidence of the facts listed, each read once.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::hash_map::Entry;
use std::collections::{BTreeSet, HashMap};

use foldhash::fast::RandomState;

use serde::Serialize;

use super::filter::{Conditions, id_list};
use super::{names, sql_err};
use crate::error::{Result, SqlContext};
use crate::store::Store;
use crate::store::paragraphs::cut;

/// A relation in a listing.
#[derive(Debug, Serialize)]
pub struct RelationRow {
    /// Database id.
    pub id: i64,
    /// Canonical name of the subject.
    pub subject: String,
    /// Predicate.
    pub predicate: String,
    /// Canonical name of the object.
    pub object: String,
    /// Whether the text denies or cancels it.
    pub negated: bool,
    /// Role, for affiliations.
    pub role: Option<String>,
    /// How sure extraction is of it, 0..1.
    pub confidence: f64,
    /// The article.
    pub article_id: i64,
    /// The evidence sentence.
    pub evidence: String,
    /// Character offsets of the evidence in the article document.
    pub start: i64,
    /// End offset (exclusive).
    pub end: i64,
    /// PLOVER event type.
    pub plover: Option<String>,
    /// CAMEO code.
    pub cameo: Option<String>,
    /// In how many articles of its story it was found (the row shown is the first).
    pub articles: i64,
    /// From how many outlets (an article without one counts as one).
    pub outlets: i64,
    /// The outlets' names.
    pub outlet_names: Vec<String>,
}

/// Filters for `relations`.
#[derive(Debug, Default)]
pub struct RelationFilter {
    /// An actor taking part (any alias).
    pub actor: Option<String>,
    /// Actors taking part, as ids already resolved (merged actors included); instead of `actor`.
    pub actor_ids: Option<Vec<i64>>,
    /// Predicate name.
    pub predicate: Option<String>,
    /// Only relations from this article.
    pub article: Option<i64>,
    /// At most this many.
    pub limit: Option<u64>,
}

/// A row of `relation_spans` as facts are grouped and shown: subject and object as the actors
/// they were merged into, its article's outlet, and where its evidence is. Its predicate is its
/// fact's ([`FactKey`]).
pub(crate) struct Span {
    id: i64,
    article_id: i64,
    subject: i64,
    object: i64,
    negated: bool,
    role: Option<u32>,
    confidence: f64,
    start: i64,
    end: i64,
    outlet: Option<u32>,
    evidence: Evidence,
}

/// The strings rows repeat (predicates, roles, outlets: a few dozen), each kept once under a
/// number, so that reading a row allocates nothing.
#[derive(Default)]
struct Words {
    numbers: HashMap<String, u32, RandomState>,
    words: Vec<String>,
}

impl Words {
    /// The number of `word`, a new one when it is new.
    fn number(&mut self, word: &str) -> u32 {
        if let Some(&n) = self.numbers.get(word) {
            return n;
        }
        let n = self.words.len() as u32;
        self.words.push(word.to_owned());
        self.numbers.insert(word.to_owned(), n);
        n
    }

    /// The word numbered `n`.
    fn word(&self, n: u32) -> &str {
        &self.words[n as usize]
    }

    /// The number of the text in column `i` of `r`, none for NULL.
    fn read(&mut self, r: &rusqlite::Row, i: usize) -> rusqlite::Result<Option<u32>> {
        let value = r.get_ref(i)?;
        if value == rusqlite::types::ValueRef::Null {
            return Ok(None);
        }
        let text = value
            .as_str()
            .map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, value.data_type(), Box::new(e)))?;
        Ok(Some(self.number(text)))
    }
}

/// Where a relation's evidence is (see [`crate::store::paragraphs::EVIDENCE`], the same in SQL).
enum Evidence {
    /// Stored with the row.
    Stored(String),
    /// In this paragraph (its id), from this character.
    Paragraph(i64, i64),
    /// In the article's title (given), from this character.
    Title(String, i64),
    /// Nowhere (no place and no text).
    Missing,
}

/// A fact: the row that shows it (its surest), its predicate and role and its counts.
pub(crate) struct Fact {
    span: Span,
    predicate: String,
    role: Option<String>,
    articles: i64,
    outlets: i64,
    outlet_names: Vec<String>,
}

/// The facts a filter lists, in order, as grouped: counted only when listed ([`Facts::first`]),
/// as a profile lists the first 20 of thousands.
pub(crate) struct Facts {
    words: Words,
    groups: Vec<(FactKey, Group)>,
}

impl Facts {
    /// How many there are.
    pub(crate) fn count(&self) -> usize {
        self.groups.len()
    }

    /// The first `n`, with their counts.
    pub(crate) fn first(self, n: usize) -> Vec<Fact> {
        let words = self.words;
        let groups = self.groups.into_iter().take(n);
        groups.map(|(k, g)| g.into_fact(k.2, &words)).collect()
    }
}

/// The rows [`Store::facts`] groups, filters on `r` as `{where}`: the row's own columns and its
/// article's, no evidence or name (both are read for the facts shown only,
/// [`Store::relation_rows`]). Actors are made canonical in Rust ([`Store::merged_actors`]): two
/// joins to `actors` were two look-ups per row.
const SPANS: &str = "SELECT r.id, r.article_id, r.subject_id, r.predicate, r.object_id, r.negated, r.role,
        r.confidence, r.start, r.end, a.story_id, a.outlet, r.evidence,
        a.first_paragraph + r.evidence_paragraph, r.evidence_offset,
        CASE WHEN r.evidence IS NULL AND r.evidence_paragraph < 0 THEN a.title END
   FROM relation_spans r
   JOIN articles a ON a.id = r.article_id
  {where}";

/// A predicate's PLOVER and CAMEO codes.
type Codes = (Option<String>, Option<String>);

/// What makes relations one fact: the story (or the article without one), subject, predicate,
/// object, negation and role (none and empty alike).
type FactKey = (i64, i64, u32, i64, bool, u32);

/// A fact being grouped: its surest row so far, and the article and outlet of each of its rows.
struct Group {
    surest: Span,
    seen: Vec<(i64, Option<u32>)>,
}

impl Group {
    fn new(span: Span) -> Group {
        Group {
            seen: Vec::new(),
            surest: span,
        }
    }

    /// Adds a row: the surest is the most confident, the first by id among equals.
    fn add(&mut self, mut span: Span) {
        let surer = match span.confidence.partial_cmp(&self.surest.confidence) {
            Some(Ordering::Greater) => true,
            Some(Ordering::Equal) => span.id < self.surest.id,
            _ => false,
        };
        if surer {
            std::mem::swap(&mut self.surest, &mut span);
        }
        self.seen.push((span.article_id, span.outlet));
    }

    /// The fact: its articles and outlets counted (an article without an outlet counts as one,
    /// as `#` and its id), the outlets' names each once.
    fn into_fact(mut self, predicate: u32, words: &Words) -> Fact {
        self.seen.push((self.surest.article_id, self.surest.outlet));
        let mut articles: Vec<i64> = self.seen.iter().map(|s| s.0).collect();
        let mut outlets: Vec<Cow<str>> = self
            .seen
            .iter()
            .map(|&(article, outlet)| match outlet {
                Some(n) => Cow::Borrowed(words.word(n)),
                None => Cow::Owned(format!("#{article}")),
            })
            .collect();
        let mut named: Vec<&str> = self.seen.iter().filter_map(|s| s.1.map(|n| words.word(n))).collect();
        let (articles, outlets) = (distinct(&mut articles), distinct(&mut outlets));
        distinct(&mut named);
        let outlet_names = names((!named.is_empty()).then(|| named.join(",")));
        Fact {
            predicate: words.word(predicate).to_owned(),
            role: self.surest.role.map(|n| words.word(n).to_owned()),
            span: self.surest,
            articles,
            outlets,
            outlet_names,
        }
    }
}

impl Store {
    /// Lists relations, the surest first (confidence descending, then id). The same relation
    /// (subject, predicate, object, negation) found in several articles of one story is one fact,
    /// listed once with its counts of articles and outlets.
    pub fn relations(&self, f: &RelationFilter) -> Result<Vec<RelationRow>> {
        let facts = self.facts(f)?.first(usize::MAX);
        self.relation_rows(&facts)
    }

    /// The facts a filter lists, surest first (by their surest row's confidence, then its id).
    /// Grouped here rather than in SQL: SQLite's `count(DISTINCT …)`s kept a temporary b-tree
    /// per fact and per count, two thirds of `relations --actor ترامب` (4,054 facts).
    pub(crate) fn facts(&self, f: &RelationFilter) -> Result<Facts> {
        let c = self.fact_conditions(f)?;
        let sql = SPANS.replace("{where}", &c.where_clause());
        let mut stmt = self.conn.prepare(&sql).doing(sql_err("listing relations"))?;
        let merged = self.merged_actors()?;
        let canonical = |id: i64| merged.get(&id).copied().unwrap_or(id);
        let mut rows = stmt.query(c.params()).doing(sql_err("listing relations"))?;
        let mut groups: HashMap<FactKey, Group, RandomState> = HashMap::default();
        let mut words = Words::default();
        while let Some(r) = rows.next().doing(sql_err("listing relations"))? {
            let (key, s) = span(r, canonical, &mut words).doing(sql_err("listing relations"))?;
            match groups.entry(key) {
                Entry::Occupied(mut g) => g.get_mut().add(s),
                Entry::Vacant(v) => _ = v.insert(Group::new(s)),
            }
        }
        let mut groups: Vec<(FactKey, Group)> = groups.into_iter().collect();
        groups.sort_unstable_by(|(_, a), (_, b)| {
            let (a, b) = (&a.surest, &b.surest);
            b.confidence
                .partial_cmp(&a.confidence)
                .unwrap_or(Ordering::Equal)
                .then(a.id.cmp(&b.id))
        });
        groups.truncate(f.limit.map_or(usize::MAX, |n| n as usize));
        Ok(Facts { words, groups })
    }

    /// The conditions on `r` (a row of `relation_spans`) a filter sets.
    fn fact_conditions(&self, f: &RelationFilter) -> Result<Conditions> {
        let mut c = Conditions::default();
        let actors = match (&f.actor_ids, &f.actor) {
            (Some(ids), _) => Some(ids.clone()),
            (None, Some(actor)) => Some(self.with_merged(&self.actor_ids_named(actor)?)?),
            (None, None) => None,
        };
        if let Some(ids) = actors {
            let ids = id_list(&ids);
            c.add(format!("(r.subject_id IN ({ids}) OR r.object_id IN ({ids}))"));
        }
        if let Some(p) = &f.predicate {
            c.bind("r.predicate = ?", p.clone());
        }
        if let Some(article) = f.article {
            c.bind("r.article_id = ?", article);
        }
        Ok(c)
    }

    /// The rows that show `facts`, in their order: their actors' names, their predicates'
    /// codes and their evidence, each read once.
    pub(crate) fn relation_rows(&self, facts: &[Fact]) -> Result<Vec<RelationRow>> {
        let actors: BTreeSet<i64> = facts.iter().flat_map(|f| [f.span.subject, f.span.object]).collect();
        let names = self.names_of(&actors.into_iter().collect::<Vec<_>>())?;
        let codes = self.predicate_codes()?;
        let mut evidence = self.evidence(facts)?;
        let name = |id| names.get(&id).cloned().unwrap_or_default();
        Ok(facts
            .iter()
            .zip(evidence.iter_mut())
            .map(|(f, evidence)| {
                let s = &f.span;
                let (plover, cameo) = codes.get(&f.predicate).cloned().unwrap_or_default();
                RelationRow {
                    id: s.id,
                    subject: name(s.subject),
                    predicate: f.predicate.clone(),
                    object: name(s.object),
                    negated: s.negated,
                    role: f.role.clone(),
                    confidence: s.confidence,
                    article_id: s.article_id,
                    evidence: std::mem::take(evidence),
                    start: s.start,
                    end: s.end,
                    plover,
                    cameo,
                    articles: f.articles,
                    outlets: f.outlets,
                    outlet_names: f.outlet_names.clone(),
                }
            })
            .collect())
    }

    /// The evidence of each of `facts`' rows, in order; the paragraphs that hold them are read
    /// once each, in one query.
    fn evidence(&self, facts: &[Fact]) -> Result<Vec<String>> {
        let mut out = Vec::with_capacity(facts.len());
        let mut wanted: HashMap<i64, Vec<usize>> = HashMap::new();
        for (i, f) in facts.iter().enumerate() {
            let len = f.span.end - f.span.start;
            out.push(match &f.span.evidence {
                Evidence::Stored(text) => text.clone(),
                Evidence::Title(title, offset) => cut(title.as_bytes(), *offset, len),
                Evidence::Paragraph(id, _) => {
                    wanted.entry(*id).or_default().push(i);
                    String::new()
                }
                Evidence::Missing => String::new(),
            });
        }
        let ids: Vec<i64> = wanted.keys().copied().collect();
        let sql = format!("SELECT id, text FROM paragraphs WHERE id IN ({})", id_list(&ids));
        let mut stmt = self.conn.prepare(&sql).doing(sql_err("reading evidence"))?;
        let mut rows = stmt.query([]).doing(sql_err("reading evidence"))?;
        while let Some(row) = rows.next().doing(sql_err("reading evidence"))? {
            let id: i64 = row.get(0).doing(sql_err("reading evidence"))?;
            let text = row.get_ref(1).and_then(|t| Ok(t.as_bytes()?));
            let text = text.doing(sql_err("reading evidence"))?;
            for &i in wanted.get(&id).into_iter().flatten() {
                let s = &facts[i].span;
                if let Evidence::Paragraph(_, offset) = s.evidence {
                    out[i] = cut(text, offset, s.end - s.start);
                }
            }
        }
        Ok(out)
    }

    /// The names of the actors `ids`.
    fn names_of(&self, ids: &[i64]) -> Result<HashMap<i64, String>> {
        let sql = format!("SELECT id, name FROM actors WHERE id IN ({})", id_list(ids));
        super::pairs(&self.conn, &sql, "reading actor names")
    }

    /// The PLOVER and CAMEO codes of every predicate (a few dozen rows).
    fn predicate_codes(&self) -> Result<HashMap<String, Codes>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT name, plover, cameo FROM predicates")
            .doing(sql_err("reading predicates"))?;
        let codes = stmt
            .query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))
            .doing(sql_err("reading predicates"))?
            .collect::<rusqlite::Result<_>>()
            .doing(sql_err("reading predicates"))?;
        Ok(codes)
    }
}

/// How many different values `v` holds, sorting it and leaving each once.
fn distinct<T: Ord>(v: &mut Vec<T>) -> i64 {
    v.sort();
    v.dedup();
    v.len() as i64
}

/// A row of [`SPANS`]: its fact and itself.
fn span(r: &rusqlite::Row, canonical: impl Fn(i64) -> i64, words: &mut Words) -> rusqlite::Result<(FactKey, Span)> {
    let evidence = match (r.get(12)?, r.get(13)?, r.get::<_, Option<i64>>(14)?, r.get(15)?) {
        (Some(text), _, _, _) => Evidence::Stored(text),
        (None, _, Some(offset), Some(title)) => Evidence::Title(title, offset),
        (None, Some(paragraph), Some(offset), None) => Evidence::Paragraph(paragraph, offset),
        _ => Evidence::Missing,
    };
    let span = Span {
        id: r.get(0)?,
        article_id: r.get(1)?,
        subject: canonical(r.get(2)?),
        object: canonical(r.get(4)?),
        negated: r.get(5)?,
        role: words.read(r, 6)?,
        confidence: r.get(7)?,
        start: r.get(8)?,
        end: r.get(9)?,
        outlet: words.read(r, 11)?,
        evidence,
    };
    let story: Option<i64> = r.get(10)?;
    let key = (
        story.unwrap_or(-span.article_id),
        span.subject,
        words.read(r, 3)?.unwrap_or_else(|| words.number("")),
        span.object,
        span.negated,
        span.role.unwrap_or_else(|| words.number("")),
    );
    Ok((key, span))
}
