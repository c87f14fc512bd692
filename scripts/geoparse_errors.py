"""Dump and categorise gold-span resolution errors of `dateline eval geoparse --mode gold`.

Usage: python scripts/geoparse_errors.py [--corpus lgl] [--offset 0] [--limit 300] [--out FILE]

Each wrong answer (no point within 161 km of the gold point) gets one TSV line: document,
span text, category, our status/name/feature/country/admin1, the gold point and name,
the error in km, and the best gazetteer candidate near the gold point (if any).  A summary
of the categories goes to stderr.  Categories:

* ``demonym`` — a demonym answered with its country point;
* ``unresolved`` — no answer (no candidate, or dropped as implausible);
* ``ambiguous`` — an answer without a point (status "ambiguous");
* ``missing`` — no exact/alias gazetteer candidate lies within 161 km of the gold point;
* ``region-point`` — we chose a region/district/country of the right name whose point is off;
* ``ranking`` — a candidate within 161 km exists but another one won.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dateline.eval import benchmarks_dir  # noqa: E402
from dateline.eval.corpora import read_corpus  # noqa: E402
from dateline.resolve.gazetteer import load_gazetteer  # noqa: E402
from dateline.resolve.placerank import km  # noqa: E402
from dateline.resolve.places import geocode_spans  # noqa: E402

RADIUS = 161.0


def categorise(ent, gold, gaz) -> tuple[str, str]:
    """Return (category, best near candidate) for one wrong answer."""
    near = [h for h in gaz.lookup(gold.text, fuzzy=True)
            if km((h.place.lat, h.place.lon), (gold.lat, gold.lon)) <= RADIUS]
    near_s = "; ".join(f"{h.place.name}/{h.place.feature}/{h.place.cc}.{h.place.admin1}/{h.how}" for h in near[:2])
    if ent is None:
        return "unresolved", near_s
    if ent.kind == "norp":
        return "demonym", near_s
    if ent.lat is None:
        return "ambiguous", near_s
    if not near:
        return "missing", near_s
    if ent.feature in ("region", "district", "country") and any(h.place.id and h.place.name == ent.name for h in near) is False \
            and ent.name.lower() == gold.text.lower():
        return "region-point", near_s
    return "ranking", near_s


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default="lgl")
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    corpus = read_corpus(args.corpus, benchmarks_dir(), limit=args.offset + args.limit)
    gaz = load_gazetteer()
    cats: Counter = Counter()
    lines = []
    n = 0
    for doc in corpus.docs[args.offset:]:
        ents = geocode_spans(doc.text, [(t.start, t.end) for t in doc.toponyms], gazetteer=gaz)
        for ent, g in zip(ents, doc.toponyms):
            if not g.has_point:
                continue
            n += 1
            d = None if ent is None or ent.lat is None else km((ent.lat, ent.lon), (g.lat, g.lon))
            if d is not None and d <= RADIUS:
                continue
            cat, near = categorise(ent, g, gaz)
            cats[cat] += 1
            ours = "-" if ent is None else f"{ent.status}|{ent.name}|{ent.feature}|{ent.country_code}|{ent.admin1}"
            lines.append("\t".join([doc.id, g.text, cat, ours, f"{g.lat:.3f},{g.lon:.3f}", str(g.name or ""),
                                    "-" if d is None else f"{d:.0f}", near]))
    out = "\n".join(lines) + "\n"
    if args.out:
        args.out.write_text(out)
    else:
        sys.stdout.write(out)
    wrong = sum(cats.values())
    print(f"{n} gold points, {wrong} wrong ({1 - wrong / max(n, 1):.3f} right)", file=sys.stderr)
    for c, k in cats.most_common():
        print(f"  {c:14s} {k}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
