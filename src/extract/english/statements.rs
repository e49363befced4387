//! Statements: who said (or thinks, or found) what. Each cue word outside quotations is read in
//! one of a few frames:
//!
//! - content before the cue: `"…," Trump said`, `"…," said Trump`, `The plan, she vowed, would …`,
//!   a finding whose cue ends the sentence (`…, campaign records show.`), content that an inverted cue
//!   cuts (`The contrast, said Doyle, would be …`), and a sentence that is
//!   only `Trump said.` after a quotation;
//! - content after the cue: `Trump said (that) …`, `Trump told reporters …`, `Trump said: "…"`
//!   (with a colon at the end of a paragraph, the next paragraph), `… and said …` with the
//!   subject of the clause before;
//! - a participle after a clause or a document: `…, saying (that) …`, `a statement saying …`,
//!   whose speaker is the clause's subject;
//! - `according to X, …` and `…, according to X`;
//! - a noun of saying with a clause: `his claim that …`;
//! - a quotation signed with a dash: `"…" ― Jane Doe`;
//! - a headline or transcript line `Name: text`;
//! - appearances, whose source is the subject (`X seems to …`), and hearsay, views and questions
//!   without one (`X reportedly …`, `X is seen as …`, `Asked whether …`);
//! - the words of a sign or a message next to `read` (`"…," it read`), and `cast X as Y`.
//!
//! A quotation that ends a statement's sentence carries on into the next sentences of the
//! paragraph that are quotations without a cue of their own (`"…," he said. "…"`). The speaker is
//! the entity named in the speaker's noun phrase, or the person a pronoun or a definite
//! description ("the senator") refers to. A statement nested in another that covers a fifth of it
//! or more (`X said he thinks …`) is dropped: it is one attribution.

use super::super::text::{Doc, Sentence};
use super::super::types::{Kind, StatementKind};
use super::EnStatement;
use super::entities::{Entities, Gender};
use super::layout::Layout;
use super::lexicon::{
    CueClass, cue_class, is_be, is_clause_opener, is_content_break, is_determiner, is_document_noun, is_intent_noun,
    is_ly_noun, is_modal, is_noun_context, is_noun_cue, is_nounish, is_object_break, is_object_pronoun, is_particle,
    is_role_modifier, is_role_noun, is_subject_pronoun, is_subordinator, is_time_word, is_title, is_topic,
    is_verb_modifier, is_view_participle, needs_particle,
};

/// Longest subject or source noun phrase, in tokens.
const MAX_NP: usize = 12;

/// A statement before its speaker is resolved: token ranges only.
#[derive(Debug, Clone, PartialEq)]
struct Frame {
    /// The cue's tokens.
    cue: (usize, usize),
    /// The cue's class.
    class: CueClass,
    /// The tokens naming the speaker, if any.
    speaker: Option<(usize, usize)>,
    /// The content's token ranges, in order.
    pieces: Vec<(usize, usize)>,
}

/// Finds the statements of a document. Entities named as speakers of speech become persons
/// when nothing said otherwise.
pub fn find(doc: &Doc, layout: &Layout, entities: &mut Entities) -> Vec<EnStatement> {
    let finder = Finder { doc, layout, entities };
    let mut frames: Vec<Frame> = Vec::new();
    for s in &doc.sentences {
        let start = frames.len();
        if s.index == 0 || layout.paragraph[s.index - 1] != layout.paragraph[s.index] {
            frames.extend(finder.headline(s));
        }
        let mut i = s.first;
        while i < s.last {
            let frame = finder.frame_at(i, s, frames[start..].last());
            if let Some(f) = frame {
                i = f.cue.1;
                frames.push(f);
            } else {
                i += 1;
            }
        }
    }
    for f in &mut frames {
        finder.continue_quote(f);
    }
    let mut out: Vec<EnStatement> = Vec::new();
    let mut reported = Vec::new();
    let mut speakers = Vec::new();
    for f in frames {
        if out.iter().any(|o| (o.start, o.end) == finder.span(&f.pieces)) {
            continue;
        }
        if let Some(st) = finder.statement(&f) {
            reported.push(finder.reports_speech(&f));
            if let Some(e) = st
                .speaker
                .filter(|_| !matches!(f.class, CueClass::Act | CueClass::Finding | CueClass::Seem))
            {
                speakers.push(e);
            }
            out.push(st);
        }
    }
    drop_near_duplicates(&mut out, &reported);
    for e in speakers {
        if matches!(entities.list[e].kind, Kind::Other | Kind::Place) {
            entities.list[e].kind = Kind::Person;
        }
    }
    out
}

/// Drops a statement whose content lies inside another's and covers a fifth of it or more ("he believes
/// X" said, and "X" believed): one attribution, read twice. A statement inside another whose cue is
/// not a verb of saying (`reported[k]` false: "she said she supported it", "it" supported) is part
/// of what the outer one reports, whatever its length: also dropped. Of two statements whose
/// contents cross, the shorter is dropped.
fn drop_near_duplicates(out: &mut Vec<EnStatement>, reported: &[bool]) {
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by_key(|&k| (out[k].start, std::cmp::Reverse(out[k].end)));
    let mut drop = vec![false; out.len()];
    let mut outer: Option<usize> = None;
    for &k in &order {
        if let Some(o) = outer
            && out[k].end <= out[o].end
        {
            let (inner, whole) = (out[k].end - out[k].start, out[o].end - out[o].start);
            let same = inner * 10 >= whole * 2;
            drop[k] = same || !reported[k];
            if same && out[o].speaker.is_none() {
                out[o].speaker = out[k].speaker;
                out[o].speaker_surface = out[k].speaker_surface.clone();
            }
            continue;
        }
        // Contents that cross without one holding the other: one attribution's words are never
        // another's in part, so the shorter reading goes.
        if let Some(o) = outer
            && out[k].start < out[o].end
        {
            if out[k].end - out[k].start <= out[o].end - out[o].start {
                drop[k] = true;
                continue;
            }
            drop[o] = true;
        }
        outer = Some(k);
    }
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

/// The frame readers, over one document.
struct Finder<'a> {
    /// The document.
    doc: &'a Doc<'a>,
    /// Its paragraphs and quotations.
    layout: &'a Layout,
    /// Its entities.
    entities: &'a Entities,
}

