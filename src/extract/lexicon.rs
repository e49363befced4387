//! The lexicon: general knowledge compiled into the binary from the editable files in
//! `lexicon/` — countries (with nisba adjectives), organizations, people (office holders with
//! roles), places, given names — and the grammar lists in `lexicon/grammar/` (cue verbs,
//! complementizers, titles, organization and event head nouns, relation triggers, negations,
//! stop words). Every phrase is keyed by the match forms of its tokens, tokenized exactly like
//! article text, so look-ups are plain hash probes.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasher;
use std::rc::Rc;
use std::sync::Arc;

use super::text::{Doc, Token, fold_word};
use super::types::{Identity, Kind, Role};
use crate::normalize::{is_alphabetic, is_word_char};

/// The hasher of the lexicon's tables: foldhash is several times faster than the standard
/// SipHash on short keys, and the lexicon's keys come from the binary's own data, so there is no
/// hash flooding to defend against. Look-ups answer exactly as with the standard hasher.
pub type LexHasher = foldhash::fast::RandomState;

/// A hash map of the lexicon (see [`LexHasher`]).
pub type LexMap<K, V> = HashMap<K, V, LexHasher>;

/// A hash set of the lexicon (see [`LexHasher`]).
pub type LexSet<K> = HashSet<K, LexHasher>;

/// One lexicon entity.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Canonical name.
    pub name: String,
    /// Kind.
    pub kind: Kind,
    /// ISO code: the country itself for countries, the country it belongs to otherwise.
    pub country: Option<String>,
    /// Wikidata QID.
    pub qid: Option<String>,
    /// Every full alias.
    pub aliases: Vec<String>,
    /// Roles (people).
    pub roles: Vec<Role>,
    /// For places: the country it is the capital of.
    pub capital_of: Option<String>,
}

impl Entry {
    /// The entry as an actor.
    fn identity(&self) -> Identity {
        Identity {
            key: ["lex:", &self.name].concat(),
            name: self.name.clone(),
            kind: self.kind,
            country: self.country.clone(),
            qid: self.qid.clone(),
            from_lexicon: true,
            lexicon_aliases: self.aliases.clone(),
            roles: self.roles.clone(),
        }
    }
}

/// How a phrase refers to an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhraseKind {
    /// A full name or alias.
    Name,
    /// A short form (a surname) of a person.
    Short,
    /// A nisba adjective or demonym of a country (الروسي, Russian).
    Nisba,
}

/// A phrase's meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index into [`Lexicon::entries`].
    pub entry: u32,
    /// How the phrase refers to it.
    pub kind: PhraseKind,
    /// Whether the phrase must match case exactly (Latin acronyms such as US, UN).
    pub exact_case: bool,
}

/// Kinds of cue word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// A finite verb (قال).
    Verb,
    /// A circumstantial participle continuing the current speaker (مشددا).
    Adverbial,
}

/// What a cue verb says about its speaker and content, beyond its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueRole {
    /// It carries on the current speaker's words (أضاف، تابع): an omitted subject is the last
    /// speaker rather than the last subject.
    Continue,
    /// Its object is what was said (نفى الاتهامات، طالب بـ…): with no أن clause, quotation or
    /// colon the rest of the clause is the content.
    Object,
}

