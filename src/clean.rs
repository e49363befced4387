//! Cleaning: turns a raw record into a title and a list of paragraphs with the web page's
//! furniture removed. The rules are general, not a list of one page's lines:
//!
//! * anywhere in the page: navigation, share and print crumbs and "read more" teasers in Arabic
//!   and English ([`CRUMBS`], [`TEASER_PREFIXES`]); identifier-like tokens (`logo-print`);
//!   rows of tiny upper-case UI labels (`XS`, `SM`, `A+`); lines without a single letter;
//! * at the top and bottom edges of the page: short lines that are not sentences and are in
//!   another script than the page (`Accessibility links` on an Arabic page);
//! * a paragraph repeated back to back (a photo caption printed twice) is kept once, and a first
//!   paragraph that repeats the title is dropped.
//!
//! Paragraph boundaries are kept: every non-empty line of the input is one paragraph.

use crate::normalize::{collapse_spaces, fold, is_alphabetic, stored_form};
use crate::read::RawArticle;

/// Exact lines (in match form, trailing punctuation ignored) that are page furniture.
pub(crate) const CRUMBS: &[&str] = &[
    "accessibility links",
    "skip to content",
    "skip to main content",
    "skip navigation",
    "main menu",
    "menu",
    "navigation",
    "search",
    "home",
    "share",
    "share this",
    "share this article",
    "share on facebook",
    "share on twitter",
    "tweet",
    "facebook",
    "twitter",
    "whatsapp",
    "telegram",
    "linkedin",
    "email",
    "e-mail",
    "print",
    "print this page",
    "print article",
    "comments",
    "comment",
    "advertisement",
    "advertising",
    "sponsored",
    "subscribe",
    "sign in",
    "sign up",
    "log in",
    "login",
    "register",
    "close",
    "back to top",
    "top",
    "related",
    "related articles",
    "related stories",
    "related content",
    "more",
    "read more",
    "see also",
    "follow us",
    "copyright",
    "all rights reserved",
    "cookie policy",
    "privacy policy",
    "terms of use",
    "image caption",
    "media caption",
    "image copyright",
    "getty images",
    "loading",
    // Arabic (match form: hamza folded, ة → ه, ى → ي)
    "شارك",
    "شارك الخبر",
    "شارك المقال",
    "مشاركه",
    "طباعه",
    "اطبع",
    "ارسل",
    "ارسل لصديق",
    "البريد الالكتروني",
    "تابعنا",
    "تابعونا",
    "تابعنا علي",
    "الرئيسيه",
    "الصفحه الرئيسيه",
    "بحث",
    "القائمه",
    "اعلان",
    "اعلانات",
    "تعليقات",
    "التعليقات",
    "اضف تعليق",
    "مواضيع ذات صله",
    "اخبار ذات صله",
    "ذات صله",
    "مقالات ذات صله",
    "اقرا ايضا",
    "اقرا المزيد",
    "اقرا اكثر",
    "المزيد",
    "اغلاق",
    "تسجيل الدخول",
    "اشترك",
    "جميع الحقوق محفوظه",
    "حجم الخط",
    "تكبير الخط",
    "تصغير الخط",
    "شريط الاخبار",
    "عاجل",
    "فيديو",
    "صور",
    "روابط ذات صله",
];

/// Line starts (match form) that mark a "read more" teaser or a crumb trail.
pub(crate) const TEASER_PREFIXES: &[&str] = &[
    "read more:",
    "read more -",
    "read also:",
    "also read:",
    "see also:",
    "related:",
    "more:",
    "click here",
    "اقرا ايضا:",
    "اقرا ايضا -",
    "اقرا ايضا",
    "اقرا المزيد:",
    "اقرا ايضاً",
    "شاهد ايضا",
    "شاهد:",
    "طالع ايضا",
    "للمزيد:",
    "مواضيع ذات صله:",
    "اخبار ذات صله:",
    "you are here:",
    "انت هنا:",
];

/// A cleaned article: the title and the body's paragraphs, all in stored form.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cleaned {
    /// The headline.
    pub title: String,
    /// The body paragraphs, in order, furniture removed.
    pub paragraphs: Vec<String>,
    /// The language, as declared by the input or detected from the text (`ar`, `en`, ...).
    pub lang: String,
}

/// Cleans a raw record. Returns `None` when nothing remains (no title and no text).
pub(crate) fn clean(raw: &RawArticle) -> Option<Cleaned> {
    let body = stored_form(&raw.body);
    let mut lines = content_lines(&body);
    let title = match given_title(raw) {
        Some(t) => t,
        None if !lines.is_empty() => lines.remove(0).to_owned(),
        None => return None,
    };
    let (title, overflow) = cap_title(title);
    let paragraphs = paragraphs(&title, overflow, lines);
    let lang = declared_lang(raw).unwrap_or_else(|| detect_lang(&title, &paragraphs));
    Some(Cleaned {
        title,
        paragraphs,
        lang,
    })
}

/// The body's non-empty lines without page furniture, anywhere or at the page's edges.
fn content_lines(body: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = body.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let script = dominant_script(body);
    lines.retain(|l| !is_furniture_anywhere(l, script));
    trim_edges(&mut lines, script);
    lines
}

