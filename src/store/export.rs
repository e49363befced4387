//! The SQL of `export`: which tables are exported with which typed columns, the months of
//! publication that partition them, and the rows of one table (for one month), streamed to a
//! callback one at a time so that no table is held in memory.

use rusqlite::types::ValueRef;

use super::Store;
use crate::error::{Result, SqlContext};

/// A column's type in the exported files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ColType {
    /// 64-bit integer.
    Int,
    /// 64-bit float.
    Float,
    /// Boolean (stored as 0/1 in SQLite).
    Bool,
    /// UTF-8 text.
    Text,
}

/// One exported column.
#[derive(Debug, Clone)]
pub(crate) struct Column {
    /// Its name.
    pub name: String,
    /// Its type.
    pub ty: ColType,
    /// Whether it may be null.
    pub nullable: bool,
}

/// One value of a row.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    /// No value.
    Null,
    /// An integer.
    Int(i64),
    /// A float.
    Float(f64),
    /// A boolean.
    Bool(bool),
    /// Text.
    Text(String),
}

/// An exported table: its columns and the query that yields them.
#[derive(Debug, Clone)]
pub(crate) struct Table {
    /// The folder name under the export directory.
    pub name: String,
    /// Columns in order.
    pub columns: Vec<Column>,
    /// Whether rows belong to an article and so to its month of publication.
    pub by_month: bool,
    /// The query; `{month}` is replaced by the month condition on `a.published_at`.
    sql: String,
}

/// Which rows of a table to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Month {
    /// Every row.
    All,
    /// Rows of articles published in this month (`YYYY-MM`).
    Of(String),
    /// Rows of articles without a usable publication date.
    Unknown,
}

/// A publication date that starts with a month: `YYYY-MM...`.
const DATED: &str = "a.published_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]*'";

/// Column specs: `name type` with `?` after the type when nullable.
fn columns(spec: &str) -> Vec<Column> {
    spec.split(',')
        .map(|c| {
            let mut parts = c.split_whitespace();
            let name = parts.next().expect("a column name").to_owned();
            let ty = parts.next().expect("a column type");
            let nullable = ty.ends_with('?');
            let ty = match ty.trim_end_matches('?') {
                "int" => ColType::Int,
                "float" => ColType::Float,
                "bool" => ColType::Bool,
                _ => ColType::Text,
            };
            Column { name, ty, nullable }
        })
        .collect()
}

fn table(name: &str, spec: &str, by_month: bool, sql: &str) -> Table {
    Table {
        name: name.to_owned(),
        columns: columns(spec),
        by_month,
        sql: sql.to_owned(),
    }
}

/// The canonical name of the actor `x` (itself, or the actor it was merged into).
fn canonical(x: &str) -> String {
    format!("(SELECT c.name FROM actors c WHERE c.id = coalesce({x}.merged_into, {x}.id))")
}

