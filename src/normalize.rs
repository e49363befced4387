//! Text normalization in two layers.
//!
//! * The **stored form** (`stored_form`) is what isnad keeps and hashes. It is lossless for
//!   meaning: Unicode NFC, Arabic presentation forms folded to their base letters, tatweel,
//!   zero-width and bidi control characters dropped, line endings unified to `\n`, runs of
//!   horizontal whitespace collapsed to one space and lines trimmed.
//! * The **match form** ([`match_form`]) is for searching and for comparing names. On top of the
//!   stored form it drops harakat, folds hamza-carrying alefs (أ إ آ ٱ → ا), ى → ي, ة → ه,
//!   Persian ی/ک → ي/ك, Arabic-Indic digits to ASCII and lower-cases Latin.
//!
//! `fold_char` is the per-character core of the match form. It maps one character to at most
//! one character, so callers that need offsets into the stored text (the extractor, snippets) can
//! fold character by character and keep a one-to-one position map.

use std::sync::OnceLock;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// `char::is_alphabetic` (bit 0) and `char::is_alphanumeric` (bit 1) for every character of
/// the Arabic block U+0600–U+06FF, computed once from the standard library itself so the fast
/// paths below answer exactly as it does.
fn arabic_block_classes() -> &'static [u8; 256] {
    static TABLE: OnceLock<[u8; 256]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [0u8; 256];
        for (i, slot) in t.iter_mut().enumerate() {
            let c = char::from_u32(0x0600 + i as u32).unwrap_or('\0');
            *slot = u8::from(c.is_alphabetic()) | (u8::from(c.is_alphanumeric()) << 1);
        }
        t
    })
}

/// Exactly `c.is_alphabetic()`, with fast paths for ASCII and the Arabic block.
#[inline]
pub(crate) fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    match c as u32 {
        u @ 0x0600..=0x06FF => arabic_block_classes()[(u - 0x0600) as usize] & 1 != 0,
        _ => c.is_alphabetic(),
    }
}

/// Exactly `c.is_alphanumeric()`, with fast paths for ASCII and the Arabic block.
#[inline]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    match c as u32 {
        u @ 0x0600..=0x06FF => arabic_block_classes()[(u - 0x0600) as usize] & 2 != 0,
        _ => c.is_alphanumeric(),
    }
}

/// Characters that carry no meaning in stored text: tatweel, zero-width characters, bidi
/// controls, soft hyphen and the byte-order mark.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{0640}'                    // tatweel
        | '\u{00AD}'                  // soft hyphen
        | '\u{061C}'                  // Arabic letter mark
        | '\u{200B}'..='\u{200F}'     // zero-width space/joiners, LRM, RLM
        | '\u{202A}'..='\u{202E}'     // bidi embeddings and overrides
        | '\u{2060}'..='\u{2064}'     // word joiner, invisible operators
        | '\u{2066}'..='\u{2069}'     // bidi isolates
        | '\u{FEFF}' // BOM / zero-width no-break space
    )
}

fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Arabic harakat and Quranic marks, dropped in the match form.
pub(crate) fn is_haraka(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}')
}

/// Returns the stored form of `text`: NFC, presentation forms folded, invisible characters
/// dropped, `\r\n` and `\r` turned into `\n`, horizontal whitespace collapsed, lines trimmed.
/// Blank lines are kept (they separate paragraphs) but runs of them collapse to one.
pub(crate) fn stored_form(text: &str) -> String {
    let mut nfc = to_nfc(without_invisibles_and_presentation_forms(text));
    if nfc.contains('\r') {
        nfc = nfc.replace("\r\n", "\n").replace('\r', "\n");
    }
    collapse_lines(&nfc)
}

/// `text` without invisible characters, Arabic presentation forms folded to base letters.
fn without_invisibles_and_presentation_forms(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        if is_invisible(c) {
            continue;
        }
        if is_presentation_form(c) {
            folded.extend(c.nfkc());
        } else {
            folded.push(c);
        }
    }
    folded
}

/// Unicode NFC. Most text is already NFC: only compose when the quick check cannot say so.
fn to_nfc(text: String) -> String {
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        text
    } else {
        text.nfc().collect::<String>()
    }
}

/// Each line's horizontal whitespace collapsed and trimmed, blank lines dropped but a run of
/// them kept as one (a paragraph break).
fn collapse_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.split('\n') {
        // `collapse_spaces(line)` written straight into `out`, the separator before the
        // first character kept.
        let mut wrote = false;
        let mut pending_space = false;
        for c in line.chars() {
            if c.is_whitespace() {
                pending_space = wrote;
                continue;
            }
            if !wrote {
                if !out.is_empty() {
                    out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
                }
                wrote = true;
            } else if pending_space {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        }
        if wrote {
            blank_run = 0;
        } else {
            blank_run += 1;
        }
    }
    out
}

