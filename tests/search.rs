//! Full-text search hits for a fixed list of realistic queries on a fixed corpus (the bundled
//! sample, the test fixtures, thirteen more ANT articles and the English article), recorded as
//! a snapshot. How the index stores words may change (issue 11: proclitic-free forms are found
//! by expanding the query rather than indexed twice); which articles a query finds must not.

mod common;

use std::fmt::Write as _;
use std::path::Path;

use common::*;
use isnad::store::Store;

/// Arabic words bare and with every kind of proclitic (و ف ب ل ك ال لل وال بال …), words whose
/// first letters only look like a proclitic (فلسطين, بريطانيا, لندن), hamza forms and harakat,
/// short words, several words, quoted phrases (searched as all-words), English, digits.
const QUERIES: &[&str] = &[
    "سوريا",
    "وسوريا",
    "بسوريه",
    "السوريه",
    "الحكومة",
    "والحكومه",
    "للحكومة",
    "بالعاصمة",
    "كالعادة",
    "فلسطيني",
    "بريطانيا",
    "لندن",
    "ترامب",
    "ترمب",
    "إيران",
    "مُحَمَّد",
    "في",
    "الأمم المتحدة",
    "\"وزير الخارجية\"",
    "أسعار النفط",
    "النفط",
    "الرئيس الأمريكي",
    "السعودية مليار",
    "Syria",
    "KERRY embassy",
    "240",
    "للحوثيين",
    "ومصر",
];

/// The hit list of every query: its count and the hits' titles (at most 40 characters), sorted.
fn hit_lists(db: &Path) -> String {
    let store = Store::open_read_only(db).expect("opening the database");
    let mut out = String::new();
    for q in QUERIES {
        let hits = store.search(q, 1000).expect("a search");
        let mut titles: Vec<String> = hits.iter().map(|h| h.title.chars().take(40).collect()).collect();
        titles.sort();
        writeln!(out, "{q}: {}", hits.len()).unwrap();
        for t in titles {
            writeln!(out, "    {t}").unwrap();
        }
    }
    out
}

/// The fixed corpus in a fresh database.
fn corpus() -> Env {
    let env = Env::new();
    let fixtures = fixture("search");
    let mut names: Vec<_> = std::fs::read_dir(&fixtures)
        .expect("the search fixtures")
        .map(|e| e.expect("an entry").file_name().into_string().expect("a UTF-8 name"))
        .collect();
    names.sort();
    for n in &names {
        env.copy(&format!("search/{n}"), &format!("in/search/{n}"));
    }
    for a in ANT {
        env.copy(a, &format!("in/{a}"));
    }
    env.copy(SEED, &format!("in/{SEED}"));
    env.write("in/english.json", english_json());
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sample");
    let summary = env.ingest(&["--no-extract", "in", sample.to_str().expect("a UTF-8 path")]);
    assert_eq!(summary["errors"], serde_json::json!([]), "{summary:#}");
    assert_eq!(summary["articles_new"], 25, "{summary:#}");
    env
}

#[test]
fn search_hits_for_a_fixed_list_of_queries() {
    let env = corpus();
    insta::assert_snapshot!("search_hits", hit_lists(&env.db()));
}

/// Runs `src/store/search_expansion.sql` for each query (argv: database, SQL, then the queries in
/// match form) and prints each one's article ids, sorted, one line per query.
const PLAIN_SQL: &str = r#"
import sqlite3, sys
c = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
for q in sys.argv[3:]:
    print(" ".join(str(i) for i in sorted(r[0] for r in c.execute(sys.argv[2], {"q": q}))))
"#;

/// The expansion in plain SQL (for tools without isnad) finds, in the system python3's SQLite,
/// the same articles as `isnad search` for every query. Without `python3` the test says so and
/// passes, except under CI.
#[test]
fn the_plain_sql_expansion_finds_what_search_finds() {
    let env = corpus();
    let sql = include_str!("../src/store/search_expansion.sql");
    let folded: Vec<String> = QUERIES
        .iter()
        .map(|q| {
            isnad::normalize::match_form(q)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let out = match std::process::Command::new("python3")
        .args(["-c", PLAIN_SQL])
        .arg(env.db())
        .arg(sql)
        .args(&folded)
        .output()
    {
        Ok(out) => out,
        Err(e) if std::env::var_os("CI").is_none() => {
            eprintln!("skipped: no python3 here ({e})");
            return;
        }
        Err(e) => panic!("python3 is needed under CI: {e}"),
    };
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let store = Store::open_read_only(&env.db()).expect("opening the database");
    let lines: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_owned)
        .collect();
    assert_eq!(lines.len(), QUERIES.len());
    for (q, line) in QUERIES.iter().zip(&lines) {
        let mut ids: Vec<i64> = store
            .search(q, 1000)
            .expect("a search")
            .iter()
            .map(|h| h.article_id)
            .collect();
        ids.sort_unstable();
        let expected = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(" ");
        assert_eq!(line, &expected, "{q}");
    }
}
