//! Actors: the `actors` listing with counts, resolving a name to actors (any alias, proclitics
//! allowed, a bare surname), the actors merged into one, and an actor's profile (`actor NAME`).

use std::collections::HashMap;

use serde::Serialize;

use super::filter::{Conditions, id_list, limit};
use super::relations::RelationFilter;
use super::statements::{StatementFilter, StatementRow};
use super::{RelationRow, sql_err};
use crate::error::{Error, Result, SqlContext};
use crate::extract::Kind;
use crate::normalize::{fold, proclitic_variants};
use crate::store::Store;

/// An actor in a listing.
#[derive(Debug, Serialize)]
pub struct ActorRow {
    /// Database id.
    pub id: i64,
    /// Canonical name.
    pub name: String,
    /// person, organization, country, place, event, other.
    pub kind: String,
    /// Country code.
    pub country: Option<String>,
    /// Wikidata QID.
    pub qid: Option<String>,
    /// Every surface form seen and every lexicon alias.
    pub aliases: Vec<String>,
    /// How many times it is mentioned.
    pub mentions: i64,
    /// In how many articles.
    pub articles: i64,
    /// In how many stories (copies of one story count once).
    pub stories: i64,
}

/// A role in an actor profile.
#[derive(Debug, Serialize)]
pub struct RoleRow {
    /// The role.
    pub role: String,
    /// Where.
    pub of: Option<String>,
    /// Since.
    pub start: Option<String>,
    /// Until.
    pub end: Option<String>,
}

/// Everything known about one actor.
#[derive(Debug, Serialize)]
pub struct ActorProfile {
    /// The listing fields.
    #[serde(flatten)]
    pub actor: ActorRow,
    /// Roles held.
    pub roles: Vec<RoleRow>,
    /// How many statements they made in all.
    pub statements_total: usize,
    /// What they said (the first `limit`).
    pub statements: Vec<StatementRow>,
    /// How many relations they take part in.
    pub relations_total: usize,
    /// What they did with whom (the first `limit`).
    pub relations: Vec<RelationRow>,
    /// Articles that mention them.
    pub article_ids: Vec<i64>,
}

/// The listing fields of an actor (aliases filled in afterwards).
fn actor_row(r: &rusqlite::Row) -> rusqlite::Result<ActorRow> {
    Ok(ActorRow {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: r.get(2)?,
        country: r.get(3)?,
        qid: r.get(4)?,
        aliases: Vec::new(),
        mentions: r.get(5)?,
        articles: r.get(6)?,
        stories: r.get(7)?,
    })
}

