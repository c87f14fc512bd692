"""Measure which English names of conflict-country towns the gazetteer resolves (the exonym gap).

Reads ``gazetteer_sources/english_names.tsv`` (a place, by GeoNames id or ``CC:GeoNames name``, and its English
names) and geocodes each name, plus the Arabic press spellings of it made by the build's method
(``gazetteer_exonyms.press_variants``: "al-" added or dropped, -a/-ah endings), as a gold span of a neutral
sentence through the project's own path (``places.geocode_spans``).  A name is *found* when the answer lies within
HIT_KM of the place, *outranked* when the place is among its gazetteer hits but another wins, else *missing*.

Usage: python scripts/exonym_gap.py [--gazetteer PATH] [--misses FILE]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from gazetteer_exonyms import _ARTICLES, ARABIC_CC, SOURCES  # noqa: E402

from dateline.resolve.gazetteer import Gazetteer, PlaceRecord, default_path  # noqa: E402
from dateline.resolve.gazetteer.keys import fold_key  # noqa: E402
from dateline.resolve.placerank import km  # noqa: E402
from dateline.resolve.places import geocode_spans  # noqa: E402

CHECKS = SOURCES / "english_names.tsv"
#: An answer this close to the place counts as the place (KATOTTG rows carry no GeoNames id).
HIT_KM = 25.0
_SENTENCE = "Fighting was reported in {} on Monday."


def target(g: Gazetteer, ref: str) -> PlaceRecord | None:
    """Return the place a check row names: a GeoNames id, or the largest town of ``CC:name``."""
    if ref.isdigit():
        row = g._con.execute("SELECT id FROM place WHERE gid = ? AND feature IN ('city', 'village')", (int(ref),)).fetchone()
        return g.place(row[0]) if row else None
    cc, name = ref.split(":", 1)
    hits = [h for h in g.lookup(name, fuzzy=False) if h.place.cc == cc and h.place.feature in ("city", "village")]
    return max(hits, key=lambda h: (h.how == "exact", h.place.pop), default=None).place if hits else None


def press_spellings(name: str, place: PlaceRecord) -> list[str]:
    """Return the usual press spellings of an Arabic name: "al-" dropped or kept where the Arabic name has the
    article (its GeoNames name starts with one), a one-word name's -a/-ah ending swapped."""
    bare = name[3:] if name.lower().startswith(("al-", "al ", "el-", "el ")) else name
    out = [bare] + ([f"al-{bare}"] if place.name.split(" ")[0].lower().split("-")[0] in _ARTICLES else [])
    if " " not in bare and "-" not in bare:
        out += [bare[:-1] if bare.endswith("ah") else bare + "h" if bare.endswith("a") else bare]
    return [v for v in dict.fromkeys(out) if fold_key(v) != fold_key(name)]


def check(g: Gazetteer, name: str, place: PlaceRecord) -> str:
    """Return found / outranked / missing for one English name of a place."""
    text = _SENTENCE.format(name)
    start = text.index(name)
    e = geocode_spans(text, [(start, start + len(name))], gazetteer=g)[0]
    if e is not None and e.lat is not None and km((e.lat, e.lon), (place.lat, place.lon)) <= HIT_KM:
        return "found"
    hits = g.lookup(name, fuzzy=True)
    return "outranked" if any(km((h.place.lat, h.place.lon), (place.lat, place.lon)) <= HIT_KM for h in hits) else "missing"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gazetteer", type=Path, default=default_path())
    ap.add_argument("--misses", type=Path, help="write the names not found here (TSV)")
    args = ap.parse_args()
    g = Gazetteer(args.gazetteer)
    counts: Counter[tuple[str, str]] = Counter()
    misses = []
    for line in CHECKS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        ref, names = line.split("\t")
        place = target(g, ref)
        if place is None:
            misses.append((ref, "", "no-place", ""))
            counts[("place", "no-place")] += 1
            continue
        listed = [n for n in names.split(";") if n]
        extra = [v for n in listed for v in press_spellings(n, place)] if place.cc in ARABIC_CC else []
        for kind, n in [("listed", x) for x in listed] + [("press", x) for x in dict.fromkeys(extra) if x not in listed]:
            res = check(g, n, place)
            counts[(kind, res)] += 1
            if res != "found":
                misses.append((ref, n, res, f"{place.gid or ''} {place.name} {place.cc}"))
    for kind in ("listed", "press"):
        tot = sum(v for (k, _), v in counts.items() if k == kind)
        parts = " ".join(f"{r}={counts[(kind, r)]}" for r in ("found", "outranked", "missing"))
        print(f"{kind}: {tot} names, {parts}")
    print(f"places not in the gazetteer: {counts[('place', 'no-place')]}")
    if args.misses:
        args.misses.write_text("".join("\t".join(m) + "\n" for m in misses), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
