//! The database opens in the tools users already have: the system's `python3` and its `sqlite3`
//! module (SQLite 3.40 on Debian 12; the schema promises 3.31 and later, see ARCHITECTURE.md)
//! read every table and view of a database isnad wrote, search works, and the integrity check is
//! ok. Without `python3` the test says so and passes, except under CI (`CI` set), where it fails.

mod common;

use std::path::Path;
use std::process::Command;

/// Reads every table and view, runs a full-text query and the integrity check; prints one line
/// per object and the SQLite version.
const CHECK: &str = r#"
import sqlite3, sys
c = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
print("sqlite", sqlite3.sqlite_version)
for name, kind in c.execute("SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name"):
    rows = c.execute('SELECT * FROM "%s"' % name).fetchall()
    print(kind, name, len(rows))
hits = c.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", ("سوريا",)).fetchall()
print("search", len(hits))
print("integrity", c.execute("PRAGMA integrity_check").fetchone()[0])
"#;

#[test]
fn system_python_reads_every_table_and_view() {
    let env = common::Env::new();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sample");
    env.ingest(&[sample.to_str().expect("a UTF-8 path")]);
    let out = match Command::new("python3").arg("-c").arg(CHECK).arg(env.db()).output() {
        Ok(out) => out,
        Err(e) if std::env::var_os("CI").is_none() => {
            eprintln!("skipped: no python3 here ({e})");
            return;
        }
        Err(e) => panic!("python3 is needed under CI: {e}"),
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "python3 could not read the database:\n{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for object in [
        "table articles ",
        "view article_texts ",
        "table articles_fts ",
        "view statements ",
    ] {
        assert!(stdout.contains(object), "{object} missing:\n{stdout}");
    }
    assert!(stdout.contains("view article_texts 8"), "{stdout}");
    assert!(!stdout.contains("search 0"), "{stdout}");
    assert!(stdout.contains("integrity ok"), "{stdout}");
}
