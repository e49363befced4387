//! Reads for the CLI: listings of articles, actors, statements and relations, one article, full
//! text search with snippets, an actor's profile, statistics — and the look-ups ingest workers
//! make to skip known files and articles.

use std::collections::HashMap;

use std::path::Path;

use rusqlite::{OptionalExtension, ToSql, params_from_iter};
use serde::Serialize;

use super::Store;
use crate::error::{Error, Result, SqlContext};
use crate::normalize::{PROCLITICS, fold, fold_char, is_word_char, match_form, proclitic_variants, with_proclitics};

/// An article in a listing.
#[derive(Debug, Serialize)]
pub struct ArticleRow {
    /// Database id.
    pub id: i64,
    /// Headline.
    pub title: String,
    /// SHA-256 of the cleaned document, hex.
    pub content_hash: String,
    /// Language.
    pub lang: String,
    /// Publication time, ISO 8601.
    pub published_at: Option<String>,
    /// The article's own URL.
    pub url: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Its story: the same for near-duplicate copies (see [`crate::story`]).
    pub story: Option<i64>,
    /// Every path (with `#record`) it was read from.
    pub sources: Vec<String>,
}

/// One article in full.
#[derive(Debug, Serialize)]
pub struct ArticleDetail {
    /// The listing fields.
    #[serde(flatten)]
    pub row: ArticleRow,
    /// Byline.
    pub author: Option<String>,
    /// Declared category.
    pub category: Option<String>,
    /// When isnad first stored it.
    pub first_seen: String,
    /// Extractor version that produced its actors, statements and relations (null: not extracted).
    pub extractor_version: Option<i64>,
    /// The other articles of its story, most similar first.
    pub story_articles: Vec<super::stories::StoryMember>,
    /// The cleaned body, paragraphs separated by blank lines.
    pub text: String,
}

/// Filters for `articles`.
#[derive(Debug, Default)]
pub struct ArticleFilter {
    /// Language code.
    pub lang: Option<String>,
    /// Outlet name, or a part of a source path.
    pub source: Option<String>,
    /// Published at or after (ISO 8601 prefix).
    pub since: Option<String>,
    /// Published before or at (ISO 8601 prefix, inclusive of the whole day given).
    pub until: Option<String>,
    /// At most this many.
    pub limit: Option<u64>,
}

/// A full-text search hit.
#[derive(Debug, Serialize)]
pub struct SearchHit {
    /// The article.
    pub article_id: i64,
    /// Its headline.
    pub title: String,
    /// Text around the first match, from the stored text.
    pub snippet: String,
}

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

/// A statement in a listing.
#[derive(Debug, Serialize)]
pub struct StatementRow {
    /// Database id.
    pub id: i64,
    /// Canonical name of the speaker, or null.
    pub speaker: Option<String>,
    /// The content.
    pub text: String,
    /// direct, indirect or mixed.
    pub kind: String,
    /// The cue verb as written.
    pub cue: String,
    /// The (first) article it appears in.
    pub article_id: i64,
    /// Sentence number in that article.
    pub sentence: i64,
    /// Character offsets of the content in the article document.
    pub start: i64,
    /// End offset (exclusive).
    pub end: i64,
    /// In how many articles it appears.
    pub occurrences: i64,
    /// Whether the source is unnamed on purpose (مصادر، شهود); the speaker is then null.
    pub anonymous: bool,
    /// In how many stories it appears (copies of one story count once).
    pub stories: i64,
    /// From how many outlets (an article without one counts as one).
    pub outlets: i64,
    /// The outlets' names.
    pub outlet_names: Vec<String>,
}

/// Filters for `statements`.
#[derive(Debug, Default)]
pub struct StatementFilter {
    /// Speaker name (any alias, normalized).
    pub speaker: Option<String>,
    /// Speakers as ids already resolved (merged actors included); instead of `speaker`.
    pub speaker_ids: Option<Vec<i64>>,
    /// An actor or word the statement is about (in its text, any alias of a named actor).
    pub about: Option<String>,
    /// Words the text contains (normalized).
    pub contains: Option<String>,
    /// Article published at or after.
    pub since: Option<String>,
    /// Article published at or before.
    pub until: Option<String>,
    /// Only statements from this article.
    pub article: Option<i64>,
    /// Also statements with no named speaker: anonymous sources and subjects extraction could
    /// not resolve (left out by default).
    pub unattributed: bool,
    /// At most this many.
    pub limit: Option<u64>,
}

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

/// Counts and sizes.
#[derive(Debug, Serialize)]
pub struct Stats {
    /// Articles stored.
    pub articles: i64,
    /// Sources (every file/record an article was read from).
    pub sources: i64,
    /// Files recorded.
    pub files: i64,
    /// sources / articles.
    pub dedup_ratio: f64,
    /// Distinct paragraphs.
    pub paragraphs: i64,
    /// Paragraph links (with repeats).
    pub paragraph_links: i64,
    /// Actors.
    pub actors: i64,
    /// Mentions.
    pub mentions: i64,
    /// Statements.
    pub statements: i64,
    /// Relations.
    pub relations: i64,
    /// Ingest runs.
    pub runs: i64,
    /// Errors recorded over all runs.
    pub ingest_errors: i64,
    /// Database file size in bytes (with its WAL).
    pub db_bytes: u64,
    /// Schema version.
    pub schema_version: i64,
}

