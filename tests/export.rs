//! `isnad export --parquet DIR` / `--jsonl DIR` on the bundled sample (`examples/sample`, see
//! examples/SAMPLE.md): every table is written, partitioned by month of publication, with as many
//! rows as the database holds; the Parquet files are read back with DuckDB (or pyarrow) from
//! the Python named by `ISNAD_TEST_PYTHON` (default `python3`). `.ci/run` installs DuckDB in a
//! virtual environment; outside CI the read-back is skipped, with a note, when neither is there.

mod common;

use std::path::{Path, PathBuf};

use common::Env;

/// Each exported table and the SQL count it must match.
const TABLES: [(&str, &str); 7] = [
    ("articles", "SELECT count(*) FROM articles"),
    ("sources", "SELECT count(*) FROM sources"),
    ("actors", "SELECT count(*) FROM actors"),
    ("aliases", "SELECT count(*) FROM actor_aliases"),
    ("mentions", "SELECT count(*) FROM mentions"),
    ("statements", "SELECT count(*) FROM statement_occurrences"),
    ("relations", "SELECT count(*) FROM relations"),
];

fn sample_env() -> Env {
    let env = Env::new();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sample");
    env.ingest(&[sample.to_str().unwrap()]);
    env
}

/// Files under `dir` ending in `ext`, sorted.
fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display())) {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == ext) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn jsonl_export_has_every_row_in_its_month() {
    let env = sample_env();
    env.cmd().args(["export", "--jsonl", "out"]).assert().success();
    for (table, count) in TABLES {
        let parts = files(&env.path().join("out").join(table), "jsonl");
        let mut rows = 0;
        for part in &parts {
            let folder = part
                .parent()
                .unwrap()
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            for line in std::fs::read_to_string(part).unwrap().lines() {
                let row: serde_json::Value = serde_json::from_str(line).expect("a JSON object per line");
                rows += 1;
                if table == "articles" {
                    // Each article sits in the folder of its month of publication.
                    let month = match row["published_at"].as_str() {
                        Some(date) => format!("month={}", &date[..7]),
                        None => "month=__HIVE_DEFAULT_PARTITION__".to_owned(),
                    };
                    assert_eq!(folder, month, "{line}");
                }
            }
        }
        assert_eq!(rows, env.count(count), "{table}");
    }
    // The sample spans several months and has an undated page (the seed).
    let months = files(&env.path().join("out/articles"), "jsonl");
    assert!(months.len() >= 3, "{months:?}");
    assert!(
        months
            .iter()
            .any(|p| p.to_string_lossy().contains("__HIVE_DEFAULT_PARTITION__"))
    );
    assert_eq!(files(&env.path().join("out/actors"), "jsonl").len(), 1);
}

/// The Python to read Parquet with, when it has DuckDB or pyarrow.
fn python_with_parquet() -> Option<(String, &'static str)> {
    let python = std::env::var("ISNAD_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
    ["duckdb", "pyarrow"].into_iter().find_map(|module| {
        let ok = std::process::Command::new(&python)
            .args(["-c", &format!("import {module}")])
            .output()
            .is_ok_and(|o| o.status.success());
        ok.then(|| (python.clone(), module))
    })
}

#[test]
fn parquet_export_reads_back_with_the_same_row_counts() {
    let env = sample_env();
    env.cmd().args(["export", "--parquet", "lake"]).assert().success();
    for (table, _) in TABLES {
        let parts = files(&env.path().join("lake").join(table), "parquet");
        assert!(!parts.is_empty(), "{table}: no files");
        for part in parts {
            let bytes = std::fs::read(&part).unwrap();
            assert!(
                bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"),
                "{}",
                part.display()
            );
        }
    }
    let Some((python, module)) = python_with_parquet() else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI must read the Parquet back: install duckdb for ISNAD_TEST_PYTHON (see .ci/run)"
        );
        eprintln!("note: neither duckdb nor pyarrow importable; Parquet read-back skipped");
        return;
    };
    let read = match module {
        "duckdb" => {
            "import duckdb, sys\n\
             for t in sys.argv[1:]:\n\
             \x20   q = f\"SELECT count(*) FROM read_parquet('lake/{t}/**/*.parquet', hive_partitioning=true)\"\n\
             \x20   print(duckdb.connect().execute(q).fetchone()[0])\n"
        }
        _ => {
            "import pyarrow.dataset as ds, sys\n\
             for t in sys.argv[1:]:\n\
             \x20   print(ds.dataset(f'lake/{t}', format='parquet', partitioning='hive').count_rows())\n"
        }
    };
    let out = std::process::Command::new(&python)
        .current_dir(env.path())
        .arg("-c")
        .arg(read)
        .args(TABLES.map(|(t, _)| t))
        .output()
        .expect("running python");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let counts: Vec<i64> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| l.trim().parse().unwrap())
        .collect();
    let expected: Vec<i64> = TABLES.iter().map(|(_, sql)| env.count(sql)).collect();
    assert_eq!(
        counts,
        expected,
        "{module}: rows read back per table {:?}",
        TABLES.map(|(t, _)| t)
    );
    if module == "duckdb" {
        // Typed columns and the month from the folder names.
        let q = "import duckdb\n\
                 print(duckdb.connect().execute(\"SELECT count(*) FROM read_parquet('lake/relations/**/*.parquet', hive_partitioning=true) \
                 WHERE negated = false AND start < \\\"end\\\" AND month LIKE '2018-%'\").fetchone()[0])";
        let out = std::process::Command::new(&python)
            .current_dir(env.path())
            .args(["-c", q])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let n: i64 = String::from_utf8(out.stdout).unwrap().trim().parse().unwrap();
        assert!(n > 0 && n <= expected[6], "{n}");
    }
}

#[test]
fn export_refuses_to_replace_a_folder_it_did_not_write() {
    let env = sample_env();
    env.write("lake/articles/notes.txt", "mine");
    let out = env.cmd().args(["export", "--parquet", "lake"]).assert().failure();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("not an isnad export"), "{stderr}");
    assert!(env.path().join("lake/articles/notes.txt").exists());
}
