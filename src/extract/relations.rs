//! Relations between the actors of one sentence, each with a confidence set by how it was found.
//!
//! * Affiliations from role phrases: a title (lexicon/grammar/titles.tsv) before the name, with
//!   nisbas, organizations and countries in the phrase (وزير الخارجية الروسي X, المتحدث باسم
//!   الخارجية X, العاهل السعودي، الملك X, chains of titles: ولي العهد نائب رئيس مجلس الوزراء وزير
//!   الدفاع، الأمير X) or after it as an apposition (X، وزير العدل السعودي); and, when a title is
//!   attached to a lexicon person, the role the lexicon dates to the article's year (الرئيس
//!   رجب طيب أردوغان → Turkey), provided the country or organization is named in the article.
//!   A country after في/ب/لدى once the phrase has its nationality is where the office sits, not
//!   whom it serves (السفير السعودي بالولايات المتحدة).
//! * Kinship: a kin noun (ابنة، زوجها، نجله، صهر …, predicate `family` in relations.tsv) before a
//!   person, tied to the person just before it or, with an attached pronoun, the last person named.
//! * Events from trigger words (lexicon/grammar/relations.tsv) in a few shapes: "trigger بين X و Y",
//!   "X و Y trigger", "S … trigger مع Y", "S trigger O" (S right before a finite verb), "trigger S
//!   … O" (the subject and object groups split where a coordinated list stops), "…، مهاجما O"
//!   (a participle: the sentence's first actor), and "S منح اللجوء … O"; a capital stands for its
//!   state. Both arguments must attach to the
//!   trigger inside its clause: no quotation mark, relative pronoun, complementizer or cue verb in
//!   between; a mention after في/بشأن/حول/عبر … is an adjunct, not an argument; a trigger inside a
//!   name (تحالف دعم الشرعية) is none; an actor never interacts with its own country. A negation
//!   (لن، لم، نفى، cancelled…) shortly before the trigger marks the relation negated.

use std::borrow::Cow;

use super::actors::Recognizer;
use super::lexicon::{LexMap, LexSet, Lexicon, PhraseKind, class};
use super::statements::Placed;
use super::text::{Doc, Sentence};
use super::types::{ActorRef, Kind, Relation};

/// Confidence of a relation by the way it was found.
mod confidence {
    /// A title in the text on a person whose role the lexicon dates to the article's year.
    pub(super) const DATED_ROLE: f64 = 0.95;
    /// A title followed by a nisba, organization or country, then the name.
    pub(super) const ROLE_BEFORE: f64 = 0.9;
    /// The name, then a title with its nisba, organization or country.
    pub(super) const ROLE_AFTER: f64 = 0.8;
    /// X kin-noun Y.
    pub(super) const KIN_NAMED: f64 = 0.85;
    /// A kin noun with an attached pronoun, tied to the last person named.
    pub(super) const KIN_PRONOUN: f64 = 0.6;
    /// trigger بين X و Y.
    pub(super) const BETWEEN: f64 = 0.8;
    /// S … trigger مع Y.
    pub(super) const WITH: f64 = 0.75;
    /// trigger S O, and the granting of asylum.
    pub(super) const VERB: f64 = 0.7;
    /// X و Y trigger.
    pub(super) const JOINT: f64 = 0.65;
    /// S trigger O: the subject just before the verb.
    pub(super) const SVO: f64 = 0.7;
    /// The sentence's subject, then a participle (…، مهاجما X).
    pub(super) const PARTICIPLE: f64 = 0.6;
}

/// Words a role phrase may hold besides titles, nisbas and names: links and qualifiers
/// (المتحدث باسم, السفير لدى, المدير السابق, القائد الأعلى).
const ROLE_LINKS: &[&str] = &[
    "في",
    "باسم",
    "لدي",
    "السابق",
    "السابقه",
    "الاسبق",
    "الجديد",
    "الجديده",
    "الحالي",
    "الحاليه",
    "العام",
    "العامه",
    "الرسمي",
    "الرسميه",
    "الدولي",
    "الدوليه",
    "الوطني",
    "الوطنيه",
    "نائب",
    "عضو",
    "امين",
    "الاول",
    "الاولي",
    "الاعلي",
    "المكلف",
    "بالوكاله",
    "التنفيذي",
    "مع",
];

/// Words before a mention that make it an adjunct (place, topic, channel), not an argument.
const ADJUNCT_MARKERS: &[&str] = &[
    "في", "بشان", "حول", "عن", "عبر", "داخل", "خارج", "قرب", "لدي", "وفق", "وفقا", "بحسب", "حسب", "من", "الي", "الى",
    "منذ", "نحو", "تجاه", "ازاء", "امام", "خلال",
];

/// Prepositions and particles that end an argument list: what follows them is an adjunct or
/// another clause (زيارة ماكرون لنصب … قتلهم الجيش الفرنسي).
const GAP_BLOCKERS: &[&str] = &[
    "في", "من", "الي", "علي", "عن", "مع", "حول", "خلال", "بعد", "قبل", "منذ", "حتي", "عند", "لدي", "ضد", "نحو", "دون",
    "بين", "امام", "بشان", "عبر", "ان", "انه", "لان", "كما", "او", "ثم", "بل", "اذا",
];

/// Trigger nouns that look like verbs (no feminine or plural ending).
const VERBAL_NOUNS: &[&str] = &["اجتماع", "اتفاق", "اتصال", "خلاف", "قتال", "تعاون", "لقاء", "دعم", "قصف"];

/// Predicates whose two arguments play the same part (X و Y met; X met Y): a coordinated pair
/// before the trigger is the relation; for the others it is a group of subjects.
fn symmetric(pred: &str) -> bool {
    matches!(pred, "meet" | "agree" | "dispute" | "call")
}

