"""Measure how often the top-ranked place is right as a function of the ranking margin (gold spans).

Usage: python scripts/place_calibration.py [--corpus lgl] [--offset 0] [--limit 300]

For every gold toponym with a point, the ranking of ``gold_resolutions`` gives a top
candidate and its margin over the best runner-up more than AMBIGUITY_KM away.  The table
shows, per margin bin, how many answers fall in it and the share whose top candidate lies
within 161 km of the gold point, plus the cumulative share above each bin's lower edge.
This is the data behind ``placerank.MIN_MARGIN``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dateline.eval import benchmarks_dir  # noqa: E402
from dateline.eval.corpora import read_corpus  # noqa: E402
from dateline.resolve.gazetteer import load_gazetteer  # noqa: E402
from dateline.resolve.placerank import km  # noqa: E402
from dateline.resolve.places import Resolved, gold_resolutions  # noqa: E402

RADIUS = 161.0
EDGES = (0.0, 0.001, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, float("inf"))


def collect(corpus_name: str, offset: int, limit: int) -> list[tuple[float, bool]]:
    """Return (margin, top candidate right) for every gold toponym with a point and a ranking."""
    corpus = read_corpus(corpus_name, benchmarks_dir(), limit=offset + limit)
    gaz = load_gazetteer()
    out = []
    for doc in corpus.docs[offset:]:
        rs = gold_resolutions(doc.text, [(t.start, t.end) for t in doc.toponyms], gazetteer=gaz)
        for r, g in zip(rs, doc.toponyms):
            if g.has_point and isinstance(r, Resolved) and r.ranked:
                p = r.ranked[0].place
                out.append((r.margin, km((p.lat, p.lon), (g.lat, g.lon)) <= RADIUS))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default="lgl")
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--limit", type=int, default=300)
    args = ap.parse_args()
    rows = collect(args.corpus, args.offset, args.limit)
    print("margin bin\tn\ttop right\tn (margin >= lower edge)\ttop right (margin >= lower edge)")
    for lo, hi in zip(EDGES, EDGES[1:]):
        b = [ok for m, ok in rows if lo <= m < hi]
        above = [ok for m, ok in rows if m >= lo]
        share = f"{sum(b) / len(b):.3f}" if b else "-"
        print(f"[{lo:g}, {hi:g})\t{len(b)}\t{share}\t{len(above)}\t{sum(above) / max(len(above), 1):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
