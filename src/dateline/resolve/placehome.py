"""Where a source is at home: the local lexicon of an outlet, learned from its own other articles.

A local paper's "Alexandria", "Dublin" or "Paris" is the town down the road, and its stories seldom say which
state they are in.  Lieberman, Samet and Sankaranarayanan (ICDE 2010) call what a reader of that paper knows
its *local lexicon*.  ``source_home`` recovers a usable part of it without any gold data: it takes the places
the pipeline resolved with confidence in the outlet's other articles and finds the point most of those articles
sit near.  That point (with its region and country) is a ``Home``, which ``placerank`` uses as a weak prior,
below anything the text itself says.  ``home_from_name`` makes one from a place name a user gives
(``dateline read --home "Alexandria, Louisiana"``).

Nothing of the article being read is used for its own home: the caller passes the *other* articles (when the
caller reads them again with their own homes, as ``eval geoparse --source-home`` does in its second pass, those homes
were learned from a set that held this article's first reading: its text, never its annotation).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from dateline.errors import InputError
from dateline.model import Entity
from dateline.resolve.gazetteer import Gazetteer, PlaceRecord
from dateline.resolve.placefocus import Home, km

#: Features whose point says where a story is (a county is one, a state or a country is not).
LOCAL_FEATURES = frozenset({"city", "village", "district", "facility"})
#: A place counts for the home only at this confidence or more.
MIN_CONFIDENCE = 0.5
#: Two places this close support each other.
SUPPORT_KM = 150.0
#: The home must be supported by at least this many of the other articles, and this share of those with places.
MIN_ARTICLES = 2
MIN_SHARE = 0.3
#: Only the last this many articles given are read: the search is quadratic in their places.
MAX_ARTICLES = 200


def _points(entities: Iterable[Entity]) -> list[tuple[float, float, str | None, str]]:
    seen, out = set(), []
    for e in entities:
        if (e.kind == "place" and e.status == "resolved" and e.feature in LOCAL_FEATURES and e.lat is not None
                and e.lon is not None and e.confidence >= MIN_CONFIDENCE):
            key = (round(e.lat, 3), round(e.lon, 3))
            if key not in seen:
                seen.add(key)
                out.append((e.lat, e.lon, e.country_code, e.name))
    return out


def source_home(articles: Sequence[Iterable[Entity]], gazetteer: Gazetteer | None = None) -> Home | None:
    """Return where the source of these articles is at home, or None when they do not agree on a place.

    Args:
        articles: each article's entities (as ``Result.entities``), the article to be read left out.
        gazetteer: to give the home its first-level region (the home place's own record); without it the home
            has a point and a country only.

    Each article weighs one, shared among its distinct local places.  The home is the place point that the most
    articles have a place within SUPPORT_KM of; its weight is the share of the articles with places that do.
    """
    per = [p for p in (_points(a) for a in list(articles)[-MAX_ARTICLES:]) if p]
    if len(per) < MIN_ARTICLES:
        return None
    best, best_support, best_n = None, 0.0, 0
    for pts in per:
        for lat, lon, cc, name in pts:
            n = sum(1 for other in per if any(km((lat, lon), (q[0], q[1])) <= SUPPORT_KM for q in other))
            support = sum(sum(1 for q in other if km((lat, lon), (q[0], q[1])) <= SUPPORT_KM) / len(other)
                          for other in per)
            if (n, support) > (best_n, best_support):
                best, best_support, best_n = (lat, lon, cc, name), support, n
    share = best_n / len(per)
    if best is None or best_n < MIN_ARTICLES or share < MIN_SHARE:
        return None
    lat, lon, cc, name = best
    return Home(lat, lon, cc, _region_of(name, lat, lon, gazetteer), round(share, 3), name)


def _region_of(name: str, lat: float, lon: float, gazetteer: Gazetteer | None) -> str | None:
    """Return the region key ("US.LA") of the gazetteer record of this name at this point (within 2 km)."""
    for h in gazetteer.lookup(name, fuzzy=False) if gazetteer is not None else ():
        if h.place.a1 and km((lat, lon), (h.place.lat, h.place.lon)) <= 2.0:
            return h.place.a1
    return None


def _from_record(p: PlaceRecord) -> Home:
    return Home(p.lat, p.lon, p.cc, p.a1, 1.0, p.name)


def home_from_name(name: str, gazetteer: Gazetteer, *, option: str = "--home") -> Home:
    """Return the home a user names: "Alexandria, Louisiana", "Kharkiv", or "lat,lon".

    Args:
        option: how the caller's user gave it, for the error message ("--home", or the API field "'home'").

    Raises:
        InputError: the name is no place the gazetteer knows.
    """
    text = name.strip()
    if m := re.fullmatch(r"(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)", text):
        lat, lon = float(m.group(1)), float(m.group(2))
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise InputError(f"{option} {name!r}: latitude must be within ±90 and longitude within ±180")
        return Home(lat, lon, None, None, 1.0, text)
    head, _, qual = text.partition(",")
    hits = [h for h in gazetteer.lookup(head.strip(), fuzzy=False) if not h.place.feature == "continent"]
    if qual.strip():
        quals = {q.place.a1 or q.place.cc for q in gazetteer.lookup(qual.strip(), fuzzy=False)
                 if q.place.feature in ("region", "country")}
        quals |= {q.place.cc for q in gazetteer.lookup(qual.strip(), fuzzy=False) if q.place.feature == "country"}
        hits = [h for h in hits if h.place.a1 in quals or h.place.cc in quals]
    if not hits:
        raise InputError(f"{option} {name!r} is no place the gazetteer knows; give a town (\"Alexandria, Louisiana\") "
                         "or a point (\"31.31,-92.45\")")
    best = max(hits, key=lambda h: (h.how == "exact", h.place.feature in LOCAL_FEATURES, h.place.pop))
    return _from_record(best.place)


def source_key(url_or_domain: str | None) -> str | None:
    """Return the outlet key of a URL or domain ("https://www.example.com/a/b" -> "example.com")."""
    if not url_or_domain:
        return None
    s = url_or_domain.strip().lower()
    host = urlsplit(s if "//" in s else "//" + s).hostname or ""
    host = host.removeprefix("www.")
    return host or None