/// The lexicon, built once.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Entities.
    pub entries: Vec<Entry>,
    /// Who each entry is as an actor, built once: every article that names it shares it.
    identities: Vec<Arc<Identity>>,
    phrases: LexMap<String, Vec<Hit>>,
    first: LexMap<String, usize>,
    /// Given names (match form).
    pub given_names: LexSet<String>,
    /// Cue verbs (match form).
    pub cues: LexMap<String, CueKind>,
    /// Cue verbs with a role (match form).
    pub cue_roles: LexMap<String, CueRole>,
    /// Nouns of unnamed sources (match form): مصادر، شهود.
    pub anonymous: LexSet<String>,
    /// Complementizers (match form).
    pub complementizers: LexSet<String>,
    titles: LexMap<String, String>,
    title_first: LexMap<String, usize>,
    /// Head nouns of organizations and events (match form).
    pub heads: LexMap<String, Kind>,
    /// Head nouns an organization's own name follows (صحيفة لوموند, جمعية "بيت الإعلاميين"),
    /// match form: `true` when the name may be written without quotation marks.
    pub name_heads: LexMap<String, bool>,
    relation_exact: LexMap<String, &'static str>,
    relation_prefix: Vec<(String, &'static str)>,
    /// First words of the multi-word relation triggers, so a two-word look-up is tried only
    /// where one can start.
    relation_first: LexSet<String>,
    /// What each word may be to the finders, by [`word_key`]: bits of [`class`] (see
    /// [`Lexicon::classes`]).
    word_classes: LexMap<u64, u8>,
    /// Negation words (match form).
    pub negations: LexSet<String>,
    /// Stop words (match form).
    pub stopwords: LexSet<String>,
    /// Ordinary words that are not names: function words, very common verbs, nouns and
    /// adjectives (match form); see `lexicon/grammar/common_words.tsv`.
    pub common_words: LexSet<String>,
    /// Stop words as written, harakat dropped but letters not folded: على stays apart from the
    /// name علي, أن from آن.
    pub particles: LexSet<String>,
    /// Country entry by ISO code.
    pub country_by_code: LexMap<String, u32>,
    /// Tag-only names (currencies, religions, prizes, wars, tournaments) with their kind
    /// (event or other), keyed by match form; see `lexicon/misc.tsv`.
    misc: LexMap<String, Kind>,
    misc_first: LexMap<String, usize>,
    /// Tag-only names of sports clubs and national teams that are also ordinary words or
    /// city names (الأهلي, ميلان), keyed by match form; see `lexicon/sports.tsv`.
    clubs: LexSet<String>,
    clubs_first: LexMap<String, usize>,
    honorifics: LexSet<String>,
    honorific_first: LexMap<String, usize>,
    /// The longest title or honorific starting with a first word: one probe where the
    /// recognizer asks for either.
    address_first: LexMap<String, usize>,
}

/// Match forms of the tokens of a phrase, joined by single spaces.
pub fn phrase_key(phrase: &str) -> String {
    // Words between single spaces (most phrases): the tokens are the words, no tokenizer needed.
    if phrase.chars().all(|c| c == ' ' || is_word_char(c)) {
        let mut words = phrase.split(' ').filter(|w| !w.is_empty()).map(fold_word);
        let mut key = String::with_capacity(phrase.len());
        if let Some(w) = words.next() {
            key.push_str(&w);
        }
        for w in words {
            key.push(' ');
            key.push_str(&w);
        }
        return key;
    }
    let doc = Doc::new(phrase);
    doc.tokens.iter().map(|t| t.norm.as_ref()).collect::<Vec<_>>().join(" ")
}

/// The key of a word form in the table that only passes words over ([`Lexicon::classes`]): a
/// 64-bit hash, kept in the table itself, so a probe compares numbers and reads no string. Two
/// forms could share a key only by a hash collision, and then a word is looked up in the other
/// tables for nothing: what they answer does not change.
fn word_key(form: &str) -> u64 {
    foldhash::fast::FixedState::with_seed(0x6973_6e61_645f_776b).hash_one(form.as_bytes())
}

/// Records the length (in words) of a phrase key under its first word, keeping the longest:
/// the `*_first` tables that bound a longest-match look-up.
fn note_first(longest: &mut LexMap<String, usize>, key: &str) {
    let n = key.split(' ').count();
    let first = key.split(' ').next().unwrap_or("");
    match longest.get_mut(first) {
        Some(e) => *e = (*e).max(n),
        None => {
            longest.insert(first.to_owned(), n);
        }
    }
}

/// `word.starts_with(prefix)`, comparing the few bytes in place rather than through `memcmp`:
/// the relation finder asks it of every form of every word.
#[inline]
fn starts_with(word: &str, prefix: &str) -> bool {
    let (w, p) = (word.as_bytes(), prefix.as_bytes());
    w.len() >= p.len() && w.iter().zip(p).all(|(a, b)| a == b)
}

/// A word with its harakat dropped and nothing else changed.
pub fn unvowelled(word: &str) -> String {
    word.chars().filter(|c| !crate::normalize::is_haraka(*c)).collect()
}

/// One row of a TSV file: its cells under the file's column names (shared by its rows).
struct Row<'t> {
    cols: Rc<[&'t str]>,
    cells: Vec<&'t str>,
}

