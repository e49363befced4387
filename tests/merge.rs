//! `isnad merge`: shard databases folded into one equal one ingest of all their inputs, merging
//! twice adds nothing, and shards that cannot be merged are refused by name.
//!
//! Inputs: the bundled sample (`examples/sample`, see examples/SAMPLE.md) and the ANT fixtures
//! (`tests/fixtures/ant`, see tests/fixtures/SOURCES.md), split into three shards.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use assert_cmd::Command;
use common::Env;
use serde_json::Value;

/// `isnad --db DB --format json ARGS` in the test folder; asserts success and parses stdout.
fn run_json(env: &Env, db: &str, args: &[&str]) -> Value {
    let out = isnad(env, db).arg("--format").arg("json").args(args).assert().success();
    serde_json::from_slice(&out.get_output().stdout).expect("JSON output")
}

fn isnad(env: &Env, db: &str) -> Command {
    let mut cmd = Command::cargo_bin("isnad").expect("the isnad binary");
    cmd.current_dir(env.path()).env_remove("ISNAD_DB").args(["--db", db]);
    cmd
}

/// Every file of the bundled sample and the ANT fixtures, as (fixture path, name).
fn real_inputs() -> Vec<(std::path::PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    let mut stack = vec![root.join("examples/sample"), root.join("tests/fixtures/ant")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("a fixture folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                files.push((path, name));
            }
        }
    }
    files.sort_by(|a, b| a.1.cmp(&b.1));
    assert!(files.len() >= 12, "the sample and the ANT fixtures");
    files
}

/// Lays the inputs out as `in/a`, `in/b`, `in/c` (round robin, the seed page in `in/b`, and one
/// ANT article copied into both `in/a` and `in/c`), ingests `in` into `all.db` and each shard
/// folder into its own database, and makes the same hand fixes in shard b and in `all.db`.
fn shards_and_one_ingest(env: &Env) {
    for (i, (path, name)) in real_inputs().into_iter().enumerate() {
        let shard = if name.starts_with("000_") {
            "b"
        } else {
            ["a", "b", "c"][i % 3]
        };
        env.write(&format!("in/{shard}/{name}"), std::fs::read(path).unwrap());
    }
    let copy = std::fs::read(common::fixture(common::ANT[1])).unwrap();
    env.write("in/a/copy-of-cnn.txt", &copy);
    env.write("in/c/copy-of-cnn.txt", &copy);
    run_json(env, "all.db", &["ingest", "in"]);
    for s in ["a", "b", "c"] {
        run_json(env, &format!("{s}.db"), &["ingest", &format!("in/{s}")]);
    }
    for db in ["b.db", "all.db"] {
        // A user's fixes: Snowden's Latin name, and Moscow standing for Russia.
        isnad(env, db)
            .args(["alias", "add", "إدوارد سنودن", "Edward Snowden"])
            .assert()
            .success();
        isnad(env, db)
            .args(["alias", "merge", "Russia", "Moscow"])
            .assert()
            .success();
    }
}

/// What must be equal: content hashes with their sources, actors by canonical name (kind,
/// aliases, mentions), and the counts of statements and relations.
fn fingerprint(env: &Env, db: &str) -> BTreeMap<String, Value> {
    let mut f = BTreeMap::new();
    let articles = run_json(env, db, &["articles"]);
    let mut hashes: Vec<(String, Vec<String>)> = articles
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let mut sources = common::sources(a);
            sources.sort();
            (common::str_field(a, "content_hash").to_owned(), sources)
        })
        .collect();
    hashes.sort();
    f.insert("articles".into(), serde_json::json!(hashes));
    let mut actors: Vec<Value> = run_json(env, db, &["actors"])
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let mut aliases: Vec<&str> = a["aliases"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap())
                .collect();
            aliases.sort();
            serde_json::json!([a["name"], a["kind"], aliases, a["mentions"]])
        })
        .collect();
    actors.sort_by_key(|a| a.to_string());
    f.insert("actors".into(), Value::Array(actors));
    for table in ["statements", "relations"] {
        let listed = run_json(env, db, &[table]).as_array().unwrap().len();
        f.insert(format!("{table} listed"), listed.into());
    }
    for table in [
        "statements",
        "statement_occurrences",
        "relations",
        "mentions",
        "actor_aliases",
        "user_fixes",
    ] {
        let n = run_json(env, db, &["sql", &format!("SELECT count(*) AS n FROM {table}")]);
        f.insert(table.into(), n[0]["n"].clone());
    }
    f
}

#[test]
fn three_shards_merged_equal_one_ingest_of_all_their_inputs() {
    let env = Env::new();
    shards_and_one_ingest(&env);
    let summary = run_json(
        &env,
        "merged.db",
        &["merge", "a.db", "b.db", "c.db", "--into", "merged.db"],
    );
    assert_eq!(summary["shards"], 3);
    assert_eq!(summary["fixes_new"], 2, "{summary}");
    let (all, merged) = (fingerprint(&env, "all.db"), fingerprint(&env, "merged.db"));
    assert!(all["articles"].as_array().unwrap().len() >= 11);
    assert!(all["statements"].as_i64().unwrap() > 10 && all["relations"].as_i64().unwrap() > 10);
    for (key, value) in &all {
        assert_eq!(&merged[key], value, "{key} differs between one ingest and the merge");
    }
    // The article in two shards is one article with both sources.
    let copies = run_json(
        &env,
        "merged.db",
        &[
            "sql",
            "SELECT count(*) AS n FROM sources WHERE path LIKE '%copy-of-cnn.txt'",
        ],
    );
    assert_eq!(copies[0]["n"], 2);

    // Merging the same shards again adds nothing.
    let again = run_json(
        &env,
        "merged.db",
        &["merge", "a.db", "b.db", "c.db", "--into", "merged.db"],
    );
    assert_eq!(again["articles_new"], 0, "{again}");
    assert_eq!(again["sources_new"], 0, "{again}");
    assert_eq!(again["fixes_new"], 0, "{again}");
    assert_eq!(fingerprint(&env, "merged.db"), merged);
}