fn sql_err(what: &'static str) -> impl Fn() -> String {
    move || what.to_owned()
}

/// Extends an `until` bound so that `2018-03-17` includes the whole day.
pub(crate) fn until_bound(until: &str) -> String {
    format!("{until}\u{10FFFF}")
}

impl Store {
    fn sources_of(&self, article_id: i64) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT path, record FROM sources WHERE article_id = ?1 ORDER BY id")
            .doing(sql_err("reading sources"))?;
        let rows = stmt
            .query_map([article_id], |r| {
                let path: String = r.get(0)?;
                let record: String = r.get(1)?;
                Ok(if record.is_empty() {
                    path
                } else {
                    format!("{path}#{record}")
                })
            })
            .doing(sql_err("reading sources"))?;
        rows.collect::<rusqlite::Result<_>>().doing(sql_err("reading sources"))
    }

    fn article_row(&self, r: &rusqlite::Row) -> rusqlite::Result<ArticleRow> {
        Ok(ArticleRow {
            id: r.get("id")?,
            title: r.get("title")?,
            content_hash: r.get("content_hash")?,
            lang: r.get("lang")?,
            published_at: r.get("published_at")?,
            url: r.get("url")?,
            outlet: r.get("outlet")?,
            story: r.get("story_id")?,
            sources: Vec::new(),
        })
    }

    /// Lists articles, oldest id first.
    pub fn articles(&self, f: &ArticleFilter) -> Result<Vec<ArticleRow>> {
        let mut sql = String::from("SELECT * FROM articles a WHERE 1=1");
        let mut args: Vec<Box<dyn ToSql>> = Vec::new();
        if let Some(lang) = &f.lang {
            args.push(Box::new(lang.clone()));
            sql += &format!(" AND a.lang = ?{}", args.len());
        }
        if let Some(source) = &f.source {
            args.push(Box::new(source.clone()));
            let n = args.len();
            sql += &format!(
                " AND (a.outlet = ?{n} COLLATE NOCASE OR EXISTS (SELECT 1 FROM sources s WHERE s.article_id = a.id AND instr(s.path, ?{n}) > 0))"
            );
        }
        if let Some(since) = &f.since {
            args.push(Box::new(since.clone()));
            sql += &format!(" AND a.published_at >= ?{}", args.len());
        }
        if let Some(until) = &f.until {
            args.push(Box::new(until_bound(until)));
            sql += &format!(" AND a.published_at <= ?{}", args.len());
        }
        sql += " ORDER BY a.id";
        if let Some(limit) = f.limit {
            sql += &format!(" LIMIT {limit}");
        }
        let mut stmt = self.conn.prepare(&sql).doing(sql_err("listing articles"))?;
        let mut rows: Vec<ArticleRow> = stmt
            .query_map(params_from_iter(args.iter()), |r| self.article_row(r))
            .doing(sql_err("listing articles"))?
            .collect::<rusqlite::Result<_>>()
            .doing(sql_err("listing articles"))?;
        for row in &mut rows {
            row.sources = self.sources_of(row.id)?;
        }
        Ok(rows)
    }

    /// Resolves an article reference: a database id or a unique prefix (4+ hex digits) of its
    /// content hash.
    pub fn resolve_article(&self, reference: &str) -> Result<i64> {
        let r = reference.trim();
        if let Ok(id) = r.parse::<i64>() {
            let found: Option<i64> = self
                .conn
                .query_row("SELECT id FROM articles WHERE id = ?1", [id], |row| row.get(0))
                .optional()
                .doing(sql_err("looking up an article"))?;
            if let Some(id) = found {
                return Ok(id);
            }
        }
        let lower = r.to_ascii_lowercase();
        if lower.len() >= 4 && lower.chars().all(|c| c.is_ascii_hexdigit()) {
            let mut stmt = self
                .conn
                .prepare("SELECT id FROM articles WHERE content_hash >= ?1 AND content_hash < ?1 || 'g' LIMIT 2")
                .doing(sql_err("looking up an article"))?;
            let ids: Vec<i64> = stmt
                .query_map([&lower], |row| row.get(0))
                .doing(sql_err("looking up an article"))?
                .collect::<rusqlite::Result<_>>()
                .doing(sql_err("looking up an article"))?;
            match ids.as_slice() {
                [id] => return Ok(*id),
                [_, _] => {
                    return Err(Error::Usage(format!(
                        "article hash prefix {r} is ambiguous; give more digits"
                    )));
                }
                _ => {}
            }
        }
        Err(Error::NotFound(format!("no article with id or hash prefix {r}")))
    }

    /// The body of an article: its paragraphs joined by blank lines.
    pub fn article_body(&self, id: i64) -> Result<String> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT p.text FROM article_paragraphs ap JOIN paragraphs p ON p.id = ap.paragraph_id
                  WHERE ap.article_id = ?1 ORDER BY ap.position",
            )
            .doing(sql_err("reading an article body"))?;
        let paragraphs: Vec<String> = stmt
            .query_map([id], |r| r.get(0))
            .doing(sql_err("reading an article body"))?
            .collect::<rusqlite::Result<_>>()
            .doing(sql_err("reading an article body"))?;
        Ok(paragraphs.join("\n\n"))
    }

    /// One article in full.
    pub fn article(&self, reference: &str) -> Result<ArticleDetail> {
        let id = self.resolve_article(reference)?;
        let (mut row, author, category, first_seen, extractor_version) = self
            .conn
            .query_row("SELECT * FROM articles WHERE id = ?1", [id], |r| {
                Ok((
                    self.article_row(r)?,
                    r.get("author")?,
                    r.get("category")?,
                    r.get("first_seen")?,
                    r.get("extractor_version")?,
                ))
            })
            .doing(sql_err("reading an article"))?;
        row.sources = self.sources_of(id)?;
        let text = self.article_body(id)?;
        Ok(ArticleDetail {
            row,
            author,
            category,
            first_seen,
            extractor_version,
            story_articles: self.story_members(id)?,
            text,
        })
    }

    /// Full-text search over titles and bodies. The query is normalized like the index (harakat,
    /// hamza forms, ta marbuta, alef maqsura, case) and each word also matches its forms with
    /// Arabic proclitics. All words must match.
    pub fn search(&self, query: &str, limit: u64) -> Result<Vec<SearchHit>> {
        let terms = query_terms(query);
        if terms.is_empty() {
            return Err(Error::Usage("the search query has no words".into()));
        }
        let Some((fts, rank)) = self.search_expression(&terms)? else {
            return Ok(Vec::new());
        };
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT f.rowid, a.title FROM articles_fts f JOIN articles a ON a.id = f.rowid
                  WHERE articles_fts MATCH ?1 AND f.rank MATCH ?3 ORDER BY f.rank LIMIT ?2",
            )
            .doing(sql_err("searching"))?;
        let hits: Vec<(i64, String)> = stmt
            .query_map(rusqlite::params![fts, limit as i64, rank], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .doing(|| format!("searching for {query}"))?
            .collect::<rusqlite::Result<_>>()
            .doing(|| format!("searching for {query}"))?;
        hits.into_iter()
            .map(|(id, title)| {
                let body = self.article_body(id)?;
                let snippet = snippet(&body, &terms)
                    .or_else(|| snippet(&title, &terms))
                    .unwrap_or_else(|| cut(&body, 0, 160));
                Ok(SearchHit {
                    article_id: id,
                    title,
                    snippet,
                })
            })
            .collect()
    }

    /// The FTS5 query for search terms (all terms; each any of its [`indexed_forms`] that the
    /// index holds) and the `isnad_rank` call that ranks it ([`super::rank`]: each phrase with the
    /// groups it counts for); `None` when a term has no form in the index. Only forms the index
    /// holds are queried (a few of the dozens a word can take), and each once, because every
    /// phrase costs FTS5 a look-up per hit.
    fn search_expression(&self, terms: &[String]) -> Result<Option<(String, String)>> {
        let (mut ors, mut spec, mut group) = (Vec::new(), Vec::new(), 0usize);
        for t in terms {
            // Each phrase of this term with the groups it belongs to, in first-seen order.
            let mut phrases: Vec<(String, Vec<usize>)> = Vec::new();
            for forms in indexed_forms(t) {
                let mut any = false;
                for f in forms {
                    if let Some((_, groups)) = phrases.iter_mut().find(|(p, _)| *p == f) {
                        groups.push(group);
                        any = true;
                    } else if self.is_indexed(&f)? {
                        phrases.push((f, vec![group]));
                        any = true;
                    }
                }
                group += usize::from(any);
            }
            if phrases.is_empty() {
                return Ok(None);
            }
            let alternatives: Vec<&str> = phrases.iter().map(|(p, _)| p.as_str()).collect();
            ors.push(format!("({})", alternatives.join(" OR ")));
            spec.extend(
                phrases
                    .iter()
                    .map(|(_, gs)| gs.iter().map(usize::to_string).collect::<Vec<_>>().join(",")),
            );
        }
        // Ranked through FTS5's `rank` column, so FTS5 sorts the hits itself and only the
        // first `limit` are joined with `articles` (ORDER BY isnad_rank(...) would join them all).
        Ok(Some((ors.join(" AND "), format!("isnad_rank('{}')", spec.join(" ")))))
    }

    /// Whether the full-text index holds a phrase (an FTS5 query string) in any article.
    fn is_indexed(&self, phrase: &str) -> Result<bool> {
        self.conn
            .prepare_cached("SELECT 1 FROM articles_fts WHERE articles_fts MATCH ?1 LIMIT 1")
            .and_then(|mut s| s.exists([phrase]))
            .doing(sql_err("searching"))
    }

    /// Actor ids whose aliases (normalized, proclitics allowed) match `name`, merged actors
    /// resolved to the one they were merged into.
    pub fn actor_ids_named(&self, name: &str) -> Result<Vec<i64>> {
        let norm = fold(&crate::normalize::stored_form(name));
        let mut forms = vec![norm.clone()];
        forms.extend(proclitic_variants(&norm).map(str::to_owned));
        let mut ids = Vec::new();
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT DISTINCT coalesce(a.merged_into, a.id) FROM actor_aliases l JOIN actors a ON a.id = l.actor_id
                  WHERE l.norm = ?1",
            )
            .doing(sql_err("finding an actor"))?;
        for f in &forms {
            for id in stmt
                .query_map([f], |r| r.get::<_, i64>(0))
                .doing(sql_err("finding an actor"))?
            {
                let id = id.doing(sql_err("finding an actor"))?;
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        if ids.is_empty() && !norm.contains(' ') && norm.chars().count() >= 3 {
            // A bare surname (Lavrov, لافروف) names the people whose full name ends with it.
            let mut stmt = self
                .conn
                .prepare_cached(
                    "SELECT DISTINCT coalesce(a.merged_into, a.id) FROM actor_aliases l JOIN actors a ON a.id = l.actor_id
                      WHERE a.kind = 'person' AND l.norm LIKE '% ' || ?1",
                )
                .doing(sql_err("finding an actor"))?;
            for id in stmt
                .query_map([&norm], |r| r.get::<_, i64>(0))
                .doing(sql_err("finding an actor"))?
            {
                ids.push(id.doing(sql_err("finding an actor"))?);
            }
        }
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
        for id in stmt
            .query_map([], |r| r.get::<_, i64>(0))
            .doing(sql_err("expanding merged actors"))?
        {
            all.push(id.doing(sql_err("expanding merged actors"))?);
        }
        Ok(all)
    }

    fn aliases_of(&self, actor_id: i64) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT l.alias FROM actor_aliases l JOIN actors a ON a.id = l.actor_id
                  WHERE a.id = ?1 OR a.merged_into = ?1 ORDER BY l.origin = 'lexicon', l.alias",
            )
            .doing(sql_err("reading aliases"))?;
        let mut out: Vec<String> = Vec::new();
        for alias in stmt
            .query_map([actor_id], |r| r.get::<_, String>(0))
            .doing(sql_err("reading aliases"))?
        {
            let alias = alias.doing(sql_err("reading aliases"))?;
            if !out.contains(&alias) {
                out.push(alias);
            }
        }
        Ok(out)
    }

    /// Lists actors that are mentioned at least once (or, with `name`, every actor matching
    /// that name), most mentioned first.
    pub fn actors(&self, kind: Option<&str>, name: Option<&str>, limit: Option<u64>) -> Result<Vec<ActorRow>> {
        // Mention counts per actor, merged actors counted with the actor they were merged into;
        // with a name, only that name's actors are counted (through the mentions_actor index).
        let named = match name {
            Some(name) => Some(self.actor_ids_named(name)?),
            None => None,
        };
        let counted = match &named {
            Some(ids) => format!("WHERE m.actor_id IN ({})", id_list(&self.with_merged(ids)?)),
            None => String::new(),
        };
        let mut sql = format!(
            "WITH counts AS (
                 SELECT coalesce(x.merged_into, x.id) AS aid, count(*) AS n, count(DISTINCT m.article_id) AS d,
                        count(DISTINCT ar.story_id) AS st
                   FROM mentions m JOIN actors x ON x.id = m.actor_id JOIN articles ar ON ar.id = m.article_id {counted}
                  GROUP BY aid)
             SELECT a.id, a.name, a.kind, a.country, a.qid, coalesce(c.n, 0) AS n, coalesce(c.d, 0), coalesce(c.st, 0)
               FROM actors a LEFT JOIN counts c ON c.aid = a.id
              WHERE a.merged_into IS NULL"
        );
        let mut args: Vec<Box<dyn ToSql>> = Vec::new();
        if let Some(kind) = kind {
            args.push(Box::new(kind.to_owned()));
            sql += &format!(" AND a.kind = ?{}", args.len());
        }
        match &named {
            Some(ids) => sql += &format!(" AND a.id IN ({})", id_list(ids)),
            None => sql += " AND c.n > 0",
        }
        sql += " ORDER BY n DESC, a.id";
        if let Some(limit) = limit {
            sql += &format!(" LIMIT {limit}");
        }
        let mut stmt = self.conn.prepare(&sql).doing(sql_err("listing actors"))?;
        let rows: Vec<ActorRow> = stmt
            .query_map(params_from_iter(args.iter()), |r| {
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
            })
            .doing(sql_err("listing actors"))?
            .collect::<rusqlite::Result<_>>()
            .doing(sql_err("listing actors"))?;
        rows.into_iter()
            .map(|mut row| {
                row.aliases = self.aliases_of(row.id)?;
                Ok(row)
            })
            .collect()
    }

    /// Lists statements, in article order.
    pub fn statements(&self, f: &StatementFilter) -> Result<Vec<StatementRow>> {
        // The first occurrence (by article) stands for the statement; its counts over all of its
        // occurrences are read afterwards in one grouped query (`occurrence_counts`).
        let mut sql = String::from(
            "SELECT s.id, sp.name, s.text, s.kind, o.cue, o.article_id, o.sentence, o.start, o.end, s.anonymous
               FROM statements s
               JOIN statement_occurrences o ON o.statement_id = s.id
                AND o.article_id = (SELECT min(article_id) FROM statement_occurrences y WHERE y.statement_id = s.id)
               JOIN articles a ON a.id = o.article_id
               LEFT JOIN actors sp0 ON sp0.id = s.speaker_id
               LEFT JOIN actors sp ON sp.id = coalesce(sp0.merged_into, sp0.id)
              WHERE 1=1",
        );
        let mut args: Vec<Box<dyn ToSql>> = Vec::new();
        if !f.unattributed {
            sql += " AND (s.speaker_id IS NOT NULL OR s.anonymous)";
        }
        if let Some(ids) = &f.speaker_ids {
            sql += &format!(" AND s.speaker_id IN ({})", id_list(ids));
        } else if let Some(speaker) = &f.speaker {
            let ids = self.with_merged(&self.actor_ids_named(speaker)?)?;
            sql += &format!(" AND s.speaker_id IN ({})", id_list(&ids));
        }
        let mut text_filters: Vec<String> = Vec::new();
        if let Some(c) = &f.contains {
            text_filters.push(match_form(c));
        }
        if let Some(about) = &f.about {
            // Any alias of a named actor, else the words themselves.
            let ids = self.actor_ids_named(about)?;
            let mut forms: Vec<String> = Vec::new();
            for id in ids {
                forms.extend(self.aliases_of(id)?.iter().map(|a| fold(a)));
            }
            if forms.is_empty() {
                forms.push(match_form(about));
            }
            let mut ors = Vec::new();
            for form in forms {
                args.push(Box::new(form));
                ors.push(format!("instr(isnad_fold(s.text), ?{}) > 0", args.len()));
            }
            sql += &format!(" AND ({})", ors.join(" OR "));
        }
        for t in text_filters {
            args.push(Box::new(t));
            sql += &format!(" AND instr(isnad_fold(s.text), ?{}) > 0", args.len());
        }
        if let Some(since) = &f.since {
            args.push(Box::new(since.clone()));
            sql += &format!(" AND a.published_at >= ?{}", args.len());
        }
        if let Some(until) = &f.until {
            args.push(Box::new(until_bound(until)));
            sql += &format!(" AND a.published_at <= ?{}", args.len());
        }
        if let Some(article) = f.article {
            args.push(Box::new(article));
            sql += &format!(" AND o.article_id = ?{}", args.len());
        }
        sql += " ORDER BY o.article_id, o.start";
        if let Some(limit) = f.limit {
            sql += &format!(" LIMIT {limit}");
        }
        self.register_fold()?;
        let mut stmt = self.conn.prepare(&sql).doing(sql_err("listing statements"))?;
        let mut rows: Vec<StatementRow> = stmt
            .query_map(params_from_iter(args.iter()), |r| {
                Ok(StatementRow {
                    id: r.get(0)?,
                    speaker: r.get(1)?,
                    text: r.get(2)?,
                    kind: r.get(3)?,
                    cue: r.get(4)?,
                    article_id: r.get(5)?,
                    sentence: r.get(6)?,
                    start: r.get(7)?,
                    end: r.get(8)?,
                    anonymous: r.get(9)?,
                    occurrences: 0,
                    stories: 0,
                    outlets: 0,
                    outlet_names: Vec::new(),
                })
            })
            .doing(sql_err("listing statements"))?
            .collect::<rusqlite::Result<_>>()
            .doing(sql_err("listing statements"))?;
        self.occurrence_counts(&mut rows)?;
        Ok(rows)
    }

    /// Fills each statement row's counts over all of its occurrences (articles, stories, outlets
    /// and their names) with one grouped query for the whole list.
    fn occurrence_counts(&self, rows: &mut [StatementRow]) -> Result<()> {
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT x.statement_id, count(DISTINCT x.article_id), count(DISTINCT a.story_id),
                        count(DISTINCT coalesce(a.outlet, '#' || a.id)), group_concat(DISTINCT a.outlet)
                   FROM statement_occurrences x JOIN articles a ON a.id = x.article_id
                  WHERE x.statement_id IN ({}) GROUP BY x.statement_id",
                id_list(&ids)
            ))
            .doing(sql_err("counting statement occurrences"))?;
        let mut counts: HashMap<i64, (i64, i64, i64, Option<String>)> = HashMap::new();
        let found = stmt
            .query_map([], |r| {
                Ok((r.get::<_, i64>(0)?, (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
            })
            .doing(sql_err("counting statement occurrences"))?;
        for row in found {
            let (id, c) = row.doing(sql_err("counting statement occurrences"))?;
            counts.insert(id, c);
        }
        for row in rows {
            if let Some((occurrences, stories, outlets, joined)) = counts.get(&row.id) {
                (row.occurrences, row.stories, row.outlets) = (*occurrences, *stories, *outlets);
                row.outlet_names = names(joined.clone());
            }
        }
        Ok(())
    }

    /// Registers `isnad_fold(text)`, the match form, as an SQL function on this connection.
    pub fn register_fold(&self) -> Result<()> {
        use rusqlite::functions::FunctionFlags;
        self.conn
            .create_scalar_function(
                "isnad_fold",
                1,
                FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
                |ctx| {
                    let s: Option<String> = ctx.get(0)?;
                    Ok(s.map(|s| fold(&s)))
                },
            )
            .doing(sql_err("registering isnad_fold"))
    }

    /// Lists relations, the surest first (confidence descending, then id). The same relation
    /// (subject, predicate, object, negation) found in several articles of one story is one fact,
    /// listed once with its counts of articles and outlets.
    pub fn relations(&self, f: &RelationFilter) -> Result<Vec<RelationRow>> {
        let mut filters = String::new();
        let mut args: Vec<Box<dyn ToSql>> = Vec::new();
        let ids = match (&f.actor_ids, &f.actor) {
            (Some(ids), _) => Some(id_list(ids)),
            (None, Some(actor)) => Some(id_list(&self.with_merged(&self.actor_ids_named(actor)?)?)),
            (None, None) => None,
        };
        if let Some(ids) = ids {
            filters += &format!(" AND (r.subject_id IN ({ids}) OR r.object_id IN ({ids}))");
        }
        if let Some(p) = &f.predicate {
            args.push(Box::new(p.clone()));
            filters += &format!(" AND r.predicate = ?{}", args.len());
        }
        if let Some(article) = f.article {
            args.push(Box::new(article));
            filters += &format!(" AND r.article_id = ?{}", args.len());
        }
        let mut sql = format!(
            "WITH facts AS ({FACTS} {filters} {FACT_KEY})
             SELECT r.id, s.name, r.predicate, o.name, r.negated, r.role, r.article_id, r.evidence, r.start, r.end, p.plover, p.cameo,
                    r.confidence, f.articles, f.outlets, f.outlet_names
               FROM facts f
               JOIN relations r ON r.id = f.id
               JOIN actors s0 ON s0.id = r.subject_id
               JOIN actors s ON s.id = coalesce(s0.merged_into, s0.id)
               JOIN actors o0 ON o0.id = r.object_id
               JOIN actors o ON o.id = coalesce(o0.merged_into, o0.id)
               LEFT JOIN predicates p ON p.name = r.predicate
              ORDER BY r.confidence DESC, r.id"
        );
        if let Some(limit) = f.limit {
            sql += &format!(" LIMIT {limit}");
        }
        let mut stmt = self.conn.prepare(&sql).doing(sql_err("listing relations"))?;
        let rows = stmt
            .query_map(params_from_iter(args.iter()), |r| {
                Ok(RelationRow {
                    id: r.get(0)?,
                    subject: r.get(1)?,
                    predicate: r.get(2)?,
                    object: r.get(3)?,
                    negated: r.get(4)?,
                    role: r.get(5)?,
                    confidence: r.get(12)?,
                    article_id: r.get(6)?,
                    evidence: r.get(7)?,
                    start: r.get(8)?,
                    end: r.get(9)?,
                    plover: r.get(10)?,
                    cameo: r.get(11)?,
                    articles: r.get(13)?,
                    outlets: r.get(14)?,
                    outlet_names: names(r.get(15)?),
                })
            })
            .doing(sql_err("listing relations"))?
            .collect::<rusqlite::Result<_>>()
            .doing(sql_err("listing relations"))?;
        Ok(rows)
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
        let member_ids = self.with_merged(&[actor.id])?;
        let members = id_list(&member_ids);
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT DISTINCT role, of, start, end FROM actor_roles WHERE actor_id IN ({members})"
            ))
            .doing(sql_err("reading roles"))?;
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
        let count = |sql: String| -> Result<usize> {
            self.conn
                .query_row(&sql, [], |r| r.get::<_, i64>(0))
                .map(|n| n as usize)
                .doing(sql_err("counting"))
        };
        let statements_total = count(format!(
            "SELECT count(*) FROM statements WHERE speaker_id IN ({members})"
        ))?;
        let statements = self.statements(&StatementFilter {
            speaker_ids: Some(member_ids.clone()),
            limit: Some(limit as u64),
            ..Default::default()
        })?;
        // Every fact once (the total), the surest `limit` of them listed.
        let mut relations = self.relations(&RelationFilter {
            actor_ids: Some(member_ids),
            ..Default::default()
        })?;
        let relations_total = relations.len();
        relations.truncate(limit);
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT DISTINCT article_id FROM mentions WHERE actor_id IN ({members}) ORDER BY article_id"
            ))
            .doing(sql_err("reading mentions"))?;
        let article_ids = stmt
            .query_map([], |r| r.get(0))
            .doing(sql_err("reading mentions"))?
            .collect::<rusqlite::Result<_>>()
            .doing(sql_err("reading mentions"))?;
        Ok(ActorProfile {
            actor,
            roles,
            statements_total,
            statements,
            relations_total,
            relations,
            article_ids,
        })
    }

    /// Counts, dedup ratio and size.
    pub fn stats(&self) -> Result<Stats> {
        let count = |table: &str| -> Result<i64> {
            self.conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
                .doing(|| format!("counting {table}"))
        };
        let articles = count("articles")?;
        let sources = count("sources")?;
        let db_bytes = file_size(self.path()) + file_size(&wal_path(self.path()));
        Ok(Stats {
            articles,
            sources,
            files: count("files")?,
            dedup_ratio: if articles > 0 {
                (sources as f64 / articles as f64 * 1000.0).round() / 1000.0
            } else {
                0.0
            },
            paragraphs: count("paragraphs")?,
            paragraph_links: count("article_paragraphs")?,
            actors: self
                .conn
                .query_row("SELECT count(DISTINCT actor_id) FROM mentions", [], |r| r.get(0))
                .doing(sql_err("counting actors"))?,
            mentions: count("mentions")?,
            statements: count("statements")?,
            relations: count("relations")?,
            runs: count("runs")?,
            ingest_errors: count("ingest_errors")?,
            db_bytes,
            schema_version: super::migrate::current_version(&self.conn)?,
        })
    }

    /// Articles for re-extraction: (id, title, body, lang) in id order.
    pub fn articles_for_extraction(&self, only_outdated: bool) -> Result<Vec<i64>> {
        let sql = if only_outdated {
            "SELECT id FROM articles WHERE extractor_version IS NULL OR extractor_version <> ?1 ORDER BY id"
        } else {
            "SELECT id FROM articles WHERE ?1 IS NOT NULL ORDER BY id"
        };
        let mut stmt = self.conn.prepare(sql).doing(sql_err("listing articles to extract"))?;
        let ids = stmt
            .query_map([crate::extract::EXTRACTOR_VERSION], |r| r.get(0))
            .doing(sql_err("listing articles to extract"))?
            .collect::<rusqlite::Result<_>>()
            .doing(sql_err("listing articles to extract"))?;
        Ok(ids)
    }

    /// Title, paragraphs, language and publication date of a stored article.
    pub fn article_parts(&self, id: i64) -> Result<(String, Vec<String>, String, Option<String>)> {
        let (title, lang, published): (String, String, Option<String>) = self
            .conn
            .query_row(
                "SELECT title, lang, published_at FROM articles WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .doing(sql_err("reading an article"))?;
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT p.text FROM article_paragraphs ap JOIN paragraphs p ON p.id = ap.paragraph_id
                  WHERE ap.article_id = ?1 ORDER BY ap.position",
            )
            .doing(sql_err("reading an article body"))?;
        let paragraphs = stmt
            .query_map([id], |r| r.get(0))
            .doing(sql_err("reading an article body"))?
            .collect::<rusqlite::Result<_>>()
            .doing(sql_err("reading an article body"))?;
        Ok((title, paragraphs, lang, published))
    }
}

