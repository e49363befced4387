//! isnad (إسناد, "chain of attribution"): a knowledge store for news.
//!
//! The pipeline reads like the data flows:
//! [`read`] (formats, encodings) → `clean` (boilerplate) → [`normalize`] (stored and match
//! forms) → [`article`] (content hash, dedup keys) → [`extract`] (actors, statements,
//! relations) → [`store`] (SQLite, the only place with SQL) → queries; [`graph`] writes the
//! actor network for Graphviz, networkx and Gephi. [`ingest`] drives the
//! stages over many files with parallel workers and one writer; [`merge`] folds shard databases
//! into one through the same steps; [`export`] writes the tables as Parquet or JSON Lines; [`output`] renders results.

pub mod article;
pub(crate) mod clean;
pub(crate) mod error;
pub mod export;
pub mod extract;
pub mod graph;
pub mod ingest;
pub mod merge;
pub mod normalize;
pub mod output;
pub(crate) mod pipeline;
pub mod read;
pub mod reextract;
pub mod store;
pub mod story;

pub use error::{Error, Result};

/// The current time as ISO 8601 UTC, to the second.
pub(crate) fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
