//! Recognizing actors in a tokenized document: lexicon phrases (with Arabic proclitics stripped
//! only when what remains is known), and patterns for names the lexicon does not know — a given
//! name followed by name-like words (يوري اوشاكوف), a title or role before a name (المتحدث باسم
//! الخارجية X), and a head noun with its definite complements and nisba (السفارة الروسية).
//! Within an article a bare surname links to the full name seen elsewhere in it.

use std::borrow::Cow;

use smallvec::SmallVec;

use super::lexicon::{LexMap, Lexicon, PhraseKind, class};
use super::text::{Doc, Token};
use super::types::Kind;

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

impl Span {
    /// A span over tokens `first..last` starting at character `start` (after any stripped
    /// proclitic) for a name the lexicon does not know; its name is the text it covers.
    fn new_name(doc: &Doc, first: usize, last: usize, start: usize, kind: Kind) -> Span {
        let end = doc.tokens[last - 1].end;
        Span {
            first,
            last,
            start,
            end,
            target: Target::New(kind, doc.slice(start, end)),
        }
    }
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

/// The first `n` characters of a token's match form: the proclitic a form of
/// [`Token::forms`] removed.
fn proclitic<'t>(t: &'t Token, n: usize) -> &'t str {
    &t.norm[..t.norm.char_indices().nth(n).map_or(t.norm.len(), |(b, _)| b)]
}

/// Whether a proclitic holds the article ال (وال, بال): `prefix.contains("ال")` without
/// setting up a substring search for a word of a few bytes.
fn has_article(prefix: &str) -> bool {
    prefix.as_bytes().windows(4).any(|w| w == "ال".as_bytes())
}

/// Whether a word carries a mark of an ordinary word rather than a name: accusative tanween
/// (اجتماعاً), a plural verb ending (استنكروا), the future prefix on a short verb (سيشارك;
/// longer words such as سيباستيان are more often foreign names), or the shape of a derived
/// verb, a suffixed pronoun, a preposition or a plural (see [`has_word_shape`]).
fn looks_inflected(t: &Token) -> bool {
    let n = &t.norm;
    (n.ends_with("وا") && n.chars().count() >= 4)
        || ((n.starts_with("سي") || n.starts_with("ست")) && (5..=7).contains(&n.chars().count()))
        || has_word_shape(t)
}

/// Imperfect prefixes of derived verbs (يستدعي, تتحدث, ينتقد): a name seldom starts so.
const DERIVED_IMPERFECT: &[&str] = &["يست", "تست", "يت", "تت", "ين", "تن"];

/// Whether a word has the shape of an ordinary Arabic word that names never have: accusative
/// tanween (بياناً), a derived
/// verb (يستدعي, تحولت, اصطحبت, اتفقا), a suffixed pronoun (مقعدها), a preposition on a
/// noun (بمعاداة, لمكتب, لإف), a passive participle in the accusative (مصحوبا) or a long
/// feminine plural (تنديدات). Checked on the folded form, and on the written form where the
/// hamza tells (a verb of forms VIII and X starts with a bare alif, a name with a hamza).
pub(crate) fn has_word_shape(t: &Token) -> bool {
    if t.text.contains('\u{064B}') {
        return true;
    }
    let n = t.norm.as_ref();
    let c: SmallVec<[char; 16]> = n.chars().collect();
    let len = c.len();
    let written: SmallVec<[char; 4]> = t
        .text
        .chars()
        .filter(|c| !crate::normalize::is_haraka(*c))
        .take(2)
        .collect();
    // A name does not start with a hamza after a letter: لإف, بأول are a preposition and a word.
    if matches!(written.first(), Some('ب' | 'ل' | 'ك')) && matches!(written.get(1), Some('أ' | 'إ' | 'آ')) {
        return true;
    }
    if len < 4 {
        return false;
    }
    // (Not the article: التويجري, الشحات are names.)
    let bare_alif = t.text.starts_with('ا') && !n.starts_with("ال");
    let imperfect = len >= 5 && DERIVED_IMPERFECT.iter().any(|p| n.starts_with(p));
    let perfect = (c[0] == 'ت' && c[len - 1] == 'ت' && len >= 5)
        || (bare_alif && (c[2] == 'ت' || n.starts_with("است") || (c[len - 1] == 'ت' && len >= 5)));
    let pronoun = len >= 5 && (n.ends_with("ها") || n.ends_with("هم") || n.ends_with("هما"));
    let preposition = len >= 5 && (n.starts_with("بم") || n.starts_with("لم"));
    let participle = len == 6 && c[0] == 'م' && c[3] == 'و' && c[5] == 'ا';
    // (With the article a longer word: الشحات is a name, القيادات a plural.)
    let plural = n.ends_with("ات") && len >= if n.starts_with("ال") { 7 } else { 6 };
    imperfect || perfect || pronoun || preposition || participle || plural
}

/// Whether a token is a word written only in the Arabic block (U+0600–U+06FF).
fn is_arabic_word(t: &Token) -> bool {
    t.arabic
}

/// Connectors inside a person's name that need a following name word (بن زايد, آل نهيان,
/// عبد الله, أبو بكر): a name never ends on one.
const NAME_CONNECTORS: &[&str] = &["بن", "ابن", "بنت", "ابو", "ابي", "ولد", "ال", "عبد"];

/// A preposition or conjunction with the article (بالتالي, للتدريبات, والمعرض): such a word is
/// never part of a person's name.
const ARTICLE_WITH_PREPOSITION: &[&str] = &["بال", "لل", "وال", "فال", "كال"];

/// Proclitics a given name may carry without further evidence (وخالد, فمحمد); with a
/// preposition (لحسن, بنور) it needs a clear given name after it, and with the article
/// (الهلال, الأسد) it is not a given name at all.
const FREE_NAME_PROCLITICS: &[&str] = &["", "و", "ف"];

