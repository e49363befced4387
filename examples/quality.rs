//! The quality report: every scorer in `../shared/eval/` in one table, against a committed baseline.
//!
//! ```sh
//! cargo run --release --example quality              # everything: seed, dev gold, ANERcorp, PolNeAR
//! cargo run --release --example quality -- --quick   # seed + dev gold only (what CI runs, with --check)
//! cargo run --release --example quality -- --check   # exit 1 when a figure is > 0.02 below the baseline
//! cargo run --release --example quality -- --write-baseline   # record today's figures as the baseline
//! ```
//!
//! It builds the release `isnad` binary, runs the Python scorers on it (the shared folder is
//! `../shared`, or `ISNAD_SHARED`), prints one row per figure with the baseline beside it, and
//! reads the named-entity model's cross-validation figures from its manifest when one is committed.
//! The baseline lives in `tests/quality-baseline.tsv` (`set<TAB>metric<TAB>value`); raise it as
//! extraction improves.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// How far a figure may fall below its baseline before `--check` fails.
const TOLERANCE: f64 = 0.02;
const BASELINE: &str = "tests/quality-baseline.tsv";
const MANIFEST: &str = "models/ner-ar.manifest.json";

/// One measured figure.
struct Figure {
    set: &'static str,
    metric: String,
    value: f64,
}

/// The command line, parsed once.
struct Settings {
    quick: bool,
    check: bool,
    write_baseline: bool,
}

fn main() -> ExitCode {
    let settings = match parse_args() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("quality: {e}");
            return ExitCode::from(2);
        }
    };
    match run(&settings) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("quality: {e}");
            ExitCode::FAILURE
        }
    }
}

fn parse_args() -> Result<Settings, String> {
    let mut s = Settings {
        quick: false,
        check: false,
        write_baseline: false,
    };
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--quick" => s.quick = true,
            "--check" => s.check = true,
            "--write-baseline" => s.write_baseline = true,
            other => {
                return Err(format!(
                    "unknown argument {other} (try --quick, --check, --write-baseline)"
                ));
            }
        }
    }
    Ok(s)
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn shared() -> PathBuf {
    std::env::var_os("ISNAD_SHARED").map_or_else(|| root().join("../shared"), PathBuf::from)
}

/// Returns whether every figure is within tolerance of its baseline (always true without --check).
fn run(settings: &Settings) -> Result<bool, String> {
    let bin = build_binary()?;
    let figures = measure(&bin, settings.quick)?;
    let baseline = read_baseline(&root().join(BASELINE))?;
    let ok = print_table(&figures, &baseline);
    if settings.write_baseline {
        write_baseline(&root().join(BASELINE), &figures, &baseline)?;
        println!("baseline written to {BASELINE}");
    }
    if settings.check && !ok {
        eprintln!("quality: a figure fell more than {TOLERANCE} below {BASELINE}");
    }
    Ok(!settings.check || ok)
}

/// Builds the release binary and returns its path.
fn build_binary() -> Result<PathBuf, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args(["build", "--release", "--locked", "--quiet", "--bin", "isnad"])
        .current_dir(root())
        .status()
        .map_err(|e| format!("running cargo build: {e}"))?;
    if !status.success() {
        return Err("cargo build --release failed".into());
    }
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root().join("target"), PathBuf::from);
    Ok(target.join("release/isnad"))
}

fn measure(bin: &Path, quick: bool) -> Result<Vec<Figure>, String> {
    let shared = shared();
    let gold = shared.join("gold");
    let mut dev: Vec<String> = std::fs::read_dir(&gold)
        .map_err(|e| format!("reading {}: {e}", gold.display()))?
        .filter_map(|e| e.ok().map(|e| e.path().display().to_string()))
        .filter(|p| p.ends_with(".json") && p.contains("/ant-"))
        .collect();
    dev.sort();
    let seed = gold.join("seed-000.json").display().to_string();
    let mut figures = gold_figures("seed", &scorer(bin, "score.py", &[seed])?);
    figures.extend(gold_figures("dev gold", &scorer(bin, "score.py", &dev)?));
    if quick {
        return Ok(figures);
    }
    let train = shared.join("corpus/anercorp/train.txt").display().to_string();
    figures.extend(ner_figures(&scorer(bin, "conll_ner.py", &[train])?));
    figures.extend(manifest_figures());
    let polnear = shared.join("corpus/polnear/dev").display().to_string();
    figures.extend(polnear_figures(&scorer(bin, "polnear.py", &[polnear])?));
    Ok(figures)
}

