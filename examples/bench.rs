//! The ingest benchmark (issue 4): isnad's full pipeline against a bare FTS5 insert of the same
//! titles and texts, re-ingest, query latency, and scaling.
//!
//! ```sh
//! cargo run --release --example bench -- [--corpus DIR] [--smoke] [--runs N] [--out DIR]
//!                                        [--json PATH] [--queries N] [--jobs N]
//!                                        [--no-scaling] [--no-sqlite-utils] [--db PATH]
//! ```
//!
//! `--db PATH` times the queries alone on an existing database (no ingest): `--queries` runs of
//! each, the same table as the full report.
//!
//! Every ingest runs in a child process (this program started again with `--child ...`), so the
//! peak RSS printed is that ingest's own (`VmHWM` of the child) and every ingest starts cold.
//! The baseline and isnad run alternately, `--runs` times, on the same sorted file list;
//! figures are medians and the ratios are medians of the per-run ratios.
//!
//! * **isnad**: `isnad::ingest::ingest` with `inputs_from_paths` and the default options (all
//!   cores, extraction on) into a fresh database, timed from the file list to the database
//!   closed (its last WAL checkpoint included). Stage times come from the pipeline's own clocks
//!   (`Summary::stages`): worker stages are summed over the worker threads.
//! * **bare FTS5**: read each file, cut out `<TITLE>` and `<TEXT>` with string search, insert
//!   them into `CREATE VIRTUAL TABLE t USING fts5(title, body)` with one prepared statement in
//!   transactions of 2,000 rows (WAL, synchronous=NORMAL, like isnad), single-threaded.
//! * **sqlite-utils** (when the command is installed): the same titles and texts as JSONL with a
//!   SHA-256 `id`, `sqlite-utils insert DB articles F --nl --pk id --ignore` (the CLI's stand-in
//!   for the Python API's `hash_id`) then `enable-fts DB articles title body`.
//!
//! * **`--no-extract`**: isnad itself without extraction, so the report shows what extraction costs
//!   (CPU with / without).
//! * **without stories**: isnad with extraction but without stories (no signatures, no LSH band
//!   look-ups; a library option only the benchmark sets), interleaved in the same run, so the report
//!   shows what building stories costs; the stage times show the story stages on their own. On the
//!   ANT corpus the report gives the number of stories and of stories with more than one article.
//!
//! `--smoke` ingests the first 40 files of the corpus (or `examples/sample` when the shared
//! corpus is absent) once, with 5 runs of each query: a check that the harness works, not a
//! measurement.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use isnad::ingest::{Options, StageTimes, ingest, inputs_from_paths};
use isnad::store::Store;
use isnad::store::query::{RelationFilter, StatementFilter};
use isnad::store::stories::StoryFilter;
use serde_json::{Value, json};

const DEFAULT_CORPUS: &str = "../shared/corpus/ant-v2.1";
const SMOKE_FILES: usize = 40;
const BATCH: usize = 2000;

type Res<T> = Result<T, Box<dyn std::error::Error>>;

struct Args {
    corpus: Option<PathBuf>,
    smoke: bool,
    runs: usize,
    out: Option<PathBuf>,
    json: Option<PathBuf>,
    queries: usize,
    jobs: Option<usize>,
    scaling: bool,
    sqlite_utils: bool,
    db: Option<PathBuf>,
}

fn usage() -> ! {
    eprintln!(
        "usage: bench [--corpus DIR] [--smoke] [--runs N] [--out DIR] [--json PATH] [--queries N] [--jobs N] [--no-scaling] [--no-sqlite-utils] [--db PATH]"
    );
    std::process::exit(2)
}

fn parse_args(mut it: impl Iterator<Item = String>) -> Args {
    let mut a = Args {
        corpus: None,
        smoke: false,
        runs: 0,
        out: None,
        json: None,
        queries: 0,
        jobs: None,
        scaling: true,
        sqlite_utils: true,
        db: None,
    };
    let num = |v: Option<String>| -> usize { v.and_then(|v| v.parse().ok()).unwrap_or_else(|| usage()) };
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--corpus" => a.corpus = Some(it.next().unwrap_or_else(|| usage()).into()),
            "--smoke" => a.smoke = true,
            "--runs" => a.runs = num(it.next()).max(1),
            "--out" => a.out = Some(it.next().unwrap_or_else(|| usage()).into()),
            "--json" => a.json = Some(it.next().unwrap_or_else(|| usage()).into()),
            "--queries" => a.queries = num(it.next()).max(1),
            "--jobs" | "-j" => a.jobs = Some(num(it.next()).max(1)),
            "--no-scaling" => a.scaling = false,
            "--no-sqlite-utils" => a.sqlite_utils = false,
            "--db" => a.db = Some(it.next().unwrap_or_else(|| usage()).into()),
            "-h" | "--help" => usage(),
            _ => usage(),
        }
    }
    if a.runs == 0 {
        a.runs = if a.smoke { 1 } else { 3 };
    }
    if a.queries == 0 {
        a.queries = if a.smoke { 5 } else { 50 };
    }
    a
}

fn main() {
    let mut argv = std::env::args().skip(1).peekable();
    if argv.peek().map(String::as_str) == Some("--child") {
        argv.next();
        let args: Vec<String> = argv.collect();
        match child(&args) {
            Ok(v) => println!("{v}"),
            Err(e) => {
                eprintln!("bench child {}: {e}", args.join(" "));
                std::process::exit(1);
            }
        }
        return;
    }
    let args = parse_args(argv);
    let done = match &args.db {
        Some(db) => run_queries_only(db, args.queries),
        None => run(&args),
    };
    if let Err(e) = done {
        eprintln!("bench: {e}");
        std::process::exit(1);
    }
}