/// Look-ups that ingest workers make on their own read connection, beside the writer.
pub struct Lookup {
    conn: rusqlite::Connection,
}

impl Lookup {
    /// Opens a read connection to the database at `path`.
    pub fn open(path: &Path) -> Result<Lookup> {
        let conn = rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .doing(|| format!("opening {}", path.display()))?;
        conn.busy_timeout(std::time::Duration::from_secs(30))
            .doing(sql_err("configuring a reader"))?;
        Ok(Lookup { conn })
    }

    /// The article count of a file ingested before with the same path, size and mtime.
    pub fn unchanged_file(&self, path: &str, size: u64, mtime_ns: Option<i64>) -> Result<Option<u64>> {
        let Some(mtime) = mtime_ns else { return Ok(None) };
        self.conn
            .prepare_cached(
                "SELECT articles FROM files WHERE path = ?1 AND size = ?2 AND mtime_ns = ?3 AND errors = 0 LIMIT 1",
            )
            .and_then(|mut s| {
                s.query_row(rusqlite::params![path, size as i64, mtime], |r| r.get::<_, i64>(0))
                    .optional()
            })
            .map(|o| o.map(|n| n as u64))
            .doing(sql_err("checking a known file"))
    }

    /// Whether a file with these raw bytes was ingested before (without errors).
    pub fn known_raw_hash(&self, raw_hash: &str) -> Result<bool> {
        self.conn
            .prepare_cached("SELECT 1 FROM files WHERE raw_hash = ?1 AND errors = 0 LIMIT 1")
            .and_then(|mut s| s.exists([raw_hash]))
            .doing(sql_err("checking a known file"))
    }

