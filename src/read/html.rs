//! HTML pages: the title from `og:title`, `<title>` or the first `<h1>`; the URL from the
//! canonical link or `og:url`; the date and language from the usual meta tags; the body from the
//! paragraphs of the element that holds most paragraph text (a small readability-style rule),
//! with scripts, styles, navigation, headers, footers, asides and forms dropped.

use super::{RawArticle, RecordError, parse_date, trec::unescape};

/// Reads one HTML page as one article.
pub(crate) fn parse(html: &str) -> Result<RawArticle, RecordError> {
    let doc = Document::parse(html);
    let title = doc
        .meta(&["og:title", "twitter:title"])
        .or_else(|| doc.first_text("title"))
        .or_else(|| doc.first_text("h1"));
    let body = doc.main_text();
    if body.trim().is_empty() && title.is_none() {
        return Err(RecordError {
            record: None,
            reason: "HTML page has no title and no paragraph text".into(),
        });
    }
    Ok(RawArticle {
        record: None,
        title,
        body,
        url: doc.canonical().or_else(|| doc.meta(&["og:url"])),
        published_at: doc
            .meta(&[
                "article:published_time",
                "pubdate",
                "publishdate",
                "date",
                "dc.date",
                "og:published_time",
                "datePublished",
            ])
            .and_then(|d| parse_date(&d)),
        outlet: doc.meta(&["og:site_name"]),
        author: doc.meta(&["author", "article:author"]),
        lang: doc.lang.clone(),
        category: doc.meta(&["article:section"]),
    })
}

/// A flat view of an HTML page: its tags in order, enough for the rules above.
struct Document {
    /// (depth-tracked container path id, paragraph text) for each block of text.
    blocks: Vec<Block>,
    metas: Vec<(String, String)>,
    links: Vec<(String, String)>,
    firsts: Vec<(String, String)>,
    lang: Option<String>,
}

struct Block {
    parent: usize,
    text: String,
    is_paragraph: bool,
}

const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "svg", "iframe", "button", "select",
    "template", "figure",
];
const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "div",
    "td",
    "section",
    "article",
    "pre",
    "br",
    "tr",
    "ul",
    "ol",
    "table",
    "dd",
    "dt",
];
const VOID: &[&str] = &[
    "br", "img", "meta", "link", "input", "hr", "area", "base", "col", "embed", "source", "track", "wbr",
];

impl Document {
    fn parse(html: &str) -> Document {
        let mut doc = Document {
            blocks: Vec::new(),
            metas: Vec::new(),
            links: Vec::new(),
            firsts: Vec::new(),
            lang: None,
        };
        // Stack of open elements: (name, node id).
        let mut stack: Vec<(String, usize)> = vec![("#root".into(), 0)];
        let mut next_id = 1;
        let mut skip_depth: Option<usize> = None;
        let mut text = String::new();
        let mut text_owner: Option<String> = None;
        let mut in_paragraph = false;
        // The element that holds the open paragraph: paragraphs are weighed by their container.
        let mut paragraph_parent = 0;
        let mut i = 0;
        let bytes = html.as_bytes();
        while i < html.len() {
            if bytes[i] == b'<' {
                if html[i..].starts_with("<!--") {
                    i = html[i..].find("-->").map_or(html.len(), |e| i + e + 3);
                    continue;
                }
                let Some(end) = html[i..].find('>').map(|e| i + e) else {
                    break;
                };
                let tag = &html[i + 1..end];
                i = end + 1;
                let closing = tag.starts_with('/');
                let tag_body = tag.trim_start_matches('/');
                let name: String = tag_body
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect::<String>()
                    .to_ascii_lowercase();
                if name.is_empty() {
                    continue;
                }
                if matches!(name.as_str(), "script" | "style") && !closing {
                    // Raw text elements: jump to their end tag.
                    let close = format!("</{name}");
                    let lower_rest = html[i..].to_ascii_lowercase();
                    i = lower_rest.find(&close).map_or(html.len(), |e| i + e);
                    continue;
                }
                if !closing {
                    if name == "meta" {
                        let key = attr(tag_body, "property")
                            .or_else(|| attr(tag_body, "name"))
                            .or_else(|| attr(tag_body, "itemprop"));
                        if let (Some(k), Some(v)) = (key, attr(tag_body, "content")) {
                            doc.metas.push((k.to_ascii_lowercase(), unescape(&v)));
                        }
                    } else if name == "link" {
                        if let (Some(rel), Some(href)) = (attr(tag_body, "rel"), attr(tag_body, "href")) {
                            doc.links.push((rel.to_ascii_lowercase(), unescape(&href)));
                        }
                    } else if name == "html" {
                        doc.lang = attr(tag_body, "lang").map(|l| l.to_ascii_lowercase());
                    }
                }
                if BLOCKS.contains(&name.as_str()) || (closing && text_owner.as_deref() == Some(name.as_str())) {
                    let parent = if in_paragraph {
                        paragraph_parent
                    } else {
                        stack.last().map_or(0, |s| s.1)
                    };
                    doc.flush(&mut text, parent, in_paragraph, skip_depth.is_some(), &text_owner);
                    text_owner = None;
                }
                if VOID.contains(&name.as_str()) || tag_body.ends_with('/') {
                    continue;
                }
                if closing {
                    if let Some(pos) = stack.iter().rposition(|(n, _)| *n == name) {
                        stack.truncate(pos.max(1));
                        if skip_depth.is_some_and(|d| stack.len() <= d) {
                            skip_depth = None;
                        }
                    }
                    if name == "p" {
                        in_paragraph = false;
                    }
                } else {
                    if SKIPPED.contains(&name.as_str()) && skip_depth.is_none() {
                        skip_depth = Some(stack.len());
                    }
                    if name == "p" {
                        in_paragraph = true;
                        paragraph_parent = stack.last().map_or(0, |s| s.1);
                    }
                    if matches!(name.as_str(), "title" | "h1") {
                        text_owner = Some(name.clone());
                    }
                    stack.push((name, next_id));
                    next_id += 1;
                }
            } else {
                let next = html[i..].find('<').map_or(html.len(), |e| i + e);
                text.push_str(&html[i..next]);
                i = next;
            }
        }
        doc.flush(
            &mut text,
            stack.last().map_or(0, |s| s.1),
            in_paragraph,
            skip_depth.is_some(),
            &text_owner,
        );
        doc
    }