/// Endings of plural nouns (دبلوماسيون, مسؤولين, طائرات) that are not a name after a speech verb.
const PLURAL_ENDINGS: &[&str] = &["يون", "يين", "ولون", "ولين", "ات"];

/// Regnal numbers after a monarch's name (عبد الله الثاني, خايمي الأول).
const REGNAL: &[&str] = &[
    "الاول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
    "العاشر",
];

/// Words after a title that qualify the title rather than start the name (الرئيس السابق).
const TITLE_QUALIFIERS: &[&str] = &[
    "السابق",
    "السابقه",
    "الاسبق",
    "الراحل",
    "الراحله",
    "الحالي",
    "المؤقت",
    "الجديد",
];

/// The recognizer: a borrowed lexicon and the rules.
pub struct Recognizer<'a> {
    lex: &'a Lexicon,
}

impl<'a> Recognizer<'a> {
    /// Wraps a lexicon.
    pub fn new(lex: &'a Lexicon) -> Recognizer<'a> {
        Recognizer { lex }
    }

    /// The lexicon.
    pub fn lexicon(&self) -> &'a Lexicon {
        self.lex
    }

    /// Recognizes the actors of a document.
    pub fn recognize(&self, doc: &Doc) -> Recognized {
        let mut out = Recognized::default();
        // The rules below find nothing at a token none of whose forms may start a name.
        let classes = self.lex.classes(doc);
        for s in &doc.sentences {
            let mut i = s.first;
            let mut prev_end = s.first;
            while i < s.last {
                if classes[i] & class::NAME == 0 {
                    i += 1;
                    continue;
                }
                if let Some((span, nisba)) = self.lexicon_at(doc, i, s.last) {
                    let span = span.map(|sp| self.complete_person(doc, sp, prev_end.max(s.first), s.last));
                    i = span.as_ref().map_or(i + 1, |sp| sp.last);
                    if let Some(n) = nisba {
                        out.nisbas.push(n);
                    }
                    if let Some(sp) = span {
                        prev_end = sp.last;
                        out.spans.push(sp);
                    }
                    continue;
                }
                if let Some(sp) = self
                    .given_name_at(doc, i, s.last)
                    .or_else(|| self.titled_name_at(doc, i, s.last))
                    .or_else(|| self.cued_name_at(doc, i, s.last))
                    .or_else(|| self.named_org_at(doc, i, s.last))
                    .or_else(|| self.head_noun_at(doc, i, s.last))
                {
                    let sp = self.complete_person(doc, sp, prev_end.max(s.first), s.last);
                    i = sp.last;
                    prev_end = sp.last;
                    out.spans.push(sp);
                    continue;
                }
                i += 1;
            }
        }
        self.link_surnames(doc, &mut out, true);
        out
    }

    /// Completes a known or titled person's name with the given names written before it
    /// (خوسيه لويس [ثاباتيرو], بيل [غيتس]; not before `floor`) and the family name after it
    /// (حمد بن خليفة [آل ثاني]). Other spans are returned unchanged.
    fn complete_person(&self, doc: &Doc, mut sp: Span, floor: usize, end: usize) -> Span {
        let person = match &sp.target {
            Target::Entry(e) => self.lex.entries[*e as usize].kind == Kind::Person,
            Target::New(k, _) => *k == Kind::Person,
        };
        if !person {
            return sp;
        }
        // Only an unstripped first token can take given names before it.
        let unstripped = sp.start == doc.tokens[sp.first].start;
        let mut first = sp.first;
        while unstripped
            && first > floor
            && sp.last - first < 5
            && is_arabic_word(&doc.tokens[first - 1])
            && self.strong_given(&doc.tokens[first - 1])
            && !doc.tokens[first - 1].norm.starts_with('و')
        {
            first -= 1;
        }
        let mut last = sp.last;
        if doc
            .tokens
            .get(last)
            .is_some_and(|t| last < end && matches!(t.norm.as_ref(), "ال" | "بن"))
        {
            last = self.extend_name(doc, last, end).0;
        }
        // A regnal number is part of the name: عبد الله الثاني, خايمي الأول.
        if doc
            .tokens
            .get(last)
            .is_some_and(|t| last < end && REGNAL.contains(&t.norm.as_ref()))
        {
            last += 1;
        }
        if first == sp.first && last == sp.last {
            return sp;
        }
        if first < sp.first {
            sp.start = doc.tokens[first].start;
            sp.first = first;
        }
        sp.last = last;
        sp.end = doc.tokens[last - 1].end;
        if let Target::New(k, _) = &sp.target {
            sp.target = Target::New(*k, doc.slice(sp.start, sp.end));
        }
        sp
    }

