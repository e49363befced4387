//! Extraction: from a cleaned article to its actors (with mentions), statements and relations.
//! Native Arabic and English, rules plus a lexicon; `isnad tag` adds a small CRF trained here.
//!
//! * [`text`] tokenizes the document and splits sentences;
//! * [`lexicon`] holds the general knowledge compiled from `lexicon/`;
//! * [`actors`] recognizes mentions (lexicon and name patterns) and links surnames;
//! * [`statements`] finds who said what in Arabic, [`english`] does entities and statements in English;
//! * [`relations`] finds who did what with whom;
//! * [`ner`] is the learned name recognizer (features and the embedded CRF model);
//! * [`tag`] is the CoNLL tagger.

pub mod actors;
mod crf;
pub mod english;
pub mod lexicon;
pub mod ner;
pub mod relations;
pub mod statements;
pub mod tag;
pub mod text;
mod types;

pub use types::*;

use std::sync::Arc;

use crate::article::Article;
use crate::normalize::fold;
use actors::{Recognizer, Target};
use lexicon::{LexMap, Lexicon, phrase_key};
use statements::Placed;
use text::Doc;

/// Bumped whenever extraction output can change (code or lexicon), so `reextract` knows which
/// articles are stale.
pub const EXTRACTOR_VERSION: i64 = 15;

/// The extractor: the lexicon and compiled patterns, built once and shared by worker threads.
#[derive(Debug)]
pub struct Extractor {
    lex: Lexicon,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

/// Actors of one article being assembled: one per target, aliases collected.
struct Cast<'a> {
    lex: &'a Lexicon,
    ex: Extraction,
    by_target: LexMap<Target, usize>,
}

impl<'a> Cast<'a> {
    fn new(lex: &'a Lexicon) -> Cast<'a> {
        Cast {
            lex,
            ex: Extraction::default(),
            by_target: LexMap::default(),
        }
    }

    /// The actor index for a target, creating the actor on first use.
    fn actor(&mut self, target: &Target) -> usize {
        if let Some(&i) = self.by_target.get(target) {
            return i;
        }
        let identity = match target {
            Target::Entry(e) => Arc::clone(self.lex.identity(*e)),
            Target::New(kind, name) => Arc::new(Identity {
                key: [kind.as_str(), ":", &fold(name)].concat(),
                name: name.clone(),
                kind: *kind,
                country: None,
                qid: None,
                from_lexicon: false,
                lexicon_aliases: Vec::new(),
                roles: Vec::new(),
            }),
        };
        let actor = ActorRef {
            identity,
            surfaces: Vec::new(),
        };
        let i = self.ex.actors.len();
        self.ex.actors.push(actor);
        self.by_target.insert(target.clone(), i);
        i
    }

    /// Records a mention and its surface form as an alias.
    fn mention(&mut self, doc: &Doc, target: &Target, first: usize, last: usize, start: usize, end: usize) -> Placed {
        let actor = self.actor(target);
        let surface = doc.slice(start, end);
        let a = &mut self.ex.actors[actor];
        if !a.aliases().any(|alias| *alias == surface) {
            a.surfaces.push(surface.clone());
        }
        self.ex.mentions.push(Mention {
            actor,
            sentence: doc.sentence_of(first),
            start,
            end,
            surface,
        });
        Placed {
            first,
            last,
            actor,
            kind: self.ex.actors[actor].kind,
        }
    }
}

impl Cast<'_> {
    /// A country the article names only by a nationality adjective that anchors someone's role
    /// (الرئيس الكوبي راؤول كاسترو → Cuba) is mentioned by that adjective: the one of the
    /// affiliation's sentence nearest the person.
    fn mention_role_nisbas(&mut self, doc: &Doc, rec: &Recognizer, relations: &[Relation]) {
        let mut mentioned = vec![false; self.ex.actors.len()];
        for m in &self.ex.mentions {
            mentioned[m.actor] = true;
        }
        for r in relations.iter().filter(|r| r.predicate == "affiliation") {
            let country = &self.ex.actors[r.object];
            if country.kind != Kind::Country || mentioned[r.object] {
                continue;
            }
            let code = country.country.clone();
            let near = self
                .ex
                .mentions
                .iter()
                .find(|m| m.actor == r.subject && m.sentence == r.sentence)
                .map_or(0, |m| m.start);
            let s = &doc.sentences[r.sentence];
            let nisba = (s.first..s.last)
                .filter_map(|i| rec.nisba_entry_at(doc, i).map(|e| (i, e)))
                .filter(|(_, e)| code.is_some() && self.lex.entries[*e as usize].country == code)
                .min_by_key(|(i, _)| doc.tokens[*i].start.abs_diff(near));
            if let Some((i, e)) = nisba {
                let t = &doc.tokens[i];
                self.mention(doc, &Target::Entry(e), i, i + 1, t.start, t.end);
                mentioned[r.object] = true;
            }
        }
    }
}

