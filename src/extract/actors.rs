//! Recognizing actors in a tokenized document: lexicon phrases (with Arabic proclitics stripped
//! only when what remains is known), and patterns for names the lexicon does not know — a given
//! name followed by name-like words (يوري اوشاكوف), a title or role before a name (المتحدث باسم
//! الخارجية X), and a head noun with its definite complements and nisba (السفارة الروسية).
//! Within an article a bare surname links to the full name seen elsewhere in it.

use std::collections::HashMap;

use super::lexicon::{Lexicon, PhraseKind};
use super::text::{Doc, Token};
use super::types::Kind;
use crate::normalize::proclitic_variants;

/// What a span refers to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    /// A lexicon entry.
    Entry(u32),
    /// A name the lexicon does not know, with its kind and canonical (stored-form) name.
    New(Kind, String),
}

/// A recognized mention: tokens `first..last`, characters `start..end` of the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub last: usize,
    /// Start character (after a stripped proclitic).
    pub start: usize,
    /// End character.
    pub end: usize,
    /// What it refers to.
    pub target: Target,
}

/// A nisba adjective (الروسي) seen at a token, with the country entry it points to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Nisba {
    /// The token.
    pub token: usize,
    /// The country's lexicon entry.
    pub entry: u32,
}

/// Everything recognized in a document.
#[derive(Debug, Default)]
pub struct Recognized {
    /// Mentions, in document order, not overlapping.
    pub spans: Vec<Span>,
    /// Nisba adjectives.
    pub nisbas: Vec<Nisba>,
}

/// The number of characters of `text` that make up the first `n` match-form characters (so a
/// stripped proclitic's length can be measured in the original text, harakat included).
fn original_len(text: &str, n: usize) -> usize {
    let mut seen = 0;
    for (i, c) in text.chars().enumerate() {
        if seen == n {
            return i;
        }
        if crate::normalize::fold_char(c).is_some() {
            seen += 1;
        }
    }
    text.chars().count()
}

