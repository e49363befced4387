//! Plain-text and Markdown pages, such as a scraped news page saved as text. The whole text is
//! the body; the title is found by [`crate::clean`] as the first real line. Markdown heading
//! marks and emphasis are stripped from line starts so `# Title` reads as `Title`.

use super::{RawArticle, RecordError};

/// Reads a plain-text page as one article whose title is still inside the body.
pub(crate) fn parse(text: &str) -> Result<RawArticle, RecordError> {
    if text.trim().is_empty() {
        return Err(RecordError {
            record: None,
            reason: "no text (only whitespace)".into(),
        });
    }
    let body = text
        .lines()
        .map(|line| {
            let t = line.trim_start();
            // A Markdown heading is `#`s followed by a space; `#tag` is a hashtag and stays.
            let hashes = t.len() - t.trim_start_matches('#').len();
            let t = if hashes > 0 && t[hashes..].starts_with(' ') {
                t[hashes..].trim_start()
            } else {
                t
            };
            // Markdown emphasis around a whole line (**Title**).
            let t = t.strip_prefix("**").and_then(|x| x.strip_suffix("**")).unwrap_or(t);
            if t.len() < line.trim_start().len() {
                t.to_owned()
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    Ok(RawArticle {
        body,
        ..RawArticle::default()
    })
}