    /// Whether an article with this content hash is stored.
    pub fn known_article(&self, content_hash: &str) -> Result<bool> {
        self.conn
            .prepare_cached("SELECT 1 FROM articles WHERE content_hash = ?1")
            .and_then(|mut s| s.exists([content_hash]))
            .doing(sql_err("checking a known article"))
    }
}

/// Relations grouped into facts: one per story, subject, predicate, object, negation and role
/// (merged actors as the actor they were merged into), shown by its surest row (SQLite takes the
/// bare `r.id` from the row with the greatest confidence). Filters on `r` go between this and
/// [`FACT_KEY`].
const FACTS: &str = "SELECT r.id AS id, max(r.confidence) AS confidence, count(DISTINCT r.article_id) AS articles,
        count(DISTINCT coalesce(a.outlet, '#' || a.id)) AS outlets, group_concat(DISTINCT a.outlet) AS outlet_names
   FROM relations r
   JOIN articles a ON a.id = r.article_id
   JOIN actors s0 ON s0.id = r.subject_id
   JOIN actors o0 ON o0.id = r.object_id
  WHERE 1=1";

/// What makes relations one fact (see [`FACTS`]).
const FACT_KEY: &str = "GROUP BY coalesce(a.story_id, -a.id), coalesce(s0.merged_into, s0.id), r.predicate,
        coalesce(o0.merged_into, o0.id), r.negated, coalesce(r.role, '')";

