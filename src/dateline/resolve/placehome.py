"""Where a source is at home: the local lexicon of an outlet, learned from its own other articles.

A local paper's "Alexandria", "Dublin" or "Paris" is the town down the road, and its stories seldom say which
state they are in.  Lieberman, Samet and Sankaranarayanan (ICDE 2010) call what a reader of that paper knows
its *local lexicon*.  ``source_home`` recovers a usable part of it without any gold data: it takes the places
the pipeline resolved with confidence in the outlet's other articles and finds the point most of those articles
sit near.  That point (with its region and country) is a ``Home``, which ``placerank`` uses as a weak prior,
below anything the text itself says.  Many outlets name their town in their web address ("springfieldnewssun.com",
"chronicle.augusta.com", "kyivindependent.com"): ``named_places`` reads those names, and a named place that enough of
the other articles sit near is the home before any other point (the name says which town, the articles say which
of the towns of that name).  ``home_from_name`` makes one from a place name a user gives
(``dateline read --home "Alexandria, Louisiana"``).  An outlet whose articles agree on no town but whose web
domain is national (".ru", ".co.uk") is at home in that country: a country-only home, a weaker prior.

Nothing of the article being read is used for its own home: the caller passes the *other* articles (when the
caller reads them again with their own homes, as ``eval geoparse --source-home`` does in its second pass, those homes
were learned from a set that held this article's first reading: its text, never its annotation).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
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
#: Words of newspaper names that may stand around a town in an outlet's domain ("columbus" + "local" + "news").
MASTHEAD_WORDS = frozenset("""
    the and of news times post star herald daily journal tribune gazette sun register record recorder press courier
    chronicle telegram telegraph leader mercury sentinel review citizen messenger dispatch item online today local weekly
    reporter report advocate monitor observer examiner enquirer inquirer bulletin beacon standard express mail
    independent guardian democrat republican free state city county evening morning sunday live voice info tv radio
    media web global insider banner argus eagle ledger statesman union globe courant signal clarion pioneer progress
    patriot gazeta zeitung kurier echo time new my your our area region metro week newspaper newspapers pravda vesti
    novosti
