//! Timelines: one actor's mentions, statements and relations counted per day, week or month of
//! their articles' publication dates (`isnad timeline`). Articles without a readable date are
//! left out; the periods between the first and the last one are all listed, empty ones as 0.

use std::collections::BTreeMap;

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

use super::Store;
use super::query::{ActorRow, Conditions, DateBound, id_list};
use crate::error::{Result, SqlContext};

/// The length of a timeline's period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Period {
    /// A calendar day: `2018-04-14`.
    Day,
    /// A week from Monday, named by its Monday: `2018-04-09`.
    Week,
    /// A calendar month: `2018-04`.
    #[default]
    Month,
}

/// What `timeline` counts: one actor, by period, within optional date bounds.
#[derive(Debug, Default)]
pub struct TimelineFilter {
    /// Period length.
    pub by: Period,
    /// Only articles published at or after this date.
    pub since: Option<DateBound>,
    /// Only articles published at or before this date (the whole period given).
    pub until: Option<DateBound>,
}

/// One period of a timeline.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TimelineRow {
    /// The period: `YYYY-MM-DD` (a day, or a week's Monday) or `YYYY-MM`.
    pub period: String,
    /// Mentions of the actor in articles of the period.
    pub mentions: u64,
    /// Statements the actor made in articles of the period.
    pub statements: u64,
    /// Relations the actor takes part in, in articles of the period.
    pub relations: u64,
}

/// The period an article's `published_at` (`a.published_at`) falls in, as SQL; NULL when the
/// date cannot be read.
fn period_sql(by: Period) -> &'static str {
    match by {
        Period::Day => "date(substr(a.published_at, 1, 10))",
        Period::Month => "strftime('%Y-%m', substr(a.published_at, 1, 10))",
        Period::Week => {
            "date(substr(a.published_at, 1, 10),
                  '-' || ((CAST(strftime('%w', substr(a.published_at, 1, 10)) AS INTEGER) + 6) % 7) || ' days')"
        }
    }
}

/// The period after `period`, or None when `period` is not one.
fn next_period(by: Period, period: &str) -> Option<String> {
    let day = match by {
        Period::Month => NaiveDate::parse_from_str(&format!("{period}-01"), "%Y-%m-%d").ok()?,
        _ => NaiveDate::parse_from_str(period, "%Y-%m-%d").ok()?,
    };
    Some(match by {
        Period::Day => day.succ_opt()?.to_string(),
        Period::Week => (day + chrono::Duration::days(7)).to_string(),
        Period::Month => {
            let next = day.checked_add_months(Months::new(1))?;
            format!("{:04}-{:02}", next.year(), next.month())
        }
    })
}

/// Every period from the first to the last of `counted`, the missing ones as zeros.
fn fill_gaps(by: Period, counted: BTreeMap<String, TimelineRow>) -> Vec<TimelineRow> {
    let (Some(first), Some(last)) = (counted.keys().next(), counted.keys().next_back()) else {
        return Vec::new();
    };
    let mut rows = Vec::new();
    let mut period = first.clone();
    while period <= *last {
        let row = counted.get(&period).cloned().unwrap_or_else(|| TimelineRow {
            period: period.clone(),
            ..Default::default()
        });
        rows.push(row);
        match next_period(by, &period) {
            Some(next) => period = next,
            None => break,
        }
    }
    rows
}

/// A timeline: the actor, its periods, and what was left out for want of a date.
#[derive(Debug)]
pub struct Timeline {
    /// The actor the name resolved to.
    pub actor: ActorRow,
    /// One row per period, first to last.
    pub rows: Vec<TimelineRow>,
    /// The counts in articles with no readable publication date (period `undated`).
    pub undated: TimelineRow,
}

