//! Several isnad processes on one database at once.

mod common;

use std::ffi::OsStr;
use std::process::{Child, Command, Stdio};

/// `isnad --db isnad.db ARGS` started in the test's folder, stderr captured.
fn spawn<S: AsRef<OsStr>>(env: &common::Env, args: &[S]) -> Child {
    Command::new(assert_cmd::cargo::cargo_bin("isnad"))
        .current_dir(env.path())
        .args(["--db", "isnad.db"])
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starting isnad")
}

/// Waits for a child, asserts it succeeded and returns its stderr.
fn succeeded(child: Child) -> String {
    let out = child.wait_with_output().expect("waiting for isnad");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "isnad failed: {stderr}");
    stderr
}

/// Five processes creating the same new database race on its migrations: the write lock taken
/// before the version is read makes the first apply them and the others find the schema current.
#[test]
fn concurrent_first_use_applies_each_migration_once() {
    let env = common::Env::new();
    let children: Vec<_> = (0..5).map(|_| spawn(&env, &["init"])).collect();
    for child in children {
        succeeded(child);
    }
    let applied = env.count("SELECT count(*) FROM schema_migrations");
    let distinct = env.count("SELECT count(DISTINCT version) FROM schema_migrations");
    assert_eq!(applied, distinct);
    assert_eq!(applied, isnad::store::migrate::MIGRATIONS.len() as i64);
}

/// Two ingests into one database at once both finish, and together store what one ingest of
/// all their inputs stores: each process takes the write lock only for a batch at a time.
#[test]
fn two_concurrent_ingests_both_complete() {
    let env = common::Env::new();
    let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sample");
    env.cmd().arg("init").assert().success();
    let halves = [sample.join("ant"), sample.join("seed")];
    let children: Vec<_> = halves
        .iter()
        .map(|dir| spawn(&env, &[OsStr::new("-q"), OsStr::new("ingest"), dir.as_os_str()]))
        .collect();
    for child in children {
        succeeded(child);
    }
    let together = env.count("SELECT count(*) FROM articles");
    let once = common::Env::new();
    once.ingest(&[sample.to_str().expect("a UTF-8 path")]);
    assert_eq!(together, once.count("SELECT count(*) FROM articles"));
    assert_eq!(env.count("SELECT count(*) FROM runs WHERE status = 'done'"), 2);
}

/// A writer that finds the database locked by another process waits, says so once, and
/// finishes when the lock is released.
#[test]
fn a_locked_database_is_waited_for_and_said_so() {
    let env = common::Env::new();
    env.cmd().arg("init").assert().success();
    let holder = rusqlite::Connection::open(env.db()).expect("opening the database");
    holder.execute_batch("BEGIN IMMEDIATE").expect("taking the write lock");
    let seed = env.copy(common::SEED, "seed.txt");
    let child = spawn(&env, &["ingest", &seed]);
    std::thread::sleep(std::time::Duration::from_millis(1800));
    holder.execute_batch("COMMIT").expect("releasing the lock");
    let stderr = succeeded(child);
    assert!(
        stderr.contains("waiting for another isnad writing to isnad.db"),
        "{stderr}"
    );
    assert_eq!(env.count("SELECT count(*) FROM articles"), 1);
}
