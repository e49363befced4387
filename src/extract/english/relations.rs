//! Relations in English text, with the predicates and negation of the Arabic finder
//! ([`crate::extract::relations`]):
//!
//! - affiliations from role phrases before a person (`Russian Foreign Minister Sergei Lavrov` →
//!   Lavrov · Russia, `FBI Director James Comey` → Comey · FBI, `Secretary of State Mike Pompeo` →
//!   Pompeo · United States) and from an apposition after one (`Jake Sullivan, a spokesman for
//!   the State Department`);
//! - interactions signalled by a trigger verb (lexicon/grammar/relations.tsv) only where both
//!   actors attach to it inside one clause: the subject right before it (auxiliaries, adverbs
//!   and a negation may stand between), the object right after it or after "with" (titles and
//!   country adjectives may stand before the object's name). A negation between the subject and
//!   the trigger marks the relation negated. Triggers inside quotations are left out.
//!
//! Precision comes first: anything less direct (relative clauses, passives, long noun phrases)
//! gives no relation.

use super::super::actors::{Recognizer, Target};
use super::super::lexicon::{Lexicon, PhraseKind, phrase_key};
use super::super::statements::Placed;
use super::super::text::{Doc, Sentence};
use super::super::types::{Kind, Relation};
use super::layout::Layout;
use super::lexicon::{implies_united_states, is_role_modifier, is_title, is_verb_modifier, role_of};

/// Longest role phrase before a name, in tokens.
const MAX_ROLE: usize = 8;

/// Finds the relations of a document. `entry_actor` gives the actor of a lexicon entry named
/// only inside a role phrase (a country adjective, an agency), creating it if needed.
pub fn find(doc: &Doc, lex: &Lexicon, placed: &[Placed], entry_actor: &mut dyn FnMut(u32) -> usize) -> Vec<Relation> {
    let layout = Layout::new(doc);
    let finder = Finder {
        doc,
        lex,
        layout: &layout,
        recognizer: Recognizer::new(lex),
    };
    let mut out = Vec::new();
    let mut from = 0;
    for s in &doc.sentences {
        while from < placed.len() && placed[from].first < s.first {
            from += 1;
        }
        let to = (from..placed.len())
            .find(|&k| placed[k].first >= s.last)
            .unwrap_or(placed.len());
        let ms = &placed[from..to];
        for (n, p) in ms.iter().enumerate().filter(|(_, p)| p.kind == Kind::Person) {
            let floor = ms[..n]
                .iter()
                .rev()
                .find(|m| m.kind == Kind::Person)
                .map_or(s.first, |m| m.last);
            finder.role_before(s, p, floor, entry_actor, &mut out);
            finder.role_after(s, p, ms, entry_actor, &mut out);
        }
        finder.events(s, ms, &mut out);
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|r| {
        let family = if r.predicate == "affiliation" { 0 } else { 1 };
        seen.insert((r.subject.min(r.object), r.subject.max(r.object), family, r.sentence))
    });
    out
}

/// The finder over one document.
struct Finder<'a> {
    doc: &'a Doc<'a>,
    lex: &'a Lexicon,
    layout: &'a Layout,
    recognizer: Recognizer<'a>,
}

/// Whether an actor of this kind can act or be acted on.
fn is_agent(kind: Kind) -> bool {
    matches!(kind, Kind::Person | Kind::Organization | Kind::Country)
}

