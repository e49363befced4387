#!/usr/bin/env python3
"""Validate the lexicon TSVs. Exit status 1 on any error.

Checks: header present; every row has as many cells as the header; no empty name; no duplicate
canonical name per file; kind valid; country / capital_of / code are ISO 3166-1 alpha-2 codes;
qid looks like Q\\d+; Arabic text has no harakat, tatweel or presentation forms; no token mixes
Arabic and Latin letters; list cells have no empty items; role syntax role@CODE:YYYY-[YYYY].
Also reports (as warnings) surface forms shared by several entries of the same file.

Usage: python3 lexicon/tools/check.py [-v] [lexicon_dir]   (-v lists aliases shared across files)
"""
import json
import os
import re
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
_args = [a for a in sys.argv[1:] if a != "-v"]
LEX = _args[0] if _args else os.path.join(HERE, "..")
ISO = "/usr/share/iso-codes/json/iso_3166-1.json"

KINDS = {"person", "organization", "country", "place", "event", "other"}
LIST_COLS = {"aliases", "short", "nisba", "roles"}
BAD_AR = re.compile("[\u064b-\u065f\u0670\u0640\ufb50-\ufdff\ufe70-\ufeff]")
MIXED = re.compile(r"[\u0600-\u06ff][A-Za-z]|[A-Za-z][\u0600-\u06ff]")
ROLE = re.compile(r"^[a-z_]+@[A-Za-z0-9]+:\d{4}-(\d{4})?$")
QID = re.compile(r"^Q\d+$")
# codes that are not ISO 3166-1 but are used on purpose
EXTRA_CODES = {"XK"}


def iso_codes():
    try:
        return {e["alpha_2"] for e in json.load(open(ISO, encoding="utf-8"))["3166-1"]} | EXTRA_CODES
    except OSError:
        print(f"warning: {ISO} missing (apt-get install iso-codes); country codes not checked")
        return None


def check_file(path, codes):
    errors = []
    warnings = []
    header = None
    names = set()
    surface = defaultdict(set)
    for lineno, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        where = f"{os.path.basename(path)}:{lineno}"
        if header is None:
            header = cells
            if "name" not in header and "code" not in header:
                errors.append(f"{where}: header lacks name")
            continue
        if len(cells) != len(header):
            errors.append(f"{where}: {len(cells)} cells, header has {len(header)}")
            continue
        row = dict(zip(header, cells))
        name = row.get("name", "")
        if not name.strip():
            errors.append(f"{where}: empty name")
        key = (name, row.get("script", ""))
        if key in names:
            errors.append(f"{where}: duplicate name {name!r}")
        names.add(key)
        if "kind" in row and row["kind"] and row["kind"] not in KINDS:
            errors.append(f"{where}: bad kind {row['kind']!r}")
        for col in ("country", "capital_of", "code"):
            v = row.get(col, "")
            if v and codes is not None and v not in codes:
                errors.append(f"{where}: {col} {v!r} is not an ISO 3166-1 alpha-2 code")
        if row.get("qid") and not QID.match(row["qid"]):
            errors.append(f"{where}: bad qid {row['qid']!r}")
        if "script" in row and row["script"] not in ("ar", "latin"):
            errors.append(f"{where}: bad script {row['script']!r}")
        if "gender" in row and row["gender"] not in ("m", "f", "u"):
            errors.append(f"{where}: bad gender {row['gender']!r}")
        for col, v in row.items():
            if BAD_AR.search(v):
                errors.append(f"{where}: {col} has harakat/tatweel/presentation forms")
            for tok in re.split(r"[\s|]+", v):
                if MIXED.search(tok):
                    errors.append(f"{where}: {col} mixes scripts in {tok!r}")
            if col in LIST_COLS and v:
                items = v.split("|")
                if any(not x.strip() for x in items):
                    errors.append(f"{where}: {col} has an empty list item")
                if col == "roles":
                    for r in items:
                        if not ROLE.match(r):
                            errors.append(f"{where}: bad role {r!r}")
        for col in ("aliases",):
            for a in row.get(col, "").split("|"):
                if a:
                    surface[a].add(name)
    if header is None:
        errors.append(f"{path}: no header")
    for a, owners in sorted(surface.items()):
        if len(owners) > 1:
            warnings.append(f"{os.path.basename(path)}: alias {a!r} shared by {sorted(owners)}")
    return errors, warnings, len(names), surface


def main():
    codes = iso_codes()
    total_errors = 0
    cross = defaultdict(set)
    for fn in sorted(os.listdir(LEX)):
        if not fn.endswith(".tsv"):
            continue
        errors, warnings, n, surface = check_file(os.path.join(LEX, fn), codes)
        for a, owners in surface.items():
            for o in owners:
                cross[a].add((fn, o))
        print(f"{fn}: {n} rows, {len(errors)} errors, {len(warnings)} shared aliases")
        for e in errors:
            print("  ERROR", e)
        for w in warnings:
            print("  warn ", w)
        total_errors += len(errors)
    shared = {a: o for a, o in cross.items() if len({f for f, _ in o}) > 1}
    print(f"aliases shared across files: {len(shared)}")
    if "-v" in sys.argv:
        for a, o in sorted(shared.items()):
            print("  warn ", repr(a), sorted(o))
    sys.exit(1 if total_errors else 0)


if __name__ == "__main__":
    main()
