//! Near-duplicate detection for stories: word 5-shingles of an article's match form, their
//! MinHash signature, and the LSH band keys that find earlier articles with a similar signature.
//!
//! A **story** is a cluster of copies of one text (a wire dispatch in several papers, each with
//! its own headline or a sentence more or less). Two articles are copies when the Jaccard index
//! of their sets of word 5-shingles is at least `JOIN`. Comparing every pair is quadratic, so
//! each article gets a signature of `HASHES` minimum hash values (MinHash: two signatures agree
//! at a position with probability equal to the Jaccard index), of which the first `BANDS`
//! bands of `ROWS` values are indexed. Articles that agree on a whole band are candidates (the
//! store keeps one row per band key); candidates are verified by their estimated Jaccard over the
//! whole signature. With 3 rows × 12 bands a pair at Jaccard 0.8 shares a band with probability
//! 1 − (1 − 0.8³)¹² > 0.999, at 0.5 with 0.80, at 0.2 with 0.09. The hashes are fixed here (not seeded per process), because signatures
//! and band keys are stored.

use crate::normalize::{fold, is_word_char};

/// Values in a signature.
pub(crate) const HASHES: usize = 60;
/// Values per band.
pub(crate) const ROWS: usize = 3;
/// Bands indexed: the first `BANDS × ROWS` values of the signature (all of it serves to estimate
/// the similarity of candidates). Each band is one random insert into the store's band index, the
/// writer's main cost for stories, so there are no more than recall needs.
pub(crate) const BANDS: usize = 12;
/// Words per shingle.
pub(crate) const SHINGLE: usize = 5;
/// The (estimated) Jaccard index at which an article joins an earlier article's story.
pub(crate) const JOIN: f64 = 0.5;

/// A MinHash signature; an article without words has every value at `u32::MAX`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature(pub [u32; HASHES]);

/// A 64-bit finalizer (splitmix64's): spreads every input bit over the output.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// FNV-1a over a word's bytes, mixed: a hash that no Rust or crate version changes.
fn word_hash(word: &str) -> u64 {
    let h = word.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    mix(h)
}

/// The multipliers and offsets of the [`HASHES`] hash functions `(a·x + b) >> 32`.
const fn coefficients() -> ([u64; HASHES], [u64; HASHES]) {
    let (mut a, mut b) = ([0u64; HASHES], [0u64; HASHES]);
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut i = 0;
    while i < HASHES {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        a[i] = (z ^ (z >> 31)) | 1;
        b[i] = z.rotate_left(17);
        i += 1;
    }
    (a, b)
}

const COEFFICIENTS: ([u64; HASHES], [u64; HASHES]) = coefficients();

/// The match-form words of a document (title and paragraphs).
fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty())
}

/// The hashes of the word 5-shingles of a document (title and paragraphs, match form), sorted
/// and without repeats. A document of fewer than five words is one shingle of all its words.
pub fn shingles(title: &str, paragraphs: &[String]) -> Vec<u64> {
    let folded: Vec<String> = std::iter::once(title)
        .chain(paragraphs.iter().map(String::as_str))
        .map(fold)
        .collect();
    let mut out = shingles_of_folded(&folded.iter().map(String::as_str).collect::<Vec<_>>());
    out.sort_unstable();
    out.dedup();
    out
}

/// The shingle hashes of text already in match form, in text order, repeats kept (MinHash does
/// not mind them).
fn shingles_of_folded(parts: &[&str]) -> Vec<u64> {
    let hashes: Vec<u64> = parts.iter().flat_map(|p| words(p)).map(word_hash).collect();
    match hashes.len() {
        0 => Vec::new(),
        n if n < SHINGLE => vec![shingle_hash(&hashes)],
        _ => hashes.windows(SHINGLE).map(shingle_hash).collect(),
    }
}

fn shingle_hash(words: &[u64]) -> u64 {
    mix(words.iter().fold(0u64, |h, &w| h.rotate_left(13).wrapping_mul(31) ^ w))
}

impl Signature {
    /// The MinHash signature of a set of shingle hashes.
    pub(crate) fn of_shingles(shingles: &[u64]) -> Signature {
        let (a, b) = &COEFFICIENTS;
        let mut min = [u32::MAX; HASHES];
        for &x in shingles {
            for i in 0..HASHES {
                let v = (a[i].wrapping_mul(x).wrapping_add(b[i]) >> 32) as u32;
                min[i] = min[i].min(v);
            }
        }
        Signature(min)
    }

    /// The signature of a document.
    pub(crate) fn of(title: &str, paragraphs: &[String]) -> Signature {
        Signature::of_shingles(&shingles(title, paragraphs))
    }

    /// The signature of a document whose parts (title, body) are already in match form, as the
    /// full-text forms hold them: no second folding, no sorting.
    pub(crate) fn of_folded(parts: &[&str]) -> Signature {
        Signature::of_shingles(&shingles_of_folded(parts))
    }

