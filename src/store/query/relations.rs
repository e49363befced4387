//! Relations: the `relations` listing and the relations of an actor's profile. Relations are
//! grouped into facts (one per story, subject, predicate, object, negation and role), each
//! shown by its surest row with counts of articles and outlets. Two reads: the facts, filtered,
//! ordered and limited, then the rows that show the listed ones.

use std::collections::HashMap;

use serde::Serialize;

use super::filter::{Conditions, id_list, limit};
use super::{names, sql_err};
use crate::error::{Result, SqlContext};
use crate::store::Store;

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

/// A fact: the row that shows it (its surest) and its counts.
pub(crate) struct Fact {
    id: i64,
    articles: i64,
    outlets: i64,
    outlet_names: Option<String>,
}

/// Relations grouped into facts (merged actors as the actor they were merged into), surest
/// first; SQLite takes the bare `r.id` from the row with the greatest confidence. Reads
/// `relation_spans`, not the `relations` view: no evidence is needed to group. `{where}` and
/// `{limit}` stand for the filters on `r` and the limit.
const FACTS: &str = "SELECT r.id, count(DISTINCT r.article_id) AS articles,
        count(DISTINCT coalesce(a.outlet, '#' || a.id)) AS outlets,
        group_concat(DISTINCT a.outlet) AS outlet_names, max(r.confidence) AS confidence,
        coalesce(s0.merged_into, s0.id) AS subject, coalesce(o0.merged_into, o0.id) AS object
   FROM relation_spans r
   JOIN articles a ON a.id = r.article_id
   JOIN actors s0 ON s0.id = r.subject_id
   JOIN actors o0 ON o0.id = r.object_id
  {where}
  GROUP BY coalesce(a.story_id, -a.id), coalesce(s0.merged_into, s0.id), r.predicate,
        coalesce(o0.merged_into, o0.id), r.negated, coalesce(r.role, '')
  ORDER BY confidence DESC, r.id{limit}";

/// The `relations` listing in one statement: the [`FACTS`] (`{facts}`), then for each listed
/// fact only its row of `relation_spans`, names, codes and evidence (`{evidence}`: the
/// `relations` view's `paragraphs::EVIDENCE`). Through the view, the second
/// read of the rows by an id list cost as much again as the grouping.
const LISTING: &str = "SELECT r.id, s.name, r.predicate, o.name, r.negated, r.role, r.article_id,
        {evidence},
        r.start, r.end, p.plover, p.cameo, r.confidence, f.articles, f.outlets, f.outlet_names
   FROM ({facts}) f
   JOIN relation_spans r ON r.id = f.id
   JOIN actors s ON s.id = f.subject
   JOIN actors o ON o.id = f.object
   LEFT JOIN predicates p ON p.name = r.predicate
  ORDER BY f.confidence DESC, f.id";

impl Store {
    /// Lists relations, the surest first (confidence descending, then id). The same relation
    /// (subject, predicate, object, negation) found in several articles of one story is one fact,
    /// listed once with its counts of articles and outlets.
    pub fn relations(&self, f: &RelationFilter) -> Result<Vec<RelationRow>> {
        let c = self.fact_conditions(f)?;
        let sql = LISTING
            .replace("{evidence}", crate::store::paragraphs::EVIDENCE)
            .replace("{facts}", FACTS)
            .replace("{where}", &c.where_clause())
            .replace("{limit}", &limit(f.limit));
        let mut stmt = self.conn.prepare(&sql).doing(sql_err("listing relations"))?;
        let rows = stmt
            .query_map(c.params(), |r| {
                let mut row = relation_row(r)?;
                (row.articles, row.outlets) = (r.get(13)?, r.get(14)?);
                row.outlet_names = names(r.get(15)?);
                Ok(row)
            })
            .doing(sql_err("listing relations"))?
            .collect::<rusqlite::Result<_>>()
            .doing(sql_err("listing relations"))?;
        Ok(rows)
    }

    /// The facts a filter lists, surest first.
    pub(crate) fn facts(&self, f: &RelationFilter) -> Result<Vec<Fact>> {
        let c = self.fact_conditions(f)?;
        let sql = FACTS
            .replace("{where}", &c.where_clause())
            .replace("{limit}", &limit(f.limit));
        let mut stmt = self.conn.prepare(&sql).doing(sql_err("listing relations"))?;
        let facts = stmt
            .query_map(c.params(), |r| {
                Ok(Fact {
                    id: r.get(0)?,
                    articles: r.get(1)?,
                    outlets: r.get(2)?,
                    outlet_names: r.get(3)?,
                })
            })
            .doing(sql_err("listing relations"))?
            .collect::<rusqlite::Result<_>>()
            .doing(sql_err("listing relations"))?;
        Ok(facts)
    }

    /// The conditions on `r` (a row of `relation_spans` or `relations`) a filter sets.
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

    /// The rows that show `facts`, in their order, with canonical actor names.
    pub(crate) fn relation_rows(&self, facts: &[Fact]) -> Result<Vec<RelationRow>> {
        let ids: Vec<i64> = facts.iter().map(|f| f.id).collect();
        let sql = format!(
            "SELECT r.id, s.name, r.predicate, o.name, r.negated, r.role, r.article_id, r.evidence, r.start, r.end,
                    p.plover, p.cameo, r.confidence
               FROM relations r
               JOIN actors s0 ON s0.id = r.subject_id
               JOIN actors s ON s.id = coalesce(s0.merged_into, s0.id)
               JOIN actors o0 ON o0.id = r.object_id
               JOIN actors o ON o.id = coalesce(o0.merged_into, o0.id)
               LEFT JOIN predicates p ON p.name = r.predicate
              WHERE r.id IN ({})",
            id_list(&ids)
        );
        let mut stmt = self.conn.prepare(&sql).doing(sql_err("listing relations"))?;
        let mut rows: HashMap<i64, RelationRow> = stmt
            .query_map([], |r| Ok((r.get(0)?, relation_row(r)?)))
            .doing(sql_err("listing relations"))?
            .collect::<rusqlite::Result<_>>()
            .doing(sql_err("listing relations"))?;
        Ok(facts
            .iter()
            .filter_map(|f| {
                let mut row = rows.remove(&f.id)?;
                (row.articles, row.outlets) = (f.articles, f.outlets);
                row.outlet_names = names(f.outlet_names.clone());
                Some(row)
            })
            .collect())
    }
}

/// A relation's own fields (its fact's counts filled in afterwards).
fn relation_row(r: &rusqlite::Row) -> rusqlite::Result<RelationRow> {
    Ok(RelationRow {
        id: r.get(0)?,
        subject: r.get(1)?,
        predicate: r.get(2)?,
        object: r.get(3)?,
        negated: r.get(4)?,
        role: r.get(5)?,
        article_id: r.get(6)?,
        evidence: r.get(7)?,
        start: r.get(8)?,
        end: r.get(9)?,
        plover: r.get(10)?,
        cameo: r.get(11)?,
        confidence: r.get(12)?,
        articles: 0,
        outlets: 0,
        outlet_names: Vec::new(),
    })
}
