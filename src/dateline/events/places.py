"""Choose an event's place among the sentence's place entities, with ACLED geo precision.

ACLED geo precision: 1 = the named town itself, 2 = near or around a town (or a small
district), 3 = only a region (oblast, province) or larger is known.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

import pycountry

from dateline.model import Entity, Event

#: Two places closer than this (km) can be one happening's place ("Bakhmut" and a village beside it).
#: Set from the size of a town and its suburbs; not tuned on any corpus.
MERGE_KM = 30.0
_NEAR = re.compile(r"\b(near|outside|around|close to|on the outskirts of|outskirts of|suburbs? of|neighbou?ring)\s+"
                   r"(?:the\s+)?(?:(?:city|town|village|settlement)\s+of\s+)?$", re.I)
_REGION_AFTER = re.compile(r"^\s*(region|oblast|province|governorate|state)s?\b", re.I)
_DISTRICT_AFTER = re.compile(r"^\s*(district|raion|area)s?\b", re.I)
_BIG_FEATURES = {"country", "continent"}
_FEATURE_PRECISION = {"city": 1, "village": 1, "facility": 1, "district": 2, "region": 3, "country": 3}


@dataclass(frozen=True)
class Located:
    entity: Entity
    name: str
    precision: int
    start: int


def _is_country(e: Entity) -> bool:
    if e.feature:
        return e.feature in _BIG_FEATURES
    return e.name.lower() in _country_names()


@functools.lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    names = {"europe", "asia", "africa", "america", "middle east", "russia", "britain", "us", "usa", "uk"}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            if getattr(c, attr, None):
                names.add(getattr(c, attr).lower())
    return frozenset(names)


def _precision(text: str, e: Entity, start: int, end: int) -> int:
    before, after = text[max(0, start - 40) : start], text[end : end + 20]
    if _DISTRICT_AFTER.match(after):
        return 2
    if _REGION_AFTER.match(after):
        return 3
    if _NEAR.search(before):
        return 2
    if e.precision:
        return e.precision
    return _FEATURE_PRECISION.get(e.feature or "", 1)


def locate(text: str, entities: tuple[Entity, ...], start: int, end: int, pos: int) -> Located | None:
    """Return the place of the event whose sentence is [start, end) and trigger at ``pos``.

    Prefers towns over countries, then the mention nearest the trigger.
    """
    best: tuple[tuple[int, int, int], Located] | None = None
    for e in entities:
        if e.kind != "place":
            continue
        for m in e.mentions:
            if not start <= m.start < end:
                continue
            prec = _precision(text, e, m.start, m.end)
            key = (int(_is_country(e)), prec, abs(m.start - pos))
            if best is None or key < best[0]:
                best = (key, Located(e, e.name, 3 if _is_country(e) else prec, m.start))
    return best[1] if best else None


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def _norm(s: str | None) -> str:
    return re.sub(r"[^a-z]", "", (s or "").lower())


def compatible_places(a: Entity | None, b: Entity | None, ea: Event, eb: Event) -> bool:
    """Return True if two events' places can be one happening's place.

    Same entity; or close coordinates; or one is a region (precision 3) holding the other.
    """
    if ea.place_id == eb.place_id:
        return True
    if ea.lat is not None and eb.lat is not None and ea.lon is not None and eb.lon is not None:
        if km(ea.lat, ea.lon, eb.lat, eb.lon) <= MERGE_KM:
            return True
    for region, town, town_ent in ((ea, eb, b), (eb, ea, a)):
        if region.geo_precision == 3 and (town.geo_precision or 3) < 3 and town_ent is not None:
            if _norm(town_ent.admin1) and _norm(region.place_name)[:5] in _norm(town_ent.admin1):
                return True
    return False
