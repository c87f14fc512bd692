"""Score the lexical (no-parser) reading of German, Ukrainian and Russian articles on our own fixtures.

    PYTHONPATH=src python benchmarks/lexical_eval.py [-v]

Reads tests/fixtures/lexical/*.txt and their expected facts (expected.json: places and
actors by their gazetteer/KB names, dates by word and ISO day, quotes by opening words,
speaker and channel, events by short type and, where the text fixes them, subtype, place
and date), runs the pipeline and prints found/expected and wrong extras per article.
Three short invented articles: a smoke measure, not a benchmark.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "lexical"


def _score(result, want: dict) -> dict[str, tuple[int, int, list[str]]]:
    places = {e.name for e in result.entities if e.kind == "place" and e.status == "resolved"}
    actors = {e.name for e in result.entities if e.kind in ("person", "org") and e.status == "linked"}
    dates = {d.text: d.value for d in result.dates}
    out = {
        "places": (len(places & set(want["places"])), len(want["places"]), sorted(places - set(want["places"]))),
        "actors": (len(actors & set(want["actors"])), len(want["actors"]), sorted(actors - set(want["actors"]))),
    }
    got_dates = sum(1 for w, v in want["dates"].items() if any(w in t and val == v for t, val in dates.items()))
    out["dates"] = (got_dates, len(want["dates"]), sorted(t for t in dates if not any(w in t for w in want["dates"])))
    ok = 0
    for q in want["quotes"]:
        hit = next((r for r in result.quotes if r.text.startswith(q["starts"])), None)
        ok += bool(hit and hit.speaker and hit.speaker.name == q["speaker"] and hit.channel == q["channel"])
    extra = [r.text[:30] for r in result.quotes if not any(r.text.startswith(q["starts"]) for q in want["quotes"])]
    out["quotes"] = (ok, len(want["quotes"]), extra)
    out["events"] = _score_events(result.events, want.get("events", []))
    return out


def _fits(ev, w: dict) -> bool:
    """Return True if event ``ev`` is the expected event ``w`` (each given field equal)."""
    return (ev.type == w["type"] and all(getattr(ev, k) == w[k] for k in ("subtype", "date") if k in w)
            and ("place" not in w or ev.place_name == w["place"]))


def _score_events(events, want: list[dict]) -> tuple[int, int, list[str]]:
    """Match expected events one to one (the most constrained first); return found, expected, wrong extras."""
    free = list(events)
    found = 0
    for w in sorted(want, key=lambda w: -len(w)):
        hit = next((ev for ev in free if _fits(ev, w)), None)
        if hit is not None:
            free.remove(hit)
            found += 1
    return found, len(want), [f"{ev.type}/{ev.subtype}@{ev.place_name}:{ev.date}" for ev in free]


def main(verbose: bool = False) -> None:
    from dateline.pipeline import Pipeline

    expected = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))
    pipe = Pipeline()
    totals: dict[str, list[int]] = {}
    for name, want in expected.items():
        if name.startswith("_"):
            continue
        result = pipe.read(HERE / name, published=want["published"])
        row = _score(result, want)
        print(f"{name:18} " + "  ".join(f"{k}={a}/{b}" + (f" (+{len(x)} wrong)" if x else "") for k, (a, b, x) in row.items()))
        for k, (a, b, x) in row.items():
            t = totals.setdefault(k, [0, 0, 0])
            t[0], t[1], t[2] = t[0] + a, t[1] + b, t[2] + len(x)
            if verbose and x:
                print(f"    {k} extra: {x}")
        if verbose:
            for e in result.entities:
                print(f"    {e.kind:6} {e.status:9} {e.name:40} {[m.text for m in e.mentions]}")
    print("TOTAL " + "  ".join(f"{k}={a}/{b} wrong={w}" for k, (a, b, w) in totals.items()))


if __name__ == "__main__":
    main(verbose="-v" in sys.argv)
