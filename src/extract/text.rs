//! Sentences and tokens of an article document, with character offsets.
//!
//! The document is the title, a blank line, and the body (see [`crate::article`]). Sentence 0
//! is the title; every paragraph is split at `.`, `!`, `?`, `؟` (and `;`/`؛`) followed by a space,
//! except inside quotation marks. Tokens are words (letters, digits, harakat), or single
//! punctuation characters; each keeps its match form for lexicon look-ups.

use std::borrow::Cow;
use std::cell::OnceCell;

use smallvec::SmallVec;

use crate::normalize::{fold_char, folds_to_itself, is_alphanumeric, is_word_char, proclitic_variants};

/// One token, borrowing its text from the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Token<'d> {
    /// The text as written (stored form).
    pub text: &'d str,
    /// Match form (harakat dropped, hamza/alef/ta marbuta folded, lower case): the text itself
    /// when folding leaves it as it is.
    pub norm: Cow<'d, str>,
    /// Start, in characters of the document.
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
    /// Whether this is a word (not punctuation).
    pub is_word: bool,
    /// Whether the token starts with an upper-case letter (Latin script).
    pub capitalized: bool,
    /// Whether this is a word written only in the Arabic block (U+0600–U+06FF), computed once
    /// here because the recognizer asks it of every word many times.
    pub arabic: bool,
    /// Where the word goes on after each proclitic it may carry (و, ال, بال …): byte offsets
    /// into `norm`, the starts of [`proclitic_variants`], computed once here because every
    /// finder asks for them.
    pub variants: SmallVec<[u8; 4]>,
}

/// One sentence: a range of tokens.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// Sentence number (0 is the title).
    pub index: usize,
    /// Start, in characters of the document.
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
    /// First token index.
    pub first: usize,
    /// One past the last token index.
    pub last: usize,
}

/// A tokenized document; its tokens borrow their text from the document string.
#[derive(Debug, Clone)]
pub struct Doc<'d> {
    /// The document.
    text: &'d str,
    /// The byte offset of each character in the document, and its length after the last.
    bytes: Vec<u32>,
    /// The document's characters.
    pub chars: Vec<char>,
    /// All tokens in order.
    pub tokens: Vec<Token<'d>>,
    /// All sentences in order.
    pub sentences: Vec<Sentence>,
    /// What the lexicon may know each token as, worked out once for every finder (see
    /// `Lexicon::classes`).
    pub(crate) classes: OnceCell<Vec<u8>>,
}

/// What a quotation mark does. The one list of quotation marks for Arabic and English: the
/// tokenizer, the recognizer, the statement finders all ask [`quote_mark`] or
/// [`Token::quote_mark`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteMark {
    /// Opens a quotation: « “ „
    Open,
    /// Closes one: » ”
    Close,
    /// Opens or closes, by position: the straight double quote.
    Either,
}

/// The quotation-mark role of a character, if it is one.
pub fn quote_mark(c: char) -> Option<QuoteMark> {
    match c {
        '«' | '“' | '„' => Some(QuoteMark::Open),
        '»' | '”' => Some(QuoteMark::Close),
        '"' => Some(QuoteMark::Either),
        _ => None,
    }
}

