//! Kill-and-resume: `isnad ingest` killed with SIGKILL at two chosen moments (just after it created the
//! database, and mid-run after a few batches were committed) leaves a consistent database each
//! time, and the next run completes the job without duplicates; then eight kills at spread-out moments and one
//! during `reextract` do the same.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// Distinct articles in the synthetic corpus: a debug build with one worker takes over a second.
const N: usize = 400;
/// Articles per commit in the runs that get killed, so that a kill lands between commits.
const BATCH: &str = "25";

/// Real paragraphs: the seed's body lines and the ANT articles' text lines.
fn paragraphs() -> Vec<String> {
    let mut out: Vec<String> = fixture_text(SEED)
        .lines()
        .map(str::trim)
        .filter(|l| l.split_whitespace().count() >= 8)
        .map(str::to_owned)
        .collect();
    for a in ANT {
        out.extend(
            trec_field(&fixture_text(a), "TEXT")
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned),
        );
    }
    out
}

/// Writes N plain-text articles under `in/`, each a real title and four real paragraphs with a
/// counter that makes it unique; returns their titles.
fn build_corpus(env: &Env) -> BTreeSet<String> {
    let paras = paragraphs();
    assert!(paras.len() >= 20, "{}", paras.len());
    let mut titles: Vec<String> = vec![SEED_TITLE.to_owned()];
    titles.extend(ANT.iter().map(|a| trec_field(&fixture_text(a), "TITLE")));
    let mut made = BTreeSet::new();
    for i in 0..N {
        let title = format!("{} (نشرة {})", titles[i % titles.len()], i + 1);
        let mut text = format!("{title}\n\n");
        for k in 0..4 {
            text.push_str(&paras[(i * 7 + k * 5) % paras.len()]);
            text.push_str("\n\n");
        }
        text.push_str(&format!("انتهت النشرة رقم {} من هذا الملف.\n", i + 1));
        env.write(&format!("in/{:02}/{i:04}.txt", i / 100), text);
        made.insert(title);
    }
    assert_eq!(made.len(), N);
    made
}

fn spawn_ingest(env: &Env, extra: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_isnad"))
        .current_dir(env.path())
        .env_remove("ISNAD_DB")
        .args(["--db", "isnad.db", "--quiet", "ingest"])
        .args(extra)
        .arg("in")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("starting isnad ingest")
}

/// Committed articles, seen through a separate read-only connection (None before the schema exists).
fn committed(db: &Path) -> Option<i64> {
    let conn = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).ok()?;
    conn.busy_timeout(Duration::from_secs(5)).ok()?;
    conn.query_row("SELECT count(*) FROM articles", [], |r| r.get(0)).ok()
}

/// Waits until `ready` holds or the child exits; kills it (SIGKILL) if it still runs. Returns
/// whether the kill landed while the process was running.
fn kill_when(child: &mut Child, mut ready: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + Duration::from_secs(120);
    while !ready() {
        if child.try_wait().expect("polling the child").is_some() {
            return false;
        }
        assert!(Instant::now() < deadline, "ingest neither progressed nor finished");
        std::thread::sleep(Duration::from_millis(5));
    }
    let running = child.try_wait().expect("polling the child").is_none();
    child.kill().expect("killing the child");
    child.wait().expect("reaping the child");
    running
}

