//! isnad (إسناد, "chain of attribution"): a knowledge store for news.
//!
//! The pipeline reads like the data flows:
//! [`read`] (formats, encodings) → [`clean`] (boilerplate) → [`normalize`] (stored and match
//! forms) → [`article`] (content hash, dedup keys) → [`extract`] (actors, statements,
//! relations) → [`store`] (SQLite, the only place with SQL) → queries. [`ingest`] drives the
//! stages over many files with parallel workers and one writer; [`output`] renders results.

pub mod article;
pub mod clean;
pub mod error;
pub mod extract;
pub mod ingest;
pub mod normalize;
pub mod output;
pub mod pipeline;
pub mod read;
pub mod reextract;
pub mod store;
pub mod story;

pub use error::{Error, Result};

/// The current time as ISO 8601 UTC, to the second.
pub fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
