//! `graph` on the bundled sample (examples/sample: the seed page and ten ANT articles): ego
//! networks hold the actor and only what lies within the depth, filters cut edges, every
//! format parses (GraphML and GEXF as XML here, and with networkx when a Python has it; DOT
//! with Graphviz when `dot` is installed), and `--render` says how to install Graphviz when
//! it is missing.

mod common;

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::process::Command;

use common::*;
use serde_json::Value;

fn sample() -> Env {
    let env = Env::new();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sample");
    env.ingest(&[sample.to_str().expect("a UTF-8 path")]);
    env
}

/// `isnad graph ARGS --format FORMAT` as text.
fn graph_text(env: &Env, format: &str, args: &[&str]) -> String {
    let out = env
        .cmd()
        .arg("graph")
        .args(args)
        .args(["--format", format])
        .assert()
        .success();
    String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8 output")
}

fn graph(env: &Env, args: &[&str]) -> Value {
    let mut all = vec!["graph"];
    all.extend_from_slice(args);
    env.json(&all)
}

fn names(graph: &Value) -> BTreeSet<String> {
    graph["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| str_field(n, "name").to_owned())
        .collect()
}

fn edges(graph: &Value) -> &Vec<Value> {
    graph["edges"].as_array().expect("edges")
}

/// Steps from `ego` to every node, over edges in either direction.
fn distances(graph: &Value, ego: i64) -> HashMap<i64, u32> {
    let mut distance = HashMap::from([(ego, 0)]);
    for step in 1.. {
        let mut grew = false;
        for e in edges(graph) {
            let (s, t) = (int_field(e, "source"), int_field(e, "target"));
            for (a, b) in [(s, t), (t, s)] {
                if distance.get(&a) == Some(&(step - 1)) && !distance.contains_key(&b) {
                    distance.insert(b, step);
                    grew = true;
                }
            }
        }
        if !grew {
            break;
        }
    }
    distance
}

#[test]
fn an_ego_network_holds_the_actor_and_only_its_neighbours_within_the_depth() {
    let env = sample();
    // The counterparts `relations --actor` lists are exactly the neighbours at depth 1.
    let relations = env.json(&["relations", "--actor", "لافروف"]);
    let mut expected: BTreeSet<String> = BTreeSet::from(["Sergey Lavrov".to_owned()]);
    for r in relations.as_array().unwrap() {
        expected.insert(str_field(r, "subject").to_owned());
        expected.insert(str_field(r, "object").to_owned());
    }
    let near = graph(&env, &["--actor", "لافروف"]);
    assert_eq!(names(&near), expected, "{near:#}");
    assert_eq!(near["nodes"][0]["name"], "Sergey Lavrov", "the ego comes first");
    let ego = int_field(&near["graph"], "ego");
    assert!(distances(&near, ego).values().all(|d| *d <= 1), "{near:#}");
    // The English name finds the same actor, as `actor NAME` does.
    assert_eq!(graph(&env, &["--actor", "Lavrov"]), near);

    // Depth 2 adds the neighbours' neighbours (Kerry's United States) and nothing farther.
    let far = graph(&env, &["--actor", "لافروف", "--depth", "2"]);
    assert!(names(&far).is_superset(&expected));
    assert!(names(&far).contains("United States"), "{:?}", names(&far));
    let d = distances(&far, ego);
    assert!(d.values().any(|d| *d == 2) && d.values().all(|d| *d <= 2), "{d:?}");
    assert_eq!(d.len(), far["nodes"].as_array().unwrap().len());
    // An unknown actor is an error, not an empty graph.
    env.cmd().args(["graph", "--actor", "لا أحد بهذا الاسم"]).assert().code(1);
}

#[test]
fn edges_fold_every_relation_and_the_filters_cut_them() {
    let env = sample();
    let all = graph(&env, &[]);
    let counted: i64 = edges(&all).iter().map(|e| int_field(e, "count")).sum();
    let relations = env.count(
        "SELECT count(*) FROM relations r JOIN actors s ON s.id = r.subject_id JOIN actors o ON o.id = r.object_id
          WHERE coalesce(s.merged_into, s.id) <> coalesce(o.merged_into, o.id)",
    );
    assert_eq!(counted, relations);
    // One edge per (subject, predicate, object, negated).
    let keys: BTreeSet<String> = edges(&all)
        .iter()
        .map(|e| format!("{}|{}|{}|{}", e["source"], e["predicate"], e["target"], e["negated"]))
        .collect();
    assert_eq!(keys.len(), edges(&all).len());

    let hosts = graph(&env, &["--predicate", "host"]);
    assert!(edges(&hosts).iter().all(|e| e["predicate"] == "host"), "{hosts:#}");
    let host_relations = env.json(&["relations", "--predicate", "host"]);
    let host_count: i64 = edges(&hosts).iter().map(|e| int_field(e, "count")).sum();
    assert_eq!(host_count as usize, host_relations.as_array().unwrap().len());
    assert!(host_count > 0);
    let two = graph(&env, &["--predicate", "host,meet"]);
    let predicates: BTreeSet<&str> = edges(&two).iter().map(|e| str_field(e, "predicate")).collect();
    assert_eq!(predicates, BTreeSet::from(["host", "meet"]));

    let frequent = graph(&env, &["--min-count", "2"]);
    assert!(!edges(&frequent).is_empty());
    assert!(edges(&frequent).iter().all(|e| int_field(e, "count") >= 2));

    // Dates: the 2018-04 articles only (the seed has no date and drops out).
    let april = graph(&env, &["--since", "2018-04", "--until", "2018-04"]);
    assert!(!edges(&april).is_empty());
    for e in edges(&april) {
        assert!(
            str_field(e, "first") >= "2018-04" && str_field(e, "last") < "2018-05",
            "{e}"
        );
    }
    let limited = graph(&env, &["--limit", "3"]);
    assert_eq!(edges(&limited), &edges(&all)[..3]);

    // Bad values are usage errors.
    for bad in [
        &["--predicate", "hug"][..],
        &["--depth", "2"],
        &["--since", "April"],
        &["--min-count", "0"],
        &["--render", "out.txt"],
    ] {
        env.cmd().arg("graph").args(bad).assert().code(2);
    }
    env.cmd().args(["articles", "--format", "gexf"]).assert().code(2);
}

/// An XML document, parsed strictly (a DTD allowed, as Graphviz's SVG has one).
fn parse_xml(text: &str) -> roxmltree::Document<'_> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    roxmltree::Document::parse_with_options(text, options)
        .unwrap_or_else(|e| panic!("not well-formed XML ({e}):\n{text}"))
}

