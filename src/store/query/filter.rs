//! The one query builder of the listings: conditions joined by `AND`, each with its parameters
//! bound in order (anonymous `?`), so no listing numbers parameters by hand or starts from
//! `WHERE 1=1`; and the date bounds (`--since`/`--until`) every listing filters by, parsed once
//! ([`DateBound`]) and written into SQL by one routine ([`Conditions::dates`]).

use std::fmt;
use std::str::FromStr;

use rusqlite::types::Value;

/// A date bound as `--since`/`--until` take it: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or an RFC 3339
/// time. Checked when parsed, so a bad date is a usage error, never an empty answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateBound(String);

impl FromStr for DateBound {
    type Err = String;

    fn from_str(s: &str) -> Result<DateBound, String> {
        let s = s.trim();
        let full = |d: &str| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok();
        let ok = match s.len() {
            4 => s.bytes().all(|b| b.is_ascii_digit()),
            7 => full(&format!("{s}-01")),
            10 => full(s),
            _ => chrono::DateTime::parse_from_rfc3339(s).is_ok(),
        };
        match ok {
            true => Ok(DateBound(s.to_owned())),
            false => {
                Err("expected a date: YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339 time (2018-03-17T06:15:49Z)".into())
            }
        }
    }
}

impl fmt::Display for DateBound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl DateBound {
    /// The lowest ISO 8601 time at or after the bound: the bound itself.
    fn lowest(&self) -> String {
        self.0.clone()
    }

    /// The highest ISO 8601 time within the bound, so that `2018-03-17` includes the whole day.
    fn highest(&self) -> String {
        format!("{}\u{10FFFF}", self.0)
    }
}

/// Conditions with their bound parameters, rendered as `WHERE a AND b` (or `HAVING`, or
/// nothing when there are none).
#[derive(Debug, Default)]
pub(crate) struct Conditions {
    sql: Vec<String>,
    params: Vec<Value>,
}

impl Conditions {
    /// A condition without parameters.
    pub(crate) fn add(&mut self, sql: impl Into<String>) -> &mut Self {
        self.sql.push(sql.into());
        self
    }

    /// A condition whose every `?` is bound to `value`.
    pub(crate) fn bind(&mut self, sql: &str, value: impl Into<Value>) -> &mut Self {
        let value = value.into();
        let n = sql.matches('?').count();
        self.params.extend(std::iter::repeat_n(value, n));
        self.add(sql)
    }

    /// Any of `values` in the condition `sql` (one `?` each), ORed; no condition for none.
    pub(crate) fn any(&mut self, sql: &str, values: Vec<String>) -> &mut Self {
        if values.is_empty() {
            return self;
        }
        let ors = vec![sql; values.len()].join(" OR ");
        self.params.extend(values.into_iter().map(Value::from));
        self.add(format!("({ors})"))
    }

    /// `column IN (ids)`: integers only, so they are written out rather than bound.
    pub(crate) fn ids(&mut self, column: &str, ids: &[i64]) -> &mut Self {
        self.add(format!("{column} IN ({})", id_list(ids)))
    }

    /// The date bounds on the ISO 8601 `column`: at or after `since`, at or before `until`
    /// (the whole day, month or year given).
    pub(crate) fn dates(&mut self, column: &str, since: Option<&DateBound>, until: Option<&DateBound>) -> &mut Self {
        if let Some(since) = since {
            self.bind(&format!("{column} >= ?"), since.lowest());
        }
        if let Some(until) = until {
            self.bind(&format!("{column} <= ?"), until.highest());
        }
        self
    }

    /// `WHERE …`, or nothing without conditions.
    pub(crate) fn where_clause(&self) -> String {
        self.clause("WHERE")
    }

    /// `keyword a AND b`, or nothing without conditions.
    pub(crate) fn clause(&self, keyword: &str) -> String {
        match self.sql.is_empty() {
            true => String::new(),
            false => format!("{keyword} {}", self.sql.join(" AND ")),
        }
    }

    /// The parameters, in the order of the conditions.
    pub(crate) fn params(&self) -> rusqlite::ParamsFromIter<&Vec<Value>> {
        rusqlite::params_from_iter(&self.params)
    }
}

/// ` LIMIT n`, or nothing.
pub(crate) fn limit(n: Option<u64>) -> String {
    n.map(|n| format!(" LIMIT {n}")).unwrap_or_default()
}

/// Ids as a comma-separated SQL list (integers only, so nothing user-given is spliced), in
/// ascending order: SQLite puts a list into a b-tree, and ids in order are appended to its last
/// page rather than inserted in the middle of one (4,000 paragraph ids in hash order: a fifth
/// of `relations --actor ترامب`).
pub(crate) fn id_list(ids: &[i64]) -> String {
    if ids.is_empty() {
        return "NULL".into();
    }
    let mut sorted = ids.to_vec();
    sorted.sort_unstable();
    sorted.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conditions_bind_their_parameters_in_order() {
        let since: DateBound = "2018-03".parse().unwrap();
        let mut c = Conditions::default();
        c.bind("a.lang = ?", "ar".to_owned())
            .dates("a.published_at", None, Some(&since))
            .ids("a.id", &[1, 2]);
        assert_eq!(
            c.where_clause(),
            "WHERE a.lang = ? AND a.published_at <= ? AND a.id IN (1,2)"
        );
        assert_eq!(
            c.params,
            [
                Value::from("ar".to_owned()),
                Value::from("2018-03\u{10FFFF}".to_owned())
            ]
        );
        assert_eq!(Conditions::default().where_clause(), "");
    }

    #[test]
    fn date_bounds_take_years_months_days_and_times_only() {
        for ok in ["2013", "2013-08", "2013-08-09", " 2013-08-09T00:00:00Z"] {
            assert!(ok.parse::<DateBound>().is_ok(), "{ok}");
        }
        for bad in ["junk", "2018-13", "2018-13-45", "13", ""] {
            assert!(bad.parse::<DateBound>().is_err(), "{bad}");
        }
    }
}