impl<'t> Row<'t> {
    /// The cell under a column, if the row has one.
    fn get(&self, col: &str) -> Option<&&'t str> {
        self.cells.get(self.cols.iter().rposition(|c| *c == col)?)
    }
}

/// Rows of a TSV file with a header.
fn rows(text: &str) -> Vec<Row<'_>> {
    let mut lines = text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty());
    let Some(header) = lines.next() else { return Vec::new() };
    let cols: Rc<[&str]> = header.split('\t').map(str::trim).collect();
    lines
        .map(|l| Row {
            cols: Rc::clone(&cols),
            cells: l.split('\t').map(str::trim).take(cols.len()).collect(),
        })
        .collect()
}

fn list(v: Option<&&str>) -> Vec<String> {
    v.map(|s| {
        s.split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect()
    })
    .unwrap_or_default()
}

fn nonempty(v: Option<&&str>) -> Option<String> {
    v.map(|s| s.trim()).filter(|s| !s.is_empty()).map(str::to_owned)
}

/// `role@CC:YYYY-YYYY` → a role.
fn parse_role(s: &str) -> Option<Role> {
    let (role, rest) = s.split_once('@').unwrap_or((s, ""));
    let (of, years) = rest.split_once(':').unwrap_or((rest, ""));
    let (start, end) = years.split_once('-').unwrap_or((years, ""));
    let opt = |x: &str| (!x.trim().is_empty()).then(|| x.trim().to_owned());
    Some(Role {
        role: opt(role)?,
        of: opt(of),
        start: opt(start),
        end: opt(end),
    })
}

const COUNTRIES: &str = include_str!("../../lexicon/countries.tsv");
const ORGANIZATIONS: &str = include_str!("../../lexicon/organizations.tsv");
const PEOPLE: &str = include_str!("../../lexicon/people.tsv");
const PLACES: &str = include_str!("../../lexicon/places.tsv");
const MISC: &str = include_str!("../../lexicon/misc.tsv");
const SPORTS: &str = include_str!("../../lexicon/sports.tsv");
const GIVEN_NAMES: &str = include_str!("../../lexicon/given_names.tsv");
const CUES: &str = include_str!("../../lexicon/grammar/cues.tsv");
const ANONYMOUS: &str = include_str!("../../lexicon/grammar/anonymous.tsv");
const COMPLEMENTIZERS: &str = include_str!("../../lexicon/grammar/complementizers.tsv");
const TITLES: &str = include_str!("../../lexicon/grammar/titles.tsv");
const HONORIFICS: &str = include_str!("../../lexicon/grammar/honorifics.tsv");
const HEADS: &str = include_str!("../../lexicon/grammar/heads.tsv");
const RELATIONS: &str = include_str!("../../lexicon/grammar/relations.tsv");
const NEGATIONS: &str = include_str!("../../lexicon/grammar/negations.tsv");
const STOPWORDS: &str = include_str!("../../lexicon/grammar/stopwords.tsv");
const COMMON_WORDS: &str = include_str!("../../lexicon/grammar/common_words.tsv");

/// Predicate names as static strings (relation triggers name them in data).
fn predicate(name: &str) -> Option<&'static str> {
    const NAMES: &[&str] = &[
        "meet",
        "host",
        "visit",
        "call",
        "agree",
        "dispute",
        "accuse",
        "support",
        "aid",
        "attack",
        "sanction",
        "grant_asylum",
        "threaten",
        "family",
        "appeal",
        "cooperate",
    ];
    NAMES.iter().copied().find(|n| *n == name)
}

/// What a word may be to the finders: the bits of [`Lexicon::classes`].
pub(crate) mod class {
    /// It may start a name the recognizer finds: a lexicon phrase, a given name, a title or
    /// honorific, a speech verb or a head noun. Otherwise [`super::Lexicon::max_len_from`],
    /// [`super::Lexicon::title_or_honorific_len_from`], the given names, cues and head nouns all
    /// answer no for it.
    pub(crate) const NAME: u8 = 1;
    /// It may start a title or a relation trigger or be a nisba. Otherwise
    /// [`super::Lexicon::title_len_from`], [`super::Lexicon::relation_phrase_starts`],
    /// [`super::Lexicon::relation_trigger`] and the nisbas of [`super::Lexicon::lookup`] all
    /// answer no for it.
    pub(crate) const RELATE: u8 = 2;
    /// It, or it after a leading و or ف, may be a cue.
    pub(crate) const CUE: u8 = 4;
    /// It, or one of its proclitic variants, may be a cue verb.
    pub(crate) const CUE_VERB: u8 = 8;
}