impl Finder<'_> {
    /// The lower-case form of token `i`.
    fn norm(&self, i: usize) -> &str {
        &self.doc.tokens[i].norm
    }

    /// A relation whose evidence is the sentence. Confidence as the Arabic finder gives it:
    /// an affiliation from a role phrase 0.85, an event with its subject and object next to the
    /// trigger 0.7.
    fn relation(&self, s: &Sentence, subject: usize, predicate: &'static str, object: usize) -> Relation {
        Relation {
            subject,
            predicate,
            object,
            negated: false,
            role: None,
            confidence: if predicate == "affiliation" { 0.85 } else { 0.7 },
            evidence: self.doc.slice(s.start, s.end),
            sentence: s.index,
            start: s.start,
            end: s.end,
        }
    }

    /// The country or organization a lexicon phrase at token `i` names or (as an adjective)
    /// points to, with the tokens it takes.
    fn country_or_org_at(&self, i: usize, end: usize) -> Option<(u32, usize)> {
        let (span, nisba) = self.recognizer.lexicon_at(self.doc, i, end)?;
        if let Some(n) = nisba {
            return Some((n.entry, 1));
        }
        let span = span?;
        let Target::Entry(e) = span.target else {
            return None;
        };
        let kind = self.lex.entries[e as usize].kind;
        matches!(kind, Kind::Country | Kind::Organization).then_some((e, span.last - i))
    }

    /// The lexicon entry of the United States.
    fn united_states(&self) -> Option<u32> {
        self.lex
            .lookup(&phrase_key("United States"))
            .iter()
            .find(|h| h.kind == PhraseKind::Name)
            .map(|h| h.entry)
    }

    /// A role phrase right before person `p` (`Russian Foreign Minister`, `U.S. Secretary of
    /// State`, `FBI Director`): an affiliation with every country or organization in it.
    fn role_before(
        &self,
        s: &Sentence,
        p: &Placed,
        floor: usize,
        entry_actor: &mut dyn FnMut(u32) -> usize,
        out: &mut Vec<Relation>,
    ) {
        let start = self.role_start(p.first, floor.max(s.first));
        if start == p.first {
            return;
        }
        let words: Vec<&str> = (start..p.first).map(|k| self.norm(k)).collect();
        let Some(role) = role_of(&words) else {
            return;
        };
        let mut parties = Vec::new();
        let mut k = start;
        while k < p.first {
            if let Some((e, len)) = self.country_or_org_at(k, p.first) {
                parties.push(entry_actor(e));
                k += len;
            } else {
                k += 1;
            }
        }
        if parties.is_empty() && implies_united_states(&words.join(" ")) {
            parties.extend(self.united_states().map(&mut *entry_actor));
        }
        for party in parties.into_iter().filter(|&a| a != p.actor) {
            let mut r = self.relation(s, p.actor, "affiliation", party);
            r.role = Some(role.to_owned());
            out.push(r);
        }
    }

    /// Where the role phrase that ends before token `name` starts: back over titles, role
    /// modifiers, capitalized words and abbreviation dots, at most [`MAX_ROLE`] tokens.
    fn role_start(&self, name: usize, floor: usize) -> usize {
        let mut k = name;
        while k > floor && name - k < MAX_ROLE {
            let t = &self.doc.tokens[k - 1];
            let possessive_s = t.norm == "s" && k >= 2 && self.is_inside_name(k - 2);
            let fits = (t.is_word && (t.capitalized || is_title(&t.norm) || is_role_modifier(&t.norm)))
                || possessive_s
                || self.is_inside_name(k - 1);
            if !fits || self.layout.is_mark[k - 1] {
                break;
            }
            k -= 1;
        }
        k
    }

    /// An apposition after person `p` naming a role for a party: `X, (a|the) spokesman for Y`,
    /// `X, director of the FBI`, `X, the FBI director`.
    fn role_after(
        &self,
        s: &Sentence,
        p: &Placed,
        ms: &[Placed],
        entry_actor: &mut dyn FnMut(u32) -> usize,
        out: &mut Vec<Relation>,
    ) {
        if p.last >= s.last || self.doc.tokens[p.last].text != "," {
            return;
        }
        let end = (p.last + 1..s.last)
            .find(|&k| !self.doc.tokens[k].is_word && !self.is_inside_name(k))
            .unwrap_or(s.last);
        let mut k = p.last + 1;
        if k < end && matches!(self.norm(k), "a" | "an" | "the") {
            k += 1;
        }
        let words: Vec<&str> = (k..end).map(|j| self.norm(j)).collect();
        let Some(at) = words.iter().position(|w| matches!(*w, "for" | "of" | "to" | "at")) else {
            return self.role_with_party_first(s, p, k, end, entry_actor, out);
        };
        let Some(role) = role_of(&words[..at]) else {
            return;
        };
        // An ambassador or envoy to a country serves another one.
        if words[at] == "to" && matches!(role, "ambassador" | "envoy") {
            return;
        }
        if !words[..at].iter().all(|w| is_title(w) || is_role_modifier(w)) {
            return;
        }
        let mut j = k + at + 1;
        if j < end && self.norm(j) == "the" {
            j += 1;
        }
        let party = match ms.iter().find(|m| m.first == j && m.last <= end) {
            Some(m) if matches!(m.kind, Kind::Organization | Kind::Country) => Some(m.actor),
            Some(_) => None,
            None => self
                .country_or_org_at(j, end)
                .filter(|&(_, len)| j + len == end)
                .map(|(e, _)| entry_actor(e)),
        };
        if let Some(party) = party.filter(|&a| a != p.actor) {
            let mut r = self.relation(s, p.actor, "affiliation", party);
            r.role = Some(role.to_owned());
            out.push(r);
        }
    }

    /// `X, the FBI director`: the party's name, then only role words, up to the clause's end.
    fn role_with_party_first(
        &self,
        s: &Sentence,
        p: &Placed,
        k: usize,
        end: usize,
        entry_actor: &mut dyn FnMut(u32) -> usize,
        out: &mut Vec<Relation>,
    ) {
        let Some((e, len)) = self.country_or_org_at(k, end) else {
            return;
        };
        let words: Vec<&str> = (k + len..end)
            .filter(|&j| self.doc.tokens[j].is_word && !self.is_inside_name(j.saturating_sub(1)))
            .map(|j| self.norm(j))
            .collect();
        if words.is_empty() || !words.iter().all(|w| is_title(w) || is_role_modifier(w)) {
            return;
        }
        if let Some(role) = role_of(&words) {
            let party = entry_actor(e);
            if party != p.actor {
                let mut r = self.relation(s, p.actor, "affiliation", party);
                r.role = Some(role.to_owned());
                out.push(r);
            }
        }
    }

    /// Whether the punctuation token `k` belongs inside a name phrase: the dot of an
    /// abbreviation glued to its letter ("U.S."), or the apostrophe of a possessive "'s".
    fn is_inside_name(&self, k: usize) -> bool {
        let t = &self.doc.tokens[k];
        let glued_after = |j: usize| j > 0 && self.doc.tokens[j - 1].end == self.doc.tokens[j].start;
        let abbreviation = |w: &str| w.contains('.') || w.chars().count() == 1;
        let dot = t.text == "." && glued_after(k) && abbreviation(self.doc.tokens[k - 1].text);
        let possessive =
            matches!(t.text, "'" | "’") && glued_after(k) && self.doc.tokens.get(k + 1).is_some_and(|n| n.norm == "s");
        dot || possessive
    }

    /// Trigger verbs with their subject right before and their object right after.
    fn events(&self, s: &Sentence, ms: &[Placed], out: &mut Vec<Relation>) {
        for i in s.first..s.last {
            let t = &self.doc.tokens[i];
            if !t.is_word || self.layout.in_quote(i) {
                continue;
            }
            let Some(pred) = self.lex.relation_trigger(&t.norm).filter(|p| *p != "grant_asylum") else {
                continue;
            };
            let Some((subject, negated)) = self.subject_of(i, s, ms) else {
                continue;
            };
            let Some(object) = self.object_of(i, s, ms) else {
                continue;
            };
            let with = self.norm(i + 1) == "with";
            if subject.actor == object.actor
                || (pred == "call" && !self.clause_ends(object.last, s))
                || (pred == "agree" && !with)
            {
                continue;
            }
            // A person attacking a person or party is a verbal attack: a dispute.
            let verbal = pred == "attack" && (subject.kind == Kind::Person || object.kind == Kind::Person);
            let mut r = self.relation(s, subject.actor, if verbal { "dispute" } else { pred }, object.actor);
            r.negated = negated;
            out.push(r);
        }
    }

    /// Whether the clause ends at token `k` or only a time or place phrase follows ("called
    /// Putin on Tuesday", not "called Clinton a liar").
    fn clause_ends(&self, k: usize, s: &Sentence) -> bool {
        k >= s.last
            || matches!(
                self.norm(k),
                "." | ";" | "on" | "to" | "and" | "by" | "last" | "this" | "earlier" | "from" | "in" | "after"
            )
    }

    /// The subject of the trigger at `i`: an actor whose mention ends right before it, with
    /// only auxiliaries, adverbs and negations between, and which is not the object of a
    /// preposition or possessive; and whether a negation stands between.
    fn subject_of<'p>(&self, i: usize, s: &Sentence, ms: &'p [Placed]) -> Option<(&'p Placed, bool)> {
        let mut k = i;
        let mut negated = false;
        while k > s.first && k + 4 > i {
            let w = self.norm(k - 1);
            let apostrophe = matches!(w, "'" | "’") && k < i;
            if !(is_verb_modifier(w) || self.lex.negations.contains(w) || apostrophe) {
                break;
            }
            negated |= self.lex.negations.contains(w) || w == "t";
            k -= 1;
        }
        let m = ms.iter().find(|m| m.last == k && is_agent(m.kind))?;
        let before = (m.first > s.first).then(|| self.norm(m.first - 1));
        let governed = matches!(
            before,
            Some("of" | "for" | "with" | "by" | "to" | "from" | "in" | "at" | "on" | "about" | "against" | "than")
        );
        (!governed).then_some((m, negated))
    }

    /// The object of the trigger at `i`: the first actor after it (or after "with"), with only
    /// a determiner, titles, role modifiers or a country adjective before its name.
    fn object_of<'p>(&self, i: usize, s: &Sentence, ms: &'p [Placed]) -> Option<&'p Placed> {
        let mut k = i + 1;
        if k < s.last && self.norm(k) == "with" {
            k += 1;
        }
        let m = ms.iter().find(|m| m.first >= k && m.first <= k + MAX_ROLE)?;
        let between_ok = (k..m.first).all(|j| {
            let t = &self.doc.tokens[j];
            (t.is_word
                && (matches!(t.norm.as_ref(), "the" | "a" | "an")
                    || is_title(&t.norm)
                    || is_role_modifier(&t.norm)
                    || self.country_or_org_at(j, m.first).is_some()))
                || self.is_inside_name(j)
        });
        let possessed = m.last + 1 < s.last && matches!(self.norm(m.last), "'" | "’") && self.norm(m.last + 1) == "s";
        (between_ok && !possessed && is_agent(m.kind)).then_some(m)
    }
}

