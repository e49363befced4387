//! Relations between the actors of one sentence: affiliations read from role phrases
//! (وزير الخارجية الروسي X → X is affiliated with Russia as foreign minister), and events
//! signalled by trigger words (lexicon/grammar/relations.tsv) in a few Arabic and English
//! shapes: "trigger بين X و Y", "X و Y trigger", "S … trigger مع Y", "trigger S … O" (the
//! subject and object groups split where a coordinated list stops), and "S منح اللجوء … O".
//! A negation (لن، لم، نفى، cancelled…) shortly before the trigger marks the relation negated.

use super::actors::Recognizer;
use super::lexicon::Lexicon;
use super::statements::Placed;
use super::text::{Doc, Sentence};
use super::types::{Kind, Relation};

/// Finds relations sentence by sentence.
pub struct Finder<'a> {
    lex: &'a Lexicon,
    doc: &'a Doc,
    mentions: &'a [Placed],
    /// Nisba tokens with the actor index of their country (when the country is in the extraction).
    nisbas: &'a [(usize, usize)],
    recognizer: Recognizer<'a>,
}

/// Commas set off appositions inside role phrases (وزير الخارجية الروسي، سيرغي لافروف).
fn is_comma(text: &str) -> bool {
    matches!(text, "," | "،")
}

fn is_agent(k: Kind) -> bool {
    matches!(k, Kind::Person | Kind::Organization | Kind::Country)
}