    fn flush(&mut self, text: &mut String, parent: usize, is_paragraph: bool, skipped: bool, owner: &Option<String>) {
        let cleaned = crate::normalize::collapse_spaces(&unescape(text));
        text.clear();
        if cleaned.is_empty() {
            return;
        }
        if let Some(owner) = owner
            && !self.firsts.iter().any(|(n, _)| n == owner)
        {
            self.firsts.push((owner.clone(), cleaned.clone()));
            if owner == "title" {
                return;
            }
        }
        if !skipped {
            self.blocks.push(Block {
                parent,
                text: cleaned,
                is_paragraph,
            });
        }
    }

    fn meta(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| {
            let k = k.to_ascii_lowercase();
            self.metas
                .iter()
                .find(|(mk, v)| *mk == k && !v.trim().is_empty())
                .map(|(_, v)| v.trim().to_owned())
        })
    }

    fn canonical(&self) -> Option<String> {
        self.links
            .iter()
            .find(|(rel, _)| rel == "canonical")
            .map(|(_, h)| h.clone())
    }

    fn first_text(&self, tag: &str) -> Option<String> {
        self.firsts.iter().find(|(n, _)| n == tag).map(|(_, t)| t.clone())
    }

    /// The paragraphs under the container with the most paragraph text; when the page has no
    /// `<p>` at all, every text block long enough to be prose.
    fn main_text(&self) -> String {
        use std::collections::HashMap;
        let mut weight: HashMap<usize, usize> = HashMap::new();
        for b in self
            .blocks
            .iter()
            .filter(|b| b.is_paragraph && b.text.chars().count() >= 40)
        {
            *weight.entry(b.parent).or_default() += b.text.chars().count();
        }
        let chosen: Vec<&str> = match weight.into_iter().max_by_key(|(id, w)| (*w, std::cmp::Reverse(*id))) {
            Some((best, _)) => self
                .blocks
                .iter()
                .filter(|b| b.is_paragraph && (b.parent == best || b.text.chars().count() >= 80))
                .map(|b| b.text.as_str())
                .collect(),
            None => self
                .blocks
                .iter()
                .filter(|b| b.text.split_whitespace().count() >= 8)
                .map(|b| b.text.as_str())
                .collect(),
        };
        chosen.join("\n\n")
    }
}

/// The value of attribute `name` in a tag's inside text.
fn attr(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = lower[from..].find(name).map(|p| p + from) {
        let before_ok = pos == 0 || lower.as_bytes()[pos - 1].is_ascii_whitespace();
        let rest = lower[pos + name.len()..].trim_start();
        if before_ok && rest.starts_with('=') {
            let value_start = tag.len() - rest.len() + 1;
            let v = tag[value_start..].trim_start();
            return Some(match v.chars().next() {
                Some(q @ ('"' | '\'')) => v[1..].split(q).next().unwrap_or("").to_owned(),
                _ => v
                    .split(|c: char| c.is_whitespace() || c == '>')
                    .next()
                    .unwrap_or("")
                    .to_owned(),
            });
        }
        from = pos + name.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_title_meta_and_main_paragraphs() {
        let html = r#"<!DOCTYPE html><html lang="ar"><head><title>عنوان الصفحة</title>
            <meta property="og:url" content="http://example.com/a"><meta name="pubdate" content="2013-08-03">
            </head><body><nav><p>القائمة الرئيسية الطويلة التي لا علاقة لها بالمقال على الإطلاق</p></nav>
            <div id="story"><p>الفقرة الأولى من المقال وهي طويلة بما يكفي لتكون نصا حقيقيا.</p>
            <p>الفقرة الثانية من المقال وهي أيضا طويلة بما يكفي لتحسب.</p></div>
            <script>var x = "<p>not text</p>";</script></body></html>"#;
        let a = parse(html).unwrap();
        assert_eq!(a.title.as_deref(), Some("عنوان الصفحة"));
        assert_eq!(a.url.as_deref(), Some("http://example.com/a"));
        assert_eq!(a.published_at.as_deref(), Some("2013-08-03"));
        assert_eq!(a.lang.as_deref(), Some("ar"));
        assert_eq!(a.body.split("\n\n").count(), 2, "{:?}", a.body);
        assert!(!a.body.contains("القائمة"));
    }
}