/// Collapses every run of horizontal whitespace (including no-break spaces) to one ASCII space
/// and trims both ends.
pub(crate) fn collapse_spaces(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut pending_space = false;
    for c in line.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    out
}

/// Folds one stored-form character to its match form: `None` drops it (harakat, invisible
/// characters), otherwise one character comes back.
#[inline]
pub(crate) fn fold_char(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    if is_haraka(c) || is_invisible(c) {
        return None;
    }
    Some(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' | 'ی' => 'ي',
        'ة' => 'ه',
        'ک' => 'ك',
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
        '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
        // The Arabic block has no upper-case letters: skip the case tables.
        '\u{0600}'..='\u{06FF}' => c,
        c if c.is_uppercase() => c.to_lowercase().next().unwrap_or(c),
        c => c,
    })
}

/// Whether [`fold_char`] surely leaves `c` as it is: lower-case ASCII letters, digits, and the
/// Arabic letters that have no other folded form (not أ إ آ ة ى). A quick test for the letters
/// text is mostly made of; other characters answer `false` even when they fold to themselves.
#[inline]
pub(crate) fn folds_to_itself(c: char) -> bool {
    matches!(c, 'a'..='z' | '0'..='9' | '\u{0621}' | '\u{0624}' | '\u{0626}'..='\u{0628}' | '\u{062A}'..='\u{063A}' | '\u{0641}'..='\u{0648}' | '\u{064A}')
}

/// Returns the match/search form of `text` (see the module documentation).
pub fn match_form(text: &str) -> String {
    stored_form(text).chars().filter_map(fold_char).collect()
}

/// Match form of text that is already in stored form (cheaper: no NFC pass).
pub(crate) fn fold(stored: &str) -> String {
    stored.chars().filter_map(fold_char).collect()
}

/// Arabic proclitic sequences (match form), longest first: conjunctions و ف, prepositions ب ل ك,
/// the article ال and their combinations.
pub(crate) const PROCLITICS: &[&str] = &[
    "وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال", "وب", "ول", "وك", "فب", "فل", "و",
    "ف", "ب", "ل", "ك",
];

/// The forms of a match-form word with one proclitic sequence removed, where at least three
/// letters remain (وسوريه → سوريه; والسوريين → السوريين, سوريين). Latin words have none.
pub fn proclitic_variants(word: &str) -> impl Iterator<Item = &str> {
    // Only the proclitics starting with the word's first letter can match (none for most
    // words). Proclitics are letters of U+0621–U+064A, so what remains is all such letters
    // exactly when the word is, and then every character is two bytes long.
    let first = word.chars().next().map_or(&[][..], proclitics_from);
    let candidates = if first.is_empty() || !is_basic_arabic(word) {
        &[][..]
    } else {
        first
    };
    candidates.iter().filter_map(move |p| {
        let rest = strip_prefix_inline(word, p)?;
        (rest.len() / 2 >= 3).then_some(rest)
    })
}

/// The [`PROCLITICS`] that start with a letter, in their order (longest first).
fn proclitics_from(initial: char) -> &'static [&'static str] {
    match initial {
        'و' => &["وبال", "وكال", "وال", "ولل", "وب", "ول", "وك", "و"],
        'ف' => &["فبال", "فال", "فلل", "فب", "فل", "ف"],
        'ب' => &["بال", "ب"],
        'ل' => &["لل", "ل"],
        'ك' => &["كال", "ك"],
        'ا' => &["ال"],
        _ => &[],
    }
}

/// Whether a word is written only in letters U+0621–U+064A: checked on its UTF-8 bytes, two
/// at a time (D8 A1–BF, D9 80–8A), without decoding characters.
fn is_basic_arabic(word: &str) -> bool {
    let b = word.as_bytes();
    b.len().is_multiple_of(2)
        && b.chunks_exact(2)
            .all(|p| matches!((p[0], p[1]), (0xD8, 0xA1..=0xBF) | (0xD9, 0x80..=0x8A)))
}

/// Every word that has `stem` among its [`proclitic_variants`]: each proclitic sequence put in
/// front of it, when it can follow one (سوريه → وسوريه, بسوريه, السوريه, والسوريه, …). Search
/// finds a word behind its proclitics by looking for these forms.
pub fn with_proclitics(stem: &str) -> impl Iterator<Item = String> + '_ {
    let can = can_follow_proclitic(stem);
    PROCLITICS
        .iter()
        .filter(move |_| can)
        .map(move |p| format!("{p}{stem}"))
}