/// The titles of the stored articles.
fn stored_titles(env: &Env) -> BTreeSet<String> {
    env.connect()
        .prepare("SELECT title FROM articles")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

/// Checks that the database is consistent: whole files only, every article with a source, its
/// paragraphs and its search row, no duplicate hashes, SQLite's own checks clean. Returns the
/// number of articles.
fn assert_consistent(env: &Env) -> i64 {
    let conn = env.connect();
    let one = |sql: &str| -> i64 {
        conn.query_row(sql, [], |r| r.get(0))
            .unwrap_or_else(|e| panic!("{sql}: {e}"))
    };
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(integrity, "ok");
    let fk_problems = conn
        .prepare("PRAGMA foreign_key_check")
        .unwrap()
        .query_map([], |_| Ok(()))
        .unwrap()
        .count();
    assert_eq!(fk_problems, 0, "foreign key violations");
    let articles = one("SELECT count(*) FROM articles");
    assert_eq!(one("SELECT count(DISTINCT content_hash) FROM articles"), articles);
    assert_eq!(
        one("SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.article_id = a.id)"),
        0,
        "an article without a source"
    );
    assert_eq!(
        one(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_paragraphs p WHERE p.article_id = a.id)"
        ),
        0,
        "an article without paragraphs"
    );
    // Each file holds one article, and a file is committed with everything it produced.
    assert_eq!(one("SELECT count(*) FROM sources"), articles);
    assert_eq!(one("SELECT count(*) FROM files"), articles);
    assert_eq!(one("SELECT count(*) FROM articles_fts"), articles);
    assert_eq!(one("SELECT count(*) FROM ingest_errors"), 0);
    assert_indexes_accounted_for(env, &conn);
    articles
}

/// Names of the indexes in `sql`'s rows.
fn names(conn: &rusqlite::Connection, sql: &str) -> BTreeSet<String> {
    let mut stmt = conn.prepare(sql).unwrap();
    let rows = stmt.query_map([], |r| r.get(0)).unwrap();
    rows.collect::<rusqlite::Result<_>>().unwrap()
}

/// Every index a new database has is either there or recorded in `deferred_indexes` (a first
/// ingest builds its extraction indexes at its end; a kill before that leaves them recorded),
/// never both, never neither.
fn assert_indexes_accounted_for(env: &Env, conn: &rusqlite::Connection) {
    const INDEXES: &str = "SELECT name FROM sqlite_schema WHERE type = 'index'";
    let fresh_path = env.path().join("fresh.db");
    let fresh = isnad::store::Store::open(&fresh_path).unwrap();
    drop(fresh);
    let expected = names(&rusqlite::Connection::open(&fresh_path).unwrap(), INDEXES);
    let present = names(conn, INDEXES);
    let deferred = names(conn, "SELECT name FROM deferred_indexes");
    assert!(present.is_disjoint(&deferred), "{deferred:?} both there and deferred");
    let all: BTreeSet<String> = present.union(&deferred).cloned().collect();
    assert_eq!(all, expected);
}

