//! The learned Arabic name recognizer: a linear-chain CRF (the `crfs` crate, a port of
//! CRFsuite) over features of each token of a [`Doc`], trained on ANERcorp by
//! `examples/train_ner.rs` and embedded in the binary (`models/ner-ar.crfsuite`, described by
//! `models/ner-ar.manifest.json`); tagging reads it with `super::crf`.
//!
//! This module owns the one feature-extraction function used by both training and tagging
//! ([`Features`]): the word's match form and its proclitic-stripped forms, prefixes and
//! suffixes, its shape (digits, Latin, punctuation), its place in the sentence, the words two
//! either side, and the lexicon as features — the spans the actor [`Recognizer`] finds
//! (lexicon names by kind, and unknown names found by its patterns), given names, titles and
//! honorifics, speech verbs, nisbas, head nouns and ordinary words, for the token and its
//! neighbours. Changing any of these changes [`FEATURE_SET_VERSION`] and needs retraining.

use std::sync::OnceLock;

use crfs::{Attribute, Model};
use smallvec::SmallVec;

use super::actors::{Recognized, Recognizer, Span, Target};
use super::crf::{Sink, crf};
use super::lexicon::{CueKind, LexMap, LexSet, Lexicon, class};
use super::text::{Doc, Token};
use super::types::Kind;
use crate::normalize::is_alphabetic;

/// The version of the feature set; the manifest records the version a model was trained with.
pub const FEATURE_SET_VERSION: u32 = 3;

/// Sentences joined into one document, in training and in `isnad tag`.
pub const WINDOW: usize = 20;

/// The committed model.
pub(crate) static MODEL_BYTES: &[u8] = include_bytes!("../../models/ner-ar.crfsuite");

/// The embedded model, parsed once by `crfs` (for training and the model's names; tagging reads
/// it into tables of its own, see `super::crf`).
pub fn model() -> &'static Model<'static> {
    static MODEL: OnceLock<Model<'static>> = OnceLock::new();
    MODEL.get_or_init(|| Model::new(MODEL_BYTES).expect("the embedded NER model is valid"))
}

/// The label of a kind in ANERcorp's scheme.
pub fn label(kind: Kind) -> &'static str {
    match kind {
        Kind::Person => "PERS",
        Kind::Country | Kind::Place => "LOC",
        Kind::Organization => "ORG",
        Kind::Event | Kind::Other => "MISC",
    }
}

