"""Score a pipeline result (``Result.to_dict()``) against a golden expected-facts file.

The expected schema is the one of ``seed_expected.json``: people/orgs (surfaces + a canonical
regex), places (surfaces + lat/lon/tol_km), quotes (contains + speaker regex + channel regex),
events (type + lat/lon/tol_km + optional date/killed/injured) and quantities (SI value/unit +
conversion consistency). Every category returns ``Category(passed, total, misses)`` so that a
test can assert floors and print what was missed.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

PLACE_KINDS = frozenset({"place", "location", "gpe", "loc", "fac", "facility"})
PERSON_KINDS = frozenset({"person", "per"})
ORG_KINDS = frozenset({"org", "organization", "organisation", "norp"})
#: Relative tolerance for an SI value (1 %, the same as the shared scorer).
SI_REL_TOL = 0.01
EARTH_KM = 6371.0

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


@dataclass
class Category:
    """How many expected facts of one category the output got right, and which it missed."""

    passed: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, ok: bool, miss: str) -> None:
        """Count one expected fact; remember it if it was missed."""
        self.total += 1
        self.passed += int(ok)
        if not ok:
            self.misses.append(miss)


def canon(text: Any) -> str:
    """Fold quotes, dashes, case and whitespace so that surface strings compare fairly."""
    s = unicodedata.normalize("NFKC", "" if text is None else str(text)).translate(_QUOTES)
    s = re.sub("[\u2010-\u2015]", "-", s)
    return " ".join(s.split()).lower()


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def point(obj: dict[str, Any]) -> tuple[float, float] | None:
    """Return the (lat, lon) of a record, looking into a nested place/location too."""
    for o in (obj, obj.get("place"), obj.get("location")):
        if isinstance(o, dict) and o.get("lat") is not None and o.get("lon") is not None:
            return float(o["lat"]), float(o["lon"])
    return None


def _loose_match(mention: str, surface: str) -> bool:
    """Accept equal strings, or containment where the shorter is at least half the longer."""
    a, b = canon(mention), canon(surface)
    if not a or not b:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return short in long_ and 2 * len(short) >= len(long_)


def find_entity(entities: list[dict[str, Any]], surface: str, kinds: frozenset[str]) -> dict[str, Any] | None:
    """Find the entity of one of ``kinds`` with a mention of ``surface`` (exact first, then loose)."""
    pool = [e for e in entities if canon(e.get("kind")) in kinds]
    want = canon(surface)
    for e in pool:
        if any(canon(m.get("text")) == want for m in e.get("mentions") or ()):
            return e
    for e in pool:
        if any(_loose_match(m.get("text"), surface) for m in e.get("mentions") or ()):
            return e
    return None


def named(out: dict[str, Any], gold: list[dict[str, Any]], kinds: frozenset[str]) -> Category:
    """Score people or organisations: every surface in one entity whose name fits the regex."""
    cat = Category()
    for g in gold:
        hits = [find_entity(out.get("entities") or [], s, kinds) for s in g["surfaces"]]
        one = hits[0] if hits and all(h is hits[0] for h in hits) else None
        ok = one is not None and re.search(g["canonical"], canon(one.get("name"))) is not None
        cat.add(ok, f"{g['surfaces']} -> {[h and h.get('name') for h in hits]} (want /{g['canonical']}/)")
    return cat


def places(out: dict[str, Any], gold: list[dict[str, Any]]) -> Category:
    """Score places: each surface must be a place entity within tol_km of the truth."""
    cat = Category()
    for g in gold:
        for s in g["surfaces"]:
            e = find_entity(out.get("entities") or [], s, PLACE_KINDS)
            p = point(e) if e else None
            d = distance_km((g["lat"], g["lon"]), p) if p else None
            where = "no place entity" if e is None else f"{e.get('name')} {p} " + ("" if d is None else f"{d:.0f} km off")
            cat.add(d is not None and d <= g["tol_km"], f"{s!r} -> {where}")
    return cat


def _speakers(q: dict[str, Any]) -> list[str]:
    """Return the speaker strings of a quote: its name and every mention of the speaker."""
    sp = q.get("speaker")
    names: list[Any] = [q.get("speaker_name")]
    if isinstance(sp, dict):
        names += [sp.get("name")] + [m.get("text") for m in sp.get("mentions") or ()]
    elif isinstance(sp, str):
        names.append(sp)
    return [canon(n) for n in names if n]


def quotes(out: dict[str, Any], gold: list[dict[str, Any]]) -> tuple[Category, Category]:
    """Score quote speakers and quote channels (a channel-less gold quote only needs to be found)."""
    speakers, channels = Category(), Category()
    for g in gold:
        found = [q for q in out.get("quotes") or [] if canon(g["contains"]) in canon(q.get("text"))]
        who = [_speakers(q) for q in found]
        speakers.add(any(re.search(g["speaker"], n) for names in who for n in names),
                     f"{g['contains']!r} -> {who or 'quote not found'} (want /{g['speaker']}/)")
        if g.get("channel"):
            ok = any(re.search(g["channel"], canon(q.get("channel"))) for q in found)
        else:
            ok = bool(found)
        channels.add(ok, f"{g['contains']!r} -> {[q.get('channel') for q in found] or 'quote not found'}"
                         f" (want {g.get('channel')})")
    return speakers, channels


def _event_fits(ev: dict[str, Any], g: dict[str, Any]) -> bool:
    """Say whether one output event matches one gold event (type, place, date, counts)."""
    p = point(ev)
    if canon(ev.get("type")) != g["type"] or p is None or distance_km((g["lat"], g["lon"]), p) > g["tol_km"]:
        return False
    if g.get("date") and str(ev.get("date") or "")[:10] != g["date"]:
        return False
    return all(ev.get(k) == g[k] for k in ("killed", "injured") if k in g)


def events(out: dict[str, Any], gold: list[dict[str, Any]]) -> Category:
    """Score events: some output event must fit each gold event."""
    cat = Category()
    for g in gold:
        cat.add(any(_event_fits(ev, g) for ev in out.get("events") or []), str(g))
    return cat


def quantities(out: dict[str, Any], gold: list[dict[str, Any]]) -> Category:
    """Score quantities by SI value (1 %), SI unit and conversion consistency."""
    cat = Category()
    for g in gold:
        ok = any(q.get("si_value") is not None and canon(q.get("si_unit")) == g["si_unit"]
                 and abs(float(q["si_value"]) - g["si_value"]) <= SI_REL_TOL * g["si_value"]
                 and q.get("consistent") is g["consistent"] for q in out.get("quantities") or [])
        cat.add(ok, f"{g['contains']!r} (want {g['si_value']} {g['si_unit']}, consistent={g['consistent']})")
    return cat


def score(out: dict[str, Any], gold: dict[str, Any]) -> dict[str, Category]:
    """Score every category present in ``gold``; return them by name."""
    cats: dict[str, Category] = {}
    if gold.get("people"):
        cats["people"] = named(out, gold["people"], PERSON_KINDS)
    if gold.get("orgs"):
        cats["orgs"] = named(out, gold["orgs"], ORG_KINDS)
    if gold.get("places"):
        cats["places"] = places(out, gold["places"])
    if gold.get("quotes"):
        cats["quote_speakers"], cats["quote_channels"] = quotes(out, gold["quotes"])
    if gold.get("events"):
        cats["events"] = events(out, gold["events"])
    if gold.get("quantities"):
        cats["quantities"] = quantities(out, gold["quantities"])
    return cats
