//! JSON inputs: one object, an array of objects, or JSON Lines (one object per line). Fields are
//! found by their usual names: title; text|content|body; url|link; date|published|published_at|
//! date_extracted|time; source|outlet; author; lang; id.

use serde_json::{Map, Value};

use super::{RawArticle, RecordError, parse_date};

/// Reads a JSON document holding one article object or an array of them.
pub(crate) fn parse_document(text: &str) -> Vec<Result<RawArticle, RecordError>> {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(items)) if items.is_empty() => {
            vec![Err(RecordError {
                record: None,
                reason: "empty JSON array: no articles".into(),
            })]
        }
        Ok(Value::Array(items)) => items
            .into_iter()
            .enumerate()
            .map(|(i, v)| article(v, format!("[{i}]")))
            .collect(),
        Ok(value) => vec![article(value, String::new())],
        Err(e) => vec![Err(RecordError {
            record: None,
            reason: format!("invalid JSON: {e}"),
        })],
    }
}

/// Reads JSON Lines: each non-blank line is one article object; a bad line is a record error.
pub(crate) fn parse_lines(text: &str) -> Vec<Result<RawArticle, RecordError>> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, line)| {
            let location = format!("line {}", i + 1);
            match serde_json::from_str::<Value>(line) {
                Ok(v) => article(v, location),
                Err(e) => Err(RecordError {
                    record: Some(location),
                    reason: format!("invalid JSON: {e}"),
                }),
            }
        })
        .collect()
}

fn article(value: Value, location: String) -> Result<RawArticle, RecordError> {
    let Value::Object(obj) = value else {
        return Err(RecordError {
            record: Some(location).filter(|l| !l.is_empty()),
            reason: "expected a JSON object for an article".into(),
        });
    };
    let record = record_name(&obj, location);
    let typed = |keys: &[&str]| {
        text_field(&obj, keys).map_err(|reason| RecordError {
            record: record.clone(),
            reason,
        })
    };
    let body = typed(&["text", "content", "body", "article", "maintext", "description"])?.unwrap_or_default();
    let title = typed(&["title", "headline"])?;
    if body.trim().is_empty() && title.as_deref().is_none_or(|t| t.trim().is_empty()) {
        return Err(RecordError {
            record,
            reason: "the object has no title and no text/content/body".into(),
        });
    }
    Ok(RawArticle {
        record,
        title,
        body,
        ..metadata(&obj)
    })
}

/// The record is named by its id when it has one, else by its position (`location`).
fn record_name(obj: &Map<String, Value>, location: String) -> Option<String> {
    match string(obj, &["id", "_id", "docno", "guid"]) {
        Some(id) => Some(id),
        None if location.is_empty() => None,
        None => Some(location),
    }
}

/// The article's URL, date, outlet, author, language and category, under the names news
/// datasets give them.
fn metadata(obj: &Map<String, Value>) -> RawArticle {
    RawArticle {
        url: string(obj, &["url", "link", "source_url", "uri"]),
        published_at: string(
            obj,
            &[
                "published_at",
                "published",
                "date_publish",
                "date",
                "time",
                "date_extracted",
                "pubDate",
            ],
        )
        .and_then(|d| parse_date(&d)),
        outlet: string(obj, &["outlet", "source", "source_domain", "publisher", "site"]),
        author: string(obj, &["author", "authors", "byline"]),
        lang: string(obj, &["lang", "language"]),
        category: string(obj, &["category", "section", "cat"]),
        ..RawArticle::default()
    }
}

/// The first of `keys` present and not null, for the title and the text: a string, or an array
/// of strings (paragraphs, joined by newlines). Any other type is an error naming the field, so
/// a record is never stored without the text it was given.
fn text_field(obj: &Map<String, Value>, keys: &[&str]) -> Result<Option<String>, String> {
    let Some((key, value)) = keys
        .iter()
        .find_map(|k| obj.get(*k).filter(|v| !v.is_null()).map(|v| (*k, v)))
    else {
        return Ok(None);
    };
    let wrong = |what: &str| {
        Err(format!(
            "field `{key}` is {what}; expected a string or an array of strings"
        ))
    };
    match value {
        Value::String(s) => Ok(Some(s.clone())),
        Value::Array(items) => {
            let parts: Option<Vec<&str>> = items.iter().map(Value::as_str).collect();
            match parts {
                Some(parts) => Ok(Some(parts.join("\n"))),
                None => wrong("an array with non-string items"),
            }
        }
        Value::Object(_) => wrong("an object"),
        Value::Number(_) => wrong("a number"),
        Value::Bool(_) => wrong("a boolean"),
        Value::Null => Ok(None),
    }
}

/// The first of `keys` present with a usable value: a string, a number, or an array of strings
/// (joined with ", "; an array of paragraphs would better be joined by newlines, which the body
/// keys get).
fn string(obj: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| match obj.get(*k)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(items) => {
            let parts: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
            let sep = if matches!(*k, "text" | "content" | "body" | "article" | "maintext") {
                "\n"
            } else {
                ", "
            };
            (!parts.is_empty()).then(|| parts.join(sep))
        }
        Value::Object(inner) => inner.get("name").and_then(Value::as_str).map(str::to_owned),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_of_the_wrong_type_is_an_error_naming_the_field() {
        let recs = parse_lines(
            "{\"id\":\"k1\",\"title\":\"t\",\"text\":{\"ar\":\"نص\"}}\n{\"title\":\"t\",\"text\":[\"a\",\"b\"]}",
        );
        let err = recs[0].as_ref().unwrap_err();
        assert_eq!(err.record.as_deref(), Some("k1"));
        assert!(err.reason.contains("field `text` is an object"), "{}", err.reason);
        assert_eq!(recs[1].as_ref().unwrap().body, "a\nb");
    }

    #[test]
    fn reads_arrays_objects_and_lines() {
        let recs = parse_document(r#"[{"title":"a","content":"b","link":"http://x","date":"2013-08-09"},{"x":1}]"#);
        let a = recs[0].as_ref().unwrap();
        assert_eq!(a.record.as_deref(), Some("[0]"));
        assert_eq!(a.url.as_deref(), Some("http://x"));
        assert_eq!(a.published_at.as_deref(), Some("2013-08-09"));
        assert!(recs[1].is_err());
        let recs = parse_lines("{\"id\":\"k1\",\"body\":\"x\"}\n\n{oops\n");
        assert_eq!(recs[0].as_ref().unwrap().record.as_deref(), Some("k1"));
        assert_eq!(recs[1].as_ref().unwrap_err().record.as_deref(), Some("line 3"));
        assert!(
            parse_document("{\"title\": \"x\"")[0]
                .as_ref()
                .unwrap_err()
                .reason
                .contains("invalid JSON")
        );
    }
}
