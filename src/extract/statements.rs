//! Arabic statements: who said what. A cue verb (قال، أعلن، أكد… with و/ف/قد before it), its
//! speaker (the name after the verb, or before it, or a pronoun or omitted subject resolved to
//! the most recent speaker), and its content: a quotation (direct), a clause opened by a
//! complementizer — أن، إن، بأن، إلى أن، على — (indirect), or such a clause holding a quotation
//! (mixed). A headline "Name: words" is a direct statement with the cue `headline`.

use super::lexicon::{CueKind, Lexicon};
use super::text::{Doc, Token};
use super::types::{Kind, Statement, StatementKind};

/// A recognized mention with the actor it stands for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub last: usize,
    /// Index of the actor in the extraction.
    pub actor: usize,
    /// The actor's kind.
    pub kind: Kind,
}

/// Kinds of actor that can speak.
fn can_speak(kind: Kind) -> bool {
    matches!(kind, Kind::Person | Kind::Organization | Kind::Country)
}

fn is_quote(t: &Token) -> bool {
    matches!(t.text.as_str(), "\"" | "«" | "»" | "“" | "”")
}

/// Words before a cue that carry its subject as an attached pronoun (لكنه قال).
fn is_pronoun_carrier(norm: &str) -> bool {
    matches!(
        norm,
        "لكنه"
            | "لكنها"
            | "ولكنه"
            | "ولكنها"
            | "انه"
            | "انها"
            | "بل"
            | "فانه"
            | "وانه"
            | "هو"
            | "هي"
            | "وهو"
            | "وهي"
    )
}

/// Conjunctions that may stand just before a following cue and belong to its clause.
fn is_clause_joiner(norm: &str) -> bool {
    is_pronoun_carrier(norm)
        || matches!(
            norm,
            "لكن" | "ولكن" | "ثم" | "كما" | "فيما" | "بينما" | "قد" | "وقد" | "فقد"
        )
}

/// Finds statements in an Arabic document.
pub struct Finder<'a> {
    lex: &'a Lexicon,
    doc: &'a Doc,
    mentions: &'a [Placed],
}