impl Lexicon {
    /// Builds the lexicon compiled into the binary.
    pub fn builtin() -> Lexicon {
        let mut lex = Lexicon::default();
        for row in rows(COUNTRIES) {
            let Some(name) = nonempty(row.get("name")) else {
                continue;
            };
            let code = nonempty(row.get("code"));
            let idx = lex.add_entry(Entry {
                name,
                kind: Kind::Country,
                country: code.clone(),
                qid: nonempty(row.get("qid")),
                aliases: list(row.get("aliases")),
                roles: Vec::new(),
                capital_of: None,
            });
            if let Some(code) = code {
                lex.country_by_code.insert(code, idx);
            }
            for n in list(row.get("nisba")) {
                lex.add_phrase(&n, idx, PhraseKind::Nisba);
            }
        }
        for (text, default_kind) in [
            (ORGANIZATIONS, Kind::Organization),
            (PEOPLE, Kind::Person),
            (PLACES, Kind::Place),
        ] {
            for row in rows(text) {
                let Some(name) = nonempty(row.get("name")) else {
                    continue;
                };
                let kind = row.get("kind").and_then(|k| Kind::parse(k)).unwrap_or(default_kind);
                let idx = lex.add_entry(Entry {
                    name,
                    kind,
                    country: nonempty(row.get("country")),
                    qid: nonempty(row.get("qid")),
                    aliases: list(row.get("aliases")),
                    roles: list(row.get("roles")).iter().filter_map(|r| parse_role(r)).collect(),
                    capital_of: nonempty(row.get("capital_of")),
                });
                for s in list(row.get("short")) {
                    lex.add_phrase(&s, idx, PhraseKind::Short);
                }
            }
        }
        for row in rows(MISC) {
            let kind = row.get("kind").and_then(|k| Kind::parse(k)).unwrap_or(Kind::Other);
            for a in list(row.get("aliases")) {
                let key = phrase_key(&a);
                note_first(&mut lex.misc_first, &key);
                lex.misc.insert(key, kind);
            }
        }
        for row in rows(SPORTS) {
            for a in list(row.get("aliases")) {
                let key = phrase_key(&a);
                note_first(&mut lex.clubs_first, &key);
                lex.clubs.insert(key);
            }
        }
        for row in rows(GIVEN_NAMES) {
            if let Some(n) = nonempty(row.get("name")) {
                lex.given_names.insert(phrase_key(&n));
            }
        }
        for row in rows(CUES) {
            if let Some(f) = nonempty(row.get("form")) {
                let kind = if row.get("kind") == Some(&"adverbial") {
                    CueKind::Adverbial
                } else {
                    CueKind::Verb
                };
                let key = phrase_key(&f);
                match row.get("role").copied() {
                    Some("continue") => {
                        lex.cue_roles.insert(key.clone(), CueRole::Continue);
                    }
                    Some("object") => {
                        lex.cue_roles.insert(key.clone(), CueRole::Object);
                    }
                    _ => {}
                }
                lex.cues.insert(key, kind);
            }
        }
        lex.anonymous = rows(ANONYMOUS)
            .iter()
            .filter_map(|r| nonempty(r.get("form")))
            .map(|f| phrase_key(&f))
            .collect();
        lex.complementizers = rows(COMPLEMENTIZERS)
            .iter()
            .filter_map(|r| nonempty(r.get("form")))
            .map(|f| phrase_key(&f))
            .collect();
        for row in rows(TITLES) {
            if let (Some(f), Some(role)) = (nonempty(row.get("form")), nonempty(row.get("role"))) {
                let key = phrase_key(&f);
                note_first(&mut lex.address_first, &key);
                note_first(&mut lex.title_first, &key);
                lex.titles.insert(key, role);
            }
        }
        for f in rows(HONORIFICS).iter().filter_map(|r| nonempty(r.get("form"))) {
            let key = phrase_key(&f);
            note_first(&mut lex.address_first, &key);
            note_first(&mut lex.honorific_first, &key);
            lex.honorifics.insert(key);
        }
        for row in rows(HEADS) {
            if let (Some(f), Some(k)) = (nonempty(row.get("form")), row.get("kind").and_then(|k| Kind::parse(k))) {
                let key = phrase_key(&f);
                match row.get("names").copied() {
                    Some("any") => drop(lex.name_heads.insert(key.clone(), true)),
                    Some("quoted") => drop(lex.name_heads.insert(key.clone(), false)),
                    _ => {}
                }
                lex.heads.insert(key, k);
            }
        }
        for row in rows(RELATIONS) {
            if let (Some(f), Some(p)) = (
                nonempty(row.get("form")),
                row.get("predicate").and_then(|p| predicate(p)),
            ) {
                match f.strip_suffix('*') {
                    Some(prefix) => lex.relation_prefix.push((phrase_key(prefix), p)),
                    None => {
                        let key = phrase_key(&f);
                        if let Some((first, _)) = key.split_once(' ') {
                            lex.relation_first.insert(first.to_owned());
                        }
                        lex.relation_exact.insert(key, p);
                    }
                }
            }
        }
        lex.negations = rows(NEGATIONS)
            .iter()
            .filter_map(|r| nonempty(r.get("form")))
            .map(|f| phrase_key(&f))
            .collect();
        lex.stopwords = rows(STOPWORDS)
            .iter()
            .filter_map(|r| nonempty(r.get("form")))
            .map(|f| phrase_key(&f))
            .collect();
        lex.common_words = rows(COMMON_WORDS)
            .iter()
            .filter_map(|r| nonempty(r.get("form")))
            .map(|f| phrase_key(&f))
            .collect();
        lex.particles = rows(STOPWORDS)
            .iter()
            .chain(&rows(COMPLEMENTIZERS))
            .filter_map(|r| nonempty(r.get("form")))
            .map(|f| unvowelled(&f))
            .collect();
        lex.word_classes = lex.word_classes();
        lex.identities = lex.entries.iter().map(|e| Arc::new(e.identity())).collect();
        lex
    }