impl Finder<'_> {
    /// The lower-case form of token `i`.
    fn norm(&self, i: usize) -> &str {
        &self.doc.tokens[i].norm
    }

    /// Whether token `i` is a word outside quotations.
    fn is_free_word(&self, i: usize) -> bool {
        self.doc.tokens[i].is_word && !self.layout.in_quote(i)
    }

    /// Whether token `i` is the punctuation `p`.
    fn is(&self, i: usize, p: &str) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| t.text == p)
    }

    /// Whether token `i` is a comma (not one inside a number, as in "600,000").
    fn is_comma(&self, i: usize) -> bool {
        let digit = |k: usize| {
            self.doc
                .tokens
                .get(k)
                .is_some_and(|t| t.text.starts_with(|c: char| c.is_ascii_digit()))
        };
        self.is(i, ",")
            && !(i > 0
                && digit(i - 1)
                && digit(i + 1)
                && self.doc.tokens[i - 1].end == self.doc.tokens[i].start
                && self.doc.tokens[i].end == self.doc.tokens[i + 1].start)
    }

    /// Whether token `i` closes a quotation.
    fn closes_quote(&self, i: usize) -> bool {
        self.layout.is_mark[i] && self.layout.quote_of[i].is_some_and(|q| self.layout.quotes[q].open < i)
    }

    /// Whether token `i` opens a quotation.
    fn opens_quote(&self, i: usize) -> bool {
        self.layout.is_mark[i] && self.layout.quote_of[i].is_some_and(|q| self.layout.quotes[q].open == i)
    }

    /// Number of words among tokens `a..b`.
    fn words(&self, a: usize, b: usize) -> usize {
        (a..b).filter(|&k| self.doc.tokens[k].is_word).count()
    }

    /// The frame whose cue starts at token `i`, if any.
    fn frame_at(&self, i: usize, s: &Sentence, previous: Option<&Frame>) -> Option<Frame> {
        if matches!(self.doc.tokens[i].text, "―" | "—" | "–" | "-") {
            return self.dash_attribution(i, s);
        }
        if self.is(i, ":") {
            return self.colon_quote(i, s);
        }
        // A cue form inside a name ("The Steve Harvey Morning Show") is part of the name.
        if !self.is_free_word(i) || self.entities.at[i].is_some() {
            return None;
        }
        if self.norm(i) == "according" && i + 1 < s.last && self.norm(i + 1) == "to" {
            return self.according_to(i, s);
        }
        if i + 1 < s.last {
            let (w, next) = (self.norm(i), self.norm(i + 1));
            let possessed = self.possessor(i, s).is_some();
            let intent = is_intent_noun(w) && next == "to" && possessed;
            // "claims", "reports" are verbs too: nouns only after a possessor or determiner.
            let noun = cue_class(w).is_none() || possessed || self.noun_before(i, s);
            if (is_noun_cue(w) && next == "that" && noun) || intent {
                return self.noun_frame(i, s);
            }
            if is_topic(w, next) {
                return self.topic_frame(i, s);
            }
        }
        if let Some(cue) = self.passive_view(i, s) {
            return self.expectation(cue, s);
        }
        let class = cue_class(self.norm(i))
            .or_else(|| self.reads_quote(i, s).then_some(CueClass::Speech))
            .or_else(|| self.casts_as(i, s).then_some(CueClass::Act))?;
        let has_particle = i + 1 < s.last && is_particle(self.norm(i), self.norm(i + 1));
        if needs_particle(self.norm(i)) && !has_particle {
            return None;
        }
        let cue = (i, i + 1 + usize::from(has_particle));
        if self.is_passive(i, s) {
            if self.norm(i) == "expected" && self.is(i + 1, "to") {
                return self.expectation(cue, s);
            }
            return self.passive_question(cue, s);
        }
        if (self.noun_before(i, s) && !self.goes_on_to(i, s)) || !self.fits_next(cue, s) {
            return None;
        }
        if self.norm(i).ends_with("ing") {
            if self.is_participle(i, s) {
                return self.participle(cue, class, s, previous);
            }
            if class == CueClass::Act && self.after_noun(i, s) {
                return self.reduced_relative(cue, s);
            }
            if !self.is_progressive(i, s) {
                return None;
            }
        }
        let np = self.subject(i, s);
        if class == CueClass::Seem {
            return self.seeming(cue, &np, s);
        }
        if let Some(f) = self.content_before(cue, class, &np, s) {
            return Some(f);
        }
        let speaker = if np.first < np.last {
            Some((np.first, np.last))
        } else if np.boundary.is_some_and(|b| matches!(self.norm(b), "and" | "but")) {
            previous
                .and_then(|f| f.speaker)
                .or_else(|| self.sentence_subject(s, cue.0))
        } else {
            return None;
        };
        let pieces = self.content_after(cue, class, s)?;
        Some(Frame {
            cue,
            class,
            speaker,
            pieces,
        })
    }

    /// A noun of saying or thinking with a "that" clause ("his claim that …", "Trump's statement
    /// that …"), or of intention with a "to" clause ("his decision to …"); the speaker is the
    /// possessor, if any.
    fn noun_frame(&self, i: usize, s: &Sentence) -> Option<Frame> {
        let end = self.content_end(i + 1, s);
        if self.words(i + 1, end) < 4 {
            return None;
        }
        // "… in hopes that …": the hope is the subject's.
        let adjunct = i > s.first && matches!(self.norm(i - 1), "in" | "with");
        let speaker = self
            .possessor(i, s)
            .or_else(|| adjunct.then(|| self.sentence_subject(s, i)).flatten());
        Some(Frame {
            cue: (i, i + 1),
            class: CueClass::Speech,
            speaker,
            pieces: vec![(i + 1, end)],
        })
    }

    /// The possessor right before the noun at `i`: "his", "her", "their", or a name with "'s".
    fn possessor(&self, i: usize, s: &Sentence) -> Option<(usize, usize)> {
        let mut k = i;
        while k > s.first && !self.doc.tokens[k - 1].is_word && !self.layout.is_mark[k - 1] {
            k -= 1;
        }
        match (k > s.first).then(|| self.norm(k - 1)) {
            Some("his" | "her" | "their") => Some((k - 1, k)),
            Some("s") if k >= s.first + 3 && matches!(self.norm(k - 2), "'" | "’") => {
                let owner = k - 3;
                let np = self.np_ending_at(owner + 1, s);
                Some((np.first.max(owner.saturating_sub(3)), owner + 1))
            }
            _ => None,
        }
    }

    /// A word with a preposition that takes a topic ("critical of X", "questions about X",
    /// "railed against X"): the content is the noun phrase after the preposition; the speaker
    /// is the possessor of a noun, else the subject before the word.
    fn topic_frame(&self, i: usize, s: &Sentence) -> Option<Frame> {
        let from = i + 2;
        let end = self.topic_end(from, s);
        if self.words(from, end) == 0 || self.words(from, end) > 25 {
            return None;
        }
        let speaker = self.possessor(i, s).or_else(|| {
            let mut np = self.subject(i, s);
            // "voiced support for X": the speaker is the subject of the verb before the noun.
            if np.first + 1 == np.last && np.last == i && cue_class(self.norm(np.first)).is_some() {
                np = self.subject(np.first, s);
            }
            if np.first < np.last {
                Some((np.first, np.last))
            } else {
                self.sentence_subject(s, i)
            }
        });
        Some(Frame {
            cue: (i, from),
            class: CueClass::Speech,
            speaker,
            pieces: vec![(from, end)],
        })
    }

    /// Where a topic noun phrase that starts at `from` ends: before a comma or other clause
    /// mark, or a word that opens a clause, or the sentence end.
    fn topic_end(&self, from: usize, s: &Sentence) -> usize {
        let stop = (from + 1..s.last).find(|&k| {
            let t = &self.doc.tokens[k];
            self.is_comma(k)
                || matches!(t.text, ";" | ":" | "—" | "–" | "(" | "!" | "?")
                || (self.is_free_word(k) && is_clause_opener(&t.norm) && !matches!(t.norm.as_ref(), "and" | "or"))
                || (self.is_free_word(k) && matches!(t.norm.as_ref(), "and" | "but") && self.cue_follows(k + 1, s))
        });
        let end = self.trim_trailing_adverbials(from, stop.unwrap_or(s.last));
        (from..end)
            .rev()
            .find(|&k| self.doc.tokens[k].is_word || self.layout.is_mark[k])
            .map_or(from, |k| k + 1)
    }

    /// A quotation signed with a dash and a name: `"…" ― Jane Doe` at the end of its sentence,
    /// `- Jane Doe.` as the paragraph after the quotation, or an embedded post `… — Jane Doe
    /// (@handle) Sept. 1, 2016`.
    fn dash_attribution(&self, dash: usize, s: &Sentence) -> Option<Frame> {
        if dash == 0 || self.layout.in_quote(dash) {
            return None;
        }
        let name_end = (dash + 1..s.last)
            .find(|&k| self.is_comma(k) || self.is(k, "("))
            .unwrap_or(s.last);
        let (a, end) = self.trim((dash + 1, name_end))?;
        let capitalized = (a..end).all(|k| !self.doc.tokens[k].is_word || self.doc.tokens[k].capitalized);
        if end - a > 6 || !capitalized || !self.names_someone((a, end)) {
            return None;
        }
        let paragraph_start = self.paragraph_start(s);
        let signs_quote = self.closes_quote(dash - 1) && (self.doc.tokens[dash].text != "-" || dash == paragraph_start);
        let post = self.is(name_end, "(") && self.is(name_end + 1, "@");
        let pieces = if signs_quote {
            let q = self.layout.quote_of[dash - 1]?;
            vec![(self.layout.quotes[q].open, dash)]
        } else if post && dash > paragraph_start {
            vec![(paragraph_start, dash)]
        } else {
            return None;
        };
        Some(Frame {
            cue: (dash, dash + 1),
            class: CueClass::Speech,
            speaker: Some((a, end)),
            pieces,
        })
    }

    /// The first token of the paragraph a sentence is in.
    fn paragraph_start(&self, s: &Sentence) -> usize {
        let p = self.layout.paragraph[s.index];
        let first = self.doc.sentences[..=s.index]
            .iter()
            .rev()
            .take_while(|n| self.layout.paragraph[n.index] == p)
            .last();
        first.map_or(s.first, |n| n.first)
    }

    /// For a passive "asked" ("When asked whether …", "was asked about …", "was asked to …", "was
    /// asked by host John Dickerson whether …", "Asked on Monday whether …", "was asked, “…?”"):
    /// the question, with the asker after "by" as the source, if named.
    fn passive_question(&self, cue: (usize, usize), s: &Sentence) -> Option<Frame> {
        if self.norm(cue.0) != "asked" || cue.1 >= s.last {
            return None;
        }
        let is_wh = |k: usize| {
            matches!(
                self.norm(k),
                "whether"
                    | "if"
                    | "why"
                    | "what"
                    | "how"
                    | "about"
                    | "who"
                    | "whom"
                    | "whose"
                    | "which"
                    | "when"
                    | "where"
                    | "to"
            )
        };
        let (from, speaker) = if self.norm(cue.1) == "by" {
            let wh = (cue.1 + 2..s.last.min(cue.1 + 10)).find(|&k| is_wh(k) || self.is_comma(k))?;
            (wh, Some((cue.1 + 1, wh)))
        } else if !is_wh(cue.1) && !self.is_comma(cue.1) {
            // "Asked during a January debate why …", "Asked on Monday whether …".
            let wh = (cue.1..s.last.min(cue.1 + 7))
                .take_while(|&k| self.is_free_word(k))
                .find(|&k| is_wh(k) && self.norm(k) != "to")
                .unwrap_or(cue.1);
            (wh, None)
        } else {
            (cue.1, None)
        };
        let quoted = (self.is_comma(from) || self.is(from, ":")) && from + 1 < s.last && self.opens_quote(from + 1);
        if !(is_wh(from) || quoted) {
            return None;
        }
        let end = if quoted {
            self.content_end(from + 1, s)
        } else {
            (from..s.last)
                .find(|&k| self.is_comma(k))
                .unwrap_or_else(|| self.content_end(from, s))
        };
        let from = from + usize::from(quoted);
        (self.words(from, end) >= 2).then_some(Frame {
            cue,
            class: CueClass::Tell,
            speaker,
            pieces: vec![(from, end)],
        })
    }

    /// "X seems to …", "X reportedly …": the content is the subject and what follows; there is
    /// no speaker.
    fn seeming(&self, cue: (usize, usize), np: &Np, s: &Sentence) -> Option<Frame> {
        let end = self.content_end(cue.1, s);
        // Whom something seems true of is the source of the appearance; hearsay has none.
        let speaker = (self.norm(cue.0) != "reportedly").then_some((np.first, np.last));
        (np.first < np.last && self.words(cue.1, end) >= 2).then(|| Frame {
            cue,
            class: CueClass::Seem,
            speaker,
            pieces: vec![(np.first, np.last), (cue.1, end)],
        })
    }

    /// The cue of a passive view or reputation ("X is widely seen as …", "which is known for
    /// …"): a form of "be", at most one adverb, and the participle before "as" or "for".
    fn passive_view(&self, i: usize, s: &Sentence) -> Option<(usize, usize)> {
        let next = (i + 1 < s.last).then(|| self.norm(i + 1))?;
        if !is_view_participle(self.norm(i)) || !matches!(next, "as" | "for") {
            return None;
        }
        let mut k = i;
        let adverb = |w: &str| (is_verb_modifier(w) || w.ends_with("ly")) && !is_be(w);
        if k > s.first && adverb(self.norm(k - 1)) {
            k -= 1;
        }
        // "could be seen as", but not "to be seen as" (what someone wants to be seen as).
        let finite = |k: usize| match self.norm(k) {
            "be" => k > s.first && is_modal(self.norm(k - 1)),
            "being" => false,
            w => is_be(w),
        };
        (k > s.first && finite(k - 1)).then_some((i, i + 1))
    }

    /// Whether "cast" at `i` presents its object as something ("cast her rival as …", not "cast
    /// their ballots"): "as" follows within eight words, before any comma.
    fn casts_as(&self, i: usize, s: &Sentence) -> bool {
        matches!(self.norm(i), "cast" | "casts" | "casting")
            && (i + 1..s.last.min(i + 9))
                .take_while(|&k| !self.is_comma(k))
                .any(|k| self.is_free_word(k) && self.norm(k) == "as")
    }

    /// Whether "read" at `i` gives the words of a quotation next to it (`"…," the sign read`,
    /// `a message read "…"`): a sign, letter or email as the source.
    fn reads_quote(&self, i: usize, s: &Sentence) -> bool {
        if self.norm(i) != "read" {
            return false;
        }
        let quote_after = i + 1 < s.last && self.opens_quote(i + 1);
        let quote_before = (s.first.max(i.saturating_sub(4))..i)
            .rev()
            .find(|&k| !self.is_free_word(k))
            .is_some_and(|k| self.closes_quote(k) || (self.is_comma(k) && k > s.first && self.closes_quote(k - 1)));
        quote_after || quote_before
    }

    /// "X is expected to …": the subject and what is expected of it, with no source.
    fn expectation(&self, cue: (usize, usize), s: &Sentence) -> Option<Frame> {
        let mut np = self.subject(cue.0, s);
        let mut end = self.content_end(cue.1, s);
        // "…, which is widely expected to …, presents": the relative pronoun stands for the
        // subject, and its clause ends at the next comma.
        if let Some(b) = np
            .boundary
            .filter(|&b| np.first == np.last && matches!(self.norm(b), "which" | "who"))
        {
            np = Np {
                first: b,
                last: b + 1,
                boundary: None,
            };
            end = (cue.1..end).find(|&k| self.is_comma(k)).unwrap_or(end);
        }
        (np.first < np.last && self.words(cue.1, end) >= 3).then(|| Frame {
            cue,
            class: CueClass::Seem,
            speaker: None,
            pieces: vec![(np.first, np.last), (cue.1, end)],
        })
    }

    /// Whether the -ing cue at `i` follows a form of "be" ("is saying", "was also calling").
    fn is_progressive(&self, i: usize, s: &Sentence) -> bool {
        (s.first..i)
            .rev()
            .take(3)
            .take_while(|&k| self.doc.tokens[k].is_word)
            .any(|k| is_be(self.norm(k)) && self.norm(k) != "being")
    }

    /// Whether the cue at `i` is passive or a bare participle ("was asked", "when asked", "Asked
    /// whether …" at the start of a sentence).
    fn is_passive(&self, i: usize, s: &Sentence) -> bool {
        let before = if i > s.first { self.norm(i - 1) } else { "" };
        let initial = i == s.first && self.norm(i) == "asked";
        self.norm(i).ends_with("ed")
            && (initial
                || matches!(
                    before,
                    "was" | "were" | "been" | "being" | "is" | "are" | "be" | "when" | "if" | "widely"
                ))
    }

    /// Whether the word after a cue fits a cue reading: not a passive "by" ("declared by"), not a
    /// particle of another verb ("called into", "backed off"), "to" after "declined" and
    /// "refused", "to" or "that" after "appear", no word after "continued", and a clause or object
    /// (not a noun: "pledged delegates") after "pledged".
    fn fits_next(&self, cue: (usize, usize), s: &Sentence) -> bool {
        let next = if cue.1 < s.last { self.norm(cue.1) } else { "" };
        let verb = self.norm(cue.0);
        let next_is_word = cue.1 < s.last && self.doc.tokens[cue.1].is_word;
        match verb {
            "declined" | "declines" | "declining" | "refused" => return next == "to",
            "appear" | "appears" | "appeared" => return matches!(next, "to" | "that"),
            // "…," he continued; not "continued to", "continued support".
            "continued" => return !next_is_word,
            "pledged" | "pledge" | "pledges" | "pledging" => {
                return !next_is_word || matches!(next, "to" | "that" | "not" | "his" | "her" | "their" | "its");
            }
            _ => {}
        }
        let passive = next == "by" && verb.ends_with("ed");
        let particle = matches!(next, "in" | "into" | "off" | "up" | "back" | "out" | "away" | "down");
        let other_verb = (verb.starts_with("call") || verb.starts_with("back")) && particle;
        !passive && !other_verb
    }

    /// Whether the word before token `i` makes it a noun: a determiner, possessive, preposition,
    /// number or the possessive "'s".
    fn noun_before(&self, i: usize, s: &Sentence) -> bool {
        if i == s.first {
            return false;
        }
        let p = &self.doc.tokens[i - 1];
        let number = p.text.starts_with(|c: char| c.is_ascii_digit());
        // "… and says he voted": a verb after "and" when a clause follows it.
        let clause_next = i + 1 < s.last && (is_subject_pronoun(self.norm(i + 1)) || self.norm(i + 1) == "that");
        let nounish = is_nounish(self.norm(i)) && !(matches!(p.norm.as_ref(), "and" | "or") && clause_next);
        // "3 reports", but "Six in 10 say".
        (p.is_word
            && ((nounish && (number || is_noun_context(&p.norm))) || matches!(p.norm.as_ref(), "the" | "a" | "an")))
            || (nounish && !p.is_word && !self.layout.is_mark[i - 1] && matches!(p.text, "'" | "’" | "-"))
    }

    /// Whether the -ing cue at `i` is a participle after a clause (", saying …", "by saying …").
    fn is_participle(&self, i: usize, s: &Sentence) -> bool {
        let mut j = i;
        while j > s.first && matches!(self.norm(j - 1), "also" | "again" | "even" | "repeatedly" | "then") {
            j -= 1;
        }
        j > s.first
            && (self.is_comma(j - 1)
                || self.is(j - 1, "—")
                || is_document_noun(self.norm(j - 1))
                || matches!(
                    self.norm(j - 1),
                    "by" | "while" | "after" | "before" | "when" | "in" | "and" | "without"
                ))
    }

    /// Whether the word before token `i` can end a noun phrase: a word outside quotations that is
    /// no determiner, preposition, auxiliary, adverb or clause opener ("a super PAC supporting").
    fn after_noun(&self, i: usize, s: &Sentence) -> bool {
        let Some(p) = i.checked_sub(1).filter(|&p| p >= s.first && self.is_free_word(p)) else {
            return false;
        };
        let w = self.norm(p);
        !(is_noun_context(w) || is_verb_modifier(w) || is_clause_opener(w) || w.ends_with("ly"))
            && cue_class(w).is_none()
    }

    /// An act participle right after a noun ("a super PAC supporting Jeb Bush", "those backing
    /// other candidates"): the noun phrase is the source, the object the content.
    fn reduced_relative(&self, cue: (usize, usize), s: &Sentence) -> Option<Frame> {
        let np = self.np_ending_at(cue.0, s);
        let pieces = self.content_after(cue, CueClass::Act, s)?;
        Some(Frame {
            cue,
            class: CueClass::Act,
            speaker: Some((np.first.max(cue.0.saturating_sub(4)), cue.0)),
            pieces,
        })
    }

    /// Whether token `k` is a lower-case adverb in -ly ("aggressively pushed").
    fn is_adverb(&self, k: usize) -> bool {
        let t = &self.doc.tokens[k];
        t.is_word && !t.capitalized && t.norm.len() > 4 && t.norm.ends_with("ly") && !is_ly_noun(&t.norm)
    }

    /// The subject noun phrase before the cue at `cue`, and what bounds it on the left.
    fn subject(&self, cue: usize, s: &Sentence) -> Np {
        let mut end = cue;
        loop {
            if end > s.first
                && (is_verb_modifier(self.norm(end - 1))
                    || self.is_adverb(end - 1)
                    || (matches!(self.norm(end - 1), "'" | "’") && !self.layout.is_mark[end - 1]))
            {
                end -= 1;
            } else if self.goes_on_to(end, s) {
                end -= 3;
            } else {
                break;
            }
        }
        if end > s.first && self.is_comma(end - 1) && !(end >= 2 && self.closes_quote(end - 2)) {
            if let Some(np) = self
                .name_after_title(end - 1, s)
                .or_else(|| self.appositive_subject(end - 1, s))
            {
                return np;
            }
            return Np {
                first: end,
                last: end,
                boundary: Some(end - 1),
            };
        }
        self.np_ending_at(end, s)
    }

    /// Whether "went on to" (or "goes", "go", "gone", "going") ends just before `end`, as in "He
    /// went on to say that …": the subject comes before it.
    fn goes_on_to(&self, end: usize, s: &Sentence) -> bool {
        end >= s.first + 3
            && (end - 3..end).all(|k| self.is_free_word(k))
            && matches!(self.norm(end - 3), "went" | "goes" | "go" | "gone" | "going")
            && self.norm(end - 2) == "on"
            && self.norm(end - 1) == "to"
    }

    /// The noun phrase that ends at `end`, back to a punctuation mark or clause opener.
    fn np_ending_at(&self, end: usize, s: &Sentence) -> Np {
        let mut b = end;
        // Tokens in brackets ("Harry M. Reid (D-Nev.)") do not count towards the length.
        let mut bracketed = 0;
        while b > s.first && end - b - bracketed < MAX_NP {
            let t = b - 1;
            let tok = &self.doc.tokens[t];
            if tok.text == ")"
                && let Some(open) = (s.first..t).rev().find(|&k| self.is(k, "("))
            {
                bracketed += b - open;
                b = open;
                continue;
            }
            let stop = self.layout.is_mark[t]
                || self.is_comma(t)
                || matches!(tok.text, ";" | ":" | "—" | "–" | "(" | ")" | "!" | "?")
                || (tok.is_word && is_clause_opener(&tok.norm) && !self.joins_one_word(t, s));
            if stop {
                break;
            }
            b -= 1;
        }
        Np {
            first: b,
            last: end,
            boundary: (b > s.first).then(|| b - 1),
        }
    }

    /// Whether the "and" or "or" at `t` joins a single word that opens the phrase to what follows
    /// ("…, current and former officials said"), rather than two clauses.
    fn joins_one_word(&self, t: usize, s: &Sentence) -> bool {
        matches!(self.norm(t), "and" | "or")
            && t > s.first
            && self.doc.tokens[t - 1].is_word
            && !self.layout.in_quote(t - 1)
            && (t - 1 == s.first || self.is_comma(t - 2))
    }

    /// For a subject followed by a comma ("Trump, the front-runner, said", "Lance Beebe, 49, a
    /// Navy veteran, said"): the noun phrase that starts the clause (at the sentence start or after
    /// a quotation) and ends at its first comma, when it ends in a name or a pronoun; or, after
    /// an opening phrase set off by commas ("Still, Tad Devine, a senior adviser …, said"), the
    /// first later phrase between commas that is only a name or a role ("the official").
    fn appositive_subject(&self, comma: usize, s: &Sentence) -> Option<Np> {
        let mut start = (s.first..comma)
            .rev()
            .find(|&k| self.layout.is_mark[k])
            .map_or(s.first, |k| k + 1);
        while start < comma && self.is_comma(start) {
            start += 1;
        }
        // "But Mr. Guerrero, a Republican who …, said": the conjunction is not the subject's.
        if start + 1 < comma && self.is_free_word(start) && matches!(self.norm(start), "and" | "but" | "yet" | "so") {
            start += 1;
        }
        let first_comma = (start..comma).find(|&k| self.is_comma(k))?;
        if first_comma == start {
            return None;
        }
        if comma - start <= 40 {
            let np = self.np_ending_at(first_comma, s);
            let head = first_comma - 1;
            let named = self.entities.at[head].is_some() || is_subject_pronoun(self.norm(head));
            if np.first == start && named {
                return Some(np);
            }
        }
        let mut seg = first_comma + 1;
        while let Some(end) = (seg..comma).find(|&k| self.is_comma(k)) {
            if comma - seg <= 40 && self.is_bare_name(seg, end) {
                return Some(Np {
                    first: seg,
                    last: end,
                    boundary: Some(seg - 1),
                });
            }
            seg = end + 1;
        }
        None
    }

    /// Whether the tokens `a..b` are only a name, with titles ("Rep. Sander M. Levin (Mich.)"),
    /// or a determiner and a role noun ("The official").
    fn is_bare_name(&self, a: usize, b: usize) -> bool {
        let b = if self.is(b - 1, ")") {
            (a..b).find(|&k| self.is(k, "(")).unwrap_or(b)
        } else {
            b
        };
        if b <= a || b - a > 6 {
            return false;
        }
        let named = self.entities.at[b - 1].is_some()
            && (a..b).all(|k| self.entities.at[k].is_some() || !self.doc.tokens[k].is_word || is_title(self.norm(k)));
        let role = b - a == 2 && matches!(self.norm(a), "the" | "this" | "that") && is_role_noun(self.norm(a + 1));
        named || role
    }

    /// For a name set off by commas after a role ("France's far-right National Front party
    /// leader, Marine Le Pen, voiced …"): the name, bounded on the left where the role phrase is.
    /// A role phrase that ends in a name is not one.
    fn name_after_title(&self, comma: usize, s: &Sentence) -> Option<Np> {
        let np = self.np_ending_at(comma, s);
        let open = np.boundary.filter(|&b| self.is_comma(b))?;
        let named = (np.first..np.last).all(|k| self.entities.at[k].is_some() || !self.doc.tokens[k].is_word);
        let role = self.np_ending_at(open, s);
        // "Mitch McConnell, R-Ky., said": the phrase before is the name, not a role.
        let role_named = role.first < role.last && self.entities.at[role.last - 1].is_some();
        (np.first < np.last && named && role.first < role.last && !role_named).then_some(Np {
            first: np.first,
            last: np.last,
            boundary: role.boundary,
        })
    }

    /// A frame whose content comes before the cue: `"…," she said`, `"…," said Trump`,
    /// `The plan, she vowed, would …`, `As Trump said, …`.
    fn content_before(&self, cue: (usize, usize), class: CueClass, np: &Np, s: &Sentence) -> Option<Frame> {
        // A finding comes before its cue only when the cue ends the sentence ("…, records show.").
        if class == CueClass::Act || (class == CueClass::Finding && !self.frame_ends_sentence(cue.1)) {
            return None;
        }
        let Some(b) = np.boundary else {
            return self.after_previous_quote(cue, class, np, s);
        };
        let after_as = self.norm(b) == "as" && np.first < np.last;
        let quoted = self.closes_quote(b) || (self.is_comma(b) && b > s.first && self.closes_quote(b - 1));
        if !(quoted || self.is_comma(b) || after_as) {
            return None;
        }
        let inverted = np.first == np.last;
        let (speaker, tail_start) = if inverted {
            let sp = self.np_after(cue.1, s)?;
            let ends_clause = sp.1 >= s.last || self.is_comma(sp.1) || self.trim((sp.1, s.last)).is_none();
            if !(quoted || (self.names_someone(sp) && ends_clause)) {
                return None;
            }
            (sp, sp.1)
        } else {
            ((np.first, np.last), cue.1)
        };
        // "…, a school spokesman told The Wall Street Journal.": the addressee is not setting.
        let tail_start = if class == CueClass::Tell && !inverted {
            self.skip_addressee(tail_start, s)
        } else {
            tail_start
        };
        let tail_end = self.tail_end(tail_start, s, quoted)?;
        let before_end = if after_as && b > s.first && self.is_comma(b - 1) {
            b - 1
        } else {
            b
        };
        let mut pieces = Vec::new();
        if before_end > s.first {
            let from = if quoted {
                self.quote_start(before_end, s)
            } else {
                s.first
            };
            pieces.push((from, before_end + usize::from(self.closes_quote(before_end))));
        }
        if !quoted && !pieces.is_empty() && self.is_intro(s.first, before_end) {
            return None;
        }
        if tail_end < s.last && self.is_comma(tail_end) {
            if self.rest_is_content(tail_end + 1, s, inverted || quoted) {
                pieces.push((tail_end + 1, self.content_end(tail_end + 1, s)));
            } else if let Some(q) = self.later_quote(tail_end + 1, s).filter(|_| quoted) {
                pieces.push((q, self.content_end(q, s)));
            } else if let Some(k) = self.resumed_predicate(tail_end + 1, s).filter(|_| inverted && !quoted) {
                pieces.push((k, self.content_end(k, s)));
            }
        }
        let total: usize = pieces.iter().map(|&(a, z)| self.words(a, z)).sum();
        (total >= if quoted { 1 } else { 4 }).then_some(Frame {
            cue,
            class,
            speaker: Some(speaker),
            pieces,
        })
    }

    /// A sentence that is only a frame after a sentence that ends in a quotation
    /// (`"… newspapers?" Mulholland asked.`): the quotation is the content.
    fn after_previous_quote(&self, cue: (usize, usize), class: CueClass, np: &Np, s: &Sentence) -> Option<Frame> {
        let prev = self.doc.sentences[..s.index].last()?;
        let same_paragraph = self.layout.paragraph[prev.index] == self.layout.paragraph[s.index];
        if !same_paragraph || !self.closes_quote(prev.last - 1) || class == CueClass::Belief {
            return None;
        }
        let speaker = if np.first == np.last {
            self.np_after(cue.1, s)?
        } else {
            (np.first, np.last)
        };
        if !self.names_someone(speaker) {
            return None;
        }
        // "He says referees are …" after a quotation has content of its own: only setting may
        // follow a subject and its cue; after an inverted cue ("said Thompson of …") anything may.
        let tail_end = self.tail_end(speaker.1.max(cue.1), s, np.first == np.last)?;
        if tail_end + 1 < s.last && !self.is_comma(tail_end) {
            return None;
        }
        let open = self.quote_start(prev.last - 1, prev);
        Some(Frame {
            cue,
            class,
            speaker: Some(speaker),
            pieces: vec![(open, prev.last)],
        })
    }

    /// The first quotation opening after `from` in the sentence, when a comma, colon, "but" or
    /// "and" comes right before it (`"…," he said, referring to X, "…"`, `"…," he said, but "…"`).
    /// A cue between them (`"…," she said, adding, "…"`) makes the later quotation its own.
    fn later_quote(&self, from: usize, s: &Sentence) -> Option<usize> {
        let q = (from..s.last).find(|&k| self.layout.is_mark[k])?;
        let joined =
            q > from && (self.is_comma(q - 1) || self.is(q - 1, ":") || matches!(self.norm(q - 1), "but" | "and"));
        let cue_between = (from..q).any(|k| self.is_free_word(k) && cue_class(self.norm(k)).is_some());
        (self.opens_quote(q) && joined && !cue_between).then_some(q)
    }

    /// Where the quotation that closes at or just before `close` starts: its opening mark when
    /// that is in an earlier sentence or follows punctuation, else the sentence start.
    fn quote_start(&self, close: usize, s: &Sentence) -> usize {
        let mark = if self.closes_quote(close) { close } else { close - 1 };
        let Some(open) = self.layout.quote_of[mark].map(|q| self.layout.quotes[q].open) else {
            return s.first;
        };
        if open < s.first || (open > s.first && !self.doc.tokens[open - 1].is_word) {
            open
        } else {
            s.first
        }
    }

    /// Whether the words `a..b` before a frame are only an introductory phrase ("In a statement",
    /// "Later, at a rally in Ohio") rather than content.
    fn is_intro(&self, a: usize, b: usize) -> bool {
        let first = (a..b).find(|&k| self.doc.tokens[k].is_word);
        let opener = first.is_some_and(|k| {
            matches!(
                self.norm(k),
                "in" | "at"
                    | "on"
                    | "during"
                    | "after"
                    | "before"
                    | "later"
                    | "earlier"
                    | "speaking"
                    | "asked"
                    | "when"
                    | "while"
                    | "then"
                    | "still"
                    | "but"
                    | "and"
                    | "meanwhile"
                    | "however"
                    | "instead"
            )
        });
        // "Asked …, X said": the question is a frame of its own, however long.
        let asked = first.is_some_and(|k| self.norm(k) == "asked");
        opener && (asked || self.words(a, b) < 10)
    }

    /// Whether the tokens `a..b` name someone: an entity, a pronoun, or a role noun.
    fn names_someone(&self, (a, b): (usize, usize)) -> bool {
        (a..b).any(|k| self.entities.at[k].is_some() || is_subject_pronoun(self.norm(k)) || is_role_noun(self.norm(k)))
    }

    /// Where the predicate of a content cut by an inverted cue resumes ("The contrast with Trump,
    /// said Doyle and others, would be clear …"): an auxiliary right after the speaker's comma, or
    /// after one appositive phrase ("said Michael Kofman, an expert on Russia, would read …").
    fn resumed_predicate(&self, from: usize, s: &Sentence) -> Option<usize> {
        let aux = |k: usize| {
            let w = self.norm(k);
            k < s.last && self.is_free_word(k) && (is_be(w) || is_modal(w) || matches!(w, "has" | "have" | "had"))
        };
        if aux(from) {
            return Some(from);
        }
        let comma = (from..s.last.min(from + 15)).find(|&k| self.is_comma(k) || self.layout.is_mark[k])?;
        (self.is_comma(comma) && aux(comma + 1)).then_some(comma + 1)
    }

    /// The end of the words after a cue that belong to its frame ("told reporters on Tuesday"):
    /// the next comma, quotation or sentence end. After a quotation anything goes; after a
    /// clause only a few words that are not reported speech themselves.
    fn tail_end(&self, from: usize, s: &Sentence, quoted: bool) -> Option<usize> {
        let mut k = from;
        // "…, Wilkin said during his campaign speech …": a setting phrase may run on.
        let setting = from < s.last && matches!(self.norm(from), "during" | "in" | "at" | "on" | "after" | "before");
        while k < s.last {
            let t = &self.doc.tokens[k];
            if self.is_comma(k) || (quoted && self.opens_quote(k)) || (!t.is_word && k + 1 == s.last) {
                break;
            }
            let long = k - from >= 3 && !setting;
            if !quoted && (t.norm == "that" || t.text == ":" || self.layout.is_mark[k] || long) {
                return None;
            }
            k += 1;
        }
        Some(k)
    }

    /// Whether the words after a frame's closing comma continue the content: after a quotation
    /// or an inverted cue only a further quotation does; otherwise anything but a new cue.
    fn rest_is_content(&self, from: usize, s: &Sentence, quote_only: bool) -> bool {
        let Some(first_word) = (from..s.last).find(|&k| self.doc.tokens[k].is_word) else {
            return false;
        };
        let cue_next = self.is_free_word(first_word)
            && (cue_class(self.norm(first_word)).is_some() || self.norm(first_word) == "according");
        !cue_next && (!quote_only || self.opens_quote(from))
    }

    /// The speaker after an inverted cue ("said Trump", "said the senator"): up to a comma, a
    /// preposition or the sentence end.
    fn np_after(&self, from: usize, s: &Sentence) -> Option<(usize, usize)> {
        let mut k = from;
        while k < s.last && k - from < MAX_NP {
            let t = &self.doc.tokens[k];
            let abbreviation =
                t.text == "." && k > from && self.entities.at[k + 1..].first().is_some_and(|e| e.is_some());
            let stop = self.is_comma(k)
                || (matches!(t.text, "." | ";" | ":" | "—" | "(" | "!" | "?") && !abbreviation)
                || self.layout.is_mark[k]
                || (t.is_word
                    && matches!(
                        t.norm.as_ref(),
                        "in" | "on"
                            | "at"
                            | "during"
                            | "to"
                            | "of"
                            | "that"
                            | "after"
                            | "when"
                            | "while"
                            | "before"
                            | "about"
                            | "who"
                            | "last"
                            | "as"
                    ));
            if stop {
                break;
            }
            k += 1;
        }
        (k > from && self.words(from, k) > 0).then_some((from, k))
    }

    /// The content after a cue: from "that" if it comes soon, else after the addressee (for
    /// "told") and time words, to the end of the sentence or a following frame.
    fn content_after(&self, cue: (usize, usize), class: CueClass, s: &Sentence) -> Option<Vec<(usize, usize)>> {
        let mut k = cue.1;
        if class == CueClass::Tell {
            k = self.skip_addressee(k, s);
        }
        k = self.skip_adverbials(k, s);
        // A "that" that ends the sentence is a pronoun ("says it is hard to blame anyone for that");
        // one after "but" or "and" opens a second clause of the content ("says many doubted her
        // but that …"), which starts at the cue.
        if let Some(t) = (k..s.last.min(k + 10)).find(|&t| self.norm(t) == "that" && self.is_free_word(t))
            && (k..t).all(|j| !self.layout.is_mark[j] && !self.is_comma(j) && !matches!(self.norm(j), "but" | "and"))
            && self.words(t + 1, s.last) >= 2
        {
            k = t;
        }
        while k < s.last && matches!(self.doc.tokens[k].text, ":" | "," | "—" | "-") {
            k += 1;
        }
        if k >= s.last && self.is(cue.1, ":") {
            return self.next_paragraph(s);
        }
        let mut end = self.content_end(k, s);
        if class == CueClass::Act && !self.opens_quote(k) {
            end = self.object_end(k, end);
        }
        let words = self.words(k, end);
        if self.only_adverbials(k, end) || (class == CueClass::Act && self.document_with_participle(k, end)) {
            return None;
        }
        let ok = match class {
            CueClass::Belief | CueClass::Finding | CueClass::Seem => {
                words >= 3 && (self.opens_clause(k) || (words >= 4 && self.opens_bare_clause(k)))
            }
            CueClass::Act => words >= 1,
            CueClass::Speech | CueClass::Tell => words >= 2,
        };
        ok.then(|| vec![(k, end)])
    }

    /// Whether the object of an act at `from` is a document followed by a participle of saying
    /// ("issued a statement saying …"): the participle's frame holds what was said.
    fn document_with_participle(&self, from: usize, end: usize) -> bool {
        (from..end.min(from + 4)).any(|k| {
            is_document_noun(self.norm(k))
                && k + 1 < end
                && self.norm(k + 1).ends_with("ing")
                && cue_class(self.norm(k + 1)).is_some()
        })
    }

    /// Where the object of an evaluative act ("endorsed Hillary Clinton for president on
    /// Thursday, another example of …") ends: before the first comma that is not inside a
    /// quotation, a phrase of time or setting ("… in the primary", "… despite …"), or a second
    /// verb ("… and has appeared"), with trailing time words dropped.
    fn object_end(&self, from: usize, end: usize) -> usize {
        let stop = (from + 1..end).find(|&k| {
            let free = self.is_free_word(k);
            (self.is_comma(k) && !self.layout.in_quote(k))
                || (free && is_object_break(self.norm(k)))
                || (free && matches!(self.norm(k), "and" | "but") && k + 1 < end && self.is_verb(k + 1))
        });
        let end = self.trim_trailing_adverbials(from, stop.unwrap_or(end));
        (from..end)
            .rev()
            .find(|&k| self.doc.tokens[k].is_word || self.layout.is_mark[k])
            .map_or(end, |k| k + 1)
    }

    /// Whether token `k` looks like a finite verb or an auxiliary ("has", "said", "appeared").
    fn is_verb(&self, k: usize) -> bool {
        let w = self.norm(k);
        self.is_free_word(k)
            && !self.doc.tokens[k].capitalized
            && (is_verb_modifier(w) || cue_class(w).is_some() || w.ends_with("ed"))
    }

    /// Skips the addressee of "told" or "asked": a pronoun, a name, or a short noun phrase.
    fn skip_addressee(&self, from: usize, s: &Sentence) -> usize {
        if let Some(t) = (from..s.last.min(from + 12)).find(|&t| self.norm(t) == "that")
            && (from..t).all(|j| !self.layout.is_mark[j] && self.clause_comma(j).is_none())
        {
            return t;
        }
        if from >= s.last || !self.doc.tokens[from].is_word {
            return from;
        }
        if is_object_pronoun(self.norm(from)) {
            return from + 1;
        }
        if let Some(e) = self.entities.at[from] {
            let mut k = from;
            while k < s.last && self.entities.at[k] == Some(e) {
                k += 1;
            }
            if k + 2 < s.last && matches!(self.norm(k), "'" | "’") && self.norm(k + 1) == "s" {
                k += 2;
                let owned = self.entities.at[k];
                while k < s.last && owned.is_some() && self.entities.at[k] == owned {
                    k += 1;
                }
            }
            return k;
        }
        if is_determiner(self.norm(from)) {
            let k = from + 1;
            let stop = (k..s.last.min(k + 4)).find(|&j| {
                let t = &self.doc.tokens[j];
                !t.is_word || t.capitalized || is_subject_pronoun(&t.norm) || is_clause_opener(&t.norm)
            });
            return stop.unwrap_or(k + 1).max(k + 1).min(s.last);
        }
        if !self.doc.tokens[from].capitalized && self.norm(from).ends_with('s') && !is_subject_pronoun(self.norm(from))
        {
            return from + 1;
        }
        from
    }

    /// Skips time words and short "in/at/during" phrases after a cue ("said on Tuesday",
    /// "said in a statement that").
    fn skip_adverbials(&self, from: usize, s: &Sentence) -> usize {
        let mut k = from;
        loop {
            if k < s.last && is_time_word(self.norm(k)) {
                k += 1;
                continue;
            }
            if k + 1 < s.last && matches!(self.norm(k), "in" | "at" | "during") {
                let phrase_end = (k + 1..s.last.min(k + 6)).find(|&j| self.norm(j) == "that" || self.is_comma(j));
                if let Some(e) = phrase_end {
                    k = e;
                    continue;
                }
            }
            return k;
        }
    }

    /// Whether the content at `k` opens a clause: "that", "to", a pronoun, a name, a determiner.
    fn opens_clause(&self, k: usize) -> bool {
        let t = &self.doc.tokens[k];
        t.is_word
            && (t.capitalized
                || is_subject_pronoun(&t.norm)
                || is_determiner(&t.norm)
                || matches!(
                    t.norm.as_ref(),
                    "that"
                        | "to"
                        | "there"
                        | "this"
                        | "these"
                        | "those"
                        | "if"
                        | "whether"
                        | "most"
                        | "many"
                        | "some"
                        | "more"
                        | "all"
                        | "no"
                ))
    }

    /// Whether the content at `k` opens with a lower-case word that can start a clause with no
    /// "that" ("believe bigotry and xenophobia are …"): not a preposition or particle.
    fn opens_bare_clause(&self, k: usize) -> bool {
        self.is_free_word(k)
            && !matches!(
                self.norm(k),
                "in" | "on"
                    | "at"
                    | "of"
                    | "for"
                    | "with"
                    | "about"
                    | "by"
                    | "from"
                    | "so"
                    | "as"
                    | "up"
                    | "out"
                    | "into"
                    | "over"
                    | "like"
                    | "and"
                    | "or"
                    | "but"
                    | "not"
                    | "was"
                    | "is"
                    | "were"
                    | "be"
            )
    }

    /// Where content that starts at `from` ends: the sentence end, or before a following
    /// ", according to", ", saying" or other participle cue.
    fn content_end(&self, from: usize, s: &Sentence) -> usize {
        let mut end = self.fronted_clause_end(from, s).unwrap_or(s.last);
        for k in from..s.last {
            if self.is_comma(k) && k + 1 < s.last && self.is_free_word(k + 1) {
                let w = self.norm(k + 1);
                let participle = w.ends_with("ing") && cue_class(w).is_some();
                if participle || (w == "according" && k + 2 < s.last && self.norm(k + 2) == "to") {
                    end = k;
                    break;
                }
            }
            // Not "that she and her supporters never doubted …": a pronoun before "and" is half of a
            // compound subject.
            let compound = k > from && is_subject_pronoun(self.norm(k - 1));
            if self.is_free_word(k) && matches!(self.norm(k), "and" | "but") && !compound && self.cue_follows(k + 1, s)
            {
                end = k;
                break;
            }
            if self.is_comma(k) && k + 1 < s.last && self.is_free_word(k + 1) && is_content_break(self.norm(k + 1)) {
                end = k;
                break;
            }
        }
        end = self.trim_trailing_adverbials(from, end);
        while end > from && matches!(self.doc.tokens[end - 1].text, "." | "," | ";" | ":" | "—" | "!") {
            end -= 1;
        }
        end
    }

    /// Where content that starts at `from` ends when its cue is in a clause that a subordinator
    /// or relative pronoun opens ("Although Republicans boast of …, there is …", "Barkley, who
    /// said …, said …"), or a preposition before a participle ("In asking to …, Judicial Watch
    /// noted …"): at the comma that closes the clause. None when the clause is the main one.
    fn fronted_clause_end(&self, from: usize, s: &Sentence) -> Option<usize> {
        let start = (s.first..from)
            .rev()
            .find(|&k| self.clause_comma(k).is_some())
            .map_or(s.first, |k| k + 1);
        let opener = (start..from).find(|&k| self.doc.tokens[k].is_word)?;
        let w = self.norm(opener);
        let participle = (opener + 1..from).any(|k| self.is_free_word(k) && self.norm(k).ends_with("ing"));
        let preposition = matches!(
            w,
            "in" | "by" | "after" | "before" | "while" | "on" | "upon" | "without"
        );
        let dash = (opener..from).any(|k| self.is_dash(k) || self.is(k, ";"));
        if !self.is_free_word(opener) || dash || !(is_subordinator(w) || (preposition && participle)) {
            return None;
        }
        (from + 1..s.last).find_map(|k| self.clause_comma(k))
    }

    /// Whether token `k` is a dash (not a hyphen inside a word: "so-called").
    fn is_dash(&self, k: usize) -> bool {
        let t = &self.doc.tokens;
        matches!(t[k].text, "—" | "–" | "-" | "―")
            && !(k > 0 && t[k - 1].end == t[k].start && t.get(k + 1).is_some_and(|n| n.start == t[k].end))
    }

    /// Where a clause ends if it ends at token `k`: a comma outside quotations (the clause ends
    /// before it), or a closing quotation mark right after a comma (`… "not a natural
    /// politician," Hillary Clinton …`: the clause ends after the mark).
    fn clause_comma(&self, k: usize) -> Option<usize> {
        if self.is_comma(k) && !self.layout.in_quote(k) {
            Some(k)
        } else if k > 0 && self.closes_quote(k) && self.is_comma(k - 1) {
            Some(k + 1)
        } else {
            None
        }
    }

    /// Whether a cue verb follows at `k`, after an optional subject pronoun or name and
    /// auxiliaries and adverbs ("and later said", "but she noted").
    fn cue_follows(&self, k: usize, s: &Sentence) -> bool {
        let mut j = k;
        if j < s.last && is_subject_pronoun(self.norm(j)) {
            j += 1;
        } else if let Some(e) = self.entities.at.get(j).copied().flatten() {
            while j < s.last && self.entities.at[j] == Some(e) {
                j += 1;
            }
        } else if let Some(v) = self.plain_subject_end(j, s) {
            j = v;
        }
        let verb = (j..s.last).find(|&v| !is_verb_modifier(self.norm(v)));
        verb.is_some_and(|v| {
            let topic = v + 1 < s.last && is_topic(self.norm(v), self.norm(v + 1));
            self.is_free_word(v) && (topic || !matches!(cue_class(self.norm(v)), None | Some(CueClass::Seem)))
        })
    }

    /// The end of a short lower-case subject noun phrase at `k` that a cue verb follows ("and
    /// human rights groups warned"): a determiner or plural noun, then at most three more words.
    fn plain_subject_end(&self, k: usize, s: &Sentence) -> Option<usize> {
        let words = (k..s.last.min(k + 5)).take_while(|&j| self.is_free_word(j) && !self.doc.tokens[j].capitalized);
        words.skip(1).find(|&v| {
            matches!(cue_class(self.norm(v)), Some(c) if c != CueClass::Seem)
                && (self.norm(v).ends_with("ed") || matches!(self.norm(v), "said" | "told" | "wrote" | "says"))
                && !self.noun_before(v, s)
        })
    }

    /// Drops time and setting phrases from the end of content ("… on Tuesday", "… in an
    /// interview", "… last week").
    fn trim_trailing_adverbials(&self, from: usize, mut end: usize) -> usize {
        while let Some(cut) = self.trailing_adverbial(from, end) {
            if self.words(from, cut) < 2 {
                return end;
            }
            end = cut;
        }
        end
    }

    /// Whether the tokens `from..end` are only time and setting phrases ("in a statement",
    /// "on Tuesday"), with nothing said.
    fn only_adverbials(&self, from: usize, mut end: usize) -> bool {
        while let Some(cut) = self.trailing_adverbial(from, end) {
            end = cut;
        }
        self.words(from, end) == 0
    }

    /// Where the time or setting phrase that ends the tokens `from..end` starts, if one does.
    fn trailing_adverbial(&self, from: usize, end: usize) -> Option<usize> {
        let (_, last) = self.trim((from, end))?;
        let w = |k: usize| self.norm(k);
        if is_time_word(w(last - 1)) && last - 1 > from {
            let before = last - 1;
            let preposition = matches!(
                w(before - 1),
                "on" | "in" | "by" | "until" | "since" | "last" | "this" | "earlier" | "later" | "next"
            );
            Some(if before > from && preposition {
                before - 1
            } else {
                before
            })
        } else if last >= from + 3
            && matches!(w(last - 3), "in" | "during")
            && matches!(w(last - 2), "a" | "an")
            && matches!(
                w(last - 1),
                "interview" | "statement" | "speech" | "email" | "tweet" | "post" | "op" | "video"
            )
        {
            Some(last - 3)
        } else {
            None
        }
    }

    /// The content of a cue that ends its paragraph with a colon: the next paragraph (its first
    /// quotation, if it opens with one).
    fn next_paragraph(&self, s: &Sentence) -> Option<Vec<(usize, usize)>> {
        let p = self.layout.paragraph[s.index];
        let next = self
            .doc
            .sentences
            .get(s.index + 1)
            .filter(|n| self.layout.paragraph[n.index] == p + 1)?;
        let last = self.doc.sentences[next.index..]
            .iter()
            .take_while(|n| self.layout.paragraph[n.index] == p + 1)
            .last()?;
        let end = if self.opens_quote(next.first) {
            let q = &self.layout.quotes[self.layout.quote_of[next.first]?];
            (q.close + 1).min(last.last)
        } else {
            last.last
        };
        Some(vec![(next.first, end)])
    }

    /// A participle frame (", saying …"): the speaker is the previous frame's, or the sentence's
    /// subject.
    fn participle(
        &self,
        cue: (usize, usize),
        class: CueClass,
        s: &Sentence,
        previous: Option<&Frame>,
    ) -> Option<Frame> {
        let pieces = self.content_after(cue, class, s)?;
        let speaker = previous
            .and_then(|f| f.speaker)
            .or_else(|| self.sentence_subject(s, cue.0))
            .or_else(|| self.subject_after_intro(pieces.last()?.1, s));
        Some(Frame {
            cue,
            class,
            speaker,
            pieces,
        })
    }

    /// For a participle in an opening phrase ("In defending himself …, Trump offered"): the name
    /// or pronoun right after the comma that ends the phrase at `end`.
    fn subject_after_intro(&self, end: usize, s: &Sentence) -> Option<(usize, usize)> {
        let k = (end..s.last.min(end + 2)).find(|&k| self.is_comma(k))? + 1;
        if k >= s.last || self.layout.in_quote(k) {
            return None;
        }
        if self.doc.tokens[k].is_word && is_subject_pronoun(self.norm(k)) {
            return Some((k, k + 1));
        }
        let e = self.entities.at[k]?;
        let last = (k..s.last).take_while(|&j| self.entities.at[j] == Some(e)).last()?;
        Some((k, last + 1))
    }

    /// The subject of a sentence: the first name or pronoun outside quotations after any
    /// introductory phrase.
    fn sentence_subject(&self, s: &Sentence, before: usize) -> Option<(usize, usize)> {
        let intro = matches!(
            self.norm(s.first),
            "in" | "on" | "at" | "during" | "after" | "before" | "while" | "when" | "last" | "earlier" | "later"
        );
        let comma = (s.first..before).find(|&k| self.is_comma(k) && !self.layout.in_quote(k));
        let from = if intro {
            comma.map_or(s.first, |c| c + 1)
        } else {
            s.first
        };
        let k = (from..before).find(|&k| {
            !self.layout.in_quote(k)
                && (self.entities.at[k].is_some() || (self.doc.tokens[k].is_word && is_subject_pronoun(self.norm(k))))
        })?;
        let in_np = |j: usize| {
            let t = &self.doc.tokens[j];
            self.entities.at[j].is_some()
                || (t.is_word && (t.capitalized || is_role_noun(&t.norm)) && !is_subject_pronoun(&t.norm))
                || matches!(t.norm.as_ref(), "presidential" | "former" | "vice" | ".")
        };
        let end = if is_subject_pronoun(self.norm(k)) {
            k + 1
        } else {
            (k..before).find(|&j| !in_np(j)).unwrap_or(before)
        };
        Some((k, end.max(k + 1)))
    }

    /// "According to X, …", "…, according to X" and "…, according to X, …".
    fn according_to(&self, i: usize, s: &Sentence) -> Option<Frame> {
        let frame_start = if i > s.first && self.is_comma(i - 1) { i - 1 } else { i };
        let np_end = (i + 2..s.last)
            .find(|&k| self.is_comma(k) || matches!(self.doc.tokens[k].text, ")" | ";" | "—"))
            .unwrap_or(s.last);
        // "…: According to recent polls, …": the content starts after the colon.
        let after_colon =
            frame_start > s.first && self.is(frame_start - 1, ":") && !self.layout.in_quote(frame_start - 1);
        let first = if after_colon { frame_start } else { s.first };
        let mut pieces = Vec::new();
        if frame_start > first {
            pieces.push((first, frame_start));
        }
        let before = self.words(first, frame_start);
        // "Over the long term, according to the budget office, the rise …": a fronted phrase,
        // not a clause, comes before the frame; the clause follows it.
        let fronted = before < 10
            && (first..frame_start)
                .find(|&k| self.doc.tokens[k].is_word)
                .is_some_and(|k| {
                    matches!(
                        self.norm(k),
                        "in" | "at"
                            | "on"
                            | "over"
                            | "among"
                            | "for"
                            | "by"
                            | "from"
                            | "under"
                            | "with"
                            | "without"
                            | "during"
                            | "after"
                            | "before"
                            | "since"
                            | "notably"
                            | "despite"
                    )
                });
        if np_end + 1 < s.last && (before < 4 || fronted) {
            pieces.push((np_end + 1, self.content_end(np_end + 1, s)));
        }
        let source_end = (i + 2..np_end)
            .find(|&k| matches!(self.norm(k), "who" | "which"))
            .unwrap_or(np_end);
        let total: usize = pieces.iter().map(|&(a, z)| self.words(a, z)).sum();
        (total >= 3 && source_end > i + 2).then_some(Frame {
            cue: (i, i + 2),
            class: CueClass::Speech,
            speaker: Some((i + 2, source_end)),
            pieces,
        })
    }

    /// A headline or a transcript line "Name: text", where the name is an entity's.
    fn headline(&self, s: &Sentence) -> Option<Frame> {
        let colon = (s.first..s.last.min(s.first + 10)).find(|&k| self.is(k, ":"))?;
        // "Rep. Trey Gowdy (R-S.C.):", "Former secretary of state Hillary Rodham Clinton:".
        let name_word = |k: usize| {
            let t = &self.doc.tokens[k];
            !t.is_word || t.capitalized || is_title(&t.norm) || is_role_noun(&t.norm) || is_role_modifier(&t.norm)
        };
        let name_ok = colon > s.first
            && (s.first..colon).all(name_word)
            && (s.first..colon).any(|k| self.entities.at[k].is_some());
        let end = self.content_end(colon + 1, s);
        (name_ok && self.words(colon + 1, end) >= 3).then_some(Frame {
            cue: (colon, colon + 1),
            class: CueClass::Speech,
            speaker: Some((s.first, colon)),
            pieces: vec![(colon + 1, end)],
        })
    }

    /// A name right before a colon and a quotation ("… doesn't surprise Republican pollster Daron
    /// Shaw: “Historically, …”"): the name's quotation.
    fn colon_quote(&self, colon: usize, s: &Sentence) -> Option<Frame> {
        if colon == s.first || colon + 1 >= s.last || self.layout.in_quote(colon) || !self.opens_quote(colon + 1) {
            return None;
        }
        let e = self.entities.at[colon - 1]?;
        let first = (s.first..colon)
            .rev()
            .take_while(|&k| self.entities.at[k] == Some(e))
            .last()?;
        let end = self.content_end(colon + 1, s);
        (self.words(colon + 1, end) >= 3).then_some(Frame {
            cue: (colon, colon + 1),
            class: CueClass::Speech,
            speaker: Some((first, colon)),
            pieces: vec![(colon + 1, end)],
        })
    }

    /// Carries a statement on into the next sentences of the paragraph that are quotations
    /// without a cue of their own, when its content ends in a quotation at the end of its
    /// sentence or comes before the cue that ends it (`"…," he said. "…"`, `…, he said. "…"`).
    /// When that sentence ends the paragraph, the statement goes on into the next paragraphs
    /// that are such quotations, as a quotation is carried over paragraphs in the news.
    fn continue_quote(&self, f: &mut Frame) {
        let (Some(&(first, _)), Some(&(_, end))) = (f.pieces.first(), f.pieces.last()) else {
            return;
        };
        let last_tok = end.saturating_sub(1).max(first);
        let sent = &self.doc.sentences[self.doc.sentence_of(last_tok)];
        let quote_ends_sentence =
            (last_tok..sent.last).all(|k| !self.doc.tokens[k].is_word) && self.layout.in_quote(last_tok);
        let before_cue = f.cue.0 > last_tok;
        let quote_before_cue = before_cue && self.layout.in_quote(last_tok);
        if !(quote_ends_sentence || quote_before_cue || (before_cue && self.frame_ends_sentence(f.cue.1)))
            || (before_cue && self.cue_clause_goes_on(f.cue.1))
        {
            return;
        }
        let mut s = self.doc.sentence_of(last_tok.max(f.cue.1 - 1));
        for n in &self.doc.sentences[s + 1..] {
            let same_paragraph = self.layout.paragraph[n.index] == self.layout.paragraph[s];
            let own_frame = self.has_free_cue(n) || self.headline(n).is_some();
            if !(same_paragraph || self.quote_runs_on(s)) || !self.opens_quote(n.first) || own_frame {
                break;
            }
            f.pieces.push((n.first, n.last));
            s = n.index;
        }
    }

    /// Whether sentence `s` ends its paragraph inside a quotation that has no closing mark: the
    /// news convention for a quotation that goes on in the next paragraph.
    fn quote_runs_on(&self, s: usize) -> bool {
        let sent = &self.doc.sentences[s];
        let last_of_paragraph = self
            .doc
            .sentences
            .get(s + 1)
            .is_none_or(|n| self.layout.paragraph[n.index] != self.layout.paragraph[s]);
        let unclosed = self.layout.quote_of[sent.last - 1].is_some_and(|q| self.layout.quotes[q].close >= sent.last);
        last_of_paragraph && unclosed
    }

    /// Whether the frame whose cue ends at token `cue_end` is the end of its sentence: only the
    /// speaker and a few words of setting follow ("he said.", "said Trump on Tuesday.").
    fn frame_ends_sentence(&self, cue_end: usize) -> bool {
        let s = &self.doc.sentences[self.doc.sentence_of(cue_end.saturating_sub(1))];
        (cue_end..s.last).all(|k| !self.is_comma(k) && !self.layout.is_mark[k])
    }

    /// Whether the clause of a cue that ends at `cue_end` goes on with a second verb of the
    /// speaker's (`"…," she told a cheering crowd, then referred to …`): the quotations after
    /// it belong to that verb, not to the cue.
    fn cue_clause_goes_on(&self, cue_end: usize) -> bool {
        let s = &self.doc.sentences[self.doc.sentence_of(cue_end.saturating_sub(1))];
        (cue_end..s.last.saturating_sub(2)).any(|k| {
            let next = self.norm(k + 2);
            self.is_comma(k)
                && self.is_free_word(k + 1)
                && matches!(self.norm(k + 1), "then" | "and" | "before")
                && self.is_free_word(k + 2)
                && (next.ends_with("ed") || cue_class(next).is_some() || needs_particle(next))
        })
    }

    /// Whether a frame reports speech: a verb of saying or telling, `according to`, or a colon or
    /// dash that introduces words, rather than an act, belief, finding, appearance or topic.
    fn reports_speech(&self, f: &Frame) -> bool {
        let w = self.norm(f.cue.0);
        !self.doc.tokens[f.cue.0].is_word
            || w == "according"
            || matches!(cue_class(w), Some(CueClass::Speech | CueClass::Tell))
    }

    /// Whether a sentence has a cue word outside quotations.
    fn has_free_cue(&self, s: &Sentence) -> bool {
        (s.first..s.last)
            .any(|k| self.is_free_word(k) && (cue_class(self.norm(k)).is_some() || self.norm(k) == "according"))
    }

    /// The character span of a frame's content.
    fn span(&self, pieces: &[(usize, usize)]) -> (usize, usize) {
        let trimmed: Vec<(usize, usize)> = pieces.iter().filter_map(|&p| self.trim(p)).collect();
        match (trimmed.first(), trimmed.last()) {
            (Some(a), Some(z)) => (self.doc.tokens[a.0].start, self.doc.tokens[z.1 - 1].end),
            _ => (0, 0),
        }
    }

    /// A token range without leading and trailing punctuation (quotation marks kept).
    fn trim(&self, (mut a, mut z): (usize, usize)) -> Option<(usize, usize)> {
        let weak = |k: usize| !self.doc.tokens[k].is_word && !self.layout.is_mark[k];
        while a < z && weak(a) {
            a += 1;
        }
        while z > a && weak(z - 1) {
            z -= 1;
        }
        (a < z).then_some((a, z))
    }

    /// The statement for a frame: text, kind, speaker resolved.
    fn statement(&self, f: &Frame) -> Option<EnStatement> {
        let pieces: Vec<(usize, usize)> = f.pieces.iter().filter_map(|&p| self.trim(p)).collect();
        let first = pieces.first()?.0;
        let text = pieces
            .iter()
            .map(|&(a, z)| self.doc.slice(self.doc.tokens[a].start, self.doc.tokens[z - 1].end))
            .collect::<Vec<_>>()
            .join(" ");
        let (start, end) = self.span(&pieces);
        let (speaker, speaker_surface) = f.speaker.map_or((None, None), |np| self.resolve(np));
        let headline = f.cue.1 == f.cue.0 + 1 && self.is(f.cue.0, ":") && self.doc.sentence_of(f.cue.0) == 0;
        let cue = if headline {
            "headline".to_owned()
        } else {
            self.doc
                .slice(self.doc.tokens[f.cue.0].start, self.doc.tokens[f.cue.1 - 1].end)
        };
        Some(EnStatement {
            speaker,
            speaker_surface,
            // A frame that names no source ("X is expected to", "Asked whether", "the suggestion
            // that") is unattributed on purpose.
            anonymous: f.speaker.is_none(),
            text,
            kind: self.kind(&pieces),
            cue,
            sentence: self.doc.sentence_of(first),
            start,
            end,
        })
    }

    /// Direct when every content word is quoted, mixed when some are, else indirect.
    fn kind(&self, pieces: &[(usize, usize)]) -> StatementKind {
        let quoted: Vec<bool> = pieces
            .iter()
            .flat_map(|&(a, z)| a..z)
            .filter(|&k| self.doc.tokens[k].is_word)
            .map(|k| self.layout.in_quote(k))
            .collect();
        if quoted.iter().all(|&q| q) {
            StatementKind::Direct
        } else if quoted.iter().any(|&q| q) {
            StatementKind::Mixed
        } else {
            StatementKind::Indirect
        }
    }

    /// The speaker of a noun phrase: a named entity in it, or the person a pronoun or a
    /// definite description ("the senator") refers to; with the phrase as written.
    fn resolve(&self, np: (usize, usize)) -> (Option<usize>, Option<String>) {
        let Some((a, z)) = self.trim(np) else {
            return (None, None);
        };
        let surface = self.doc.slice(self.doc.tokens[a].start, self.doc.tokens[z - 1].end);
        let head = self.norm(z - 1);
        // "the senator", "the former secretary of state": a role noun before any "of".
        let role_end = (a..z).find(|&k| self.norm(k) == "of").unwrap_or(z);
        let definite = self.norm(a) == "the"
            && (is_role_noun(head) || (role_end > a + 1 && is_role_noun(self.norm(role_end - 1))))
            && (a..z).all(|k| self.entities.at[k].is_none());
        let named = if definite { None } else { self.named_in(a, z) };
        let found = named.or_else(|| {
            if head == "who" && a > 0 && self.is_comma(a - 1) {
                let s = &self.doc.sentences[self.doc.sentence_of(a)];
                let np = self.np_ending_at(a - 1, s);
                return self.named_in(np.first, np.last);
            }
            let gender = match head {
                "he" | "his" => Gender::Male,
                "she" | "her" => Gender::Female,
                "it" | "its" if z == a + 1 => return self.antecedent_organization(a),
                _ if definite => Gender::Unknown,
                _ => return None,
            };
            self.antecedent(a, gender)
        });
        (found, Some(surface))
    }

    /// The entity a noun phrase names: a person if any (the last), else the last entity not
    /// inside a prepositional phrase, else the last.
    fn named_in(&self, a: usize, z: usize) -> Option<usize> {
        let bracketed = |k: usize| (a..k).rev().take_while(|&j| !self.is(j, ")")).any(|j| self.is(j, "("));
        let found: Vec<(usize, usize)> = (a..z)
            .filter(|&k| !bracketed(k))
            .filter_map(|k| self.entities.at[k].map(|e| (k, e)))
            .filter(|&(k, e)| k == a || self.entities.at[k - 1] != Some(e))
            .collect();
        let kind = |e: usize| self.entities.list[e].kind;
        let person = found.iter().rev().find(|&&(_, e)| kind(e) == Kind::Person);
        let free = found.iter().rev().find(|&&(k, _)| {
            k == a
                || !matches!(
                    self.norm(k - 1),
                    "of" | "in" | "from" | "at" | "for" | "with" | "on" | "by"
                )
        });
        person.or(free).or(found.last()).map(|&(_, e)| e)
    }

    /// The organization "it" at token `at` refers to: the first one named outside quotations in
    /// the nearest sentence (this one before `at`, then the two before).
    fn antecedent_organization(&self, at: usize) -> Option<usize> {
        let here = self.doc.sentence_of(at);
        (here.saturating_sub(2)..=here).rev().find_map(|s| {
            let sent = &self.doc.sentences[s];
            let end = if s == here { at } else { sent.last };
            (sent.first..end)
                .filter(|&k| !self.layout.in_quote(k))
                .filter_map(|k| self.entities.at[k])
                .find(|&e| self.entities.list[e].kind == Kind::Organization)
        })
    }

    /// The person a pronoun or description at token `at` refers to: in the nearest sentence
    /// (this one before `at`, then earlier ones) that names a compatible person outside
    /// quotations, the first such person.
    fn antecedent(&self, at: usize, gender: Gender) -> Option<usize> {
        let here = self.doc.sentence_of(at);
        let fits = |e: usize| {
            let g = self.entities.gender[e];
            matches!(self.entities.list[e].kind, Kind::Person | Kind::Other)
                && (gender == Gender::Unknown || g == Gender::Unknown || g == gender)
        };
        let search = |kind: Kind| {
            (here.saturating_sub(6)..=here).rev().find_map(|s| {
                let sent = &self.doc.sentences[s];
                let end = if s == here { at } else { sent.last };
                (sent.first..end)
                    .filter(|&k| !self.layout.in_quote(k))
                    .filter_map(|k| self.entities.at[k])
                    .find(|&e| self.entities.list[e].kind == kind && fits(e))
            })
        };
        search(Kind::Person).or_else(|| search(Kind::Other))
    }
}

/// A noun phrase and the token that bounds it on the left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Np {
    /// First token.
    first: usize,
    /// One past the last token.
    last: usize,
    /// The punctuation mark or clause opener before it; `None` at the start of the sentence.
    boundary: Option<usize>,
}
