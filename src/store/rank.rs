//! The ranking of full-text hits: `isnad_rank`, an FTS5 auxiliary function registered on every
//! connection isnad opens (through SQLite's `fts5_api`; nothing of it is stored in the database,
//! which other tools keep reading with the stock FTS5).
//!
//! It is FTS5's own `bm25` (k1 = 1.2, b = 0.75, every column weight 1) over *groups* of phrases
//! instead of single phrases. Search ORs, for each proclitic-free form of a query word, every
//! written form that has it (سوريه: سوريه, وسوريه, بسوريه, …); `bm25` would weigh each of those as a
//! separate term, so one rare written form (كسوريه) would outweigh many common ones. A group is
//! scored as one term: its frequency in the article is the sum of its phrases' hits, its IDF
//! comes from the articles holding any of them. That is how the index scored a proclitic-free
//! form when it held one token per stem (before migration 0007), so the ranking stays nearly the
//! same (article lengths no longer count the stems).
//!
//! Used as FTS5's rank (`rank MATCH ?` bound to `isnad_rank('G G,G …')`): one entry per phrase of
//! the query, in order, each the groups (numbered from 0) the phrase counts for, comma-separated;
//! a phrase can count for several (والسوريين is a form of both السوريين and سوريين).

use std::collections::HashSet;
use std::ffi::{c_int, c_void};
use std::ptr::null_mut;

use rusqlite::Connection;
use rusqlite::ffi;

use crate::error::{Error, Result};

/// FTS5's `bm25` parameters.
const K1: f64 = 1.2;
const B: f64 = 0.75;

/// Registers `isnad_rank` on `conn`.
pub(crate) fn register(conn: &Connection) -> Result<()> {
    // SAFETY: the handle is open for the whole call; `fts5_api` comes from SQLite itself and
    // lives as long as the connection; the function pointer is a plain `extern "C"` function.
    unsafe {
        let db = conn.handle();
        let api = fts5_api(db).ok_or_else(|| failed("this SQLite has no FTS5"))?;
        let create = (*api).xCreateFunction.ok_or_else(|| failed("no xCreateFunction"))?;
        let rc = create(api, c"isnad_rank".as_ptr(), null_mut(), Some(isnad_rank), None);
        if rc != ffi::SQLITE_OK {
            return Err(failed(&format!("SQLite error {rc}")));
        }
    }
    Ok(())
}

fn failed(why: &str) -> Error {
    Error::Sqlite {
        doing: "registering the search ranking".into(),
        source: rusqlite::Error::UserFunctionError(why.into()),
    }
}

/// The connection's `fts5_api`, as SQLite's documentation gets it: `SELECT fts5(?1)` with a
/// pointer bound to receive it.
unsafe fn fts5_api(db: *mut ffi::sqlite3) -> Option<*mut ffi::fts5_api> {
    let mut stmt = null_mut();
    // SAFETY (whole body): `db` is an open connection; the statement is finalized before return.
    unsafe {
        if ffi::sqlite3_prepare_v2(db, c"SELECT fts5(?1)".as_ptr(), -1, &mut stmt, null_mut()) != ffi::SQLITE_OK {
            return None;
        }
        let mut api: *mut ffi::fts5_api = null_mut();
        let slot = (&raw mut api).cast::<c_void>();
        ffi::sqlite3_bind_pointer(stmt, 1, slot, c"fts5_api_ptr".as_ptr(), None);
        ffi::sqlite3_step(stmt);
        ffi::sqlite3_finalize(stmt);
        (!api.is_null()).then_some(api)
    }
}

/// What one query needs for every row: the group of each phrase, each group's IDF, the average
/// article length in tokens.
struct QueryStats {
    groups_of: Vec<Vec<usize>>,
    idf: Vec<f64>,
    avgdl: f64,
}

unsafe extern "C" fn drop_stats(p: *mut c_void) {
    // SAFETY: `p` is the `Box<QueryStats>` leaked in `stats`, freed once by FTS5.
    drop(unsafe { Box::from_raw(p.cast::<QueryStats>()) });
}