#[test]
fn graphml_and_gexf_are_well_formed_and_carry_every_node_and_edge() {
    let env = sample();
    let json = graph(&env, &[]);
    let (nodes, edge_count) = (json["nodes"].as_array().unwrap().len(), edges(&json).len());
    let graphml = graph_text(&env, "graphml", &[]);
    let doc = parse_xml(&graphml);
    let count = |doc: &roxmltree::Document, tag: &str| doc.descendants().filter(|n| n.has_tag_name(tag)).count();
    assert_eq!(doc.root_element().tag_name().name(), "graphml");
    assert_eq!((count(&doc, "node"), count(&doc, "edge")), (nodes, edge_count));
    // Evidence with quotation marks and Arabic survives the escaping.
    let evidence: BTreeSet<&str> = edges(&json).iter().map(|e| str_field(e, "evidence")).collect();
    assert!(
        evidence.iter().any(|e| e.contains('"')),
        "the sample has quoted evidence"
    );
    let data: BTreeSet<&str> = doc
        .descendants()
        .filter(|n| n.attribute("key") == Some("edge_evidence"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(data, evidence);

    let gexf = graph_text(&env, "gexf", &[]);
    let doc = parse_xml(&gexf);
    assert_eq!(
        doc.root_element().tag_name().namespace(),
        Some("http://www.gexf.net/1.2draft")
    );
    assert_eq!((count(&doc, "node"), count(&doc, "edge")), (nodes, edge_count));
    let labels: BTreeSet<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("node"))
        .filter_map(|n| n.attribute("label"))
        .collect();
    assert_eq!(labels.len(), nodes);
    assert!(labels.contains("إدوارد سنودن"), "{labels:?}");
}

/// A Python that has networkx: `$ISNAD_TEST_PYTHON`, else `python3` when it can import it.
fn networkx_python() -> Option<String> {
    let python = std::env::var("ISNAD_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
    let ok = Command::new(&python)
        .args(["-c", "import networkx"])
        .output()
        .is_ok_and(|o| o.status.success());
    ok.then_some(python)
}

const NETWORKX_CHECK: &str = r#"
import json, sys
import networkx as nx
folder = sys.argv[1]
graphs = {
    "graphml": nx.read_graphml(folder + "/g.graphml"),
    "gexf": nx.read_gexf(folder + "/g.gexf"),
    "json": nx.node_link_graph(json.load(open(folder + "/g.json", encoding="utf-8")), edges="edges"),
}
for name, g in graphs.items():
    edges = sorted((str(s), str(t), d["predicate"], int(d["count"]), d["evidence"]) for s, t, d in g.edges(data=True))
    print(name, g.number_of_nodes(), g.number_of_edges(), hash(tuple(edges)))
"#;

#[test]
fn networkx_reads_graphml_gexf_and_json_alike() {
    let Some(python) = networkx_python() else {
        eprintln!("skipped: no Python with networkx (set ISNAD_TEST_PYTHON)");
        return;
    };
    let env = sample();
    for format in ["graphml", "gexf", "json"] {
        env.write(&format!("g.{format}"), graph_text(&env, format, &[]));
    }
    let out = Command::new(python)
        .env("PYTHONHASHSEED", "0")
        .args(["-c", NETWORKX_CHECK])
        .arg(env.path())
        .output()
        .expect("running python");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    let json = graph(&env, &[]);
    let lines: Vec<Vec<&str>> = stdout.lines().map(|l| l.split(' ').collect()).collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    for line in &lines {
        assert_eq!(line[1], json["nodes"].as_array().unwrap().len().to_string(), "{stdout}");
        assert_eq!(line[2], edges(&json).len().to_string(), "{stdout}");
        assert_eq!(line[3], lines[0][3], "the three formats give the same edges:\n{stdout}");
    }
}

#[test]
fn dot_of_an_ego_network_is_graphviz_input_and_the_json_is_node_link() {
    let env = sample();
    let dot = graph_text(&env, "dot", &["--actor", "Lavrov"]);
    insta::assert_snapshot!("graph_lavrov_dot", dot);
    let json = graph_text(&env, "json", &["--actor", "Lavrov"]);
    insta::assert_snapshot!("graph_lavrov_json", json);
    if Command::new("dot").arg("-V").output().is_ok_and(|o| o.status.success()) {
        let out = env
            .cmd()
            .args([
                "-q",
                "graph",
                "--actor",
                "Lavrov",
                "--depth",
                "2",
                "--render",
                "lavrov.svg",
            ])
            .assert()
            .success();
        assert!(out.get_output().stderr.is_empty());
        let svg = std::fs::read_to_string(env.path().join("lavrov.svg")).expect("the drawing");
        let doc = parse_xml(&svg);
        assert_eq!(doc.root_element().tag_name().name(), "svg");
        assert!(svg.contains("Sergey Lavrov") && svg.contains("United States"));
    } else {
        eprintln!("skipped drawing: Graphviz is not installed");
    }
}

#[test]
fn render_without_graphviz_says_how_to_install_it() {
    let env = sample();
    let empty = env.path().join("no-tools");
    std::fs::create_dir(&empty).unwrap();
    let out = env
        .cmd()
        .env("PATH", &empty)
        .args(["graph", "--actor", "Lavrov", "--render", "lavrov.png"])
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("apt install graphviz") && stderr.contains("brew install graphviz"),
        "{stderr}"
    );
    assert!(!env.path().join("lavrov.png").exists());
}
