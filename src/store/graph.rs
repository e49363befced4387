//! The actor network for `graph`: relations folded into one edge per (subject, predicate,
//! object, negated) between canonical actors (merged actors count as the one they were merged
//! into), with counts, first and last publication dates and the surest evidence; filtered by
//! period, predicate and count, optionally cut to an actor's ego network. The nodes are the
//! actors those edges touch. Writing the graph out is `crate::graph`'s job.

use std::collections::{HashMap, VecDeque};

use serde::Serialize;

use super::Store;
use super::query::{Conditions, DateBound, id_list, sql_err};
use crate::error::{Error, Result, SqlContext};

/// What `graph` asks for.
#[derive(Debug, Clone, Default)]
pub struct GraphFilter {
    /// The ego network of this actor (any alias), instead of the whole graph.
    pub actor: Option<String>,
    /// How many steps from the actor (1: its neighbours and the edges among them).
    pub depth: u32,
    /// Only relations from articles published at or after this date.
    pub since: Option<DateBound>,
    /// Only relations from articles published at or before this date.
    pub until: Option<DateBound>,
    /// Only these predicates (empty: all).
    pub predicates: Vec<String>,
    /// Only edges seen at least this often.
    pub min_count: u32,
    /// At most this many edges: the most frequent (nearest the actor first in an ego network).
    pub limit: Option<usize>,
}

/// An actor in the graph.
#[derive(Debug, Clone, Serialize)]
pub struct Node {
    /// Actor id (canonical).
    pub id: i64,
    /// Canonical name.
    pub name: String,
    /// person, organization, country, place, event, other.
    pub kind: String,
    /// ISO country code, when known.
    pub country: Option<String>,
    /// Wikidata id, when known.
    pub qid: Option<String>,
    /// Mentions in the articles of the period (all articles without `since`/`until`).
    pub mentions: i64,
}

/// Relations of one (subject, predicate, object, negated), folded into one edge.
#[derive(Debug, Clone, Serialize)]
pub struct Edge {
    /// Subject actor id.
    pub source: i64,
    /// Object actor id.
    pub target: i64,
    /// Subject's canonical name.
    pub subject: String,
    /// The relation.
    pub predicate: String,
    /// Object's canonical name.
    pub object: String,
    /// Whether the relation is denied.
    pub negated: bool,
    /// How many relations were folded into this edge.
    pub count: i64,
    /// In how many articles.
    pub articles: i64,
    /// Earliest publication date of those articles (null when none has one).
    pub first: Option<String>,
    /// Latest publication date.
    pub last: Option<String>,
    /// PLOVER code of the predicate.
    pub plover: Option<String>,
    /// CAMEO code of the predicate.
    pub cameo: Option<String>,
    /// Highest confidence among the relations.
    pub confidence: f64,
    /// The evidence of the surest relation (ties: the first found).
    pub evidence: String,
}

/// The actor network.
#[derive(Debug, Clone, Serialize)]
pub struct Graph {
    /// The actor whose ego network this is.
    pub ego: Option<i64>,
    /// Actors: the ego first, then by mentions.
    pub nodes: Vec<Node>,
    /// Edges: the most frequent first (in an ego network, the nearest first).
    pub edges: Vec<Edge>,
    /// How many edges there were before `limit` cut them.
    pub edges_total: usize,
}

/// An edge from a row of `graph_edges`' query.
fn edge_row(r: &rusqlite::Row) -> rusqlite::Result<Edge> {
    Ok(Edge {
        source: r.get(0)?,
        target: r.get(1)?,
        subject: r.get(2)?,
        predicate: r.get(3)?,
        object: r.get(4)?,
        negated: r.get(5)?,
        count: r.get(6)?,
        articles: r.get(7)?,
        first: r.get(8)?,
        last: r.get(9)?,
        plover: r.get(10)?,
        cameo: r.get(11)?,
        confidence: r.get(12)?,
        evidence: r.get(13)?,
    })
}

