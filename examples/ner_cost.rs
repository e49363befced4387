//! The name tagger's CPU cost (issue 7): tags ANERcorp train (`../shared`, or the path given)
//! in windows of 20 sentences, five times, and prints the median time per 1,000 tokens, with
//! the share of the recognizer and features and of the model's Viterbi.
//!
//! ```sh
//! cargo run --release --example ner_cost -- [PATH]
//! ```

use std::time::Instant;

use isnad::extract::lexicon::Lexicon;
use isnad::extract::ner::{WINDOW, model, tag_window, window_features};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or("../shared/corpus/anercorp/train.txt".into());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let sentences: Vec<Vec<&str>> = text
        .split("\n\n")
        .map(|s| {
            s.lines()
                .filter_map(|l| l.split_whitespace().next())
                .collect::<Vec<_>>()
        })
        .filter(|s: &Vec<&str>| !s.is_empty())
        .collect();
    let tokens: usize = sentences.iter().map(Vec::len).sum();
    let lex = Lexicon::builtin();
    let _ = model();
    let per_k = |f: &dyn Fn(&[Vec<&str>])| {
        median(
            (0..5)
                .map(|_| {
                    let t = Instant::now();
                    sentences.chunks(WINDOW).for_each(f);
                    t.elapsed().as_secs_f64() * 1000.0 / tokens as f64 * 1000.0
                })
                .collect(),
        )
    };
    let all = per_k(&|w| {
        tag_window(&lex, w);
    });
    let features = per_k(&|w| {
        window_features(&lex, w);
    });
    println!(
        "{tokens} tokens; median per 1,000 tokens: tagging {all:.2} ms, of which recognizer + features {features:.2} ms"
    );
}
