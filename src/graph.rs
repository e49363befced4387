//! Writing the actor network ([`crate::store::graph::Graph`]) for the tools people draw and
//! analyse networks with: DOT for Graphviz, GraphML for networkx and Gephi, GEXF for Gephi and
//! networkx, node-link JSON (networkx `node_link_graph(data, edges="edges")`), and the edge
//! list as a table, CSV or NDJSON. Every text is escaped for its format (XML entities, DOT
//! quoted strings), so Arabic names, quotation marks and newlines in evidence stay intact.

use std::io::{self, Write};

use serde::Serialize;

use crate::output::{self, Format};
use crate::store::graph::{Edge, Graph, Node};

/// What `graph --format` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GraphFormat {
    /// The edge list as aligned columns.
    Table,
    /// The edge list as CSV.
    Csv,
    /// The edge list, one JSON object per line.
    Ndjson,
    /// Node-link JSON: `{"directed", "multigraph", "graph", "nodes", "edges"}`.
    Json,
    /// Graphviz DOT.
    Dot,
    /// GraphML.
    Graphml,
    /// GEXF 1.2.
    Gexf,
}

/// Edges `dot` output and drawings show when no `--limit` is given: more is unreadable.
pub const DRAWN_EDGES: usize = 100;

/// Writes `graph` in `format`.
pub fn write(out: &mut dyn Write, format: GraphFormat, graph: &Graph) -> io::Result<()> {
    match format {
        GraphFormat::Table => {
            let rows: Vec<TableEdge> = graph.edges.iter().map(TableEdge::from).collect();
            output::list(out, Format::Table, &rows)
        }
        GraphFormat::Csv => output::list(out, Format::Csv, &graph.edges),
        GraphFormat::Ndjson => output::list(out, Format::Ndjson, &graph.edges),
        GraphFormat::Json => json(out, graph),
        GraphFormat::Dot => dot(out, graph),
        GraphFormat::Graphml => graphml(out, graph),
        GraphFormat::Gexf => gexf(out, graph),
    }
}

/// An edge as a table row: the columns a reader needs, evidence last.
#[derive(Serialize)]
struct TableEdge<'a> {
    subject: &'a str,
    predicate: &'a str,
    object: &'a str,
    negated: bool,
    count: i64,
    articles: i64,
    first: Option<&'a str>,
    last: Option<&'a str>,
    evidence: &'a str,
}

impl<'a> From<&'a Edge> for TableEdge<'a> {
    fn from(e: &'a Edge) -> TableEdge<'a> {
        TableEdge {
            subject: &e.subject,
            predicate: &e.predicate,
            object: &e.object,
            negated: e.negated,
            count: e.count,
            articles: e.articles,
            first: e.first.as_deref(),
            last: e.last.as_deref(),
            evidence: &e.evidence,
        }
    }
}

fn json(out: &mut dyn Write, graph: &Graph) -> io::Result<()> {
    let doc = serde_json::json!({
        "directed": true,
        "multigraph": true,
        "graph": {"name": "isnad", "ego": graph.ego},
        "nodes": graph.nodes,
        "edges": graph.edges,
    });
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

/// Fill colours by actor kind (DOT and GEXF), as `#rrggbb`.
fn kind_colour(kind: &str) -> &'static str {
    match kind {
        "person" => "#cfe2f3",
        "organization" => "#d9ead3",
        "country" => "#fce5cd",
        "place" => "#fff2cc",
        "event" => "#ead1dc",
        _ => "#eeeeee",
    }
}

/// A DOT quoted string: `"` and `\` escaped, newlines as `\n`.
fn dot_str(s: &str) -> String {
    let mut q = String::with_capacity(s.len() + 2);
    q.push('"');
    for c in s.chars() {
        match c {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            '\n' => q.push_str("\\n"),
            '\r' => {}
            c => q.push(c),
        }
    }
    q.push('"');
    q
}

/// An edge's label: the predicate, `not` when denied, `×N` when seen N > 1 times.
fn edge_label(e: &Edge) -> String {
    let not = if e.negated { "not " } else { "" };
    match e.count {
        1 => format!("{not}{}", e.predicate),
        n => format!("{not}{} ×{n}", e.predicate),
    }
}

fn dot(out: &mut dyn Write, graph: &Graph) -> io::Result<()> {
    writeln!(out, "digraph isnad {{")?;
    writeln!(
        out,
        "  graph [rankdir=LR, overlap=false, splines=true, fontname=\"DejaVu Sans\"];"
    )?;
    writeln!(
        out,
        "  node [shape=box, style=\"rounded,filled\", fontname=\"DejaVu Sans\", fontsize=11];"
    )?;
    writeln!(
        out,
        "  edge [fontname=\"DejaVu Sans\", fontsize=9, color=\"#555555\", fontcolor=\"#333333\"];"
    )?;
    for n in &graph.nodes {
        dot_node(out, n, graph.ego == Some(n.id))?;
    }
    for e in &graph.edges {
        dot_edge(out, e)?;
    }
    writeln!(out, "}}")
}

