//! `isnad tag`: the actor recognizer as a CoNLL tagger. Tokens come one per line, sentences
//! separated by blank lines; consecutive sentences are joined into windows (one document per
//! window, so a surname links to the full name a few sentences earlier), recognized, and every
//! token gets an IOB2 tag: people PERS; countries and places LOC; organizations ORG; events
//! and other names MISC.
//!
//! Spans follow the ANERcorp conventions: a title or honorific is not part of a name (الملك
//! [محمد السادس]), a descriptor noun is not part of a place or organization name ([جنوب]
//! لبنان, قطاع [غزة], حركة [حماس]), and a description made of a noun and a nisba (الجيش
//! اللبناني, الحكومة السودانية) is not a name at all.

use super::actors::{Recognizer, Span, Target};
use super::lexicon::Lexicon;
use super::text::Doc;
use super::types::Kind;

/// How many sentences are recognized together.
const WINDOW: usize = 20;

/// Descriptor nouns that stand before a place or organization name without being part of it.
const DESCRIPTORS: &[&str] = &[
    "جنوب",
    "شمال",
    "شرق",
    "غرب",
    "وسط",
    "جنوبي",
    "شمالي",
    "شرقي",
    "غربي",
    "قطاع",
    "مدينه",
    "المدينه",
    "منطقه",
    "دوله",
    "اقليم",
    "جمهوريه",
    "ولايه",
    "محافظه",
    "العاصمه",
    "بلده",
    "قريه",
    "مخيم",
    "حركه",
    "قناه",
    "صحيفه",
    "وكاله",
    "تنظيم",
    "جماعه",
    "منظمه",
];

/// Epithets after a place name that are not part of it (مكة المكرمة, الصين الشعبية).
const EPITHETS: &[&str] = &[
    "المكرمه",
    "المنوره",
    "الشعبيه",
    "الاسلاميه",
    "الشريف",
    "المحتله",
    "المقدسه",
];

fn label(kind: Kind) -> &'static str {
    match kind {
        Kind::Person => "PERS",
        Kind::Country | Kind::Place => "LOC",
        Kind::Organization => "ORG",
        Kind::Event | Kind::Other => "MISC",
    }
}

/// The kind of a span.
fn kind_of(lex: &Lexicon, span: &Span) -> Kind {
    match &span.target {
        Target::Entry(e) => lex.entries[*e as usize].kind,
        Target::New(k, _) => *k,
    }
}

/// The tokens `first..last` of a span trimmed to the ANERcorp extent, or `None` when the span
/// is a description rather than a name (see the module documentation).
fn tag_extent(rec: &Recognizer, doc: &Doc, span: &Span, kind: Kind) -> Option<(usize, usize)> {
    let (mut first, mut last) = (span.first, span.last);
    let stem = |i: usize| {
        let n = &doc.tokens[i].norm;
        ["و", "ب", "ل", "ف"]
            .iter()
            .find_map(|p| n.strip_prefix(p).filter(|r| DESCRIPTORS.contains(r)))
            .unwrap_or(n)
            .to_owned()
    };
    match kind {
        Kind::Person => {
            while last - first > 1 {
                let len = rec.title_len_at(doc, first, last);
                if len == 0 || len >= last - first {
                    break;
                }
                first += len;
            }
        }
        Kind::Country | Kind::Place | Kind::Organization => {
            if last - first > 1 && rec.is_nisba(doc, last - 1) {
                if matches!(span.target, Target::Entry(_)) && rec.is_known_name(doc, first, last - 1) {
                    last -= 1;
                } else {
                    return None;
                }
            }
            while last - first > 1
                && DESCRIPTORS.contains(&stem(first).as_str())
                && rec.is_known_name(doc, first + 1, last)
            {
                first += 1;
            }
            while last - first > 1 && EPITHETS.contains(&doc.tokens[last - 1].norm.as_str()) {
                last -= 1;
            }
        }
        Kind::Event | Kind::Other => {}
    }
    Some((first, last))
}

/// Tags a window of sentences; returns one tag per token of each sentence.
pub fn tag_sentences(lex: &Lexicon, sentences: &[Vec<&str>]) -> Vec<Vec<String>> {
    // Character ranges of each input token in the joined text (sentences on their own lines).
    let mut text = String::new();
    let mut ranges = Vec::new();
    let mut pos = 0;
    for (k, sentence) in sentences.iter().enumerate() {
        if k > 0 {
            text.push('\n');
            pos += 1;
        }
        for (n, t) in sentence.iter().enumerate() {
            if n > 0 {
                text.push(' ');
                pos += 1;
            }
            let len = t.chars().count();
            ranges.push((pos, pos + len));
            text.push_str(t);
            pos += len;
        }
    }
    let doc = Doc::new(&text);
    let recognizer = Recognizer::for_tagging(lex);
    let rec = recognizer.recognize(&doc);
    let mut tags = vec![String::from("O"); ranges.len()];
    for span in &rec.spans {
        let kind = kind_of(lex, span);
        let Some((first, last)) = tag_extent(&recognizer, &doc, span, kind) else {
            continue;
        };
        let start = if first == span.first {
            span.start
        } else {
            doc.tokens[first].start
        };
        let end = doc.tokens[last - 1].end;
        let l = label(kind);
        // Input tokens that overlap the span's characters (ranges are sorted).
        let from = ranges.partition_point(|&(_, e)| e <= start);
        for (n, &(s, _)) in ranges.iter().enumerate().skip(from) {
            if s >= end {
                break;
            }
            tags[n] = format!("{}-{l}", if n == from { "B" } else { "I" });
        }
    }
    let mut out = Vec::with_capacity(sentences.len());
    let mut it = tags.into_iter();
    for sentence in sentences {
        out.push(it.by_ref().take(sentence.len()).collect());
    }
    out
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
            tags("مبادرات جلالة الملك محمد السادس بانشاء")[3..5],
            ["B-PERS", "I-PERS"]
        );
        assert_eq!(tags("مبادرات جلالة الملك محمد السادس بانشاء")[..3], ["O", "O", "O"]);
        // ANERcorp train: noun + nisba is a description (الجيش الإسرائيلي), a descriptor noun is
        // not part of the place (جنوب لبنان).
        assert_eq!(
            tags("انسحب الجيش الإسرائيلي من جنوب لبنان ."),
            ["O", "O", "O", "O", "O", "B-LOC", "O"]
        );
    }

    #[test]
    fn proclitic_lil_and_tag_only_names() {
        // ANERcorp train: "أنان الأمين العام للأمم المتحدة" and a price in dollars.
        assert_eq!(tags("الأمين العام للأمم المتحدة")[2..], ["B-ORG", "I-ORG"]);
        assert_eq!(tags("بلغت قيمتها مليار دولار .")[3], "B-MISC");
        assert_eq!(tags("اعتنق الاسلام عام 1990")[1], "B-MISC");
    }
}