/// What the lexicon and the recognizer say about one token, before neighbours are added.
#[derive(Debug, Default, Clone)]
struct Clues {
    /// Own-token lexicon facts (`given`, `cue`, `nisba`, `title`, …), each a short name: a
    /// word has a few at most, kept in place rather than in an allocation of their own.
    flags: SmallVec<[&'static str; 4]>,
    /// The recognizer's span over the token: `B-`/`I-` and the label, and whether it came from
    /// the lexicon (`lex`) or a pattern (`pat`).
    span: Option<(&'static str, &'static str, &'static str)>,
    /// A phrase of the tag-only gazetteers over the token: `misc` (`lexicon/misc.tsv`, with its
    /// label) or `club` (`lexicon/sports.tsv`), and `B`/`I`.
    gazetteer: Option<(&'static str, &'static str, &'static str)>,
    /// For a token outside every span: the label of a span elsewhere in the document that
    /// holds the same word (a surname seen before in a full name).
    elsewhere: Option<&'static str>,
}

/// The features of the tokens of a document (see the module documentation).
pub struct Features<'d> {
    doc: &'d Doc<'d>,
    clues: Vec<Clues>,
}

impl<'d> Features<'d> {
    /// Computes the lexicon clues of every token of `doc`, given what `rec` recognized in it.
    pub fn new(rec: &Recognizer, doc: &'d Doc<'d>, recognized: &Recognized) -> Features<'d> {
        let sentences: Vec<(usize, usize)> = doc.sentences.iter().map(|s| (s.first, s.last)).collect();
        Features::for_ranges(rec, doc, recognized, &sentences)
    }

    /// Like [`Features::new`], with the word clues computed only for the token ranges
    /// `first..last` of `ranges` (each within a sentence), which are then read as sentences:
    /// no other token may be asked for features.
    fn for_ranges(
        rec: &Recognizer,
        doc: &'d Doc<'d>,
        recognized: &Recognized,
        ranges: &[(usize, usize)],
    ) -> Features<'d> {
        let lex = rec.lexicon();
        // Each made empty rather than cloned from one.
        let mut clues: Vec<Clues> = std::iter::repeat_with(Clues::default).take(doc.tokens.len()).collect();
        // Lexicon entries named in full (more than one word) somewhere in the document.
        let named: LexSet<u32> = recognized
            .spans
            .iter()
            .filter(|sp| sp.last - sp.first > 1)
            .filter_map(|sp| match sp.target {
                Target::Entry(e) => Some(e),
                Target::New(..) => None,
            })
            .collect();
        for sp in &recognized.spans {
            let (kind, source) = match &sp.target {
                Target::Entry(e) if sp.last - sp.first > 1 => (lex.entries[*e as usize].kind, "lex"),
                // One word: a full name elsewhere makes a short form surer (الأسد).
                Target::Entry(e) if named.contains(e) => (lex.entries[*e as usize].kind, "lex1named"),
                Target::Entry(e) => (lex.entries[*e as usize].kind, "lex1"),
                Target::New(k, _) => (*k, "pat"),
            };
            for (n, c) in clues[sp.first..sp.last].iter_mut().enumerate() {
                c.span = Some((if n == 0 { "B" } else { "I" }, label(kind), source));
            }
        }
        gazetteer_clues(rec, doc, ranges, &mut clues);
        for &(first, last) in ranges {
            let mut title_end = first;
            for i in first..last {
                word_flags(rec, lex, doc, i, &mut clues[i].flags);
                if i >= title_end {
                    let len = rec.title_len_at(doc, i, last);
                    if len > 0 {
                        title_end = i + len;
                        clues[i].flags.push("title_b");
                        for c in &mut clues[i + 1..title_end] {
                            c.flags.push("title_i");
                        }
                    }
                }
            }
        }
        elsewhere_clues(doc, ranges, &mut clues);
        Features { doc, clues }
    }

    /// The attributes of token `i` of the sentence of tokens `first..last`.
    pub fn of(&self, i: usize, first: usize, last: usize) -> Vec<Attribute> {
        let mut attributes = Vec::with_capacity(64);
        let mut out = Names {
            attributes: &mut attributes,
            len: 0,
        };
        self.write(i, first, last, &mut out);
        out.finish();
        attributes
    }

    /// Writes the attributes of token `i` of the sentence of tokens `first..last` to `out`: the
    /// one feature function of training (attribute names) and tagging (model scores).
    fn write(&self, i: usize, first: usize, last: usize, out: &mut impl Sink) {
        let t = &self.doc.tokens[i];
        let w = t.norm.as_ref();
        out.add(&["bias"]);
        out.add(&["w=", w]);
        out.add(&["shape=", &shape(t.text)]);
        let n_chars = w.chars().count();
        for n in 1..=3.min(n_chars) {
            out.add(&["p", DIGITS[n], "=", &w[..byte_at(w, n)]]);
        }
        for n in 1..=4.min(n_chars) {
            out.add(&["x", DIGITS[n], "=", &w[byte_at(w, n_chars - n)..]]);
        }
        if t.is_word && !t.text.is_ascii() {
            // The token's proclitic variants, found once by the tokenizer.
            for &at in &t.variants {
                out.add(&["stem=", &w[at as usize..]]);
            }
        }
        if i == first {
            out.add(&["bos"]);
        }
        if i + 1 == last {
            out.add(&["eos"]);
        }
        self.clue_features(i, "", out);
        for (d, at) in [(-2isize, "-2"), (-1, "-1"), (1, "+1"), (2, "+2")] {
            let j = i as isize + d;
            if j < first as isize || j >= last as isize {
                out.add(&["w", at, "=<none>"]);
                continue;
            }
            let j = j as usize;
            out.add(&["w", at, "=", &self.doc.tokens[j].norm]);
            if d.abs() == 1 {
                self.clue_features(j, at, out);
            } else if let Some((_, l, _)) = self.clues[j].span {
                out.add(&["span", at, "=", l]);
            }
        }
        if i > first {
            out.add(&["w-1|w=", &self.doc.tokens[i - 1].norm, "|", w]);
        }
        if i + 1 < last {
            out.add(&["w|w+1=", w, "|", &self.doc.tokens[i + 1].norm]);
        }
    }

