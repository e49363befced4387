//! The article as isnad stores it, and its content hash.
//!
//! The **content hash** is SHA-256 over the words of the stored form of the title and the body,
//! joined by single spaces: content only. The same article from another file, encoding,
//! line-ending style, amount of boilerplate, paragraphing or wrapping gives the same hash
//! (paragraphs stay as stored structure, but are not part of the identity).
//!
//! Character offsets used for provenance (mentions, statements, relations) count Unicode scalar
//! values in [`Article::document`]: the title, `"\n\n"`, then the body.

use sha2::{Digest, Sha256};

use crate::clean::{Cleaned, clean};
use crate::read::RawArticle;

/// A SHA-256 digest.
pub(crate) type Hash = [u8; 32];

/// A cleaned, hashed article ready to be deduplicated, extracted and stored.
#[derive(Debug, Clone)]
pub struct Article {
    /// The headline (stored form).
    pub title: String,
    /// Body paragraphs (stored form), furniture removed.
    pub paragraphs: Vec<String>,
    /// Language code (`ar`, `en`, ...).
    pub lang: String,
    /// The article's own URL, when the input gives one.
    pub url: Option<String>,
    /// Publication time, ISO 8601.
    pub published_at: Option<String>,
    /// The outlet.
    pub outlet: Option<String>,
    /// The byline.
    pub author: Option<String>,
    /// A section or category declared by the input.
    pub category: Option<String>,
    /// SHA-256 of the document's words (see the module documentation).
    pub content_hash: Hash,
}

impl Article {
    /// Cleans and hashes a raw record; `None` when cleaning leaves nothing.
    pub fn from_raw(raw: &RawArticle) -> Option<Article> {
        let Cleaned {
            title,
            paragraphs,
            lang,
        } = clean(raw)?;
        let content_hash = document_hash(&title, &paragraphs);
        Some(Article {
            title,
            paragraphs,
            lang,
            url: raw.url.clone(),
            published_at: raw.published_at.clone(),
            outlet: raw.outlet.clone(),
            author: raw.author.clone(),
            category: raw.category.clone(),
            content_hash,
        })
    }

    /// Rebuilds an article from what the store keeps (for re-extraction).
    pub fn from_stored(title: String, paragraphs: Vec<String>, lang: String) -> Article {
        let content_hash = document_hash(&title, &paragraphs);
        Article {
            title,
            paragraphs,
            lang,
            url: None,
            published_at: None,
            outlet: None,
            author: None,
            category: None,
            content_hash,
        }
    }

    /// The body: paragraphs separated by blank lines.
    pub(crate) fn body(&self) -> String {
        self.paragraphs.join("\n\n")
    }

    /// Title, blank line, body: the text that offsets point into (its words are hashed).
    pub fn document(&self) -> String {
        document(&self.title, &self.paragraphs)
    }

    /// The content hash as 64 lower-case hex digits.
    pub(crate) fn hash_hex(&self) -> String {
        hex(&self.content_hash)
    }
}

/// Title, blank line, paragraphs joined by blank lines.
pub(crate) fn document(title: &str, paragraphs: &[String]) -> String {
    let mut doc = String::with_capacity(title.len() + paragraphs.iter().map(|p| p.len() + 2).sum::<usize>() + 2);
    doc.push_str(title);
    for p in paragraphs {
        doc.push_str("\n\n");
        doc.push_str(p);
    }
    doc
}

/// The content hash: SHA-256 of the words of title and paragraphs joined by single spaces, so
/// that whitespace of any kind and amount (line breaks, paragraph breaks) does not count.
pub(crate) fn document_hash(title: &str, paragraphs: &[String]) -> Hash {
    let mut h = Sha256::new();
    let words = std::iter::once(title)
        .chain(paragraphs.iter().map(String::as_str))
        .flat_map(str::split_whitespace);
    for (i, word) in words.enumerate() {
        if i > 0 {
            h.update(b" ");
        }
        h.update(word.as_bytes());
    }
    h.finalize().into()
}

/// SHA-256 of some bytes.
pub fn sha256(bytes: &[u8]) -> Hash {
    Sha256::digest(bytes).into()
}

/// Lower-case hex of a digest.
pub fn hex(hash: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(hash.len() * 2);
    for &b in hash {
        s.push(DIGITS[usize::from(b >> 4)] as char);
        s.push(DIGITS[usize::from(b & 15)] as char);
    }
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn hex_writes_two_lowercase_digits_per_byte() {
        assert_eq!(hex(&[0x00, 0x0f, 0xa5, 0xff]), "000fa5ff");
    }

    use super::*;

    #[test]
    fn hash_ignores_line_endings_and_furniture_and_matches_the_document() {
        let a = RawArticle {
            body: "Accessibility links\nعنوان\n\nنص أول\nنص ثان\nXS\n".into(),
            ..Default::default()
        };
        let b = RawArticle {
            body: "XS\r\nعنوان\r\nنص أول\r\n\r\nنص ثان\r\nlogo-print".into(),
            ..Default::default()
        };
        let (a, b) = (Article::from_raw(&a).unwrap(), Article::from_raw(&b).unwrap());
        assert_eq!(a.hash_hex(), b.hash_hex());
        assert_eq!(a.content_hash, sha256("عنوان نص أول نص ثان".as_bytes()));
        assert_eq!(a.document(), "عنوان\n\nنص أول\n\nنص ثان");
    }

    #[test]
    fn paragraphing_and_wrapping_do_not_change_the_hash() {
        // ANT, Alarabia/culture/AL-culture-590-20180715: one paragraph break moved, a line
        // re-wrapped, an extra blank line.
        let one = "هكذا ردت إليسا على اتهامها بالسرقة\n\nقررت الفنانة إليسا أن ترد على كل ما أثير حولها.\n\nبعد الجدل الذي تسببت فيه أغنيتها الجديدة";
        let other = "هكذا ردت إليسا على اتهامها بالسرقة\n\nقررت الفنانة إليسا أن ترد\nعلى كل ما أثير حولها. بعد الجدل\n\n\n\nالذي تسببت فيه أغنيتها الجديدة";
        let article = |body: &str| {
            Article::from_raw(&RawArticle {
                body: body.into(),
                ..Default::default()
            })
            .unwrap()
        };
        let (a, b) = (article(one), article(other));
        assert_eq!(a.hash_hex(), b.hash_hex());
        assert_ne!(a.paragraphs, b.paragraphs, "paragraphs are kept as they came");
        assert_ne!(a.hash_hex(), article(&one.replace("الجديدة", "القديمة")).hash_hex());
    }
}
