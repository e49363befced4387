//! Trains the Arabic name recognizer (`src/extract/ner.rs`) on ANERcorp and writes
//! `models/ner-ar.crfsuite` and `models/ner-ar.manifest.json`.
//!
//! ```sh
//! nice cargo run --release --example train_ner -- [--train PATH] [--folds N] [--no-cv]
//!                                                 [--iterations N] [--c1 X] [--c2 X]
//! ```
//!
//! The training file (default `../shared/corpus/anercorp/train.txt`) is read as
//! `eval/conll_ner.py` reads it: the first column is the token and the last the tag, lines with
//! one field are skipped, blank lines end sentences (a file without any is split after each run
//! of `.` tokens), and sentences over 200 tokens are cut. Sentences are grouped into windows of
//! 20 consecutive sentences, each one document, as `isnad tag` groups its input.
//!
//! Cross-validation splits the windows into `--folds` contiguous blocks (not a random split, so
//! a story's sentences stay on one side) and trains on all blocks but one, scoring the held-out
//! one with conlleval's entity-level exact match; it prints per-type and micro P/R/F1 summed
//! over the folds. Then the model is trained on all the data. Training is L-BFGS with L1 and
//! L2 regularization (CRFsuite's defaults for the line search).

use std::collections::BTreeMap;
use std::path::Path;

use crfs::{Attribute, Model, Trainer};
use isnad::article::{hex, sha256};
use isnad::extract::lexicon::Lexicon;
use isnad::extract::ner::{FEATURE_SET_VERSION, WINDOW, to_iob2, window_features};
use serde_json::json;

/// Longest sentence, as `conll_ner.py` cuts them.
const MAX_SENT: usize = 200;
/// Tokens after which `conll_ner.py` prefers to cut a long sentence.
const SOFT_BREAKS: &[&str] = &["،", ",", "؛", ";", ":", "-", "(", ")", "\"", "«", "»"];

type Sentence = Vec<(String, String)>;

struct Params {
    train: String,
    folds: usize,
    cv: bool,
    iterations: usize,
    c1: f64,
    c2: f64,
    /// `lbfgs` or `ap` (averaged perceptron).
    algorithm: String,
    verbose: bool,
    /// Only this fold (a quick look while trying features).
    only_fold: Option<usize>,
}

fn params() -> Params {
    let mut p = Params {
        train: "../shared/corpus/anercorp/train.txt".into(),
        folds: 5,
        cv: true,
        iterations: 120,
        c1: 0.05,
        c2: 0.01,
        algorithm: "lbfgs".into(),
        verbose: false,
        only_fold: None,
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut val = || it.next().cloned().unwrap_or_else(|| panic!("{a} needs a value"));
        match a.as_str() {
            "--train" => p.train = val(),
            "--folds" => p.folds = val().parse().expect("--folds N"),
            "--no-cv" => p.cv = false,
            "--iterations" => p.iterations = val().parse().expect("--iterations N"),
            "--c1" => p.c1 = val().parse().expect("--c1 X"),
            "--c2" => p.c2 = val().parse().expect("--c2 X"),
            "--algorithm" => p.algorithm = val(),
            "--verbose" => p.verbose = true,
            "--only-fold" => p.only_fold = Some(val().parse().expect("--only-fold K")),
            other => panic!("unknown argument {other}"),
        }
    }
    p
}