impl Token<'_> {
    /// The quotation-mark role of a punctuation token, if it is one.
    pub fn quote_mark(&self) -> Option<QuoteMark> {
        let mut chars = self.text.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if !self.is_word => quote_mark(c),
            _ => None,
        }
    }

    /// Whether the token is a quotation mark.
    pub fn is_quote(&self) -> bool {
        self.quote_mark().is_some()
    }

    /// Forms of the token to look up: itself, then with proclitics removed (with the number of
    /// match-form characters removed). The forms are slices of the token's match form, made as
    /// they are asked for, so a caller that stops at the first one that answers pays for no
    /// other; only لل+X read as الX needs a string of its own.
    pub(crate) fn forms(&self) -> impl Iterator<Item = (Cow<'_, str>, usize)> {
        let arabic = self.arabic;
        // The characters removed: those of the proclitic in front of the rest. A word has
        // variants only when it is all two-byte Arabic letters, so they are its bytes halved.
        let stripped = self
            .variants
            .iter()
            .filter(move |_| arabic)
            .map(|&at| (Cow::Borrowed(&self.norm[at as usize..]), at as usize / 2));
        // لل + الX is written للX (للأمم المتحدة = ل + الأمم المتحدة).
        let lil = std::iter::once(()).filter_map(move |()| {
            let rest = self
                .norm
                .strip_prefix("لل")
                .filter(|rest| arabic && rest.chars().nth(1).is_some())?;
            Some((Cow::Owned(["ال", rest].concat()), 1))
        });
        std::iter::once((Cow::Borrowed(self.norm.as_ref()), 0))
            .chain(stripped)
            .chain(lil)
    }
}

impl<'d> Doc<'d> {
    /// Tokenizes and splits a document; each word that folding changes gets a string of its own.
    pub fn new(document: &'d str) -> Doc<'d> {
        Doc::tokenize(document, None)
    }

    /// Tokenizes and splits a document as [`Doc::new`] does, the match forms that folding
    /// changes written one after the other into `norms` (cleared first) and borrowed from it:
    /// one allocation for the document instead of one per such word (the extractor's way).
    pub fn with_norms(document: &'d str, norms: &'d mut String) -> Doc<'d> {
        norms.clear();
        // Room for every word of the document: the buffer is not moved while it fills.
        norms.reserve(document.len());
        Doc::tokenize(document, Some(norms))
    }