    /// The lexicon clues of token `j` as features, suffixed with its offset `at`.
    fn clue_features(&self, j: usize, at: &str, out: &mut impl Sink) {
        let c = &self.clues[j];
        for f in &c.flags {
            out.add(&[f, at]);
        }
        match c.span {
            Some((bi, l, src)) => {
                out.add(&[src, at, "=", bi, "-", l]);
                out.add(&["span", at, "=", l]);
            }
            None => out.add(&["span", at, "=O"]),
        }
        if let Some((g, bi, l)) = c.gazetteer {
            out.add(&[g, at, "=", bi, "-", l]);
        }
        if let Some(l) = c.elsewhere {
            out.add(&["elsewhere", at, "=", l]);
        }
    }
}

/// Attributes being written, each named by its parts joined (for training and `crfs`). The names
/// are written over those of the attributes already in the list.
struct Names<'v> {
    attributes: &'v mut Vec<Attribute>,
    /// How many attributes are written so far.
    len: usize,
}

impl Sink for Names<'_> {
    fn add(&mut self, parts: &[&str]) {
        if self.len == self.attributes.len() {
            self.attributes.push(Attribute::new(String::new(), 1.0));
        }
        let name = &mut self.attributes[self.len].name;
        name.clear();
        for p in parts {
            name.push_str(p);
        }
        self.len += 1;
    }
}

impl Names<'_> {
    /// Drops the attributes left from an earlier use past those written.
    fn finish(self) {
        self.attributes.truncate(self.len);
    }
}

/// The digits of the prefix and suffix lengths in feature names.
const DIGITS: [&str; 5] = ["0", "1", "2", "3", "4"];

/// The byte offset of character `n` of `w` (its length if `w` is shorter).
fn byte_at(w: &str, n: usize) -> usize {
    w.char_indices().nth(n).map_or(w.len(), |(b, _)| b)
}