#[test]
fn a_killed_ingest_leaves_a_consistent_database_and_the_next_run_completes_it() {
    let env = Env::new();
    let titles = build_corpus(&env);
    let db = env.db();

    // 1. Killed right after it created the database.
    let mut child = spawn_ingest(&env, &["--jobs", "1", "--batch-articles", BATCH]);
    let mut created: Option<Instant> = None;
    let first_kill_mid_run = kill_when(&mut child, || {
        created = created.or_else(|| db.exists().then(Instant::now));
        created.is_some_and(|t| t.elapsed() >= Duration::from_millis(50))
    });
    std::thread::sleep(Duration::from_millis(10));
    if committed(&db).is_some() {
        assert_consistent(&env);
    }

    // 2. Killed mid-run, a moment after two batches were committed (likely inside the third).
    let mut child = spawn_ingest(&env, &["--jobs", "1", "--batch-articles", BATCH]);
    let mut progressed: Option<Instant> = None;
    let second_kill_mid_run = kill_when(&mut child, || {
        progressed = progressed.or_else(|| committed(&db).is_some_and(|n| n >= 50).then(Instant::now));
        progressed.is_some_and(|t| t.elapsed() >= Duration::from_millis(40))
    });
    assert!(
        second_kill_mid_run,
        "the second ingest finished before it could be killed"
    );
    let before = assert_consistent(&env);
    assert!(before >= 50 && (before as usize) < N, "{before} of {N} committed");

    eprintln!(
        "kill 1 landed mid-run: {first_kill_mid_run}; kill 2 landed mid-run: {second_kill_mid_run}, \
         with {before} of {N} articles committed"
    );

    // 3. The next run completes the job: exactly the missing files are read.
    let summary = env.ingest(&["in"]);
    assert_eq!(summary["errors"], serde_json::json!([]));
    assert_eq!(int_field(&summary, "files"), N as i64);
    assert_eq!(int_field(&summary, "files_unchanged"), before);
    assert_eq!(int_field(&summary, "articles_new"), N as i64 - before);
    assert_eq!(int_field(&summary, "articles_duplicate"), before);
    assert_eq!(assert_consistent(&env), N as i64);
    assert_eq!(stored_titles(&env), titles);
    assert_eq!(
        env.sql("SELECT name FROM deferred_indexes"),
        Vec::<serde_json::Value>::new()
    );
    assert_eq!(
        env.sql("PRAGMA integrity_check"),
        [serde_json::json!({"integrity_check": "ok"})]
    );

    // Killed runs are marked interrupted; none is left "running".
    let statuses: Vec<String> = env
        .sql("SELECT status FROM runs ORDER BY id")
        .iter()
        .map(|r| str_field(r, "status").to_owned())
        .collect();
    assert_eq!(statuses.last().map(String::as_str), Some("done"));
    assert!(!statuses.iter().any(|s| s == "running"), "{statuses:?}");
    let interrupted = statuses.iter().filter(|s| *s == "interrupted").count();
    // The first kill may land before the run was recorded; the second one landed mid-run.
    assert!((1..=2).contains(&interrupted), "{statuses:?}");
    let done = statuses.iter().filter(|s| *s == "done").count();
    assert_eq!(done, if first_kill_mid_run { 1 } else { 2 }, "{statuses:?}");
    assert_eq!(statuses.len(), interrupted + done, "{statuses:?}");

    // 4. A further run adds nothing.
    let again = env.ingest(&["in"]);
    assert_eq!(int_field(&again, "files_unchanged"), N as i64);
    assert_eq!(int_field(&again, "articles_new"), 0);
    assert_eq!(int_field(&again, "articles_duplicate"), N as i64);
    assert_eq!(assert_consistent(&env), N as i64);
}

/// Many kills at moments spread over the run (a fixed pseudo-random sequence, so a failure can be
/// replayed): after each one the database is consistent, and a last run completes the job.
/// Bounded: eight kills, each within half a second of the start.
#[test]
fn kills_at_many_moments_never_leave_an_inconsistent_database() {
    let env = Env::new();
    let titles = build_corpus(&env);
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..8 {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let delay = Duration::from_millis(20 + (state >> 33) % 480);
        let mut child = spawn_ingest(&env, &["--jobs", "1", "--batch-articles", BATCH]);
        let started = Instant::now();
        kill_when(&mut child, || started.elapsed() >= delay);
        if committed(&env.db()).is_some() {
            assert_consistent(&env);
        }
    }
    let summary = env.ingest(&["in"]);
    assert_eq!(summary["errors"], serde_json::json!([]));
    assert_eq!(assert_consistent(&env), N as i64);
    assert_eq!(stored_titles(&env), titles);

    // Re-extraction killed mid-way leaves every article with one extraction, and finishes.
    let mut child = Command::new(env!("CARGO_BIN_EXE_isnad"))
        .current_dir(env.path())
        .args(["--db", "isnad.db", "--quiet", "reextract", "--all", "--jobs", "1"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("starting isnad reextract");
    let started = Instant::now();
    kill_when(&mut child, || started.elapsed() >= Duration::from_millis(150));
    assert_consistent(&env);
    env.cmd().args(["reextract", "--all"]).assert().success();
    assert_eq!(assert_consistent(&env), N as i64);
    let stale = env.count(
        "SELECT count(*) FROM articles WHERE extractor_version IS NOT (SELECT max(extractor_version) FROM articles)",
    );
    assert_eq!(stale, 0);
}
