//! `graph`: the actor network (actors as nodes, relations folded into edges) as DOT, GraphML,
//! GEXF, node-link JSON or an edge list, or drawn with Graphviz (`--render`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::Context;
use clap::Args as ClapArgs;
use isnad::graph::{DRAWN_EDGES, GraphFormat};
use isnad::store::graph::{Graph, GraphFilter};
use isnad::store::query::DateBound;

use super::{Settings, open_read, with_stdout};

#[derive(Debug, ClapArgs)]
#[command(after_help = "Examples:
  isnad --db sample.db graph --actor Lavrov --depth 2 --format graphml > lavrov.graphml
  isnad --db sample.db graph --actor لافروف --depth 2 --render lavrov.svg")]
pub(crate) struct Args {
    /// The ego network of this actor (any alias, resolved as `isnad actor NAME` does) instead of
    /// the whole graph.
    #[arg(long)]
    actor: Option<String>,
    /// Steps from --actor: 1 is its neighbours and the relations among them.
    #[arg(long, default_value_t = 1, requires = "actor", value_parser = clap::value_parser!(u32).range(1..=20))]
    depth: u32,
    /// Only relations from articles published at or after this date.
    #[arg(long)]
    since: Option<DateBound>,
    /// Only relations from articles published at or before this date.
    #[arg(long)]
    until: Option<DateBound>,
    /// Only these predicates (meet, host, agree, dispute, support, attack, affiliation, ...;
    /// repeat the flag or separate with commas).
    #[arg(long, value_delimiter = ',')]
    predicate: Vec<String>,
    /// Only edges folded from at least this many relations.
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..))]
    min_count: u32,
    /// At most this many edges: the most frequent (in an ego network the nearest first).
    /// Default: all, except `--format dot` and `--render`, which keep the top 100.
    #[arg(long)]
    limit: Option<usize>,
    /// Draw the graph with Graphviz (`dot`, or `sfdp` above 40 actors) into this file (.svg, .png
    /// or .pdf) instead of printing it.
    #[arg(long, value_name = "FILE", value_parser = render_path)]
    render: Option<PathBuf>,
}

/// A `--render` file: its extension names a format Graphviz writes.
fn render_path(s: &str) -> Result<PathBuf, String> {
    let path = PathBuf::from(s);
    match graphviz_format(&path) {
        Some(_) => Ok(path),
        None => Err("expected a file ending in .svg, .png or .pdf".into()),
    }
}

fn graphviz_format(path: &Path) -> Option<&'static str> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    ["svg", "png", "pdf"].into_iter().find(|f| *f == ext)
}

pub(crate) fn run(settings: &Settings, format: GraphFormat, args: Args) -> anyhow::Result<()> {
    let store = open_read(settings)?;
    let drawn = args.render.is_some() || format == GraphFormat::Dot;
    let capped = args.limit.is_none() && drawn;
    let graph = store.graph(&GraphFilter {
        actor: args.actor,
        depth: args.depth,
        since: args.since,
        until: args.until,
        predicates: args.predicate,
        min_count: args.min_count,
        limit: args.limit.or(capped.then_some(DRAWN_EDGES)),
    })?;
    if capped && !settings.quiet && graph.edges.len() < graph.edges_total {
        eprintln!(
            "isnad: {} of {} edges (the most frequent); --limit N for more",
            graph.edges.len(),
            graph.edges_total
        );
    }
    match &args.render {
        Some(path) => render(settings, &graph, path),
        None => with_stdout(|out| isnad::graph::write(out, format, &graph)),
    }
}

/// Actors above which `sfdp` (force-directed) draws instead of `dot`, whose layered layout of
/// many actors is a tall column.
const SFDP_ABOVE: usize = 40;

/// Draws `graph` into `path` with Graphviz, or says how to install it.
fn render(settings: &Settings, graph: &Graph, path: &Path) -> anyhow::Result<()> {
    let mut text = Vec::new();
    isnad::graph::write(&mut text, GraphFormat::Dot, graph)?;
    let layout = if graph.nodes.len() > SFDP_ABOVE { "sfdp" } else { "dot" };
    let kind = graphviz_format(path).unwrap_or("svg");
    graphviz(layout, kind, path, &text)?;
    if !settings.quiet {
        eprintln!(
            "drew {} actors and {} edges into {} ({layout})",
            graph.nodes.len(),
            graph.edges.len(),
            path.display()
        );
    }
    Ok(())
}

/// Runs Graphviz's `layout` on the DOT `text`, writing `path` in its format `kind`; a missing
/// Graphviz says how to install it, a failing one gives its first line of complaint.
fn graphviz(layout: &str, kind: &str, path: &Path, text: &[u8]) -> anyhow::Result<()> {
    let child = Command::new(layout)
        .arg(format!("-T{kind}"))
        .arg("-o")
        .arg(path)
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => anyhow::bail!(
            "Graphviz is not installed (no `{layout}` on PATH): `apt install graphviz` (Debian, Ubuntu) or `brew install graphviz` (macOS)"
        ),
        other => other.with_context(|| format!("starting Graphviz `{layout}`"))?,
    };
    child
        .stdin
        .take()
        .context("Graphviz's standard input")?
        .write_all(text)
        .context("writing to Graphviz")?;
    let done = child.wait_with_output().context("waiting for Graphviz")?;
    if !done.status.success() {
        let message = String::from_utf8_lossy(&done.stderr);
        anyhow::bail!(
            "Graphviz `{layout}` failed writing {}: {}",
            path.display(),
            message.lines().next().unwrap_or("no message")
        );
    }
    Ok(())
}
