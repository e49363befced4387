//! Ingest end to end through the real binary: idempotent re-runs, one article from many copies
//! (line endings, furniture, encodings, formats), multi-record files, standard input, and bad
//! inputs reported while good ones are kept.

mod common;

use std::time::{Duration, SystemTime};

use common::*;
use encoding_rs::{ISO_8859_6, WINDOWS_1256};
use isnad::normalize::match_form;
use serde_json::{Value, json};

fn file_name(rel: &str) -> &str {
    rel.rsplit('/').next().unwrap()
}

/// Sets every file under `dir` to a new modification time, keeping its bytes.
fn touch_all(dir: &std::path::Path, when: SystemTime) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            touch_all(&path, when);
        } else {
            let f = std::fs::File::options().write(true).open(&path).unwrap();
            f.set_modified(when).unwrap();
        }
    }
}

fn errors(summary: &Value) -> &Vec<Value> {
    summary["errors"].as_array().expect("errors is an array")
}

fn assert_counts(summary: &Value, new: i64, duplicate: i64) {
    assert_eq!(int_field(summary, "articles_new"), new, "articles_new in {summary:#}");
    assert_eq!(
        int_field(summary, "articles_duplicate"),
        duplicate,
        "articles_duplicate in {summary:#}"
    );
}

#[test]
fn reingesting_a_folder_adds_nothing_and_counts_every_article_as_a_duplicate() {
    let env = Env::new();
    env.copy(SEED, "news/seed.txt");
    for a in ANT {
        env.copy(a, &format!("news/ant/{}", file_name(a)));
    }
    env.write("news/english.json", english_json());

    let first = env.ingest(&["news"]);
    assert_eq!(int_field(&first, "files"), 5);
    assert_counts(&first, 5, 0);
    assert!(errors(&first).is_empty(), "{first:#}");
    let listed = env.articles(&[]);
    assert_eq!(listed.len(), 5);

    let second = env.ingest(&["news"]);
    assert_eq!(int_field(&second, "files"), 5);
    assert_eq!(int_field(&second, "files_unchanged"), 5);
    assert_counts(&second, 0, 5);
    assert!(errors(&second).is_empty());
    assert_eq!(env.articles(&[]), listed, "a second run changed the articles");

    // The same bytes with new modification times (a copy, a checkout): still nothing new, and
    // still every article counted, on this run and the next.
    touch_all(&env.path().join("news"), SystemTime::now() + Duration::from_secs(3600));
    let third = env.ingest(&["news"]);
    assert_counts(&third, 0, 5);
    let fourth = env.ingest(&["news"]);
    assert_eq!(int_field(&fourth, "files_unchanged"), 5);
    assert_counts(&fourth, 0, 5);
    assert_eq!(env.articles(&[]), listed);
    assert_eq!(env.count("SELECT count(*) FROM sources"), 5);
    assert_eq!(env.count("SELECT count(*) FROM runs WHERE status = 'done'"), 4);

    // A new file adds only itself.
    env.write("news/more.jsonl", {
        let doc = fixture_text(ANT[0]);
        format!(
            "{}\n",
            json!({"title": "نسخة معدلة", "text": trec_field(&doc, "TEXT"), "url": "https://example.org/x"})
        )
    });
    let fifth = env.ingest(&["news"]);
    assert_eq!(int_field(&fifth, "files_unchanged"), 5);
    assert_counts(&fifth, 1, 5);
    assert_eq!(env.articles(&[]).len(), 6);

    // A changed file adds its new version and keeps the old article.
    env.write(
        "news/english.json",
        english_json().replace("as soon as possible", "within weeks"),
    );
    let sixth = env.ingest(&["news"]);
    assert_eq!(int_field(&sixth, "files_unchanged"), 5);
    assert_counts(&sixth, 1, 5);
    let english = env.articles(&["--lang", "en"]);
    assert_eq!(english.len(), 2);
    let old = listed.iter().find(|a| a["lang"] == "en").unwrap();
    assert_eq!(&english[0], old, "the old version is kept as it was");
    assert_eq!(sources(&english[1]), ["news/english.json"]);
}