""".split())
#: Labels of a host that name no outlet ("co" of "co.uk", "www").
GENERIC_LABELS = frozenset({"com", "org", "net", "co", "ac", "gov", "edu", "info", "www", "int", "biz", "m"})
#: A place name read from a domain has at least this many letters ("kyiv"; never "la" of "latimes").
NAMED_MIN_LETTERS = 4


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


def source_home(articles: Sequence[Iterable[Entity]], gazetteer: Gazetteer | None = None,
                source: str | None = None) -> Home | None:
    """Return where the source of these articles is at home, or None when they do not agree on a place and its
    domain names no country.

    Args:
        articles: each article's entities (as ``Result.entities``), the article to be read left out.
        gazetteer: to give the home its first-level region (the home place's own record); without it the home
            has a point and a country only.
        source: the outlet's URL or domain; a place its name names (``named_places``) that at least MIN_ARTICLES
            and MIN_SHARE of the articles have a place near is the home (needs ``gazetteer``); when the articles
            agree on no place, a national domain (".ru", ".co.uk") gives a country-only home (``domain_home``).

    Each article weighs one, shared among its distinct local places.  The home is the place point that the most
    articles have a place within SUPPORT_KM of; its weight is the share of the articles with places that do.
    """
    per = [p for p in (_points(a) for a in list(articles)[-MAX_ARTICLES:]) if p]
    fallback = domain_home(source, gazetteer) if gazetteer is not None else None  # ".ru": at least the country
    if len(per) < MIN_ARTICLES:
        return fallback
    if gazetteer is not None and (key := source_key(source)) is not None:
        if (home := _named_home(per, named_places(key, gazetteer))) is not None:
            return home
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
        return fallback
    lat, lon, cc, name = best
    return Home(lat, lon, cc, _region_of(name, lat, lon, gazetteer), round(share, 3), name)


def _named_home(per: list[list[tuple[float, float, str | None, str]]],
                named: Iterable[PlaceRecord]) -> Home | None:
    """Return the named place the most articles sit near (then the most closely, then the most populous).

    Which of the towns of the name is meant is the question, so the articles' own readings of the name do not
    choose it; the home's weight, as ``source_home``'s, is the share of the articles with a place near it.
    """
    best: tuple[int, float, int, PlaceRecord] | None = None
    for p in named:
        near = [sum(1 for q in other if km((p.lat, p.lon), (q[0], q[1])) <= SUPPORT_KM and q[3] != p.name)
                for other in per]
        n = sum(1 for c in near if c)
        support = sum(c / len(other) for c, other in zip(near, per))
        if best is None or (n, support, p.pop) > best[:3]:
            best = (n, support, p.pop, p)
    if best is None or best[0] < MIN_ARTICLES or best[0] / len(per) < MIN_SHARE:
        return None
    p = best[3]
    n = sum(1 for other in per if any(km((p.lat, p.lon), (q[0], q[1])) <= SUPPORT_KM for q in other))
    return Home(p.lat, p.lon, p.cc, p.a1, round(n / len(per), 3), p.name)


def named_places(source: str, gazetteer: Gazetteer) -> tuple[PlaceRecord, ...]:
    """Return the towns, districts and regions an outlet's web address names, every place of each name.

    A label of the host ("springfieldnewssun", "chronicle.augusta", "the-kyiv-post") must read wholly as masthead
    words (``MASTHEAD_WORDS``) and place names of at least NAMED_MIN_LETTERS letters, written with or without their
    space ("lasvegassun"); a name inside a longer name read there is not read on its own ("kansas" of "kansascity").
    Only the gazetteer's own names count (no alternate spelling, no fuzzy match): a domain is no garble.

    >>> [p.name for p in named_places("https://www.columbuslocalnews.com/x", gazetteer)]  # doctest: +SKIP
    ['Columbus', 'Columbus', ...]
    """
    key = source_key(source)
    return _named_places(key, gazetteer) if key else ()


@lru_cache(maxsize=512)
def _named_places(key: str, gazetteer: Gazetteer) -> tuple[PlaceRecord, ...]:
    labels = [label for label in key.split(".")[:-1] if label not in GENERIC_LABELS]
    out: dict[int, PlaceRecord] = {}
    for label in labels:
        for seg in re.split(r"[\W\d_]+", label):
            for p in _read_label(seg, gazetteer):
                out.setdefault(p.id, p)
    return tuple(out.values())


def _read_label(seg: str, gazetteer: Gazetteer) -> list[PlaceRecord]:
    """Return the places of the longest place names in some reading of ``seg`` as masthead words and places."""
    n = len(seg)
    if n < NAMED_MIN_LETTERS:
        return []
    names: dict[tuple[int, int], list[PlaceRecord]] = {}
    for i in range(n):
        for j in range(i + NAMED_MIN_LETTERS, n + 1):
            if seg[i:j] not in MASTHEAD_WORDS and (places := _places_named(seg[i:j], gazetteer)):
                names[(i, j)] = places
    words = set(names) | {(i, j) for i in range(n) for j in range(i + 1, n + 1) if seg[i:j] in MASTHEAD_WORDS}
    ends = {n}  # positions from which the rest of the label reads
    for i in range(n - 1, -1, -1):
        if any((i, j) in words for j in ends):
            ends.add(i)
    starts, used = {0}, []
    for i in range(n):
        if i in starts:
            for j in range(i + 1, n + 1):
                if (i, j) in words and j in ends:
                    starts.add(j)
                    if (i, j) in names:
                        used.append((i, j))
    if 0 not in ends:
        return []
    longest = [w for w in used if not any(o != w and o[0] <= w[0] and w[1] <= o[1] for o in used)]
    return [p for w in longest for p in names[w]]


def _places_named(s: str, gazetteer: Gazetteer) -> list[PlaceRecord]:
    """Return the local places and regions whose own name is ``s``, written whole or with one space put back."""
    out = []
    for v in [s] + [s[:i] + " " + s[i:] for i in range(2, len(s) - 1)]:
        out.extend(h.place for h in gazetteer.lookup(v, fuzzy=False)
                   if h.how == "exact" and (h.place.feature in LOCAL_FEATURES or h.place.feature == "region"))
    return out


def _region_of(name: str, lat: float, lon: float, gazetteer: Gazetteer | None) -> str | None:
    """Return the region key ("US.LA") of the gazetteer record of this name at this point (within 2 km)."""
    for h in gazetteer.lookup(name, fuzzy=False) if gazetteer is not None else ():
        if h.place.a1 and km((lat, lon), (h.place.lat, h.place.lon)) <= 2.0:
            return h.place.a1
    return None


def _from_record(p: PlaceRecord) -> Home:
    return Home(p.lat, p.lon, p.cc, p.a1, 1.0, p.name, country_only=p.feature == "country")


#: Country-code top-level domains sold worldwide as words ("news.tv", "app.io", "radio.fm"): no country.
VANITY_TLDS = frozenset("""tv io co me fm ai ly am ws cc to gg la im ag sc gl nu tk ms vc fo mu cd""".split())
#: Weight of a home read from a national domain alone (an outlet may write for the world from its country).
TLD_WEIGHT = 0.5


def domain_home(source: str | None, gazetteer: Gazetteer) -> Home | None:
    """Return the country an outlet's national web domain names (".ru", ".co.uk", ".com.ge"), as a country-only home.

    Used when an outlet's articles do not agree on a town (``source_home``); None for a generic or vanity domain.
    """
    key = source_key(source)
    tld = key.rsplit(".", 1)[-1] if key and "." in key else ""
    if len(tld) != 2 or tld in VANITY_TLDS:
        return None
    rec = gazetteer.country("GB" if tld == "uk" else tld.upper())
    if rec is None:
        return None
    return Home(rec.lat, rec.lon, rec.cc, None, TLD_WEIGHT, rec.name, country_only=True)


def home_from_name(name: str, gazetteer: Gazetteer, *, option: str = "--home") -> Home:
    """Return the home a user names: "Alexandria, Louisiana", "Kharkiv", "lat,lon", or a country ("Ukraine": a
    country-only home).

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
        raise InputError(f"{option} {name!r} is no place the gazetteer knows; give a town (\"Alexandria, Louisiana\"), "
                         "a country or a point (\"31.31,-92.45\")")
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