impl Store {
    /// The actor network `f` asks for.
    pub fn graph(&self, f: &GraphFilter) -> Result<Graph> {
        self.check_predicates(&f.predicates)?;
        let ego = match &f.actor {
            Some(name) => Some(self.actor_named(name)?.id),
            None => None,
        };
        let mut edges = self.graph_edges(f)?;
        if let Some(ego) = ego {
            edges = ego_edges(edges, ego, f.depth);
        }
        let edges_total = edges.len();
        if let Some(limit) = f.limit {
            edges.truncate(limit);
        }
        let mut ids: Vec<i64> = ego.into_iter().collect();
        for e in &edges {
            for id in [e.source, e.target] {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        let mut nodes = self.graph_nodes(&ids, f)?;
        nodes.sort_by_key(|n| (Some(n.id) != ego, -n.mentions, n.id));
        Ok(Graph {
            ego,
            nodes,
            edges,
            edges_total,
        })
    }

    /// A predicate that is not in the `predicates` table is a usage error, never an empty graph.
    fn check_predicates(&self, predicates: &[String]) -> Result<()> {
        if predicates.is_empty() {
            return Ok(());
        }
        let mut stmt = self
            .conn
            .prepare("SELECT name FROM predicates ORDER BY name")
            .doing(sql_err("reading predicates"))?;
        let known: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .doing(sql_err("reading predicates"))?
            .collect::<rusqlite::Result<_>>()
            .doing(sql_err("reading predicates"))?;
        match predicates.iter().find(|p| !known.contains(p)) {
            Some(p) => Err(Error::Usage(format!(
                "unknown predicate {p} (known: {})",
                known.join(", ")
            ))),
            None => Ok(()),
        }
    }

    /// Every edge of the filtered relations, the most frequent first. Relations between an
    /// actor and itself (after merges) are left out.
    fn graph_edges(&self, f: &GraphFilter) -> Result<Vec<Edge>> {
        let mut c = Conditions::default();
        c.add("coalesce(s.merged_into, s.id) <> coalesce(o.merged_into, o.id)")
            .any("r.predicate = ?", f.predicates.clone())
            .dates("a.published_at", f.since.as_ref(), f.until.as_ref());
        let (filters, min_count) = (c.where_clause(), f.min_count.max(1));
        let sql = format!(
            "WITH rel AS (
                 SELECT coalesce(s.merged_into, s.id) AS sid, r.predicate, coalesce(o.merged_into, o.id) AS oid,
                        r.negated, r.confidence, r.evidence, r.article_id, a.published_at,
                        row_number() OVER (PARTITION BY coalesce(s.merged_into, s.id), r.predicate,
                                                        coalesce(o.merged_into, o.id), r.negated
                                           ORDER BY r.confidence DESC, r.id) AS rank
                   FROM relations r
                   JOIN actors s ON s.id = r.subject_id
                   JOIN actors o ON o.id = r.object_id
                   JOIN articles a ON a.id = r.article_id
                  {filters}),
             g AS (
                 SELECT sid, predicate, oid, negated, count(*) AS n, count(DISTINCT article_id) AS d,
                        min(published_at) AS first, max(published_at) AS last, max(confidence) AS confidence,
                        max(CASE WHEN rank = 1 THEN evidence END) AS evidence
                   FROM rel GROUP BY sid, predicate, oid, negated HAVING count(*) >= {min_count})
             SELECT g.sid, g.oid, sa.name, g.predicate, oa.name, g.negated, g.n, g.d, g.first, g.last,
                    p.plover, p.cameo, g.confidence, g.evidence
               FROM g
               JOIN actors sa ON sa.id = g.sid
               JOIN actors oa ON oa.id = g.oid
               LEFT JOIN predicates p ON p.name = g.predicate
              ORDER BY g.n DESC, g.d DESC, g.sid, g.predicate, g.oid, g.negated"
        );
        let mut stmt = self.conn.prepare(&sql).doing(sql_err("reading the actor network"))?;
        let edges = stmt
            .query_map(c.params(), edge_row)
            .doing(sql_err("reading the actor network"))?
            .collect::<rusqlite::Result<_>>()
            .doing(sql_err("reading the actor network"))?;
        Ok(edges)
    }

    /// The actors `ids` (canonical) with their mentions in the period.
    fn graph_nodes(&self, ids: &[i64], f: &GraphFilter) -> Result<Vec<Node>> {
        let mut c = Conditions::default();
        c.ids("m.actor_id", &self.with_merged(ids)?)
            .dates("a.published_at", f.since.as_ref(), f.until.as_ref());
        let sql = format!(
            "WITH counts AS (
                 SELECT coalesce(x.merged_into, x.id) AS aid, count(*) AS n
                   FROM mentions m JOIN actors x ON x.id = m.actor_id JOIN articles a ON a.id = m.article_id
                  {} GROUP BY aid)
             SELECT t.id, t.name, t.kind, t.country, t.qid, coalesce(c.n, 0)
               FROM actors t LEFT JOIN counts c ON c.aid = t.id
              WHERE t.id IN ({})",
            c.where_clause(),
            id_list(ids)
        );
        let mut stmt = self.conn.prepare(&sql).doing(sql_err("reading the network's actors"))?;
        let nodes = stmt
            .query_map(c.params(), |r| {
                Ok(Node {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    kind: r.get(2)?,
                    country: r.get(3)?,
                    qid: r.get(4)?,
                    mentions: r.get(5)?,
                })
            })
            .doing(sql_err("reading the network's actors"))?
            .collect::<rusqlite::Result<_>>()
            .doing(sql_err("reading the network's actors"))?;
        Ok(nodes)
    }
}

/// The edges among the actors at most `depth` steps from `ego` (either direction), the
/// nearest first (by the nearer end), then the most frequent: an ego network that a limit cuts
/// from the outside in.
fn ego_edges(edges: Vec<Edge>, ego: i64, depth: u32) -> Vec<Edge> {
    let mut neighbours: HashMap<i64, Vec<i64>> = HashMap::new();
    for e in &edges {
        neighbours.entry(e.source).or_default().push(e.target);
        neighbours.entry(e.target).or_default().push(e.source);
    }
    let mut distance: HashMap<i64, u32> = HashMap::from([(ego, 0)]);
    let mut queue = VecDeque::from([ego]);
    while let Some(id) = queue.pop_front() {
        let d = distance[&id];
        if d == depth {
            continue;
        }
        for &n in neighbours.get(&id).map(Vec::as_slice).unwrap_or_default() {
            if let std::collections::hash_map::Entry::Vacant(slot) = distance.entry(n) {
                slot.insert(d + 1);
                queue.push_back(n);
            }
        }
    }
    let mut kept: Vec<(u32, Edge)> = edges
        .into_iter()
        .filter_map(|e| {
            let near = distance.get(&e.source)?.min(distance.get(&e.target)?);
            Some((*near, e))
        })
        .collect();
    // Stable: within a distance the order stays the most frequent first.
    kept.sort_by_key(|(near, _)| *near);
    kept.into_iter().map(|(_, e)| e).collect()
}
