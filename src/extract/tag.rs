//! `isnad tag`: the actor recognizer as a CoNLL tagger. Tokens come one per line, sentences
//! separated by blank lines; each sentence is joined with spaces into a document, recognized,
//! and every token gets an IOB2 tag: people PERS; countries and places LOC; organizations ORG;
//! events and other names MISC.

use super::actors::{Recognizer, Target};
use super::lexicon::Lexicon;
use super::text::Doc;
use super::types::Kind;

fn label(kind: Kind) -> &'static str {
    match kind {
        Kind::Person => "PERS",
        Kind::Country | Kind::Place => "LOC",
        Kind::Organization => "ORG",
        Kind::Event | Kind::Other => "MISC",
    }
}

/// Tags one sentence of tokens; returns one tag per token.
pub fn tag_sentence(lex: &Lexicon, tokens: &[&str]) -> Vec<String> {
    // Character ranges of each input token in the joined text.
    let mut text = String::new();
    let mut ranges = Vec::with_capacity(tokens.len());
    let mut pos = 0;
    for (n, t) in tokens.iter().enumerate() {
        if n > 0 {
            text.push(' ');
            pos += 1;
        }
        let len = t.chars().count();
        ranges.push((pos, pos + len));
        text.push_str(t);
        pos += len;
    }
    let doc = Doc::new(&text);
    let rec = Recognizer::new(lex).recognize(&doc);
    let mut tags = vec![String::from("O"); tokens.len()];
    for span in &rec.spans {
        let kind = match &span.target {
            Target::Entry(e) => lex.entries[*e as usize].kind,
            Target::New(k, _) => *k,
        };
        let l = label(kind);
        let mut first = true;
        for (n, &(s, e)) in ranges.iter().enumerate() {
            // Input tokens that overlap the span's characters.
            if e > span.start && s < span.end {
                tags[n] = format!("{}-{l}", if first { "B" } else { "I" });
                first = false;
            }
        }
    }
    tags
}

/// Tags CoNLL input (first column of each line is the token; blank lines separate sentences)
/// and writes `token<TAB>tag` lines, blank lines kept.
pub fn tag_conll(lex: &Lexicon, input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut sentence: Vec<&str> = Vec::new();
    let flush = |sentence: &mut Vec<&str>, out: &mut dyn std::io::Write| -> std::io::Result<()> {
        if sentence.is_empty() {
            return Ok(());
        }
        let tags = tag_sentence(lex, sentence);
        for (t, tag) in sentence.iter().zip(tags) {
            writeln!(out, "{t}\t{tag}")?;
        }
        sentence.clear();
        Ok(())
    };
    for line in input.lines() {
        let token = line.split_whitespace().next();
        match token {
            None => {
                flush(&mut sentence, out)?;
                writeln!(out)?;
            }
            Some(t) => sentence.push(t),
        }
    }
    flush(&mut sentence, out)
}