    /// Match forms of a token for title and head look-ups: itself, without proclitics, and
    /// لل+X read as الX (للمتعاقد → المتعاقد).
    pub fn word_forms<'t>(&self, t: &'t Token) -> SmallVec<[Cow<'t, str>; 4]> {
        t.forms().map(|(f, _)| f).collect()
    }

    /// A lexicon phrase starting at token `i`: the longest match, preferring the unstripped
    /// form. Returns the span (names) and/or the nisba it is.
    pub(crate) fn lexicon_at(&self, doc: &Doc, i: usize, end: usize) -> Option<(Option<Span>, Option<Nisba>)> {
        let t = &doc.tokens[i];
        if !t.is_word {
            return None;
        }
        // One key buffer for every look-up below.
        let mut key = String::new();
        for (form, stripped) in t.forms() {
            let form = form.as_ref();
            // A stripped article (المالي → مالي) leaves an adjective, not a name: only nisbas.
            let al_stripped = stripped >= 2 && proclitic(t, stripped).ends_with("ال");
            let max = self.lex.max_len_from(form).min(end - i);
            if max == 0 {
                continue;
            }
            // Room for the longest key, tried first: the shorter ones reuse it.
            let rest = &doc.tokens[i + 1..i + max];
            key.reserve(form.len() + rest.iter().map(|t| t.norm.len() + 1).sum::<usize>());
            for len in (1..=max).rev() {
                key.clear();
                key.push_str(form);
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
                    .filter(|h| !al_stripped || h.kind == PhraseKind::Nisba)
                    .copied()
                    .collect();
                if hits.is_empty() {
                    continue;
                }
                let start = t.start + original_len(t.text, stripped);
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
                if shorts.len() == 1
                    && !self.lex.given_names.contains(form)
                    && !self.lex.stopwords.contains(form)
                    && !self.lex.common_words.contains(form)
                    && !NAME_CONNECTORS.contains(&form)
                {
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
            && !self.lex.stopwords.contains(t.norm.as_ref())
            && !self.lex.common_words.contains(t.norm.as_ref())
            && !self.lex.anonymous.contains(t.norm.as_ref())
            && !self.lex.cues.contains_key(t.norm.as_ref())
            && self.lex.title(&t.norm).is_none()
            && !self.lex.heads.contains_key(t.norm.as_ref())
            && !ARTICLE_WITH_PREPOSITION.iter().any(|p| t.norm.starts_with(p))
            && t.forms().all(|(f, _)| {
                self.lex.lookup(&f).iter().all(|h| h.kind == PhraseKind::Short)
                    // لوكالة, بمجلس: a head noun, title or ordinary word with a proclitic.
                    && (f.as_ref() == t.norm
                        || !(self.lex.heads.contains_key(f.as_ref())
                            || self.lex.common_words.contains(f.as_ref())
                            || self.lex.title(&f).is_some()))
            })
            && !looks_inflected(t)
    }

    /// Whether a token is a given name that is not also an ordinary word (باسم "in the name
    /// of", يزيد "exceeds" are given names but not strong ones).
    fn strong_given(&self, t: &Token) -> bool {
        self.given(t) && !self.lex.common_words.contains(t.norm.as_ref())
    }

    /// Whether a token is a particle or function word as written (على, not the name علي).
    fn is_particle(&self, t: &Token) -> bool {
        // Only a word with harakat needs a copy without them.
        if t.text.chars().any(crate::normalize::is_haraka) {
            self.lex.particles.contains(&super::lexicon::unvowelled(t.text))
        } else {
            self.lex.particles.contains(t.text)
        }
    }

    /// Whether a token can be a given name inside a name: a given name that is not a particle
    /// as written (آن "Anne" is also أن "that").
    fn given(&self, t: &Token) -> bool {
        self.lex.given_names.contains(t.norm.as_ref())
            && !self.is_particle(t)
            && !self.lex.stopwords.contains(t.norm.as_ref())
    }

    /// Extends a name whose first word ends before token `last`: up to four more name words or
    /// connector pairs (بن زايد, آل نهيان, عبد الوهاب). A word with the article (السنيورة)
    /// ends the name, a word with the conjunction و starts a new one, and a connector (بن,
    /// عبد…) needs a name word after it. Returns one past the last name token and the number of
    /// words added.
    fn extend_name(&self, doc: &Doc, mut last: usize, end: usize) -> (usize, usize) {
        let first = last;
        let mut added = 0;
        while last < end && added < 4 {
            let n = &doc.tokens[last];
            if !is_arabic_word(n) {
                break;
            }
            if NAME_CONNECTORS.contains(&n.norm.as_ref()) {
                let Some(next) = doc.tokens.get(last + 1).filter(|_| last + 1 < end) else {
                    break;
                };
                // عبد + ال-word is a compound given name (عبد العزيز): the name goes on.
                if n.norm == "عبد" {
                    if !(is_arabic_word(next) && next.norm.starts_with("ال") && next.norm.chars().count() >= 4) {
                        break;
                    }
                    last += 2;
                    added += 1;
                    continue;
                }
                // After بن / آل the father's or family name may be an ordinary word (آل ثاني).
                let family_ok = matches!(n.norm.as_ref(), "بن" | "ابن" | "بنت" | "ال" | "ولد")
                    && is_arabic_word(next)
                    && !self.is_particle(next)
                    && !self.lex.stopwords.contains(next.norm.as_ref())
                    && next.norm.chars().count() >= 2;
                // ابن أبي وقاص: a kunya after the connector carries the name on.
                let kunya = matches!(next.norm.as_ref(), "ابي" | "ابو")
                    && doc
                        .tokens
                        .get(last + 2)
                        .is_some_and(|x| last + 2 < end && (self.given(x) || self.name_like(x)));
                if kunya {
                    last += 2;
                    added += 1;
                    continue;
                }
                if !(self.given(next) || self.name_like(next) || family_ok) {
                    break;
                }
                last += 2;
                added += 1;
                // بن عبد الله: the compound after a connector.
                let compound = next.norm == "عبد" && last < end && doc.tokens[last].norm.starts_with("ال");
                if compound {
                    last += 1;
                }
                // أبو عوف: an unknown word after a connector ends the name like a surname.
                let connector_next = doc
                    .tokens
                    .get(last)
                    .is_some_and(|x| NAME_CONNECTORS.contains(&x.norm.as_ref()));
                if !self.given(next) && !compound && !connector_next {
                    // حسن بن ملفي الودعاني: a family name may close the name.
                    if self.family_name_at(doc, last, end, first) {
                        last += 1;
                    }
                    break;
                }
                continue;
            }
            // (After a connector, أبي وقاص, the و is the name's own letter.)
            let after_connector = last > 0 && NAME_CONNECTORS.contains(&doc.tokens[last - 1].norm.as_ref());
            if n.norm.starts_with('و') && !self.lex.given_names.contains(n.norm.as_ref()) && !after_connector {
                break;
            }
            let given = self.given(n);
            if !(given || self.name_like(n)) {
                break;
            }
            last += 1;
            added += 1;
            // An unknown word is a surname: the name goes on only through a connector.
            let connector_next = doc
                .tokens
                .get(last)
                .is_some_and(|x| NAME_CONNECTORS.contains(&x.norm.as_ref()));
            // (A given name with the article, البرتو, goes on.)
            if !given && (n.norm.starts_with("ال") || !connector_next) {
                // سعد بن محمد عليان الشهراني: after a chain of fathers' names, a family name
                // with the article closes the name.
                if !n.norm.starts_with("ال") && self.family_name_at(doc, last, end, first) {
                    last += 1;
                }
                break;
            }
        }
        (last, added)
    }

    /// Whether token `i` is a family name with the article and the shape of a nisba (الشهراني)
    /// closing a name whose words from `from` on hold a بن/ابن connector: name-like, and no
    /// nisba or name the lexicon knows.
    fn family_name_at(&self, doc: &Doc, i: usize, end: usize, from: usize) -> bool {
        let Some(t) = doc.tokens.get(i).filter(|_| i < end) else {
            return false;
        };
        let chain = doc.tokens[from.saturating_sub(1)..i]
            .iter()
            .any(|x| matches!(x.norm.as_ref(), "بن" | "ابن"));
        chain
            && t.norm.starts_with("ال")
            && t.norm.ends_with('ي')
            && t.norm.chars().count() >= 5
            && self.name_like(t)
            && self.lex.lookup(&t.norm).is_empty()
    }

    /// A given name (possibly with a proclitic) followed by name words (see
    /// [`Recognizer::extend_name`]), or a compound عبد + ال-word (عبد الفتاح), which is a name
    /// on its own. A given name that is also a particle as folded (علي/على) or an ordinary
    /// word (باسم, يزيد), a kunya (أبو, أبي), or a given name after a preposition (لحسن, بنور)
    /// needs a clear given name after it; the article (الهلال) makes it no given name.
    fn given_name_at(&self, doc: &Doc, i: usize, end: usize) -> Option<Span> {
        let t = &doc.tokens[i];
        if !is_arabic_word(t) || self.is_particle(t) {
            return None;
        }
        let next_is_al = doc.tokens.get(i + 1).is_some_and(|n| {
            i + 1 < end && is_arabic_word(n) && n.norm.starts_with("ال") && n.norm.chars().count() >= 4
        });
        let (form, stripped) = t.forms().find(|(f, s)| {
            !has_article(proclitic(t, *s))
                && (self.lex.given_names.contains(f.as_ref())
                    || matches!(f.as_ref(), "ابو" | "ابي")
                    || (f.as_ref() == "عبد" && next_is_al))
        })?;
        // شهر رمضان: a month, not a person.
        if i > 0 && doc.tokens[i - 1].norm == "شهر" {
            return None;
        }
        let prefix = proclitic(t, stripped);
        let weak = self.lex.stopwords.contains(form.as_ref())
            || self.lex.common_words.contains(form.as_ref())
            || matches!(form.as_ref(), "ابو" | "ابي")
            || !FREE_NAME_PROCLITICS.contains(&prefix);
        let mut last = i + 1;
        // Compound given names: عبد الله, عبد الرحمن.
        let compound = form == "عبد";
        if compound {
            last += 1;
        }
        if weak
            && !doc
                .tokens
                .get(last)
                .is_some_and(|n| last < end && self.strong_given(n) && n.norm != "علي")
        {
            return None;
        }
        let (last, added) = self.extend_name(doc, last, end);
        if added == 0 && !compound {
            return None;
        }
        let start = t.start + original_len(t.text, stripped);
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

    /// The number of tokens of the title or honorific starting at token `i` (الرئيس, وزير
    /// الخارجية, السيد, صاحب السمو), 0 if none.
    pub fn title_len_at(&self, doc: &Doc, i: usize, end: usize) -> usize {
        if i >= end {
            return 0;
        }
        let t = &doc.tokens[i];
        if !is_arabic_word(t) {
            return 0;
        }
        let mut key = String::new();
        for (form, _) in t.forms() {
            let max = self.lex.title_or_honorific_len_from(&form).min(end - i);
            for len in (1..=max).rev() {
                key.clear();
                key.push_str(&form);
                for tok in &doc.tokens[i + 1..i + len] {
                    key.push(' ');
                    key.push_str(&tok.norm);
                }
                if self.lex.title(&key).is_some() || self.lex.honorific(&key) {
                    return len;
                }
            }
        }
        0
    }

    /// A title or honorific, optionally qualified by nisbas or السابق, then a name the lexicon
    /// does not know whose first word has no article: الرئيس المؤقت عبد الله يوسف, السيد
    /// سيباستيان. The title stays out of the span. Known names and given names are left to the
    /// other rules.
    fn titled_name_at(&self, doc: &Doc, i: usize, end: usize) -> Option<Span> {
        let mut j = i;
        loop {
            let len = self.title_len_at(doc, j, end);
            if len == 0 {
                break;
            }
            j += len;
        }
        if j == i {
            return None;
        }
        let titled_at = j;
        while j < end
            && (TITLE_QUALIFIERS.contains(&doc.tokens[j].norm.as_ref())
                || self
                    .lex
                    .lookup(&doc.tokens[j].norm)
                    .iter()
                    .any(|h| h.kind == PhraseKind::Nisba))
        {
            j += 1;
        }
        let n = doc.tokens.get(j).filter(|_| j < end)?;
        // A known name after the title (الأمين العام كوفي أنان) is the lexicon's.
        if matches!(self.lexicon_at(doc, j, end), Some((Some(_), _))) {
            return None;
        }
        // A given name right after the title (الإمام علي, الملك فهد) is a name even alone.
        if j == titled_at && self.strong_given(n) && !self.is_particle(n) && n.norm != "علي" {
            let last = self.extend_name(doc, j + 1, end).0;
            let end_char = doc.tokens[last - 1].end;
            return Some(Span {
                first: j,
                last,
                start: n.start,
                end: end_char,
                target: Target::New(Kind::Person, doc.slice(n.start, end_char)),
            });
        }
        if !self.name_like(n)
            || n.norm.starts_with("ال")
            || n.norm.starts_with("لل")
            || n.norm.starts_with('و')
            || (n.norm.ends_with('ه') && !self.lex.given_names.contains(n.norm.as_ref()))
            || self.lex.given_names.contains(n.norm.as_ref())
        {
            return None;
        }
        let (last, added) = self.extend_name(doc, j + 1, end);
        // After a nisba (الرئيس السوري سعى…) a single word is too often a verb.
        if j > titled_at && added == 0 {
            return None;
        }
        let start = n.start;
        Some(Span::new_name(doc, j, last, start, Kind::Person))
    }

    /// A speech verb followed by a name the lexicon does not know and then by what introduces
    /// the words (أن/إن, a quotation mark, a colon or a comma): وقال عزام إن, وأصر رافاران :.
    /// The verb stays out of the span.
    fn cued_name_at(&self, doc: &Doc, i: usize, end: usize) -> Option<Span> {
        let t = &doc.tokens[i];
        if !is_arabic_word(t)
            || !t
                .forms()
                .any(|(f, _)| self.lex.cues.get(f.as_ref()) == Some(&super::lexicon::CueKind::Verb))
        {
            return None;
        }
        let j = i + 1;
        let n = doc.tokens.get(j).filter(|_| j < end)?;
        if self.is_particle(n) || matches!(self.lexicon_at(doc, j, end), Some((Some(_), _))) {
            return None;
        }
        let unknown_name = self.name_like(n)
            && !n.norm.starts_with("ال")
            && !n.norm.starts_with('و')
            && !n.norm.ends_with('ه')
            && n.norm.chars().count() >= 3
            && !PLURAL_ENDINGS.iter().any(|e| n.norm.ends_with(e));
        if !(self.strong_given(n) || unknown_name) {
            return None;
        }
        let last = self.extend_name(doc, j + 1, end).0;
        let after = doc.tokens.get(last).filter(|_| last < end)?;
        let introduces = self.lex.complementizers.contains(after.norm.as_ref())
            || after.is_quote()
            || matches!(after.text, ":" | "،" | ",")
            // وقالت كفاح خميس رئيسة جمعية…, وقال الشريف وهو مدرس… (a given name or two words:
            // قال مكتب رئيس… is no one's name)
            || ((self.strong_given(n) || last - j >= 2)
                && (self.title_len_at(doc, last, end) > 0 || matches!(after.norm.as_ref(), "وهو" | "وهي")));
        if !introduces {
            return None;
        }
        let end_char = doc.tokens[last - 1].end;
        Some(Span {
            first: j,
            last,
            start: n.start,
            end: end_char,
            target: Target::New(Kind::Person, doc.slice(n.start, end_char)),
        })
    }

    /// Whether tokens `first..last` are exactly a lexicon name (the first token possibly with
    /// a proclitic).
    pub fn is_known_name(&self, doc: &Doc, first: usize, last: usize) -> bool {
        if first >= last || !doc.tokens[first].is_word {
            return false;
        }
        doc.tokens[first].forms().any(|(form, _)| {
            let mut key = form.to_string();
            for tok in &doc.tokens[first + 1..last] {
                key.push(' ');
                key.push_str(&tok.norm);
            }
            self.lex.lookup(&key).iter().any(|h| h.kind == PhraseKind::Name)
        })
    }

    /// Whether token `i` is a nisba adjective (اللبناني, الأميركية).
    pub fn is_nisba(&self, doc: &Doc, i: usize) -> bool {
        self.nisba_entry_at(doc, i).is_some()
    }

    /// The country entry of the nisba adjective at token `i` (اللبناني → Lebanon), if it is one.
    pub(crate) fn nisba_entry_at(&self, doc: &Doc, i: usize) -> Option<u32> {
        doc.tokens[i].forms().find_map(|(f, _)| {
            self.lex
                .lookup(&f)
                .iter()
                .find(|h| h.kind == PhraseKind::Nisba)
                .map(|h| h.entry)
        })
    }

    /// The longest phrase of a gazetteer at token `i`: `max_len` gives the longest phrase a
    /// first word can start, `kind_of` the kind of a phrase key when it is listed. Proclitics
    /// are stripped only when what remains is listed. (The name tagger's features use it for
    /// `lexicon/misc.tsv` and `lexicon/sports.tsv`.)
    pub fn phrase_at(
        &self,
        doc: &Doc,
        i: usize,
        end: usize,
        max_len: impl Fn(&str) -> usize,
        kind_of: impl Fn(&str) -> Option<Kind>,
    ) -> Option<Span> {
        let t = &doc.tokens[i];
        if !is_arabic_word(t) {
            return None;
        }
        for (form, stripped) in t.forms() {
            for len in (1..=max_len(&form).min(end - i)).rev() {
                let mut key = form.to_string();
                for tok in &doc.tokens[i + 1..i + len] {
                    key.push(' ');
                    key.push_str(&tok.norm);
                }
                if let Some(kind) = kind_of(&key) {
                    let start = t.start + original_len(t.text, stripped);
                    return Some(Span::new_name(doc, i, i + len, start, kind));
                }
            }
        }
        None
    }

    /// An organization's own name after a head noun that takes one (`names` in
    /// lexicon/grammar/heads.tsv): in quotation marks (موقع "المدن", جمعية "بيت الإعلاميين العرب
    /// في تركيا"), where the span is the quoted name, or, after heads such as صحيفة and شركة, one
    /// to three words that are not ordinary Arabic words (صحيفة لوباريزيان, شركة ريثيون, محطة إيه
    /// بي سي) and a definite adjective after them (صحيفة لاكروا الفرنسية), where the span takes
    /// the head in. A name the lexicon knows right after the head is the lexicon's.
    fn named_org_at(&self, doc: &Doc, i: usize, end: usize) -> Option<Span> {
        let t = &doc.tokens[i];
        if !is_arabic_word(t) || i + 1 >= end {
            return None;
        }
        let (unquoted, stripped) = t.forms().find_map(|(f, s)| {
            // الشركة refers back to a company named before; it does not introduce a name.
            self.lex
                .name_heads
                .get(f.as_ref())
                .filter(|_| !has_article(proclitic(t, s)))
                .map(|u| (*u, s))
        })?;
        let next = &doc.tokens[i + 1];
        if next.quote_mark().is_some_and(|q| q != super::text::QuoteMark::Close) {
            return self.quoted_name_at(doc, i + 1, end);
        }
        if !unquoted || matches!(self.lexicon_at(doc, i + 1, end), Some((Some(_), _))) {
            return None;
        }
        let mut last = i + 1;
        while last < end && last - i <= 3 && self.foreign_word(&doc.tokens[last], last == i + 1) {
            last += 1;
        }
        if last == i + 1 {
            return None;
        }
        // A definite noun or a known name after the words puts the last of them in construct
        // (منظمة حظر الأسلحة, منظمة تحرير فلسطين): an Arabic description, not a foreign name.
        match doc.tokens.get(last).filter(|_| last < end) {
            Some(a) if self.definite_adjective(a) => last += 1,
            Some(a) if is_arabic_word(a) && a.norm.starts_with("ال") => return None,
            Some(_) if matches!(self.lexicon_at(doc, last, end), Some((Some(_), _))) => return None,
            _ => {}
        }
        let start = t.start + original_len(t.text, stripped);
        Some(Span::new_name(doc, i, last, start, Kind::Organization))
    }

    /// A name in quotation marks opened at token `open`: up to six words before the closing
    /// mark, not a name the lexicon knows (حركة "حماس").
    fn quoted_name_at(&self, doc: &Doc, open: usize, end: usize) -> Option<Span> {
        let close = (open + 1..end.min(open + 8)).find(|&k| doc.tokens[k].is_quote())?;
        let words = &doc.tokens[open + 1..close];
        if words.is_empty()
            || !words.iter().all(|w| w.is_word)
            || self.is_particle(&words[0])
            || self.is_known_name(doc, open + 1, close)
        {
            return None;
        }
        Some(Span::new_name(doc, open + 1, close, words[0].start, Kind::Organization))
    }

    /// Whether a word after a head noun can be part of a foreign organization name: a Latin
    /// word with a capital, or an Arabic word that is no ordinary word by what the lexicon
    /// knows and by its shape: no article, no conjunction, no feminine ending (شركة كبيرة), no
    /// elative (كبرى) and, first after the head, no adjective ending ي (بنك مركزي).
    fn foreign_word(&self, t: &Token, first: bool) -> bool {
        if !is_arabic_word(t) {
            return t.is_word && t.capitalized;
        }
        let n = t.norm.as_ref();
        let written = t.text.trim_end_matches(crate::normalize::is_haraka);
        // (A short word after the first, بي in إيه بي سي, is a spelled-out letter.)
        let adjective = written.ends_with('ي') && (first || n.chars().count() >= 4);
        let c: SmallVec<[char; 8]> = n.chars().collect();
        let len = c.len();
        // Broken plurals (أنفاق, مصانع), four-letter verbs (تخطط, نشرت) and, after the first
        // word, a preposition on a noun (كبديل).
        let plural = len == 5 && ((c[0] == 'ا' && c[3] == 'ا') || (c[0] == 'م' && c[2] == 'ا'));
        let verb = len == 4 && (matches!(c[0], 'ي' | 'ت' | 'ن') || c[3] == 'ت');
        let preposition = !first && (4..=5).contains(&len) && matches!(c[0], 'ب' | 'ك' | 'ل' | 'ف');
        !plural
            && !verb
            && !preposition
            && self.name_like(t)
            && !n.starts_with("ال")
            && !n.starts_with('و')
            && !written.ends_with('ة')
            && !written.ends_with('ى')
            && !adjective
            && self.lex.lookup(n).is_empty()
    }

    /// Whether a word is a definite adjective of the nisba shape (الفرنسية, الإخبارية).
    fn definite_adjective(&self, t: &Token) -> bool {
        let n = t.norm.as_ref();
        is_arabic_word(t)
            && n.starts_with("ال")
            && (n.ends_with('ي') || n.ends_with("يه"))
            && n.chars().count() >= 5
            && !self.lex.lookup(n).iter().any(|h| h.kind != PhraseKind::Nisba)
    }

    /// A head noun (وكالة, السفارة, مؤتمر) with one to three definite complements, ending at a
    /// nisba when there is one: an organization or event the lexicon may not know.
    fn head_noun_at(&self, doc: &Doc, i: usize, end: usize) -> Option<Span> {
        let t = &doc.tokens[i];
        if !is_arabic_word(t) {
            return None;
        }
        let (kind, stripped) = t
            .forms()
            .find_map(|(f, s)| self.lex.heads.get(f.as_ref()).map(|k| (*k, s)))?;
        let mut last = i + 1;
        let mut saw_nisba = false;
        while last < end && last - i <= 3 {
            let n = &doc.tokens[last];
            if !is_arabic_word(n)
                || !n.norm.starts_with("ال")
                || self.lex.stopwords.contains(n.norm.as_ref())
                || self.lex.cues.contains_key(n.norm.as_ref())
                // رئيس الجمعية الكاتب الصحفي: a role noun starts a person's description.
                || self.lex.title(&n.norm).is_some()
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
        // The head's own article stays in the name (والمجلس المركزي → المجلس المركزي; للرئاسة
        // التركية → الرئاسة التركية, whose article the preposition swallowed).
        let prefix = proclitic(t, stripped);
        let stripped = if prefix.ends_with("ال") {
            stripped - 2
        } else {
            stripped
        };
        let start = t.start + original_len(t.text, stripped);
        let mut sp = Span::new_name(doc, i, last, start, kind);
        if prefix.ends_with("لل")
            && let Target::New(_, name) = &mut sp.target
        {
            name.insert_str(0, "ال");
        }
        Some(sp)
    }

    /// Links bare surnames to the multi-word names recognized elsewhere in the article: lone
    /// names taken for people and, with `bare`, every other word that is such a surname. (Run
    /// again without `bare` once the name model has added its names, whose surnames are not
    /// sure enough to make names of bare words.)
    pub(crate) fn link_surnames(&self, doc: &Doc, out: &mut Recognized, bare: bool) {
        let mut surnames: LexMap<String, Target> = LexMap::default();
        for sp in &out.spans {
            let surname: &str = &doc.tokens[sp.last - 1].norm;
            if let Target::New(Kind::Person, _) = &sp.target
                && sp.last - sp.first >= 2
                && surname.chars().count() >= 3
                && !self.lex.common_words.contains(surname)
                && !self.lex.stopwords.contains(surname)
                && !NAME_CONNECTORS.contains(&surname)
                // A family name with the article is a nisba (الحريري); الورود, الحدود are nouns.
                && (!surname.starts_with("ال") || surname.ends_with('ي'))
            {
                surnames.entry(surname.to_owned()).or_insert_with(|| sp.target.clone());
            }
        }
        // The surnames of the known people named in full (شينزو آبي, ريك سكوت): only a lone name
        // another rule took for a person links to them, since some are ordinary words too.
        let mut known: LexMap<&str, Target> = LexMap::default();
        for sp in out.spans.iter().filter(|sp| sp.last - sp.first >= 2) {
            if let Target::Entry(e) = &sp.target
                && self.lex.entries[*e as usize].kind == Kind::Person
            {
                known
                    .entry(doc.tokens[sp.last - 1].norm.as_ref())
                    .or_insert_with(|| sp.target.clone());
            }
        }
        // وأكد دويد أن…: a lone new name that is the surname of a full name is that person.
        for sp in out.spans.iter_mut().filter(|sp| sp.last - sp.first == 1) {
            let norm = doc.tokens[sp.first].norm.as_ref();
            if let Target::New(Kind::Person, _) = &sp.target
                && let Some(tg) = surnames.get(norm).or_else(|| known.get(norm))
            {
                sp.target = tg.clone();
            }
        }
        if surnames.is_empty() || !bare {
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
            if let Some((target, stripped)) = t.forms().find_map(|(f, s)| {
                surnames
                    .get(f.as_ref())
                    .filter(|_| !has_article(proclitic(t, s)))
                    .map(|tg| (tg.clone(), s))
            }) {
                extra.push(Span {
                    first: i,
                    last: i + 1,
                    start: t.start + original_len(t.text, stripped),
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

    #[test]
    fn names_stop_at_a_conjunction_and_titles_introduce_unknown_names() {
        // ANERcorp train: "» مع الفنانين وليد توفيق وفايز السعيد ، إلى".
        assert_eq!(
            names("مع الفنانين وليد توفيق وفايز السعيد ، إلى"),
            vec!["person:وليد توفيق", "person:فايز السعيد"]
        );
        // ANERcorp train: "من خبرات السيد سيباستيان ومهاراته ومعرفته كمدير".
        assert_eq!(names("من خبرات السيد سيباستيان ومهاراته"), vec!["person:سيباستيان"]);
        // A connector carries the name on: ANERcorp train "، وقدم الفنان عزت أبو عوف برنامجا منذ فترة".
        assert_eq!(
            names("وقدم الفنان عزت أبو عوف برنامجا منذ فترة"),
            vec!["person:عزت أبو عوف"]
        );
        // على written علي is not the name Ali: ANERcorp train "جندي إسرائيلي واحد علي الأرض اللبنانية".
        assert!(names("جندي إسرائيلي واحد علي الأرض اللبنانية").is_empty());
    }

    #[test]
    fn ordinary_words_do_not_become_names() {
        // A verb after a name: ANERcorp train "وكان وزير الخارجية العراقي ناجي صبري عقد اجتماعا".
        assert_eq!(
            names("وكان وزير الخارجية العراقي ناجي صبري عقد اجتماعا"),
            vec!["person:ناجي صبري"]
        );
        // A given name with the article is a noun: ANERcorp train "ولادة الهلال الفلكية « لحظة الاقتران »".
        assert!(names("ولادة الهلال الفلكية « لحظة الاقتران »").is_empty());
        // A given name that is an ordinary word (باسم "in the name of"): ANT (Alarabia)
        // "وقال الناطق باسم التحالف عقيد ركن".
        assert!(
            !names("وقال الناطق باسم التحالف عقيد ركن")
                .iter()
                .any(|n| n.contains("باسم"))
        );
        // A plural noun after a speech verb: ANERcorp train "وقال دبلوماسيون ان الولايات".
        assert!(names("وقال دبلوماسيون ان الولايات").is_empty());
    }

    #[test]
    fn compound_and_family_names_are_completed() {
        // ANT (Alarabia): "مدير المرصد رامي عبد الرحمن لوكالة".
        assert!(names("مدير المرصد رامي عبد الرحمن لوكالة").contains(&"person:رامي عبد الرحمن".to_owned()));
        // A lexicon name goes on through آل: ANERcorp train "صاحب السمو الشيخ حمد بن خليفة آل ثاني أمير البلاد".
        let lex = Lexicon::builtin();
        let doc = Doc::new("صاحب السمو الشيخ حمد بن خليفة آل ثاني أمير البلاد");
        let rec = Recognizer::new(&lex).recognize(&doc);
        assert_eq!(rec.spans.len(), 1);
        // (The alias الشيخ حمد بن خليفة carries the title; `isnad tag` leaves it out.)
        assert_eq!(
            doc.slice(rec.spans[0].start, rec.spans[0].end),
            "الشيخ حمد بن خليفة آل ثاني"
        );
        // Given names before a known surname: ANERcorp train "أن أشار إليه خوسي لويس ثاباتيرو خلال".
        let doc = Doc::new("أن أشار إليه خوسي لويس ثاباتيرو خلال");
        let rec = Recognizer::new(&lex).recognize(&doc);
        assert_eq!(doc.slice(rec.spans[0].start, rec.spans[0].end), "خوسي لويس ثاباتيرو");
        // A transliteration variant of a known leader: ANT "كوريا الشمالية كيم يونغ أون في".
        assert_eq!(names("كوريا الشمالية كيم يونغ أون في")[1], "Kim Jong-un");
    }

    #[test]
    fn organizations_are_named_after_a_head_noun() {
        // Foreign names after صحيفة, شركة: ANT France24 internationalNews 781 "صحيفة لوباريزيان
        // أشارت إلى مثول فرنسية", SkyNews internationalNews 2678 "الذي تصنعه شركة ريثيون كبديل لنظام".
        assert_eq!(
            names("صحيفة لوباريزيان أشارت إلى مثول فرنسية"),
            vec!["organization:صحيفة لوباريزيان"]
        );
        assert_eq!(
            names("الذي تصنعه شركة ريثيون كبديل لنظام"),
            vec!["organization:شركة ريثيون"]
        );
        // ANT France24 internationalNews 2352.
        assert!(
            names("يقول جونيشي سوغاوارا الباحث لدى معهد ميزوهو إن موقف ترامب")
                .contains(&"organization:معهد ميزوهو".to_owned())
        );
        // A quoted name is the name: ANT Alarabia internationalNews 1552.
        assert_eq!(
            names("وأضاف جعجع في مقابلة له مع موقع \"المدن\" الإلكتروني"),
            vec!["Samir Geagea", "organization:المدن"]
        );
        // An Arabic description is no name (ANT France24 internationalNews 1361 "لمنظمة تحرير
        // فلسطين"), nor is a canal (ANT Alarabia internationalNews 1386 "على طول قناة سان دوني").
        assert!(
            !names("وهي عضو في اللجنة التنفيذية لمنظمة تحرير فلسطين")
                .iter()
                .any(|n| n.contains("تحرير"))
        );
        assert!(names("تحت خيم متلاصقة على طول قناة سان دوني").is_empty());
        // A quoted name the lexicon knows is the lexicon's: ANT Alarabia internationalNews 936.
        assert_eq!(names("أدانت حركة \"حماس\" اليوم السبت، الضربة"), vec!["Hamas"]);
    }

    #[test]
    fn the_authorities_of_a_country_are_the_country_and_agencies_take_a_nisba() {
        // ANT CNN middleEast 1418 (2018-10-05).
        assert_eq!(
            names("تؤكد السلطات السعودية أن خاشقجي دخل وغادر قنصليتها، تنفي السلطات التركية أن يكون"),
            vec!["Saudi Arabia", "Turkey"]
        );
        // A plural head: ANT BBC internationalNews 184 (2018-03-18).
        assert_eq!(
            names("وتعتقد وكالات الاستخبارات الأمريكية بأن روسيا حاولت التأثير"),
            vec!["organization:وكالات الاستخبارات الأمريكية", "Russia"]
        );
    }

    #[test]
    fn a_lone_surname_is_the_known_person_named_in_full() {
        // ANT France24 internationalNews 2352 (2018-07-17).
        assert_eq!(
            names("ورئيس الوزراء الياباني شينزو آبي. فيما شدد آبي على أن توقيع الاتفاق"),
            vec!["Shinzo Abe", "Shinzo Abe"]
        );
        // Another given name before a known surname is another person: ANT BBC internationalNews 184.
        assert_eq!(
            names("بول مانافورت، وشريكه التجاري، ريك غيتس، بالتآمر لتضليل الولايات المتحدة"),
            vec!["person:بول مانافورت", "person:ريك غيتس", "United States"]
        );
        // رئيسي "main" is an ordinary word, not Raisi: ANT Alarabia internationalNews 1340.
        assert!(
            names("أن اختياره إيران كمحور أول خطاب رئيسي له")
                .iter()
                .all(|n| n != "Ebrahim Raisi")
        );
    }

    #[test]
    fn a_speech_verb_or_a_title_introduces_a_single_name() {
        // ANERcorp train: "وعن المبادرة العربية قال عباس \" مازلنا نبحثها".
        assert!(names("وعن المبادرة العربية قال عباس \" مازلنا نبحثها").contains(&"person:عباس".to_owned()));
        // ANERcorp train: "وهذا ماجعل السيدة خديجة وهي من أغنياء قريش".
        assert!(names("وهذا ماجعل السيدة خديجة وهي من أغنياء قريش").contains(&"person:خديجة".to_owned()));
    }
}