/// The three counting queries (mentions, statements, relations) of the actors `{members}`, by
/// period (`{period}`; NULL for articles without a readable date), each with the condition on
/// the actors that goes with the filters in `{where}` ("" when the query holds it already).
/// Mentions are counted per article first, so each article's date is read once.
const COUNTS: [(&str, &str); 3] = [
    (
        "SELECT {period}, sum(m.n) FROM (
             SELECT article_id, count(*) AS n FROM mentions WHERE actor_id IN ({members}) GROUP BY article_id) m
           JOIN articles a ON a.id = m.article_id {where} GROUP BY 1",
        "",
    ),
    (
        "SELECT {period}, count(DISTINCT o.statement_id) FROM statement_occurrences o
           JOIN statements s ON s.id = o.statement_id JOIN articles a ON a.id = o.article_id {where} GROUP BY 1",
        "s.speaker_id IN ({members})",
    ),
    (
        "SELECT {period}, count(*) FROM relations r JOIN articles a ON a.id = r.article_id {where} GROUP BY 1",
        "(r.subject_id IN ({members}) OR r.object_id IN ({members}))",
    ),
];

impl Store {
    /// The timeline of the actor `name` refers to (resolved as `actor NAME` resolves it, merged
    /// actors included).
    pub fn timeline(&self, name: &str, f: &TimelineFilter) -> Result<Timeline> {
        let actor = self.actor_named(name)?;
        let members = id_list(&self.with_merged(&[actor.id])?);
        let mut counted: BTreeMap<String, TimelineRow> = BTreeMap::new();
        let mut undated = TimelineRow {
            period: "undated".into(),
            ..Default::default()
        };
        for (column, query) in COUNTS.iter().enumerate() {
            for (period, n) in self.count_by_period(query, &members, f)? {
                let row = match period {
                    Some(period) => counted.entry(period.clone()).or_insert_with(|| TimelineRow {
                        period,
                        ..Default::default()
                    }),
                    None => &mut undated,
                };
                *row.column(column) = n;
            }
        }
        Ok(Timeline {
            actor,
            rows: fill_gaps(f.by, counted),
            undated,
        })
    }

    /// Runs one counting query for the actors `members` within the date bounds: the count per
    /// period, `None` for the articles without a readable date.
    fn count_by_period(
        &self,
        query: &(&str, &str),
        members: &str,
        f: &TimelineFilter,
    ) -> Result<Vec<(Option<String>, u64)>> {
        let mut c = Conditions::default();
        if !query.1.is_empty() {
            c.add(query.1);
        }
        c.dates("a.published_at", f.since.as_ref(), f.until.as_ref());
        let sql = query
            .0
            .replace("{where}", &c.where_clause())
            .replace("{members}", members)
            .replace("{period}", period_sql(f.by));
        let doing = || "counting a timeline".to_owned();
        let mut stmt = self.conn.prepare(&sql).doing(doing)?;
        let rows = stmt
            .query_map(c.params(), |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)))
            .doing(doing)?
            .collect::<rusqlite::Result<_>>()
            .doing(doing)?;
        Ok(rows)
    }
}

impl TimelineRow {
    /// The count in column 0 (mentions), 1 (statements) or 2 (relations).
    fn column(&mut self, column: usize) -> &mut u64 {
        match column {
            0 => &mut self.mentions,
            1 => &mut self.statements,
            _ => &mut self.relations,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_follow_each_other_across_months_and_years() {
        assert_eq!(next_period(Period::Day, "2018-02-28").as_deref(), Some("2018-03-01"));
        assert_eq!(next_period(Period::Week, "2018-12-31").as_deref(), Some("2019-01-07"));
        assert_eq!(next_period(Period::Month, "2018-12").as_deref(), Some("2019-01"));
        assert_eq!(next_period(Period::Month, "not a month"), None);
    }

    #[test]
    fn gaps_between_the_first_and_last_period_are_zero_rows() {
        let row = |period: &str, mentions| TimelineRow {
            period: period.into(),
            mentions,
            ..Default::default()
        };
        let counted = BTreeMap::from([
            ("2018-04".to_owned(), row("2018-04", 3)),
            ("2018-07".into(), row("2018-07", 1)),
        ]);
        let rows = fill_gaps(Period::Month, counted);
        let periods: Vec<_> = rows.iter().map(|r| (r.period.as_str(), r.mentions)).collect();
        assert_eq!(
            periods,
            [("2018-04", 3), ("2018-05", 0), ("2018-06", 0), ("2018-07", 1)]
        );
    }
}
