"""Add English press spellings of Arabic and Persian place names, curated exonyms and facilities.

Three steps of the gazetteer build:

* :func:`add_press_variants` — by method, for towns of countries whose names reach English press through
  Arabic or Persian romanisation: the article dropped or written "al-" ("Ar Raqqah" -> "Raqqah", "al-Raqqah"),
  the feminine ending written -a/-ah/-eh ("Raqqa"), common word spellings ("Dayr" -> "Deir", "Bayt" -> "Beit",
  "Shaykh" -> "Sheikh") and the Persian ezafe written -e-/-i- or dropped.  Apostrophes and doubled letters are
  already blind in the matching keys (``fold_key``).  Variants are weak aliases (q 2).
* :func:`add_exonyms` — ``gazetteer_sources/exonyms.tsv``: English names the method cannot reach
  ("Hodeidah" for Al Hudaydah), as alternate names (q 1) of their GeoNames place.
* :func:`add_facilities` — ``gazetteer_sources/facilities.tsv``: airports, air bases, nuclear plants, dams
  (feature ``facility``) and city quarters (feature ``quarter``), each inside the city given by its GeoNames id.
  A facility is indexed only under names that hold its kind word ("Boryspil International Airport",
  "Boryspil Airport"), never under its bare place name, so the town of that name keeps its own name.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from dateline.resolve.gazetteer.keys import fold_key, plain_key

SOURCES = Path(__file__).resolve().parent / "gazetteer_sources"
EXONYMS_TSV = SOURCES / "exonyms.tsv"
FACILITIES_TSV = SOURCES / "facilities.tsv"
#: Countries whose place names reach English press through Arabic romanisation.
ARABIC_CC = frozenset({"YE", "SY", "IQ", "LB", "PS", "SA", "LY", "SD", "JO", "EG", "KW", "AE", "OM", "QA", "BH",
                       "TN", "DZ", "MA", "MR", "TD"})
#: Countries whose place names reach English press through Persian romanisation (ezafe "-e-"/"-i-").
PERSIAN_CC = frozenset({"IR", "AF", "TJ"})
#: Towns below this population get no press variants: a variant of a hamlet's name mostly adds a namesake to
#: other names.  Set by judgement (war reporting names towns; the smallest it names are in exonyms.tsv).
VARIANT_MIN_POP = 5000
#: A variant whose matching key has fewer letters is not added ("Bab" of "Al Bab" is a word, not a town).
VARIANT_MIN_LETTERS = 4
#: Most variants kept per name (the product of article, word and ending choices).
MAX_VARIANTS = 24
_ARTICLES = frozenset({"al", "el", "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az", "ed", "en", "er", "es", "et",
                       "ez", "ul"})
_WORDS = {"dayr": ("deir",), "bayt": ("beit",), "shaykh": ("sheikh",), "tall": ("tell", "tal", "tel"),
          "jabal": ("jebel",), "ayn": ("ain",), "ras": ("ras",), "umm": ("um",), "bani": ("beni",), "abu": ("abou",)}
_EZAFE = frozenset({"e", "i", "ye", "yi"})
Q_VARIANT = 2
Q_EXONYM = 1
#: The English-Wikipedia title of exonyms.tsv is the place's own name (q 0): a namesake whose name only folds onto it
#: ("Gama" for "Hama") must not shadow it as an alias.
Q_TITLE = 0
FEATURES = frozenset({"facility", "quarter"})


def _endings(word: str) -> list[str]:
    """Return the last word with its feminine ending as -ah, -a and -eh ("raqqah" -> "raqqa", "raqqeh")."""
    for end in ("ah", "eh"):
        if word.endswith(end) and len(word) > 4:
            stem = word[: -len(end)]
            return [word, stem + "a", stem + ("eh" if end == "ah" else "ah")]
    if word.endswith("a") and len(word) > 3:
        return [word, word + "h"]
    return [word]


def _word_choices(word: str, i: int, n: int, persian: bool) -> list[str]:
    if word in _ARTICLES:
        return ["", "al", "el"] if i == 0 else list(dict.fromkeys(["al", "el", word]))
    if persian and word in _EZAFE and 0 < i < n - 1:
        return [word, "e", "i", ""]
    alts = [word, *_WORDS.get(word, ())]
    return [e for a in alts for e in _endings(a)] if i == n - 1 else alts


def press_variants(name: str, *, persian: bool = False) -> list[str]:
    """Return English press spellings of an Arabic (or Persian) place name, the name's own key excluded.

    Args:
        name: a GeoNames name or alternate name ("Ar Raqqah", "Mazār-e Sharīf").
        persian: also vary the ezafe ("-e-", "-i-", none).
    Returns:
        Plain spellings ("raqqah", "al raqqa" ...) whose matching keys differ from the name's and have at
        least VARIANT_MIN_LETTERS letters; at most MAX_VARIANTS.
    """
    words = plain_key(name).split()
    if not words or len(words) > 5:
        return []
    choices = [_word_choices(w, i, len(words), persian) for i, w in enumerate(words)]
    own = fold_key(name)
    out: dict[str, str] = {}
    for combo in itertools.product(*choices):
        v = " ".join(w for w in combo if w)
        k = fold_key(v)
        if k and k != own and len(k.replace(" ", "")) >= VARIANT_MIN_LETTERS:
            out.setdefault(k, v)
        if len(out) >= MAX_VARIANTS:
            break
    return list(out.values())


def add_press_variants(b: Any) -> int:
    """Add press variants of the names of Arabic- and Persian-named towns; return how many aliases were added."""
    n = 0
    for pid, p in enumerate(b.places):
        cc = p.get("cc")
        if p.get("feature") not in ("city", "village") or (p.get("pop") or 0) < VARIANT_MIN_POP:
            continue
        if cc not in ARABIC_CC and cc not in PERSIAN_CC:
            continue
        names = [s for s, q in b.aliases[pid].items() if q <= 1]
        new = {v for s in names for v in press_variants(s, persian=cc in PERSIAN_CC)}
        before = len(b.aliases[pid])
        b.alias(pid, [(v, Q_VARIANT) for v in sorted(new)])
        n += len(b.aliases[pid]) - before
    return n


def _rows(path: Path, ncols: int) -> list[tuple[int, list[str]]]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            cols = line.split("\t")
            if len(cols) != ncols:
                raise ValueError(f"{path}:{n}: expected {ncols} tab-separated columns, got {len(cols)}")
            out.append((n, cols))
    return out


def gid_index(b: Any) -> dict[int, int]:
    """Return GeoNames id -> place id of the builder's GeoNames places."""
    return {p["gid"]: pid for pid, p in enumerate(b.places) if p.get("gid") is not None and p.get("feature") in ("city", "village")}


