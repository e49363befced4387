//! `isnad tag`: the learned name recognizer ([`super::ner`]) as a CoNLL tagger. Tokens come
//! one per line, sentences separated by blank lines; consecutive sentences are joined into
//! windows of [`WINDOW`] sentences (one document per window, so a surname links to the full
//! name a few sentences earlier, as in training), and every token gets an IOB2 tag: people
//! PERS; countries and places LOC; organizations ORG; events and other names MISC.
//!
//! The span conventions are ANERcorp's, learned by the model: a title or honorific is not part
//! of a name (الملك [محمد السادس]), a descriptor noun is not part of a place or organization
//! name (\[جنوب\] لبنان), and a description made of a noun and a nisba (الجيش اللبناني) is not a
//! name at all.

use super::lexicon::Lexicon;
use super::ner::{self, WINDOW};

/// Tags a window of sentences; returns one tag per token of each sentence.
pub fn tag_sentences(lex: &Lexicon, sentences: &[Vec<&str>]) -> Vec<Vec<String>> {
    ner::tag_window(lex, sentences)
}

/// Tags one sentence of tokens; returns one tag per token.
pub fn tag_sentence(lex: &Lexicon, tokens: &[&str]) -> Vec<String> {
    tag_sentences(lex, &[tokens.to_vec()]).pop().unwrap_or_default()
}

/// Tags CoNLL input (first column of each line is the token; blank lines separate sentences)
/// and writes `token<TAB>tag` lines, blank lines kept.
pub fn tag_conll(lex: &Lexicon, input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    // Sentences of the current window, each followed by the number of blank lines after it.
    let mut window: Vec<(Vec<&str>, usize)> = Vec::new();
    let mut sentence: Vec<&str> = Vec::new();
    let mut leading_blanks = 0;
    let flush = |window: &mut Vec<(Vec<&str>, usize)>, out: &mut dyn std::io::Write| -> std::io::Result<()> {
        let sentences: Vec<Vec<&str>> = window.iter().map(|(s, _)| s.clone()).collect();
        let tags = tag_sentences(lex, &sentences);
        for ((s, blanks), tags) in window.iter().zip(tags) {
            for (t, tag) in s.iter().zip(tags) {
                writeln!(out, "{t}\t{tag}")?;
            }
            for _ in 0..*blanks {
                writeln!(out)?;
            }
        }
        window.clear();
        Ok(())
    };
    for line in input.lines() {
        match line.split_whitespace().next() {
            None => {
                if !sentence.is_empty() {
                    window.push((std::mem::take(&mut sentence), 0));
                }
                match window.last_mut() {
                    Some((_, blanks)) => *blanks += 1,
                    None => leading_blanks += 1,
                }
                if window.len() >= WINDOW {
                    for _ in 0..leading_blanks {
                        writeln!(out)?;
                    }
                    leading_blanks = 0;
                    flush(&mut window, out)?;
                }
            }
            Some(t) => sentence.push(t),
        }
    }
    if !sentence.is_empty() {
        window.push((sentence, 0));
    }
    for _ in 0..leading_blanks {
        writeln!(out)?;
    }
    flush(&mut window, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(sentence: &str) -> Vec<String> {
        let lex = Lexicon::builtin();
        let tokens: Vec<&str> = sentence.split(' ').collect();
        tag_sentence(&lex, &tokens)
    }

    #[test]
    fn titles_stay_out_of_names_and_descriptions_are_not_names() {
        // ANERcorp train: "مبادرات جلالة الملك محمد السادس بانشاء مجلس ملكي".
        assert_eq!(
            tags("مبادرات جلالة الملك محمد السادس بانشاء"),
            ["O", "O", "O", "B-PERS", "I-PERS", "O"]
        );
        // ANERcorp train: noun + nisba is a description (الجيش الإسرائيلي), a descriptor noun is
        // not part of the place (جنوب لبنان).
        assert_eq!(
            tags("انسحب الجيش الإسرائيلي من جنوب لبنان ."),
            ["O", "O", "O", "O", "O", "B-LOC", "O"]
        );
    }

    #[test]
    fn windows_keep_sentences_and_blank_lines() {
        let lex = Lexicon::builtin();
        let input = "قال\nلافروف\n\n\nموسكو\n";
        let mut out = Vec::new();
        tag_conll(&lex, input, &mut out).expect("writes");
        let text = String::from_utf8(out).expect("UTF-8");
        assert_eq!(
            text.lines().collect::<Vec<_>>(),
            ["قال\tO", "لافروف\tB-PERS", "", "", "موسكو\tB-LOC"]
        );
    }
}
