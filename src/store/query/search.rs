//! Full-text search: the query in match form expanded over the forms the index holds (each
//! word behind every proclitic), ranked by `isnad_rank` ([`crate::store::rank`]); and the
//! snippets shown with each hit, cut from the stored text around the first match.

use super::sql_err;
use crate::error::{Error, Result, SqlContext};
use crate::normalize::{PROCLITICS, fold_char, is_word_char, match_form, proclitic_variants, with_proclitics};
use crate::store::Store;
use serde::Serialize;

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

impl Store {
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
    /// index holds) and the `isnad_rank` call that ranks it ([`crate::store::rank`]: each phrase with the
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
/// migration 0007, and [`crate::store::rank`] scores it as one term. At most a few dozen words.
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