/// Runs one scorer and returns its `micro:` line.
fn scorer(bin: &Path, script: &str, args: &[String]) -> Result<String, String> {
    let path = shared().join("eval").join(script);
    let out = Command::new("python3")
        .arg(&path)
        .arg("--bin")
        .arg(bin)
        .args(args)
        .output()
        .map_err(|e| format!("running python3 {}: {e}", path.display()))?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() {
        return Err(format!(
            "{script} failed:\n{stdout}{}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    stdout
        .lines()
        .rev()
        .find(|l| l.starts_with("micro:"))
        .map(str::to_owned)
        .ok_or_else(|| format!("{script}: no micro: line in its output"))
}

/// The number after `key=` in a scorer line.
fn field(line: &str, key: &str) -> Option<f64> {
    let at = line.find(key)? + key.len();
    let rest = &line[at..];
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(rest.len());
    rest[..end].parse().ok()
}

/// `micro: actors P=.. R=.. F1=..  statements P=.. ...` → P, R and F1 per part.
fn gold_figures(set: &'static str, line: &str) -> Vec<Figure> {
    let mut out = Vec::new();
    for part in ["actors", "statements", "relations"] {
        let Some(at) = line.find(part) else { continue };
        for key in ["P", "R", "F1"] {
            if let Some(value) = field(&line[at..], &format!("{key}=")) {
                out.push(Figure {
                    set,
                    metric: format!("{part} {key}"),
                    value,
                });
            }
        }
    }
    out
}

fn ner_figures(line: &str) -> Vec<Figure> {
    let set = "ANERcorp train (in-sample)";
    ["P=", "R=", "F1="]
        .iter()
        .filter_map(|key| {
            field(line, key).map(|value| Figure {
                set,
                metric: format!("micro {}", key.trim_end_matches('=')),
                value,
            })
        })
        .collect()
}

fn polnear_figures(line: &str) -> Vec<Figure> {
    let set = "PolNeAR dev";
    let mut out = Vec::new();
    for (key, metric) in [
        ("P=", "content P"),
        ("R=", "content R"),
        ("F1=", "content F1"),
        ("speaker=", "speaker acc"),
    ] {
        if let Some(value) = field(line, key) {
            out.push(Figure {
                set,
                metric: metric.into(),
                value,
            });
        }
    }
    out
}

/// The cross-validation figures in the committed model's manifest (`cross_validation.scores`:
/// micro and per-type F1), measured when the model was trained.
fn manifest_figures() -> Vec<Figure> {
    let Ok(text) = std::fs::read_to_string(root().join(MANIFEST)) else {
        return Vec::new();
    };
    let Ok(json) = serde_json::from_str::<serde_json::Value>(&text) else {
        return Vec::new();
    };
    let Some(cv) = json.pointer("/cross_validation/scores").and_then(|v| v.as_object()) else {
        return Vec::new();
    };
    cv.iter()
        .filter_map(|(name, v)| {
            let value = v.get("f1").and_then(|f| f.as_f64()).or_else(|| v.as_f64())?;
            Some(Figure {
                set: "ANERcorp 5-fold CV",
                metric: format!("{name} F1"),
                value,
            })
        })
        .collect()
}

fn read_baseline(path: &Path) -> Result<Vec<(String, String, f64)>, String> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Ok(Vec::new());
    };
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            match cols.as_slice() {
                [set, metric, value] => value
                    .trim()
                    .parse()
                    .map(|v| ((*set).to_owned(), (*metric).to_owned(), v))
                    .map_err(|e| format!("{}: bad value in {l:?}: {e}", path.display())),
                _ => Err(format!(
                    "{}: expected set<TAB>metric<TAB>value, got {l:?}",
                    path.display()
                )),
            }
        })
        .collect()
}

fn baseline_of(baseline: &[(String, String, f64)], f: &Figure) -> Option<f64> {
    baseline
        .iter()
        .find(|(s, m, _)| s == f.set && *m == f.metric)
        .map(|b| b.2)
}

/// Prints the table; returns false when a figure is more than the tolerance below its baseline.
fn print_table(figures: &[Figure], baseline: &[(String, String, f64)]) -> bool {
    let mut ok = true;
    println!(
        "{:<22} {:<14} {:>6} {:>9} {:>7}",
        "set", "metric", "value", "baseline", "delta"
    );
    for f in figures {
        let (base, delta, mark) = match baseline_of(baseline, f) {
            Some(b) => {
                let low = f.value < b - TOLERANCE - 1e-9;
                ok &= !low;
                (
                    format!("{b:.3}"),
                    format!("{:+.3}", f.value - b),
                    if low { "  DROP" } else { "" },
                )
            }
            None => ("-".into(), String::new(), ""),
        };
        println!(
            "{:<22} {:<14} {:>6.3} {:>9} {:>7}{mark}",
            f.set, f.metric, f.value, base, delta
        );
    }
    ok
}

/// Writes today's figures, keeping baseline rows this run did not measure (e.g. after --quick).
fn write_baseline(path: &Path, figures: &[Figure], old: &[(String, String, f64)]) -> Result<(), String> {
    let mut text =
        String::from("# set\tmetric\tvalue — written by `cargo run --release --example quality -- --write-baseline`\n");
    for (s, m, v) in old {
        if !figures.iter().any(|f| f.set == s && f.metric == *m) {
            text.push_str(&format!("{s}\t{m}\t{v:.4}\n"));
        }
    }
    for f in figures {
        text.push_str(&format!("{}\t{}\t{:.4}\n", f.set, f.metric, f.value));
    }
    std::fs::write(path, text).map_err(|e| format!("writing {}: {e}", path.display()))
}