/// The sentences of a CoNLL file (see the module documentation).
fn read_conll(text: &str) -> Vec<Sentence> {
    let mut sents: Vec<Sentence> = Vec::new();
    let mut cur: Sentence = Vec::new();
    let mut saw_blank = false;
    for line in text.lines() {
        let line = line.replace('\u{200f}', "");
        let parts: Vec<&str> = line.split_whitespace().collect();
        if parts.is_empty() {
            saw_blank = true;
            if !cur.is_empty() {
                sents.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if parts.len() < 2 {
            continue;
        }
        cur.push((parts[0].to_owned(), parts[parts.len() - 1].to_owned()));
    }
    if !cur.is_empty() {
        sents.push(cur);
    }
    if !saw_blank || sents.len() == 1 {
        sents = split_on_periods(sents.concat());
    }
    sents.into_iter().flat_map(cap_length).collect()
}

/// Sentences ending after each run of `.` tokens.
fn split_on_periods(tokens: Sentence) -> Vec<Sentence> {
    let is_dots = |w: &str| !w.is_empty() && w.chars().all(|c| c == '.');
    let mut sents = Vec::new();
    let mut cur = Vec::new();
    for i in 0..tokens.len() {
        cur.push(tokens[i].clone());
        if is_dots(&tokens[i].0) && tokens.get(i + 1).is_some_and(|n| !is_dots(&n.0)) {
            sents.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        sents.push(cur);
    }
    sents
}

/// A sentence cut into pieces of at most [`MAX_SENT`] tokens, as `conll_ner.py` cuts it.
fn cap_length(mut sent: Sentence) -> Vec<Sentence> {
    let mut pieces = Vec::new();
    while sent.len() > MAX_SENT {
        let soft = (MAX_SENT / 2 + 1..=MAX_SENT)
            .rev()
            .find(|&i| SOFT_BREAKS.contains(&sent[i - 1].0.as_str()) && !sent[i].1.starts_with("I-"));
        let cut = soft
            .or_else(|| (1..=MAX_SENT).rev().find(|&i| !sent[i].1.starts_with("I-")))
            .unwrap_or(MAX_SENT);
        let rest = sent.split_off(cut);
        pieces.push(sent);
        sent = rest;
    }
    pieces.push(sent);
    pieces
}

/// conlleval chunks of a tag sequence: `(start, end, type)`; a chunk starts at `B-X` or at an
/// `I-X` after `O` or another type.
fn chunks<S: AsRef<str>>(tags: &[S]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (i, tag) in tags.iter().map(AsRef::as_ref).chain(["O"]).enumerate() {
        let (prefix, ty) = tag.split_once('-').unwrap_or(("O", ""));
        let continues = prefix == "I" && open.as_ref().is_some_and(|(_, t)| t == ty);
        if !continues && let Some((s, t)) = open.take() {
            out.push((s, i, t));
        }
        if !ty.is_empty() && !continues {
            open = Some((i, ty.to_owned()));
        }
    }
    out
}

/// One sentence's features and gold labels (IOB2).
struct Example {
    xs: Vec<Vec<Attribute>>,
    ys: Vec<String>,
}

/// The examples of all sentences, computed window by window.
fn examples(lex: &Lexicon, sents: &[Sentence]) -> Vec<Example> {
    let mut out = Vec::with_capacity(sents.len());
    for window in sents.chunks(WINDOW) {
        let tokens: Vec<Vec<&str>> = window
            .iter()
            .map(|s| s.iter().map(|(w, _)| w.as_str()).collect())
            .collect();
        for (s, xs) in window.iter().zip(window_features(lex, &tokens)) {
            let tags: Vec<&str> = s.iter().map(|(_, t)| t.as_str()).collect();
            out.push(Example { xs, ys: to_iob2(&tags) });
        }
    }
    out
}

/// Trains on `train` and writes the model to `path`.
fn train(p: &Params, train: &[&Example], path: &Path) -> std::io::Result<()> {
    if p.algorithm == "ap" {
        let mut trainer = Trainer::averaged_perceptron();
        trainer.verbose(p.verbose);
        for e in train {
            trainer.append(&e.xs, &e.ys)?;
        }
        let params = trainer.params_mut();
        params.set_max_iterations(p.iterations)?;
        params.set_shuffle_seed(Some(7));
        return trainer.train(path);
    }
    let mut trainer = Trainer::lbfgs();
    trainer.verbose(p.verbose);
    for e in train {
        trainer.append(&e.xs, &e.ys)?;
    }
    let params = trainer.params_mut();
    params.set_c1(p.c1)?;
    params.set_c2(p.c2)?;
    params.set_max_iterations(p.iterations)?;
    trainer.train(path)
}

/// Correct, found and gold entity counts by type.
type Counts = BTreeMap<String, [usize; 3]>;

/// Tags `test` with the model at `path` and adds its entity counts to `counts`.
fn score(path: &Path, test: &[&Example], counts: &mut Counts) -> std::io::Result<()> {
    let bytes = std::fs::read(path)?;
    let model = Model::new(&bytes)?;
    let tagger = model.tagger()?;
    for e in test {
        let pred = to_iob2(&tagger.tag(&e.xs)?);
        let gold = chunks(&e.ys);
        let found = chunks(&pred);
        for c in &gold {
            counts.entry(c.2.clone()).or_default()[2] += 1;
        }
        for c in &found {
            let n = counts.entry(c.2.clone()).or_default();
            n[1] += 1;
            if gold.contains(c) {
                n[0] += 1;
            }
        }
    }
    Ok(())
}

fn prf([c, f, g]: [usize; 3]) -> (f64, f64, f64) {
    let p = if f > 0 { c as f64 / f as f64 } else { 0.0 };
    let r = if g > 0 { c as f64 / g as f64 } else { 0.0 };
    let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    (p, r, f1)
}

/// Prints the scores and returns them as JSON.
fn report(counts: &Counts) -> serde_json::Value {
    let mut scores = serde_json::Map::new();
    let mut total = [0; 3];
    for (ty, n) in counts {
        let (p, r, f) = prf(*n);
        println!(
            "{ty:>5}: P={p:.4} R={r:.4} F1={f:.4}  gold={} found={} correct={}",
            n[2], n[1], n[0]
        );
        scores.insert(
            ty.clone(),
            json!({"p": round(p), "r": round(r), "f1": round(f), "gold": n[2]}),
        );
        for k in 0..3 {
            total[k] += n[k];
        }
    }
    let (p, r, f) = prf(total);
    println!(
        "micro: P={p:.4} R={r:.4} F1={f:.4}  gold={} found={} correct={}",
        total[2], total[1], total[0]
    );
    scores.insert(
        "micro".into(),
        json!({"p": round(p), "r": round(r), "f1": round(f), "gold": total[2]}),
    );
    serde_json::Value::Object(scores)
}

fn round(x: f64) -> f64 {
    (x * 10000.0).round() / 10000.0
}

/// Contiguous cross-validation: folds of whole windows.
fn cross_validate(p: &Params, all: &[Example]) -> std::io::Result<serde_json::Value> {
    let windows = all.len().div_ceil(WINDOW);
    let mut counts = Counts::new();
    let dir = tempfile_dir();
    for k in (0..p.folds).filter(|k| p.only_fold.is_none_or(|o| o == *k)) {
        let (a, b) = (
            windows * k / p.folds * WINDOW,
            (windows * (k + 1) / p.folds * WINDOW).min(all.len()),
        );
        let train_set: Vec<&Example> = all[..a].iter().chain(&all[b..]).collect();
        let test_set: Vec<&Example> = all[a..b].iter().collect();
        let path = dir.join(format!("fold{k}.crfsuite"));
        let t = std::time::Instant::now();
        train(p, &train_set, &path)?;
        let mut fold = Counts::new();
        score(&path, &test_set, &mut fold)?;
        let micro = fold
            .values()
            .fold([0; 3], |acc, n| [acc[0] + n[0], acc[1] + n[1], acc[2] + n[2]]);
        println!(
            "fold {k}: sentences {a}..{b}, micro F1 {:.4}, trained in {:.0}s",
            prf(micro).2,
            t.elapsed().as_secs_f64()
        );
        for (ty, n) in fold {
            let c = counts.entry(ty).or_default();
            for i in 0..3 {
                c[i] += n[i];
            }
        }
        std::fs::remove_file(&path)?;
    }
    println!("cross-validation ({} contiguous folds):", p.folds);
    Ok(report(&counts))
}

fn tempfile_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("isnad-train-ner-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    dir
}

fn main() -> std::io::Result<()> {
    let p = params();
    let bytes = std::fs::read(&p.train)?;
    let sents = read_conll(&String::from_utf8_lossy(&bytes));
    let lex = Lexicon::builtin();
    let t = std::time::Instant::now();
    let all = examples(&lex, &sents);
    let tokens: usize = all.iter().map(|e| e.ys.len()).sum();
    println!(
        "{} sentences, {tokens} tokens, features in {:.1}s",
        all.len(),
        t.elapsed().as_secs_f64()
    );
    let cv = if p.cv {
        cross_validate(&p, &all)?
    } else {
        serde_json::Value::Null
    };
    if p.only_fold.is_some() {
        return Ok(());
    }
    let model = Path::new("models/ner-ar.crfsuite");
    let t = std::time::Instant::now();
    train(&p, &all.iter().collect::<Vec<_>>(), model)?;
    println!("model trained on all data in {:.0}s", t.elapsed().as_secs_f64());
    let manifest = json!({
        "model": "models/ner-ar.crfsuite",
        "model_sha256": hex(&sha256(&std::fs::read(model)?)),
        "training_data": p.train,
        "training_data_sha256": hex(&sha256(&bytes)),
        "sentences": all.len(),
        "tokens": tokens,
        "feature_set_version": FEATURE_SET_VERSION,
        "crfs_version": "0.4.1",
        "algorithm": if p.algorithm == "ap" {
            json!({"name": "averaged_perceptron", "max_iterations": p.iterations, "shuffle_seed": 7})
        } else {
            json!({"name": "lbfgs", "c1": p.c1, "c2": p.c2, "max_iterations": p.iterations})
        },
        "window_sentences": WINDOW,
        "cross_validation": {"folds": p.folds, "split": "contiguous blocks of windows", "scores": cv},
        "command": "nice cargo run --release --example train_ner",
    });
    std::fs::write(
        "models/ner-ar.manifest.json",
        serde_json::to_string_pretty(&manifest)? + "\n",
    )?;
    Ok(())
}
