"""Small helpers shared by the lexicon generators (stdlib only)."""
import re
import unicodedata

# harakat, shadda, sukun, superscript alef, tatweel, Quranic marks
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC = re.compile("[\u0600-\u06ff]")


def clean(s: str) -> str:
    """NFC, strip diacritics/tatweel, fold presentation forms (NFKC on Arabic blocks), squeeze spaces."""
    s = "".join(
        unicodedata.normalize("NFKC", ch) if "\ufb50" <= ch <= "\ufeff" else ch for ch in s
    )
    s = unicodedata.normalize("NFC", s)
    s = _DIACRITICS.sub("", s)
    s = re.sub(r"\s+", " ", s).strip()
    return s


def is_arabic(s: str) -> bool:
    return bool(_ARABIC.search(s))


def alif_variants(s: str) -> list:
    """Return s plus the variant with hamzated alifs (أ إ آ) at word starts (after an optional ال) made bare."""
    out = [s]
    v = re.sub(r"(^|\s)(ال)?[أإآ]", lambda m: m.group(1) + (m.group(2) or "") + "ا", s)
    if v != s:
        out.append(v)
    return out


def uniq(items):
    seen = set()
    out = []
    for x in items:
        x = x.strip()
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out
