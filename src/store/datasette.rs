//! Datasette metadata for an isnad database (`isnad datasette --metadata`): the descriptions of
//! the tables, views and columns the file holds, full-text search wired from `articles` to
//! `articles_fts`, and canned queries, all kept in `datasette.json` beside this file. Canned
//! queries fold their parameters with SQL built from [`fold_char`], so a name typed with harakat
//! or another hamza form finds the match forms isnad stores.

use serde_json::{Map, Value, json};

use super::Store;
use crate::error::{Result, SqlContext};
use crate::normalize::fold_char;

/// The metadata's text: descriptions and queries (`{fold:NAME}` stands for `:NAME` folded,
/// `{search_expansion}` for [`SEARCH_EXPANSION`] on `:q` folded).
const TEMPLATE: &str = include_str!("datasette.json");

/// isnad search's proclitic expansion in plain SQL (the one copy; tests/search.rs checks it finds
/// what `isnad search` finds).
const SEARCH_EXPANSION: &str = include_str!("search_expansion.sql");

/// A canned query's SQL with `{search_expansion}` and every `{fold:NAME}` expanded.
fn query_sql(template: &str) -> String {
    let expansion: String = SEARCH_EXPANSION
        .lines()
        .filter(|l| !l.starts_with("--"))
        .collect::<Vec<_>>()
        .join("\n")
        .replace(":q", "{fold:q}");
    expand_folds(&template.replace("{search_expansion}", &expansion))
}

/// The characters a user may type that the match form changes: hamza forms of alef, alef
/// maqsura, ta marbuta, Persian yeh and kaf, tatweel, harakat and the superscript alef.
const FOLDED: &str = "أإآٱىیةکـ\u{064B}\u{064C}\u{064D}\u{064E}\u{064F}\u{0650}\u{0651}\u{0652}\u{0670}";

/// The SQL for the match form of `:param`: [`fold_char`] of the characters in [`FOLDED`], and
/// lower case.
fn fold_sql(param: &str) -> String {
    let mut sql = format!("trim(:{param})");
    for c in FOLDED.chars() {
        let to = fold_char(c).map(String::from).unwrap_or_default();
        if to != c.to_string() {
            sql = format!("replace({sql}, '{c}', '{to}')");
        }
    }
    format!("lower({sql})")
}

/// `sql` with every `{fold:NAME}` replaced by [`fold_sql`] of NAME.
fn expand_folds(sql: &str) -> String {
    let mut out = String::new();
    let mut rest = sql;
    while let Some(at) = rest.find("{fold:") {
        let Some(len) = rest[at..].find('}') else { break };
        out += &rest[..at];
        out += &fold_sql(&rest[at + 6..at + len]);
        rest = &rest[at + len + 1..];
    }
    out + rest
}

impl Store {
    /// The tables and views users see, with their columns, in schema order: not SQLite's own
    /// tables nor the shadow tables of a full-text index.
    pub(crate) fn user_tables(&self) -> Result<Vec<(String, Vec<String>)>> {
        let doing = || "reading the schema".to_owned();
        let mut stmt = self
            .conn
            .prepare(
                "SELECT t.name, (SELECT group_concat(name, char(9)) FROM (SELECT name FROM pragma_table_info(t.name)))
                   FROM sqlite_schema t
                  WHERE t.type IN ('table', 'view') AND t.name NOT LIKE 'sqlite!_%' ESCAPE '!'
                    AND NOT EXISTS (SELECT 1 FROM sqlite_schema v
                                     WHERE v.sql LIKE 'CREATE VIRTUAL TABLE%' AND t.name LIKE v.name || '!_%' ESCAPE '!')
                  ORDER BY t.rowid",
            )
            .doing(doing)?;
        let rows = stmt
            .query_map([], |r| {
                let columns: Option<String> = r.get(1)?;
                let columns = columns.unwrap_or_default().split('\t').map(str::to_owned).collect();
                Ok((r.get(0)?, columns))
            })
            .doing(doing)?
            .collect::<rusqlite::Result<_>>()
            .doing(doing)?;
        Ok(rows)
    }

    /// Datasette metadata for this file served as `database` (Datasette names a database after
    /// its file name without the extension): the tables and views present and the canned queries
    /// whose tables are present.
    pub fn datasette_metadata(&self, database: &str) -> Result<Value> {
        let template: Value = serde_json::from_str(TEMPLATE).expect("datasette.json is valid JSON");
        let present = self.user_tables()?;
        let has = |name: &str| present.iter().any(|(t, _)| t == name);
        let mut tables = Map::new();
        for (name, _) in &present {
            tables.insert(
                name.clone(),
                template["tables"].get(name).cloned().unwrap_or_else(|| json!({})),
            );
        }
        let mut queries = Map::new();
        for (name, query) in template["queries"].as_object().into_iter().flatten() {
            let mut query = query.clone();
            let required = query.as_object_mut().and_then(|q| q.remove("requires"));
            if required.as_ref().and_then(Value::as_str).is_some_and(|t| !has(t)) {
                continue;
            }
            query["sql"] = Value::from(query_sql(query["sql"].as_str().unwrap_or_default()));
            queries.insert(name.clone(), query);
        }
        let mut top = Map::new();
        for key in ["title", "description", "license", "source"] {
            top.insert(key.into(), template[key].clone());
        }
        top.insert(
            "databases".into(),
            json!({ database: { "tables": tables, "queries": queries } }),
        );
        Ok(Value::Object(top))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_in_sql_gives_the_match_form() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let typed = "سَيرغي لافروف، أحمد إلى المدرسة آخر Lavrov";
        let sql = format!("SELECT {}", fold_sql("q"));
        let folded: String = conn
            .query_row(&sql, rusqlite::named_params! {":q": typed}, |r| r.get(0))
            .unwrap();
        assert_eq!(folded, crate::normalize::fold(typed));
    }

    #[test]
    fn fold_placeholders_are_expanded_and_the_rest_is_kept() {
        let sql = expand_folds("WHERE a = {fold:speaker} OR b LIKE '% ' || {fold:speaker} ORDER BY 1");
        assert!(!sql.contains("{fold:"), "{sql}");
        assert_eq!(sql.matches("trim(:speaker)").count(), 2, "{sql}");
        assert!(
            sql.starts_with("WHERE a = lower(replace(") && sql.ends_with(" ORDER BY 1"),
            "{sql}"
        );
    }
}