    /// The tokenizer of [`Doc::new`] and [`Doc::with_norms`].
    fn tokenize(document: &'d str, mut norms: Option<&'d mut String>) -> Doc<'d> {
        let (chars, bytes) = chars_and_offsets(document);
        // Words whose match form is in `norms`: token index and byte range, filled in at the end.
        let mut pending: Vec<(usize, usize, usize)> = Vec::new();
        // About one token in five characters: one allocation for most documents.
        let mut tokens = Vec::with_capacity(chars.len() / 5 + 1);
        let mut sentences = Vec::new();
        let mut i = 0;
        let mut sent_first_tok = 0;
        let mut sent_start = 0;
        let mut quoting = Quoting::default();
        let push_sentence = |sentences: &mut Vec<Sentence>, start: usize, end: usize, first: usize, last: usize| {
            if last > first {
                let index = sentences.len();
                sentences.push(Sentence {
                    index,
                    start,
                    end,
                    first,
                    last,
                });
            }
        };
        while i < chars.len() {
            let c = chars[i];
            if c == '\n' {
                // Paragraph (or title) boundary ends a sentence.
                push_sentence(&mut sentences, sent_start, i, sent_first_tok, tokens.len());
                sent_first_tok = tokens.len();
                quoting = Quoting::default();
                while i < chars.len() && chars[i].is_whitespace() {
                    i += 1;
                }
                sent_start = i;
                continue;
            }
            // Whitespace, and the underscore that joins the words of a hashtag (#سعد_الحريري).
            if c.is_whitespace() || c == '_' {
                i += 1;
                continue;
            }
            if is_word_char(c) {
                let start = i;
                // What the token needs of its letters, read as they are passed: the first that
                // folding may change, and whether all are in the Arabic block.
                let (mut change, mut arabic) = (None, true);
                while i < chars.len() && (is_word_char(chars[i]) || is_inner_joiner(&chars, i)) {
                    if change.is_none() && !folds_to_itself(chars[i]) {
                        change = Some(i);
                    }
                    arabic &= is_arabic_block(chars[i]);
                    i += 1;
                }
                let (from, to) = (bytes[start] as usize, bytes[i] as usize);
                let text = &document[from..to];
                let token = match (norms.as_deref_mut(), change) {
                    (_, None) => word_token(text, Cow::Borrowed(text), arabic, start, i),
                    (None, Some(k)) => word_token(
                        text,
                        Cow::Owned(folded(text, bytes[k] as usize - from)),
                        arabic,
                        start,
                        i,
                    ),
                    (Some(buf), Some(k)) => {
                        let at = buf.len();
                        push_folded(text, bytes[k] as usize - from, buf);
                        // The match form is borrowed from `norms` once it is complete.
                        let mut token = word_token(text, Cow::Borrowed(""), arabic, start, i);
                        token.variants = variants(&buf[at..]);
                        pending.push((tokens.len(), at, buf.len()));
                        token
                    }
                };
                tokens.push(token);
                continue;
            }
            // Punctuation: one token per character.
            let from = bytes[i] as usize;
            let text = &document[from..from + c.len_utf8()];
            tokens.push(Token {
                text,
                norm: Cow::Borrowed(text),
                start: i,
                end: i + 1,
                is_word: false,
                capitalized: false,
                arabic: false,
                variants: SmallVec::new(),
            });
            // A straight double quote, or the first of NYT-style '' marks, opens or closes.
            let mark = quote_mark(c).or((c == '\'' && chars.get(i + 1) == Some(&'\'')).then_some(QuoteMark::Either));
            if let Some(mark) = mark {
                quoting.read(mark, closes_by_position(&chars, i));
            }
            i += 1;
            let terminal = matches!(c, '.' | '!' | '?' | '؟' | ';' | '؛');
            let next_is_space = i >= chars.len() || chars[i].is_whitespace();
            let ends = (terminal && !is_abbreviation(&tokens, &chars, i))
                || (closes_quoted_sentence(&tokens) && !next_word_is_lowercase(&chars, i));
            if ends && next_is_space && !quoting.is_open() {
                push_sentence(&mut sentences, sent_start, i, sent_first_tok, tokens.len());
                sent_first_tok = tokens.len();
                while i < chars.len() && chars[i] == ' ' {
                    i += 1;
                }
                sent_start = i;
            }
        }
        push_sentence(&mut sentences, sent_start, chars.len(), sent_first_tok, tokens.len());
        if let Some(norms) = norms {
            let norms: &'d String = norms;
            for (k, from, to) in pending {
                tokens[k].norm = Cow::Borrowed(&norms[from..to]);
            }
        }
        Doc {
            text: document,
            bytes,
            chars,
            tokens,
            sentences,
            classes: OnceCell::new(),
        }
    }

    /// The document text between two character offsets.
    pub fn slice(&self, start: usize, end: usize) -> String {
        let (start, end) = (start.min(self.chars.len()), end.min(self.chars.len()));
        self.text[self.bytes[start] as usize..self.bytes[end] as usize].to_owned()
    }

    /// The sentence a token belongs to.
    pub fn sentence_of(&self, token: usize) -> usize {
        self.sentences
            .partition_point(|s| s.last <= token)
            .min(self.sentences.len().saturating_sub(1))
    }
}

/// The characters of a document and the byte offset of each (its length closing the list).
fn chars_and_offsets(document: &str) -> (Vec<char>, Vec<u32>) {
    // Counted first, so that neither list grows (and is copied) on the way: collecting chars
    // would start from a quarter of the byte length, half of what Arabic text needs.
    let n = document.chars().count();
    let (mut chars, mut bytes) = (Vec::with_capacity(n), Vec::with_capacity(n + 1));
    for (at, c) in document.char_indices() {
        chars.push(c);
        bytes.push(at as u32);
    }
    bytes.push(document.len() as u32);
    (chars, bytes)
}

/// The match form of a word: the word itself when folding leaves it as it is.
pub(crate) fn fold_word(text: &str) -> Cow<'_, str> {
    match first_change(text) {
        Some(at) => Cow::Owned(folded(text, at)),
        None => Cow::Borrowed(text),
    }
}

/// The match form of a word whose first character that folding may change is at byte `at`.
fn folded(text: &str, at: usize) -> String {
    let mut norm = String::with_capacity(text.len());
    push_folded(text, at, &mut norm);
    norm
}

