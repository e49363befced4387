//! The layout of a document that extraction needs beyond tokens and sentences: which paragraph
//! each sentence is in, and which tokens are inside quotation marks.

use super::super::text::{Doc, QuoteMark};

/// A quotation: its marks and the tokens between them.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark, or one past the paragraph's last token when unclosed.
    pub close: usize,
}

/// Paragraphs and quotations of a document.
#[derive(Debug, Clone)]
pub struct Layout {
    /// Paragraph number of each sentence (0 is the title).
    pub paragraph: Vec<usize>,
    /// For each token: the index of the quotation it is inside (marks included).
    pub quote_of: Vec<Option<usize>>,
    /// Whether each token is a quotation mark.
    pub is_mark: Vec<bool>,
    /// All quotations in order.
    pub quotes: Vec<Quote>,
}

/// How a token can act as a quotation mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// Only opens (“ « „, ‘ in titles).
    Open,
    /// Only closes (” », ’ in titles).
    Close,
    /// Opens or closes depending on the state (" and NYT-style '').
    Either,
}

impl Layout {
    /// Finds paragraphs and quotations.
    pub fn new(doc: &Doc) -> Layout {
        let paragraph = paragraphs(doc);
        let mut quote_of = vec![None; doc.tokens.len()];
        let mut is_mark = vec![false; doc.tokens.len()];
        let mut quotes = Vec::new();
        let mut s = 0;
        while s < doc.sentences.len() {
            let mut e = s;
            while e + 1 < doc.sentences.len() && paragraph[e + 1] == paragraph[s] {
                e += 1;
            }
            let (first, last) = (doc.sentences[s].first, doc.sentences[e].last);
            for q in quotes_in(doc, first, last, s == 0) {
                let end = if q.close < last { q.close + 1 } else { last };
                for slot in &mut quote_of[q.open..end] {
                    *slot = Some(quotes.len());
                }
                for m in [q.open, q.close] {
                    if m < last {
                        is_mark[m] = true;
                    }
                }
                if doc.tokens[q.open].text == "'" {
                    is_mark[q.open + 1] = true;
                }
                if q.close < last && doc.tokens[q.close].text == "'" {
                    is_mark[q.close - 1] = true;
                }
                quotes.push(q);
            }
            s = e + 1;
        }
        Layout {
            paragraph,
            quote_of,
            is_mark,
            quotes,
        }
    }

    /// Whether a token is inside a quotation (marks included).
    pub fn in_quote(&self, token: usize) -> bool {
        self.quote_of[token].is_some()
    }
}

/// Paragraph number of each sentence: a new paragraph starts after a line break.
fn paragraphs(doc: &Doc) -> Vec<usize> {
    let mut out = Vec::with_capacity(doc.sentences.len());
    let mut p = 0;
    for (i, s) in doc.sentences.iter().enumerate() {
        if i > 0 && doc.chars[doc.sentences[i - 1].end..s.start].contains(&'\n') {
            p += 1;
        }
        out.push(p);
    }
    out
}

/// The quotation-mark role of the token at `i`, if any. NYT-style `''` is two `'` tokens; the
/// first of them is reported. Single curly quotes count only in the title.
fn mark_at(doc: &Doc, i: usize, title: bool) -> Option<Mark> {
    let t = &doc.tokens[i];
    match t.quote_mark() {
        Some(QuoteMark::Open) => return Some(Mark::Open),
        Some(QuoteMark::Close) => return Some(Mark::Close),
        Some(QuoteMark::Either) => return Some(Mark::Either),
        None => {}
    }
    match t.text {
        "'" if doc.tokens.get(i + 1).is_some_and(|n| n.text == "'" && n.start == t.end) => Some(Mark::Either),
        "‘" if title => Some(Mark::Open),
        "’" if title && doc.tokens.get(i + 1).is_none_or(|n| !n.is_word || n.start > t.end) => Some(Mark::Close),
        _ => None,
    }
}

/// The quotations among the tokens `first..last` of one paragraph.
fn quotes_in(doc: &Doc, first: usize, last: usize, title: bool) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut i = first;
    while i < last {
        let Some(mark) = mark_at(doc, i, title) else {
            i += 1;
            continue;
        };
        let width = if doc.tokens[i].text == "'" { 2 } else { 1 };
        match (open, mark) {
            (None, Mark::Open | Mark::Either) => open = Some(i),
            (Some(o), Mark::Close | Mark::Either) => {
                out.push(Quote {
                    open: o,
                    close: i + width - 1,
                });
                open = None;
            }
            (Some(o), Mark::Open) if closes_glued(doc, i) => {
                out.push(Quote { open: o, close: i });
                open = None;
            }
            (Some(_), Mark::Open) => open = Some(i),
            (None, Mark::Close) if opens_glued(doc, i) => open = Some(i),
            (None, Mark::Close) => {}
        }
        i += width;
    }
    if let Some(o) = open {
        out.push(Quote { open: o, close: last });
    }
    out
}

/// Whether a closing mark is used as an opening one: at the start or after a space, and glued to
/// the word after it (bad typography: ”Word).
fn opens_glued(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    let space_before = i == 0 || doc.tokens[i - 1].end < t.start;
    let glued_after = doc.tokens.get(i + 1).is_some_and(|n| n.is_word && n.start == t.end);
    space_before && glued_after
}

/// Whether an opening mark is used as a closing one: glued to the word before it and followed by
/// a space (bad typography: “word“ ).
fn closes_glued(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    let glued_before = i > 0 && doc.tokens[i - 1].end == t.start;
    let space_after = doc.tokens.get(i + 1).is_none_or(|n| n.start > t.end);
    glued_before && space_after
}
