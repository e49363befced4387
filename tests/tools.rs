//! The commands around the store: shell completions, the manual page, the examples every
//! `--help` ends with (each one run on the bundled sample), and `timeline` on the sample's
//! dated articles.

mod common;

use std::path::Path;
use std::process::Command as Process;

use common::Env;
use serde_json::Value;

/// The bundled sample (`examples/sample`: the seed page and ANT articles with dates).
fn sample() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sample")
}

/// A folder with the sample ingested into `isnad.db`.
fn sample_env() -> Env {
    let env = Env::new();
    env.ingest(&[sample().to_str().expect("a UTF-8 path")]);
    env
}

fn stdout_of(env: &Env, args: &[&str]) -> String {
    let out = env.cmd().args(args).assert().success();
    String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8 output")
}

/// The subcommands `isnad --help` lists.
fn subcommands(env: &Env) -> Vec<String> {
    let help = stdout_of(env, &["--help"]);
    let commands = help.split("Commands:\n").nth(1).expect("a Commands section");
    commands
        .lines()
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_owned)
        .collect()
}

/// The example lines at the end of a help text.
fn examples(help: &str) -> Vec<String> {
    let (_, tail) = help.rsplit_once("Examples:\n").expect("an Examples: section");
    tail.lines()
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect()
}

/// A command line split into words as a shell would (double and single quotes; no escapes).
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut quote = None;
    for c in line.chars() {
        match (quote, c) {
            (None, '"' | '\'') => {
                quote = Some(c);
                word.get_or_insert_with(String::new);
            }
            (Some(q), c) if c == q => quote = None,
            (None, ' ') => words.extend(word.take()),
            (_, c) => word.get_or_insert_with(String::new).push(c),
        }
    }
    words.extend(word);
    words
}

