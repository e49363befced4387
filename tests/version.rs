//! The invariant "extraction is versioned" (ARCHITECTURE.md): whenever what extraction writes
//! changes, `EXTRACTOR_VERSION` must move, or `reextract` cannot tell stale rows from fresh ones.
//!
//! The test ingests the bundled sample (`examples/sample`: seed page and ANT articles) plus the
//! English test article, fingerprints every extraction table (SHA-256 over the rows), and compares
//! the fingerprint with the one recorded next to the version in
//! `tests/fixtures/extractor-fingerprint.txt`. A changed fingerprint under the same version fails.
//! After bumping the version, `UPDATE_FINGERPRINT=1 cargo test --test version` records the new
//! pair; it refuses to record a changed fingerprint under an unchanged version.

mod common;

use std::path::Path;

use isnad::extract::EXTRACTOR_VERSION;
use sha2::{Digest, Sha256};

const RECORD: &str = "tests/fixtures/extractor-fingerprint.txt";

/// Every table extraction writes, whole, in a stable order.
const TABLES: [&str; 7] = [
    "SELECT * FROM actors ORDER BY id",
    "SELECT * FROM actor_aliases ORDER BY 1, 2",
    "SELECT * FROM actor_roles ORDER BY 1, 2, 3, 4",
    "SELECT * FROM mentions ORDER BY article_id, start, end, actor_id",
    "SELECT * FROM statements ORDER BY id",
    "SELECT * FROM statement_occurrences ORDER BY 1, 2, 3, 4",
    "SELECT * FROM relations ORDER BY id",
];

/// The SHA-256 of every extraction row the sample yields, in hex.
fn fingerprint() -> String {
    let env = common::Env::new();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sample");
    let english = env.write("english.json", common::english_json());
    env.ingest(&[sample.to_str().expect("a UTF-8 path"), &english]);
    let mut hash = Sha256::new();
    for query in TABLES {
        let rows = env.sql(query);
        assert!(!rows.is_empty() || query.contains("roles"), "{query}: no rows");
        hash.update(query.as_bytes());
        hash.update(serde_json::to_string(&rows).expect("rows serialize").as_bytes());
    }
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// The recorded (version, fingerprint) pair.
fn recorded(path: &Path) -> (i64, String) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {RECORD}: {e}"));
    let mut words = text.split_whitespace();
    let version = words.next().and_then(|w| w.parse().ok()).expect("a version first");
    let digest = words.next().expect("a fingerprint second").to_owned();
    (version, digest)
}

#[test]
fn extractor_version_tracks_output() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(RECORD);
    let (version, digest) = recorded(&path);
    let now = fingerprint();
    if now == digest && version == EXTRACTOR_VERSION {
        return;
    }
    assert!(
        version != EXTRACTOR_VERSION,
        "extraction output changed under EXTRACTOR_VERSION {version}: bump EXTRACTOR_VERSION in \
         src/extract/mod.rs, then run `UPDATE_FINGERPRINT=1 cargo test --test version`"
    );
    if std::env::var_os("UPDATE_FINGERPRINT").is_some() {
        std::fs::write(&path, format!("{EXTRACTOR_VERSION} {now}\n")).expect("writing the record");
        return;
    }
    panic!(
        "EXTRACTOR_VERSION is {EXTRACTOR_VERSION} but {RECORD} records {version}: run \
         `UPDATE_FINGERPRINT=1 cargo test --test version` to record the new fingerprint"
    );
}
