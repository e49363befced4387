//! Reading inputs: walking paths, detecting each file's format from its content, and splitting a
//! file into raw article records. Nothing here cleans or normalizes text beyond decoding it;
//! that is `crate::clean`'s and [`crate::normalize`]'s job.
//!
//! Formats: TREC-style `<DOC>` files (`trec`), JSON objects/arrays and JSON Lines (`json`),
//! HTML pages (`html`) and plain text or Markdown pages (`text`).

pub mod decode;
pub(crate) mod html;
pub(crate) mod json;
pub(crate) mod text;
pub(crate) mod trec;
mod walk;

pub use walk::InputFile;
pub(crate) use walk::{path_text, walk};

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

/// The format an input file was recognized as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text or Markdown: the first real line is the title.
    Text,
    /// TREC-style `<DOC>` records.
    Trec,
    /// One JSON object or an array of objects.
    Json,
    /// One JSON object per line.
    JsonLines,
    /// An HTML page.
    Html,
}

impl Format {
    /// The name stored in the database and shown to users.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Trec => "trec",
            Format::Json => "json",
            Format::JsonLines => "jsonl",
            Format::Html => "html",
        }
    }
}

/// One article as the input gives it, before cleaning.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct RawArticle {
    /// Where in the file the record sits (a DOCNO, a JSON id or `[index]`, `line N`); `None`
    /// for single-article files.
    pub record: Option<String>,
    /// The title, when the format names one; for plain text it is found by cleaning.
    pub title: Option<String>,
    /// The body text, paragraphs separated by newlines.
    pub body: String,
    /// The article's own URL.
    pub url: Option<String>,
    /// Publication time, ISO 8601 (UTC `...Z` when a time is known, `YYYY-MM-DD` otherwise).
    pub published_at: Option<String>,
    /// The outlet or source name.
    pub outlet: Option<String>,
    /// The byline.
    pub author: Option<String>,
    /// The language the input declares.
    pub lang: Option<String>,
    /// A section or category the input declares.
    pub category: Option<String>,
}

/// A record of a multi-record file that could not be read; the other records still count.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordError {
    /// Where in the file (same form as [`RawArticle::record`]).
    pub record: Option<String>,
    /// Why it was refused.
    pub reason: String,
}

/// What one file yields: its format and its records, good and bad.
#[derive(Debug)]
pub struct Parsed {
    /// The format the content was recognized as.
    pub format: Format,
    /// One entry per record, in file order.
    pub records: Vec<Result<RawArticle, RecordError>>,
}

/// Detects the format of decoded `text` from its content, using the file name only to break
/// ties (`.jsonl`/`.ndjson`, `.html`).
pub(crate) fn detect(text: &str, name: &str) -> Format {
    let start = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let lower_name = name.to_ascii_lowercase();
    if start.starts_with("<DOC>") || start.starts_with("<DOC ") {
        return Format::Trec;
    }
    if start.starts_with('{') || start.starts_with('[') {
        if lower_name.ends_with(".jsonl") || lower_name.ends_with(".ndjson") {
            return Format::JsonLines;
        }
        // Several lines that each start an object: JSON Lines.
        let object_lines = start
            .lines()
            .filter(|l| l.trim_start().starts_with('{'))
            .take(2)
            .count();
        if start.starts_with('{') && object_lines > 1 && serde_json::from_str::<serde_json::Value>(start).is_err() {
            return Format::JsonLines;
        }
        return Format::Json;
    }
    let head: String = start.chars().take(512).collect::<String>().to_ascii_lowercase();
    if head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.contains("<html")
        || lower_name.ends_with(".html")
        || lower_name.ends_with(".htm")
    {
        return Format::Html;
    }
    Format::Text
}

/// Splits decoded `text` into raw article records according to its detected format.
pub fn parse(text: &str, name: &str) -> Parsed {
    let format = detect(text, name);
    let records = match format {
        Format::Trec => trec::parse(text),
        Format::Json => json::parse_document(text),
        Format::JsonLines => json::parse_lines(text),
        Format::Html => vec![html::parse(text)],
        Format::Text => vec![text::parse(text)],
    };
    Parsed { format, records }
}

/// Parses the date forms news inputs use into ISO 8601: RFC 2822 (`Sat, 17 Mar 2018 06:15:49
/// GMT`), RFC 3339, `YYYY-MM-DD HH:MM[:SS]`, `YYYY-MM-DD`, `YYYY/MM/DD`, and Unix seconds.
/// Times are converted to UTC. Returns `None` for anything else.
pub(crate) fn parse_date(raw: &str) -> Option<String> {
    let s = raw.trim();
    if s.is_empty() {
        return None;
    }
    let utc = |dt: DateTime<Utc>| dt.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(utc(dt.with_timezone(&Utc)));
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(utc(dt.with_timezone(&Utc)));
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(utc(dt.and_utc()));
        }
    }
    for fmt in ["%Y-%m-%d", "%Y/%m/%d", "%d/%m/%Y", "%B %d, %Y", "%d %B %Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(s, fmt) {
            return Some(d.format("%Y-%m-%d").to_string());
        }
    }
    if let Ok(secs) = s.parse::<i64>()
        && (100_000_000..10_000_000_000).contains(&secs)
    {
        return DateTime::from_timestamp(secs, 0).map(utc);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_news_dates() {
        assert_eq!(
            parse_date("Sat, 17 Mar 2018 06:15:49 GMT").as_deref(),
            Some("2018-03-17T06:15:49Z")
        );
        assert_eq!(
            parse_date("Sun, 15 Jul 2018 21:56:56 +0400").as_deref(),
            Some("2018-07-15T17:56:56Z")
        );
        assert_eq!(parse_date("2013-08-09").as_deref(), Some("2013-08-09"));
        assert_eq!(
            parse_date("2013-08-09T10:00:00+02:00").as_deref(),
            Some("2013-08-09T08:00:00Z")
        );
        assert_eq!(parse_date("yesterday"), None);
    }

    #[test]
    fn detects_formats_from_content() {
        assert_eq!(detect("<DOC>\n<DOCNO>x</DOCNO>", "a.txt"), Format::Trec);
        assert_eq!(detect("[{\"title\":\"x\"}]", "a.txt"), Format::Json);
        assert_eq!(detect("{\"a\":1}\n{\"a\":2}\n", "a.txt"), Format::JsonLines);
        assert_eq!(detect("<!DOCTYPE html><html>", "a"), Format::Html);
        assert_eq!(detect("عنوان\n\nنص", "a.json"), Format::Text);
    }
}