/// The lexicon facts about token `i` on its own.
fn word_flags(rec: &Recognizer, lex: &Lexicon, doc: &Doc, i: usize, flags: &mut SmallVec<[&'static str; 4]>) {
    let t = &doc.tokens[i];
    if !t.is_word {
        return;
    }
    let forms = rec.word_forms(t);
    let any = |p: &dyn Fn(&str) -> bool| forms.iter().any(|f| p(f));
    if lex.given_names.contains(t.norm.as_ref()) {
        flags.push("given");
    } else if any(&|f| lex.given_names.contains(f)) {
        flags.push("given_stem");
    }
    if any(&|f| lex.cues.get(f) == Some(&CueKind::Verb)) {
        flags.push("cue");
    }
    if rec.is_nisba(doc, i) {
        flags.push("nisba");
    }
    if let Some(kind) = forms.iter().find_map(|f| lex.heads.get(f.as_ref())) {
        flags.push(match kind {
            Kind::Organization => "head_org",
            Kind::Event | Kind::Other => "head_misc",
            _ => "head",
        });
    }
    if lex.stopwords.contains(t.norm.as_ref()) || lex.particles.contains(t.norm.as_ref()) {
        flags.push("stop");
    }
    if lex.common_words.contains(t.norm.as_ref()) {
        flags.push("common");
    }
}

/// Marks the words outside spans in the token `ranges` that a span elsewhere in the document
/// holds, with its label.
fn elsewhere_clues(doc: &Doc, ranges: &[(usize, usize)], clues: &mut [Clues]) {
    let mut in_spans: LexMap<&str, &'static str> = LexMap::default();
    for (t, c) in doc.tokens.iter().zip(clues.iter()) {
        if let Some((_, l, _)) = c.span
            && t.is_word
            && t.norm.chars().count() >= 3
        {
            in_spans.insert(t.norm.as_ref(), l);
        }
    }
    for &(first, last) in ranges {
        for (t, c) in doc.tokens[first..last].iter().zip(&mut clues[first..last]) {
            if c.span.is_none() {
                c.elsewhere = in_spans.get(t.norm.as_ref()).copied();
            }
        }
    }
}

/// Marks the phrases of the tag-only gazetteers (`lexicon/misc.tsv`: currencies, religions,
/// prizes, wars, tournaments; `lexicon/sports.tsv`: clubs and teams known by a bare name),
/// longest first, with the recognizer's one longest-match routine.
fn gazetteer_clues(rec: &Recognizer, doc: &Doc, ranges: &[(usize, usize)], clues: &mut [Clues]) {
    let lex = rec.lexicon();
    for &(first, last) in ranges {
        let mut i = first;
        while i < last {
            let found = rec
                .phrase_at(doc, i, last, |f| lex.misc_len_from(f), |k| lex.misc(k))
                .map(|sp| ("misc", sp))
                .or_else(|| {
                    rec.phrase_at(
                        doc,
                        i,
                        last,
                        |f| lex.club_len_from(f),
                        |k| lex.club(k).then_some(Kind::Organization),
                    )
                    .map(|sp| ("club", sp))
                });
            let Some((g, sp)) = found else {
                i += 1;
                continue;
            };
            let kind = match sp.target {
                Target::New(k, _) => k,
                Target::Entry(e) => lex.entries[e as usize].kind,
            };
            for (n, c) in clues[sp.first..sp.last].iter_mut().enumerate() {
                c.gazetteer = Some((g, if n == 0 { "B" } else { "I" }, label(kind)));
            }
            i = sp.last;
        }
    }
}

/// The shape of a word: letters of a script and digits replaced by a class character, runs of
/// one class kept once (محمد → a, AFP → X, 2005 → 9, 1.5 → 9.9).
fn shape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        let class = if ('\u{0600}'..='\u{06FF}').contains(&c) && !c.is_ascii_digit() && is_alphabetic(c) {
            'a'
        } else if c.is_ascii_digit() || ('٠'..='٩').contains(&c) {
            '9'
        } else if c.is_uppercase() {
            'X'
        } else if is_alphabetic(c) {
            'x'
        } else {
            c
        };
        if !out.ends_with(class) {
            out.push(class);
        }
    }
    out
}

/// IOB2 tags from a tagger's output: an `I-X` that does not continue an `X` becomes `B-X`.
pub fn to_iob2<S: AsRef<str>>(tags: &[S]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(tags.len());
    for t in tags {
        let t = t.as_ref();
        let fixed = match t.strip_prefix("I-") {
            Some(ty) if !out.last().is_some_and(|p| p.len() > 2 && &p[2..] == ty) => format!("B-{ty}"),
            _ => t.to_owned(),
        };
        out.push(fixed);
    }
    out
}

/// One document made of input tokens: sentences joined on their own lines (tokens separated by
/// spaces), tokenized, with the tokens of [`Doc`] that stand for each input token.
pub struct Joined<'t> {
    /// The tokenized text.
    pub doc: Doc<'t>,
    /// Characters `start..end` of each input token in the text, in order.
    pub ranges: Vec<(usize, usize)>,
    /// For each input token, the document token that carries its features: the first word
    /// token inside it, else its first token.
    pub main: Vec<usize>,
}

/// The text of `sentences` of tokens joined into one document, and the characters
/// `start..end` of each input token in it.
pub fn join(sentences: &[Vec<&str>]) -> (String, Vec<(usize, usize)>) {
    let mut text = String::new();
    let mut ranges = Vec::new();
    let mut pos = 0;
    for (k, sentence) in sentences.iter().enumerate() {
        if k > 0 {
            text.push('\n');
            pos += 1;
        }
        for (n, t) in sentence.iter().enumerate() {
            if n > 0 {
                text.push(' ');
                pos += 1;
            }
            let len = t.chars().count();
            ranges.push((pos, pos + len));
            text.push_str(t);
            pos += len;
        }
    }
    (text, ranges)
}