/// The auxiliary function: minus the grouped bm25 score (smaller is better, as for `bm25`).
unsafe extern "C" fn isnad_rank(
    api: *const ffi::Fts5ExtensionApi,
    fts: *mut ffi::Fts5Context,
    ctx: *mut ffi::sqlite3_context,
    n_args: c_int,
    args: *mut *mut ffi::sqlite3_value,
) {
    // SAFETY (whole body): FTS5 passes a valid API, context and `n_args` values.
    unsafe {
        let groups = if n_args >= 1 { text_arg(*args) } else { String::new() };
        match stats(api, fts, &groups).and_then(|s| score(api, fts, s)) {
            Some(score) => ffi::sqlite3_result_double(ctx, -score),
            None => ffi::sqlite3_result_error(ctx, c"isnad_rank: bad arguments or FTS5 error".as_ptr(), -1),
        }
    }
}

/// The text of an SQL value ('' for NULL).
unsafe fn text_arg(v: *mut ffi::sqlite3_value) -> String {
    // SAFETY: `v` is a valid value; the text pointer is valid for `bytes` bytes until the next
    // call on it.
    unsafe {
        let p = ffi::sqlite3_value_text(v);
        let n = ffi::sqlite3_value_bytes(v);
        if p.is_null() {
            return String::new();
        }
        String::from_utf8_lossy(std::slice::from_raw_parts(p, n as usize)).into_owned()
    }
}

/// This query's statistics, computed at its first row and kept as FTS5 auxiliary data.
unsafe fn stats<'q>(
    api: *const ffi::Fts5ExtensionApi,
    fts: *mut ffi::Fts5Context,
    groups: &str,
) -> Option<&'q QueryStats> {
    // SAFETY (whole body): the API's functions are called with the context FTS5 gave.
    unsafe {
        let a = &*api;
        let kept = (a.xGetAuxdata?)(fts, 0).cast::<QueryStats>();
        if !kept.is_null() {
            return Some(&*kept);
        }
        let phrases = (a.xPhraseCount?)(fts) as usize;
        let groups_of = groups_of(groups, phrases)?;
        let (mut rows, mut tokens) = (0i64, 0i64);
        if (a.xRowCount?)(fts, &mut rows) != ffi::SQLITE_OK
            || (a.xColumnTotalSize?)(fts, -1, &mut tokens) != ffi::SQLITE_OK
        {
            return None;
        }
        let n_groups = groups_of.iter().flatten().max().map_or(0, |g| g + 1);
        // The articles holding each phrase, then each group: the union of its phrases' articles
        // (a group of one phrase needs only the count).
        let mut rowids: Vec<Vec<i64>> = Vec::with_capacity(phrases);
        for phrase in 0..phrases {
            let mut found: Vec<i64> = Vec::new();
            let out = (&raw mut found).cast::<c_void>();
            if (a.xQueryPhrase?)(fts, phrase as c_int, out, Some(note_row)) != ffi::SQLITE_OK {
                return None;
            }
            rowids.push(found);
        }
        let idf = (0..n_groups)
            .map(|g| {
                let members: Vec<&Vec<i64>> = (0..phrases)
                    .filter(|&p| groups_of[p].contains(&g))
                    .map(|p| &rowids[p])
                    .collect();
                let holding = match members[..] {
                    [one] => one.len(),
                    _ => members.into_iter().flatten().collect::<HashSet<_>>().len(),
                };
                idf(rows as f64, holding as f64)
            })
            .collect();
        let stats = Box::into_raw(Box::new(QueryStats {
            groups_of,
            idf,
            avgdl: tokens as f64 / rows.max(1) as f64,
        }));
        if (a.xSetAuxdata?)(fts, stats.cast::<c_void>(), Some(drop_stats)) != ffi::SQLITE_OK {
            return None;
        }
        Some(&*stats)
    }
}

/// FTS5's IDF: log((N - n + 0.5) / (n + 0.5)), at least 1e-6.
fn idf(rows: f64, hits: f64) -> f64 {
    let idf = ((rows - hits + 0.5) / (hits + 0.5)).ln();
    if idf <= 0.0 { 1e-6 } else { idf }
}

/// The groups of each of `phrases` phrases from 'G G,G …'; `None` when the entries are not one
/// per phrase or not numbers.
fn groups_of(spec: &str, phrases: usize) -> Option<Vec<Vec<usize>>> {
    let out = spec
        .split_whitespace()
        .map(|e| e.split(',').map(|g| g.parse().ok()).collect::<Option<Vec<usize>>>())
        .collect::<Option<Vec<_>>>()?;
    (out.len() == phrases).then_some(out)
}