/// Words that open another clause: relative pronouns and subordinators.
const CLAUSE_OPENERS: &[&str] = &[
    "الذي",
    "التي",
    "الذين",
    "اللذين",
    "اللتين",
    "اللذان",
    "اللتان",
    "اللواتي",
    "اللاتي",
    "حيث",
    "بينما",
    "فيما",
    "عندما",
    "لكن",
    "لكنه",
    "لكنها",
    "ولكن",
    "بعدما",
];

/// Commas set off appositions inside role phrases (وزير الخارجية الروسي، سيرغي لافروف).
fn is_comma(text: &str) -> bool {
    matches!(text, "," | "،")
}

fn is_quote(text: &str) -> bool {
    matches!(text, "\"" | "«" | "»" | "“" | "”")
}

fn is_agent(k: Kind) -> bool {
    matches!(k, Kind::Person | Kind::Organization | Kind::Country)
}

/// Participles that carry an event of the sentence's subject (…، مهاجما حزب الله).
const PARTICIPLES: &[&str] = &["مهاجما", "منتقدا", "متهما", "مطالبا", "داعيا", "مشيدا"];

/// A role phrase attached to a person: where it starts and ends (tokens) and its role.
struct RolePhrase {
    first: usize,
    last: usize,
    role: String,
}

/// Finds relations sentence by sentence.
pub struct Finder<'a> {
    lex: &'a Lexicon,
    doc: &'a Doc<'a>,
    mentions: &'a [Placed],
    actors: &'a [ActorRef],
    /// The article's year, for the lexicon's dated roles.
    year: Option<i32>,
    /// The country of each nisba token, as an object (see [`Finder::country`]).
    nisba_at: LexMap<usize, usize>,
    /// Countries named anywhere in the document (name or nisba), by lexicon entry.
    named: LexSet<u32>,
    /// The title starting at each token (role, tokens it takes), bounded by its sentence.
    titles: Vec<Option<(String, usize)>>,
    /// The trigger starting at each token (predicate, tokens it takes).
    triggers: Vec<Option<(&'static str, usize)>>,
    /// The clause number of each token.
    clause: Vec<usize>,
    /// Whether each token lies inside a mention.
    inside: Vec<bool>,
    /// Actors that are capitals, standing for their state (واشنطن تتفاوض مع تركيا).
    capitals: LexSet<usize>,
    recognizer: Recognizer<'a>,
}