/// The byte offset of the first character of a word that folding may change.
fn first_change(text: &str) -> Option<usize> {
    text.char_indices()
        .find(|&(_, c)| !folds_to_itself(c))
        .map(|(at, _)| at)
}

/// Appends the match form of `text` to `out`, the letters before `at` (which fold to
/// themselves) copied as they are: one pass.
fn push_folded(text: &str, at: usize, out: &mut String) {
    out.push_str(&text[..at]);
    for c in text[at..].chars() {
        if folds_to_itself(c) {
            out.push(c);
        } else if let Some(f) = fold_char(c) {
            out.push(f);
        }
    }
}

/// The quotations open at a point of a paragraph, innermost last (`true` for a straight
/// quote), as the sentence splitter reads the marks. A mark closes the innermost quotation
/// whatever its shape when it can close it, so a straight quote closed by a curly one (`"…”`)
/// or the other way round (`“…"`) ends where it should.
#[derive(Default)]
struct Quoting {
    open: SmallVec<[bool; 4]>,
}

impl Quoting {
    /// Reads one mark; `closing_position` tells whether it stands where a closing mark does
    /// (after a word or punctuation, before a space or the end).
    fn read(&mut self, mark: QuoteMark, closing_position: bool) {
        let top = self.open.last().copied();
        let closes = match mark {
            QuoteMark::Close => top.is_some(),
            QuoteMark::Either => top == Some(true) || (top.is_some() && closing_position),
            QuoteMark::Open => top == Some(true) && closing_position,
        };
        if closes {
            self.open.pop();
        } else if mark != QuoteMark::Close && self.open.len() < 4 {
            self.open.push(mark == QuoteMark::Either);
        }
    }

    /// Whether a quotation is open.
    fn is_open(&self) -> bool {
        !self.open.is_empty()
    }
}

/// Whether the mark at `i` stands where a closing mark does: right after a non-space, and
/// before a space, punctuation or the end.
fn closes_by_position(chars: &[char], i: usize) -> bool {
    let glued = i > 0 && !chars[i - 1].is_whitespace();
    let width = if chars[i] == '\'' { 2 } else { 1 };
    glued
        && chars
            .get(i + width)
            .is_none_or(|n| n.is_whitespace() || !is_alphanumeric(*n))
}

/// The token of a word written `text` with match form `norm`, at characters `start..end`.
fn word_token<'d>(text: &'d str, norm: Cow<'d, str>, arabic: bool, start: usize, end: usize) -> Token<'d> {
    let capitalized = text.chars().next().is_some_and(is_upper);
    let variants = variants(&norm);
    Token {
        text,
        norm,
        start,
        end,
        is_word: true,
        capitalized,
        arabic,
        variants,
    }
}

/// [`Token::variants`] of a match form.
fn variants(norm: &str) -> SmallVec<[u8; 4]> {
    // Pushed one by one: collecting sets up an extension even for the many words with none.
    let mut variants = SmallVec::new();
    for rest in proclitic_variants(norm) {
        variants.push((norm.len() - rest.len()) as u8);
    }
    variants
}

/// Whether a character is in the Arabic block (U+0600–U+06FF): a word all of whose letters are
/// is Arabic ([`Token::arabic`]).
fn is_arabic_block(c: char) -> bool {
    ('\u{0600}'..='\u{06FF}').contains(&c)
}

/// `c.is_uppercase()`, without the Unicode tables for ASCII and the Arabic block (no case).
fn is_upper(c: char) -> bool {
    match c {
        '\0'..='\x7f' => c.is_ascii_uppercase(),
        '\u{0600}'..='\u{06FF}' => false,
        c => c.is_uppercase(),
    }
}

/// An apostrophe or period inside a Latin word (`Clinton's` stays split, `U.S.` stays whole).
fn is_inner_joiner(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    if c != '.' {
        return false;
    }
    // U.S. / U.N.: single capital letters joined by periods.
    let prev_single = i >= 1 && chars[i - 1].is_ascii_uppercase() && (i < 2 || !is_alphanumeric(chars[i - 2]));
    let prev_pair = i >= 2 && chars[i - 1].is_ascii_uppercase() && chars[i - 2] == '.';
    (prev_single || prev_pair) && chars.get(i + 1).is_some_and(|n| n.is_ascii_uppercase())
}