// ---------------------------------------------------------------------------------------------
// Child processes: one ingest each, reporting its own time and peak RSS as one JSON line.

fn child(args: &[String]) -> Res<Value> {
    match args {
        [mode, db, list, rest @ ..] if mode == "isnad" => {
            let mut opts = Options::default();
            let mut rest = rest.iter();
            while let Some(flag) = rest.next() {
                match (flag.as_str(), rest.next()) {
                    ("--jobs", Some(n)) => opts.jobs = n.parse::<usize>()?,
                    ("--no-extract", None) => opts.extract = false,
                    ("--no-stories", None) => opts.stories = false,
                    _ => return Err("bad child arguments".into()),
                }
            }
            child_isnad(Path::new(db), &read_list(Path::new(list))?, &opts)
        }
        [mode, db, list] if mode == "bare" => child_bare(Path::new(db), &read_list(Path::new(list))?),
        _ => Err("bad child arguments".into()),
    }
}

fn child_isnad(db: &Path, files: &[PathBuf], opts: &Options) -> Res<Value> {
    let started = Instant::now();
    let inputs = inputs_from_paths(files, || Ok(Vec::new()))?;
    let summary = ingest(db, inputs, opts, "bench", &mut |_, _| {})?;
    // `ingest` returns after its connections are closed (last checkpoint included).
    let seconds = started.elapsed().as_secs_f64();
    let rss = peak_rss_kib();
    let cpu = cpu_seconds();
    let s: &StageTimes = &summary.stages;
    Ok(json!({
        "seconds": seconds,
        "pipeline_seconds": summary.seconds,
        "cpu_seconds": cpu,
        "user_seconds": user_seconds(),
        "peak_rss_kib": rss,
        "files": summary.files,
        "files_unchanged": summary.files_unchanged,
        "articles_new": summary.articles_new,
        "articles_duplicate": summary.articles_duplicate,
        "errors": summary.errors.len(),
        "stages": serde_json::to_value(s)?,
    }))
}

/// Title and text of every `<DOC>` of a TREC file; other files give one record, first line
/// as title. Simple string search, no isnad logic.
fn bare_records(text: &str) -> Vec<(&str, &str)> {
    fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
        let a = s.find(open)? + open.len();
        let b = s[a..].find(close)? + a;
        Some(s[a..b].trim())
    }
    let mut out = Vec::new();
    if text.trim_start().starts_with("<DOC") {
        for doc in text.split("</DOC>") {
            let title = between(doc, "<TITLE>", "</TITLE>");
            let body = between(doc, "<TEXT>", "</TEXT>");
            if title.is_some() || body.is_some() {
                out.push((title.unwrap_or(""), body.unwrap_or("")));
            }
        }
    } else {
        let t = text.trim();
        let (title, body) = t.split_once('\n').unwrap_or((t, ""));
        out.push((title.trim(), body.trim()));
    }
    out
}

fn child_bare(db: &Path, files: &[PathBuf]) -> Res<Value> {
    let started = Instant::now();
    let mut conn = rusqlite::Connection::open(db)?;
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
         CREATE VIRTUAL TABLE t USING fts5(title, body);",
    )?;
    let (mut rows, mut text_bytes, mut in_batch) = (0u64, 0u64, 0usize);
    let mut tx = conn.transaction()?;
    for f in files {
        let bytes = std::fs::read(f)?;
        let text = String::from_utf8_lossy(&bytes);
        for (title, body) in bare_records(&text) {
            tx.prepare_cached("INSERT INTO t (title, body) VALUES (?1, ?2)")?
                .execute([title, body])?;
            rows += 1;
            text_bytes += (title.len() + body.len()) as u64;
            in_batch += 1;
        }
        if in_batch >= BATCH {
            tx.commit()?;
            tx = conn.transaction()?;
            in_batch = 0;
        }
    }
    tx.commit()?;
    conn.close().map_err(|(_, e)| e)?;
    let seconds = started.elapsed().as_secs_f64();
    Ok(json!({
        "seconds": seconds,
        "peak_rss_kib": peak_rss_kib(),
        "cpu_seconds": cpu_seconds(),
        "rows": rows,
        "text_bytes": text_bytes,
    }))
}

/// CPU time (user + system, all threads) of this process so far, in seconds; `None` off Linux.
/// Less sensitive than wall time to other work on a shared machine.
fn cpu_seconds() -> Option<f64> {
    let (user, system) = cpu_times()?;
    Some(user + system)
}

/// User CPU time (all threads) of this process so far, in seconds: the issue's "user CPU"
/// (system time adds the page writes and fsyncs of commits); `None` off Linux.
fn user_seconds() -> Option<f64> {
    cpu_times().map(|(user, _)| user)
}

/// User and system CPU time of this process so far, in seconds.
fn cpu_times() -> Option<(f64, f64)> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which ends with the last ')'): utime and stime are the
    // 12th and 13th, in clock ticks (USER_HZ, 100 on Linux).
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    let tick = |i: usize| fields.get(i)?.parse::<f64>().ok().map(|t| t / 100.0);
    Some((tick(11)?, tick(12)?))
}

/// Peak resident set size of this process (`VmHWM`), in KiB; `None` off Linux.
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn read_list(p: &Path) -> Res<Vec<PathBuf>> {
    Ok(std::fs::read_to_string(p)?.lines().map(PathBuf::from).collect())
}

// ---------------------------------------------------------------------------------------------
// The parent: corpus, runs, report.

