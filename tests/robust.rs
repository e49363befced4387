//! Property tests: whatever bytes arrive, the readers, decoding, cleaning and extraction return
//! an answer or an error, and never panic. Inputs are random bytes and random mixes of the markup
//! and Arabic text the readers look for, with a bounded number of cases so CI stays quick.

use isnad::article::Article;
use isnad::extract::Extractor;
use proptest::prelude::*;

/// Pieces the readers and the extractor react to: TREC and JSON markup, HTML, quotation marks,
/// Arabic cue words and names, punctuation, line breaks.
const PIECES: &[&str] = &[
    "<DOC>",
    "</DOC>",
    "<TEXT>",
    "</TEXT>",
    "<TITLE>",
    "</TITLE>",
    "<DOCNO>",
    "{",
    "}",
    "[",
    "]",
    "\"text\":",
    "\"title\":",
    ",",
    ":",
    "<html>",
    "<p>",
    "</p>",
    "<script>",
    "&amp;",
    "&#x",
    ";",
    "\"",
    "«",
    "»",
    "“",
    "”",
    "قال",
    "وأضاف",
    "إن",
    "أن",
    "الرئيس",
    "وزير الخارجية",
    "الروسي",
    "سيرغي لافروف",
    "ترامب",
    "واشنطن",
    "التقى",
    "مع",
    "،",
    ".",
    "؟",
    "\n",
    "\n\n",
    " ",
    "said",
    "Lavrov",
    "met",
    "\u{200f}",
    "\u{feff}",
    "ـ",
];

fn mixes() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic_the_readers(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        if let Ok(decoded) = isnad::read::decode::decode(&bytes) {
            for record in isnad::read::parse(&decoded.text, "input.txt").records.into_iter().flatten() {
                let _ = Article::from_raw(&record);
            }
        }
    }

    #[test]
    fn markup_and_arabic_mixes_never_panic_reading_or_extraction(text in mixes(), name in prop::sample::select(&["a.txt", "a.json", "a.jsonl", "a.html", "a.trec"][..])) {
        thread_local! { static EXTRACTOR: Extractor = Extractor::new(); }
        for record in isnad::read::parse(&text, name).records.into_iter().flatten() {
            if let Some(article) = Article::from_raw(&record) {
                let ex = EXTRACTOR.with(|x| x.extract(&article));
                let doc_len = article.document().chars().count();
                for m in &ex.mentions {
                    prop_assert!(m.start <= m.end && m.end <= doc_len);
                }
                for s in &ex.statements {
                    prop_assert!(s.start <= s.end && s.end <= doc_len);
                }
            }
        }
    }
}