/// Whether what remains after a proclitic is a word on its own: at least three Arabic letters.
#[inline]
fn can_follow_proclitic(rest: &str) -> bool {
    rest.chars().count() >= 3 && rest.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c))
}

/// `word.strip_prefix(prefix)`, comparing the few bytes in place rather than through `memcmp`.
#[inline]
fn strip_prefix_inline<'w>(word: &'w str, prefix: &str) -> Option<&'w str> {
    let (w, p) = (word.as_bytes(), prefix.as_bytes());
    if w.len() < p.len() || !w.iter().zip(p).all(|(a, b)| a == b) {
        return None;
    }
    // The prefix is whole characters, so this is a character boundary.
    word.get(p.len()..)
}

/// Whether a character is part of a word for tokenizing match-form text.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    // Fast answers for ASCII and the basic Arabic letters, which are almost all of the text; the
    // general test goes through Unicode tables.
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\0'..='\x7f' => false,
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => true,
        c => is_alphanumeric(c) || is_haraka(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_folds_to_itself_does() {
        for c in (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| folds_to_itself(*c))
        {
            assert_eq!(fold_char(c), Some(c), "{c:?}");
        }
        assert!("سوريا".chars().all(folds_to_itself));
        assert!(!"سورية".chars().all(folds_to_itself));
    }

    #[test]
    fn word_char_fast_paths_agree_with_the_unicode_tables() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), is_alphanumeric(c) || is_haraka(c), "{c:?}");
        }
    }

    #[test]
    fn stored_form_unifies_line_endings_and_spaces() {
        assert_eq!(stored_form("a\r\nb  \t c\r\r\n\nd"), "a\nb c\n\nd");
    }

    #[test]
    fn stored_form_drops_tatweel_and_bidi_and_folds_presentation_forms() {
        // "سوريـــا" with tatweel and an RLM; U+FEDF U+FEE0 are presentation forms of lam.
        assert_eq!(stored_form("سوريـــا\u{200F}"), "سوريا");
        assert_eq!(stored_form("\u{FEDF}"), "ل");
    }

    #[test]
    fn stored_form_keeps_harakat_and_hamza() {
        assert_eq!(stored_form("أَقْرَب"), "أَقْرَب");
    }

    #[test]
    fn match_form_folds_arabic_variants() {
        assert_eq!(match_form("أقْرب إلى آخر ٱلله مدرسة على"), "اقرب الي اخر الله مدرسه علي");
        assert_eq!(match_form("ی ک ٢٠١٣ Obama"), "ي ك 2013 obama");
    }

    #[test]
    fn fast_character_classes_agree_with_the_standard_library() {
        for u in (0..0x3000).chain(0xFB00..0x10000) {
            if let Some(c) = char::from_u32(u) {
                assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{u:X}");
                assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{u:X}");
                if ('\u{0600}'..='\u{06FF}').contains(&c) {
                    assert!(!c.is_uppercase(), "{u:X}");
                }
            }
        }
    }

    #[test]
    fn proclitics_by_initial_are_the_proclitics_in_their_order() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let all: Vec<&str> = PROCLITICS.iter().copied().filter(|p| p.starts_with(c)).collect();
            assert_eq!(proclitics_from(c), all.as_slice(), "{c:?}");
        }
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let word = format!("{c}ب{c}");
            let by_chars = word.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c));
            assert_eq!(is_basic_arabic(&word), by_chars, "{c:?}");
        }
        assert_eq!(
            proclitic_variants("والسوريين").collect::<Vec<_>>(),
            vec!["سوريين", "السوريين"]
        );
        assert_eq!(proclitic_variants("سوريه").count(), 0);
    }

    #[test]
    fn with_proclitics_gives_exactly_the_words_whose_variants_include_the_stem() {
        for stem in ["سوريه", "السوريين", "لندن", "مصر", "في", "syria", "سوريه2"] {
            let words: Vec<String> = with_proclitics(stem).collect();
            for w in &words {
                assert!(proclitic_variants(w).any(|v| v == stem), "{w} from {stem}");
            }
            // Every proclitic put in front of the stem that gives it back is among them.
            for p in PROCLITICS {
                let w = format!("{p}{stem}");
                assert_eq!(proclitic_variants(&w).any(|v| v == stem), words.contains(&w), "{w}");
            }
        }
        assert_eq!(with_proclitics("مصر").next().as_deref(), Some("وبالمصر"));
        assert_eq!(with_proclitics("في").count(), 0);
    }

    #[test]
    fn stored_form_skips_composition_only_when_already_composed() {
        // e + combining acute composes; the already composed text is unchanged.
        assert_eq!(stored_form("cafe\u{0301}  x"), "caf\u{00E9} x");
        assert_eq!(stored_form("  a \n\n\n  b\r\n c  "), "a\n\nb\nc");
    }
}