#[cfg(test)]
mod tests {
    //! Sentences from the PolNeAR training texts (file named above each test).

    use crate::article::Article;
    use crate::extract::{Extraction, Extractor};

    /// Extracts an English article: a title, then paragraphs.
    fn extract(title: &str, paragraphs: &[&str]) -> Extraction {
        let article = Article::from_stored(
            title.to_owned(),
            paragraphs.iter().map(|p| (*p).to_owned()).collect(),
            "en".to_owned(),
        );
        Extractor::new().extract(&article)
    }

    /// The relations as (subject, predicate, object, negated, role).
    fn relations(ex: &Extraction) -> Vec<(String, &'static str, String, bool, Option<String>)> {
        ex.relations
            .iter()
            .map(|r| {
                let name = |i: usize| ex.actors[i].name.clone();
                (name(r.subject), r.predicate, name(r.object), r.negated, r.role.clone())
            })
            .collect()
    }

    /// Whether the relation (subject, predicate, object) is there, with its negation and role.
    fn has(ex: &Extraction, subject: &str, predicate: &str, object: &str) -> Option<(bool, Option<String>)> {
        relations(ex)
            .into_iter()
            .find(|r| r.0 == subject && r.1 == predicate && r.2 == object)
            .map(|r| (r.3, r.4))
    }

