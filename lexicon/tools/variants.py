#!/usr/bin/env python3
"""Normalise hand-edited lexicon TSVs in place (idempotent).

For the list columns (aliases, short, nisba) of each file given:
  * NFC, strip harakat/shadda/tatweel, fold presentation forms, squeeze spaces;
  * add the bare-alif spelling of every Arabic form that starts (or has a word starting) with أ/إ/آ,
    e.g. الأمم المتحدة -> الامم المتحدة, إيران -> ايران (Arabic news writes both);
  * drop duplicates, keeping first-seen order.
Comment lines and row order are preserved.

Usage: python3 lexicon/tools/variants.py lexicon/organizations.tsv lexicon/people.tsv ...
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from arabic import alif_variants, clean, is_arabic, uniq  # noqa: E402

LIST_COLS = {"aliases", "short", "nisba"}


def norm_list(value):
    out = []
    for x in value.split("|"):
        x = clean(x) if is_arabic(x) else x.strip()
        if not x:
            continue
        out += alif_variants(x) if is_arabic(x) else [x]
    return "|".join(uniq(out))


def process(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    header = None
    out = []
    for line in lines:
        if not line or line.startswith("#"):
            out.append(line)
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            out.append(line)
            continue
        for i, col in enumerate(header):
            if i < len(cells):
                if col in LIST_COLS:
                    cells[i] = norm_list(cells[i])
                elif is_arabic(cells[i]):
                    cells[i] = clean(cells[i])
        out.append("\t".join(cells))
    open(path, "w", encoding="utf-8").write("\n".join(out))


if __name__ == "__main__":
    for p in sys.argv[1:]:
        process(p)
