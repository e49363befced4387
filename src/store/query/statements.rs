//! Statements: the `statements` listing (who said what) and the statements of an actor's
//! profile. A statement is listed at its first occurrence (by article), with counts over all of
//! its occurrences. One read ([`LISTING`]): the filtered, ordered and limited statements with
//! their texts and occurrences; then their speakers' names.

use std::collections::{BTreeSet, HashMap};

use foldhash::fast::RandomState;
use serde::Serialize;

use super::filter::{Conditions, DateBound, id_list, limit};
use super::{names, sql_err};
use crate::error::{Result, SqlContext};
use crate::normalize::{fold, match_form};
use crate::store::{Store, paragraphs};

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

/// The text of the statement `s` (a row of `statement_rows`), as the `statements` view gives it.
const TEXT: &str = "(SELECT t.text FROM statements t WHERE t.id = s.id)";

/// What separates the match forms given to `isnad_fold_has`.
const FORM_SEPARATOR: char = '\u{1F}';

/// A listed statement: where it is shown (its first occurrence), what it says, who said it, and
/// the article, story and outlet of each of its occurrences.
struct Listed {
    id: i64,
    article: i64,
    start: i64,
    cue: String,
    sentence: i64,
    end: i64,
    speaker: Option<i64>,
    kind: String,
    anonymous: bool,
    text: String,
    occurrences: Vec<Occurrence>,
}

/// An occurrence of a statement: its article, and that article's story and outlet.
#[derive(Clone)]
struct Occurrence {
    article: i64,
    story: Option<i64>,
    outlet: Option<String>,
}

/// The statements a filter lists (`{keys}`: each statement at its first occurrence, filtered,
/// ordered and limited), with each of their occurrences; a statement's text only on the row of
/// its first occurrence, as stored or, when it has a place, its paragraph (cut in Rust,
/// [`paragraphs::cut`]). One query: the keys first, then the texts and the occurrences of their
/// id list, looked every statement and occurrence up a second time and parsed the list twice.
const LISTING: &str = "SELECT k.id, k.article_id, k.start, k.cue, k.sentence, k.end, k.speaker_id, k.kind,
        k.anonymous, k.text_offset, k.text_length, k.text_paragraph IS NOT NULL,
        CASE WHEN o.article_id = k.article_id AND o.start = k.start
             THEN coalesce((SELECT p.text FROM paragraphs p WHERE p.id = k.text_paragraph), k.text) END,
        o.article_id, a.story_id, a.outlet
   FROM ({keys}) k
   JOIN statement_occurrences o ON o.statement_id = k.id
   JOIN articles a ON a.id = o.article_id";

/// The statements a filter with no condition on their first occurrence and no limit lists
/// (`{where}`), one row per occurrence in the shape of [`LISTING`] (the occurrence as the key and
/// the text on every row); [`at_first`] keeps each statement at its first article. Finding the
/// first occurrence in SQL took two more look-ups per occurrence, a third of the SQL's time.
const WHOLE: &str = "SELECT s.id, o.article_id, o.start, o.cue, o.sentence, o.end, s.speaker_id, s.kind,
        s.anonymous, s.text_offset, s.text_length, s.text_paragraph IS NOT NULL,
        coalesce((SELECT p.text FROM paragraphs p WHERE p.id = s.text_paragraph), s.text),
        o.article_id, a.story_id, a.outlet
   FROM statement_rows s
   JOIN statement_occurrences o ON o.statement_id = s.id
   JOIN articles a ON a.id = o.article_id
  {where}";

/// [`WHOLE`]'s rows (a statement per occurrence) as the statements at their first article: the
/// occurrences in it, each with all of the statement's occurrences.
fn at_first(listed: Vec<Listed>) -> Vec<Listed> {
    let mut first: HashMap<i64, (i64, usize), RandomState> = HashMap::default();
    for l in &listed {
        let f = first.entry(l.id).or_insert((l.article, 0));
        (f.0, f.1) = (f.0.min(l.article), f.1 + 1);
    }
    let mut all: HashMap<i64, Vec<Occurrence>, RandomState> = HashMap::default();
    for l in listed.iter().filter(|l| first[&l.id].1 > 1) {
        all.entry(l.id).or_default().extend(l.occurrences.iter().cloned());
    }
    let at_first = listed.into_iter().filter(|l| first[&l.id].0 == l.article);
    at_first
        .map(|mut l| {
            if let Some(all) = all.get(&l.id) {
                l.occurrences = all.clone();
            }
            l
        })
        .collect()
}

