//! Users' own SQL, read-only. The connection is opened read-only, and before running a
//! statement isnad refuses anything that would change state even on such a connection: writes
//! (per `sqlite3_stmt_readonly`), `ATTACH`/`DETACH`, and `PRAGMA`s other than a list of
//! read-only ones or with an assignment. Parameters are bound, never spliced into the SQL.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use rusqlite::types::{Value as SqlValue, ValueRef};
use serde_json::{Map, Value};

use super::Store;
use crate::error::{Error, Result, SqlContext};

/// `PRAGMA`s that only read.
const READ_PRAGMAS: &[&str] = &[
    "table_info",
    "table_xinfo",
    "table_list",
    "index_list",
    "index_info",
    "index_xinfo",
    "foreign_key_list",
    "foreign_key_check",
    "user_version",
    "schema_version",
    "application_id",
    "page_count",
    "page_size",
    "freelist_count",
    "database_list",
    "compile_options",
    "function_list",
    "pragma_list",
    "module_list",
    "collation_list",
    "integrity_check",
    "quick_check",
    "encoding",
    "data_version",
];

/// The statement with its leading whitespace and comments skipped.
fn skip_comments(sql: &str) -> &str {
    let mut s = sql.trim_start();
    loop {
        if let Some(rest) = s.strip_prefix("--") {
            s = rest.split_once('\n').map_or("", |(_, r)| r).trim_start();
        } else if let Some(rest) = s.strip_prefix("/*") {
            s = rest.split_once("*/").map_or("", |(_, r)| r).trim_start();
        } else {
            return s;
        }
    }
}

fn first_word(sql: &str) -> String {
    skip_comments(sql)
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_uppercase()
}

fn check_read_only(sql: &str) -> Result<()> {
    match first_word(sql).as_str() {
        "ATTACH" | "DETACH" => Err(Error::ReadOnly {
            reason: "ATTACH and DETACH are not allowed".into(),
        }),
        "PRAGMA" => {
            // After the comments and the word PRAGMA itself (6 ASCII bytes, so a char boundary).
            let after = skip_comments(sql)[6..].trim_start();
            let name: String = after
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '.')
                .collect::<String>()
                .to_ascii_lowercase();
            let name = name.rsplit('.').next().unwrap_or("").to_owned();
            if after.contains('=') || !READ_PRAGMAS.contains(&name.as_str()) {
                Err(Error::ReadOnly {
                    reason: format!("PRAGMA {name} can change the database or the connection"),
                })
            } else {
                Ok(())
            }
        }
        _ => Ok(()),
    }
}

/// Parses `name=value` parameters: integers and reals are bound as numbers, `null` as NULL,
/// anything else as text.
pub fn parse_param(p: &str) -> Result<(String, SqlValue)> {
    let (name, value) = p
        .split_once('=')
        .ok_or_else(|| Error::Usage(format!("--param {p}: expected name=value")))?;
    let name = name.trim().trim_start_matches([':', '@', '$']);
    if name.is_empty() {
        return Err(Error::Usage(format!("--param {p}: the name is empty")));
    }
    let v = if let Ok(i) = value.parse::<i64>() {
        SqlValue::Integer(i)
    } else if let Ok(f) = value.parse::<f64>() {
        SqlValue::Real(f)
    } else if value == "null" {
        SqlValue::Null
    } else {
        SqlValue::Text(value.to_owned())
    };
    Ok((name.to_owned(), v))
}

/// What to do with the rows of a user's query, one at a time: `columns` once before the first
/// row, then `row` for each; returning `Ok(false)` from `row` stops the query early.
pub trait RowSink {
    /// The column names, in order.
    fn columns(&mut self, columns: &[String]) -> std::io::Result<()>;
    /// One row, keyed by column name.
    fn row(&mut self, row: Map<String, Value>) -> std::io::Result<bool>;
}