/// Whether the token just pushed is a closing quotation mark right after a sentence's final
/// `.`, `!` or `?` (`... campaign.” Next`, NYT-style `... much.'' Next`).
fn closes_quoted_sentence(tokens: &[Token]) -> bool {
    let is_mark = |t: &Token| matches!(t.text, "”" | "»" | "\"" | "'" | "’");
    let mut k = tokens.len();
    while k > 0 && is_mark(&tokens[k - 1]) && (k == tokens.len() || tokens[k - 1].end == tokens[k].start) {
        k -= 1;
    }
    k < tokens.len()
        && k > 0
        && tokens[k - 1].end == tokens[k].start
        && matches!(tokens[k - 1].text, "." | "!" | "?" | "؟")
}

/// Whether the next word after position `i` (past spaces) starts with a lower-case letter, so a
/// quotation closing before it does not end the sentence (`"… border!" he said`).
fn next_word_is_lowercase(chars: &[char], i: usize) -> bool {
    chars[i.min(chars.len())..]
        .iter()
        .find(|c| **c != ' ')
        .is_some_and(|c| c.is_lowercase())
}

/// Whether the period just pushed (the document goes on at `next`) ends an abbreviation (Mr.
/// Dr. Sen. U.S. H.W.) rather than a sentence. A period before a lower-case word never ends
/// one (`H.I.V. medication`, `9 p.m. on Friday`).
fn is_abbreviation(tokens: &[Token], chars: &[char], next: usize) -> bool {
    let n = tokens.len();
    if n < 2 || tokens[n - 1].text != "." {
        return false;
    }
    let prev = &tokens[n - 2];
    if prev.end != tokens[n - 1].start {
        return false;
    }
    const ABBR: &[&str] = &[
        "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "st", "jr", "sr", "prof", "rev", "vs",
        "v", "no", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "inc", "corp", "co", "ltd",
        "u.s", "u.n", "d.c", "mt", "ft", "capt", "cmdr", "adm", "maj", "pres", "supt", "det", "ave", "e.g", "i.e",
        "etc",
    ];
    // (The match form of the word is folded here: under `Doc::with_norms` it is filled in last.)
    ABBR.contains(&fold_word(prev.text).as_ref())
        || (prev.text.chars().count() == 1 && prev.capitalized)
        || is_initials(prev.text)
        || next_word_is_lowercase(chars, next)
}

