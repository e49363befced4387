//! Helpers shared by the integration tests: a temporary folder with a database, the real
//! `isnad` binary run inside it, the fixtures, and the inputs derived from them.
//!
//! Every command runs with the temporary folder as its working directory and relative paths, so
//! the `sources` isnad records (and the snapshots of them) do not depend on where the folder is.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// The seed page, relative to `tests/fixtures`.
pub const SEED: &str = "seed/000_5bfdd5c7459b2733.txt";
/// The three ANT articles, relative to `tests/fixtures`.
pub const ANT: [&str; 3] = [
    "ant/BB-middleEast-229-20180321.txt",
    "ant/CN-middleEast-1-20180218.txt",
    "ant/SK-economy-1-20180218.txt",
];
/// The seed's headline.
pub const SEED_TITLE: &str = "لافروف: متفقون مع اميركا على تنظيم جنيف - 2 في أقرب وقت";
/// The seed's photo caption, printed twice back to back on the page.
pub const SEED_CAPTION: &str = "وزراء الخارجية والدفاع الأميركيون والروس خلال لقائهم في واشنطن الجمعة";
/// Lines of page furniture in the seed.
pub const SEED_FURNITURE: [&str; 6] = ["Accessibility links", "logo-print", "XS", "SM", "MD", "LG"];

/// A short English article written for these tests.
pub const ENGLISH_TITLE: &str = "Lavrov and Kerry agree to hold Geneva peace talks soon";
/// Its body.
pub const ENGLISH_TEXT: &str = "Russian Foreign Minister Sergei Lavrov said on Friday that Moscow and Washington agree \
     that the Geneva-2 conference on Syria should be held as soon as possible.\nHe spoke to reporters at the Russian \
     embassy in Washington after meeting Secretary of State John Kerry.";

/// Its URL.
pub const ENGLISH_URL: &str = "https://example.org/2013/08/09/lavrov-kerry";

/// The English article as a JSON object, with its URL, date and language.
pub fn english_json() -> String {
    serde_json::json!({
        "title": ENGLISH_TITLE,
        "text": ENGLISH_TEXT,
        "url": ENGLISH_URL,
        "date": "2013-08-09",
        "lang": "en",
    })
    .to_string()
}

/// The path of a fixture file.
pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(rel)
}

/// The bytes of a fixture file.
pub fn fixture_bytes(rel: &str) -> Vec<u8> {
    std::fs::read(fixture(rel)).unwrap_or_else(|e| panic!("reading fixture {rel}: {e}"))
}

/// The text of a fixture file.
pub fn fixture_text(rel: &str) -> String {
    String::from_utf8(fixture_bytes(rel)).expect("fixtures are UTF-8")
}

/// The trimmed content of `<NAME>…</NAME>` in a TREC document.
pub fn trec_field(doc: &str, name: &str) -> String {
    let open = format!("<{name}>");
    let close = format!("</{name}>");
    let start = doc.find(&open).unwrap_or_else(|| panic!("no <{name}>")) + open.len();
    let end = doc[start..].find(&close).unwrap_or_else(|| panic!("no </{name}>")) + start;
    doc[start..end].trim().to_owned()
}

/// The seed with Windows line endings and its furniture moved: the font-size row at the top,
/// "Accessibility links" and "logo-print" at the bottom.
pub fn seed_crlf_furniture_moved() -> Vec<u8> {
    let seed = fixture_text(SEED);
    let mut lines: Vec<&str> = vec!["XS", "SM", "MD", "LG", ""];
    lines.extend(seed.lines().filter(|l| !SEED_FURNITURE.contains(&l.trim())));
    lines.extend(["", "logo-print", "", "Accessibility links", ""]);
    let text = lines.join("\r\n");
    assert_ne!(text.as_bytes(), seed.as_bytes());
    text.into_bytes()
}

/// A temporary folder holding `isnad.db`, where commands run.
pub struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    /// A fresh, empty folder.
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The database file.
    pub fn db(&self) -> PathBuf {
        self.path().join("isnad.db")
    }

    /// Writes `bytes` to `rel` (creating folders) and returns the relative path.
    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> String {
        let path = self.path().join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("creating a folder");
        }
        std::fs::write(&path, bytes).expect("writing a test input");
        rel.to_owned()
    }

    /// Copies a fixture to `rel` and returns the relative path.
    pub fn copy(&self, fixture_rel: &str, rel: &str) -> String {
        self.write(rel, fixture_bytes(fixture_rel))
    }

    /// `isnad --db isnad.db ...` in the folder, with `ISNAD_DB` unset.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("isnad").expect("the isnad binary");
        cmd.current_dir(self.path())
            .env_remove("ISNAD_DB")
            .arg("--db")
            .arg("isnad.db");
        cmd
    }

    /// Runs `isnad --format json ARGS`, asserts success and parses stdout.
    pub fn json(&self, args: &[&str]) -> Value {
        let out = self.cmd().arg("--format").arg("json").args(args).assert().success();
        let stdout = String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8 output");
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("isnad {args:?}: not JSON ({e}):\n{stdout}"))
    }

    /// Runs `isnad --format json ingest PATHS` and returns the summary.
    pub fn ingest(&self, paths: &[&str]) -> Value {
        let mut args = vec!["ingest"];
        args.extend_from_slice(paths);
        self.json(&args)
    }

    /// The `articles` listing as JSON objects.
    pub fn articles(&self, filters: &[&str]) -> Vec<Value> {
        let mut args = vec!["articles"];
        args.extend_from_slice(filters);
        match self.json(&args) {
            Value::Array(rows) => rows,
            other => panic!("articles: expected an array, got {other}"),
        }
    }

    /// The rows of a read-only `sql` query.
    pub fn sql(&self, query: &str) -> Vec<Value> {
        match self.json(&["sql", query]) {
            Value::Array(rows) => rows,
            other => panic!("sql: expected an array, got {other}"),
        }
    }

    /// The single integer a `SELECT count(*) ...`-like query returns.
    pub fn count(&self, query: &str) -> i64 {
        let rows = self.sql(query);
        assert_eq!(rows.len(), 1, "{query}: {rows:?}");
        let obj = rows[0].as_object().expect("a row object");
        assert_eq!(obj.len(), 1, "{query}: one column expected");
        obj.values().next().and_then(Value::as_i64).expect("an integer")
    }

    /// A direct read-only connection to the database, for checks below the CLI.
    pub fn connect(&self) -> rusqlite::Connection {
        rusqlite::Connection::open_with_flags(self.db(), rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("opening the database read-only")
    }
}

/// The `sources` of an article row as strings.
pub fn sources(article: &Value) -> Vec<String> {
    article["sources"]
        .as_array()
        .expect("sources is an array")
        .iter()
        .map(|s| s.as_str().expect("a source is a string").to_owned())
        .collect()
}

/// A string field of a JSON object.
pub fn str_field<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} is not a string in {v}"))
}

/// An integer field of a JSON object.
pub fn int_field(v: &Value, key: &str) -> i64 {
    v[key]
        .as_i64()
        .unwrap_or_else(|| panic!("{key} is not an integer in {v}"))
}