fn dot_node(out: &mut dyn Write, n: &Node, ego: bool) -> io::Result<()> {
    let mut attrs = vec![
        format!("label={}", dot_str(&n.name)),
        format!("fillcolor={}", dot_str(kind_colour(&n.kind))),
        format!("kind={}", dot_str(&n.kind)),
        format!("mentions={}", n.mentions),
    ];
    if let Some(c) = &n.country {
        attrs.push(format!("country={}", dot_str(c)));
    }
    if ego {
        attrs.push("penwidth=2.5".into());
    }
    writeln!(out, "  {} [{}];", n.id, attrs.join(", "))
}

/// Line width of an edge: grows with the log of its count, capped so arrowheads stay small.
fn pen_width(count: i64) -> f64 {
    (1.0 + (count.max(1) as f64).log2()).min(5.0)
}

fn dot_edge(out: &mut dyn Write, e: &Edge) -> io::Result<()> {
    let mut attrs = vec![
        format!("label={}", dot_str(&edge_label(e))),
        format!("predicate={}", dot_str(&e.predicate)),
        format!("negated={}", e.negated),
        format!("count={}", e.count),
        format!("penwidth={:.1}", pen_width(e.count)),
    ];
    if let Some(first) = &e.first {
        attrs.push(format!("first={}", dot_str(first)));
    }
    if let Some(last) = &e.last {
        attrs.push(format!("last={}", dot_str(last)));
    }
    if e.negated {
        attrs.push("style=dashed".into());
    }
    writeln!(out, "  {} -> {} [{}];", e.source, e.target, attrs.join(", "))
}

/// Text for XML content and attribute values: the five entities escaped, tabs and line breaks
/// as character references (so attribute values keep them), characters XML 1.0 forbids dropped.
pub(crate) fn xml_escape(s: &str) -> String {
    let mut x = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => x.push_str("&amp;"),
            '<' => x.push_str("&lt;"),
            '>' => x.push_str("&gt;"),
            '"' => x.push_str("&quot;"),
            '\'' => x.push_str("&apos;"),
            '\n' => x.push_str("&#10;"),
            '\r' => x.push_str("&#13;"),
            '\t' => x.push_str("&#9;"),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => x.push(c),
        }
    }
    x
}

/// An attribute's name and XML Schema type, as GraphML and GEXF declare it.
struct Key {
    name: &'static str,
    graphml: &'static str,
    gexf: &'static str,
}

const fn key(name: &'static str, graphml: &'static str, gexf: &'static str) -> Key {
    Key { name, graphml, gexf }
}

const NODE_KEYS: [Key; 6] = [
    key("label", "string", "string"),
    key("name", "string", "string"),
    key("kind", "string", "string"),
    key("country", "string", "string"),
    key("qid", "string", "string"),
    key("mentions", "int", "integer"),
];

const EDGE_KEYS: [Key; 12] = [
    key("predicate", "string", "string"),
    key("negated", "boolean", "boolean"),
    key("count", "int", "integer"),
    key("weight", "double", "double"),
    key("articles", "int", "integer"),
    key("first", "string", "string"),
    key("last", "string", "string"),
    key("plover", "string", "string"),
    key("cameo", "string", "string"),
    key("confidence", "double", "double"),
    key("evidence", "string", "string"),
    key("label", "string", "string"),
];

/// A node's attribute values in [`NODE_KEYS`] order (absent ones `None`).
fn node_values(n: &Node) -> [Option<String>; 6] {
    [
        Some(n.name.clone()),
        Some(n.name.clone()),
        Some(n.kind.clone()),
        n.country.clone(),
        n.qid.clone(),
        Some(n.mentions.to_string()),
    ]
}

/// An edge's attribute values in [`EDGE_KEYS`] order.
fn edge_values(e: &Edge) -> [Option<String>; 12] {
    [
        Some(e.predicate.clone()),
        Some(e.negated.to_string()),
        Some(e.count.to_string()),
        Some(e.count.to_string()),
        Some(e.articles.to_string()),
        e.first.clone(),
        e.last.clone(),
        e.plover.clone(),
        e.cameo.clone(),
        Some(e.confidence.to_string()),
        Some(e.evidence.clone()),
        Some(edge_label(e)),
    ]
}

