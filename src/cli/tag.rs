//! `isnad tag [FILE]`: tag pre-tokenized CoNLL text (first column; blank lines between
//! sentences) with PERS/LOC/ORG/MISC in IOB2. Reads standard input without FILE. No database.

use std::io::Read;
use std::path::PathBuf;

use anyhow::Context;
use clap::Args as ClapArgs;
use isnad::extract::lexicon::Lexicon;
use isnad::extract::tag::tag_conll;

use super::{Settings, with_stdout};

#[derive(Debug, ClapArgs)]
pub(crate) struct Args {
    /// The CoNLL file (one token per line); standard input when absent or `-`.
    file: Option<PathBuf>,
}

pub(crate) fn run(_settings: &Settings, args: Args) -> anyhow::Result<()> {
    let input = match args.file.as_deref() {
        Some(path) if path.as_os_str() != "-" => {
            let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
            isnad::read::decode::decode(&bytes)
                .map_err(|reason| isnad::Error::BadInput {
                    location: path.display().to_string(),
                    reason,
                })?
                .text
        }
        _ => {
            let mut s = String::new();
            std::io::stdin()
                .read_to_string(&mut s)
                .context("reading standard input")?;
            s
        }
    };
    let lex = Lexicon::builtin();
    with_stdout(|out| tag_conll(&lex, &input, out))
}