    /// Who entry `e` is as an actor (shared: extraction copies none of it).
    pub(crate) fn identity(&self, e: u32) -> &Arc<Identity> {
        &self.identities[e as usize]
    }

    /// The table of [`Lexicon::classes`]: the words that start a lexicon phrase, a title or an
    /// honorific, or are a given name, a cue verb or a head noun ([`class::NAME`]; ابو, ابي and
    /// عبد start names too: أبو بكر, عبد الله); that start a title or a relation trigger or are a
    /// nisba ([`class::RELATE`]); the cues ([`class::CUE`], [`class::CUE_VERB`]).
    fn word_classes(&self) -> LexMap<u64, u8> {
        let nisbas = self
            .phrases
            .iter()
            .filter(|(_, hits)| hits.iter().any(|h| h.kind == PhraseKind::Nisba))
            .map(|(k, _)| k);
        let names = (self.first.keys())
            .chain(self.given_names.iter())
            .chain(self.address_first.keys())
            .chain(self.cues.keys())
            .chain(self.heads.keys())
            .chain(self.name_heads.keys())
            .map(|w| w.as_str())
            .chain(["ابو", "ابي", "عبد"])
            .map(|w| (w, class::NAME));
        let relations = (self.title_first.keys())
            .chain(self.relation_first.iter())
            .chain(self.relation_exact.keys())
            .chain(nisbas)
            .map(|w| (w.as_str(), class::RELATE));
        let cues = self.cues.iter().map(|(w, kind)| {
            let verb = if *kind == CueKind::Verb { class::CUE_VERB } else { 0 };
            (w.as_str(), class::CUE | verb)
        });
        let mut table = LexMap::default();
        for (word, bits) in names.chain(relations).chain(cues) {
            *table.entry(word_key(word)).or_insert(0) |= bits;
        }
        table
    }