/// The counts of a statement over its occurrences: articles, stories, outlets (an article
/// without one counts as one) and the outlets' names.
fn occurrence_counts(occurrences: &[Occurrence]) -> (i64, i64, i64, Vec<String>) {
    // Most statements occur once: nothing to tell apart.
    if let [o] = occurrences {
        return (1, i64::from(o.story.is_some()), 1, names(o.outlet.clone()));
    }
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
        let listed = self.listed(f)?;
        let speakers: BTreeSet<i64> = listed.iter().filter_map(|l| l.speaker).collect();
        let names = self.canonical_names(&speakers.into_iter().collect::<Vec<_>>())?;
        let rows = listed.into_iter().map(|l| {
            let (occurrences, stories, outlets, outlet_names) = occurrence_counts(&l.occurrences);
            StatementRow {
                id: l.id,
                speaker: l.speaker.and_then(|s| names.get(&s).cloned()),
                text: l.text,
                kind: l.kind,
                cue: l.cue,
                article_id: l.article,
                sentence: l.sentence,
                start: l.start,
                end: l.end,
                occurrences,
                anonymous: l.anonymous,
                stories,
                outlets,
                outlet_names,
            }
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
            c.bind(&format!("isnad_fold_has({TEXT}, ?)"), forms);
        }
        if let Some(words) = &f.contains {
            c.bind(&format!("isnad_fold_has({TEXT}, ?)"), match_form(words));
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

    /// The statements a filter lists ([`LISTING`], or [`WHOLE`] without a limit or a condition
    /// on the first occurrence), in article order: each statement at its first article
    /// (`+o.article_id` keeps the look-up on the occurrences' primary key), then by offset there
    /// and by id.
    fn listed(&self, f: &StatementFilter) -> Result<Vec<Listed>> {
        let c = self.statement_conditions(f)?;
        let dated = f.since.is_some() || f.until.is_some();
        let whole = !dated && f.article.is_none() && f.limit.is_none();
        let keys = format!(
            "SELECT s.id, o.article_id, o.start, o.cue, o.sentence, o.end, s.speaker_id, s.kind, s.anonymous,
                    s.text, s.text_paragraph, s.text_offset, s.text_length
               FROM statement_rows s
               JOIN statement_occurrences o ON o.statement_id = s.id
                AND +o.article_id = (SELECT min(y.article_id) FROM statement_occurrences y WHERE y.statement_id = s.id)
               {}
              {} ORDER BY o.article_id, o.start, s.id{}",
            if dated {
                "JOIN articles a ON a.id = o.article_id"
            } else {
                ""
            },
            c.where_clause(),
            limit(f.limit)
        );
        self.register_fold()?;
        let sql = match whole {
            true => WHOLE.replace("{where}", &c.where_clause()),
            false => LISTING.replace("{keys}", &keys),
        };
        let mut stmt = self.conn.prepare(&sql).doing(sql_err("listing statements"))?;
        let mut rows = stmt.query(c.params()).doing(sql_err("listing statements"))?;
        let mut index: HashMap<(i64, i64, i64), usize, RandomState> = HashMap::default();
        let mut listed: Vec<Listed> = Vec::new();
        let mut add = |r: &rusqlite::Row| -> rusqlite::Result<()> {
            let key = (r.get(0)?, r.get(1)?, r.get(2)?);
            let i = *index.entry(key).or_insert(listed.len());
            if i == listed.len() {
                listed.push(listed_row(r)?);
            }
            if let Some(text) = statement_text(r)? {
                listed[i].text = text;
            }
            listed[i].occurrences.push(Occurrence {
                article: r.get(13)?,
                story: r.get(14)?,
                outlet: r.get(15)?,
            });
            Ok(())
        };
        while let Some(r) = rows.next().doing(sql_err("listing statements"))? {
            add(r).doing(sql_err("listing statements"))?;
        }
        if whole {
            listed = at_first(listed);
        }
        listed.sort_by_key(|l| (l.article, l.start, l.id));
        Ok(listed)
    }

    /// The canonical names of the actors `ids` (the name of the actor each was merged into).
    fn canonical_names(&self, ids: &[i64]) -> Result<HashMap<i64, String>> {
        let sql = format!(
            "SELECT a.id, c.name FROM actors a JOIN actors c ON c.id = coalesce(a.merged_into, a.id)
              WHERE a.id IN ({})",
            id_list(ids)
        );
        super::pairs(&self.conn, &sql, "reading speakers")
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

/// A statement of [`LISTING`] as its first row gives it, without its text and occurrences.
fn listed_row(r: &rusqlite::Row) -> rusqlite::Result<Listed> {
    Ok(Listed {
        id: r.get(0)?,
        article: r.get(1)?,
        start: r.get(2)?,
        cue: r.get(3)?,
        sentence: r.get(4)?,
        end: r.get(5)?,
        speaker: r.get(6)?,
        kind: r.get(7)?,
        anonymous: r.get(8)?,
        text: String::new(),
        occurrences: Vec::new(),
    })
}

/// The text on a row of [`LISTING`] (only the first occurrence's has it): cut from the paragraph
/// given at the statement's place, or as stored.
fn statement_text(r: &rusqlite::Row) -> rusqlite::Result<Option<String>> {
    let text = match r.get_ref(12)? {
        rusqlite::types::ValueRef::Text(text) => text,
        _ => return Ok(None),
    };
    Ok(Some(match r.get::<_, bool>(11)? {
        true => paragraphs::cut(text, r.get(9)?, r.get(10)?),
        false => paragraphs::utf8(text),
    }))
}