impl Store {
    /// Actor ids whose aliases (normalized, proclitics allowed) match `name`, merged actors
    /// resolved to the one they were merged into.
    pub fn actor_ids_named(&self, name: &str) -> Result<Vec<i64>> {
        let norm = fold(&crate::normalize::stored_form(name));
        let forms = std::iter::once(norm.as_str()).chain(proclitic_variants(&norm));
        let mut ids: Vec<i64> = Vec::new();
        for form in forms {
            for id in self.actor_ids_where("l.norm = ?1", form)? {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        if ids.is_empty() && !norm.contains(' ') && norm.chars().count() >= 3 {
            // A bare surname (Lavrov, لافروف) names the people whose full name ends with it.
            ids = self.actor_ids_where("a.kind = 'person' AND l.norm LIKE '% ' || ?1", &norm)?;
        }
        Ok(ids)
    }

    /// The canonical ids of the actors with an alias meeting `condition` (on `l.norm`, `?1`
    /// bound to `value`).
    fn actor_ids_where(&self, condition: &str, value: &str) -> Result<Vec<i64>> {
        let sql = format!(
            "SELECT DISTINCT coalesce(a.merged_into, a.id) FROM actor_aliases l JOIN actors a ON a.id = l.actor_id
              WHERE {condition}"
        );
        let mut stmt = self.conn.prepare_cached(&sql).doing(sql_err("finding an actor"))?;
        let ids = stmt
            .query_map([value], |r| r.get::<_, i64>(0))
            .doing(sql_err("finding an actor"))?
            .collect::<rusqlite::Result<_>>()
            .doing(sql_err("finding an actor"))?;
        Ok(ids)
    }

    /// The given actor ids plus every actor merged into one of them.
    pub(crate) fn with_merged(&self, ids: &[i64]) -> Result<Vec<i64>> {
        let mut all = ids.to_vec();
        if ids.is_empty() {
            return Ok(all);
        }
        let sql = format!("SELECT id FROM actors WHERE merged_into IN ({})", id_list(ids));
        let mut stmt = self.conn.prepare(&sql).doing(sql_err("expanding merged actors"))?;
        let merged = stmt
            .query_map([], |r| r.get::<_, i64>(0))
            .doing(sql_err("expanding merged actors"))?;
        for id in merged {
            all.push(id.doing(sql_err("expanding merged actors"))?);
        }
        Ok(all)
    }

    /// The actors merged into another, each with the one it was merged into (a few hundred).
    pub(crate) fn merged_actors(&self) -> Result<HashMap<i64, i64>> {
        super::pairs(
            &self.conn,
            "SELECT id, merged_into FROM actors WHERE merged_into IS NOT NULL",
            "reading merged actors",
        )
    }

    /// The aliases of each actor of `ids` and of the actors merged into it, read in one query:
    /// seen forms first, then the lexicon's, each alphabetically, every alias once.
    pub(crate) fn aliases_of(&self, ids: &[i64]) -> Result<HashMap<i64, Vec<String>>> {
        let list = id_list(ids);
        let sql = format!(
            "SELECT coalesce(a.merged_into, a.id), l.alias FROM actor_aliases l JOIN actors a ON a.id = l.actor_id
              WHERE a.id IN ({list}) OR a.merged_into IN ({list})
              ORDER BY 1, l.origin = 'lexicon', l.alias"
        );
        let mut stmt = self.conn.prepare(&sql).doing(sql_err("reading aliases"))?;
        let found = stmt
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
            .doing(sql_err("reading aliases"))?;
        let mut aliases: HashMap<i64, Vec<String>> = HashMap::new();
        for row in found {
            let (id, alias) = row.doing(sql_err("reading aliases"))?;
            let list = aliases.entry(id).or_default();
            if !list.contains(&alias) {
                list.push(alias);
            }
        }
        Ok(aliases)
    }

    /// Lists actors that are mentioned at least once (or, with `name`, every actor matching
    /// that name), most mentioned first. Counts come from `actor_counts` (`store::counts`),
    /// or are made live while some actor's counts are stale.
    pub fn actors(&self, kind: Option<Kind>, name: Option<&str>, max: Option<u64>) -> Result<Vec<ActorRow>> {
        let mut listed = Conditions::default();
        listed.add("a.merged_into IS NULL");
        if let Some(kind) = kind {
            listed.bind("a.kind = ?", kind.as_str().to_owned());
        }
        let named = match name {
            Some(name) => Some(self.actor_ids_named(name)?),
            None => None,
        };
        let sql = match (&named, crate::store::counts::any_stale(&self.conn)?) {
            (Some(ids), false) => {
                listed.ids("a.id", ids);
                format!(
                    "SELECT a.id, a.name, a.kind, a.country, a.qid,
                            coalesce(c.mentions, 0) AS n, coalesce(c.articles, 0), coalesce(c.stories, 0)
                       FROM actors a LEFT JOIN actor_counts c ON c.actor_id = a.id
                      {} ORDER BY n DESC, a.id{}",
                    listed.where_clause(),
                    limit(max)
                )
            }
            // The most mentioned first: the first rows of the `actor_counts_rank` index.
            (None, false) => format!(
                "SELECT a.id, a.name, a.kind, a.country, a.qid, c.mentions, c.articles, c.stories
                   FROM actor_counts c JOIN actors a ON a.id = c.actor_id
                  {} ORDER BY c.mentions DESC, c.actor_id{}",
                listed.where_clause(),
                limit(max)
            ),
            (named, true) => self.live_counts(named.as_deref(), &mut listed, max)?,
        };
        let mut stmt = self.conn.prepare(&sql).doing(sql_err("listing actors"))?;
        let mut rows: Vec<ActorRow> = stmt
            .query_map(listed.params(), actor_row)
            .doing(sql_err("listing actors"))?
            .collect::<rusqlite::Result<_>>()
            .doing(sql_err("listing actors"))?;
        let mut aliases = self.aliases_of(&rows.iter().map(|r| r.id).collect::<Vec<_>>())?;
        for row in &mut rows {
            row.aliases = aliases.remove(&row.id).unwrap_or_default();
        }
        Ok(rows)
    }

    /// The listing's SQL with counts made from the mentions, as `actor_counts` holds them:
    /// merged actors counted with the actor they were merged into, from the counts per actor and
    /// article (`mention_spans_actor` alone), so each article is looked up once per actor; with
    /// `named` ids, only those actors are counted.
    fn live_counts(&self, named: Option<&[i64]>, listed: &mut Conditions, max: Option<u64>) -> Result<String> {
        let mut counted = Conditions::default();
        match named {
            Some(ids) => {
                counted.ids("m.actor_id", &self.with_merged(ids)?);
                listed.ids("a.id", ids);
            }
            None => _ = listed.add("c.n > 0"),
        }
        Ok(format!(
            "WITH pairs AS (SELECT m.actor_id, m.article_id, count(*) AS n FROM mention_spans m {} GROUP BY 1, 2),
             counts AS (
                 SELECT coalesce(x.merged_into, x.id) AS aid, sum(p.n) AS n, count(DISTINCT p.article_id) AS d,
                        count(DISTINCT ar.story_id) AS st
                   FROM pairs p JOIN actors x ON x.id = p.actor_id JOIN articles ar ON ar.id = p.article_id
                  GROUP BY aid)
             SELECT a.id, a.name, a.kind, a.country, a.qid, coalesce(c.n, 0) AS n, coalesce(c.d, 0), coalesce(c.st, 0)
               FROM actors a LEFT JOIN counts c ON c.aid = a.id
              {} ORDER BY n DESC, a.id{}",
            counted.where_clause(),
            listed.where_clause(),
            limit(max)
        ))
    }

    /// The actor `name` (any alias) refers to: the most mentioned match, as `actor NAME` and
    /// `graph --actor NAME` resolve it.
    pub fn actor_named(&self, name: &str) -> Result<ActorRow> {
        self.actors(None, Some(name), Some(1))?
            .into_iter()
            .next()
            .ok_or_else(|| Error::NotFound(format!("no actor named {name}")))
    }

    /// An actor's profile: the best match for `name` (most mentioned).
    pub fn actor_profile(&self, name: &str, limit: usize) -> Result<ActorProfile> {
        let actor = self.actor_named(name)?;
        // Totals and lists come from the same actor set: this actor and those merged into it.
        let members = self.with_merged(&[actor.id])?;
        let statements = StatementFilter {
            speaker_ids: Some(members.clone()),
            limit: Some(limit as u64),
            ..Default::default()
        };
        // Every fact once (the total), the surest `limit` of them listed.
        let facts = self.facts(&RelationFilter {
            actor_ids: Some(members.clone()),
            ..Default::default()
        })?;
        Ok(ActorProfile {
            roles: self.roles(&members)?,
            statements_total: self.statements_spoken(&members)?,
            statements: self.statements(&statements)?,
            relations_total: facts.count(),
            relations: self.relation_rows(&facts.first(limit))?,
            article_ids: self.articles_mentioning(&members)?,
            actor,
        })
    }

    /// The roles the actors `members` hold, each once.
    fn roles(&self, members: &[i64]) -> Result<Vec<RoleRow>> {
        let sql = format!(
            "SELECT DISTINCT role, of, start, end FROM actor_roles WHERE actor_id IN ({})",
            id_list(members)
        );
        let mut stmt = self.conn.prepare(&sql).doing(sql_err("reading roles"))?;
        let roles = stmt
            .query_map([], |r| {
                Ok(RoleRow {
                    role: r.get(0)?,
                    of: r.get(1)?,
                    start: r.get(2)?,
                    end: r.get(3)?,
                })
            })
            .doing(sql_err("reading roles"))?
            .collect::<rusqlite::Result<_>>()
            .doing(sql_err("reading roles"))?;
        Ok(roles)
    }

    /// How many statements the actors `members` made.
    fn statements_spoken(&self, members: &[i64]) -> Result<usize> {
        let sql = format!(
            "SELECT count(*) FROM statements WHERE speaker_id IN ({})",
            id_list(members)
        );
        self.conn
            .query_row(&sql, [], |r| r.get::<_, i64>(0))
            .map(|n| n as usize)
            .doing(sql_err("counting statements"))
    }

    /// The articles that mention one of the actors `members`, in id order (a range of the
    /// `mention_spans_actor` index per actor).
    fn articles_mentioning(&self, members: &[i64]) -> Result<Vec<i64>> {
        let sql = format!(
            "SELECT DISTINCT article_id FROM mentions WHERE actor_id IN ({}) ORDER BY article_id",
            id_list(members)
        );
        let mut stmt = self.conn.prepare(&sql).doing(sql_err("reading mentions"))?;
        let ids = stmt
            .query_map([], |r| r.get(0))
            .doing(sql_err("reading mentions"))?
            .collect::<rusqlite::Result<_>>()
            .doing(sql_err("reading mentions"))?;
        Ok(ids)
    }
}
