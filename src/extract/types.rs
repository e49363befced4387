//! What extraction produces for one article: actors with their mentions, statements and
//! relations, all with sentence numbers and character offsets into the article document.

use std::sync::Arc;

use serde::Serialize;

/// The kinds of actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A person.
    Person,
    /// An organization, agency, party, armed group, company.
    Organization,
    /// A country or territory.
    Country,
    /// A city, region, continent.
    Place,
    /// A conference, summit, talks, war.
    Event,
    /// Anything else.
    Other,
}

impl Kind {
    /// The name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Organization => "organization",
            Kind::Country => "country",
            Kind::Place => "place",
            Kind::Event => "event",
            Kind::Other => "other",
        }
    }

    /// Parses a stored or user-given kind name.
    pub fn parse(s: &str) -> Option<Kind> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "person" | "per" | "pers" => Kind::Person,
            "organization" | "organisation" | "org" => Kind::Organization,
            "country" => Kind::Country,
            "place" | "loc" | "location" => Kind::Place,
            "event" => Kind::Event,
            "other" | "misc" => Kind::Other,
            _ => return None,
        })
    }
}

/// A role an actor holds: `foreign_minister` of `RU` from 2004.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Role {
    /// The role, e.g. `foreign_minister`, `adviser`.
    pub role: String,
    /// The country code or organization it is held in.
    pub of: Option<String>,
    /// Start year or date.
    pub start: Option<String>,
    /// End year or date.
    pub end: Option<String>,
}

/// Who an actor is, whatever the article names it with. A lexicon entry's is built once with
/// the lexicon and shared by every article that names the entry (see [`ActorRef`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Identity {
    /// Stable identity: `lex:<name>` for lexicon entries, `<kind>:<match-form name>` otherwise.
    pub key: String,
    /// Canonical name (English where the lexicon knows it).
    pub name: String,
    /// Kind.
    pub kind: Kind,
    /// ISO country code where known.
    pub country: Option<String>,
    /// Wikidata QID where known.
    pub qid: Option<String>,
    /// Whether the actor comes from the lexicon.
    pub from_lexicon: bool,
    /// The lexicon's aliases (none for a name the lexicon does not know).
    pub lexicon_aliases: Vec<String>,
    /// Roles known from the lexicon.
    pub roles: Vec<Role>,
}

/// An actor an article refers to: its identity (read through `Deref`: `actor.name`,
/// `actor.kind`), shared rather than copied for a lexicon entry, and the forms this article
/// writes it with.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorRef {
    /// Who the actor is.
    pub identity: Arc<Identity>,
    /// The surface forms seen in this article that are not lexicon aliases, in text order.
    pub surfaces: Vec<String>,
}

impl ActorRef {
    /// Every alias to record: the lexicon's aliases, then the surface forms seen in this article.
    pub fn aliases(&self) -> impl Iterator<Item = &String> {
        self.identity.lexicon_aliases.iter().chain(&self.surfaces)
    }
}

impl std::ops::Deref for ActorRef {
    type Target = Identity;

    fn deref(&self) -> &Identity {
        &self.identity
    }
}

/// One place an actor is named.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Index into [`Extraction::actors`].
    pub actor: usize,
    /// Sentence number within the document (0 is the title).
    pub sentence: usize,
    /// Start, in characters of the document.
    pub start: usize,
    /// End (exclusive), in characters of the document.
    pub end: usize,
    /// The text as written.
    pub surface: String,
}

/// How a statement is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StatementKind {
    /// Quoted words.
    Direct,
    /// Reported speech (said that ...).
    Indirect,
    /// Reported speech with a quoted part.
    Mixed,
}

impl StatementKind {
    /// The name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            StatementKind::Direct => "direct",
            StatementKind::Indirect => "indirect",
            StatementKind::Mixed => "mixed",
        }
    }
}

/// Who said what.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// Index into [`Extraction::actors`], `None` when the speaker is unknown.
    pub speaker: Option<usize>,
    /// How the speaker is referred to at the cue (a name, a pronoun, nothing).
    pub speaker_surface: Option<String>,
    /// Whether the source is unnamed (مصادر، شهود، "officials"); the speaker is then `None`.
    pub anonymous: bool,
    /// The content.
    pub text: String,
    /// Direct, indirect or mixed.
    pub kind: StatementKind,
    /// The cue verb as written (`قال`, `said`), or `headline` for "Name: text" titles.
    pub cue: String,
    /// Sentence number.
    pub sentence: usize,
    /// Start of the content, in characters of the document.
    pub start: usize,
    /// End of the content (exclusive).
    pub end: usize,
}

/// Who did what with whom.
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    /// Index into [`Extraction::actors`].
    pub subject: usize,
    /// A predicate name from the `predicates` table (`meet`, `agree`, ...).
    pub predicate: &'static str,
    /// Index into [`Extraction::actors`].
    pub object: usize,
    /// Whether the text denies or cancels it.
    pub negated: bool,
    /// For affiliations: the role (`foreign_minister`, `adviser`).
    pub role: Option<String>,
    /// How sure the finder is, 0..1, from the way it was found (see `relations::Evidence`).
    pub confidence: f64,
    /// The evidence sentence or snippet.
    pub evidence: String,
    /// Sentence number.
    pub sentence: usize,
    /// Start of the evidence, in characters of the document.
    pub start: usize,
    /// End of the evidence (exclusive).
    pub end: usize,
}

/// Everything extracted from one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    /// The actors, each once.
    pub actors: Vec<ActorRef>,
    /// Where each actor is named.
    pub mentions: Vec<Mention>,
    /// Statements.
    pub statements: Vec<Statement>,
    /// Relations.
    pub relations: Vec<Relation>,
}