def add_exonyms(b: Any, path: Path = EXONYMS_TSV) -> int:
    """Add the curated English names of exonyms.tsv to their GeoNames places; return how many names were added.

    Raises:
        ValueError: a malformed line, or a GeoNames id the build does not hold.
    """
    by_gid = gid_index(b)
    n = 0
    for line, (gid, names, _note) in _rows(path, 3):
        pid = by_gid.get(int(gid))
        if pid is None:
            raise ValueError(f"{path}:{line}: GeoNames id {gid} is not a populated place of the gazetteer")
        listed = [x for x in names.split(";") if x]
        if plain_key(b.places[pid]["name"]) != plain_key(listed[0]):
            b.alias(pid, [(b.places[pid]["name"], Q_EXONYM)])  # the GeoNames name stays a full alternate
            b.places[pid]["name"] = listed[0]  # the English title names the place in output
        b.alias(pid, [(listed[0], Q_TITLE)] + [(x, Q_EXONYM) for x in listed[1:]])
        n += len(listed)
    return n


def read_facilities(path: Path = FACILITIES_TSV) -> list[dict[str, Any]]:
    """Return the rows of facilities.tsv; raise ValueError naming a malformed line."""
    rows = []
    for line, (name, alts, lat, lon, feature, cc, city, _note) in _rows(path, 8):
        if feature not in FEATURES:
            raise ValueError(f"{path}:{line}: feature must be one of {sorted(FEATURES)}, not {feature!r}")
        rows.append({"name": name, "alts": [a for a in alts.split(";") if a], "lat": float(lat), "lon": float(lon),
                     "feature": feature, "cc": cc, "city": city, "line": line})
    return rows


def _town_by_name(b: Any) -> dict[tuple[str, str], int]:
    """Return (country code, folded own name) -> the largest town of that name."""
    out: dict[tuple[str, str], int] = {}
    for pid, p in enumerate(b.places):
        if p.get("feature") in ("city", "village"):
            k = (p.get("cc"), fold_key(p["name"]))
            if k not in out or (b.places[out[k]].get("pop") or 0) < (p.get("pop") or 0):
                out[k] = pid
    return out


def add_facilities(b: Any, path: Path = FACILITIES_TSV) -> int:
    """Add the curated facilities and city quarters, each in the admin units of its city; return how many.

    Raises:
        ValueError: a malformed line, or a city (GeoNames id or ``CC:name``) the build does not hold.
    """
    by_gid, by_name = gid_index(b), _town_by_name(b)
    rows = read_facilities(path)
    for r in rows:
        ref = r["city"]
        pid = by_gid.get(int(ref)) if ref.isdigit() else by_name.get((ref[:2], fold_key(ref[3:])))
        if pid is None:
            raise ValueError(f"{path}:{r['line']}: city {ref!r} is not a populated place of the gazetteer")
        city = b.places[pid]
        b.add([(r["name"], 0)] + [(a, 1) for a in r["alts"]], gid=None, katottg=None, name=r["name"], feature=r["feature"],
              cc=r["cc"], a1=city.get("a1"), admin1=city.get("admin1"), admin2=city["name"], lat=r["lat"], lon=r["lon"],
              pop=0, precision=1)
    return len(rows)
