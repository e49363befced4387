//! Statements: the `statements` listing (who said what) and the statements of an actor's
//! profile. A statement is listed at its first occurrence (by article), with counts over all of
//! its occurrences. Two reads: the filtered, ordered and limited keys, then the listed
//! statements' texts and occurrences, each in one query.

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use super::filter::{Conditions, DateBound, id_list, limit};
use super::{names, sql_err};
use crate::error::{Result, SqlContext};
use crate::normalize::{fold, match_form};
use crate::store::Store;

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
    pub since: Option<DateBound>,
    /// Article published at or before.
    pub until: Option<DateBound>,
    /// Only statements from this article.
    pub article: Option<i64>,
    /// Also statements with no named speaker: anonymous sources and subjects extraction could
    /// not resolve (left out by default).
    pub unattributed: bool,
    /// At most this many.
    pub limit: Option<u64>,
}

/// What separates the match forms given to `isnad_fold_has`.
const FORM_SEPARATOR: char = '\u{1F}';

/// Where a listed statement is shown: its id and the article and offset of its first occurrence.
type Key = (i64, i64, i64);

/// What a statement says and who said it.
struct Said {
    speaker: Option<String>,
    text: String,
    kind: String,
    anonymous: bool,
}

/// One occurrence of a statement, with its article's story and outlet.
struct Occurrence {
    article: i64,
    start: i64,
    cue: String,
    sentence: i64,
    end: i64,
    story: Option<i64>,
    outlet: Option<String>,
}

/// The counts of a statement over its occurrences: articles, stories, outlets (an article
/// without one counts as one) and the outlets' names.
fn occurrence_counts(occurrences: &[Occurrence]) -> (i64, i64, i64, Vec<String>) {
    let articles: BTreeSet<i64> = occurrences.iter().map(|o| o.article).collect();
    let stories: BTreeSet<i64> = occurrences.iter().filter_map(|o| o.story).collect();
    let mut outlets: Vec<&str> = Vec::new();
    let mut unnamed = BTreeSet::new();
    for o in occurrences {
        match &o.outlet {
            Some(name) if !outlets.contains(&name.as_str()) => outlets.push(name),
            Some(_) => {}
            None => _ = unnamed.insert(o.article),
        }
    }
    let joined = (!outlets.is_empty()).then(|| outlets.join(","));
    let n = |len: usize| len as i64;
    (
        n(articles.len()),
        n(stories.len()),
        n(outlets.len() + unnamed.len()),
        names(joined),
    )
}

impl Store {
    /// Lists statements, in article order.
    pub fn statements(&self, f: &StatementFilter) -> Result<Vec<StatementRow>> {
        let keys = self.statement_keys(f)?;
        let ids: Vec<i64> = keys.iter().map(|k| k.0).collect();
        let said = self.said(&ids)?;
        let occurrences = self.occurrences(&ids)?;
        let rows = keys.iter().filter_map(|&(id, article, start)| {
            let all = occurrences.get(&id)?;
            let first = all.iter().find(|o| (o.article, o.start) == (article, start))?;
            let (occurrences, stories, outlets, outlet_names) = occurrence_counts(all);
            let said = said.get(&id)?;
            Some(StatementRow {
                id,
                speaker: said.speaker.clone(),
                text: said.text.clone(),
                kind: said.kind.clone(),
                cue: first.cue.clone(),
                article_id: article,
                sentence: first.sentence,
                start,
                end: first.end,
                occurrences,
                anonymous: said.anonymous,
                stories,
                outlets,
                outlet_names,
            })
        });
        Ok(rows.collect())
    }

    /// The conditions of a statement filter, on the statement `s`, its first occurrence `o`
    /// and that occurrence's article `a`.
    fn statement_conditions(&self, f: &StatementFilter) -> Result<Conditions> {
        let mut c = Conditions::default();
        let speakers = match (&f.speaker_ids, &f.speaker) {
            (Some(ids), _) => Some(ids.clone()),
            (None, Some(name)) => Some(self.with_merged(&self.actor_ids_named(name)?)?),
            (None, None) => None,
        };
        match speakers {
            // A speaker given is a named one.
            Some(ids) => _ = c.ids("s.speaker_id", &ids),
            None if !f.unattributed => _ = c.add("(s.speaker_id IS NOT NULL OR s.anonymous)"),
            None => {}
        }
        if let Some(about) = &f.about {
            let forms = self.about_forms(about)?.join(&FORM_SEPARATOR.to_string());
            c.bind("isnad_fold_has(s.text, ?)", forms);
        }
        if let Some(words) = &f.contains {
            c.bind("isnad_fold_has(s.text, ?)", match_form(words));
        }
        c.dates("a.published_at", f.since.as_ref(), f.until.as_ref());
        if let Some(article) = f.article {
            c.bind("o.article_id = ?", article);
        }
        Ok(c)
    }

    /// What `--about` looks for in a statement's text: any alias of the actors it names, else
    /// the words themselves (match form).
    fn about_forms(&self, about: &str) -> Result<Vec<String>> {
        let ids = self.actor_ids_named(about)?;
        let aliases = self.aliases_of(&ids)?;
        let mut forms: Vec<String> = ids
            .iter()
            .filter_map(|id| aliases.get(id))
            .flat_map(|list| list.iter().map(|a| fold(a)))
            .collect();
        if forms.is_empty() {
            forms.push(match_form(about));
        }
        Ok(forms)
    }

