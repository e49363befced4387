//! Export: the database's tables as Parquet or JSON Lines files for DuckDB, Spark or Trino.
//! Tables whose rows belong to an article (articles, sources, mentions, statements, relations)
//! are partitioned Hive style by the article's month of publication
//! (`DIR/articles/month=2018-04/part-0.parquet`; undated articles go to
//! `month=__HIVE_DEFAULT_PARTITION__`, which readers take as a null month); the others are one
//! file each (`DIR/actors/part-0.parquet`). Rows are streamed from SQLite into row groups of
//! bounded size, so no table is held in memory. Each table is written into a fresh folder that
//! replaces the old one only when it is complete.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use parquet::basic::Compression;
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::Type;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::store::Store;
use crate::store::export::{Cell, ColType, Column, Month, Table};

/// The file format written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Apache Parquet (Snappy-compressed).
    Parquet,
    /// JSON Lines: one object per row.
    Jsonl,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Parquet => "parquet",
            Format::Jsonl => "jsonl",
        }
    }
}

/// The partition folder of undated articles, as Hive and Spark name a null partition value.
pub(crate) const NULL_PARTITION: &str = "__HIVE_DEFAULT_PARTITION__";

/// What was written for one table.
#[derive(Debug, Clone, Serialize)]
pub struct TableSummary {
    /// The table.
    pub table: String,
    /// Rows written.
    pub rows: u64,
    /// Files written.
    pub files: u64,
}

/// What an export did.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// The folder written.
    pub dir: String,
    /// `parquet` or `jsonl`.
    pub format: &'static str,
    /// One entry per table.
    pub tables: Vec<TableSummary>,
    /// Wall-clock seconds.
    pub seconds: f64,
}

/// Exports every table of `store` into `dir` as `format`; partitioned by month unless `single`.
pub fn export(store: &Store, dir: &Path, format: Format, single: bool) -> Result<Summary> {
    let started = Instant::now();
    std::fs::create_dir_all(dir).map_err(|source| io(dir, source))?;
    let (months, undated) = store.export_months()?;
    let mut parts: Vec<(Option<String>, Month)> = months
        .into_iter()
        .map(|m| (Some(format!("month={m}")), Month::Of(m)))
        .collect();
    if undated {
        parts.push((Some(format!("month={NULL_PARTITION}")), Month::Unknown));
    }
    let mut tables = Vec::new();
    for table in store.export_tables()? {
        let partitions = if table.by_month && !single {
            parts.clone()
        } else {
            vec![(None, Month::All)]
        };
        tables.push(export_table(store, dir, &table, format, &partitions)?);
    }
    Ok(Summary {
        dir: dir.display().to_string(),
        format: format.extension(),
        tables,
        seconds: started.elapsed().as_secs_f64(),
    })
}