impl<'a> Finder<'a> {
    /// Prepares a finder over the article's mentions and actors; `published` is the article's
    /// date (ISO 8601), which picks the lexicon's dated roles.
    pub fn new(
        lex: &'a Lexicon,
        doc: &'a Doc<'a>,
        mentions: &'a [Placed],
        actors: &'a [ActorRef],
        published: Option<&str>,
    ) -> Finder<'a> {
        let mut f = Finder {
            lex,
            doc,
            mentions,
            actors,
            year: published.and_then(|d| d.get(..4)).and_then(|y| y.parse().ok()),
            nisba_at: Default::default(),
            named: LexSet::default(),
            titles: Vec::new(),
            triggers: vec![None; doc.tokens.len()],
            clause: Vec::new(),
            inside: vec![false; doc.tokens.len()],
            capitals: LexSet::default(),
            recognizer: Recognizer::new(lex),
        };
        for m in mentions {
            for k in m.first..m.last.min(doc.tokens.len()) {
                f.inside[k] = true;
            }
        }
        f.titles = vec![None; doc.tokens.len()];
        let classes = lex.classes(doc);
        for s in &doc.sentences {
            // One set of word forms per token serves titles, nisbas and triggers; a word none of
            // whose forms may be one is passed over (a new look-up here needs its words in
            // `class::RELATE`).
            for i in (s.first..s.last).filter(|&i| classes[i] & class::RELATE != 0) {
                let t = &doc.tokens[i];
                let forms = f.recognizer.word_forms(t);
                f.titles[i] = f.title_at(i, s.last, &forms);
                f.triggers[i] = f.trigger_at(i, s.last, &forms);
                if let Some(e) = f.nisba_entry(&forms) {
                    f.nisba_at.insert(i, f.country(e));
                    f.named.insert(e);
                }
            }
        }
        for a in actors.iter().filter(|a| a.kind == Kind::Country) {
            if let Some(&e) = a.country.as_ref().and_then(|c| lex.country_by_code.get(c)) {
                f.named.insert(e);
            }
        }
        f.clause = f.clauses();
        f.capitals = (0..actors.len()).filter(|&a| f.is_capital(&actors[a])).collect();
        f
    }

    /// Whether a lexicon place is a capital.
    fn is_capital(&self, a: &ActorRef) -> bool {
        a.kind == Kind::Place
            && a.from_lexicon
            && a.aliases().next().is_some_and(|alias| {
                self.lex.lookup(&super::lexicon::phrase_key(alias)).iter().any(|h| {
                    let e = &self.lex.entries[h.entry as usize];
                    e.name == a.name && e.capital_of.is_some()
                })
            })
    }

    /// Whether a mention can take part in an event: a person, organization, country or capital.
    fn agent(&self, m: &Placed) -> bool {
        is_agent(m.kind) || self.capitals.contains(&m.actor)
    }

    /// The country of a nisba token (single-word nisbas: الروسي, الأميركية), found here rather
    /// than taken from the recognizer, which passes over nisbas between a title and a name.
    fn nisba_entry(&self, forms: &[Cow<str>]) -> Option<u32> {
        forms.iter().find_map(|f| {
            self.lex
                .lookup(f)
                .iter()
                .find(|h| h.kind == PhraseKind::Nisba)
                .map(|h| h.entry)
        })
    }

    /// The object standing for a country's lexicon entry: its actor in the article, or, when the
    /// article has none yet, `actors.len() + entry`, which [`settle`] turns into a new actor.
    fn country(&self, entry: u32) -> usize {
        let code = self.lex.entries[entry as usize].country.as_deref();
        self.actors
            .iter()
            .position(|a| a.kind == Kind::Country && a.from_lexicon && a.country.as_deref() == code && code.is_some())
            .unwrap_or(self.actors.len() + entry as usize)
    }

    /// Every relation in the document, one per pair and family (affiliation, kinship, event) in
    /// a sentence: the surest wins, then the first trigger (لقاء … على هامش قمة must not add an
    /// un-negated copy of a negated meeting). Objects past the actors are countries still to be
    /// added (see [`settle`]).
    pub fn find(&self) -> Vec<Relation> {
        let mut out = Vec::new();
        let mut by_sentence = Vec::new();
        for s in &self.doc.sentences {
            // Mentions are in text order: the sentence's are one run, found by binary search.
            let lo = self.mentions.partition_point(|m| m.first < s.first);
            let ms: Vec<&Placed> = self.mentions[lo..]
                .iter()
                .take_while(|m| m.first < s.last)
                .filter(|m| m.last <= s.last)
                .collect();
            self.affiliations(s, &ms, &mut out);
            by_sentence.push(ms);
        }
        let affiliated: LexSet<(usize, usize)> = out
            .iter()
            .flat_map(|r| [(r.subject, r.object), (r.object, r.subject)])
            .collect();
        for (s, ms) in self.doc.sentences.iter().zip(&by_sentence) {
            if ms.len() >= 2 {
                self.events(s, ms, &affiliated, &mut out);
            }
        }
        out.sort_by(|a, b| {
            (a.sentence, b.confidence)
                .partial_cmp(&(b.sentence, a.confidence))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn relation(
        &self,
        s: &Sentence,
        subject: usize,
        predicate: &'static str,
        object: usize,
        negated: bool,
        role: Option<String>,
        confidence: f64,
    ) -> Relation {
        Relation {
            subject,
            predicate,
            object,
            negated,
            role,
            confidence,
            evidence: self.doc.slice(s.start, s.end),
            sentence: s.index,
            start: s.start,
            end: s.end,
        }
    }

    /// The title (role) that starts at token `i`, if any: (role, tokens it takes).
    fn title_at(&self, i: usize, end: usize, forms: &[Cow<str>]) -> Option<(String, usize)> {
        for form in forms {
            let max = self.lex.title_len_from(form).min(end - i);
            for len in (1..=max).rev() {
                let mut key = form.to_string();
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

    /// A title starting at `i` and ending by `end`.
    fn title_within(&self, i: usize, end: usize) -> Option<(&str, usize)> {
        self.titles[i]
            .as_ref()
            .filter(|(_, len)| i + len <= end)
            .map(|(r, len)| (r.as_str(), *len))
    }

    /// Clause numbers: a new clause opens at a quotation mark, a bracket, a colon, a relative
    /// pronoun or subordinator, a complementizer or a cue verb.
    fn clauses(&self) -> Vec<usize> {
        let name_quotes = self.name_quotes();
        let mut n = 0;
        self.doc
            .tokens
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let opens = (is_quote(t.text) && !name_quotes.contains(&i))
                    || matches!(t.text, "(" | ")" | ":" | "[" | "]")
                    || (!self.inside[i]
                        && t.is_word
                        && (CLAUSE_OPENERS.contains(&t.norm.as_ref())
                            || t.norm.strip_prefix('و').is_some_and(|r| CLAUSE_OPENERS.contains(&r))
                            || self.lex.complementizers.contains(t.norm.as_ref())
                            || self.lex.cues.contains_key(t.norm.as_ref())));
                if opens {
                    n += 1;
                }
                n
            })
            .collect()
    }

    /// The quotation marks that only wrap a name (مهاجما "حزب الله").
    fn name_quotes(&self) -> LexSet<usize> {
        let toks = &self.doc.tokens;
        self.mentions
            .iter()
            .filter(|m| {
                m.first >= 1 && m.last < toks.len() && is_quote(toks[m.first - 1].text) && is_quote(toks[m.last].text)
            })
            .flat_map(|m| [m.first - 1, m.last])
            .collect()
    }

    /// Whether tokens `a` and `b` lie in one clause.
    fn same_clause(&self, a: usize, b: usize) -> bool {
        self.clause[a] == self.clause[b]
    }

    /// Whether the words `a..b` may stand inside a role phrase: commas, quotation marks, nisbas,
    /// titles, organization and country names, links; at most `free` other words, none of them a
    /// stop word, a cue or part of a person's name.
    fn role_words(&self, a: usize, b: usize, ms: &[&Placed], free: usize) -> bool {
        let mut others = 0;
        let mut k = a;
        while k < b {
            let t = &self.doc.tokens[k];
            if let Some(m) = ms.iter().find(|m| m.first <= k && k < m.last) {
                if m.kind == Kind::Person {
                    return false;
                }
                k = m.last;
                continue;
            }
            if let Some((_, len)) = self.title_within(k, b) {
                k += len;
                continue;
            }
            k += 1;
            if is_comma(t.text) || is_quote(t.text) || self.nisba_at.contains_key(&(k - 1)) {
                continue;
            }
            if !t.is_word || self.lex.cues.contains_key(t.norm.as_ref()) {
                return false;
            }
            if ROLE_LINKS.contains(&t.norm.as_ref()) {
                continue;
            }
            others += 1;
            if others > free || self.lex.stopwords.contains(t.norm.as_ref()) {
                return false;
            }
        }
        true
    }

    /// Whether the title at `t` was found only by removing the conjunction و (وولي العهد).
    fn conjoined_title(&self, t: usize) -> bool {
        self.doc.tokens[t].norm.starts_with('و') && !self.is_title_as_written(t, self.doc.tokens.len())
    }

    /// The role phrase before person `ms[n]`: the nearest title within ten words (nothing but
    /// role words up to the name), extended back through a chain of titles.
    fn role_before(&self, s: &Sentence, ms: &[&Placed], n: usize) -> Option<RolePhrase> {
        let p = ms[n];
        let floor = ms[..n]
            .iter()
            .rev()
            .find(|m| m.kind == Kind::Person)
            .map_or(s.first, |m| m.last.max(s.first));
        let (mut t, (role, _)) = (p.first.saturating_sub(10).max(floor)..p.first)
            .rev()
            .find_map(|i| self.title_within(i, p.first).map(|r| (i, r)))?;
        let mut role = role.to_owned();
        if !self.role_words(t, p.first, ms, 3) {
            return None;
        }
        // A chain: ولي العهد نائب رئيس مجلس الوزراء وزير الدفاع، الأمير X.
        while !self.conjoined_title(t) {
            let Some((j, r)) = (t.saturating_sub(8).max(floor)..t)
                .rev()
                .find_map(|j| self.title_within(j, t).map(|r| (j, r)))
            else {
                break;
            };
            if !self.role_words(j, t, ms, 0) {
                break;
            }
            t = j;
            role = r.0.to_owned();
        }
        Some(RolePhrase {
            first: t,
            last: p.first,
            role,
        })
    }

    /// The apposition after person `ms[n]`: name [،] title … up to a comma, a person, a stop word
    /// or eight words.
    fn role_after(&self, s: &Sentence, ms: &[&Placed], n: usize) -> Option<RolePhrase> {
        let p = ms[n];
        let mut t = p.last;
        if t < s.last && is_comma(self.doc.tokens[t].text) {
            t += 1;
        }
        // A title carrying a proclitic (بوزير الخارجية، وولي العهد) is not an apposition.
        if t >= s.last || !self.is_title_as_written(t, s.last) {
            return None;
        }
        let (role, len) = self.title_within(t, s.last)?;
        let mut end = t + len;
        let limit = (t + 8).min(s.last);
        while end < limit {
            let tok = &self.doc.tokens[end];
            if let Some(m) = ms.iter().find(|m| m.first <= end && end < m.last) {
                if m.kind == Kind::Person {
                    // The title belongs to the next name (X، وزير الخارجية Y).
                    return None;
                }
                end = m.last;
                continue;
            }
            if is_comma(tok.text) || !self.role_words(end, end + 1, ms, 1) {
                break;
            }
            end += 1;
        }
        // الرئيس التونسي السابق، منصف المرزوقي: the phrase is the next name's.
        let next = end + usize::from(end < s.last && is_comma(self.doc.tokens[end].text));
        if ms.iter().any(|m| m.kind == Kind::Person && m.first == next) {
            return None;
        }
        Some(RolePhrase {
            first: t,
            last: end.min(s.last),
            role: role.to_owned(),
        })
    }

    /// Whether mention `m` is introduced by a preposition of place (في، لدى، بالولايات).
    fn located(&self, m: &Placed) -> bool {
        let first = &self.doc.tokens[m.first];
        let before = m.first.checked_sub(1).map(|k| self.doc.tokens[k].norm.as_ref());
        matches!(before, Some("في" | "لدي" | "داخل"))
            || first
                .norm
                .strip_prefix('ب')
                .is_some_and(|rest| self.lex.max_len_from(rest) > 0 && self.lex.max_len_from(&first.norm) == 0)
    }

    /// The actor of the article standing for a lexicon role's `of` code: the country with that
    /// ISO code, or an organization with the code as an alias (ICC, NATO).
    /// A country counts when the article names it (by name or nisba).
    fn actor_of_code(&self, code: &str) -> Option<usize> {
        if let Some(&e) = self.lex.country_by_code.get(code) {
            return self.named.contains(&e).then(|| self.country(e));
        }
        self.actors
            .iter()
            .position(|a| a.kind == Kind::Organization && a.from_lexicon && a.aliases().any(|x| x == code))
    }

    /// The lexicon's roles of actor `a` held in the article's year (or still held, when the
    /// article has no date) — or, for a former office (`former`), held before it — with the
    /// actor they are held in.
    fn dated_roles(&self, a: usize, former: bool) -> Vec<(String, usize)> {
        let actor = &self.actors[a];
        if !actor.from_lexicon {
            return Vec::new();
        }
        let year = |y: &Option<String>| {
            y.as_deref()
                .and_then(|y| y.get(..4))
                .and_then(|y| y.parse::<i32>().ok())
        };
        actor
            .roles
            .iter()
            .filter(|r| match (self.year, former) {
                (Some(y), false) => year(&r.start).is_none_or(|s| s <= y) && year(&r.end).is_none_or(|e| y <= e),
                (Some(y), true) => year(&r.end).is_some_and(|e| e <= y),
                (None, false) => year(&r.end).is_none(),
                (None, true) => year(&r.end).is_some(),
            })
            .filter_map(|r| Some((r.role.clone(), self.actor_of_code(r.of.as_deref()?)?)))
            .collect()
    }

    /// Affiliations of the people of a sentence, and kinship between them.
    fn affiliations(&self, s: &Sentence, ms: &[&Placed], out: &mut Vec<Relation>) {
        for (n, p) in ms.iter().enumerate() {
            if p.kind != Kind::Person {
                continue;
            }
            let before = self.role_before(s, ms, n);
            let mut after = self.role_after(s, ms, n);
            let phrases = || before.iter().chain(after.iter());
            let former = phrases().any(|ph| self.former(ph));
            let dated = self.dated_roles(p.actor, former);
            if let Some(ph) = &before {
                self.phrase_affiliations(s, ms, p, ph, confidence::ROLE_BEFORE, out);
            }
            // An apposition naming another country than the offices the lexicon knows is the
            // object of a verb (ووصف بومبيو زعيم كوريا الشمالية), not the person's role.
            if let Some(ph) = after.take() {
                let mut found = Vec::new();
                self.phrase_affiliations(s, ms, p, &ph, confidence::ROLE_AFTER, &mut found);
                if dated.is_empty() || found.iter().all(|r| dated.iter().any(|(_, of)| *of == r.object)) {
                    out.extend(found);
                    after = Some(ph);
                }
            }
            // A lexicon alias may hold the title itself (الرئيس الفلسطيني محمود عباس).
            let titled = self.title_within(p.first, p.last).is_some();
            if before.is_some() || after.is_some() || titled {
                for (role, of) in dated {
                    out.push(self.relation(s, p.actor, "affiliation", of, false, Some(role), confidence::DATED_ROLE));
                }
            }
            self.kinship(s, ms, n, before.as_ref().map_or(p.first, |ph| ph.first), out);
        }
    }

    /// Whether a role phrase speaks of a former office (السابق، الأسبق).
    fn former(&self, ph: &RolePhrase) -> bool {
        self.doc.tokens[ph.first..ph.last]
            .iter()
            .any(|t| matches!(t.norm.as_ref(), "السابق" | "السابقه" | "الاسبق" | "سابق" | "سابقا"))
    }

    /// The nisbas, organizations and countries of one role phrase.
    fn phrase_affiliations(
        &self,
        s: &Sentence,
        ms: &[&Placed],
        p: &Placed,
        ph: &RolePhrase,
        conf: f64,
        out: &mut Vec<Relation>,
    ) {
        let mut anchored = false;
        let mut k = ph.first;
        while k < ph.last {
            let m = ms.iter().find(|m| m.first <= k && k < m.last && m.last <= ph.last);
            if let Some(m) = m {
                k = m.last;
                // A place right after the title is the office's seat (رئيس بلدية تالاهاسي).
                let seat = m.kind == Kind::Place
                    && m.first > ph.first
                    && self.titles[..m.first]
                        .iter()
                        .rev()
                        .take(3)
                        .enumerate()
                        .any(|(d, t)| t.as_ref().is_some_and(|(_, len)| *len == d + 1));
                if !(matches!(m.kind, Kind::Organization | Kind::Country) || seat) || (anchored && self.located(m)) {
                    continue;
                }
                // وزير [الخارجية الأمريكية]: the ministry is the title's own; its country is meant.
                let object = match (&self.actors[m.actor].country, self.overlaps_title(m, ph)) {
                    (Some(code), true) => self.actor_of_code(code).unwrap_or(m.actor),
                    _ => m.actor,
                };
                out.push(self.relation(s, p.actor, "affiliation", object, false, Some(ph.role.clone()), conf));
                anchored = true;
                continue;
            }
            if let Some(&country) = self.nisba_at.get(&k) {
                out.push(self.relation(s, p.actor, "affiliation", country, false, Some(ph.role.clone()), conf));
                anchored = true;
            }
            k += 1;
        }
    }

    /// Whether mention `m` starts inside a title of the phrase (وزير [الخارجية الأمريكية]).
    fn overlaps_title(&self, m: &Placed, ph: &RolePhrase) -> bool {
        (ph.first..m.first).any(|i| self.titles[i].as_ref().is_some_and(|(_, len)| i + len > m.first))
    }

    /// Kinship: a kin noun right before person `ms[n]`'s phrase (which starts at `start`).
    fn kinship(&self, s: &Sentence, ms: &[&Placed], n: usize, start: usize, out: &mut Vec<Relation>) {
        let Some(k) = start.checked_sub(1).filter(|&k| k >= s.first) else {
            return;
        };
        let tok = &self.doc.tokens[k];
        let is_kin = self
            .recognizer
            .word_forms(tok)
            .iter()
            .any(|f| self.lex.relation_trigger(f) == Some("family"));
        if !is_kin || self.inside[k] {
            return;
        }
        let mut b = k;
        if b > s.first && is_comma(self.doc.tokens[b - 1].text) {
            b -= 1;
        }
        let person = ms[n];
        // X ابنة Y, not X وزوجها Y ("and her husband": the pronoun's, below).
        let conjoined = tok.norm.starts_with('و') && self.lex.relation_trigger(&tok.norm).is_none_or(|p| p != "family");
        if let Some(x) = ms[..n]
            .iter()
            .rev()
            .find(|m| m.kind == Kind::Person && m.last == b && !conjoined)
        {
            out.push(self.relation(s, x.actor, "family", person.actor, false, None, confidence::KIN_NAMED));
            return;
        }
        // A masculine attached pronoun (نجله، زوجته) points back to the last person named; other
        // pronouns (زوجها) too often skip the nearest name for one the recognizer missed.
        let pronoun = tok.text.ends_with('ه');
        if pronoun && let Some(x) = ms[..n].iter().rev().find(|m| m.kind == Kind::Person && m.last <= k) {
            out.push(self.relation(s, x.actor, "family", person.actor, false, None, confidence::KIN_PRONOUN));
        }
    }

    /// The predicate signalled at token `i` and how many tokens the trigger takes.
    fn trigger_at(&self, i: usize, end: usize, forms: &[Cow<str>]) -> Option<(&'static str, usize)> {
        if self.inside[i] {
            return None;
        }
        if i + 1 < end {
            for f in forms.iter().filter(|f| self.lex.relation_phrase_starts(f)) {
                if let Some(p) = self
                    .lex
                    .relation_phrase(&format!("{f} {}", self.doc.tokens[i + 1].norm))
                {
                    return Some((p, 2));
                }
            }
        }
        forms
            .iter()
            .find_map(|f| self.lex.relation_trigger(f))
            .filter(|p| *p != "family")
            .map(|p| (p, 1))
    }

    fn negated_before(&self, s: &Sentence, i: usize) -> bool {
        (i.saturating_sub(4).max(s.first)..i).any(|j| {
            let n: &str = &self.doc.tokens[j].norm;
            self.lex.negations.contains(n) || n.strip_prefix('و').is_some_and(|r| self.lex.negations.contains(r))
        })
    }

    /// Whether the mention's phrase (its title, else itself) starts with the conjunction و
    /// (ووزير الدفاع …, وبوتين) — not with a word whose first letter is و (وزير, واشنطن).
    fn coordinated(&self, m: &Placed, floor: usize) -> bool {
        let title = (m.first.saturating_sub(4).max(floor)..m.first).find(|&i| self.title_within(i, m.first).is_some());
        match title {
            Some(t) => self.conjoined_title(t),
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
                .map(|t| t.norm.as_ref())
                .collect::<Vec<_>>()
                .join(" ");
            self.lex.title(&key).is_some()
        })
    }

    fn starts_with_wa(&self, token: usize) -> bool {
        let norm = &self.doc.tokens[token].norm;
        norm.starts_with('و') && self.lex.lookup(norm).is_empty()
    }

    /// Whether mention `m` is an adjunct (after في، بشأن، عبر …) rather than an argument.
    fn adjunct(&self, m: &Placed) -> bool {
        m.first
            .checked_sub(1)
            .is_some_and(|k| ADJUNCT_MARKERS.contains(&self.doc.tokens[k].norm.as_ref()) && !self.both_of(k))
    }

    /// Whether the trigger at `i` reads as a finite verb as written: no proclitic (لدعم, بزيارة,
    /// واتهمت open other phrases) and not a noun (…ة, …ات, …اء, tanwin …ا, or a bare verbal noun).
    fn verb_as_written(&self, i: usize) -> bool {
        let n = self.doc.tokens[i].norm.as_ref();
        self.lex.relation_trigger(n).is_some()
            && !["ه", "ات", "اء", "ا"].iter().any(|x| n.ends_with(x))
            && !VERBAL_NOUNS.contains(&n)
    }

    /// Whether token `k` is the من of كلا من / كل من ("both … and …"), which opens a list of
    /// arguments, not an adjunct.
    fn both_of(&self, k: usize) -> bool {
        k >= 1 && self.doc.tokens[k].norm == "من" && matches!(self.doc.tokens[k - 1].norm.as_ref(), "كلا" | "كل")
    }

    /// Whether an event may join `a` and `b`: two actors, neither the other's own country.
    fn may_interact(&self, a: usize, b: usize, affiliated: &LexSet<(usize, usize)>) -> bool {
        let own = |x: &ActorRef, y: &ActorRef| {
            y.kind == Kind::Country && x.kind != Kind::Country && x.country.is_some() && x.country == y.country
        };
        let (x, y) = (&self.actors[a], &self.actors[b]);
        a != b && !affiliated.contains(&(a, b)) && !own(x, y) && !own(y, x)
    }

    fn events(&self, s: &Sentence, ms: &[&Placed], affiliated: &LexSet<(usize, usize)>, out: &mut Vec<Relation>) {
        let mut found = Vec::new();
        let mut i = s.first;
        while i < s.last {
            let Some((pred, len)) = self.triggers[i] else {
                i += 1;
                continue;
            };
            let negated = self.negated_before(s, i);
            for (x, y, conf) in self.arguments(s, ms, pred, i, len) {
                if self.may_interact(x, y, affiliated) {
                    found.push(self.relation(s, x, pred, y, negated, None, conf));
                }
            }
            i += len;
        }
        out.extend(found);
    }

    /// Pairs `subject` with `first` and with each mention of `rest` coordinated after it
    /// (… X و Y و Z), stopping at the first that is not.
    fn with_coordinated(
        &self,
        subject: &Placed,
        first: &Placed,
        rest: &[&Placed],
        ms: &[&Placed],
        confidence: f64,
        pairs: &mut Vec<(usize, usize, f64)>,
    ) {
        pairs.push((subject.actor, first.actor, confidence));
        let mut last = first;
        for m in rest {
            if !self.coordinated(m, last.last) || !self.gap_ok(last.last, m.first, ms) {
                break;
            }
            pairs.push((subject.actor, m.actor, confidence));
            last = m;
        }
    }

    /// The (subject, object, confidence) pairs a trigger at `i..i+len` takes.
    fn arguments(&self, s: &Sentence, ms: &[&Placed], pred: &str, i: usize, len: usize) -> Vec<(usize, usize, f64)> {
        let mut pairs = Vec::new();
        let after: Vec<&Placed> = ms
            .iter()
            .filter(|m| {
                m.first >= i + len
                    && m.first <= i + len + 25
                    && self.agent(m)
                    && self.same_clause(i, m.first)
                    && !self.adjunct(m)
                    && std::ptr::eq(self.holder(m, ms), **m)
            })
            .copied()
            .collect();
        let before: Vec<&Placed> = ms
            .iter()
            .filter(|m| {
                // The trigger may open a clause itself (اتهم is also a cue): the subject is in
                // the clause just before it.
                m.last <= i
                    && m.last + 6 >= i
                    && self.agent(m)
                    && self.same_clause(m.first, i.saturating_sub(1).max(m.first))
                    && !self.adjunct(m)
            })
            .copied()
            .collect();
        let toks = &self.doc.tokens;
        let next = |k: usize| toks.get(k).map(|t| t.norm.as_ref());
        let bayn = (i + len..(i + len + 4).min(s.last)).find(|&k| matches!(next(k), Some("بين" | "between")));
        let maa = (i + len..(i + len + 5).min(s.last))
            .find(|&k| matches!(next(k), Some("مع" | "with")) && !self.inside[k])
            .filter(|&k| self.same_clause(i, k));
        // "الاتفاق النووي مع إيران" names a deal, not who agreed.
        if bayn.is_none() && pred == "agree" && self.doc.tokens[i].norm.contains("اتفاق") {
            return pairs;
        }
        if PARTICIPLES.contains(&self.doc.tokens[i].norm.as_ref()) {
            // …، مهاجما X و Y: the sentence's first person (or state) does it to X and Y.
            // Inside a quotation, the quotation's first actor (and past a dateline: دبي، الإمارات
            // العربية المتحدة (CNN)— …).
            let from = (s.first..i)
                .rev()
                .find(|&k| {
                    let t = self.doc.tokens[k].text;
                    is_quote(t) || matches!(t, ")" | "—" | "–")
                })
                .map_or(s.first, |k| k + 1);
            let subj = ms.iter().find(|m| m.first >= from && m.last <= i && self.agent(m));
            if let (Some(subj), Some(first)) = (subj, after.first().filter(|m| m.first <= i + len + 2)) {
                self.with_coordinated(subj, first, &after[1..], ms, confidence::PARTICIPLE, &mut pairs);
            }
            return pairs;
        }
        if let Some(b) = bayn {
            // trigger بين X و Y
            let pair: Vec<&Placed> = ms
                .iter()
                .filter(|m| m.first > b && m.first <= b + 8 && self.agent(m) && self.same_clause(b, m.first))
                .take(2)
                .copied()
                .collect();
            if pair.len() == 2 && self.coordinated(pair[1], pair[0].last) {
                pairs.push((pair[0].actor, pair[1].actor, confidence::BETWEEN));
            }
        } else if pred == "grant_asylum" {
            // The granting state, or its capital standing for it (قرار موسكو منح اللجوء).
            let subj = ms.iter().rev().find(|m| {
                m.last <= i && m.last + 4 >= i && matches!(m.kind, Kind::Country | Kind::Organization | Kind::Place)
            });
            let obj = after.iter().find(|m| m.kind == Kind::Person);
            if let (Some(subj), Some(obj)) = (subj, obj) {
                pairs.push((subj.actor, obj.actor, confidence::VERB));
            }
        } else if let Some(w) = maa {
            // S … trigger مع Y [و Y2 …]
            // Y follows مع directly or after a short role phrase (نظيره الأميركي), not
            // after a preposition (مع الصحافيين في السفارة).
            let Some(k) = after.iter().position(|m| {
                m.first > w
                    && m.first <= w + 8
                    && self.role_words(w + 1, m.first, ms, 2)
                    && !self.located(m)
                    && !toks[w + 1..m.first]
                        .iter()
                        .any(|t| GAP_BLOCKERS.contains(&t.norm.as_ref()))
            }) else {
                return pairs;
            };
            let subj = after
                .iter()
                .find(|m| m.last <= w)
                .or(before.last())
                .copied()
                .or_else(|| {
                    ms.iter()
                        .rev()
                        .find(|m| m.last <= i && m.kind == Kind::Person && self.same_clause(m.first, i))
                        .copied()
                });
            if let Some(subj) = subj {
                let first = self.holder(after[k], ms);
                self.with_coordinated(subj, first, &after[k + 1..], ms, confidence::WITH, &mut pairs);
            }
        } else if before.len() >= 2
            && self.joined(before[before.len() - 2], before[before.len() - 1])
            && !self.after_preposition(before[before.len() - 2])
            && !self.starts_with_wa(i)
            && self.gap_ok(before[before.len() - 1].last, i, ms)
        {
            // X و Y trigger: the pair for a symmetric predicate, else joint subjects of an object.
            let (x, y) = (before[before.len() - 2], before[before.len() - 1]);
            if symmetric(pred) {
                pairs.push((x.actor, y.actor, confidence::JOINT));
            } else if let Some(o) = after.first().filter(|o| self.gap_ok(i + len, o.first, ms)) {
                pairs.push((x.actor, o.actor, confidence::JOINT));
                pairs.push((y.actor, o.actor, confidence::JOINT));
            }
        } else if let Some((subj, obj)) = before
            .last()
            .filter(|m| {
                m.last + 2 >= i
                    && !self.adjunct(m)
                    && self.verb_as_written(i)
                    && self.doc.tokens[m.last..i].iter().all(|t| t.is_word)
            })
            .zip(
                after
                    .first()
                    .filter(|o| o.first <= i + len + 6 && self.gap_ok(i + len, o.first, ms)),
            )
        {
            // S trigger O [و O2 …] (وكانت السعودية قد اتهمت إيران)
            self.with_coordinated(subj, obj, &after[1..], ms, confidence::SVO, &mut pairs);
        } else if !after.is_empty() && after[0].first <= i + len + 2 {
            self.verb_arguments(s, ms, pred, &after, self.noun_trigger(i), &mut pairs);
        }
        pairs
    }

    /// A noun with the article (الاجتماع، القمة): followed by names it relates them to each
    /// other (القمة العشرين للاتحاد الأوروبي والصين), never a subject to an object.
    fn noun_trigger(&self, i: usize) -> bool {
        let n = self.doc.tokens[i].norm.as_ref();
        let n = n.strip_prefix('و').unwrap_or(n);
        n.strip_prefix("ال")
            .is_some_and(|r| self.lex.relation_trigger(r).is_some())
    }

    /// Whether the words between two arguments (`a..b`) keep them in one list: titles, nisbas,
    /// names and commas, and at most three other words, none a preposition or particle, none
    /// opening with the conjunction و (ووقعت, وأدرجته: another verb).
    fn gap_ok(&self, a: usize, b: usize, ms: &[&Placed]) -> bool {
        let mut others = 0;
        let mut k = a;
        while k < b {
            if let Some(m) = ms.iter().find(|m| m.first <= k && k < m.last) {
                k = m.last;
                continue;
            }
            if let Some((_, len)) = self.title_within(k, b) {
                k += len;
                continue;
            }
            let t = &self.doc.tokens[k];
            k += 1;
            if is_comma(t.text) || self.nisba_at.contains_key(&(k - 1)) {
                continue;
            }
            let n = t.norm.as_ref();
            others += 1;
            // "both of" (اتهم كلا من روسيا وإيران) opens the list.
            if (n == "كلا" || n == "كل") && self.doc.tokens.get(k).is_some_and(|t| t.norm == "من") {
                k += 1;
                continue;
            }
            // A preposition with its name is an adjunct (التقى بومبيو في السعودية بالعاهل …).
            if GAP_BLOCKERS.contains(&n) && ms.iter().any(|m| m.first == k && m.last <= b) {
                continue;
            }
            if !t.is_word
                || others > 3
                || GAP_BLOCKERS.contains(&n)
                || (n.starts_with('و') && self.lex.lookup(n).is_empty())
            {
                return false;
            }
        }
        true
    }

    /// The person whose role phrase holds mention `m` (مع مدير مكتب التحقيقات الفيدرالي السابق
    /// جيمس كومي: Comey, not the FBI), else `m`.
    fn holder<'m>(&self, m: &'m Placed, ms: &[&'m Placed]) -> &'m Placed {
        if m.kind == Kind::Person {
            return m;
        }
        let titled = (m.first.saturating_sub(4)..m.first).any(|i| self.title_within(i, m.first).is_some());
        ms.iter()
            .find(|p| p.kind == Kind::Person && p.first >= m.last && p.first <= m.last + 4)
            .filter(|p| titled && self.role_words(m.last, p.first, ms, 2))
            .copied()
            .unwrap_or(m)
    }

    /// trigger S [و S2 …] O [و O2 …]
    fn verb_arguments(
        &self,
        s: &Sentence,
        ms: &[&Placed],
        pred: &str,
        after: &[&Placed],
        noun: bool,
        pairs: &mut Vec<(usize, usize, f64)>,
    ) {
        let mut subjects = vec![after[0]];
        let mut objects: Vec<&Placed> = Vec::new();
        for m in &after[1..] {
            let prev = objects.last().or(subjects.last()).map_or(s.first, |p| p.last);
            if !self.gap_ok(prev, m.first, ms) {
                break;
            }
            if objects.is_empty() && self.coordinated(m, prev) {
                subjects.push(m);
            } else if objects.is_empty() && m.first > after[0].first + 13 {
                break;
            } else if objects.is_empty() || self.coordinated(m, prev) {
                objects.push(m);
            } else {
                break;
            }
        }
        // اجتمع X و Y: they met; ندد X و Y: both condemned something.
        if objects.is_empty() && subjects.len() >= 2 && matches!(pred, "meet" | "agree" | "call") {
            pairs.push((subjects[0].actor, subjects[1].actor, confidence::VERB));
        }
        if noun {
            return;
        }
        for sub in &subjects {
            for ob in &objects {
                pairs.push((sub.actor, ob.actor, confidence::VERB));
            }
        }
    }

    /// Whether mention `m` is governed by a preposition (بين X و Y, مع X و Y).
    fn after_preposition(&self, m: &Placed) -> bool {
        m.first.checked_sub(1).is_some_and(|k| {
            matches!(
                self.doc.tokens[k].norm.as_ref(),
                "بين" | "مع" | "ضد" | "علي" | "الي" | "من" | "في" | "عن" | "حول" | "بشان" | "لدي"
            )
        })
    }

    /// Two mentions joined by و with nothing but the conjunction between them.
    fn joined(&self, x: &Placed, y: &Placed) -> bool {
        y.first == x.last && self.starts_with_wa(y.first)
    }
}

/// Resolves the objects [`Finder::find`] left as countries to add (`n_actors + entry`) through
/// `actor_of` (which adds the country's actor), then keeps one relation per pair, family and
/// sentence.
pub fn settle(mut found: Vec<Relation>, n_actors: usize, mut actor_of: impl FnMut(u32) -> usize) -> Vec<Relation> {
    for r in &mut found {
        if r.object >= n_actors {
            r.object = actor_of((r.object - n_actors) as u32);
        }
    }
    let family = |p: &'static str| match p {
        "affiliation" | "family" => p,
        _ => "event",
    };
    let mut seen = LexSet::default();
    found.retain(|r| {
        let pair = (r.subject.min(r.object), r.subject.max(r.object));
        r.subject != r.object && seen.insert((pair, family(r.predicate), r.sentence))
    });
    found
}