    /// wash-post_2015-12-28_tug-of-war-in-central-asia.
    #[test]
    fn a_country_adjective_and_a_title_before_a_name() {
        let ex = extract(
            "Tug of war in Central Asia",
            &[
                "In September 2013, Chinese President Xi Jinping chose Kazakhstan's sparkling, modern new capital, \
               Astana, to announce what has since become a cornerstone of his new, assertive foreign policy.",
            ],
        );
        assert_eq!(
            has(&ex, "Xi Jinping", "affiliation", "China"),
            Some((false, Some("president".to_owned()))),
            "{:?}",
            relations(&ex)
        );
        assert!(has(&ex, "Xi Jinping", "affiliation", "Kazakhstan").is_none());
    }

    /// nyt_2016-01-20_in-prisoner-swap-compassion-vs-c, and
    /// breitbart_2016-03-15_the-latest-kasich-scores-all-del: a bare "Secretary of State" is the
    /// United States', a state's is not.
    #[test]
    fn secretary_of_state_alone_is_the_united_states() {
        let ex = extract(
            "Prisoner swap",
            &[
                "Secretary of State John Kerry said the Iranians released by the United States were in some cases \
               close to completing their sentences, while the fugitives were beyond American reach.",
            ],
        );
        assert_eq!(
            has(&ex, "John Kerry", "affiliation", "United States"),
            Some((false, Some("foreign_minister".to_owned())))
        );
        let ex = extract(
            "Kasich",
            &[
                "Florida’s Secretary of State Ken Detzner sent out a statement reassuring voters that Trump had not \
               been left off any presidential ballots.",
            ],
        );
        assert!(ex.relations.is_empty(), "{:?}", relations(&ex));
    }

