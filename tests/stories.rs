//! Stories through the real binary: content hashes that ignore whitespace, near-duplicate copies
//! of one dispatch in one story, story ids that survive re-ingest and re-extraction, and the
//! `stories`, `show` and `similar` output.

mod common;

use common::*;
use serde_json::Value;

/// One dispatch from three outlets (tests/fixtures/SOURCES.md), relative to `tests/fixtures`.
const COPIES: [&str; 3] = [
    "stories/AL-internationalNews-1984-20180718.txt",
    "stories/FR-internationalNews-2387-20180719.txt",
    "stories/SK-internationalNews-2717-20180718.txt",
];

/// The three copies and the three unrelated ANT articles, ingested: ids 1–3 the copies.
fn corpus() -> Env {
    let env = Env::new();
    for c in COPIES {
        env.copy(c, &format!("in/a/{c}"));
    }
    for a in ANT {
        env.copy(a, &format!("in/b/{a}"));
    }
    let summary = env.ingest(&["in"]);
    assert_eq!(summary["articles_new"], 6, "{summary:#}");
    env
}

fn stories_of(env: &Env) -> Vec<i64> {
    env.articles(&[]).iter().map(|a| int_field(a, "story")).collect()
}

fn rows(v: Value) -> Vec<Value> {
    match v {
        Value::Array(rows) => rows,
        other => panic!("expected an array, got {other}"),
    }
}

#[test]
fn records_that_differ_only_in_whitespace_or_paragraphing_are_one_article() {
    let env = Env::new();
    let original = fixture_text(COPIES[0]);
    let text = trec_field(&original, "TEXT");
    // The same record with its lines joined into one paragraph, another split, and a blank line added.
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let (first, second) = (lines.remove(0), lines.remove(0));
    let rewrapped = format!("{first} {second}\n\n\n{}", lines.join("\n").replacen("، ", "،\n", 1));
    let copy = original
        .replace(&text, &rewrapped)
        .replace("<DOCNO>AL-", "<DOCNO>COPY-");
    assert_ne!(copy, original);
    env.copy(COPIES[0], "in/original.txt");
    env.write("in/rewrapped.txt", copy);
    let summary = env.ingest(&["in"]);
    assert_eq!(
        (summary["articles_new"].as_i64(), summary["articles_duplicate"].as_i64()),
        (Some(1), Some(1))
    );
    let articles = env.articles(&[]);
    assert_eq!(articles.len(), 1);
    assert_eq!(sources(&articles[0]).len(), 2);
}

#[test]
fn every_article_has_exactly_one_story_and_copies_share_it() {
    let env = corpus();
    assert_eq!(env.count("SELECT count(*) FROM articles WHERE story_id IS NULL"), 0);
    let stories = stories_of(&env);
    assert_eq!(stories[0], stories[1]);
    assert_eq!(stories[0], stories[2]);
    let mut others = stories[3..].to_vec();
    others.sort();
    others.dedup();
    assert_eq!(others.len(), 3);
    assert!(!others.contains(&stories[0]));
    // Each copy joined through the most similar earlier article, at an estimate of 0.5 or more.
    let joined = env.sql("SELECT story_match, story_similarity FROM articles WHERE id IN (2, 3) ORDER BY id");
    for row in &joined {
        assert!(row["story_match"].as_i64().is_some_and(|m| m < 3), "{row}");
        assert!(row["story_similarity"].as_f64().is_some_and(|s| s >= 0.5), "{row}");
    }
}

#[test]
fn stories_list_their_articles_outlets_and_first_date_with_filters() {
    let env = corpus();
    let all = rows(env.json(&["stories"]));
    assert_eq!(all.len(), 4);
    let big = &all[0];
    assert_eq!(int_field(big, "articles"), 3);
    assert_eq!(int_field(big, "outlets"), 3);
    assert_eq!(
        str_field(big, "title"),
        "محكمة تدين متطرفاً بالتخطيط لقطع رأس تيريزا ماي"
    );
    assert_eq!(str_field(big, "first_seen"), "2018-07-18T17:39:37Z");
    assert_eq!(rows(env.json(&["stories", "--min-articles", "2"])).len(), 1);
    assert_eq!(rows(env.json(&["stories", "--since", "2018-07"])).len(), 1);
    assert_eq!(rows(env.json(&["stories", "--until", "2018-02-18"])).len(), 2);
    env.cmd().args(["stories", "--since", "July"]).assert().code(2);
}