#[test]
fn the_seed_copied_with_crlf_and_moved_furniture_is_one_clean_article() {
    let env = Env::new();
    env.copy(SEED, "seed.txt");
    assert_counts(&env.ingest(&["seed.txt"]), 1, 0);
    // The same file again, then the same bytes under another name, then a CRLF copy with the
    // furniture moved to other edges.
    let again = env.ingest(&["seed.txt"]);
    assert_counts(&again, 0, 1);
    assert_eq!(int_field(&again, "files_unchanged"), 1);
    env.copy(SEED, "copies/seed-again.txt");
    assert_counts(&env.ingest(&["copies/seed-again.txt"]), 0, 1);
    env.write("copies/seed-crlf.txt", seed_crlf_furniture_moved());
    let crlf = env.ingest(&["copies/seed-crlf.txt"]);
    assert_counts(&crlf, 0, 1);
    assert_eq!(int_field(&crlf, "files_unchanged"), 0, "the CRLF copy must be read");

    let articles = env.articles(&[]);
    assert_eq!(articles.len(), 1, "{articles:#?}");
    let a = &articles[0];
    assert_eq!(str_field(a, "title"), SEED_TITLE);
    assert_eq!(str_field(a, "lang"), "ar");
    let hash = str_field(a, "content_hash");
    assert_eq!(hash.len(), 64);
    assert!(hash.chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    assert!(a["url"].is_null() && a["published_at"].is_null());
    assert_eq!(
        sources(a),
        ["seed.txt", "copies/seed-again.txt", "copies/seed-crlf.txt"]
    );

    let shown = env.json(&["show", &int_field(a, "id").to_string()]);
    assert_eq!(str_field(&shown, "title"), SEED_TITLE);
    let text = str_field(&shown, "text");
    assert!(!text.contains('\r'));
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    assert!(paragraphs.len() >= 15, "{paragraphs:#?}");
    for p in &paragraphs {
        assert!(
            !p.is_empty() && !p.contains('\n') && p.trim() == *p,
            "bad paragraph {p:?}"
        );
        assert!(!SEED_FURNITURE.contains(p), "furniture left in the text: {p:?}");
    }
    assert_eq!(text.matches(SEED_CAPTION).count(), 1, "the caption must be kept once");
    assert_eq!(paragraphs[0], SEED_CAPTION);
    assert!(!text.contains(SEED_TITLE), "the headline is the title, not a paragraph");
    assert!(
        paragraphs
            .last()
            .unwrap()
            .contains("بين أوباما وبوتين على هامش قمة العشرين")
    );
}

#[test]
fn search_finds_the_seed_with_and_without_diacritics_and_hamza() {
    let env = Env::new();
    env.copy(SEED, "seed.txt");
    env.copy(ANT[0], "bbc.txt");
    env.ingest(&["seed.txt", "bbc.txt"]);
    let seed_id = env
        .articles(&[])
        .iter()
        .find(|a| str_field(a, "title") == SEED_TITLE)
        .map(|a| int_field(a, "id"))
        .unwrap();
    // (query, the match form the snippet must show)
    for (query, shown) in [
        ("سوريه", "سوريه"),
        ("اقرب", "اقرب"),
        ("اوباما", "اوباما"),
        ("أقْرب", "اقرب"),
        ("أَقْرَبِ", "اقرب"),
        ("سوريا", "سوريا"),
        ("سوريّة", "سوريه"),
        ("أوباما", "اوباما"),
        ("اوباما وبوتين", "اوباما"),
        ("لافروف", "لافروف"),
        ("وسوريه", "سوريه"),
    ] {
        let hits = env.json(&["search", query]);
        let hits = hits.as_array().unwrap();
        assert_eq!(hits.len(), 1, "search {query}: {hits:#?}");
        assert_eq!(int_field(&hits[0], "article_id"), seed_id, "search {query}");
        assert_eq!(str_field(&hits[0], "title"), SEED_TITLE);
        let snippet = match_form(str_field(&hits[0], "snippet"));
        assert!(snippet.contains(shown), "search {query}: snippet {snippet:?}");
    }
    // A word only the other article has finds only that one; an absent word finds nothing.
    let hits = env.json(&["search", "كابول"]);
    assert_eq!(hits.as_array().unwrap().len(), 1);
    assert_ne!(int_field(&hits[0], "article_id"), seed_id);
    assert_eq!(env.json(&["search", "بطيخ"]), json!([]));
}

#[test]
fn the_same_text_in_other_encodings_is_one_article_with_several_sources() {
    let env = Env::new();
    let seed = fixture_text(SEED);
    env.copy(SEED, "utf8.txt");
    env.write("utf8-bom.txt", [&b"\xEF\xBB\xBF"[..], seed.as_bytes()].concat());
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for unit in seed.encode_utf16() {
        le.extend(unit.to_le_bytes());
        be.extend(unit.to_be_bytes());
    }
    env.write("utf16le.txt", le);
    env.write("utf16be.txt", be);
    let (cp1256, _, unmappable) = WINDOWS_1256.encode(&seed);
    assert!(!unmappable, "the seed must be representable in Windows-1256");
    env.write("cp1256.txt", cp1256);

    let summary = env.ingest(&["utf8.txt", "utf8-bom.txt", "utf16le.txt", "utf16be.txt", "cp1256.txt"]);
    assert!(errors(&summary).is_empty(), "{summary:#}");
    assert_counts(&summary, 1, 4);
    let articles = env.articles(&[]);
    assert_eq!(articles.len(), 1);
    assert_eq!(str_field(&articles[0], "title"), SEED_TITLE);
    assert_eq!(
        sources(&articles[0]),
        ["utf8.txt", "utf8-bom.txt", "utf16le.txt", "utf16be.txt", "cp1256.txt"]
    );
    let encodings: Vec<(String, String)> = env
        .sql("SELECT path, encoding FROM files ORDER BY id")
        .iter()
        .map(|r| (str_field(r, "path").to_owned(), str_field(r, "encoding").to_owned()))
        .collect();
    let expected = [
        ("utf8.txt", "UTF-8"),
        ("utf8-bom.txt", "UTF-8 (BOM)"),
        ("utf16le.txt", "UTF-16LE"),
        ("utf16be.txt", "UTF-16BE"),
        ("cp1256.txt", "windows-1256"),
    ];
    assert_eq!(encodings, expected.map(|(p, e)| (p.to_owned(), e.to_owned())).to_vec());

    // ISO-8859-6, the other legacy Arabic code page, with a TREC article.
    let doc = fixture_text(ANT[0]);
    let (iso, _, unmappable) = ISO_8859_6.encode(&doc);
    assert!(!unmappable);
    env.copy(ANT[0], "bbc.txt");
    env.write("bbc-iso.txt", iso);
    let summary = env.ingest(&["bbc.txt", "bbc-iso.txt"]);
    assert!(errors(&summary).is_empty(), "{summary:#}");
    assert_counts(&summary, 1, 1);
    assert_eq!(env.articles(&[]).len(), 2);
    assert_eq!(
        env.sql("SELECT encoding FROM files WHERE path = 'bbc-iso.txt'")[0]["encoding"],
        "ISO-8859-6"
    );
}

#[test]
fn a_multi_doc_trec_file_gives_one_article_per_doc() {
    let env = Env::new();
    let docs: Vec<String> = ANT.iter().map(|a| fixture_text(a)).collect();
    env.write("multi.txt", docs.join("\n"));
    let summary = env.ingest(&["multi.txt"]);
    assert_eq!(int_field(&summary, "files"), 1);
    assert_counts(&summary, 3, 0);
    assert!(errors(&summary).is_empty());

    let expected_times = ["2018-03-21T08:34:30Z", "2018-02-18T16:40:06Z", "2018-02-18T12:26:59Z"];
    let articles = env.articles(&[]);
    assert_eq!(articles.len(), 3);
    for ((a, doc), time) in articles.iter().zip(&docs).zip(expected_times) {
        let docno = trec_field(doc, "DOCNO");
        assert_eq!(str_field(a, "title"), trec_field(doc, "TITLE"));
        assert_eq!(str_field(a, "url"), trec_field(doc, "URL"));
        assert_eq!(str_field(a, "published_at"), time, "{docno}");
        assert_eq!(str_field(a, "outlet"), trec_field(doc, "SRC"));
        assert_eq!(str_field(a, "lang"), "ar");
        assert_eq!(sources(a), [format!("multi.txt#{docno}")]);
        // The text is the <TEXT>, one paragraph per line.
        let shown = env.json(&["show", &int_field(a, "id").to_string()]);
        let raw_text = trec_field(doc, "TEXT");
        let expected_text: Vec<&str> = raw_text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        assert_eq!(str_field(&shown, "text"), expected_text.join("\n\n"), "{docno}");
        assert_eq!(str_field(&shown, "category"), trec_field(doc, "CAT"));
    }

    // A file whose last <DOC> is cut off: the whole ones are read, the cut one is reported.
    let mut end = docs[2].find("</TEXT>").unwrap() - 20;
    while !docs[2].is_char_boundary(end) {
        end -= 1;
    }
    let cut = &docs[2][..end];
    env.write("cut.txt", format!("{}\n{}\n{cut}", docs[0], docs[1]));
    let summary = env.ingest(&["cut.txt"]);
    assert_counts(&summary, 0, 2);
    let errs = errors(&summary);
    assert_eq!(errs.len(), 1, "{summary:#}");
    assert_eq!(str_field(&errs[0], "path"), "cut.txt");
    assert_eq!(str_field(&errs[0], "record"), trec_field(&docs[2], "DOCNO"));
    assert!(str_field(&errs[0], "error").contains("</DOC>"), "{summary:#}");
    assert_eq!(env.articles(&[]).len(), 3);
}

#[test]
fn json_array_and_json_lines_files_give_articles_with_url_and_date() {
    let env = Env::new();
    let docs: Vec<String> = ANT.iter().map(|a| fixture_text(a)).collect();
    let array = json!([
        {
            "title": trec_field(&docs[0], "TITLE"),
            "text": trec_field(&docs[0], "TEXT"),
            "url": trec_field(&docs[0], "URL"),
            "date": trec_field(&docs[0], "TIME"),
        },
        {
            "title": trec_field(&docs[1], "TITLE"),
            "content": trec_field(&docs[1], "TEXT"),
            "link": trec_field(&docs[1], "URL"),
            "published_at": "2018-02-18T20:40:06+04:00",
        },
    ]);
    env.write("feed/array.json", serde_json::to_string_pretty(&array).unwrap());
    let lines = [
        json!({
            "id": "sky-1",
            "title": trec_field(&docs[2], "TITLE"),
            "body": trec_field(&docs[2], "TEXT"),
            "url": trec_field(&docs[2], "URL"),
            "published": trec_field(&docs[2], "TIME"),
            "source": trec_field(&docs[2], "SRC"),
        }),
        json!({
            "title": ENGLISH_TITLE,
            "text": ENGLISH_TEXT,
            "link": ENGLISH_URL,
            "date": "2013-08-09",
        }),
    ];
    env.write(
        "feed/lines.jsonl",
        lines.iter().map(|l| format!("{l}\n")).collect::<String>(),
    );
    let summary = env.ingest(&["feed"]);
    assert!(errors(&summary).is_empty(), "{summary:#}");
    assert_eq!(int_field(&summary, "files"), 2);
    assert_counts(&summary, 4, 0);

    let articles = env.articles(&[]);
    // (title, url, published_at, lang, sources) of each article, in input order.
    let got: Vec<Value> = articles
        .iter()
        .map(|a| json!([a["title"], a["url"], a["published_at"], a["lang"], a["sources"]]))
        .collect();
    let (title, url) = (
        |i: usize| trec_field(&docs[i], "TITLE"),
        |i: usize| trec_field(&docs[i], "URL"),
    );
    let expected = [
        json!([title(0), url(0), "2018-03-21T08:34:30Z", "ar", ["feed/array.json#[0]"]]),
        json!([title(1), url(1), "2018-02-18T16:40:06Z", "ar", ["feed/array.json#[1]"]]),
        json!([
            title(2),
            url(2),
            "2018-02-18T12:26:59Z",
            "ar",
            ["feed/lines.jsonl#sky-1"]
        ]),
        json!([
            ENGLISH_TITLE,
            ENGLISH_URL,
            "2013-08-09",
            "en",
            ["feed/lines.jsonl#line 2"]
        ]),
    ];
    assert_eq!(got, expected);
    assert_eq!(str_field(&articles[2], "outlet"), "skynews");
    let english = env.json(&["show", &int_field(&articles[3], "id").to_string()]);
    assert_eq!(
        str_field(&english, "text"),
        ENGLISH_TEXT.replace('\n', "\n\n"),
        "one paragraph per line"
    );

    // The same articles as TREC files are the same articles: same title and text, same hash.
    for a in ANT {
        env.copy(a, &format!("trec/{}", file_name(a)));
    }
    let summary = env.ingest(&["trec"]);
    assert_counts(&summary, 0, 3);
    let articles = env.articles(&[]);
    assert_eq!(articles.len(), 4);
    assert_eq!(sources(&articles[0]).len(), 2, "{:#}", articles[0]);
}

#[test]
fn standard_input_is_one_article() {
    let env = Env::new();
    let out = env
        .cmd()
        .args(["--format", "json", "ingest", "-"])
        .write_stdin(fixture_bytes(SEED))
        .assert()
        .success();
    let summary: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(int_field(&summary, "files"), 1);
    assert_counts(&summary, 1, 0);
    let articles = env.articles(&[]);
    assert_eq!(articles.len(), 1);
    assert_eq!(str_field(&articles[0], "title"), SEED_TITLE);
    assert_eq!(sources(&articles[0]), ["-"]);

    // The same page from a file is the same article.
    env.copy(SEED, "seed.txt");
    assert_counts(&env.ingest(&["seed.txt"]), 0, 1);
    assert_eq!(sources(&env.articles(&[])[0]), ["-", "seed.txt"]);

    // A JSON object on standard input is read as JSON.
    let out = env
        .cmd()
        .args(["--format", "json", "ingest", "-"])
        .write_stdin(english_json())
        .assert()
        .success();
    let summary: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_counts(&summary, 1, 0);
    let english = env.articles(&["--lang", "en"]);
    assert_eq!(english.len(), 1);
    assert_eq!(str_field(&english[0], "title"), ENGLISH_TITLE);
    assert_eq!(str_field(&english[0], "url"), ENGLISH_URL);
    assert_eq!(str_field(&english[0], "published_at"), "2013-08-09");
}

#[test]
fn bad_files_are_reported_and_good_files_in_the_same_run_are_kept() {
    let env = Env::new();
    env.copy(SEED, "in/seed.txt");
    env.copy(ANT[0], "in/bbc.txt");
    env.write("in/empty.txt", b"");
    env.write(
        "in/image.png",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00\x5c\x72\xa8\x66",
    );
    let full = format!("[{}]", english_json());
    env.write("in/cut.json", &full[..full.len() / 2]);
    let mut damaged = fixture_bytes(SEED);
    // Break three Arabic letters in the body (their lead bytes become 0xFF).
    let caption_at = String::from_utf8(damaged.clone()).unwrap().rfind(SEED_CAPTION).unwrap();
    for offset in [0, 40, 80] {
        let i = (caption_at + offset..)
            .find(|&i| (0xD8..=0xDB).contains(&damaged[i]))
            .unwrap();
        damaged[i] = 0xFF;
    }
    env.write("in/damaged.txt", damaged);

    let out = env.cmd().args(["--format", "json", "ingest", "in"]).assert().success();
    let summary: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert_eq!(int_field(&summary, "files"), 6);
    assert_counts(&summary, 2, 0);
    let reported: Vec<(&str, &str)> = errors(&summary)
        .iter()
        .map(|e| (str_field(e, "path"), str_field(e, "error")))
        .collect();
    let expected = [
        ("in/cut.json", "invalid JSON"),
        ("in/damaged.txt", "invalid UTF-8"),
        ("in/empty.txt", "empty"),
        ("in/image.png", "binary"),
    ];
    assert_eq!(reported.len(), expected.len(), "{reported:#?}");
    for ((path, reason), (want_path, want_reason)) in reported.iter().zip(expected) {
        assert_eq!(*path, want_path);
        assert!(reason.contains(want_reason), "{path}: {reason}");
        assert!(
            stderr
                .lines()
                .any(|l| l.starts_with(&format!("isnad: skipped {path}: "))),
            "{path} not reported on stderr:\n{stderr}"
        );
    }
    let titles: Vec<String> = env
        .articles(&[])
        .iter()
        .map(|a| str_field(a, "title").to_owned())
        .collect();
    assert_eq!(
        titles,
        [trec_field(&fixture_text(ANT[0]), "TITLE"), SEED_TITLE.to_owned()]
    );
    let recorded = env.sql("SELECT path FROM ingest_errors ORDER BY path");
    assert_eq!(
        recorded.iter().map(|r| str_field(r, "path")).collect::<Vec<_>>(),
        expected.map(|(p, _)| p)
    );

    // A bad file is not remembered as done: once repaired, the next run reads it.
    env.write("in/cut.json", &full);
    let summary = env.ingest(&["in"]);
    assert_counts(&summary, 1, 2);
    assert_eq!(errors(&summary).len(), 3);
}

fn assert_one_line_failure(assert: assert_cmd::assert::Assert, mentions: &str) {
    let out = assert.failure().get_output().clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line expected:\n{stderr}");
    assert!(stderr.starts_with("isnad: "), "{stderr}");
    assert!(stderr.contains(mentions), "{stderr} should mention {mentions}");
    assert!(out.stdout.is_empty());
}

#[test]
fn a_database_that_cannot_be_opened_is_a_one_line_failure() {
    let env = Env::new();
    env.copy(SEED, "seed.txt");
    let bare = || {
        let mut cmd = assert_cmd::Command::cargo_bin("isnad").unwrap();
        cmd.current_dir(env.path()).env_remove("ISNAD_DB");
        cmd
    };
    assert_one_line_failure(
        bare()
            .args(["--db", "no/such/folder/isnad.db", "ingest", "seed.txt"])
            .assert(),
        "no/such/folder",
    );
    assert!(!env.path().join("no").exists());
    // A query on a database that does not exist does not create it.
    assert_one_line_failure(bare().args(["--db", "missing.db", "articles"]).assert(), "missing.db");
    assert!(!env.path().join("missing.db").exists());
    // A file that is not SQLite is not overwritten.
    env.write("notes.db", "these are notes, not a database\n".repeat(40));
    assert_one_line_failure(
        bare().args(["--db", "notes.db", "ingest", "seed.txt"]).assert(),
        "notes.db",
    );
    assert_one_line_failure(bare().args(["--db", "notes.db", "articles"]).assert(), "notes.db");
    assert_eq!(
        std::fs::read_to_string(env.path().join("notes.db")).unwrap(),
        "these are notes, not a database\n".repeat(40)
    );
}

/// Inputs over the size limits are ingest errors naming the file and the limit; the rest of the
/// run is kept, and a later run with a higher limit takes the file.
#[test]
fn files_and_articles_over_the_size_limits_are_errors_and_the_run_goes_on() {
    let env = Env::new();
    env.copy(SEED, "in/seed.txt");
    // One long article made of the seed's own body, repeated: about 300 KiB.
    let body = fixture_text(SEED).repeat(60);
    env.write("in/long.txt", format!("مقال طويل\n\n{body}"));
    let summary = env.json(&["ingest", "in", "--max-file-size", "100K"]);
    assert_counts(&summary, 1, 0);
    let errs = errors(&summary);
    assert_eq!(errs.len(), 1, "{summary:#}");
    assert_eq!(errs[0]["path"], "in/long.txt");
    assert!(str_field(&errs[0], "error").contains("over the limit of 100.0 KiB (--max-file-size)"));

    // The seed is unchanged (a duplicate); the long file now fails on the article limit.
    let summary = env.json(&["ingest", "in", "--max-article-size", "100K"]);
    assert_counts(&summary, 0, 1);
    assert!(
        str_field(&errors(&summary)[0], "error").contains("(--max-article-size)"),
        "{summary:#}"
    );

    let summary = env.json(&["ingest", "in"]);
    assert_counts(&summary, 1, 1);
    assert!(errors(&summary).is_empty(), "{summary:#}");
}

/// File names that are not UTF-8 are recorded byte-exact (escaped), so two such files stay two
/// sources.
#[cfg(unix)]
#[test]
fn non_utf8_file_names_stay_distinct() {
    use std::os::unix::ffi::OsStrExt;
    let env = Env::new();
    let dir = env.path().join("in");
    std::fs::create_dir(&dir).unwrap();
    for (name, fixture) in [(&b"a\xff.txt"[..], SEED), (&b"a\xfe.txt"[..], ANT[0])] {
        std::fs::write(dir.join(std::ffi::OsStr::from_bytes(name)), fixture_bytes(fixture)).unwrap();
    }
    let summary = env.ingest(&["in"]);
    assert_counts(&summary, 2, 0);
    let mut paths: Vec<String> = env
        .articles(&[])
        .iter()
        .flat_map(sources)
        .map(|s| s.split('#').next().unwrap().to_owned())
        .collect();
    paths.sort();
    assert_eq!(paths, ["in/a\\xFE.txt", "in/a\\xFF.txt"]);
}

/// Where each actor's mentions end up (canonical key → mentions), as a sorted list.
fn mention_partition(env: &Env) -> Vec<(String, i64)> {
    env.sql(
        "SELECT r.key AS k, count(*) AS n FROM mentions m JOIN actors a ON a.id = m.actor_id
           JOIN actors r ON r.id = coalesce(a.merged_into, a.id) GROUP BY r.key ORDER BY r.key",
    )
    .iter()
    .map(|row| (str_field(row, "k").to_owned(), int_field(row, "n")))
    .collect()
}

/// The same articles ingested in two orders give the same actors: a bare surname (فريدمان)
/// that two discovered people share goes to the same one whichever article came first.
/// Uses four BBC articles of the ANT corpus in `../shared` (skipped without it).
#[test]
fn actors_do_not_depend_on_the_ingest_order() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/ant-v2.1/BBC/middleEast");
    if !dir.is_dir() {
        eprintln!("skipped: no ../shared corpus");
        return;
    }
    let names = ["1035-20180923", "1085-20181011", "220-20180320", "507-20180517"];
    let files: Vec<String> = names
        .iter()
        .map(|n| dir.join(format!("BB-middleEast-{n}.txt")).display().to_string())
        .collect();
    let forward = Env::new();
    forward.ingest(&files.iter().map(String::as_str).collect::<Vec<_>>());
    let backward = Env::new();
    backward.ingest(&files.iter().rev().map(String::as_str).collect::<Vec<_>>());
    let partition = mention_partition(&forward);
    assert_eq!(partition, mention_partition(&backward));
    assert!(partition.iter().any(|(k, _)| k.contains("فريدمان")), "{partition:?}");
}
