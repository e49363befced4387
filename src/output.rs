//! Rendering results for people and programs: `table` (aligned columns, long cells cut),
//! `json` (one array, or one object for a single record), `ndjson` (one object per line) and
//! `csv` (RFC 4180 quoting, arrays joined with `; `).

use std::io::{self, Write};

use serde::Serialize;
use serde_json::{Map, Value};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Aligned columns for a terminal.
    #[default]
    Table,
    /// One JSON document.
    Json,
    /// One JSON object per line.
    Ndjson,
    /// Comma-separated values with a header row.
    Csv,
}

/// Widest a table cell gets before it is cut with `…`.
const MAX_CELL: usize = 60;

fn to_objects<T: Serialize>(rows: &[T]) -> Vec<Map<String, Value>> {
    rows.iter()
        .map(|r| match serde_json::to_value(r) {
            Ok(Value::Object(m)) => m,
            Ok(other) => {
                let mut m = Map::new();
                m.insert("value".into(), other);
                m
            }
            Err(e) => {
                let mut m = Map::new();
                m.insert("error".into(), Value::from(e.to_string()));
                m
            }
        })
        .collect()
}

/// A cell's text: strings as they are, arrays joined with `; `, null empty.
fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(cell).collect::<Vec<_>>().join("; "),
        other => other.to_string(),
    }
}

fn cut(s: &str, max: usize) -> String {
    let one_line = s.replace('\n', " ");
    if one_line.chars().count() <= max {
        one_line
    } else {
        one_line.chars().take(max - 1).collect::<String>() + "…"
    }
}

/// Writes a listing.
pub fn list<T: Serialize>(out: &mut dyn Write, format: Format, rows: &[T]) -> io::Result<()> {
    let objects = to_objects(rows);
    let columns: Vec<String> = objects.first().map(|o| o.keys().cloned().collect()).unwrap_or_default();
    list_objects(out, format, &columns, &objects)
}

/// Writes a listing of JSON objects with the given column order.
pub fn list_objects(
    out: &mut dyn Write,
    format: Format,
    columns: &[String],
    rows: &[Map<String, Value>],
) -> io::Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, rows)?;
            writeln!(out)
        }
        Format::Ndjson => rows.iter().try_for_each(|r| ndjson_line(out, r)),
        Format::Csv => {
            csv_header(out, columns)?;
            rows.iter().try_for_each(|r| csv_line(out, columns, r))
        }
        Format::Table if rows.is_empty() => writeln!(out, "(no rows)"),
        Format::Table => table(out, columns, rows),
    }
}

/// One object on one line (NDJSON).
fn ndjson_line(out: &mut dyn Write, row: &Map<String, Value>) -> io::Result<()> {
    serde_json::to_writer(&mut *out, row)?;
    writeln!(out)
}

/// The CSV header line: the column names.
fn csv_header(out: &mut dyn Write, columns: &[String]) -> io::Result<()> {
    let header: Vec<String> = columns.iter().map(|c| csv_field(c)).collect();
    writeln!(out, "{}", header.join(","))
}

/// One row as a CSV line, its cells in column order (a missing one empty).
fn csv_line(out: &mut dyn Write, columns: &[String], row: &Map<String, Value>) -> io::Result<()> {
    let line: Vec<String> = columns
        .iter()
        .map(|c| csv_field(&row.get(c).map(cell).unwrap_or_default()))
        .collect();
    writeln!(out, "{}", line.join(","))
}

/// An aligned table: the header, a rule, and each row's cells cut to [`MAX_CELL`] characters.
fn table(out: &mut dyn Write, columns: &[String], rows: &[Map<String, Value>]) -> io::Result<()> {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            columns
                .iter()
                .map(|c| cut(&r.get(c).map(cell).unwrap_or_default(), MAX_CELL))
                .collect()
        })
        .collect();
    let widths = column_widths(columns, &cells);
    let line = |items: &[String]| {
        items
            .iter()
            .zip(&widths)
            .map(|(s, w)| format!("{s}{}", " ".repeat(w - s.chars().count())))
            .collect::<Vec<_>>()
            .join("  ")
    };
    writeln!(out, "{}", line(columns).trim_end())?;
    writeln!(
        out,
        "{}",
        widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>().join("  ")
    )?;
    for row in &cells {
        writeln!(out, "{}", line(row).trim_end())?;
    }
    Ok(())
}

/// Each column's width in characters: its widest cell or its name.
fn column_widths(columns: &[String], cells: &[Vec<String>]) -> Vec<usize> {
    columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            cells
                .iter()
                .map(|row| row[i].chars().count())
                .max()
                .unwrap_or(0)
                .max(c.chars().count())
        })
        .collect()
}

/// Rows a table shows at most when they are streamed ([`ObjectStream`]); the other formats
/// print every row.
pub const TABLE_PAGE: usize = 1000;

/// A listing written row by row as rows arrive (users' SQL): JSON, NDJSON and CSV go straight
/// out, so memory stays flat whatever the result; a table needs its column widths, so it keeps
/// at most [`TABLE_PAGE`] rows and stops the query there.
pub struct ObjectStream<'a> {
    out: &'a mut dyn Write,
    format: Format,
    columns: Vec<String>,
    rows: usize,
    page: Vec<Map<String, Value>>,
    /// Whether the table stopped at [`TABLE_PAGE`] rows.
    pub truncated: bool,
}