/// The record's own title on one line, if it has a non-empty one.
fn given_title(raw: &RawArticle) -> Option<String> {
    raw.title
        .as_deref()
        .map(|t| collapse_spaces(&stored_form(t).replace('\n', " ")))
        .filter(|t| !t.is_empty())
}

/// The paragraphs: the title's overflow, then the lines, a line repeating the one before it
/// (or, first, the title) dropped.
fn paragraphs(title: &str, overflow: Option<String>, lines: Vec<&str>) -> Vec<String> {
    let title_key = fold(title);
    let mut paragraphs: Vec<String> = Vec::with_capacity(lines.len() + 1);
    paragraphs.extend(overflow);
    let mut last_key = String::new();
    for line in lines {
        let key = fold(line);
        if key == last_key || (paragraphs.is_empty() && key == title_key) {
            continue;
        }
        last_key = key;
        paragraphs.push(line.to_owned());
    }
    paragraphs
}

/// The language the input declares, its primary subtag only (`en-GB` → `en`).
fn declared_lang(raw: &RawArticle) -> Option<String> {
    raw.lang
        .as_deref()
        .map(|l| l.trim().to_ascii_lowercase())
        .filter(|l| !l.is_empty())
        .map(|l| l.split(['-', '_']).next().unwrap_or(&l).to_owned())
}

/// The longest title kept, in characters; a longer first line (a one-line file, a page without
/// line breaks) is cut at a word boundary before it.
pub(crate) const TITLE_MAX_CHARS: usize = 300;

/// Splits an over-long title: the first words up to [`TITLE_MAX_CHARS`] stay the title, the
/// rest becomes the first paragraph, so nothing is lost.
fn cap_title(title: String) -> (String, Option<String>) {
    let Some((limit, _)) = title.char_indices().nth(TITLE_MAX_CHARS) else {
        return (title, None);
    };
    let cut = title[..limit].rfind(' ').filter(|&i| i > 0).unwrap_or(limit);
    let rest = title[cut..].trim().to_owned();
    let mut head = title;
    head.truncate(cut);
    (head.trim_end().to_owned(), Some(rest).filter(|r| !r.is_empty()))
}

/// The writing system most of a text's letters are in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Script {
    /// Arabic script.
    Arabic,
    /// Latin script.
    Latin,
    /// Anything else, or no clear majority.
    Other,
}

fn letter_script(c: char) -> Option<Script> {
    if !is_alphabetic(c) {
        return None;
    }
    Some(match c {
        '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' => Script::Arabic,
        c if c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c) => Script::Latin,
        _ => Script::Other,
    })
}

/// The script that more than 70% of the letters of `text` are in, or [`Script::Other`].
pub(crate) fn dominant_script(text: &str) -> Script {
    let (mut arabic, mut latin, mut total) = (0usize, 0usize, 0usize);
    for s in text.chars().filter_map(letter_script) {
        total += 1;
        match s {
            Script::Arabic => arabic += 1,
            Script::Latin => latin += 1,
            Script::Other => {}
        }
    }
    if total > 0 && arabic * 10 > total * 7 {
        Script::Arabic
    } else if total > 0 && latin * 10 > total * 7 {
        Script::Latin
    } else {
        Script::Other
    }
}

fn is_furniture_anywhere(line: &str, page: Script) -> bool {
    let key = fold(line);
    let bare = key.trim_end_matches([':', '.', '|', '»', '›', '>', '-', ' ']).trim();
    if CRUMBS.contains(&bare) || TEASER_PREFIXES.iter().any(|p| key.starts_with(p)) {
        return true;
    }
    if !line.chars().any(is_alphabetic) {
        return true;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    // Identifier-like tokens: logo-print, nav_main, btn-share.
    if words.len() == 1
        && line.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && line.contains(['-', '_'])
        && !line.chars().any(|c| c.is_ascii_digit())
    {
        return true;
    }
    // Rows of tiny UI labels (font sizes XS SM MD LG, A+ A-), in a page not written in Latin.
    if page != Script::Latin
        && words.len() <= 6
        && words
            .iter()
            .all(|w| w.chars().count() <= 3 && w.chars().all(|c| c.is_ascii_uppercase() || "+-".contains(c)))
    {
        return true;
    }
    // Breadcrumb trails: Home > World > Middle East.
    if words.len() <= 12
        && (line.matches(" > ").count() >= 2 || line.matches(" » ").count() >= 2 || line.matches(" / ").count() >= 3)
    {
        return true;
    }
    false
}

/// A short line that is not a sentence: few words, no sentence punctuation.
fn is_short_non_sentence(line: &str) -> bool {
    line.split_whitespace().count() <= 4 && !line.contains(['.', '!', '?', '؟', '،', ',', ':', '"', '«'])
}

fn trim_edges(lines: &mut Vec<&str>, page: Script) {
    let foreign = |l: &str| {
        let s = dominant_script(l);
        page != Script::Other && s != page && is_short_non_sentence(l)
    };
    while lines.first().is_some_and(|l| foreign(l)) {
        lines.remove(0);
    }
    while lines.last().is_some_and(|l| foreign(l)) {
        lines.pop();
    }
}

/// Guesses the language from the script and, for Latin script, a few function words.
pub(crate) fn detect_lang(title: &str, paragraphs: &[String]) -> String {
    let mut sample = String::from(title);
    for p in paragraphs.iter().take(5) {
        sample.push('\n');
        sample.push_str(p);
    }
    script_lang(&sample).unwrap_or_else(|| latin_lang(&sample)).into()
}

/// The language the script with the most letters decides (`und` without letters), or `None`
/// when Latin letters are the most.
fn script_lang(sample: &str) -> Option<&'static str> {
    let (mut arabic, mut latin, mut han, mut kana, mut thai, mut cyr) = (0, 0, 0, 0, 0, 0);
    for c in sample.chars().filter(|c| is_alphabetic(*c)) {
        match c {
            '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' => arabic += 1,
            '\u{3040}'..='\u{30FF}' => kana += 1,
            '\u{4E00}'..='\u{9FFF}' => han += 1,
            '\u{0E00}'..='\u{0E7F}' => thai += 1,
            '\u{0400}'..='\u{04FF}' => cyr += 1,
            c if c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c) => latin += 1,
            _ => {}
        }
    }
    let max = *[arabic, latin, han + kana, thai, cyr].iter().max().unwrap_or(&0);
    match max {
        0 => Some("und"),
        m if m == arabic => Some("ar"),
        m if m == han + kana => Some(if kana > 0 { "ja" } else { "zh" }),
        m if m == thai => Some("th"),
        m if m == cyr => Some("ru"),
        _ => None,
    }
}

