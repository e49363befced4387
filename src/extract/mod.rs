//! Extraction: from a cleaned article to its actors (with mentions), statements and relations.
//! Native Arabic and English, rules plus a lexicon, no model weights.
//!
//! [`text`] tokenizes the document and splits sentences; [`english`] handles English text.

pub mod english;
pub mod text;
mod types;

pub use types::*;

use crate::article::Article;
use crate::normalize::fold;
use text::Doc;

/// Bumped whenever extraction output can change (code or lexicon), so `reextract` knows which
/// articles are stale.
pub const EXTRACTOR_VERSION: i64 = 1;

/// The extractor: the lexicon and compiled patterns, built once and shared by worker threads.
#[derive(Debug, Default)]
pub struct Extractor {}

impl Extractor {
    /// Builds the extractor from the lexicon compiled into the binary.
    pub fn new() -> Extractor {
        Extractor {}
    }

    /// Extracts actors, statements and relations from one article.
    pub fn extract(&self, article: &Article) -> Extraction {
        let doc = Doc::new(&article.document());
        if article.lang == "ar" {
            return Extraction::default();
        }
        self.extract_english(&doc)
    }

    fn extract_english(&self, doc: &Doc) -> Extraction {
        let (entities, statements) = english::analyze(doc);
        let mut ex = Extraction::default();
        for e in &entities {
            let mut aliases: Vec<String> = Vec::new();
            for &(a, b) in &e.mentions {
                let surface = doc.slice(doc.tokens[a].start, doc.tokens[b - 1].end);
                if !aliases.contains(&surface) {
                    aliases.push(surface);
                }
            }
            let idx = ex.actors.len();
            for &(a, b) in &e.mentions {
                ex.mentions.push(Mention {
                    actor: idx,
                    sentence: doc.sentence_of(a),
                    start: doc.tokens[a].start,
                    end: doc.tokens[b - 1].end,
                    surface: doc.slice(doc.tokens[a].start, doc.tokens[b - 1].end),
                });
            }
            ex.actors.push(ActorRef {
                key: format!("{}:{}", e.kind.as_str(), fold(&e.name)),
                name: e.name.clone(),
                kind: e.kind,
                country: None,
                qid: None,
                from_lexicon: false,
                aliases,
                roles: Vec::new(),
            });
        }
        for s in statements {
            ex.statements.push(Statement {
                speaker: s.speaker,
                speaker_surface: s.speaker_surface,
                text: s.text,
                kind: s.kind,
                cue: s.cue,
                sentence: s.sentence,
                start: s.start,
                end: s.end,
            });
        }
        ex
    }
}