#[test]
fn shards_that_cannot_be_merged_are_refused_by_name_and_the_target_is_not_made() {
    let env = Env::new();
    env.copy(common::ANT[0], "in/a.txt");
    run_json(&env, "good.db", &["ingest", "in"]);
    env.write("notes.txt", "not a database");
    rusqlite::Connection::open(env.path().join("other.db"))
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    for (name, change) in [
        ("newer.db", "PRAGMA user_version = 999"),
        (
            "oldex.db",
            "UPDATE articles SET extractor_version = extractor_version - 1",
        ),
    ] {
        std::fs::copy(env.path().join("good.db"), env.path().join(name)).unwrap();
        rusqlite::Connection::open(env.path().join(name))
            .unwrap()
            .execute_batch(change)
            .unwrap();
    }
    for (shard, says) in [
        ("notes.txt", "not an isnad database"),
        ("other.db", "not an isnad database"),
        ("newer.db", "newer than this isnad"),
        ("oldex.db", "extractor version"),
        ("missing.db", "no such shard"),
    ] {
        let out = isnad(&env, "all.db")
            .args(["merge", "good.db", shard, "--into", "all.db"])
            .assert()
            .failure();
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert!(stderr.contains(shard) && stderr.contains(says), "{shard}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(!env.path().join("all.db").exists(), "{shard}: the target was made");
    }
}

/// Real paragraphs: the seed's body lines and the ANT fixtures' text lines.
fn paragraphs() -> Vec<String> {
    let mut out: Vec<String> = common::fixture_text(common::SEED)
        .lines()
        .map(str::trim)
        .filter(|l| l.split_whitespace().count() >= 8)
        .map(str::to_owned)
        .collect();
    for a in common::ANT {
        let text = common::trec_field(&common::fixture_text(a), "TEXT");
        out.extend(text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned));
    }
    out
}

/// Counts in the merged database that a kill must leave consistent: articles, and those without
/// a source, without paragraphs or without a search row (all three must be 0).
fn consistency(db: &Path) -> [i64; 4] {
    let conn = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(integrity, "ok");
    [
        "SELECT count(*) FROM articles",
        "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.article_id = a.id)",
        "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_paragraphs p WHERE p.article_id = a.id)",
        "SELECT (SELECT count(*) FROM articles) - (SELECT count(*) FROM articles_fts)",
    ]
    .map(|q| conn.query_row(q, [], |r| r.get(0)).unwrap())
}

#[test]
fn a_killed_merge_leaves_a_consistent_database_and_the_next_run_finishes_it() {
    // 300 distinct articles of real paragraphs (a counter makes each unique) in one shard.
    let env = Env::new();
    let paras = paragraphs();
    for i in 0..300 {
        let mut text = format!("نشرة الأخبار رقم {}\n\n", i + 1);
        for k in 0..4 {
            text.push_str(&paras[(i * 7 + k * 5) % paras.len()]);
            text.push_str("\n\n");
        }
        env.write(&format!("in/{i:04}.txt"), text);
    }
    run_json(&env, "shard.db", &["ingest", "in"]);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_isnad"))
        .current_dir(env.path())
        .args([
            "--db",
            "killed.db",
            "-q",
            "merge",
            "shard.db",
            "-j",
            "1",
            "--batch-articles",
            "10",
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let killed = env.path().join("killed.db");
    let committed = || {
        rusqlite::Connection::open_with_flags(&killed, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .and_then(|c| c.query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0)))
            .unwrap_or(0)
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while committed() < 20 && child.try_wait().unwrap().is_none() {
        assert!(
            std::time::Instant::now() < deadline,
            "merge neither progressed nor finished"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let running = child.try_wait().unwrap().is_none();
    child.kill().unwrap();
    child.wait().unwrap();
    let [articles, no_source, no_paragraphs, no_search] = consistency(&killed);
    assert_eq!([no_source, no_paragraphs, no_search], [0, 0, 0]);
    eprintln!("killed with {articles} of 300 articles committed (still running: {running})");
    if running {
        assert!(articles < 300, "killed after it finished");
    }
    // The next run finishes the job: the same as a merge that was never interrupted.
    let again = run_json(&env, "killed.db", &["merge", "shard.db"]);
    assert_eq!(again["articles_new"].as_i64().unwrap(), 300 - articles, "{again}");
    run_json(&env, "whole.db", &["merge", "shard.db"]);
    assert_eq!(consistency(&killed), [300, 0, 0, 0]);
    assert_eq!(fingerprint(&env, "killed.db"), fingerprint(&env, "whole.db"));
}