#[test]
fn reingest_and_reextract_keep_story_ids() {
    let env = corpus();
    let before = stories_of(&env);
    env.copy(COPIES[1], "again/copy.txt");
    env.ingest(&["in", "again"]);
    env.cmd().args(["reextract", "--all"]).assert().success();
    assert_eq!(stories_of(&env), before);
}

#[test]
fn show_lists_the_other_articles_of_the_story_and_similar_explains_the_match() {
    let env = corpus();
    let shown = env.json(&["show", "3"]);
    let others = shown["story_articles"].as_array().expect("story_articles");
    assert_eq!(others.iter().map(|o| int_field(o, "id")).collect::<Vec<_>>().len(), 2);
    assert!(
        others.iter().all(|o| o["similarity"].as_f64().is_some_and(|s| s > 0.3)),
        "{others:?}"
    );
    assert_eq!(
        env.json(&["show", "4"])["story_articles"].as_array().map(Vec::len),
        Some(0)
    );
    let similar = rows(env.json(&["similar", "3"]));
    assert_eq!(similar.len(), 2);
    let best = &similar[0];
    assert!(best["same_story"].as_bool().unwrap());
    let (est, exact) = (best["estimated"].as_f64().unwrap(), best["exact"].as_f64().unwrap());
    assert!(exact >= 0.5 && (est - exact).abs() < 0.2, "{best}");
    // The Alarabia and Sky News copies print one paragraph word for word.
    assert!(int_field(best, "shared") >= 1, "{best}");
    let unrelated = rows(env.json(&["similar", "3", "4"]));
    assert!(!unrelated[0]["same_story"].as_bool().unwrap());
    assert!(unrelated[0]["exact"].as_f64().unwrap() < 0.05);
}

#[test]
fn snapshot_stories_and_similar_tables() {
    let env = corpus();
    let out =
        |args: &[&str]| String::from_utf8(env.cmd().args(args).assert().success().get_output().stdout.clone()).unwrap();
    insta::assert_snapshot!("stories_table", out(&["stories", "--min-articles", "2"]));
    insta::assert_snapshot!("similar_table", out(&["similar", "3"]));
}

#[test]
fn a_syndicated_quote_and_a_relation_in_copies_of_one_story_are_listed_once_with_their_outlets() {
    let env = corpus();
    // «قبل أن يحول اعتقاله دون تنفيذ مخططه…», said by the prosecutor in all three copies.
    let said = rows(env.json(&[
        "statements",
        "--speaker",
        "مارك هايوود",
        "--contains",
        "قبل أن يحول اعتقاله",
    ]));
    assert_eq!(said.len(), 1, "{said:#?}");
    assert_eq!(int_field(&said[0], "outlets"), 3);
    assert_eq!(int_field(&said[0], "stories"), 1);
    let outlets: Vec<&str> = said[0]["outlet_names"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(outlets, ["alarabia", "france24", "skynews"]);
    // Each relation of the story is one fact, whatever number of copies carry it.
    let relations = rows(env.json(&["relations", "--actor", "مارك هايوود"]));
    let mut keys: Vec<String> = relations
        .iter()
        .map(|r| {
            format!(
                "{} {} {}",
                str_field(r, "subject"),
                str_field(r, "predicate"),
                str_field(r, "object")
            )
        })
        .collect();
    let n = keys.len();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), n, "{relations:#?}");
    assert!(relations.iter().any(|r| int_field(r, "outlets") >= 2), "{relations:#?}");
    // The profile counts stories, not copies.
    let profile = env.json(&["actor", "مارك هايوود"]);
    assert_eq!(int_field(&profile, "stories"), 1);
    assert_eq!(int_field(&profile, "relations_total") as usize, n);
}