/// Whether a word is two initials joined by a period (`H.W`, `J.K`: George H.W. Bush).
fn is_initials(text: &str) -> bool {
    let c: Vec<char> = text.chars().collect();
    c.len() == 3 && c[0].is_ascii_uppercase() && c[1] == '.' && c[2].is_ascii_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_title_paragraphs_and_sentences_but_not_quotes() {
        let doc = Doc::new("عنوان الخبر\n\nقال \"نعم. لا\" ثم ذهب. جملة ثانية!\n\nMr. Smith said U.S. troops left.");
        let texts: Vec<String> = doc.sentences.iter().map(|s| doc.slice(s.start, s.end)).collect();
        assert_eq!(
            texts,
            vec![
                "عنوان الخبر",
                "قال \"نعم. لا\" ثم ذهب.",
                "جملة ثانية!",
                "Mr. Smith said U.S. troops left."
            ]
        );
        let us = doc
            .tokens
            .iter()
            .find(|t| t.text == "U.S.")
            .or_else(|| doc.tokens.iter().find(|t| t.text == "U.S"));
        assert!(
            us.is_some(),
            "{:?}",
            doc.tokens.iter().map(|t| &t.text).collect::<Vec<_>>()
        );
        assert_eq!(doc.sentence_of(3), 1);
    }

    #[test]
    fn a_quote_closing_after_a_full_stop_ends_the_sentence() {
        let doc = Doc::new("T\n\n“I have seen him fight,” she said. “It's his life.” Donald Trump picked up.");
        let texts: Vec<String> = doc.sentences.iter().map(|s| doc.slice(s.start, s.end)).collect();
        assert_eq!(
            texts,
            vec![
                "T",
                "“I have seen him fight,” she said.",
                "“It's his life.”",
                "Donald Trump picked up."
            ]
        );
        let nyt = Doc::new("T\n\n''It was much.'' He left.");
        assert_eq!(nyt.sentences.len(), 3);
        let cue =
            Doc::new("T\n\n\"We will build a great wall along the southern border!\" he said to an enormous cheer.");
        assert_eq!(cue.sentences.len(), 2);
    }

    /// Sentences of a one-paragraph document, title dropped.
    fn body_sentences(paragraph: &str) -> Vec<String> {
        let text = format!("T\n\n{paragraph}");
        let doc = Doc::new(&text);
        doc.sentences[1..].iter().map(|s| doc.slice(s.start, s.end)).collect()
    }

    #[test]
    fn a_curly_quote_closed_by_a_straight_one_still_closes() {
        // PolNeAR train, politico_2015-11-29_hillary-clinton-s-pothole-politi (excerpt).
        let texts = body_sentences(
            "“Our roads and bridges are potholed and crumbling,\" she said. \"Families endure blackouts because our \
             electric grid fails in extreme weather. Beneath our cities, our pipeline infrastructure, our water, our \
             sewers are up to a century or more old.”",
        );
        assert_eq!(texts.len(), 2, "{texts:#?}");
        assert_eq!(
            texts[0],
            "“Our roads and bridges are potholed and crumbling,\" she said."
        );
        // The other way round: politico_2016-01-07_seiu-chief-says-trump-can-win (excerpt).
        let texts = body_sentences(
            "\"I know. I know. That’s why I think this is a very dangerous political moment in our country,” Henry \
             said. She added that she thinks Trump appeals to some of her members.",
        );
        assert_eq!(texts.len(), 2, "{texts:#?}");
    }

    #[test]
    fn initials_and_a_period_before_a_lower_case_word_do_not_end_a_sentence() {
        // PolNeAR train, breitbart_2016-03-02_christie-s-shell-shocked-look-st,
        // nyt_2016-08-22_foundation-and-donors-complicate and
        // west-journal_2016-06-11_private-meeting-between-clinton- (excerpts).
        assert_eq!(
            body_sentences(
                "No different, he said, from George H.W. Bush calling Ronald Reagan’s policies “voodoo economics.”"
            )
            .len(),
            1
        );
        assert_eq!(
            body_sentences("Programs that help provide, for instance, H.I.V. medication to children in Africa.").len(),
            1
        );
        let texts = body_sentences(
            "Warren exited the meeting around 11:45 a.m. on Friday and Clinton left shortly thereafter for a speech at \
             the Planned Parenthood Action Fund. Neither Warren nor Clinton spoke with reporters.",
        );
        assert_eq!(texts.len(), 2, "{texts:#?}");
    }

    #[test]
    fn arabic_words_are_told_by_their_characters() {
        // A word is Arabic when every letter is in U+0600–U+06FF: not with a digit, a letter of
        // the Arabic Supplement (ݐ) or a presentation form (ﻟ); punctuation is no word.
        let doc = Doc::new("قال Obama سوريا2 ؟ ݐلا ﻟا سوريا");
        let arabic: Vec<bool> = doc.tokens.iter().map(|t| t.arabic).collect();
        assert_eq!(arabic, [true, false, false, false, false, false, true]);
    }

    #[test]
    fn offsets_point_into_the_document() {
        let text = "أعلن وزير الخارجية الروسي سيرغي لافروف";
        let doc = Doc::new(text);
        let t = &doc.tokens[4];
        assert_eq!(doc.slice(t.start, t.end), "سيرغي");
        assert_eq!(t.norm, "سيرغي");
    }
}