/// The tables isnad exports, with their columns and queries.
fn core_tables() -> Vec<Table> {
    vec![
        table(
            "articles",
            "id int, content_hash text, title text, text text?, lang text, published_at text?, url text?, \
             outlet text?, author text?, category text?, first_seen text, extractor_version int?",
            true,
            "SELECT a.id, a.content_hash, a.title, t.body, a.lang, a.published_at, a.url, a.outlet, a.author,
                    a.category, a.first_seen, a.extractor_version
               FROM articles a JOIN article_texts t ON t.article_id = a.id WHERE {month} ORDER BY a.id",
        ),
        table(
            "sources",
            "article_id int, content_hash text, path text, record text, url text?, seen_at text",
            true,
            "SELECT s.article_id, a.content_hash, s.path, s.record, s.url, s.seen_at
               FROM sources s JOIN articles a ON a.id = s.article_id WHERE {month} ORDER BY s.id",
        ),
        table(
            "actors",
            "id int, key text, name text, kind text, country text?, qid text?, origin text, merged_into int?, \
             canonical_id int, canonical_name text, mentions int",
            false,
            &format!(
                "SELECT x.id, x.key, x.name, x.kind, x.country, x.qid, x.origin, x.merged_into,
                        coalesce(x.merged_into, x.id), {},
                        (SELECT count(*) FROM mentions m WHERE m.actor_id = x.id)
                   FROM actors x WHERE {{month}} ORDER BY x.id",
                canonical("x")
            ),
        ),
        table(
            "aliases",
            "actor_id int, alias text, norm text, origin text",
            false,
            "SELECT actor_id, alias, norm, origin FROM actor_aliases WHERE {month} ORDER BY actor_id, alias",
        ),
        table(
            "mentions",
            "actor_id int, actor text, article_id int, sentence int, start int, end int, surface text, \
             extractor_version int",
            true,
            &format!(
                "SELECT coalesce(x.merged_into, x.id), {}, m.article_id, m.sentence, m.start, m.end,
                        m.surface, m.extractor_version
                   FROM mentions m JOIN articles a ON a.id = m.article_id JOIN actors x ON x.id = m.actor_id
                  WHERE {{month}} ORDER BY m.article_id, m.start, m.end, m.actor_id",
                canonical("x")
            ),
        ),
        table(
            "statements",
            "statement_id int, speaker_id int?, speaker text?, text text, kind text, anonymous bool, article_id int, \
             sentence int, start int, end int, cue text, speaker_surface text?, extractor_version int",
            true,
            &format!(
                "SELECT s.id, coalesce(x.merged_into, x.id), {}, s.text, s.kind, s.anonymous, o.article_id,
                        o.sentence, o.start, o.end, o.cue, o.speaker_surface, o.extractor_version
                   FROM statement_occurrences o JOIN statements s ON s.id = o.statement_id
                   JOIN articles a ON a.id = o.article_id LEFT JOIN actors x ON x.id = s.speaker_id
                  WHERE {{month}} ORDER BY o.article_id, o.start, s.id",
                canonical("x")
            ),
        ),
        table(
            "relations",
            "id int, article_id int, subject_id int, subject text, predicate text, object_id int, object text, \
             negated bool, role text?, evidence text, sentence int, start int, end int, confidence float?, \
             extractor_version int",
            true,
            &format!(
                "SELECT r.id, r.article_id, coalesce(x.merged_into, x.id), {}, r.predicate,
                        coalesce(y.merged_into, y.id), {}, r.negated, r.role, r.evidence, r.sentence, r.start,
                        r.end, r.confidence, r.extractor_version
                   FROM relations r JOIN articles a ON a.id = r.article_id
                   JOIN actors x ON x.id = r.subject_id JOIN actors y ON y.id = r.object_id
                  WHERE {{month}} ORDER BY r.id",
                canonical("x"),
                canonical("y")
            ),
        ),
    ]
}

impl Store {
    /// The tables to export: articles, sources, actors, aliases, mentions, statements (one row
    /// per occurrence), relations, and every column of `stories` and `story_members` where the
    /// database has them.
    pub(crate) fn export_tables(&self) -> Result<Vec<Table>> {
        let mut tables = core_tables();
        for name in ["stories", "story_members"] {
            if let Some(t) = self.whole_table(name)? {
                tables.push(t);
            }
        }
        Ok(tables)
    }

    /// A table exported whole, its columns typed by their declared SQL types; `None` when the
    /// database has no such table.
    fn whole_table(&self, name: &str) -> Result<Option<Table>> {
        let mut stmt = self
            .conn
            .prepare("SELECT name, upper(type), \"notnull\" OR pk FROM pragma_table_info(?1) ORDER BY cid")
            .doing(|| format!("reading the columns of {name}"))?;
        let columns: Vec<Column> = stmt
            .query_map([name], |r| {
                let ty: String = r.get(1)?;
                Ok(Column {
                    name: r.get(0)?,
                    ty: if ty.contains("INT") {
                        ColType::Int
                    } else if ty.contains("REAL") || ty.contains("FLOA") || ty.contains("DOUB") {
                        ColType::Float
                    } else {
                        ColType::Text
                    },
                    nullable: !r.get::<_, bool>(2)?,
                })
            })
            .doing(|| format!("reading the columns of {name}"))?
            .collect::<rusqlite::Result<_>>()
            .doing(|| format!("reading the columns of {name}"))?;
        if columns.is_empty() {
            return Ok(None);
        }
        let list = columns
            .iter()
            .map(|c| format!("\"{}\"", c.name.replace('"', "\"\"")))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!("SELECT {list} FROM \"{name}\" WHERE {{month}} ORDER BY rowid");
        Ok(Some(Table {
            name: name.to_owned(),
            columns,
            by_month: false,
            sql,
        }))
    }

