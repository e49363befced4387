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

#[test]
fn search_hits_for_a_fixed_list_of_queries() {
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
    insta::assert_snapshot!("search_hits", hit_lists(&env.db()));
}