fn graphml(out: &mut dyn Write, graph: &Graph) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    for (class, keys) in [("node", &NODE_KEYS[..]), ("edge", &EDGE_KEYS[..])] {
        for k in keys {
            writeln!(
                out,
                r#"  <key id="{class}_{0}" for="{class}" attr.name="{0}" attr.type="{1}"/>"#,
                k.name, k.graphml
            )?;
        }
    }
    writeln!(out, r#"  <graph id="isnad" edgedefault="directed">"#)?;
    for n in &graph.nodes {
        writeln!(out, r#"    <node id="{}">"#, n.id)?;
        graphml_data(out, "node", &NODE_KEYS, &node_values(n))?;
        writeln!(out, "    </node>")?;
    }
    for (i, e) in graph.edges.iter().enumerate() {
        writeln!(
            out,
            r#"    <edge id="e{i}" source="{}" target="{}">"#,
            e.source, e.target
        )?;
        graphml_data(out, "edge", &EDGE_KEYS, &edge_values(e))?;
        writeln!(out, "    </edge>")?;
    }
    writeln!(out, "  </graph>")?;
    writeln!(out, "</graphml>")
}

fn graphml_data(out: &mut dyn Write, class: &str, keys: &[Key], values: &[Option<String>]) -> io::Result<()> {
    for (k, v) in keys.iter().zip(values) {
        if let Some(v) = v {
            writeln!(out, r#"      <data key="{class}_{}">{}</data>"#, k.name, xml_escape(v))?;
        }
    }
    Ok(())
}

fn gexf(out: &mut dyn Write, graph: &Graph) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2">"#
    )?;
    writeln!(
        out,
        "  <meta><creator>isnad</creator><description>actors and their relations</description></meta>"
    )?;
    writeln!(out, r#"  <graph defaultedgetype="directed" mode="static">"#)?;
    gexf_attributes(out)?;
    writeln!(out, "    <nodes>")?;
    for n in &graph.nodes {
        gexf_node(out, n)?;
    }
    writeln!(out, "    </nodes>")?;
    writeln!(out, "    <edges>")?;
    for (i, e) in graph.edges.iter().enumerate() {
        gexf_edge(out, i, e)?;
    }
    writeln!(out, "    </edges>")?;
    writeln!(out, "  </graph>")?;
    writeln!(out, "</gexf>")
}

/// The declared node and edge attributes: `label` (and `weight`) are GEXF's own.
fn gexf_attributes(out: &mut dyn Write) -> io::Result<()> {
    for (class, keys) in [("node", &NODE_KEYS[2..]), ("edge", &EDGE_KEYS[..])] {
        writeln!(out, r#"    <attributes class="{class}">"#)?;
        for k in keys.iter().filter(|k| !matches!(k.name, "label" | "weight")) {
            writeln!(
                out,
                r#"      <attribute id="{0}" title="{0}" type="{1}"/>"#,
                k.name, k.gexf
            )?;
        }
        writeln!(out, "    </attributes>")?;
    }
    Ok(())
}

/// A node with its attributes and its kind's colour.
fn gexf_node(out: &mut dyn Write, n: &Node) -> io::Result<()> {
    writeln!(out, r#"      <node id="{}" label="{}">"#, n.id, xml_escape(&n.name))?;
    gexf_values(out, &NODE_KEYS[2..], &node_values(n)[2..])?;
    let hex = kind_colour(&n.kind);
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0xee);
    writeln!(
        out,
        r#"        <viz:color r="{}" g="{}" b="{}"/>"#,
        channel(1),
        channel(3),
        channel(5)
    )?;
    writeln!(out, "      </node>")
}

/// The `i`-th edge, its label and count as GEXF's own attributes.
fn gexf_edge(out: &mut dyn Write, i: usize, e: &Edge) -> io::Result<()> {
    writeln!(
        out,
        r#"      <edge id="{i}" source="{}" target="{}" label="{}" weight="{}">"#,
        e.source,
        e.target,
        xml_escape(&edge_label(e)),
        e.count
    )?;
    gexf_values(out, &EDGE_KEYS, &edge_values(e))?;
    writeln!(out, "      </edge>")
}

fn gexf_values(out: &mut dyn Write, keys: &[Key], values: &[Option<String>]) -> io::Result<()> {
    writeln!(out, "        <attvalues>")?;
    for (k, v) in keys.iter().zip(values) {
        if matches!(k.name, "label" | "weight") {
            continue;
        }
        if let Some(v) = v {
            writeln!(
                out,
                r#"          <attvalue for="{}" value="{}"/>"#,
                k.name,
                xml_escape(v)
            )?;
        }
    }
    writeln!(out, "        </attvalues>")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sentence of the sample's seed article with its quotation marks, plus a line break and
    /// the XML markup characters.
    const EVIDENCE: &str = "اكد وزير الخارجية الروسي سيرغي لافروف \"لا توجد حرب باردة\"\nمع <واشنطن> & 'موسكو'";

    #[test]
    fn xml_escape_keeps_arabic_and_escapes_markup_quotes_and_line_breaks() {
        let x = xml_escape(EVIDENCE);
        assert_eq!(
            x,
            "اكد وزير الخارجية الروسي سيرغي لافروف &quot;لا توجد حرب باردة&quot;&#10;مع &lt;واشنطن&gt; &amp; &apos;موسكو&apos;"
        );
        assert_eq!(
            xml_escape("a\u{1}b\u{FFFF}"),
            "ab",
            "characters XML forbids are dropped"
        );
    }

    #[test]
    fn dot_strings_escape_quotes_backslashes_and_newlines() {
        assert_eq!(dot_str("سيرغي \"لافروف\"\\x\ny"), "\"سيرغي \\\"لافروف\\\"\\\\x\\ny\"");
    }
}