    /// The months (`YYYY-MM`) articles were published in, oldest first, and whether some
    /// articles have no usable date.
    pub(crate) fn export_months(&self) -> Result<(Vec<String>, bool)> {
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT DISTINCT substr(a.published_at, 1, 7) FROM articles a WHERE {DATED} ORDER BY 1"
            ))
            .doing(|| "listing months".into())?;
        let months = stmt
            .query_map([], |r| r.get(0))
            .doing(|| "listing months".into())?
            .collect::<rusqlite::Result<_>>()
            .doing(|| "listing months".into())?;
        let undated: bool = self
            .conn
            .query_row(
                &format!("SELECT EXISTS (SELECT 1 FROM articles a WHERE a.published_at IS NULL OR NOT {DATED})"),
                [],
                |r| r.get(0),
            )
            .doing(|| "listing months".into())?;
        Ok((months, undated))
    }

    /// Streams the rows of `table` (for `month`) to `each`, typed as its columns say. Stops at
    /// the first error `each` returns.
    pub(crate) fn export_rows(
        &self,
        table: &Table,
        month: &Month,
        each: &mut dyn FnMut(&[Cell]) -> Result<()>,
    ) -> Result<()> {
        let (cond, params): (String, Vec<String>) = match month {
            Month::All => ("1".into(), vec![]),
            Month::Of(m) => (
                "a.published_at >= ?1 AND a.published_at < ?2".into(),
                vec![m.clone(), format!("{m}\u{7f}")],
            ),
            Month::Unknown => (format!("(a.published_at IS NULL OR NOT {DATED})"), vec![]),
        };
        let sql = table.sql.replace("{month}", &cond);
        let doing = || format!("exporting {}", table.name);
        let mut stmt = self.conn.prepare(&sql).doing(doing)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(params)).doing(doing)?;
        let mut cells = Vec::with_capacity(table.columns.len());
        while let Some(row) = rows.next().doing(doing)? {
            cells.clear();
            for (i, c) in table.columns.iter().enumerate() {
                cells.push(cell(row.get_ref(i).doing(doing)?, c.ty));
            }
            each(&cells)?;
        }
        Ok(())
    }
}

/// A SQLite value as a cell of type `ty` (numbers become text in a text column, and so on).
fn cell(v: ValueRef<'_>, ty: ColType) -> Cell {
    match (v, ty) {
        (ValueRef::Null, _) => Cell::Null,
        (ValueRef::Integer(i), ColType::Int) => Cell::Int(i),
        (ValueRef::Integer(i), ColType::Bool) => Cell::Bool(i != 0),
        (ValueRef::Integer(i), ColType::Float) => Cell::Float(i as f64),
        (ValueRef::Real(f), ColType::Float) => Cell::Float(f),
        (ValueRef::Real(f), ColType::Int) => Cell::Int(f as i64),
        (ValueRef::Real(f), ColType::Bool) => Cell::Bool(f != 0.0),
        (ValueRef::Text(t), ColType::Int) => std::str::from_utf8(t)
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .map_or(Cell::Null, Cell::Int),
        (ValueRef::Text(t), ColType::Float) => std::str::from_utf8(t)
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .map_or(Cell::Null, Cell::Float),
        (ValueRef::Text(t), ColType::Bool) => Cell::Bool(!matches!(t, b"" | b"0" | b"false")),
        (ValueRef::Text(t), ColType::Text) | (ValueRef::Blob(t), ColType::Text) => {
            Cell::Text(String::from_utf8_lossy(t).into_owned())
        }
        (ValueRef::Integer(i), ColType::Text) => Cell::Text(i.to_string()),
        (ValueRef::Real(f), ColType::Text) => Cell::Text(f.to_string()),
        (ValueRef::Blob(_), _) => Cell::Null,
    }
}
