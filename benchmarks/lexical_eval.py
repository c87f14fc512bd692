"""Score the lexical (no-parser) reading of German, Ukrainian and Russian articles on our own fixtures.

    PYTHONPATH=src python benchmarks/lexical_eval.py [-v] [--dir tests/fixtures/lexical_dev]

Reads tests/fixtures/lexical/*.txt (or another folder) and their expected facts (expected.json:
places and actors by their gazetteer/KB names, dates by word and ISO day, marked quotes by
opening words, speaker and channel, events by short type and, where the text fixes them,
subtype, place, date and acting groups), runs the pipeline and prints found/expected and
wrong extras per article.  Two rows score what later rules added, when the file lists them:
``groups`` (armed forces and national groups named by a country adjective, linked by
resolve/actors/lexgroups.py) and ``reported`` (unmarked reported speech, by opening words,
speaker and channel); a file written before those rules has none, so everything found there
shows as extras.  Twenty short invented articles (three first, three more written unseen in session 8, two
more written unseen after it, three more written unseen at the start of session 10, three more written unseen at
the start of session 13, three more written unseen at the start of session 14, three more written unseen at the
start of session 15; see docs/languages.md): a smoke measure, not a benchmark.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "lexical"


def _is_group(e) -> bool:
    return "lexical:demonym-forces" in e.evidence and not any(x.startswith("lexical:") and x != "lexical:demonym-forces"
                                                              for x in e.evidence)


def _quote_row(quotes, want: list[dict]) -> tuple[int, int, list[str]]:
    ok = 0
    for q in want:
        hit = next((r for r in quotes if r.text.startswith(q["starts"])), None)
        ok += bool(hit and hit.speaker and hit.speaker.name == q["speaker"] and hit.channel == q["channel"])
    return ok, len(want), [r.text[:30] for r in quotes if not any(r.text.startswith(q["starts"]) for q in want)]


def _score(result, want: dict) -> dict[str, tuple[int, int, list[str]]]:
    places = {e.name for e in result.entities if e.kind == "place" and e.status == "resolved"}
    actors = {e.name for e in result.entities if e.kind in ("person", "org") and e.status == "linked" and not _is_group(e)}
    groups = {e.name for e in result.entities if e.kind in ("org", "norp") and _is_group(e)}
    dates = {d.text: d.value for d in result.dates}
    out = {
        "places": (len(places & set(want["places"])), len(want["places"]), sorted(places - set(want["places"]))),
        "actors": (len(actors & set(want["actors"])), len(want["actors"]), sorted(actors - set(want["actors"]))),
    }
    got_dates = sum(1 for w, v in want["dates"].items() if any(w in t and val == v for t, val in dates.items()))
    out["dates"] = (got_dates, len(want["dates"]), sorted(t for t in dates if not any(w in t for w in want["dates"])))
    want_groups = set(want.get("groups", []))
    out["groups"] = (len(groups & want_groups), len(want_groups), sorted(groups - want_groups))
    out["quotes"] = _quote_row([q for q in result.quotes if q.kind == "direct"], want["quotes"])
    out["reported"] = _quote_row([q for q in result.quotes if q.kind == "indirect"], want.get("reported", []))
    names = {e.id: e.name for e in result.entities}
    out["events"] = _score_events(result.events, want.get("events", []), names)
    return out


def _fits(ev, w: dict, names: dict[str, str]) -> bool:
    """Return True if event ``ev`` is the expected event ``w`` (each given field equal; the listed actors acting)."""
    return (ev.type == w["type"] and all(getattr(ev, k) == w[k] for k in ("subtype", "date") if k in w)
            and ("place" not in w or ev.place_name == w["place"])
            and set(w.get("actors", ())) <= {names.get(a) for a in ev.actors})


def _score_events(events, want: list[dict], names: dict[str, str]) -> tuple[int, int, list[str]]:
    """Match expected events one to one (the most constrained first); return found, expected, wrong extras."""
    free = list(events)
    found = 0
    for w in sorted(want, key=lambda w: -len(w)):
        hit = next((ev for ev in free if _fits(ev, w, names)), None)
        if hit is not None:
            free.remove(hit)
            found += 1
    return found, len(want), [f"{ev.type}/{ev.subtype}@{ev.place_name}:{ev.date}" for ev in free]


def main(verbose: bool = False, here: Path = HERE) -> None:
    from dateline.pipeline import Pipeline

    expected = json.loads((here / "expected.json").read_text(encoding="utf-8"))
    pipe = Pipeline()
    totals: dict[str, list[int]] = {}
    for name, want in expected.items():
        if name.startswith("_"):
            continue
        result = pipe.read(here / name, published=want["published"])
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
    args = sys.argv[1:]
    folder = Path(args[args.index("--dir") + 1]) if "--dir" in args else HERE
    main(verbose="-v" in args, here=folder)