/// Outlet names from a `group_concat`, sorted.
fn names(joined: Option<String>) -> Vec<String> {
    let mut v: Vec<String> = joined
        .map(|j| j.split(',').map(str::to_owned).collect())
        .unwrap_or_default();
    v.sort();
    v
}

/// Ids as a comma-separated SQL list (integers only, so nothing user-given is spliced).
pub(crate) fn id_list(ids: &[i64]) -> String {
    if ids.is_empty() {
        return "NULL".into();
    }
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

fn file_size(p: &Path) -> u64 {
    std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)
}

fn wal_path(p: &Path) -> std::path::PathBuf {
    let mut s = p.as_os_str().to_owned();
    s.push("-wal");
    s.into()
}

/// The words of a query in match form.
pub fn query_terms(query: &str) -> Vec<String> {
    match_form(query)
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The FTS5 strings (quoted) of every indexed word a search term finds, grouped by the
/// proclitic-free form they share with it: for the term and each of its forms without a
/// proclitic (وسوريه → سوريه), that form and the form behind every proclitic (سوريه → وسوريه,
/// بسوريه, السوريه, …). The index holds words as written, so this expansion is what makes
/// سوريه and وسوريه find each other; a group is what the index held as one stem token before
/// migration 0007, and [`super::rank`] scores it as one term. At most a few dozen words.
fn indexed_forms(term: &str) -> Vec<Vec<String>> {
    std::iter::once(term)
        .chain(proclitic_variants(term))
        .map(|stem| {
            std::iter::once(stem.to_owned())
                .chain(with_proclitics(stem))
                .map(|w| format!("\"{w}\""))
                .collect()
        })
        .collect()
}

/// Characters of context a snippet keeps before the match: few enough that the match shows in a
/// table cell (cut at 60 characters).
const SNIPPET_LEAD: usize = 30;

/// About 160 characters of `text` around the first place where one of `terms` (match form)
/// starts a word or follows a proclitic; `None` when no term occurs.
pub fn snippet(text: &str, terms: &[String]) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    // Folded text with a map from folded position to original character index.
    let mut folded = String::new();
    let mut map = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        if let Some(f) = fold_char(*c) {
            folded.push(f);
            map.push(i);
        }
    }
    let folded_chars: Vec<char> = folded.chars().collect();
    // Where the word holding position `i` starts.
    let word_start = |i: usize| {
        let mut s = i;
        while s > 0 && is_word_char(folded_chars[s - 1]) {
            s -= 1;
        }
        s
    };
    // A term matches where a word starts, or right after a proclitic (وسوريه for سوريه); a
    // term given with a proclitic also matches its bare form (سوريه for وسوريه), as in the index.
    let forms = terms
        .iter()
        .flat_map(|t| std::iter::once(t.as_str()).chain(proclitic_variants(t)));
    let hit = forms.filter_map(|t| {
        let tc: Vec<char> = t.chars().collect();
        (0..folded_chars.len().saturating_sub(tc.len().saturating_sub(1))).find(|&i| {
            if !folded_chars[i..].starts_with(&tc) {
                return false;
            }
            let prefix: String = folded_chars[word_start(i)..i].iter().collect();
            prefix.is_empty() || PROCLITICS.contains(&prefix.as_str())
        })
    });
    let pos = hit.min()?;
    let start = map[pos];
    Some(cut(text, start.saturating_sub(SNIPPET_LEAD), 160))
}

/// About `len` characters of `text` from character `from`, cut at words, `…` where cut.
pub(crate) fn cut(text: &str, from: usize, len: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let from = from.min(chars.len());
    // Start and end at word boundaries.
    let mut s = from;
    while s > 0 && s < chars.len() && !chars[s - 1].is_whitespace() {
        s -= 1;
    }
    let mut e = (s + len).min(chars.len());
    while e < chars.len() && !chars[e].is_whitespace() {
        e += 1;
    }
    let body: String = chars[s..e].iter().collect::<String>().replace("\n\n", " ¶ ");
    format!(
        "{}{}{}",
        if s > 0 { "…" } else { "" },
        body.trim(),
        if e < chars.len() { "…" } else { "" }
    )
}