/// Every regular file under `dir` (hidden ones skipped), sorted by path.
fn list_files(dir: &Path) -> Res<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d)? {
            let e = e?;
            if e.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let ft = e.file_type()?;
            if ft.is_dir() {
                stack.push(e.path());
            } else if ft.is_file() {
                out.push(e.path());
            }
        }
    }
    out.sort();
    Ok(out)
}

struct Workspace {
    dir: PathBuf,
    keep: bool,
}

impl Drop for Workspace {
    fn drop(&mut self) {
        if !self.keep {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

fn remove_db(db: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}

fn file_len(p: &Path) -> u64 {
    std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)
}

/// Database size: the file plus its WAL after a TRUNCATE checkpoint.
fn db_size(db: &Path) -> Res<u64> {
    let conn = rusqlite::Connection::open(db)?;
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    drop(conn);
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    Ok(file_len(db) + file_len(Path::new(&wal)))
}

/// Bytes per table or index (dbstat), largest first; FTS5 shadow tables summed as `articles_fts*`.
fn db_breakdown(db: &Path) -> Vec<(String, u64)> {
    let Ok(conn) = rusqlite::Connection::open(db) else {
        return Vec::new();
    };
    let rows: rusqlite::Result<Vec<(String, i64)>> = conn
        .prepare("SELECT name, sum(pgsize) FROM dbstat GROUP BY name")
        .and_then(|mut s| s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect());
    let mut by: BTreeMap<String, u64> = BTreeMap::new();
    for (name, bytes) in rows.unwrap_or_default() {
        let key = if name.starts_with("articles_fts") {
            "articles_fts (all FTS5 tables)".to_owned()
        } else {
            name
        };
        *by.entry(key).or_default() += bytes as u64;
    }
    let mut v: Vec<_> = by.into_iter().collect();
    v.sort_by_key(|e| std::cmp::Reverse(e.1));
    v
}

/// Reads every file once, so that each timed run starts with the corpus in the page cache (this
/// machine's kernel pages idle files out between runs).
fn prewarm(files: &[PathBuf]) {
    for f in files {
        let _ = std::fs::read(f);
    }
}

fn spawn_child(args: &[&str]) -> Res<(Value, f64)> {
    let exe = std::env::current_exe()?;
    let started = Instant::now();
    let out = Command::new(exe)
        .arg("--child")
        .args(args)
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()?;
    let wall = started.elapsed().as_secs_f64();
    if !out.status.success() {
        return Err(format!("child {} failed ({})", args.join(" "), out.status).into());
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = stdout.lines().last().ok_or("child printed nothing")?;
    Ok((serde_json::from_str(line)?, wall))
}

fn isnad_child(db: &Path, list: &Path, jobs: Option<usize>) -> Res<Value> {
    isnad_child_with(db, list, jobs, &[])
}

/// One isnad ingest in a child process with extra child flags (`--no-extract` is
/// `ingest --no-extract`; `--no-stories` builds no stories).
fn isnad_child_with(db: &Path, list: &Path, jobs: Option<usize>, flags: &[&str]) -> Res<Value> {
    let (db, list) = (db.display().to_string(), list.display().to_string());
    let j = jobs.map(|j| j.to_string());
    let mut args = vec!["isnad", &db, &list];
    if let Some(j) = &j {
        args.extend(["--jobs", j.as_str()]);
    }
    args.extend(flags);
    Ok(spawn_child(&args)?.0)
}

fn bare_child(db: &Path, list: &Path) -> Res<Value> {
    let (db, list) = (db.display().to_string(), list.display().to_string());
    Ok(spawn_child(&["bare", &db, &list])?.0)
}

fn sqlite_utils_installed() -> bool {
    Command::new("sqlite-utils")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Writes the bare records of `files` as JSONL (`{"id", "title", "body"}` per line). The id is
/// SHA-256 of title, newline, body: the CLI of sqlite-utils 4 has no `--hash-id` (only its Python
/// API does), so the hash is computed here, untimed (SHA-256 runs at ~1 GiB/s: ~0.1 s here).
fn export_jsonl(files: &[PathBuf], path: &Path) -> Res<()> {
    use std::io::Write;
    let mut w = std::io::BufWriter::new(std::fs::File::create(path)?);
    for f in files {
        let bytes = std::fs::read(f)?;
        let text = String::from_utf8_lossy(&bytes);
        for (title, body) in bare_records(&text) {
            let id = isnad::article::hex(&isnad::article::sha256(format!("{title}\n{body}").as_bytes()));
            serde_json::to_writer(&mut w, &json!({ "id": id, "title": title, "body": body }))?;
            w.write_all(b"\n")?;
        }
    }
    w.flush()?;
    Ok(())
}

/// Times `sqlite-utils insert --nl --pk id --ignore` plus `enable-fts`; seconds for (insert, fts).
fn sqlite_utils_run(db: &Path, jsonl: &Path) -> Res<(f64, f64)> {
    let run = |args: &[&str]| -> Res<f64> {
        let started = Instant::now();
        let out = Command::new("sqlite-utils").args(args).stdin(Stdio::null()).output()?;
        if !out.status.success() {
            return Err(format!(
                "sqlite-utils {} failed: {}",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr).trim()
            )
            .into());
        }
        Ok(started.elapsed().as_secs_f64())
    };
    let (db, jsonl) = (db.display().to_string(), jsonl.display().to_string());
    let insert = run(&["insert", &db, "articles", &jsonl, "--nl", "--pk", "id", "--ignore"])?;
    let fts = run(&["enable-fts", &db, "articles", "title", "body"])?;
    Ok((insert, fts))
}

fn median(v: &[f64]) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    let mut s = v.to_vec();
    s.sort_by(|a, b| a.total_cmp(b));
    let n = s.len();
    if n % 2 == 1 {
        s[n / 2]
    } else {
        (s[n / 2 - 1] + s[n / 2]) / 2.0
    }
}

/// The value at quantile `q` (nearest rank).
fn quantile(v: &[f64], q: f64) -> f64 {
    let mut s = v.to_vec();
    s.sort_by(|a, b| a.total_cmp(b));
    let rank = ((q * s.len() as f64).ceil() as usize).clamp(1, s.len());
    s[rank - 1]
}

fn f(v: &Value, k: &str) -> f64 {
    v.get(k).and_then(Value::as_f64).unwrap_or(f64::NAN)
}

fn mib(bytes: f64) -> f64 {
    bytes / (1024.0 * 1024.0)
}

fn list_of(v: &[f64], digits: usize) -> String {
    v.iter().map(|x| format!("{x:.digits$}")).collect::<Vec<_>>().join(" ")
}

/// A result of one query run: rows returned, or an error message.
fn time_query(n: usize, mut q: impl FnMut() -> Result<usize, String>) -> (Vec<f64>, Result<usize, String>) {
    let first = q();
    let mut times = Vec::with_capacity(n);
    for _ in 0..n {
        let t = Instant::now();
        let _ = q();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    (times, first)
}

/// A timed query: its name, the times of its runs (ms) and its result.
type Timed = (String, Vec<f64>, Result<usize, String>);

/// The benchmark's queries on `store`, each run `n` times after one warm-up.
fn time_queries(store: &Store, n: usize) -> Vec<Timed> {
    let mut queries: Vec<Timed> = Vec::new();
    let who = "ترامب";
    for q in ["سوريه", "ترامب", "اسعار النفط", "الامم المتحده"] {
        let (t, r) = time_query(n, || store.search(q, 20).map(|h| h.len()).map_err(|e| e.to_string()));
        queries.push((format!("search {q}"), t, r));
    }
    let (t, r) = time_query(n, || {
        store
            .statements(&StatementFilter {
                speaker: Some(who.into()),
                ..Default::default()
            })
            .map(|v| v.len())
            .map_err(|e| e.to_string())
    });
    queries.push((format!("statements --speaker {who}"), t, r));
    let (t, r) = time_query(n, || {
        store
            .actor_profile(who, 20)
            .map(|p| p.statements.len() + p.relations.len() + p.article_ids.len())
            .map_err(|e| e.to_string())
    });
    queries.push((format!("actor {who}"), t, r));
    let (t, r) = time_query(n, || {
        store
            .relations(&RelationFilter {
                actor: Some(who.into()),
                ..Default::default()
            })
            .map(|v| v.len())
            .map_err(|e| e.to_string())
    });
    queries.push((format!("relations --actor {who}"), t, r));
    let (t, r) = time_query(n, || {
        let timeline = store.timeline(who, &Default::default());
        timeline.map(|t| t.rows.len()).map_err(|e| e.to_string())
    });
    queries.push((format!("timeline {who}"), t, r));
    let (t, r) = time_query(n, || {
        let actors = store.actors(None, None, Some(20));
        actors.map(|v| v.len()).map_err(|e| e.to_string())
    });
    queries.push(("actors --limit 20".into(), t, r));
    queries
}

/// The query table: p50, p95 and max of each query.
fn query_table(o: &mut String, queries: &[Timed]) -> std::fmt::Result {
    writeln!(
        o,
        "  {:<36} {:>9} {:>9} {:>9}  result",
        "query", "p50 ms", "p95 ms", "max ms"
    )?;
    for (name, t, r) in queries {
        let res = match r {
            Ok(n) => format!("{n} rows"),
            Err(e) => format!("error: {e}"),
        };
        writeln!(
            o,
            "  {name:<36} {:>9.2} {:>9.2} {:>9.2}  {res}",
            quantile(t, 0.5),
            quantile(t, 0.95),
            quantile(t, 1.0)
        )?;
    }
    Ok(())
}

/// `--db PATH`: the queries alone, on an existing database (no ingest).
fn run_queries_only(db: &Path, n: usize) -> Res<()> {
    let store = Store::open_read_only(db)?;
    let mut o = String::new();
    writeln!(
        o,
        "== Queries on {} ({n} timed runs each, after one warm-up) ==",
        db.display()
    )?;
    query_table(&mut o, &time_queries(&store, n))?;
    print!("{o}");
    Ok(())
}

fn run(args: &Args) -> Res<()> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let default_corpus = root.join(DEFAULT_CORPUS);
    let corpus = match &args.corpus {
        Some(c) => c.clone(),
        None if default_corpus.is_dir() => default_corpus,
        None if args.smoke => root.join("examples/sample"),
        None => {
            return Err(format!(
                "no corpus at {} (give --corpus DIR, or --smoke for the bundled sample)",
                default_corpus.display()
            )
            .into());
        }
    };
    let mut files = list_files(&corpus)?;
    if args.smoke {
        files.truncate(SMOKE_FILES);
    }
    if files.is_empty() {
        return Err(format!("no files under {}", corpus.display()).into());
    }
    let corpus_bytes: u64 = files.iter().map(|f| file_len(f)).sum();
    let ws = match &args.out {
        Some(d) => {
            std::fs::create_dir_all(d)?;
            Workspace {
                dir: d.clone(),
                keep: true,
            }
        }
        None => {
            let d = std::env::temp_dir().join(format!("isnad-bench-{}", std::process::id()));
            std::fs::create_dir_all(&d)?;
            Workspace { dir: d, keep: false }
        }
    };
    let write_list = |name: &str, n: usize| -> Res<PathBuf> {
        let p = ws.dir.join(name);
        let mut s = String::new();
        for f in &files[..n] {
            writeln!(s, "{}", f.display())?;
        }
        std::fs::write(&p, s)?;
        Ok(p)
    };
    let n = files.len();
    let full_list = write_list("files-all.txt", n)?;
    let jobs = args.jobs.unwrap_or_else(|| Options::default().jobs);
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());

    let mut out = String::new();
    writeln!(
        out,
        "isnad ingest benchmark{}",
        if args.smoke { " (smoke)" } else { "" }
    )?;
    writeln!(
        out,
        "corpus   {} ({} files, {:.1} MiB); workers {jobs} + 1 writer on {cpus} CPUs; {} run(s), interleaved",
        corpus.display(),
        n,
        mib(corpus_bytes as f64),
        args.runs
    )?;
    writeln!(out, "work dir {}", ws.dir.display())?;
    eprint!("{out}");

    // ---- Main runs: bare FTS5, isnad first ingest, isnad re-ingest, sqlite-utils; alternating.
    let su = args.sqlite_utils && sqlite_utils_installed();
    let jsonl = ws.dir.join("articles.jsonl");
    if su {
        export_jsonl(&files, &jsonl)?;
    }
    let isnad_db = ws.dir.join("isnad.db");
    let bare_db = ws.dir.join("bare.db");
    let su_db = ws.dir.join("sqlite-utils.db");
    let noext_db = ws.dir.join("no-extract.db");
    let (mut bare, mut first, mut second, mut sqlu) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut noext = Vec::new();
    let nostory_db = ws.dir.join("no-stories.db");
    let mut nostory = Vec::new();
    let (mut isnad_bytes, mut bare_bytes) = (Vec::new(), Vec::new());
    for r in 0..args.runs {
        let mut do_bare = || -> Res<()> {
            remove_db(&bare_db);
            prewarm(&files);
            let v = bare_child(&bare_db, &full_list)?;
            bare_bytes.push(db_size(&bare_db)? as f64);
            eprintln!("run {}: bare FTS5      {:7.2} s", r + 1, f(&v, "seconds"));
            bare.push(v);
            Ok(())
        };
        let mut do_isnad = || -> Res<()> {
            remove_db(&isnad_db);
            prewarm(&files);
            let v = isnad_child(&isnad_db, &full_list, args.jobs)?;
            isnad_bytes.push(db_size(&isnad_db)? as f64);
            eprintln!("run {}: isnad ingest   {:7.2} s", r + 1, f(&v, "seconds"));
            first.push(v);
            prewarm(&files);
            let v = isnad_child(&isnad_db, &full_list, args.jobs)?;
            eprintln!("run {}: isnad re-ingest{:7.2} s", r + 1, f(&v, "seconds"));
            second.push(v);
            remove_db(&noext_db);
            prewarm(&files);
            let v = isnad_child_with(&noext_db, &full_list, args.jobs, &["--no-extract"])?;
            eprintln!("run {}: --no-extract   {:7.2} s", r + 1, f(&v, "seconds"));
            noext.push(v);
            remove_db(&nostory_db);
            prewarm(&files);
            let v = isnad_child_with(&nostory_db, &full_list, args.jobs, &["--no-stories"])?;
            eprintln!("run {}: no stories     {:7.2} s", r + 1, f(&v, "seconds"));
            nostory.push(v);
            Ok(())
        };
        // Alternate the order so that neither side always runs on a warmer machine.
        if r % 2 == 0 {
            do_bare()?;
            do_isnad()?;
        } else {
            do_isnad()?;
            do_bare()?;
        }
        if su {
            remove_db(&su_db);
            match sqlite_utils_run(&su_db, &jsonl) {
                Ok((i, t)) => {
                    eprintln!("run {}: sqlite-utils   {:7.2} s", r + 1, i + t);
                    sqlu.push((i, t));
                }
                Err(e) => eprintln!("run {}: sqlite-utils skipped: {e}", r + 1),
            }
        }
    }
    let secs = |v: &[Value], k: &str| v.iter().map(|x| f(x, k)).collect::<Vec<f64>>();
    let t_first = secs(&first, "seconds");
    let t_second = secs(&second, "seconds");
    let t_bare = secs(&bare, "seconds");
    let articles = f(&first[0], "articles_new") + f(&first[0], "articles_duplicate");
    let ratio_bare: Vec<f64> = t_first.iter().zip(&t_bare).map(|(a, b)| a / b).collect();
    let ratio_reingest: Vec<f64> = t_first.iter().zip(&t_second).map(|(a, b)| a / b).collect();
    let text_bytes = f(&bare[0], "text_bytes");

    // ---- Queries on the last isnad database.
    let store = Store::open_read_only(&isnad_db)?;
    let stories = store.stories(&StoryFilter::default())?.len();
    let multi = store
        .stories(&StoryFilter {
            min_articles: Some(2),
            ..Default::default()
        })?
        .len();
    let queries = time_queries(&store, args.queries);
    drop(store);

    // ---- Scaling: prefixes of the sorted file list.
    let mut scaling: Vec<(usize, u64, Vec<Value>)> = Vec::new();
    if args.scaling {
        for (name, k) in [("quarter", n / 4), ("half", n / 2)] {
            let k = k.max(1);
            let list = write_list(&format!("files-{name}.txt"), k)?;
            let db = ws.dir.join(format!("scale-{name}.db"));
            let mut runs = Vec::new();
            for r in 0..args.runs {
                remove_db(&db);
                prewarm(&files[..k]);
                let v = isnad_child(&db, &list, args.jobs)?;
                eprintln!("run {}: isnad {name:8} {:7.2} s", r + 1, f(&v, "seconds"));
                runs.push(v);
            }
            remove_db(&db);
            scaling.push((k, files[..k].iter().map(|f| file_len(f)).sum(), runs));
        }
        scaling.push((n, corpus_bytes, first.clone()));
    }

    // ---- Report.
    let mut o = String::new();
    let med_first = median(&t_first);
    let med_rss = median(&secs(&first, "peak_rss_kib"));
    let med_db = median(&isnad_bytes);
    writeln!(o)?;
    writeln!(o, "== First ingest (fresh database) ==")?;
    writeln!(o, "  {:<34} {:>12}   per run", "figure", "median")?;
    let row = |o: &mut String, name: &str, med: String, runs: String| writeln!(o, "  {name:<34} {med:>12}   {runs}");
    row(&mut o, "time (s)", format!("{med_first:.2}"), list_of(&t_first, 2))?;
    let cpu_first = secs(&first, "cpu_seconds");
    row(
        &mut o,
        "CPU time (s, user+sys, all threads)",
        format!("{:.2}", median(&cpu_first)),
        list_of(&cpu_first, 2),
    )?;
    let aps: Vec<f64> = t_first.iter().map(|t| articles / t).collect();
    row(&mut o, "articles/s", format!("{:.0}", median(&aps)), list_of(&aps, 0))?;
    let mbs: Vec<f64> = t_first.iter().map(|t| mib(corpus_bytes as f64) / t).collect();
    row(
        &mut o,
        "MiB/s (input files)",
        format!("{:.2}", median(&mbs)),
        list_of(&mbs, 2),
    )?;
    let rss: Vec<f64> = secs(&first, "peak_rss_kib").iter().map(|k| k / 1024.0).collect();
    row(
        &mut o,
        "peak RSS (MiB)",
        format!("{:.1}", median(&rss)),
        list_of(&rss, 1),
    )?;
    let dbm: Vec<f64> = isnad_bytes.iter().map(|b| mib(*b)).collect();
    row(
        &mut o,
        "database size (MiB, db+wal)",
        format!("{:.1}", mib(med_db)),
        list_of(&dbm, 1),
    )?;
    writeln!(
        o,
        "  {:<34} {:>12}   {} new, {} duplicate, {} errors",
        "articles", articles, first[0]["articles_new"], first[0]["articles_duplicate"], first[0]["errors"]
    )?;
    writeln!(
        o,
        "  database / input files {:.2}x, / title+text {:.2}x ({:.1} MiB of title+text)",
        med_db / corpus_bytes as f64,
        med_db / text_bytes,
        mib(text_bytes)
    )?;

    // Stage times of the median run.
    let mid = {
        let mut idx: Vec<usize> = (0..first.len()).collect();
        idx.sort_by(|&a, &b| t_first[a].total_cmp(&t_first[b]));
        idx[idx.len() / 2]
    };
    let st = &first[mid]["stages"];
    let workers = st["workers"].as_u64().unwrap_or(0);
    writeln!(o)?;
    writeln!(
        o,
        "== Stage times (run {} of {}, {:.2} s wall; worker stages summed over {workers} workers) ==",
        mid + 1,
        first.len(),
        t_first[mid]
    )?;
    let stage_rows: [(&str, &str, &[&str]); 13] = [
        ("read (metadata + bytes)", "workers", &["read"]),
        ("decode", "workers", &["decode"]),
        ("parse (format, records)", "workers", &["parse"]),
        ("clean + content hash", "workers", &["clean_hash"]),
        (
            "hash/dedup (raw SHA-256, look-ups)",
            "workers",
            &["raw_hash", "lookups"],
        ),
        ("search forms", "workers", &["prepare"]),
        ("extract", "workers", &["extract"]),
        ("story signatures (shingles, MinHash)", "workers", &["story_signatures"]),
        ("write (rows, w/o FTS, extraction)", "writer", &["write"]),
        ("FTS insert", "writer", &["fts"]),
        ("write extraction results", "writer", &["write_extraction"]),
        ("stories (LSH band look-up + insert)", "writer", &["stories"]),
        ("commit + run updates", "writer", &["commit"]),
    ];
    writeln!(o, "  {:<36} {:>8} {:>9} {:>8}", "stage", "thread", "seconds", "% wall")?;
    let mut worker_total = 0.0;
    for (name, thread, keys) in stage_rows {
        let s: f64 = keys.iter().map(|k| f(st, k)).sum();
        if thread == "workers" {
            worker_total += s;
        }
        writeln!(
            o,
            "  {name:<36} {thread:>8} {s:>9.2} {:>7.1}%",
            100.0 * s / t_first[mid]
        )?;
    }
    let idle = f(st, "writer_idle");
    writeln!(
        o,
        "  {:<36} {:>8} {idle:>9.2} {:>7.1}%",
        "(writer waiting for workers)",
        "writer",
        100.0 * idle / t_first[mid]
    )?;
    let writer_busy: f64 = ["write", "fts", "write_extraction", "stories", "commit"]
        .iter()
        .map(|k| f(st, k))
        .sum();
    writeln!(
        o,
        "  workers busy {worker_total:.2} s of {:.2} s available; writer busy {writer_busy:.2} s of {:.2} s",
        t_first[mid] * workers as f64,
        t_first[mid]
    )?;

    let story_secs = f(st, "stories") + f(st, "story_signatures") / workers.max(1) as f64;
    writeln!(
        o,
        "  stories: {:.2} s on the writer + {:.2} s on the workers ({:.1}% of wall if the workers' share is spread over them); {stories} stories, {multi} with more than one article",
        f(st, "stories"),
        f(st, "story_signatures"),
        100.0 * story_secs / t_first[mid]
    )?;
    writeln!(o)?;
    writeln!(
        o,
        "== Against the baselines (same files; ratio = median of per-run ratios) =="
    )?;
    writeln!(
        o,
        "  {:<34} {:>10} {:>10} {:>8} {:>10} {:>10} {:>9}",
        "", "time (s)", "isnad / it", "CPU (s)", "CPU ratio", "RSS (MiB)", "DB (MiB)"
    )?;
    writeln!(
        o,
        "  {:<34} {:>10.2} {:>10} {:>8.2} {:>10} {:>10.1} {:>9.1}",
        "isnad first ingest",
        med_first,
        "",
        median(&cpu_first),
        "",
        med_rss / 1024.0,
        mib(med_db)
    )?;
    let cpu_noext = secs(&noext, "cpu_seconds");
    let ratio_noext_cpu: Vec<f64> = cpu_first.iter().zip(&cpu_noext).map(|(a, b)| a / b).collect();
    let t_noext = secs(&noext, "seconds");
    let ratio_noext: Vec<f64> = t_first.iter().zip(&t_noext).map(|(a, b)| a / b).collect();
    writeln!(
        o,
        "  {:<34} {:>10.2} {:>10} {:>8.2} {:>10} {:>10.1}   (the cost of extraction: CPU ratio per run {})",
        "isnad ingest --no-extract",
        median(&t_noext),
        format!("{:.2}x", median(&ratio_noext)),
        median(&cpu_noext),
        format!("{:.2}x", median(&ratio_noext_cpu)),
        median(&secs(&noext, "peak_rss_kib")) / 1024.0,
        list_of(&ratio_noext_cpu, 2)
    )?;
    let ratio_noext_user: Vec<f64> = secs(&first, "user_seconds")
        .iter()
        .zip(&secs(&noext, "user_seconds"))
        .map(|(a, b)| a / b)
        .collect();
    writeln!(
        o,
        "  {:<34} user CPU ratio {:.2}x (per run {}); user+sys above",
        "  (extraction, user CPU only)",
        median(&ratio_noext_user),
        list_of(&ratio_noext_user, 2)
    )?;
    let cpu_nostory = secs(&nostory, "cpu_seconds");
    let ratio_nostory_cpu: Vec<f64> = cpu_first.iter().zip(&cpu_nostory).map(|(a, b)| a / b).collect();
    let t_nostory = secs(&nostory, "seconds");
    let ratio_nostory: Vec<f64> = t_first.iter().zip(&t_nostory).map(|(a, b)| a / b).collect();
    writeln!(
        o,
        "  {:<34} {:>10.2} {:>10} {:>8.2} {:>10} {:>10.1}   (the cost of stories: time ratio per run {})",
        "isnad ingest without stories",
        median(&t_nostory),
        format!("{:.2}x", median(&ratio_nostory)),
        median(&cpu_nostory),
        format!("{:.2}x", median(&ratio_nostory_cpu)),
        median(&secs(&nostory, "peak_rss_kib")) / 1024.0,
        list_of(&ratio_nostory, 2)
    )?;
    let cpu_bare = secs(&bare, "cpu_seconds");
    let ratio_bare_cpu: Vec<f64> = cpu_first.iter().zip(&cpu_bare).map(|(a, b)| a / b).collect();
    writeln!(
        o,
        "  {:<34} {:>10.2} {:>10} {:>8.2} {:>10} {:>10.1} {:>9.1}   ({} rows; time ratio per run: {})",
        "bare FTS5 insert",
        median(&t_bare),
        format!("{:.2}x", median(&ratio_bare)),
        median(&cpu_bare),
        format!("{:.2}x", median(&ratio_bare_cpu)),
        median(&secs(&bare, "peak_rss_kib")) / 1024.0,
        mib(median(&bare_bytes)),
        bare[0]["rows"],
        list_of(&ratio_bare, 2)
    )?;
    let ratio_su: Vec<f64> = t_first.iter().zip(&sqlu).map(|(a, (i, t))| a / (i + t)).collect();
    if sqlu.is_empty() {
        writeln!(
            o,
            "  {:<34} {}",
            "sqlite-utils insert + enable-fts",
            if args.sqlite_utils {
                "skipped (sqlite-utils not installed: pip install sqlite-utils)"
            } else {
                "skipped (--no-sqlite-utils)"
            }
        )?;
    } else {
        let tot: Vec<f64> = sqlu.iter().map(|(i, t)| i + t).collect();
        writeln!(
            o,
            "  {:<34} {:>10.2} {:>10} {:>8} {:>10} {:>10} {:>9.1}   (insert {:.2} s + enable-fts {:.2} s; time ratio per run: {})",
            "sqlite-utils insert + enable-fts",
            median(&tot),
            format!("{:.2}x", median(&ratio_su)),
            "-",
            "-",
            "-",
            mib(file_len(&su_db) as f64),
            median(&sqlu.iter().map(|x| x.0).collect::<Vec<_>>()),
            median(&sqlu.iter().map(|x| x.1).collect::<Vec<_>>()),
            list_of(&ratio_su, 2)
        )?;
    }

    writeln!(o)?;
    writeln!(o, "== Re-ingest of the unchanged corpus ==")?;
    writeln!(
        o,
        "  time {:.3} s (per run: {}); first / re-ingest {:.1}x (per run: {}); peak RSS {:.1} MiB; {} of {} files unchanged",
        median(&t_second),
        list_of(&t_second, 3),
        median(&ratio_reingest),
        list_of(&ratio_reingest, 1),
        median(&secs(&second, "peak_rss_kib")) / 1024.0,
        second[0]["files_unchanged"],
        second[0]["files"]
    )?;

    writeln!(o)?;
    writeln!(
        o,
        "== Queries on the ingested database ({} timed runs each, after one warm-up) ==",
        args.queries
    )?;
    query_table(&mut o, &queries)?;

    let mut scaling_json = Vec::new();
    if !scaling.is_empty() {
        writeln!(o)?;
        writeln!(o, "== Scaling (prefixes of the sorted file list; medians over runs) ==")?;
        writeln!(
            o,
            "  {:>7} {:>9} {:>7} {:>9} {:>11} {:>8} {:>15} {:>10}   busy s (median run): workers / writer = write + FTS + extraction write + commit",
            "files", "articles", "MiB", "time (s)", "ms/article", "CPU (s)", "CPU ms/article", "RSS (MiB)",
        )?;
        let mut per_article = Vec::new();
        for (k, bytes, runs) in &scaling {
            let t = median(&secs(runs, "seconds"));
            let cpu = median(&secs(runs, "cpu_seconds"));
            let arts = f(&runs[0], "articles_new") + f(&runs[0], "articles_duplicate");
            let rss = median(&secs(runs, "peak_rss_kib")) / 1024.0;
            per_article.push((t / arts, cpu / arts));
            let ts = secs(runs, "seconds");
            let mid = (0..runs.len())
                .min_by(|&a, &b| (ts[a] - t).abs().total_cmp(&(ts[b] - t).abs()))
                .unwrap_or(0);
            let st = &runs[mid]["stages"];
            let wk: f64 = [
                "read",
                "decode",
                "parse",
                "clean_hash",
                "raw_hash",
                "lookups",
                "prepare",
                "extract",
            ]
            .iter()
            .map(|k| f(st, k))
            .sum();
            let wr: Vec<f64> = ["write", "fts", "write_extraction", "commit"]
                .iter()
                .map(|k| f(st, k))
                .collect();
            writeln!(
                o,
                "  {k:>7} {arts:>9} {:>7.1} {t:>9.2} {:>11.3} {cpu:>8.2} {:>15.3} {rss:>10.1}   {wk:.1} / {:.1} = {:.1} + {:.1} + {:.1} + {:.1}",
                mib(*bytes as f64),
                1000.0 * t / arts,
                1000.0 * cpu / arts,
                wr.iter().sum::<f64>(),
                wr[0],
                wr[1],
                wr[2],
                wr[3]
            )?;
            scaling_json.push(
                json!({"files": k, "bytes": bytes, "articles": arts, "seconds": t, "cpu_seconds": cpu, "peak_rss_mib": rss,
                "runs": secs(runs, "seconds")}),
            );
        }
        if per_article.len() == 3 {
            let (p, q) = (&per_article, |a: (f64, f64), b: (f64, f64)| (a.0 / b.0, a.1 / b.1));
            let (hq, ah, aq) = (q(p[1], p[0]), q(p[2], p[1]), q(p[2], p[0]));
            writeln!(
                o,
                "  per-article ratios (1.00 = linear), time: half/quarter {:.2}, all/half {:.2}, all/quarter {:.2}; CPU: {:.2}, {:.2}, {:.2}",
                hq.0, ah.0, aq.0, hq.1, ah.1, aq.1
            )?;
        }
    }

    let breakdown = db_breakdown(&isnad_db);
    if !breakdown.is_empty() {
        writeln!(o)?;
        writeln!(o, "== Where the database's bytes are (dbstat, last run) ==")?;
        for (name, bytes) in breakdown.iter().take(8) {
            writeln!(o, "  {name:<36} {:>9.1} MiB", mib(*bytes as f64))?;
        }
    }
    print!("{o}");

    if let Some(path) = &args.json {
        let v = json!({
            "smoke": args.smoke,
            "corpus": corpus.display().to_string(),
            "files": n,
            "corpus_bytes": corpus_bytes,
            "title_text_bytes": text_bytes,
            "cpus": cpus,
            "workers": jobs,
            "runs": args.runs,
            "first_ingest": {
                "seconds_median": med_first,
                "articles": articles,
                "articles_per_second": median(&aps),
                "mib_per_second": median(&mbs),
                "peak_rss_mib": med_rss / 1024.0,
                "db_bytes": med_db,
                "runs": first,
            },
            "reingest": {
                "seconds_median": median(&t_second),
                "first_over_reingest": median(&ratio_reingest),
                "runs": second,
            },
            "no_extract": {
                "seconds_median": median(&t_noext),
                "cpu_with_over_without": median(&ratio_noext_cpu),
                "runs": noext,
            },
            "bare_fts5": {
                "seconds_median": median(&t_bare),
                "isnad_over_bare": median(&ratio_bare),
                "db_bytes": median(&bare_bytes),
                "runs": bare,
            },
            "sqlite_utils": if sqlu.is_empty() { Value::Null } else { json!({
                "seconds_median": median(&sqlu.iter().map(|(i, t)| i + t).collect::<Vec<_>>()),
                "isnad_over_sqlite_utils": median(&ratio_su),
                "runs": sqlu.iter().map(|(i, t)| json!({"insert": i, "enable_fts": t})).collect::<Vec<_>>(),
            })},
            "queries": queries.iter().map(|(name, t, r)| json!({
                "query": name, "p50_ms": quantile(t, 0.5), "p95_ms": quantile(t, 0.95), "max_ms": quantile(t, 1.0),
                "rows": r.as_ref().ok(), "error": r.as_ref().err(),
            })).collect::<Vec<_>>(),
            "scaling": scaling_json,
            "db_breakdown": breakdown.iter().map(|(k, b)| json!({"name": k, "bytes": b})).collect::<Vec<_>>(),
        });
        std::fs::write(path, serde_json::to_string_pretty(&v)? + "\n")?;
    }
    Ok(())
}