impl<'t> Joined<'t> {
    /// Tokenizes `text`, made by [`join`] with the input tokens at `ranges`.
    pub fn new(text: &'t str, ranges: Vec<(usize, usize)>) -> Joined<'t> {
        let doc = Doc::new(text);
        let main = ranges
            .iter()
            .map(|&(s, e)| {
                let from = doc.tokens.partition_point(|t| t.end <= s);
                let inside = |t: &&super::text::Token| t.start < e;
                doc.tokens[from..]
                    .iter()
                    .take_while(inside)
                    .position(|t| t.is_word)
                    .map_or(from.min(doc.tokens.len().saturating_sub(1)), |p| from + p)
            })
            .collect();
        Joined { doc, ranges, main }
    }
}

/// The features of every input token of `sentences` (one document, see [`Joined`]), one list
/// per sentence: what training and tagging both use.
pub fn window_features(lex: &Lexicon, sentences: &[Vec<&str>]) -> Vec<Vec<Vec<Attribute>>> {
    let (text, ranges) = join(sentences);
    let joined = Joined::new(&text, ranges);
    let rec = Recognizer::new(lex);
    let recognized = rec.recognize(&joined.doc);
    input_features(&rec, &joined, &recognized, sentences)
}

/// The features of the input tokens of a joined window, given the recognizer's output on it.
pub fn input_features(
    rec: &Recognizer,
    joined: &Joined,
    recognized: &Recognized,
    sentences: &[Vec<&str>],
) -> Vec<Vec<Vec<Attribute>>> {
    let doc = &joined.doc;
    let features = Features::new(rec, doc, recognized);
    let mut out = Vec::with_capacity(sentences.len());
    let mut k = 0;
    for sentence in sentences {
        let mut xs = Vec::with_capacity(sentence.len());
        for _ in sentence {
            let i = joined.main[k];
            let s = &doc.sentences[doc.sentence_of(i)];
            xs.push(features.of(i, s.first, s.last));
            k += 1;
        }
        out.push(xs);
    }
    out
}

/// Tags the input tokens of `sentences` (one document, see [`Joined`]) with the model: IOB2
/// tags, one list per sentence.
pub fn tag_window(lex: &Lexicon, sentences: &[Vec<&str>]) -> Vec<Vec<String>> {
    let crf = crf();
    window_features(lex, sentences)
        .iter()
        .map(|xs| {
            let write = |t: usize, out: &mut super::crf::Scorer| {
                for a in &xs[t] {
                    out.add(&[&a.name]);
                }
            };
            let tags: Vec<&str> = crf.tag(xs.len(), write, |ids| ids.iter().map(|&id| crf.label(id)).collect());
            to_iob2(&tags)
        })
        .collect()
}

/// Tokens read on either side of a speech verb when looking for its speaker.
const AROUND_CUE: usize = 5;

/// Whether token `i` of `doc` is a speech verb (قال, وأضاف), with or without a proclitic.
fn is_cue_verb(lex: &Lexicon, doc: &Doc, i: usize) -> bool {
    let n = doc.tokens[i].norm.as_ref();
    let verb = |f: &str| lex.cues.get(f) == Some(&CueKind::Verb);
    let t = &doc.tokens[i];
    // A token that is no word has no class.
    lex.classes(doc)[i] & class::CUE_VERB != 0 && (verb(n) || t.variants.iter().any(|&at| verb(&n[at as usize..])))
}

/// Adds to `recognized` the people and organizations the model finds in the sentences of `doc`
/// that hold a speech verb but no person or organization the recognizer found (where a
/// speaker is wanted and missing), read a few words either side of each verb: spans outside
/// every span the recognizer found, names the lexicon and the patterns do not know, become new
/// names. A leading و or ف is left out only before a known given name (ومحمد). Returns whether
/// it added any.
pub fn add_model_names(rec: &Recognizer, doc: &Doc, recognized: &mut Recognized) -> bool {
    let lex = rec.lexicon();
    // Sentences with a person or organization already found have a speaker candidate; the
    // model runs only in the others (it costs about 3 ms per 1,000 tokens).
    let mut speaker = vec![false; doc.sentences.len()];
    for sp in &recognized.spans {
        let kind = match &sp.target {
            Target::Entry(e) => lex.entries[*e as usize].kind,
            Target::New(k, _) => *k,
        };
        if matches!(kind, Kind::Person | Kind::Organization) {
            speaker[doc.sentence_of(sp.first)] = true;
        }
    }
    // Around each speech verb of those sentences: where its speaker stands.
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for (s, _) in doc.sentences.iter().zip(&speaker).filter(|(_, known)| !**known) {
        for i in (s.first..s.last).filter(|&i| is_cue_verb(lex, doc, i)) {
            let (a, b) = (
                i.saturating_sub(AROUND_CUE).max(s.first),
                (i + AROUND_CUE + 2).min(s.last),
            );
            match ranges.last_mut() {
                Some(r) if r.1 >= a => r.1 = r.1.max(b),
                _ => ranges.push((a, b)),
            }
        }
    }
    if ranges.is_empty() {
        return false;
    }
    let mut covered = vec![false; doc.tokens.len()];
    // Words of the people already found: a lone one of them later (وكان عباس قال) is that
    // person's short name, which the statement finder resolves, not a new person.
    let mut person_words: LexSet<&str> = LexSet::default();
    for sp in &recognized.spans {
        covered[sp.first..sp.last].fill(true);
        let kind = match &sp.target {
            Target::Entry(e) => lex.entries[*e as usize].kind,
            Target::New(k, _) => *k,
        };
        if kind == Kind::Person {
            person_words.extend(doc.tokens[sp.first..sp.last].iter().map(|t| t.norm.as_ref()));
        }
    }
    let features = Features::for_ranges(rec, doc, recognized, &ranges);
    let crf = crf();
    let mut added = Vec::new();
    let mut tags: Vec<&str> = Vec::new();
    for &(first, last) in &ranges {
        let write = |t: usize, out: &mut super::crf::Scorer| features.write(first + t, first, last, out);
        crf.tag(last - first, write, |ids| {
            tags.clear();
            tags.extend(ids.iter().map(|&id| crf.label(id)));
        });
        let s_first = first;
        let mut i = 0;
        while i < tags.len() {
            let Some((kind, len)) = chunk_at(&tags, i) else {
                i += 1;
                continue;
            };
            let (first, last) = (s_first + i, s_first + i + len);
            i += len;
            // مكتب بعثة [منظمة التحرير]: an organization word in construct with the name found
            // right after it describes that name.
            let construct = kind == Kind::Organization
                && covered.get(last).copied().unwrap_or(false)
                && !doc.tokens[last - 1].norm.starts_with("ال");
            if construct
                || covered[first..last].contains(&true)
                || !doc.tokens[first..last].iter().all(|t| t.is_word)
                || (last == first + 1 && person_words.contains(doc.tokens[first].norm.as_ref()))
            {
                continue;
            }
            added.extend(model_span(lex, doc, first, last, kind));
        }
    }
    if added.is_empty() {
        return false;
    }
    recognized.spans.extend(added);
    recognized.spans.sort_by_key(|sp| sp.first);
    true
}

/// The PERS or ORG chunk starting at tag `i` (a `B-` tag, or an `I-` one not continuing
/// anything): its kind and length.
fn chunk_at(tags: &[&str], i: usize) -> Option<(Kind, usize)> {
    let ty = tags[i].get(2..)?;
    let kind = match ty {
        "PERS" => Kind::Person,
        "ORG" => Kind::Organization,
        _ => return None,
    };
    let continues = i > 0 && tags[i].starts_with("I-") && tags[i - 1].get(2..) == Some(ty);
    if continues {
        return None;
    }
    let len = 1 + tags[i + 1..]
        .iter()
        .take_while(|t| t.starts_with("I-") && t.get(2..) == Some(ty))
        .count();
    Some((kind, len))
}

/// A new-name span over tokens `first..last`, its conjunction left out (see
/// [`add_model_names`]); none for a single ordinary word.
fn model_span(lex: &Lexicon, doc: &Doc, first: usize, mut last: usize, kind: Kind) -> Option<Span> {
    let t = &doc.tokens[first];
    // تالاهاسي عاصمة: an ordinary word ends no name.
    let ordinary_word =
        |t: &Token| lex.stopwords.contains(t.norm.as_ref()) || lex.common_words.contains(t.norm.as_ref());
    while last - first > 1 && ordinary_word(&doc.tokens[last - 1]) {
        last -= 1;
    }
    let ordinary = (last - first == 1 && ordinary_word(t)) || lex.anonymous.contains(t.norm.as_ref());
    // An ordinary word alone, an anonymous source (أحد مساعديه), or a word of a shape names
    // never have (سابق لمكتب) is not a name.
    if ordinary || doc.tokens[first..last].iter().any(super::actors::has_word_shape) {
        return None;
    }
    // Foreign names often start with و or ف (ويليامز, فيرجن): only a known given name after
    // the letter makes it a conjunction.
    let conjunction = ["و", "ف"].iter().any(|c| {
        t.norm
            .strip_prefix(c)
            .is_some_and(|rest| lex.given_names.contains(rest))
    }) && !lex.given_names.contains(t.norm.as_ref());
    let start = t.start + usize::from(conjunction);
    let end = doc.tokens[last - 1].end;
    Some(Span {
        first,
        last,
        start,
        end,
        target: Target::New(kind, doc.slice(start, end)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feature_names_are_the_parts_joined() {
        // tests/fixtures/ant/CN-middleEast-1-20180218.txt, its first sentence.
        let text = "قال الإعلامية البحرينية، سوسن الشاعر، إن الأوضاع";
        let lex = Lexicon::builtin();
        let features = window_features(&lex, &[text.split(' ').collect()]);
        let names = |k: usize| -> Vec<String> { features[0][k].iter().map(|a| a.name.clone()).collect() };
        let first = names(0);
        for want in [
            "bias",
            "w=قال",
            "shape=a",
            "p1=ق",
            "p3=قال",
            "x1=ل",
            "x3=قال",
            "bos",
            "cue",
            "w-2=<none>",
            "w-1=<none>",
            "w+1=الاعلاميه",
            "w|w+1=قال|الاعلاميه",
        ] {
            assert!(first.iter().any(|n| n == want), "{want} not in {first:?}");
        }
        assert!(!first.iter().any(|n| n.starts_with("x4=")), "{first:?}");
        let second = names(1);
        for want in ["x4=اميه", "stem=اعلاميه", "cue-1", "w-1|w=قال|الاعلاميه", "w+2=،"] {
            assert!(second.iter().any(|n| n == want), "{want} not in {second:?}");
        }
    }

    #[test]
    fn the_tables_tag_as_crfs_does() {
        // Every sentence of three real articles (tests/fixtures/ant, see SOURCES.md), whole:
        // our tagger over the feature function's scores gives crfs's labels, token by token.
        let lex = Lexicon::builtin();
        let rec = Recognizer::new(&lex);
        let tagger = model().tagger().expect("a tagger");
        let crf = crf();
        let mut named = 0;
        for name in [
            "CN-middleEast-1-20180218",
            "BB-middleEast-229-20180321",
            "SK-economy-1-20180218",
        ] {
            let text = std::fs::read_to_string(format!("tests/fixtures/ant/{name}.txt")).expect("fixture");
            let doc = Doc::new(&text);
            let features = Features::new(&rec, &doc, &rec.recognize(&doc));
            for s in &doc.sentences {
                let xs: Vec<Vec<Attribute>> = (s.first..s.last).map(|i| features.of(i, s.first, s.last)).collect();
                let want = tagger.tag(&xs).expect("crfs tags");
                let write =
                    |t: usize, out: &mut super::super::crf::Scorer| features.write(s.first + t, s.first, s.last, out);
                let got: Vec<&str> = crf.tag(xs.len(), write, |ids| ids.iter().map(|&id| crf.label(id)).collect());
                assert_eq!(got, want, "{name}, sentence {}", s.index);
                named += got.iter().filter(|t| **t != "O").count();
            }
        }
        assert!(named > 20, "the articles hold names: {named}");
    }

    #[test]
    fn shapes_and_iob2() {
        assert_eq!(shape("محمد"), "a");
        assert_eq!(shape("AFP"), "X");
        assert_eq!(shape("1.5"), "9.9");
        assert_eq!(
            to_iob2(&["O", "I-PERS", "I-PERS", "I-LOC"]),
            ["O", "B-PERS", "I-PERS", "B-LOC"]
        );
    }
}