    /// Whether the document had no words.
    pub(crate) fn is_empty(&self) -> bool {
        self.0.iter().all(|&v| v == u32::MAX)
    }

    /// The band keys: one per band, the band's number and values hashed together.
    pub(crate) fn bands(&self) -> [i64; BANDS] {
        let mut keys = [0i64; BANDS];
        for (band, key) in keys.iter_mut().enumerate() {
            let rows = &self.0[band * ROWS..(band + 1) * ROWS];
            let h = rows.iter().fold(mix(band as u64 + 1), |h, &v| mix(h ^ u64::from(v)));
            *key = h as i64;
        }
        keys
    }

    /// The estimated Jaccard index: the share of positions where the two signatures agree.
    pub(crate) fn similarity(&self, other: &Signature) -> f64 {
        if self.is_empty() || other.is_empty() {
            return 0.0;
        }
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        same as f64 / HASHES as f64
    }

    /// The signature as stored: little-endian bytes.
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    /// A stored signature; `None` when the bytes are not one.
    pub(crate) fn from_bytes(bytes: &[u8]) -> Option<Signature> {
        if bytes.len() != HASHES * 4 {
            return None;
        }
        let mut values = [0u32; HASHES];
        for (v, chunk) in values.iter_mut().zip(bytes.chunks_exact(4)) {
            *v = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
        }
        Some(Signature(values))
    }
}

/// The exact Jaccard index of two sorted, repeat-free shingle sets.
pub fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    both as f64 / (a.len() + b.len() - both) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(text: &str) -> Vec<String> {
        text.split("\n\n").map(str::to_owned).collect()
    }

    // Two copies of one dispatch (ANT: Alarabia/internationalNews/AL-internationalNews-1984-20180718
    // and SkyNews/internationalNews/SK-internationalNews-2717-20180718), their first paragraphs.
    const A: &str = "دانت محكمة بريطانية، الأربعاء، بريطانيا، سبق أن بايع تنظيم داعش، بالتخطيط للاعتداء على مقر رئيسة وزراء بريطانيا #تيريزا_ماي وقطع رأسها.\n\nووفق المحكمة خطط نعيم الرحمن زكريا (20 عاما) لتفجير بوابة مقر ماي في 10 #داونينغ_ستريت وقتل حراسها ثم مهاجمتها.\n\nواعتقل نعيم الرحمن عندما ذهب لتسلّم ما كان يعتقد أنه حقيبة مليئة بالمتفجرات في تشرين الثاني/نوفمبر الماضي.";
    const B: &str = "دانت محكمة بريطانية، الأربعاء، بريطانيا سبق أن بايع تنظيم داعش المتطرف، بالتخطيط للاعتداء على مقر رئيسة وزراء بريطانيا تيريزا ماي وقطع رأسها.\n\nووفق المحكمة، فقد خطط نعيم الرحمن زكريا (20 عاما) لتفجير بوابة مقر ماي في 10 داونينغ ستريت وقتل حراسها ثم مهاجمتها.\n\nواعتقل نعيم الرحمن عندما ذهب لتسلّم ما كان يعتقد أنه حقيبة مليئة بالمتفجرات في نوفمبر الماضي.";
    // Another article of the corpus (ANT, Alarabia/culture/AL-culture-590-20180715).
    const C: &str = "قررت الفنانة إليسا أن ترد على كل ما أثير حولها في الأيام الماضية على طريقتها الخاصة، وذلك من خلال حسابها الرسمي عبر موقع التواصل الاجتماعي";

    #[test]
    fn copies_agree_and_unrelated_texts_do_not() {
        let (sa, sb) = (shingles("t", &paragraphs(A)), shingles("t", &paragraphs(B)));
        let exact = jaccard(&sa, &sb);
        assert!(exact > 0.3 && exact < 0.9, "{exact}");
        let (a, b) = (Signature::of_shingles(&sa), Signature::of_shingles(&sb));
        assert!(
            (a.similarity(&b) - exact).abs() < 0.25,
            "{} vs {exact}",
            a.similarity(&b)
        );
        let c = Signature::of("t", &paragraphs(C));
        assert!(a.similarity(&c) < 0.1);
        assert!(a.bands().iter().all(|k| !c.bands().contains(k)));
    }

    #[test]
    fn paragraphing_and_diacritics_do_not_change_the_signature() {
        let joined = Signature::of("t", &paragraphs(&B.replace("\n\n", " ")));
        assert_eq!(joined, Signature::of("t", &paragraphs(B)));
        assert_eq!(
            Signature::of("t", &paragraphs("دانَت محكمةٌ بريطانية")),
            Signature::of("t", &paragraphs("دانت محكمة بريطانية"))
        );
        let s = Signature::of("t", &paragraphs(A));
        assert_eq!(Signature::of_folded(&["t", &fold(A)]), s);
        assert_eq!(Signature::from_bytes(&s.to_bytes()), Some(s));
        assert!(Signature::of("", &[]).is_empty());
    }
}
