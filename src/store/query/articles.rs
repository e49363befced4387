//! Articles: the `articles` listing, one article in full (`show`), references by id or hash
//! prefix, bodies and parts for re-extraction and `similar`.

use std::collections::HashMap;

use rusqlite::OptionalExtension;
use serde::Serialize;

use super::filter::{Conditions, DateBound, id_list, limit};
use super::sql_err;
use crate::error::{Error, Result, SqlContext};
use crate::store::Store;

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
    pub story_articles: Vec<crate::store::stories::StoryMember>,
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
    /// Published at or after.
    pub since: Option<DateBound>,
    /// Published before or at (the whole day, month or year given).
    pub until: Option<DateBound>,
    /// At most this many.
    pub limit: Option<u64>,
}

/// The listing fields of an `articles` row (sources filled in afterwards).
fn article_row(r: &rusqlite::Row) -> rusqlite::Result<ArticleRow> {
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

impl ArticleFilter {
    fn conditions(&self) -> Conditions {
        let mut c = Conditions::default();
        if let Some(lang) = &self.lang {
            c.bind("a.lang = ?", lang.clone());
        }
        if let Some(source) = &self.source {
            c.bind(
                "(a.outlet = ? COLLATE NOCASE OR EXISTS (SELECT 1 FROM sources s WHERE s.article_id = a.id AND instr(s.path, ?) > 0))",
                source.clone(),
            );
        }
        c.dates("a.published_at", self.since.as_ref(), self.until.as_ref());
        c
    }
}

impl Store {
    /// Every source (path, with `#record`) of each of `rows`, read in one query.
    fn fill_sources(&self, rows: &mut [ArticleRow]) -> Result<()> {
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let sql = format!(
            "SELECT article_id, path, record FROM sources WHERE article_id IN ({}) ORDER BY article_id, id",
            id_list(&ids)
        );
        let mut stmt = self.conn.prepare(&sql).doing(sql_err("reading sources"))?;
        let mut sources: HashMap<i64, Vec<String>> = HashMap::new();
        let found = stmt
            .query_map([], |r| {
                let (path, record): (String, String) = (r.get(1)?, r.get(2)?);
                let source = if record.is_empty() {
                    path
                } else {
                    format!("{path}#{record}")
                };
                Ok((r.get::<_, i64>(0)?, source))
            })
            .doing(sql_err("reading sources"))?;
        for row in found {
            let (id, source) = row.doing(sql_err("reading sources"))?;
            sources.entry(id).or_default().push(source);
        }
        for row in rows {
            row.sources = sources.remove(&row.id).unwrap_or_default();
        }
        Ok(())
    }

    /// Lists articles, oldest id first.
    pub fn articles(&self, f: &ArticleFilter) -> Result<Vec<ArticleRow>> {
        let c = f.conditions();
        let sql = format!(
            "SELECT * FROM articles a {} ORDER BY a.id{}",
            c.where_clause(),
            limit(f.limit)
        );
        let mut stmt = self.conn.prepare(&sql).doing(sql_err("listing articles"))?;
        let mut rows: Vec<ArticleRow> = stmt
            .query_map(c.params(), article_row)
            .doing(sql_err("listing articles"))?
            .collect::<rusqlite::Result<_>>()
            .doing(sql_err("listing articles"))?;
        self.fill_sources(&mut rows)?;
        Ok(rows)
    }

    /// Resolves an article reference: a database id or a unique prefix (4+ hex digits) of its
    /// content hash.
    pub fn resolve_article(&self, reference: &str) -> Result<i64> {
        let r = reference.trim();
        if let Some(id) = self.article_by_id(r)? {
            return Ok(id);
        }
        let lower = r.to_ascii_lowercase();
        if lower.len() >= 4 && lower.chars().all(|c| c.is_ascii_hexdigit()) {
            match self.articles_by_hash_prefix(&lower)?.as_slice() {
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

    /// The article with the id `reference`, if it is one.
    fn article_by_id(&self, reference: &str) -> Result<Option<i64>> {
        let Ok(id) = reference.parse::<i64>() else {
            return Ok(None);
        };
        self.conn
            .query_row("SELECT id FROM articles WHERE id = ?1", [id], |row| row.get(0))
            .optional()
            .doing(sql_err("looking up an article"))
    }

    /// Up to two articles whose content hash starts with `prefix` (lower-case hex).
    fn articles_by_hash_prefix(&self, prefix: &str) -> Result<Vec<i64>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id FROM articles WHERE content_hash >= ?1 AND content_hash < ?1 || 'g' LIMIT 2")
            .doing(sql_err("looking up an article"))?;
        let ids = stmt
            .query_map([prefix], |row| row.get(0))
            .doing(sql_err("looking up an article"))?
            .collect::<rusqlite::Result<_>>()
            .doing(sql_err("looking up an article"))?;
        Ok(ids)
    }

    /// The paragraphs of an article's body, in order.
    fn paragraphs(&self, id: i64) -> Result<Vec<String>> {
        crate::store::paragraphs::of_article(&self.conn, id).doing(sql_err("reading an article body"))
    }

    /// The body of an article: its paragraphs joined by blank lines.
    pub fn article_body(&self, id: i64) -> Result<String> {
        Ok(self.paragraphs(id)?.join("\n\n"))
    }

    /// One article in full.
    pub fn article(&self, reference: &str) -> Result<ArticleDetail> {
        let id = self.resolve_article(reference)?;
        let (row, author, category, first_seen, extractor_version) = self
            .conn
            .query_row("SELECT * FROM articles a WHERE id = ?1", [id], |r| {
                Ok((
                    article_row(r)?,
                    r.get("author")?,
                    r.get("category")?,
                    r.get("first_seen")?,
                    r.get("extractor_version")?,
                ))
            })
            .doing(sql_err("reading an article"))?;
        let mut rows = [row];
        self.fill_sources(&mut rows)?;
        let [row] = rows;
        Ok(ArticleDetail {
            row,
            author,
            category,
            first_seen,
            extractor_version,
            story_articles: self.story_members(id)?,
            text: self.article_body(id)?,
        })
    }

    /// Articles for re-extraction, in id order: those extracted by another version than this
    /// build's (or never), or all.
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
        Ok((title, self.paragraphs(id)?, lang, published))
    }
}