/// Frequent function words of the Latin-script languages told apart, English first.
const FUNCTION_WORDS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "the", "and", "of", "to", "in", "is", "that", "for", "with", "was", "said",
        ],
    ),
    (
        "es",
        &["el", "la", "de", "que", "y", "los", "las", "en", "por", "una", "del"],
    ),
    (
        "fr",
        &[
            "le", "la", "les", "des", "et", "est", "une", "du", "dans", "pour", "que",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "und", "das", "ist", "nicht", "mit", "von", "den", "ein", "zu",
        ],
    ),
];

/// The Latin-script language whose function words occur most in `sample`.
fn latin_lang(sample: &str) -> &'static str {
    let lower = sample.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !is_alphabetic(c))
        .filter(|w| !w.is_empty())
        .collect();
    let score = |list: &[&str]| words.iter().filter(|w| list.contains(w)).count();
    // The first of the best (English wins ties); no function word at all is `und`, not a guess.
    let (lang, best) = FUNCTION_WORDS
        .iter()
        .fold(("und", 0), |acc, &(l, list)| match score(list) {
            s if s > acc.1 => (l, s),
            _ => acc,
        });
    if best == 0 { "und" } else { lang }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(body: &str) -> RawArticle {
        RawArticle {
            body: body.into(),
            ..RawArticle::default()
        }
    }

    #[test]
    fn an_over_long_first_line_is_cut_and_its_rest_kept_in_the_body() {
        let line = "كلمة ".repeat(200);
        let c = clean(&raw(&format!("{line}\n\nفقرة ثانية"))).unwrap();
        assert!(
            c.title.chars().count() <= TITLE_MAX_CHARS,
            "{}",
            c.title.chars().count()
        );
        assert!(c.title.ends_with("كلمة"));
        let words = |s: &str| s.split_whitespace().count();
        assert_eq!(words(&c.title) + words(&c.paragraphs[0]), 200);
        assert_eq!(c.paragraphs[1], "فقرة ثانية");
    }

    #[test]
    fn language_is_und_when_nothing_tells() {
        assert_eq!(detect_lang("a", &[]), "und");
        assert_eq!(detect_lang("Reuters", &[]), "und");
        assert_eq!(detect_lang("The minister said", &[]), "en");
        assert_eq!(detect_lang("", &["وقال الوزير".into()]), "ar");
    }

    #[test]
    fn removes_furniture_and_keeps_the_headline_and_one_caption() {
        let c = clean(&raw(
            "Accessibility links\n\nlogo-print\n\nعنوان الخبر هنا\n\nتعليق الصورة\n\nتعليق الصورة\n\nنص الخبر الأول.\nاقرأ أيضا: خبر آخر\nXS\nSM\nMD\nLG",
        ))
        .unwrap();
        assert_eq!(c.title, "عنوان الخبر هنا");
        assert_eq!(c.paragraphs, vec!["تعليق الصورة", "نص الخبر الأول."]);
        assert_eq!(c.lang, "ar");
    }

    #[test]
    fn english_crumbs_and_teasers_go() {
        let c = clean(&raw("Skip to content\nHome > World > Middle East\nKerry meets Lavrov\nThe two men met on Friday.\nRead more: other story\nShare")).unwrap();
        assert_eq!(c.title, "Kerry meets Lavrov");
        assert_eq!(c.paragraphs, vec!["The two men met on Friday."]);
        assert_eq!(c.lang, "en");
    }
}
