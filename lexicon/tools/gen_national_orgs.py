#!/usr/bin/env python3
"""Rewrite the GENERATED block of lexicon/organizations.tsv: national institutions
(foreign/defence/interior ministries, armed forces, government, parliament) of the countries in CODES,
named the way news writes them: وزارة الخارجية المصرية / الخارجية المصرية / Egyptian Foreign Ministry.

Adjectives come from tools/countries_overlay.tsv (nisba_stem + first Latin nisba form), so
countries need a nisba there. A generated row is skipped when any of its aliases is already
used by a hand-curated row above the block (hand rows win, e.g. Pentagon, Kremlin, Syrian Arab Army).

Usage: python3 lexicon/tools/gen_national_orgs.py   (edits lexicon/organizations.tsv in place)
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from arabic import alif_variants, clean, is_arabic, uniq  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ORG = os.path.join(HERE, "..", "organizations.tsv")
OVERLAY = os.path.join(HERE, "countries_overlay.tsv")
BEGIN = "# BEGIN GENERATED national institutions (tools/gen_national_orgs.py)"
END = "# END GENERATED"

CODES = (
    "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE "
    "IR IL TR AF PK IN CN JP KR KP RU UA BY US GB FR DE IT ES NL BE SE NO DK FI PL GR CY AT CH "
    "CA MX BR AR AU ID ZA NG ET ER SS AZ AM GE KZ UZ VE CU MY"
).split()

# masculine-definite / feminine-definite forms that are not stem + ة
SPECIAL = {
    "KR": (["الكوري الجنوبي"], ["الكورية الجنوبية"]),
    "KP": (["الكوري الشمالي"], ["الكورية الشمالية"]),
    "ZA": (["الجنوب أفريقي", "الجنوب إفريقي"], ["الجنوب أفريقية", "الجنوب إفريقية"]),
    "SS": (["الجنوب سوداني"], ["الجنوب سودانية"]),
}

# (country, canonical pattern) pairs not generated: the US Interior Department is not a police ministry,
# the US has Congress (hand row), the UK has the Home Office (hand row).
EXCLUDE = {("US", "{A} Interior Ministry"), ("US", "{A} Parliament"), ("GB", "{A} Interior Ministry")}

INSTITUTIONS = [
    # (canonical pattern, arabic patterns with {M}/{F}, english patterns with {A})
    ("{A} Foreign Ministry", ["وزارة الخارجية {F}", "الخارجية {F}"],
     ["{A} Foreign Ministry", "{A} Ministry of Foreign Affairs"]),
    ("{A} Defence Ministry", ["وزارة الدفاع {F}", "الدفاع {F}"],
     ["{A} Defence Ministry", "{A} Defense Ministry", "{A} Ministry of Defence", "{A} Ministry of Defense"]),
    ("{A} Interior Ministry", ["وزارة الداخلية {F}", "الداخلية {F}"],
     ["{A} Interior Ministry", "{A} Ministry of Interior"]),
    ("{A} Armed Forces", ["الجيش {M}", "القوات المسلحة {F}", "القوات {F}"],
     ["{A} Armed Forces", "{A} army", "{A} military", "{A} forces"]),
    # (السلطات {F} "the X authorities" names the country itself: see gen_countries.py.)
    ("{A} government", ["الحكومة {F}"], ["{A} government", "{A} authorities"]),
    ("{A} Parliament", ["البرلمان {M}"], ["{A} parliament", "{A} Parliament"]),
]


def read_overlay():
    rows = {}
    lines = [l.rstrip("\n") for l in open(OVERLAY, encoding="utf-8") if l.strip() and not l.startswith("#")]
    header = lines[0].split("\t")
    for l in lines[1:]:
        c = l.split("\t")
        c += [""] * (len(header) - len(c))
        rows[c[0]] = dict(zip(header, c))
    return rows


def main():
    ov = read_overlay()
    text = open(ORG, encoding="utf-8").read()
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    used = set()
    names = set()
    for line in head.split("\n"):
        if line and not line.startswith("#"):
            c = line.split("\t")
            if len(c) >= 5:
                names.add(c[0])
                used.update(a.lower() for a in c[4].split("|") if a)
    gen = []
    for code in CODES:
        r = ov[code]
        stems = [clean(s) for s in r["nisba_stem"].split("|") if s]
        latin = [x for x in r["nisba"].split("|") if x and not is_arabic(x)]
        if code in SPECIAL:
            M, F = SPECIAL[code]
        else:
            M = ["ال" + s for s in stems]
            F = ["ال" + s + "ة" for s in stems]
        if not M or not latin:
            print(f"skip {code}: no nisba", file=sys.stderr)
            continue
        adj = latin[0]
        for canon, ar_pats, en_pats in INSTITUTIONS:
            if (code, canon) in EXCLUDE:
                continue
            name = canon.format(A=adj)
            al = []
            for p in ar_pats:
                for m, f in zip(M, F):
                    al += alif_variants(p.format(M=m, F=f))
            al += [p.format(A=a) for p in en_pats for a in latin[:1]]
            al = uniq(al)
            if name in names or any(a.lower() in used for a in al):
                continue
            names.add(name)
            used.update(a.lower() for a in al)
            gen.append("\t".join([name, "organization", code, "", "|".join(al)]))
    block = BEGIN + "\n" + "\n".join(gen) + "\n" + END
    open(ORG, "w", encoding="utf-8").write(head + block + tail)
    print(f"{len(gen)} generated rows", file=sys.stderr)


if __name__ == "__main__":
    main()