impl Store {
    /// Runs one read-only statement and hands its rows to `sink` as they come, so memory does
    /// not grow with the result. `timeout` bounds how long SQLite may work without producing the
    /// next row (a runaway query is stopped; a long result that keeps flowing is not).
    pub fn query_sql(
        &mut self,
        sql: &str,
        params: &[(String, SqlValue)],
        timeout: Option<Duration>,
        sink: &mut dyn RowSink,
    ) -> Result<()> {
        check_read_only(sql)?;
        self.register_fold()?;
        let started = Instant::now();
        // Milliseconds since `started` after which SQLite is interrupted; moved on at every row.
        let deadline = Arc::new(AtomicU64::new(u64::MAX));
        let watch = Arc::clone(&deadline);
        self.conn
            .progress_handler(
                10_000,
                Some(move || started.elapsed().as_millis() as u64 > watch.load(Ordering::Relaxed)),
            )
            .doing(|| "setting the query timeout".into())?;
        let extend = |d: &AtomicU64| {
            if let Some(t) = timeout {
                d.store((started.elapsed() + t).as_millis() as u64, Ordering::Relaxed);
            }
        };
        extend(&deadline);
        let result = self.stream(sql, params, sink, &|| extend(&deadline));
        self.conn
            .progress_handler(0, None::<fn() -> bool>)
            .doing(|| "clearing the query timeout".into())?;
        result.map_err(|e| match (e, timeout) {
            (Error::Usage(m), Some(t)) if m.contains("interrupted") => Error::TimedOut(format!(
                "the query ran {} s without producing a row and was stopped (--timeout {})",
                t.as_secs(),
                t.as_secs()
            )),
            (e, _) => e,
        })
    }

    fn stream(
        &self,
        sql: &str,
        params: &[(String, SqlValue)],
        sink: &mut dyn RowSink,
        on_row: &dyn Fn(),
    ) -> Result<()> {
        let mut stmt = self.conn.prepare(sql).map_err(|e| match e {
            rusqlite::Error::MultipleStatement => Error::Usage("`sql` runs one statement at a time".into()),
            e => Error::Usage(format!("SQL error: {e}")),
        })?;
        if !stmt.readonly() {
            return Err(Error::ReadOnly {
                reason: "the statement would write to the database".into(),
            });
        }
        for (name, value) in params {
            let idx = [":", "@", "$"]
                .iter()
                .find_map(|p| stmt.parameter_index(&format!("{p}{name}")).ok().flatten())
                .ok_or_else(|| Error::Usage(format!("--param {name}: the query has no parameter :{name}")))?;
            stmt.raw_bind_parameter(idx, value)
                .doing(|| format!("binding --param {name}"))?;
        }
        let columns: Vec<String> = stmt.column_names().map(str::to_owned).collect();
        sink.columns(&columns).map_err(output_error)?;
        let mut rows = stmt.raw_query();
        while let Some(row) = rows.next().map_err(|e| Error::Usage(format!("SQL error: {e}")))? {
            on_row();
            let mut obj = Map::new();
            for (i, name) in columns.iter().enumerate() {
                obj.insert(
                    name.clone(),
                    json_value(row.get_ref(i).doing(|| "reading a row".into())?),
                );
            }
            if !sink.row(obj).map_err(output_error)? {
                break;
            }
        }
        Ok(())
    }
}

/// One SQLite value as JSON (blobs in hex).
fn json_value(v: ValueRef) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(n) => Value::from(n),
        ValueRef::Real(f) => Value::from(f),
        ValueRef::Text(t) => Value::from(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Value::from(crate::article::hex(b)),
    }
}

/// A failure writing the rows out (a closed pipe included, which the binary treats as success).
fn output_error(source: std::io::Error) -> Error {
    Error::Io {
        path: "standard output".into(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_state_changing_pragmas_and_attach() {
        assert!(check_read_only("PRAGMA table_info(articles)").is_ok());
        assert!(check_read_only("pragma user_version = 9").is_err());
        assert!(check_read_only("PRAGMA journal_mode").is_err());
        assert!(check_read_only("-- x\nATTACH 'x.db' AS x").is_err());
        assert!(check_read_only("SELECT 1").is_ok());
        // A leading comment (even a non-ASCII one) neither panics nor hides the pragma's name.
        assert!(check_read_only("-- تعليق\nPRAGMA table_info(articles)").is_ok());
        assert!(check_read_only("/* x */ PRAGMA user_version").is_ok());
        assert!(check_read_only("/* x */ PRAGMA user_version = 5").is_err());
    }
}