impl<'a> Finder<'a> {
    /// Prepares a finder.
    pub fn new(lex: &'a Lexicon, doc: &'a Doc, mentions: &'a [Placed], nisbas: &'a [(usize, usize)]) -> Finder<'a> {
        Finder {
            lex,
            doc,
            mentions,
            nisbas,
            recognizer: Recognizer::new(lex),
        }
    }

    /// Every relation in the document.
    pub fn find(&self) -> Vec<Relation> {
        let mut out = Vec::new();
        for s in &self.doc.sentences {
            let ms: Vec<&Placed> = self
                .mentions
                .iter()
                .filter(|m| m.first >= s.first && m.last <= s.last)
                .collect();
            self.affiliations(s, &ms, &mut out);
            if ms.len() >= 2 {
                self.events(s, &ms, &mut out);
            }
        }
        // One relation per pair and predicate family in a sentence: the first trigger wins
        // (لقاء … على هامش قمة must not add an un-negated copy of a negated meeting).
        let mut seen = std::collections::HashSet::new();
        out.retain(|r| {
            let pair = (r.subject.min(r.object), r.subject.max(r.object));
            let family = if r.predicate == "affiliation" {
                "affiliation"
            } else {
                "event"
            };
            seen.insert((pair, family, r.sentence))
        });
        out
    }

    fn relation(
        &self,
        s: &Sentence,
        subject: usize,
        predicate: &'static str,
        object: usize,
        negated: bool,
        role: Option<String>,
    ) -> Relation {
        Relation {
            subject,
            predicate,
            object,
            negated,
            role,
            evidence: self.doc.slice(s.start, s.end),
            sentence: s.index,
            start: s.start,
            end: s.end,
        }
    }

    /// The title (role) that starts at token `i`, if any: (role, tokens it takes).
    fn title_at(&self, i: usize, end: usize) -> Option<(String, usize)> {
        let t = &self.doc.tokens[i];
        for form in self.recognizer.word_forms(t) {
            let max = self.lex.title_len_from(&form).min(end - i);
            for len in (1..=max).rev() {
                let mut key = form.clone();
                for tok in &self.doc.tokens[i + 1..i + len] {
                    key.push(' ');
                    key.push_str(&tok.norm);
                }
                if let Some(role) = self.lex.title(&key) {
                    return Some((role.to_owned(), len));
                }
            }
        }
        None
    }

    /// Role phrases before people: title, then nisbas and organizations up to the name.
    fn affiliations(&self, s: &Sentence, ms: &[&Placed], out: &mut Vec<Relation>) {
        for (n, p) in ms.iter().enumerate() {
            if p.kind != Kind::Person {
                continue;
            }
            // The role phrase reaches back to the previous person, at most ten words.
            let floor = ms[..n]
                .iter()
                .rev()
                .find(|m| m.kind == Kind::Person)
                .map_or(s.first, |m| m.last.max(s.first));
            let from = p.first.saturating_sub(10).max(floor);
            // The nearest title before the name.
            let Some((t, (role, tlen))) = (from..p.first)
                .rev()
                .find_map(|i| self.title_at(i, p.first).map(|r| (i, r)))
            else {
                continue;
            };
            // Between the title and the name: only role words, nisbas, organizations, countries.
            let window = t + tlen..p.first;
            if self.doc.tokens[window.clone()]
                .iter()
                .any(|tok| !(tok.is_word || is_comma(&tok.text)) || self.lex.cues.contains_key(&tok.norm))
            {
                continue;
            }
            for &(tok, country) in self.nisbas {
                if window.contains(&tok) || (tok >= t && tok < t + tlen) {
                    out.push(self.relation(s, p.actor, "affiliation", country, false, Some(role.clone())));
                }
            }
            for m in ms
                .iter()
                .filter(|m| m.first >= t && m.last <= p.first && matches!(m.kind, Kind::Organization | Kind::Country))
            {
                out.push(self.relation(s, p.actor, "affiliation", m.actor, false, Some(role.clone())));
            }
        }
    }

    /// The predicate signalled at token `i` and how many tokens the trigger takes.
    fn trigger_at(&self, i: usize, end: usize) -> Option<(&'static str, usize)> {
        let t = &self.doc.tokens[i];
        if !t.is_word {
            return None;
        }
        let forms = self.recognizer.word_forms(t);
        if i + 1 < end {
            for f in &forms {
                if let Some(p) = self
                    .lex
                    .relation_phrase(&format!("{f} {}", self.doc.tokens[i + 1].norm))
                {
                    return Some((p, 2));
                }
            }
        }
        forms.iter().find_map(|f| self.lex.relation_trigger(f)).map(|p| (p, 1))
    }

    fn negated_before(&self, s: &Sentence, i: usize) -> bool {
        (i.saturating_sub(4).max(s.first)..i).any(|j| {
            let n = &self.doc.tokens[j].norm;
            self.lex.negations.contains(n) || n.strip_prefix('و').is_some_and(|r| self.lex.negations.contains(r))
        })
    }

    /// Whether the mention's phrase (its title, else itself) starts with the conjunction و
    /// (ووزير الدفاع …, وبوتين) — not with a word whose first letter is و (وزير, واشنطن).
    fn coordinated(&self, m: &Placed, floor: usize) -> bool {
        let title = (m.first.saturating_sub(4).max(floor)..m.first)
            .find(|&i| self.title_at(i, m.first).is_some_and(|(_, len)| i + len <= m.first));
        match title {
            Some(t) => {
                let norm = &self.doc.tokens[t].norm;
                norm.starts_with('و') && !self.is_title_as_written(t, m.first)
            }
            None => self.starts_with_wa(m.first),
        }
    }

    /// Whether a title starts at token `i` without removing any proclitic.
    fn is_title_as_written(&self, i: usize, end: usize) -> bool {
        let first = &self.doc.tokens[i].norm;
        let max = self.lex.title_len_from(first).min(end - i);
        (1..=max).any(|len| {
            let key = self.doc.tokens[i..i + len]
                .iter()
                .map(|t| t.norm.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            self.lex.title(&key).is_some()
        })
    }

    fn starts_with_wa(&self, token: usize) -> bool {
        let norm = &self.doc.tokens[token].norm;
        norm.starts_with('و') && self.lex.lookup(norm).is_empty()
    }

    fn events(&self, s: &Sentence, ms: &[&Placed], out: &mut Vec<Relation>) {
        let mut i = s.first;
        while i < s.last {
            let Some((pred, len)) = self.trigger_at(i, s.last) else {
                i += 1;
                continue;
            };
            let negated = self.negated_before(s, i);
            let after: Vec<&&Placed> = ms
                .iter()
                .filter(|m| m.first >= i + len && m.first <= i + len + 12 && is_agent(m.kind))
                .collect();
            let before: Vec<&&Placed> = ms
                .iter()
                .filter(|m| m.last <= i && m.last + 6 >= i && is_agent(m.kind))
                .collect();
            let toks = &self.doc.tokens;
            let next = |k: usize| toks.get(k).map(|t| t.norm.as_str());
            let bayn = (i + len..(i + len + 4).min(s.last)).find(|&k| matches!(next(k), Some("بين" | "between")));
            let maa = (i + len..(i + len + 2).min(s.last)).find(|&k| matches!(next(k), Some("مع" | "with")));
            if let Some(b) = bayn {
                // trigger بين X و Y
                let pair: Vec<&&Placed> = after.iter().filter(|m| m.first > b).take(2).copied().collect();
                if pair.len() == 2 {
                    out.push(self.relation(s, pair[0].actor, pred, pair[1].actor, negated, None));
                }
            } else if let Some(w) = maa {
                // S … trigger مع Y
                // Y follows مع directly or after a short role phrase (نظيره الأميركي), not
                // after a preposition (مع الصحافيين في السفارة).
                let obj = after.iter().find(|m| {
                    m.first > w
                        && m.first <= w + 5
                        && toks[w + 1..m.first]
                            .iter()
                            .all(|t| (t.is_word || is_comma(&t.text)) && !self.lex.stopwords.contains(&t.norm))
                });
                let subj = before
                    .last()
                    .map(|m| **m)
                    .or_else(|| ms.iter().rev().find(|m| m.last <= i && m.kind == Kind::Person).copied());
                if let (Some(subj), Some(obj)) = (subj, obj) {
                    out.push(self.relation(s, subj.actor, pred, obj.actor, negated, None));
                }
            } else if pred == "grant_asylum" {
                // The granting state, or its capital standing for it (قرار موسكو منح اللجوء).
                let subj = ms.iter().rev().find(|m| {
                    m.last <= i && m.last + 4 >= i && matches!(m.kind, Kind::Country | Kind::Organization | Kind::Place)
                });
                let obj = after.iter().find(|m| m.kind == Kind::Person);
                if let (Some(subj), Some(obj)) = (subj, obj) {
                    out.push(self.relation(s, subj.actor, pred, obj.actor, negated, None));
                }
            } else if before.len() >= 2 && self.joined(before[before.len() - 2], before[before.len() - 1]) {
                // X و Y trigger
                let (x, y) = (before[before.len() - 2], before[before.len() - 1]);
                out.push(self.relation(s, x.actor, pred, y.actor, negated, None));
            } else if !after.is_empty() && after[0].first <= i + len + 2 {
                // trigger S [و S2 …] O [و O2 …]
                let mut subjects = vec![after[0]];
                let mut objects = Vec::new();
                for m in &after[1..] {
                    if objects.is_empty() && self.coordinated(m, subjects.last().map_or(s.first, |p| p.last)) {
                        subjects.push(m);
                    } else if objects.is_empty()
                        || self.coordinated(m, objects.last().map_or(s.first, |p: &&&Placed| p.last))
                    {
                        objects.push(m);
                    } else {
                        break;
                    }
                }
                if objects.is_empty() && subjects.len() >= 2 && matches!(pred, "meet" | "agree" | "dispute") {
                    out.push(self.relation(s, subjects[0].actor, pred, subjects[1].actor, negated, None));
                }
                for sub in &subjects {
                    for ob in &objects {
                        if sub.actor != ob.actor {
                            out.push(self.relation(s, sub.actor, pred, ob.actor, negated, None));
                        }
                    }
                }
            }
            i += len;
        }
    }

    /// Two mentions joined by و with nothing but the conjunction between them.
    fn joined(&self, x: &Placed, y: &Placed) -> bool {
        y.first == x.last && self.starts_with_wa(y.first)
    }
}
