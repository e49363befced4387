//! TREC-style `<DOC>` files (the ANT corpus): one or many `<DOC>` records per file, each with
//! `DOCNO, URL, SRC, CAT, TITLE, TIME, AUTHOR, ABSTRACT, TEXT` fields.

use super::{RawArticle, RecordError, parse_date};

/// Splits a TREC file into records. A `<DOC>` without its `</DOC>` (at the end of the file, or
/// before the next `<DOC>`) or without any text is a record error; the other records are still
/// read, so one broken record never swallows the next.
pub(crate) fn parse(text: &str) -> Vec<Result<RawArticle, RecordError>> {
    let mut out = Vec::new();
    let mut rest = text;
    let mut index = 0;
    while let Some(start) = rest.find("<DOC>") {
        index += 1;
        let after = &rest[start + 5..];
        // Both searches stop at the next record, so a file is scanned once however it is broken.
        let next_open = after.find("<DOC>");
        let close = after[..next_open.unwrap_or(after.len())].find("</DOC>");
        match (close, next_open) {
            (Some(end), _) => {
                out.push(record(&after[..end], index));
                rest = &after[end + 6..];
            }
            (_, Some(open)) => {
                out.push(Err(unclosed(
                    &after[..open],
                    index,
                    "the next <DOC> starts before its </DOC>",
                )));
                rest = &after[open..];
            }
            (_, None) => {
                out.push(Err(unclosed(after, index, "no closing </DOC>")));
                break;
            }
        }
    }
    if out.is_empty() {
        out.push(Err(RecordError {
            record: None,
            reason: "no <DOC> record found".into(),
        }));
    }
    out
}

/// The error for a `<DOC>` that is not closed where it should be.
fn unclosed(doc: &str, index: usize, why: &str) -> RecordError {
    RecordError {
        record: field(doc, "DOCNO")
            .map(str::to_owned)
            .or_else(|| Some(format!("DOC {index}"))),
        reason: format!("truncated <DOC>: {why}"),
    }
}

fn record(doc: &str, index: usize) -> Result<RawArticle, RecordError> {
    let docno = field(doc, "DOCNO").map(str::to_owned);
    let record = docno.clone().or_else(|| Some(format!("DOC {index}")));
    let title = field(doc, "TITLE").map(unescape);
    let body = field(doc, "TEXT").map(unescape).unwrap_or_default();
    let body = if body.trim().is_empty() {
        // Some records carry their text only in the abstract.
        field(doc, "ABSTRACT").map(unescape).unwrap_or_default()
    } else {
        body
    };
    if title.as_deref().is_none_or(|t| t.trim().is_empty()) && body.trim().is_empty() {
        return Err(RecordError {
            record,
            reason: "<DOC> has neither a title nor a text".into(),
        });
    }
    let nonempty = |s: Option<&str>| s.map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);
    Ok(RawArticle {
        record,
        title,
        body,
        url: nonempty(field(doc, "URL")),
        published_at: field(doc, "TIME").and_then(parse_date),
        outlet: nonempty(field(doc, "SRC")),
        author: nonempty(field(doc, "AUTHOR")),
        lang: None,
        category: nonempty(field(doc, "CAT")),
    })
}

/// The trimmed content of the first `<NAME>…</NAME>` in `doc`.
fn field<'a>(doc: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}>");
    let close = format!("</{name}>");
    let start = doc.find(&open)? + open.len();
    let end = doc[start..].find(&close)? + start;
    Some(doc[start..end].trim())
}

/// Decodes the five XML entities and numeric character references.
pub(crate) fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        let semi = tail.find(';').filter(|&i| i <= 10);
        let decoded = semi.and_then(|i| match &tail[1..i] {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            ent if ent.starts_with("#x") || ent.starts_with("#X") => {
                u32::from_str_radix(&ent[2..], 16).ok().and_then(char::from_u32)
            }
            ent if ent.starts_with('#') => ent[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        });
        match (decoded, semi) {
            (Some(c), Some(i)) => {
                out.push(c);
                rest = &tail[i + 1..];
            }
            _ => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_several_docs_and_reports_a_truncated_one() {
        let text = "<DOC>\n<DOCNO>A-1</DOCNO>\n<URL>http://x/1</URL>\n<TITLE>عنوان</TITLE>\n\
                    <TIME>Sat, 17 Mar 2018 06:15:49 GMT</TIME>\n<TEXT>\nنص أول\n</TEXT>\n</DOC>\n\
                    <DOC>\n<DOCNO>A-2</DOCNO>\n<TITLE>ثان</TITLE>\n<TEXT>نص</TEXT>\n</DOC>\n\
                    <DOC>\n<DOCNO>A-3</DOCNO>\n<TITLE>مقطوع";
        let recs = parse(text);
        assert_eq!(recs.len(), 3);
        let first = recs[0].as_ref().unwrap();
        assert_eq!(first.record.as_deref(), Some("A-1"));
        assert_eq!(first.url.as_deref(), Some("http://x/1"));
        assert_eq!(first.published_at.as_deref(), Some("2018-03-17T06:15:49Z"));
        assert_eq!(first.body, "نص أول");
        assert_eq!(recs[2].as_ref().unwrap_err().record.as_deref(), Some("A-3"));
    }

    #[test]
    fn a_doc_left_open_does_not_swallow_the_next() {
        let text = "<DOC>\n<DOCNO>A-1</DOCNO>\n<TITLE>مقطوع</TITLE>\n<TEXT>نص\n\
                    <DOC>\n<DOCNO>A-2</DOCNO>\n<TITLE>ثان</TITLE>\n<TEXT>نص ثان</TEXT>\n</DOC>\n";
        let recs = parse(text);
        assert_eq!(recs.len(), 2);
        let err = recs[0].as_ref().unwrap_err();
        assert_eq!(err.record.as_deref(), Some("A-1"));
        assert!(err.reason.contains("before its </DOC>"), "{}", err.reason);
        let second = recs[1].as_ref().unwrap();
        assert_eq!(
            (second.record.as_deref(), second.body.as_str()),
            (Some("A-2"), "نص ثان")
        );
    }

    #[test]
    fn unescapes_entities() {
        assert_eq!(unescape("a &amp; b &#1587; &bogus"), "a & b س &bogus");
    }
}