impl<'a> Finder<'a> {
    /// Prepares a finder over a document and its mentions (sorted by position).
    pub fn new(lex: &'a Lexicon, doc: &'a Doc, mentions: &'a [Placed]) -> Finder<'a> {
        Finder { lex, doc, mentions }
    }

    /// The cue kind of token `i`, with و / ف stripped.
    fn cue(&self, i: usize) -> Option<CueKind> {
        let norm = &self.doc.tokens[i].norm;
        if let Some(k) = self.lex.cues.get(norm) {
            return Some(*k);
        }
        let rest = norm.strip_prefix('و').or_else(|| norm.strip_prefix('ف'))?;
        self.lex.cues.get(rest).copied()
    }

    /// Whether token `i` opens reported content; returns how many tokens the opener takes.
    fn complementizer(&self, i: usize, immediate: bool) -> Option<usize> {
        let norm = self.doc.tokens.get(i)?.norm.as_str();
        let bare = norm.strip_prefix('و').unwrap_or(norm);
        let pronoun_forms = [
            "انه",
            "انها",
            "انهم",
            "انهما",
            "اننا",
            "انني",
            "انكم",
            "بانه",
            "بانها",
            "بانهم",
        ];
        if matches!(bare, "ان" | "بان") || pronoun_forms.contains(&bare) {
            return Some(1);
        }
        if matches!(bare, "الي" | "علي") {
            let next_is_an = self
                .doc
                .tokens
                .get(i + 1)
                .is_some_and(|t| matches!(t.norm.as_str(), "ان" | "انه" | "انها"));
            if next_is_an {
                return Some(2);
            }
            // أكد على ضرورة …: على alone opens content right after the cue and speaker; إلى
            // alone does not (أشار إلى إيران points at something, it reports nothing).
            if immediate && bare == "علي" {
                return Some(1);
            }
        }
        None
    }

    fn mention_starting_at(&self, i: usize) -> Option<&Placed> {
        self.mentions.iter().find(|m| m.first == i)
    }

    /// Finds every statement; `last_speaker` carries the most recent named speaker across
    /// sentences for pronouns and omitted subjects.
    pub fn find(&self) -> Vec<Statement> {
        let mut out = Vec::new();
        let mut last_speaker: Option<usize> = None;
        for s in &self.doc.sentences {
            if s.index == 0 {
                if let Some(st) = self.headline(s.first, s.last) {
                    out.push(st);
                }
                continue;
            }
            // Cue positions outside quotations.
            let mut cues = Vec::new();
            let mut in_quote = false;
            for i in s.first..s.last {
                let t = &self.doc.tokens[i];
                if is_quote(t) {
                    in_quote = !in_quote;
                    continue;
                }
                if !in_quote && let Some(k) = self.cue(i) {
                    cues.push((i, k));
                }
            }
            for (n, &(c, kind)) in cues.iter().enumerate() {
                let mut clause_end = cues.get(n + 1).map_or(s.last, |&(next, _)| next);
                while clause_end > c + 1
                    && is_clause_joiner(&self.doc.tokens[clause_end - 1].norm)
                    && clause_end < s.last
                {
                    clause_end -= 1;
                }
                if let Some(st) = self.at_cue(c, kind, s.first, clause_end, s.index, &mut last_speaker) {
                    out.push(st);
                }
            }
        }
        out
    }

    /// "Name: words" in the title.
    fn headline(&self, first: usize, last: usize) -> Option<Statement> {
        let colon = (first..last.min(first + 6)).find(|&i| self.doc.tokens[i].text == ":")?;
        let speaker = self
            .mentions
            .iter()
            .find(|m| m.first >= first && m.last == colon && can_speak(m.kind))?;
        if colon + 1 >= last {
            return None;
        }
        let (start, end) = (self.doc.tokens[colon + 1].start, self.doc.tokens[last - 1].end);
        Some(Statement {
            speaker: Some(speaker.actor),
            speaker_surface: Some(self.doc.slice(
                self.doc.tokens[speaker.first].start,
                self.doc.tokens[speaker.last - 1].end,
            )),
            text: self.doc.slice(start, end),
            kind: StatementKind::Direct,
            cue: "headline".into(),
            sentence: 0,
            start,
            end,
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn at_cue(
        &self,
        c: usize,
        kind: CueKind,
        sent_first: usize,
        clause_end: usize,
        sentence: usize,
        last_speaker: &mut Option<usize>,
    ) -> Option<Statement> {
        let toks = &self.doc.tokens;
        // The speaker after the cue: the first speaking mention before any opener, passing over
        // titles, nisbas and adjuncts.
        let mut speaker: Option<&Placed> = None;
        let mut surface: Option<String> = None;
        let mut content_from = c + 1;
        let mut unnamed_title = false;
        if kind == CueKind::Verb {
            let mut i = c + 1;
            while i < clause_end && i <= c + 12 {
                if is_quote(&toks[i]) || self.complementizer(i, false).is_some() {
                    break;
                }
                if let Some(m) = self.mention_starting_at(i) {
                    if can_speak(m.kind) {
                        speaker = Some(m);
                        content_from = m.last;
                        break;
                    }
                    i = m.last;
                    continue;
                }
                if i == c + 1 && (self.lex.title(&toks[i].norm).is_some() || self.lex.heads.contains_key(&toks[i].norm))
                {
                    unnamed_title = true;
                }
                i += 1;
            }
        }
        if let Some(m) = speaker {
            surface = Some(self.doc.slice(toks[m.first].start, toks[m.last - 1].end));
        } else if unnamed_title {
            // "قال المتحدث باسم ..." with no name: the speaker is someone unnamed.
        } else if c > sent_first && is_pronoun_carrier(&toks[c - 1].norm) {
            surface = Some(toks[c - 1].text.clone());
            speaker = None;
            if let Some(prev) = *last_speaker {
                return self.content(c + 1, clause_end, Some(prev), surface, c, sentence);
            }
        } else if let Some(m) = self.mentions.iter().rev().find(|m| {
            m.last <= c && m.first >= sent_first && m.last + 10 >= c && can_speak(m.kind) && m.kind == Kind::Person
        }) {
            // Subject before the verb (SVO).
            speaker = Some(m);
            surface = Some(self.doc.slice(toks[m.first].start, toks[m.last - 1].end));
        } else {
            // Omitted subject: the most recent speaker.
            return self.content(content_from, clause_end, *last_speaker, None, c, sentence);
        }
        let actor = speaker.map(|m| m.actor);
        // A named speaker becomes the referent of later pronouns even when this cue reports
        // nothing we can cut out (أكد الجيش صحة الشريط لكنه قال إن …).
        if actor.is_some() {
            *last_speaker = actor;
        }
        self.content(content_from, clause_end, actor, surface, c, sentence)
    }

    /// The content after the speaker: the first quotation or complementizer clause.
    #[allow(clippy::too_many_arguments)]
    fn content(
        &self,
        from: usize,
        clause_end: usize,
        speaker: Option<usize>,
        speaker_surface: Option<String>,
        cue: usize,
        sentence: usize,
    ) -> Option<Statement> {
        let toks = &self.doc.tokens;
        let mut i = from;
        while i < clause_end && i <= from + 25 {
            if is_quote(&toks[i]) {
                let close = (i + 1..clause_end).find(|&j| is_quote(&toks[j]))?;
                if close == i + 1 {
                    return None;
                }
                let (start, end) = (toks[i + 1].start, toks[close - 1].end);
                return Some(self.statement(
                    speaker,
                    speaker_surface,
                    StatementKind::Direct,
                    cue,
                    sentence,
                    start,
                    end,
                ));
            }
            if let Some(n) = self.complementizer(i, i == from) {
                let body = i + n;
                let mut end = clause_end;
                while end > body && !toks[end - 1].is_word && !is_quote(&toks[end - 1]) {
                    end -= 1;
                }
                if end <= body {
                    return None;
                }
                let has_quote = toks[body..end].iter().any(is_quote);
                let kind = if has_quote {
                    StatementKind::Mixed
                } else {
                    StatementKind::Indirect
                };
                return Some(self.statement(
                    speaker,
                    speaker_surface,
                    kind,
                    cue,
                    sentence,
                    toks[body].start,
                    toks[end - 1].end,
                ));
            }
            i += 1;
        }
        None
    }

    #[allow(clippy::too_many_arguments)]
    fn statement(
        &self,
        speaker: Option<usize>,
        speaker_surface: Option<String>,
        kind: StatementKind,
        cue: usize,
        sentence: usize,
        start: usize,
        end: usize,
    ) -> Statement {
        let t = &self.doc.tokens[cue];
        // The cue verb as written, without a conjunction و / ف fused to it.
        let cue_text = if self.lex.cues.contains_key(&t.norm) {
            t.text.clone()
        } else {
            t.text.chars().skip(1).collect()
        };
        Statement {
            speaker,
            speaker_surface,
            text: self.doc.slice(start, end),
            kind,
            cue: cue_text,
            sentence,
            start,
            end,
        }
    }
}