fn is_arabic_word(t: &Token) -> bool {
    t.is_word && t.text.chars().all(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

/// The recognizer: a borrowed lexicon and the rules.
pub struct Recognizer<'a> {
    lex: &'a Lexicon,
}

impl<'a> Recognizer<'a> {
    /// Wraps a lexicon.
    pub fn new(lex: &'a Lexicon) -> Recognizer<'a> {
        Recognizer { lex }
    }

    /// Recognizes the actors of a document.
    pub fn recognize(&self, doc: &Doc) -> Recognized {
        let mut out = Recognized::default();
        for s in &doc.sentences {
            let mut i = s.first;
            while i < s.last {
                if let Some((span, nisba)) = self.lexicon_at(doc, i, s.last) {
                    i = span.as_ref().map_or(i + 1, |sp| sp.last);
                    if let Some(n) = nisba {
                        out.nisbas.push(n);
                    }
                    if let Some(sp) = span {
                        out.spans.push(sp);
                    }
                    continue;
                }
                if let Some(sp) = self
                    .given_name_at(doc, i, s.last)
                    .or_else(|| self.head_noun_at(doc, i, s.last))
                {
                    i = sp.last;
                    out.spans.push(sp);
                    continue;
                }
                i += 1;
            }
        }
        self.link_surnames(doc, &mut out);
        out
    }

    /// Forms of token `i` to look up: itself, then with proclitics removed (with the number of
    /// match-form characters removed).
    fn forms<'t>(&self, t: &'t Token) -> Vec<(&'t str, usize)> {
        let mut v = vec![(t.norm.as_str(), 0)];
        if is_arabic_word(t) {
            for rest in proclitic_variants(&t.norm) {
                v.push((rest, t.norm.chars().count() - rest.chars().count()));
            }
        }
        v
    }

    /// Match forms of a token for title and head look-ups: itself, without proclitics, and
    /// لل+X read as الX (للمتعاقد → المتعاقد).
    pub fn word_forms(&self, t: &Token) -> Vec<String> {
        let mut v: Vec<String> = self.forms(t).into_iter().map(|(f, _)| f.to_owned()).collect();
        if let Some(rest) = t.norm.strip_prefix("لل") {
            v.push(format!("ال{rest}"));
        }
        v
    }

    /// A lexicon phrase starting at token `i`: the longest match, preferring the unstripped
    /// form. Returns the span (names) and/or the nisba it is.
    fn lexicon_at(&self, doc: &Doc, i: usize, end: usize) -> Option<(Option<Span>, Option<Nisba>)> {
        let t = &doc.tokens[i];
        if !t.is_word {
            return None;
        }
        for (form, stripped) in self.forms(t) {
            let max = self.lex.max_len_from(form).min(end - i);
            for len in (1..=max).rev() {
                let mut key = String::from(form);
                for tok in &doc.tokens[i + 1..i + len] {
                    key.push(' ');
                    key.push_str(&tok.norm);
                }
                let hits: Vec<_> = self
                    .lex
                    .lookup(&key)
                    .iter()
                    .filter(|h| {
                        !h.exact_case
                            || doc.tokens[i..i + len]
                                .iter()
                                .all(|t| !t.text.chars().any(|c| c.is_lowercase()))
                    })
                    .filter(|_| is_arabic_word(t) || t.capitalized)
                    .copied()
                    .collect();
                if hits.is_empty() {
                    continue;
                }
                let start = t.start + original_len(&t.text, stripped);
                let end_char = doc.tokens[i + len - 1].end;
                if let Some(h) = hits.iter().find(|h| h.kind == PhraseKind::Name) {
                    let span = Span {
                        first: i,
                        last: i + len,
                        start,
                        end: end_char,
                        target: Target::Entry(h.entry),
                    };
                    return Some((Some(span), None));
                }
                if let Some(h) = hits.iter().find(|h| h.kind == PhraseKind::Nisba) {
                    return Some((
                        None,
                        Some(Nisba {
                            token: i,
                            entry: h.entry,
                        }),
                    ));
                }
                // A surname: only when it names one person and is not an ordinary word.
                let shorts: Vec<_> = hits.iter().filter(|h| h.kind == PhraseKind::Short).collect();
                if shorts.len() == 1 && !self.lex.given_names.contains(form) && !self.lex.stopwords.contains(form) {
                    let span = Span {
                        first: i,
                        last: i + len,
                        start,
                        end: end_char,
                        target: Target::Entry(shorts[0].entry),
                    };
                    return Some((Some(span), None));
                }
            }
        }
        None
    }

    /// Whether a token can be part of a person's name the lexicon does not know.
    fn name_like(&self, t: &Token) -> bool {
        is_arabic_word(t)
            && !self.is_particle(t)
            && t.norm.chars().count() >= 2
            && !self.lex.stopwords.contains(&t.norm)
            && !self.lex.cues.contains_key(&t.norm)
            && self.lex.title(&t.norm).is_none()
            && !self.lex.heads.contains_key(&t.norm)
            && self.lex.lookup(&t.norm).is_empty()
    }

    /// Whether a token is a particle or function word as written (على, not the name علي).
    fn is_particle(&self, t: &Token) -> bool {
        self.lex.particles.contains(&super::lexicon::unvowelled(&t.text))
    }

    /// A given name (possibly with a proclitic) followed by one or two name-like words.
    fn given_name_at(&self, doc: &Doc, i: usize, end: usize) -> Option<Span> {
        let t = &doc.tokens[i];
        if !is_arabic_word(t) || self.is_particle(t) {
            return None;
        }
        let (form, stripped) = self
            .forms(t)
            .into_iter()
            .find(|(f, _)| self.lex.given_names.contains(*f))?;
        let mut last = i + 1;
        // Compound given names: عبد الله, عبد الرحمن.
        if form == "عبد" && last < end && doc.tokens[last].norm.starts_with("ال") {
            last += 1;
        }
        let mut added = 0;
        while last < end && added < 2 {
            let n = &doc.tokens[last];
            let connector = matches!(n.norm.as_str(), "بن" | "ابن" | "بنت" | "ابو" | "ابي" | "ولد");
            let given = self.lex.given_names.contains(&n.norm);
            if connector
                && last + 1 < end
                && (self.name_like(&doc.tokens[last + 1]) || self.lex.given_names.contains(&doc.tokens[last + 1].norm))
            {
                last += 2;
                added += 1;
                continue;
            }
            if !(given || self.name_like(n)) || (n.norm.starts_with("ال") && added > 0) {
                break;
            }
            last += 1;
            added += 1;
        }
        if added == 0 {
            return None;
        }
        let start = t.start + original_len(&t.text, stripped);
        let end_char = doc.tokens[last - 1].end;
        let name = doc.slice(start, end_char);
        Some(Span {
            first: i,
            last,
            start,
            end: end_char,
            target: Target::New(Kind::Person, name),
        })
    }

    /// A head noun (وكالة, السفارة, مؤتمر) with one to three definite complements, ending at a
    /// nisba when there is one: an organization or event the lexicon may not know.
    fn head_noun_at(&self, doc: &Doc, i: usize, end: usize) -> Option<Span> {
        let t = &doc.tokens[i];
        if !is_arabic_word(t) {
            return None;
        }
        let (_, kind, stripped) = self
            .forms(t)
            .into_iter()
            .find_map(|(f, s)| self.lex.heads.get(f).map(|k| (f, *k, s)))?;
        let mut last = i + 1;
        let mut saw_nisba = false;
        while last < end && last - i <= 3 {
            let n = &doc.tokens[last];
            if !is_arabic_word(n)
                || !n.norm.starts_with("ال")
                || self.lex.stopwords.contains(&n.norm)
                || self.lex.cues.contains_key(&n.norm)
            {
                break;
            }
            let hits = self.lex.lookup(&n.norm);
            if hits.iter().any(|h| h.kind == PhraseKind::Nisba) {
                saw_nisba = true;
                last += 1;
                break;
            }
            if hits.iter().any(|h| h.kind == PhraseKind::Name) {
                break;
            }
            last += 1;
        }
        // A bare head with one common complement (الجيش الحر?) is too vague; want a nisba, or
        // an event head followed by a known place.
        if !saw_nisba {
            return None;
        }
        let start = t.start + original_len(&t.text, stripped);
        let end_char = doc.tokens[last - 1].end;
        Some(Span {
            first: i,
            last,
            start,
            end: end_char,
            target: Target::New(kind, doc.slice(start, end_char)),
        })
    }

    /// Links bare surnames to the multi-word names recognized elsewhere in the article.
    fn link_surnames(&self, doc: &Doc, out: &mut Recognized) {
        let mut surnames: HashMap<String, Target> = HashMap::new();
        for sp in &out.spans {
            if let Target::New(Kind::Person, _) = &sp.target
                && sp.last - sp.first >= 2
            {
                surnames
                    .entry(doc.tokens[sp.last - 1].norm.clone())
                    .or_insert_with(|| sp.target.clone());
            }
        }
        if surnames.is_empty() {
            return;
        }
        let mut covered = vec![false; doc.tokens.len()];
        for sp in &out.spans {
            covered[sp.first..sp.last].iter_mut().for_each(|c| *c = true);
        }
        let mut extra = Vec::new();
        for (i, t) in doc.tokens.iter().enumerate() {
            if covered[i] || !is_arabic_word(t) {
                continue;
            }
            if let Some((target, stripped)) = self
                .forms(t)
                .into_iter()
                .find_map(|(f, s)| surnames.get(f).map(|tg| (tg.clone(), s)))
            {
                extra.push(Span {
                    first: i,
                    last: i + 1,
                    start: t.start + original_len(&t.text, stripped),
                    end: t.end,
                    target,
                });
            }
        }
        out.spans.extend(extra);
        out.spans.sort_by_key(|s| s.first);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        let lex = Lexicon::builtin();
        let doc = Doc::new(text);
        let rec = Recognizer::new(&lex).recognize(&doc);
        rec.spans
            .iter()
            .map(|s| match &s.target {
                Target::Entry(e) => lex.entries[*e as usize].name.clone(),
                Target::New(k, n) => format!("{}:{n}", k.as_str()),
            })
            .collect()
    }

    #[test]
    fn lexicon_names_with_proclitics_and_unknown_people() {
        // Sentences from the seed article (see tests/fixtures/SOURCES.md).
        assert_eq!(
            names("أعلن وزير الخارجية الروسي سيرغي لافروف بعد لقاء مع نظيره الأميركي جون كيري في واشنطن الجمعة"),
            vec!["Sergey Lavrov", "John Kerry", "Washington, D.C."]
        );
        assert_eq!(
            names("كما أن المستشار الدبلوماسي للكرملين يوري اوشاكوف أعلن الجمعة. وقال اوشاكوف"),
            vec!["Kremlin", "person:يوري اوشاكوف", "person:يوري اوشاكوف"]
        );
    }
}