fn io(path: &Path, source: std::io::Error) -> Error {
    Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Writes one table into `dir/<table>.partial`, then puts it in place of `dir/<table>`.
fn export_table(
    store: &Store,
    dir: &Path,
    table: &Table,
    format: Format,
    partitions: &[(Option<String>, Month)],
) -> Result<TableSummary> {
    let partial = dir.join(format!("{}.partial", table.name));
    if partial.exists() {
        std::fs::remove_dir_all(&partial).map_err(|e| io(&partial, e))?;
    }
    let mut summary = TableSummary {
        table: table.name.clone(),
        rows: 0,
        files: 0,
    };
    for (folder, month) in partitions {
        let folder = folder.as_ref().map_or(partial.clone(), |f| partial.join(f));
        let path = folder.join(format!("part-0.{}", format.extension()));
        let mut sink: Option<Box<dyn Sink>> = None;
        store.export_rows(table, month, &mut |cells| {
            if sink.is_none() {
                std::fs::create_dir_all(&folder).map_err(|e| io(&folder, e))?;
                sink = Some(open_sink(&path, table, format)?);
            }
            summary.rows += 1;
            sink.as_mut().expect("opened").row(cells)
        })?;
        if let Some(sink) = sink {
            sink.finish()?;
            summary.files += 1;
        }
    }
    if summary.files == 0 {
        // An empty table is still one (empty) file, so that readers find its columns.
        std::fs::create_dir_all(&partial).map_err(|e| io(&partial, e))?;
        let path = partial.join(format!("part-0.{}", format.extension()));
        open_sink(&path, table, format)?.finish()?;
        summary.files = 1;
    }
    replace(&partial, &dir.join(&table.name))?;
    Ok(summary)
}

/// Puts the finished folder `from` in place of `to`, which may only hold an earlier export.
fn replace(from: &Path, to: &Path) -> Result<()> {
    if to.exists() {
        if !holds_only_exports(to) {
            let _ = std::fs::remove_dir_all(from);
            return Err(Error::BadInput {
                location: to.display().to_string(),
                reason: "holds files that are not an isnad export; choose another folder".into(),
            });
        }
        std::fs::remove_dir_all(to).map_err(|e| io(to, e))?;
    }
    std::fs::rename(from, to).map_err(|e| io(to, e))
}

/// Whether a folder holds only what an export writes (`month=…` folders and `part-N` files).
fn holds_only_exports(dir: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    entries.flatten().all(|e| {
        let name = e.file_name().to_string_lossy().into_owned();
        let path = e.path();
        if path.is_dir() {
            name.starts_with("month=") && holds_only_exports(&path)
        } else {
            name.starts_with("part-") && (name.ends_with(".parquet") || name.ends_with(".jsonl"))
        }
    })
}

/// A file being written, row by row.
trait Sink {
    fn row(&mut self, cells: &[Cell]) -> Result<()>;
    fn finish(self: Box<Self>) -> Result<()>;
}

fn open_sink(path: &Path, table: &Table, format: Format) -> Result<Box<dyn Sink>> {
    let file = File::create(path).map_err(|e| io(path, e))?;
    Ok(match format {
        Format::Jsonl => Box::new(JsonLines {
            out: BufWriter::new(file),
            names: table.columns.iter().map(|c| c.name.clone()).collect(),
            path: path.to_path_buf(),
        }),
        Format::Parquet => Box::new(ParquetFile::create(file, path, table)?),
    })
}

/// JSON Lines: one object per row, keys in column order.
struct JsonLines {
    out: BufWriter<File>,
    names: Vec<String>,
    path: PathBuf,
}

impl Sink for JsonLines {
    fn row(&mut self, cells: &[Cell]) -> Result<()> {
        let mut obj = serde_json::Map::with_capacity(cells.len());
        for (name, cell) in self.names.iter().zip(cells) {
            let v = match cell {
                Cell::Null => serde_json::Value::Null,
                Cell::Int(i) => (*i).into(),
                Cell::Float(f) => serde_json::Number::from_f64(*f).map_or(serde_json::Value::Null, Into::into),
                Cell::Bool(b) => (*b).into(),
                Cell::Text(s) => s.as_str().into(),
            };
            obj.insert(name.clone(), v);
        }
        serde_json::to_writer(&mut self.out, &obj).map_err(|e| io(&self.path, e.into()))?;
        self.out.write_all(b"\n").map_err(|e| io(&self.path, e))
    }

    fn finish(mut self: Box<Self>) -> Result<()> {
        self.out.flush().map_err(|e| io(&self.path, e))
    }
}

/// A row group is written once it holds this many rows...
const GROUP_ROWS: usize = 100_000;
/// ...or this many bytes of text.
const GROUP_BYTES: usize = 32 << 20;

/// One column's values of the row group being filled; nulls are left out of the values and
/// marked by definition level 0.
enum Values {
    Int(Vec<i64>),
    Float(Vec<f64>),
    Bool(Vec<bool>),
    Text(Vec<ByteArray>),
}

/// A Parquet file: strings as BYTE_ARRAY (STRING), integers INT64, floats DOUBLE, booleans
/// BOOLEAN; nullable columns OPTIONAL, the others REQUIRED.
struct ParquetFile {
    writer: SerializedFileWriter<BufWriter<File>>,
    columns: Vec<Column>,
    values: Vec<Values>,
    levels: Vec<Vec<i16>>,
    rows: usize,
    bytes: usize,
    path: PathBuf,
    table: String,
}

fn pq(path: &Path, e: parquet::errors::ParquetError) -> Error {
    Error::BadInput {
        location: path.display().to_string(),
        reason: format!("writing Parquet: {e}"),
    }
}

/// The Parquet schema of a table.
fn schema(table: &Table) -> parquet::errors::Result<Type> {
    let fields = table
        .columns
        .iter()
        .map(|c| {
            let repetition = if c.nullable { "optional" } else { "required" };
            let ty = match c.ty {
                ColType::Int => "int64",
                ColType::Float => "double",
                ColType::Bool => "boolean",
                ColType::Text => "binary",
            };
            let logical = if c.ty == ColType::Text { " (STRING)" } else { "" };
            format!("{repetition} {ty} {}{logical};", c.name)
        })
        .collect::<Vec<_>>()
        .join(" ");
    parquet::schema::parser::parse_message_type(&format!("message {} {{ {fields} }}", table.name))
}

impl ParquetFile {
    fn create(file: File, path: &Path, table: &Table) -> Result<ParquetFile> {
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_created_by(format!("isnad {}", env!("CARGO_PKG_VERSION")))
            .build();
        let schema = schema(table).map_err(|e| pq(path, e))?;
        let writer = SerializedFileWriter::new(BufWriter::new(file), Arc::new(schema), Arc::new(props))
            .map_err(|e| pq(path, e))?;
        let mut f = ParquetFile {
            writer,
            columns: table.columns.clone(),
            values: Vec::new(),
            levels: vec![Vec::new(); table.columns.len()],
            rows: 0,
            bytes: 0,
            path: path.to_path_buf(),
            table: table.name.clone(),
        };
        f.values = f.columns.iter().map(|c| empty(c.ty)).collect();
        Ok(f)
    }

    /// Writes the buffered rows as one row group.
    fn flush(&mut self) -> Result<()> {
        if self.rows == 0 {
            return Ok(());
        }
        let path = self.path.clone();
        let mut group = self.writer.next_row_group().map_err(|e| pq(&path, e))?;
        for (i, column) in self.columns.iter().enumerate() {
            let mut col = group
                .next_column()
                .map_err(|e| pq(&path, e))?
                .expect("one writer per column");
            let levels = column.nullable.then_some(self.levels[i].as_slice());
            let values = std::mem::replace(&mut self.values[i], empty(column.ty));
            match values {
                Values::Int(v) => col.typed::<Int64Type>().write_batch(&v, levels, None),
                Values::Float(v) => col.typed::<DoubleType>().write_batch(&v, levels, None),
                Values::Bool(v) => col.typed::<BoolType>().write_batch(&v, levels, None),
                Values::Text(v) => col.typed::<ByteArrayType>().write_batch(&v, levels, None),
            }
            .map_err(|e| pq(&path, e))?;
            col.close().map_err(|e| pq(&path, e))?;
            self.levels[i].clear();
        }
        group.close().map_err(|e| pq(&path, e))?;
        self.rows = 0;
        self.bytes = 0;
        Ok(())
    }
}

fn empty(ty: ColType) -> Values {
    match ty {
        ColType::Int => Values::Int(Vec::new()),
        ColType::Float => Values::Float(Vec::new()),
        ColType::Bool => Values::Bool(Vec::new()),
        ColType::Text => Values::Text(Vec::new()),
    }
}

impl Sink for ParquetFile {
    fn row(&mut self, cells: &[Cell]) -> Result<()> {
        for (i, cell) in cells.iter().enumerate() {
            let present = !matches!(cell, Cell::Null);
            if !present && !self.columns[i].nullable {
                return Err(Error::BadInput {
                    location: self.path.display().to_string(),
                    reason: format!("{}.{} is null in a row", self.table, self.columns[i].name),
                });
            }
            self.levels[i].push(i16::from(present));
            match (&mut self.values[i], cell) {
                (Values::Int(v), Cell::Int(x)) => v.push(*x),
                (Values::Float(v), Cell::Float(x)) => v.push(*x),
                (Values::Bool(v), Cell::Bool(x)) => v.push(*x),
                (Values::Text(v), Cell::Text(s)) => {
                    self.bytes += s.len();
                    v.push(ByteArray::from(s.as_bytes().to_vec()));
                }
                _ => {}
            }
        }
        self.rows += 1;
        if self.rows >= GROUP_ROWS || self.bytes >= GROUP_BYTES {
            self.flush()?;
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<()> {
        self.flush()?;
        let path = self.path.clone();
        self.writer.close().map_err(|e| pq(&path, e))?;
        Ok(())
    }
}
