"""Populated places from countrystatecity-countries 2.0.1 (ODbL 1.0) that cities500 lacks.

The package ships ~152,000 cities (``by-country/<CC>/states/<S>/cities.json``: ``name``,
``latitude``, ``longitude``), mostly the same places as GeoNames cities500, but also some
~16,000 that cities500 does not hold: city districts and quarters (Zamalek in Cairo), towns
of countries GeoNames covers thinly, communes.  We add each one whose name has no place of
the index within SAME_PLACE_KM, as a village of unknown population at the package's point,
in the first-level region of the nearest place of the same country (within REGION_KM).
Ukraine is left to the KATOTTG codifier.
"""

from __future__ import annotations

import json
import math
from importlib import resources
from typing import Any

from dateline.resolve.gazetteer.keys import fold_key

#: A package city this close to an index place of the same name is that place (km).
SAME_PLACE_KM = 25.0
#: A new place takes the region of the nearest index settlement of its country within this distance (km).
REGION_KM = 50.0
#: Countries another source covers completely.
SKIP_CC = frozenset({"UA"})
_CELL = 0.5  # grid cell (degrees) for the nearest-settlement search


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(min(1.0, math.sqrt(h)))


def package_cities() -> list[tuple[str, str, float, float]]:
    """Return (country code, name, lat, lon) of every package city with a point, in file order."""
    base = resources.files("countrystatecity_countries").joinpath("data", "by-country")
    out = []
    for d in sorted(base.iterdir(), key=lambda d: d.name):
        states = d.joinpath("states")
        if d.name in SKIP_CC or not states.is_dir():
            continue
        for s in sorted(states.iterdir(), key=lambda s: s.name):
            f = s.joinpath("cities.json")
            if not f.is_file():
                continue
            for c in json.loads(f.read_text(encoding="utf-8")):
                if c.get("latitude") in (None, "") or c.get("longitude") in (None, "") or not c.get("name"):
                    continue
                out.append((d.name, c["name"], round(float(c["latitude"]), 5), round(float(c["longitude"]), 5)))
    return out


def _indexes(b: Any) -> tuple[dict[str, list[tuple[float, float]]], dict[tuple[str, int, int], list[int]]]:
    """Return folded name -> points of the index, and (cc, cell) -> settlement ids."""
    names: dict[str, list[tuple[float, float]]] = {}
    cells: dict[tuple[str, int, int], list[int]] = {}
    for pid, p in enumerate(b.places):
        pt = (p["lat"], p["lon"])
        for n in {p["name"], *b.aliases[pid]}:
            names.setdefault(fold_key(n), []).append(pt)
        if p.get("feature") in ("city", "village") and p.get("cc") and p.get("a1"):
            cells.setdefault((p["cc"], int(p["lat"] // _CELL), int(p["lon"] // _CELL)), []).append(pid)
    return names, cells


def _region(b: Any, cells: dict, cc: str, pt: tuple[float, float]) -> dict[str, Any]:
    """Return the a1/admin1/admin2 of the nearest settlement of country ``cc`` within REGION_KM, else {}."""
    ci, cj = int(pt[0] // _CELL), int(pt[1] // _CELL)
    best, best_d = None, REGION_KM
    for di in (-1, 0, 1):
        for dj in (-1, 0, 1):
            for pid in cells.get((cc, ci + di, cj + dj), ()):
                d = _km(pt, (b.places[pid]["lat"], b.places[pid]["lon"]))
                if d < best_d:
                    best, best_d = pid, d
    if best is None:
        return {}
    p = b.places[best]
    return {"a1": p.get("a1"), "admin1": p.get("admin1"), "admin2": p.get("admin2")}


def add_csc_cities(b: Any) -> int:
    """Add the package's cities that no same-named index place lies near; return how many were added."""
    names, cells = _indexes(b)
    added = 0
    for cc, name, lat, lon in package_cities():
        key = fold_key(name)
        if not key or any(_km((lat, lon), pt) < SAME_PLACE_KM for pt in names.get(key, ())):
            continue
        region = _region(b, cells, cc, (lat, lon))
        b.add([(name, 0)], gid=None, katottg=None, name=name, feature="village", cc=cc, a1=region.get("a1"),
              admin1=region.get("admin1"), admin2=region.get("admin2"), lat=lat, lon=lon, pop=0, precision=1)
        names.setdefault(key, []).append((lat, lon))
        added += 1
    return added