    /// nyt_2016-06-03_no-love-lost-between-trump-and-t.
    #[test]
    fn an_apposition_names_the_role_and_the_party() {
        let ex = extract(
            "No love lost",
            &[
                "Brian Krzanich, the chief executive of Intel, was planning to hold a fund-raiser for Mr. Trump on \
               Thursday night at his Atherton, Calif., home.",
            ],
        );
        assert_eq!(
            has(&ex, "Brian Krzanich", "affiliation", "Intel"),
            Some((false, Some("chief_executive".to_owned()))),
            "{:?}",
            relations(&ex)
        );
    }

    /// huff-post_2016-07-31_clinton-says-russians-hacked-dnc: a negated accusation.
    #[test]
    fn a_negation_before_the_trigger() {
        let ex = extract(
            "Clinton says Russians hacked DNC",
            &[
                "The United States has not publicly accused Russia of being behind the hack of Democratic Party \
               computers.",
            ],
        );
        assert_eq!(
            has(&ex, "United States", "accuse", "Russia"),
            Some((true, None)),
            "{:?}",
            relations(&ex)
        );
    }

    /// huff-post_2016-08-05_donald-trump-finally-endorses-ho (title, first and a later paragraph)
    /// and wash-post_2016-04-05_democratic-primaries-turn-into-a.
    #[test]
    fn subject_and_object_attached_to_the_trigger() {
        let ex = extract(
            "Donald Trump Finally Endorses House Speaker Paul Ryan.",
            &[
                "Republican presidential nominee Donald Trump on Friday endorsed the re-election of House Speaker \
                 Paul Ryan (R-Wis.), Sen. John McCain (R-Ariz.), and Sen. Kelly Ayotte (R-N.H.).",
                "Ryan endorsed Trump in early June, but only after publicly deliberating over the decision, telling \
                 reporters in May that he was “not quite there yet.”",
            ],
        );
        assert_eq!(
            has(&ex, "Paul Ryan", "support", "Donald Trump"),
            Some((false, None)),
            "{:?}",
            relations(&ex)
        );
        // "endorsed the re-election of …": the object is not the trigger's.
        assert!(has(&ex, "Donald Trump", "support", "Paul Ryan").is_none());
        let ex = extract(
            "Democratic primaries",
            &[
                "It began Jan. 30, when the Bernie Sanders presidential campaign challenged Hillary Clinton to debate \
                 him in Brooklyn on April 14.",
                "Sanders accused Clinton of ducking.",
            ],
        );
        assert_eq!(
            has(&ex, "Bernie Sanders", "accuse", "Hillary Clinton"),
            Some((false, None))
        );
    }

    /// breitbart_2016-06-10_clinton-to-planned-parenthood-tr and
    /// huff-post_2016-08-11_donald-trump-is-now-calling-obam: a politician attacking another is a
    /// dispute; "called X, …, a …" is no phone call.
    #[test]
    fn verbal_attacks_and_calling_names() {
        let ex = extract(
            "Clinton to Planned Parenthood",
            &[
                "Presumptive Democratic presidential nominee Hillary Clinton told a Planned Parenthood gathering in \
                 Washington she will protect reproductive rights while her opponent, Donald Trump, wants to “take \
                 America backward.”",
                "Clinton attacked Trump, saying he would appoint Supreme Court judges who would overturn Roe v. Wade.",
                "Speaking at a campaign rally in Florida on Wednesday, Trump called Clinton, his Democratic \
                 presidential challenger, an ISIS “co-founder.”",
            ],
        );
        assert_eq!(
            has(&ex, "Hillary Clinton", "dispute", "Donald Trump"),
            Some((false, None)),
            "{:?}",
            relations(&ex)
        );
        assert!(has(&ex, "Hillary Clinton", "attack", "Donald Trump").is_none());
        assert!(has(&ex, "Donald Trump", "call", "Hillary Clinton").is_none());
    }
}