impl Extractor {
    /// Builds the extractor from the lexicon compiled into the binary.
    pub fn new() -> Extractor {
        Extractor {
            lex: Lexicon::builtin(),
        }
    }

    /// The lexicon.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lex
    }

    /// Extracts actors, statements and relations from one article.
    pub fn extract(&self, article: &Article) -> Extraction {
        let document = article.document();
        let mut norms = String::new();
        let doc = Doc::with_norms(&document, &mut norms);
        if article.lang == "en" {
            return self.extract_english(&doc);
        }
        self.extract_arabic(&doc, article.published_at.as_deref())
    }

    fn extract_arabic(&self, doc: &Doc, published: Option<&str>) -> Extraction {
        let recognizer = Recognizer::new(&self.lex);
        let mut rec = recognizer.recognize(doc);
        if ner::add_model_names(&recognizer, doc, &mut rec) {
            // ريك سكوت … وكتب سكوت: the model's names link like the recognizer's.
            recognizer.link_surnames(doc, &mut rec, false);
        }
        let mut cast = Cast::new(&self.lex);
        let placed: Vec<Placed> = rec
            .spans
            .iter()
            .map(|s| cast.mention(doc, &s.target, s.first, s.last, s.start, s.end))
            .collect();
        // The finders look mentions up by binary search: they must be in text order.
        debug_assert!(placed.windows(2).all(|w| w[0].first <= w[1].first));
        // A nationality adjective names its country.
        for n in &rec.nisbas {
            cast.actor(&Target::Entry(n.entry));
        }
        let statements = self.statements(doc, &placed, &rec.spans, &mut cast);
        let found = relations::Finder::new(&self.lex, doc, &placed, &cast.ex.actors, published).find();
        let n_actors = cast.ex.actors.len();
        let relations = relations::settle(found, n_actors, |e| cast.actor(&Target::Entry(e)));
        cast.mention_role_nisbas(doc, &recognizer, &relations);
        let mut ex = cast.ex;
        ex.statements = statements;
        ex.relations = relations;
        ex
    }

    /// Arabic statements. A capital speaks for its country's government (أصرت بيونغيانغ): the
    /// finder sees capitals as countries, and their statements go to the country's actor.
    fn statements(&self, doc: &Doc, placed: &[Placed], spans: &[actors::Span], cast: &mut Cast) -> Vec<Statement> {
        let capital = |s: &actors::Span| match &s.target {
            Target::Entry(e) => self.lex.entries[*e as usize]
                .capital_of
                .as_ref()
                .and_then(|c| self.lex.country_by_code.get(c).copied()),
            Target::New(..) => None,
        };
        let countries: Vec<Option<u32>> = spans.iter().map(capital).collect();
        let seen: Vec<Placed> = placed
            .iter()
            .zip(&countries)
            .map(|(p, c)| Placed {
                kind: if c.is_some() { Kind::Country } else { p.kind },
                ..*p
            })
            .collect();
        let mut found = statements::Finder::new(&self.lex, doc, &seen).find();
        for st in &mut found {
            let country = st
                .speaker
                .and_then(|a| placed.iter().zip(&countries).find(|(p, _)| p.actor == a))
                .and_then(|(_, c)| *c);
            if let Some(c) = country {
                st.speaker = Some(cast.actor(&Target::Entry(c)));
            }
        }
        found
    }

    fn extract_english(&self, doc: &Doc) -> Extraction {
        let (entities, statements) = english::analyze(doc);
        let mut cast = Cast::new(&self.lex);
        let mut entity_actor = Vec::with_capacity(entities.len());
        let mut placed = Vec::new();
        for e in &entities {
            // The lexicon's canonical name and kind where it knows the entity.
            let target = self
                .lex
                .lookup(&phrase_key(&e.name))
                .iter()
                .find(|h| h.kind == lexicon::PhraseKind::Name)
                .map(|h| Target::Entry(h.entry))
                .unwrap_or_else(|| Target::New(e.kind, e.name.clone()));
            for &(a, b) in &e.mentions {
                placed.push(cast.mention(doc, &target, a, b, doc.tokens[a].start, doc.tokens[b - 1].end));
            }
            entity_actor.push(cast.actor(&target));
        }
        placed.sort_by_key(|p| p.first);
        let relations = english::relations::find(doc, &self.lex, &placed, &mut |e| cast.actor(&Target::Entry(e)));
        let mut ex = cast.ex;
        ex.relations = relations;
        for mut s in statements {
            s.speaker = s.speaker.map(|i| entity_actor[i]);
            // A source the English finder found but could not name as an entity ("officials",
            // "the report", "police"), or a frame that names none, is an unnamed source.
            s.anonymous =
                s.speaker.is_none() && (s.anonymous || s.speaker_surface.as_deref().is_some_and(|x| !x.is_empty()));
            ex.statements.push(s);
        }
        ex
    }
}