    /// What each token of `doc` may be to the finders, as bits of [`class`], worked out once per
    /// document (one probe per form of each word) for all of them. A bit is a filter: where it is
    /// unset the look-ups it stands for all answer no, where it is set they are made (a hash
    /// collision, see [`word_key`], costs a look-up, never an answer).
    pub(crate) fn classes<'d>(&self, doc: &'d Doc) -> &'d [u8] {
        doc.classes
            .get_or_init(|| doc.tokens.iter().map(|t| self.token_classes(t)).collect())
    }

    /// The bits of one token: those of the word, of each of its proclitic variants (an Arabic
    /// word's look-up forms, [`Token::forms`]; `ner` reads them for cue verbs whatever the
    /// script), of the look-up forms that are not slices of the word (لل+X read as الX) and of
    /// the word after a leading و or ف (the statement finder reads it for cues).
    fn token_classes(&self, t: &Token) -> u8 {
        if !t.is_word {
            return 0;
        }
        let norm = t.norm.as_ref();
        let mut bits = self.form_classes(norm);
        for &at in &t.variants {
            bits |= self.form_classes(&norm[at as usize..]);
        }
        for (form, _) in t.forms().filter(|(form, _)| matches!(form, Cow::Owned(_))) {
            bits |= self.form_classes(&form);
        }
        // Unless it is a variant already.
        if let Some(rest) = norm.strip_prefix('و').or_else(|| norm.strip_prefix('ف'))
            && !t.variants.contains(&2)
        {
            bits |= self.form_classes(rest);
        }
        bits
    }

    /// The bits of one word form: its own, and [`class::RELATE`] when it starts with a relation
    /// trigger that is matched as a prefix.
    fn form_classes(&self, form: &str) -> u8 {
        let prefix = self.relation_prefix.iter().any(|(p, _)| starts_with(form, p));
        self.word_classes.get(&word_key(form)).copied().unwrap_or(0) | if prefix { class::RELATE } else { 0 }
    }

    fn add_entry(&mut self, entry: Entry) -> u32 {
        let idx = self.entries.len() as u32;
        for a in entry.aliases.iter().chain(std::iter::once(&entry.name)) {
            self.add_phrase(a, idx, PhraseKind::Name);
        }
        self.entries.push(entry);
        idx
    }

    fn add_phrase(&mut self, phrase: &str, entry: u32, kind: PhraseKind) {
        let key = phrase_key(phrase);
        if key.is_empty() {
            return;
        }
        // An acronym of at most five capitals (UN, NATO) matches only as written.
        let mut letters = phrase.chars().filter(|&c| is_alphabetic(c));
        let exact_case = letters.by_ref().take(5).all(|c| c.is_ascii_uppercase()) && letters.next().is_none();
        note_first(&mut self.first, &key);
        let hits = self.phrases.entry(key).or_default();
        let hit = Hit {
            entry,
            kind,
            exact_case,
        };
        if !hits.contains(&hit) {
            hits.push(hit);
        }
    }

    /// The longest phrase length (in tokens) that starts with this first-token match form.
    pub fn max_len_from(&self, first: &str) -> usize {
        self.first.get(first).copied().unwrap_or(0)
    }

    /// The meanings of a phrase given as match-form tokens joined by spaces.
    pub fn lookup(&self, key: &str) -> &[Hit] {
        self.phrases.get(key).map_or(&[], Vec::as_slice)
    }

    /// The kind of a tag-only name (currency, religion, prize, war, tournament) given as
    /// match-form tokens joined by spaces.
    pub fn misc(&self, key: &str) -> Option<Kind> {
        self.misc.get(key).copied()
    }

    /// The longest tag-only name length (in tokens) that starts with this first-token form.
    pub fn misc_len_from(&self, first: &str) -> usize {
        self.misc_first.get(first).copied().unwrap_or(0)
    }

    /// Whether match-form tokens joined by spaces name a sports club or national team that
    /// `isnad tag` takes as an organization in a sports context only (`lexicon/sports.tsv`).
    pub fn club(&self, key: &str) -> bool {
        self.clubs.contains(key)
    }

    /// The longest club name length (in tokens) that starts with this first-token form.
    pub fn club_len_from(&self, first: &str) -> usize {
        self.clubs_first.get(first).copied().unwrap_or(0)
    }

    /// Whether a phrase (match form) is an honorific or form of address (السيد, جلالة).
    pub fn honorific(&self, key: &str) -> bool {
        self.honorifics.contains(key)
    }

    /// The longest honorific length starting with this token.
    pub fn honorific_len_from(&self, first: &str) -> usize {
        self.honorific_first.get(first).copied().unwrap_or(0)
    }

    /// The role of a title phrase (match form), if it is one.
    pub fn title(&self, key: &str) -> Option<&str> {
        self.titles.get(key).map(String::as_str)
    }

    /// The longest title or honorific length starting with this token: the larger of
    /// [`Lexicon::title_len_from`] and [`Lexicon::honorific_len_from`].
    pub fn title_or_honorific_len_from(&self, first: &str) -> usize {
        self.address_first.get(first).copied().unwrap_or(0)
    }

    /// The longest title length starting with this token.
    pub fn title_len_from(&self, first: &str) -> usize {
        self.title_first.get(first).copied().unwrap_or(0)
    }

    /// The predicate a word (match form, proclitics removed) signals, if any.
    pub fn relation_trigger(&self, word: &str) -> Option<&'static str> {
        self.relation_exact.get(word).copied().or_else(|| {
            self.relation_prefix
                .iter()
                .find(|(p, _)| word.starts_with(p.as_str()))
                .map(|(_, pr)| *pr)
        })
    }

    /// Whether a multi-word relation trigger starts with this word.
    pub fn relation_phrase_starts(&self, first: &str) -> bool {
        self.relation_first.contains(first)
    }

    /// The predicate a two-word phrase signals (منح اللجوء, اتصال هاتفي).
    pub fn relation_phrase(&self, key: &str) -> Option<&'static str> {
        self.relation_exact.get(key).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrase_keys_are_the_tokenizers_match_forms() {
        // Every cell of the lexicon, and phrases the short cut leaves to the tokenizer.
        let cells = [
            COUNTRIES,
            ORGANIZATIONS,
            PEOPLE,
            PLACES,
            MISC,
            SPORTS,
            GIVEN_NAMES,
            TITLES,
            CUES,
        ]
        .into_iter()
        .flat_map(str::lines)
        .flat_map(|l| l.split(['\t', '|']))
        .chain(["U.S. Army", "الأُمَمُ  المتحدة", "#سعد_الحريري", " Barack Obama "]);
        for cell in cells {
            let doc = Doc::new(cell);
            let tokens: Vec<&str> = doc.tokens.iter().map(|t| t.norm.as_ref()).collect();
            assert_eq!(phrase_key(cell), tokens.join(" "), "{cell}");
        }
    }

    #[test]
    fn builtin_lexicon_knows_countries_nisbas_people_and_grammar() {
        let lex = Lexicon::builtin();
        let russia = lex.lookup(&phrase_key("روسيا"));
        assert!(
            russia
                .iter()
                .any(|h| lex.entries[h.entry as usize].name == "Russia" && h.kind == PhraseKind::Name)
        );
        let nisba = lex.lookup(&phrase_key("الأميركية"));
        assert!(
            nisba
                .iter()
                .any(|h| lex.entries[h.entry as usize].name == "United States" && h.kind == PhraseKind::Nisba)
        );
        assert!(
            lex.lookup(&phrase_key("سيرغي لافروف"))
                .iter()
                .any(|h| lex.entries[h.entry as usize].kind == Kind::Person)
        );
        assert_eq!(lex.cues.get(&phrase_key("أوضح")), Some(&CueKind::Verb));
        assert_eq!(lex.title(&phrase_key("وزير الخارجية")), Some("foreign_minister"));
        assert_eq!(lex.relation_trigger(&phrase_key("متفقتان")), Some("agree"));
    }

    #[test]
    fn word_classes_pass_over_only_words_no_finder_knows() {
        let lex = Lexicon::builtin();
        let doc = Doc::new("وقال وزير الخارجية الروسي إن السيارة متفقتان بعد اتصال، فأكد الرئيس");
        let classes = lex.classes(&doc);
        let of = |w: &str| classes[doc.tokens.iter().position(|t| t.text == w).expect(w)];
        for word in ["وزير", "الروسي", "متفقتان", "اتصال"] {
            assert_ne!(of(word) & class::RELATE, 0, "{word}");
        }
        assert_eq!(of("السيارة") & (class::RELATE | class::CUE), 0);
        // Cue verbs after و and ف.
        for word in ["وقال", "فأكد"] {
            assert_eq!(
                of(word) & (class::CUE | class::CUE_VERB),
                class::CUE | class::CUE_VERB,
                "{word}"
            );
        }
        assert_ne!(of("الرئيس") & class::NAME, 0);
        assert_eq!(of("،"), 0);
    }
}