    /// The keys of the statements a filter lists, in article order: each statement at its
    /// first article (`+o.article_id` keeps the look-up on the occurrences' primary key).
    fn statement_keys(&self, f: &StatementFilter) -> Result<Vec<Key>> {
        let c = self.statement_conditions(f)?;
        let dated = f.since.is_some() || f.until.is_some();
        let sql = format!(
            "SELECT s.id, o.article_id, o.start
               FROM statements s
               JOIN statement_occurrences o ON o.statement_id = s.id
                AND +o.article_id = (SELECT min(y.article_id) FROM statement_occurrences y WHERE y.statement_id = s.id)
               {}
              {} ORDER BY o.article_id, o.start{}",
            if dated {
                "JOIN articles a ON a.id = o.article_id"
            } else {
                ""
            },
            c.where_clause(),
            limit(f.limit)
        );
        self.register_fold()?;
        let mut stmt = self.conn.prepare(&sql).doing(sql_err("listing statements"))?;
        let keys = stmt
            .query_map(c.params(), |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .doing(sql_err("listing statements"))?
            .collect::<rusqlite::Result<_>>()
            .doing(sql_err("listing statements"))?;
        Ok(keys)
    }

    /// Speaker (canonical name), text, kind and anonymity of the statements `ids`. The speakers'
    /// names are read once each ([`Store::canonical_names`]), not joined to every row (two
    /// look-ups per statement: 5% of the instructions of `statements --speaker ترامب`).
    fn said(&self, ids: &[i64]) -> Result<HashMap<i64, Said>> {
        let sql = format!(
            "SELECT s.id, s.speaker_id, s.text, s.kind, s.anonymous FROM statements s WHERE s.id IN ({})",
            id_list(ids)
        );
        let mut stmt = self.conn.prepare(&sql).doing(sql_err("reading statements"))?;
        let rows: Vec<(i64, Option<i64>, Said)> = stmt
            .query_map([], |r| {
                let said = Said {
                    speaker: None,
                    text: r.get(2)?,
                    kind: r.get(3)?,
                    anonymous: r.get(4)?,
                };
                Ok((r.get(0)?, r.get(1)?, said))
            })
            .doing(sql_err("reading statements"))?
            .collect::<rusqlite::Result<_>>()
            .doing(sql_err("reading statements"))?;
        let speakers: BTreeSet<i64> = rows.iter().filter_map(|r| r.1).collect();
        let names = self.canonical_names(&speakers.into_iter().collect::<Vec<_>>())?;
        Ok(rows
            .into_iter()
            .map(|(id, speaker, said)| {
                let speaker = speaker.and_then(|s| names.get(&s).cloned());
                (id, Said { speaker, ..said })
            })
            .collect())
    }

    /// The canonical names of the actors `ids` (the name of the actor each was merged into).
    fn canonical_names(&self, ids: &[i64]) -> Result<HashMap<i64, String>> {
        let sql = format!(
            "SELECT a.id, c.name FROM actors a JOIN actors c ON c.id = coalesce(a.merged_into, a.id)
              WHERE a.id IN ({})",
            id_list(ids)
        );
        let mut stmt = self.conn.prepare(&sql).doing(sql_err("reading speakers"))?;
        let names = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .doing(sql_err("reading speakers"))?
            .collect::<rusqlite::Result<_>>()
            .doing(sql_err("reading speakers"))?;
        Ok(names)
    }

    /// Every occurrence of the statements `ids`, with its article's story and outlet.
    fn occurrences(&self, ids: &[i64]) -> Result<HashMap<i64, Vec<Occurrence>>> {
        let sql = format!(
            "SELECT o.statement_id, o.article_id, o.start, o.cue, o.sentence, o.end, a.story_id, a.outlet
               FROM statement_occurrences o JOIN articles a ON a.id = o.article_id
              WHERE o.statement_id IN ({})",
            id_list(ids)
        );
        let mut stmt = self
            .conn
            .prepare(&sql)
            .doing(sql_err("reading statement occurrences"))?;
        let found = stmt
            .query_map([], |r| {
                let o = Occurrence {
                    article: r.get(1)?,
                    start: r.get(2)?,
                    cue: r.get(3)?,
                    sentence: r.get(4)?,
                    end: r.get(5)?,
                    story: r.get(6)?,
                    outlet: r.get(7)?,
                };
                Ok((r.get::<_, i64>(0)?, o))
            })
            .doing(sql_err("reading statement occurrences"))?;
        let mut occurrences: HashMap<i64, Vec<Occurrence>> = HashMap::new();
        for row in found {
            let (id, o) = row.doing(sql_err("reading statement occurrences"))?;
            occurrences.entry(id).or_default().push(o);
        }
        Ok(occurrences)
    }

    /// Registers `isnad_fold(text)`, the match form, and `isnad_fold_has(text, forms)`, whether
    /// the match form of `text` contains one of `forms` (match forms joined by
    /// `FORM_SEPARATOR`: the text is folded once, however many forms), as SQL functions on
    /// this connection.
    pub fn register_fold(&self) -> Result<()> {
        use rusqlite::functions::FunctionFlags;
        let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
        self.conn
            .create_scalar_function("isnad_fold", 1, flags, |ctx| {
                let s: Option<String> = ctx.get(0)?;
                Ok(s.map(|s| fold(&s)))
            })
            .doing(sql_err("registering isnad_fold"))?;
        self.conn
            .create_scalar_function("isnad_fold_has", 2, flags, |ctx| {
                let (text, forms): (Option<String>, String) = (ctx.get(0)?, ctx.get(1)?);
                let folded = text.map(|t| fold(&t)).unwrap_or_default();
                Ok(forms.split(FORM_SEPARATOR).any(|f| folded.contains(f)))
            })
            .doing(sql_err("registering isnad_fold_has"))
    }
}