#[test]
fn completions_name_every_subcommand_and_the_bash_script_parses() {
    let env = Env::new();
    let names = subcommands(&env);
    assert!(names.len() >= 15 && names.iter().any(|n| n == "timeline"), "{names:?}");
    for shell in ["bash", "zsh", "fish"] {
        let script = stdout_of(&env, &["completions", shell]);
        for name in &names {
            assert!(script.contains(name.as_str()), "{shell} completions lack {name}");
        }
    }
    let bash = env.write("isnad.bash", stdout_of(&env, &["completions", "bash"]));
    let status = Process::new("bash").arg("-n").arg(env.path().join(bash)).status();
    assert!(
        status.expect("running bash -n").success(),
        "the bash script does not parse"
    );
    env.cmd().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn the_manual_page_is_roff_and_one_page_per_subcommand_is_written_with_dir() {
    let env = Env::new();
    let page = stdout_of(&env, &["man"]);
    assert!(page.starts_with(".ie \\n(.g .ds Aq"), "{}", &page[..80.min(page.len())]);
    assert!(page.contains(".TH isnad 1") && page.contains("timeline"), "{page}");
    stdout_of(&env, &["man", "--dir", "pages"]);
    let statements = std::fs::read_to_string(env.path().join("pages/isnad-statements.1")).expect("isnad-statements.1");
    assert!(
        statements.contains("\\-\\-speaker") && statements.contains("Examples:"),
        "{statements}"
    );
}

#[test]
fn every_help_ends_with_two_examples_that_run_on_the_sample() {
    let env = Env::new();
    std::fs::create_dir(env.path().join("examples")).expect("a folder");
    std::os::unix::fs::symlink(sample(), env.path().join("examples/sample")).expect("a symlink");
    let mut names = vec![String::new()];
    names.extend(subcommands(&env));
    let mut ran = 0;
    for name in &names {
        let args: Vec<&str> = [name.as_str(), "--help"]
            .into_iter()
            .filter(|a| !a.is_empty())
            .collect();
        let help = stdout_of(&env, &args);
        let lines = examples(&help);
        assert_eq!(lines.len(), 2, "isnad {name} --help: {lines:?}");
        for line in lines {
            assert!(line.contains("isnad"), "{line}");
            // Lines with pipes or redirections are for a shell; the others run here, in order,
            // on the sample (`ingest examples/sample` comes first).
            let Some(args) = line.strip_prefix("isnad --db sample.db ") else {
                continue;
            };
            if args.contains(['|', '<', '>']) {
                continue;
            }
            let words = shell_words(args);
            let mut cmd = assert_cmd::Command::cargo_bin("isnad").expect("the isnad binary");
            cmd.current_dir(env.path()).env_remove("ISNAD_DB");
            cmd.args(["--db", "sample.db", "-q"]).args(&words).assert().success();
            ran += 1;
        }
    }
    assert!(ran >= 25, "only {ran} examples ran");
}

#[test]
fn help_texts_end_with_examples() {
    let env = Env::new();
    insta::assert_snapshot!("statements_help", stdout_of(&env, &["statements", "--help"]));
    insta::assert_snapshot!("timeline_help", stdout_of(&env, &["timeline", "--help"]));
}

/// The timeline's rows as (period, mentions, statements, relations).
fn timeline(env: &Env, args: &[&str]) -> Vec<(String, u64, u64, u64)> {
    let mut all = vec!["timeline"];
    all.extend_from_slice(args);
    let rows = env.json(&all);
    let count = |r: &Value, k: &str| r[k].as_u64().unwrap_or_else(|| panic!("{k} in {r}"));
    rows.as_array()
        .expect("an array")
        .iter()
        .map(|r| {
            let period = r["period"].as_str().expect("a period").to_owned();
            (
                period,
                count(r, "mentions"),
                count(r, "statements"),
                count(r, "relations"),
            )
        })
        .collect()
}

fn totals(rows: &[(String, u64, u64, u64)]) -> (u64, u64, u64) {
    rows.iter().fold((0, 0, 0), |t, r| (t.0 + r.1, t.1 + r.2, t.2 + r.3))
}

#[test]
fn timeline_counts_an_actor_per_period_of_publication() {
    let env = sample_env();
    // Trump (ترمب in the sample's alarabia article, ترامب elsewhere) is mentioned in five dated
    // articles from April to July 2018.
    let months = timeline(&env, &["ترمب", "--by", "month"]);
    let periods: Vec<&str> = months.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(periods, ["2018-04", "2018-05", "2018-06", "2018-07"]);
    assert_eq!(
        (months[1].1, months[1].2, months[1].3),
        (0, 0, 0),
        "May is an empty month"
    );
    let dated_mentions = env.count(
        "SELECT count(*) FROM mentions m JOIN articles a ON a.id = m.article_id
          WHERE a.published_at IS NOT NULL AND m.actor_id = (SELECT actor_id FROM actor_aliases WHERE alias = 'ترمب')",
    );
    assert_eq!(totals(&months).0, dated_mentions as u64);
    // Days and weeks count the same facts; the same name in English resolves to the same actor.
    let days = timeline(&env, &["Donald Trump", "--by", "day"]);
    let weeks = timeline(&env, &["Trump", "--by", "week"]);
    assert_eq!(totals(&days), totals(&months));
    assert_eq!(totals(&weeks), totals(&months));
    assert!(weeks.iter().all(|w| {
        chrono::NaiveDate::parse_from_str(&w.0, "%Y-%m-%d")
            .is_ok_and(|d| chrono::Datelike::weekday(&d) == chrono::Weekday::Mon)
    }));
    assert_eq!(weeks.first().map(|w| w.0.as_str()), Some("2018-04-09"));
    // --since/--until keep the periods inside the bounds.
    let april = timeline(
        &env,
        &["ترامب", "--by", "day", "--since", "2018-04", "--until", "2018-04"],
    );
    assert!(
        !april.is_empty() && april.iter().all(|r| r.0.starts_with("2018-04-")),
        "{april:?}"
    );
    assert_eq!(totals(&april).0, months[0].1);
    // CSV has the same columns; the table adds the sparkline.
    let csv = stdout_of(&env, &["--format", "csv", "timeline", "ترمب"]);
    assert_eq!(csv.lines().next(), Some("period,mentions,statements,relations"));
    insta::assert_snapshot!("timeline_trump_table", stdout_of(&env, &["timeline", "ترمب"]));
}

#[test]
fn timeline_of_an_unknown_name_fails_and_a_bad_period_is_a_usage_error() {
    let env = sample_env();
    env.cmd()
        .args(["timeline", "nobody at all"])
        .assert()
        .code(1)
        .stderr("isnad: no actor named nobody at all\n");
    env.cmd().args(["timeline", "Trump", "--by", "year"]).assert().code(2);
    env.cmd()
        .args(["timeline", "Trump", "--since", "April"])
        .assert()
        .code(2);
}

/// The metadata `isnad datasette --metadata` prints for the sample (served as `isnad`, after
/// the file name `isnad.db`).
fn datasette_metadata(env: &Env) -> serde_json::Map<String, Value> {
    let text = stdout_of(env, &["datasette", "--metadata"]);
    let metadata: Value = serde_json::from_str(&text).expect("JSON metadata");
    for key in ["title", "description", "license", "source"] {
        assert!(metadata[key].as_str().is_some_and(|s| !s.is_empty()), "no {key}");
    }
    metadata["databases"]["isnad"]
        .as_object()
        .expect("the database `isnad`")
        .clone()
}

#[test]
fn datasette_metadata_describes_every_table_view_and_column_users_see() {
    let env = sample_env();
    let database = datasette_metadata(&env);
    let tables = database["tables"].as_object().expect("tables");
    let schema = env.sql(
        "SELECT t.name AS name, group_concat(c.name, ' ') AS columns FROM sqlite_schema t, pragma_table_info(t.name) c
          WHERE t.type IN ('table', 'view') AND t.name NOT LIKE 'sqlite_%' AND t.name NOT LIKE 'articles_fts_%'
          GROUP BY t.name",
    );
    assert!(schema.len() >= 18, "{schema:?}");
    let mut missing = Vec::new();
    for row in &schema {
        let name = row["name"].as_str().expect("a name");
        let described = |v: &Value| v.as_str().is_some_and(|s| s.len() > 3);
        if !tables.get(name).is_some_and(|t| described(&t["description"])) {
            missing.push(name.to_owned());
        }
        let columns: Vec<&str> = row["columns"].as_str().expect("columns").split(' ').collect();
        for facet in tables
            .get(name)
            .and_then(|t| t["facets"].as_array())
            .into_iter()
            .flatten()
        {
            assert!(
                columns.contains(&facet.as_str().unwrap_or_default()),
                "{name}: no column {facet}"
            );
        }
        for column in columns {
            if !tables.get(name).is_some_and(|t| described(&t["columns"][column])) {
                missing.push(format!("{name}.{column}"));
            }
        }
    }
    assert!(missing.is_empty(), "add these to src/store/datasette.json: {missing:?}");
    assert_eq!(tables.len(), schema.len(), "no shadow tables: {:?}", tables.keys());
    assert_eq!(tables["articles"]["fts_table"], "articles_fts");
    assert_eq!(tables["articles"]["fts_pk"], "id");
}

#[test]
fn datasette_canned_queries_answer_on_the_sample() {
    let env = sample_env();
    let database = datasette_metadata(&env);
    let queries = database["queries"].as_object().expect("queries");
    let conn = env.connect();
    let run = |name: &str, params: &[(&str, &str)]| -> Vec<Vec<rusqlite::types::Value>> {
        let sql = queries[name]["sql"].as_str().expect("sql");
        let mut stmt = conn.prepare(sql).unwrap_or_else(|e| panic!("{name}: {e}\n{sql}"));
        let named: Vec<(&str, &dyn rusqlite::ToSql)> =
            params.iter().map(|(k, v)| (*k, v as &dyn rusqlite::ToSql)).collect();
        let columns = stmt.column_count();
        let rows = stmt.query_map(named.as_slice(), |r| (0..columns).map(|i| r.get(i)).collect());
        rows.and_then(Iterator::collect)
            .unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    // The canned queries agree with the commands: a speaker typed with harakat and another
    // hamza form, or in English, is the one `statements --speaker` finds.
    let listed = |args: &[&str]| env.json(args).as_array().expect("an array").len();
    let distinct_ids = |rows: &[Vec<rusqlite::types::Value>]| {
        let mut ids: Vec<_> = rows.iter().map(|r| format!("{:?}", r[0])).collect();
        ids.dedup();
        ids.len()
    };
    let lavrov = listed(&["statements", "--speaker", "لافروف"]);
    assert!(lavrov >= 5, "{lavrov}");
    for speaker in ["لافروف", "سَيرغي لافروف", "Lavrov"] {
        let rows = run("statements_of_speaker", &[(":speaker", speaker)]);
        assert_eq!(distinct_ids(&rows), lavrov, "{speaker}");
        assert!(
            rows.iter()
                .all(|r| r[1] == rusqlite::types::Value::Text("Sergey Lavrov".into()))
        );
    }
    let kerry = run("relations_of_actor", &[(":actor", "Kerry")]);
    assert!(!kerry.is_empty());
    assert_eq!(kerry.len(), listed(&["relations", "--actor", "Kerry"]));
    // الخارجية is stored as الخارجيه: the query folds what is typed, as `search` does.
    let found = run("search_articles", &[(":q", "وزير الخارجية")]);
    assert!(!found.is_empty());
    assert_eq!(found.len(), listed(&["search", "وزير الخارجية"]));
    let week = run(
        "articles_of_week",
        &[(":since", "2018-04-09"), (":until", "2018-04-15")],
    );
    assert_eq!(week.len(), 1, "the alarabia article of 2018-04-14");
    assert_eq!(
        week.len(),
        listed(&["articles", "--since", "2018-04-09", "--until", "2018-04-15"])
    );
    let has_stories = env.count("SELECT count(*) FROM sqlite_schema WHERE name = 'stories'") > 0;
    assert_eq!(queries.contains_key("stories_of_week"), has_stories);
    if has_stories {
        run("stories_of_week", &[(":since", "2018-04-09"), (":until", "2018-04-15")]);
    }
}
