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

/// A tag: its lower-case name, what follows the name up to `>`, and whether it closes.
struct Tag<'a> {
    name: String,
    body: &'a str,
    closing: bool,
}

impl<'a> Tag<'a> {
    /// The tag between `<` and `>`, or `None` without a name (`<!DOCTYPE`, `< 3`).
    fn of(tag: &'a str) -> Option<Tag<'a>> {
        let closing = tag.starts_with('/');
        let body = tag.trim_start_matches('/');
        let name: String = body
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        (!name.is_empty()).then_some(Tag { name, body, closing })
    }
}

/// The state of a page being read tag by tag into a [`Document`].
struct Parser {
    doc: Document,
    /// Stack of open elements: (name, node id).
    stack: Vec<(String, usize)>,
    next_id: usize,
    /// The stack depth of the skipped element (navigation, footer…) the text is in, if any.
    skip_depth: Option<usize>,
    /// The text since the last block boundary.
    text: String,
    /// The `title` or `h1` the text belongs to.
    text_owner: Option<String>,
    in_paragraph: bool,
    /// The element that holds the open paragraph: paragraphs are weighed by their container.
    paragraph_parent: usize,
}

impl Parser {
    fn new() -> Parser {
        Parser {
            doc: Document {
                blocks: Vec::new(),
                metas: Vec::new(),
                links: Vec::new(),
                firsts: Vec::new(),
                lang: None,
            },
            stack: vec![("#root".into(), 0)],
            next_id: 1,
            skip_depth: None,
            text: String::new(),
            text_owner: None,
            in_paragraph: false,
            paragraph_parent: 0,
        }
    }

    /// The innermost open element's id.
    fn top(&self) -> usize {
        self.stack.last().map_or(0, |s| s.1)
    }

    /// One tag: a block boundary ends the text before it; an element opens or closes.
    fn tag(&mut self, tag: Tag) {
        if !tag.closing {
            self.doc.head_tag(&tag);
        }
        let name = tag.name.as_str();
        if BLOCKS.contains(&name) || (tag.closing && self.text_owner.as_deref() == Some(name)) {
            let parent = if self.in_paragraph {
                self.paragraph_parent
            } else {
                self.top()
            };
            self.flush(parent);
        }
        if VOID.contains(&name) || tag.body.ends_with('/') {
            return;
        }
        if tag.closing {
            self.close(name);
        } else {
            self.open(tag.name);
        }
    }

    /// The text so far as a block of `parent`.
    fn flush(&mut self, parent: usize) {
        let skipped = self.skip_depth.is_some();
        self.doc
            .flush(&mut self.text, parent, self.in_paragraph, skipped, &self.text_owner);
        self.text_owner = None;
    }

    fn open(&mut self, name: String) {
        if SKIPPED.contains(&name.as_str()) && self.skip_depth.is_none() {
            self.skip_depth = Some(self.stack.len());
        }
        if name == "p" {
            self.in_paragraph = true;
            self.paragraph_parent = self.top();
        }
        if matches!(name.as_str(), "title" | "h1") {
            self.text_owner = Some(name.clone());
        }
        self.stack.push((name, self.next_id));
        self.next_id += 1;
    }

    /// Closes the innermost open element of that name and those inside it.
    fn close(&mut self, name: &str) {
        if let Some(pos) = self.stack.iter().rposition(|(n, _)| n == name) {
            self.stack.truncate(pos.max(1));
            if self.skip_depth.is_some_and(|d| self.stack.len() <= d) {
                self.skip_depth = None;
            }
        }
        if name == "p" {
            self.in_paragraph = false;
        }
    }

    /// The page read: the text left over is the last block.
    fn finish(mut self) -> Document {
        self.flush(self.top());
        self.doc
    }
}

impl Document {
    fn parse(html: &str) -> Document {
        let mut parser = Parser::new();
        let mut i = 0;
        let bytes = html.as_bytes();
        while i < html.len() {
            if bytes[i] != b'<' {
                let next = html[i..].find('<').map_or(html.len(), |e| i + e);
                parser.text.push_str(&html[i..next]);
                i = next;
                continue;
            }
            if html[i..].starts_with("<!--") {
                i = html[i..].find("-->").map_or(html.len(), |e| i + e + 3);
                continue;
            }
            let Some(end) = html[i..].find('>').map(|e| i + e) else {
                break;
            };
            let tag = Tag::of(&html[i + 1..end]);
            i = end + 1;
            let Some(tag) = tag else {
                continue;
            };
            if matches!(tag.name.as_str(), "script" | "style") && !tag.closing {
                // Raw text elements: jump to their end tag.
                let close = format!("</{}", tag.name);
                let lower_rest = html[i..].to_ascii_lowercase();
                i = lower_rest.find(&close).map_or(html.len(), |e| i + e);
                continue;
            }
            parser.tag(tag);
        }
        parser.finish()
    }

    /// What an opening `meta`, `link` or `html` tag says about the page.
    fn head_tag(&mut self, tag: &Tag) {
        match tag.name.as_str() {
            "meta" => {
                let key = attr(tag.body, "property")
                    .or_else(|| attr(tag.body, "name"))
                    .or_else(|| attr(tag.body, "itemprop"));
                if let (Some(k), Some(v)) = (key, attr(tag.body, "content")) {
                    self.metas.push((k.to_ascii_lowercase(), unescape(&v)));
                }
            }
            "link" => {
                if let (Some(rel), Some(href)) = (attr(tag.body, "rel"), attr(tag.body, "href")) {
                    self.links.push((rel.to_ascii_lowercase(), unescape(&href)));
                }
            }
            "html" => self.lang = attr(tag.body, "lang").map(|l| l.to_ascii_lowercase()),
            _ => {}
        }
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