impl<'a> ObjectStream<'a> {
    /// A stream writing to `out` in `format`.
    pub fn new(out: &'a mut dyn Write, format: Format) -> ObjectStream<'a> {
        ObjectStream {
            out,
            format,
            columns: Vec::new(),
            rows: 0,
            page: Vec::new(),
            truncated: false,
        }
    }

    /// Ends the listing (the closing bracket, or the table itself).
    pub fn finish(self) -> io::Result<bool> {
        match self.format {
            Format::Json if self.rows == 0 => writeln!(self.out, "[]")?,
            Format::Json => writeln!(self.out, "\n]")?,
            Format::Table => list_objects(self.out, Format::Table, &self.columns, &self.page)?,
            Format::Ndjson | Format::Csv => {}
        }
        Ok(self.truncated)
    }
}

impl crate::store::sql::RowSink for ObjectStream<'_> {
    fn columns(&mut self, columns: &[String]) -> io::Result<()> {
        self.columns = columns.to_vec();
        if self.format == Format::Csv {
            csv_header(self.out, columns)?;
        }
        Ok(())
    }

    fn row(&mut self, row: Map<String, Value>) -> io::Result<bool> {
        self.rows += 1;
        match self.format {
            Format::Json => {
                // As `to_writer_pretty` prints an array: each object indented by two spaces.
                let text = serde_json::to_string_pretty(&row)?;
                let sep = if self.rows == 1 { "[\n" } else { ",\n" };
                let indented: Vec<String> = text.lines().map(|l| format!("  {l}")).collect();
                write!(self.out, "{sep}{}", indented.join("\n"))?;
            }
            Format::Ndjson => ndjson_line(self.out, &row)?,
            Format::Csv => csv_line(self.out, &self.columns, &row)?,
            Format::Table if self.page.len() == TABLE_PAGE => {
                self.truncated = true;
                return Ok(false);
            }
            Format::Table => self.page.push(row),
        }
        Ok(true)
    }
}

/// Writes a single record: a JSON object, or `key: value` lines for a table.
pub fn one<T: Serialize>(out: &mut dyn Write, format: Format, record: &T) -> io::Result<()> {
    let obj = to_objects(std::slice::from_ref(record)).pop().unwrap_or_default();
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &obj)?;
            writeln!(out)
        }
        Format::Ndjson => ndjson_line(out, &obj),
        Format::Csv => {
            let columns: Vec<String> = obj.keys().cloned().collect();
            list_objects(out, format, &columns, &[obj])
        }
        Format::Table => {
            let width = obj.keys().map(|k| k.chars().count()).max().unwrap_or(0);
            for (k, v) in &obj {
                match v {
                    Value::String(s) if s.contains('\n') => writeln!(out, "{k}:\n{s}")?,
                    Value::Array(items) if items.iter().any(Value::is_object) => {
                        writeln!(out, "{k}: {}", items.len())?;
                        for item in items {
                            writeln!(out, "  - {}", cut(&cell_object(item), 140))?;
                        }
                    }
                    _ => writeln!(out, "{k:width$}  {}", cell(v))?,
                }
            }
            Ok(())
        }
    }
}

fn cell_object(v: &Value) -> String {
    match v {
        Value::Object(m) => m
            .iter()
            .filter(|(_, v)| !v.is_null())
            .map(|(k, v)| format!("{k}={}", cell(v)))
            .collect::<Vec<_>>()
            .join(" "),
        other => cell(other),
    }
}

/// One block per value, its height scaled to the largest (`▁` … `█`); a zero is a space.
pub fn sparkline(values: &[u64]) -> Vec<char> {
    const BLOCKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let max = values.iter().copied().max().unwrap_or(0).max(1);
    values
        .iter()
        .map(|&v| match v {
            0 => ' ',
            v => BLOCKS[((v * 8).div_ceil(max) as usize).clamp(1, 8) - 1],
        })
        .collect()
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Row {
        id: i64,
        name: String,
        aliases: Vec<String>,
    }

    #[test]
    fn renders_every_format() {
        let rows = vec![Row {
            id: 1,
            name: "Sergey Lavrov".into(),
            aliases: vec!["لافروف".into(), "Lavrov, S.".into()],
        }];
        let render = |f| {
            let mut out = Vec::new();
            list(&mut out, f, &rows).unwrap();
            String::from_utf8(out).unwrap()
        };
        assert_eq!(
            render(Format::Csv),
            "id,name,aliases\n1,Sergey Lavrov,\"لافروف; Lavrov, S.\"\n"
        );
        assert_eq!(
            render(Format::Ndjson),
            "{\"id\":1,\"name\":\"Sergey Lavrov\",\"aliases\":[\"لافروف\",\"Lavrov, S.\"]}\n"
        );
        assert!(render(Format::Table).starts_with("id  name           aliases\n--  "));
    }

    #[test]
    fn sparkline_scales_to_the_largest_value_and_leaves_zeros_blank() {
        let line: String = sparkline(&[0, 1, 4, 8, 3]).into_iter().collect();
        assert_eq!(line, " ▁▄█▃");
        let flat: String = sparkline(&[5, 5]).into_iter().collect();
        assert_eq!(flat, "██");
        assert!(sparkline(&[]).is_empty());
    }
}