/// `xQueryPhrase` callback: appends the row to the `Vec<i64>` passed as user data.
unsafe extern "C" fn note_row(
    api: *const ffi::Fts5ExtensionApi,
    fts: *mut ffi::Fts5Context,
    set: *mut c_void,
) -> c_int {
    // SAFETY: `set` is the `Vec` `stats` passed; the API and context are FTS5's.
    unsafe {
        let Some(rowid) = (*api).xRowid else {
            return ffi::SQLITE_ERROR;
        };
        (*set.cast::<Vec<i64>>()).push(rowid(fts));
    }
    ffi::SQLITE_OK
}

/// The grouped bm25 score of the current row.
unsafe fn score(api: *const ffi::Fts5ExtensionApi, fts: *mut ffi::Fts5Context, s: &QueryStats) -> Option<f64> {
    // SAFETY (whole body): the API's functions are called with the context FTS5 gave.
    unsafe {
        let a = &*api;
        let mut n_inst: c_int = 0;
        if (a.xInstCount?)(fts, &mut n_inst) != ffi::SQLITE_OK {
            return None;
        }
        let mut freq = vec![0.0f64; s.idf.len()];
        for i in 0..n_inst {
            let (mut phrase, mut col, mut off) = (0, 0, 0);
            if (a.xInst?)(fts, i, &mut phrase, &mut col, &mut off) != ffi::SQLITE_OK {
                return None;
            }
            for &g in s.groups_of.get(phrase as usize)? {
                freq[g] += 1.0;
            }
        }
        let mut tokens: c_int = 0;
        if (a.xColumnSize?)(fts, -1, &mut tokens) != ffi::SQLITE_OK {
            return None;
        }
        let norm = K1 * (1.0 - B + B * f64::from(tokens) / s.avgdl);
        Some(
            freq.iter()
                .zip(&s.idf)
                .map(|(f, idf)| idf * (f * (K1 + 1.0)) / (f + norm))
                .sum(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::with_proclitics;

    /// Ids of the articles matching `query`, best first by `order`.
    fn ranked(conn: &Connection, query: &str, order: &str) -> Vec<i64> {
        let sql = format!("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY {order}");
        let mut stmt = conn.prepare(&sql).expect("a search");
        stmt.query_map([query], |r| r.get(0))
            .expect("hits")
            .collect::<rusqlite::Result<_>>()
            .expect("hits")
    }

    #[test]
    fn a_proclitic_form_counts_as_the_word_it_carries() {
        let conn = Connection::open_in_memory().expect("a database");
        conn.execute_batch(
            "CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content = '',
                 tokenize = 'unicode61 remove_diacritics 2');",
        )
        .expect("the table");
        register(&conn).expect("registering");
        let insert = |id: i64, body: &str| {
            conn.execute(
                "INSERT INTO articles_fts (rowid, title, body) VALUES (?1, '', ?2)",
                rusqlite::params![id, body],
            )
            .expect("a row");
        };
        // Article 1 names Syria four times, article 2 once behind the rare proclitic ك, twenty
        // others once each.
        insert(1, "سوريا وسوريا سوريا سوريا اخبار اليوم");
        insert(2, "كسوريا اخبار اليوم من هنا");
        for id in 3..23 {
            insert(id, "سوريا اخبار اليوم من هنا");
        }
        let forms: Vec<String> = std::iter::once("سوريا".to_owned())
            .chain(with_proclitics("سوريا"))
            .collect();
        let query = forms
            .iter()
            .map(|f| format!("\"{f}\""))
            .collect::<Vec<_>>()
            .join(" OR ");
        // bm25 weighs the rare written form alone; grouped, the four mentions win.
        assert_eq!(ranked(&conn, &query, "bm25(articles_fts)")[0], 2);
        let grouped = format!("isnad_rank(articles_fts, '{}')", vec!["0"; forms.len()].join(" "));
        assert_eq!(ranked(&conn, &query, &grouped)[0], 1);
        assert_eq!(ranked(&conn, &query, &grouped).len(), 22);
        // A spec without one entry per phrase is an error, not a silent order.
        let bad = conn
            .prepare(
                "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY isnad_rank(articles_fts, '1')",
            )
            .and_then(|mut s| {
                s.query_map([&query], |r| r.get::<_, i64>(0))?
                    .collect::<rusqlite::Result<Vec<_>>>()
            });
        assert!(bad.is_err());
    }
}
