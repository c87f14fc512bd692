"""The on-disk form of the gazetteer: one SQLite file, written once, read lazily.

Tables::

    meta(k, v)                       manifest values (schema, version, sources)
    place(id, gid, katottg, name, feature, cc, a1, admin1, admin2, lat, lon, pop, precision)
    alias(key, place, q)             fold_key -> place; q 0 = official name, 1 = alternate
    skel(sk, key)                    skeleton_key -> fold_key, for fuzzy blocking

The writer is shared by ``scripts/build_gazetteer.py`` and the test fixtures, so a
fixture gazetteer is built by the same code as the real one.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from dateline.resolve.gazetteer.keys import fold_key, skeleton_key

SCHEMA_VERSION = "gaz3"

PLACE_COLS = ("gid", "katottg", "name", "feature", "cc", "a1", "admin1", "admin2", "lat", "lon", "pop", "precision")


def write_index(
    out: Path,
    places: Sequence[Mapping[str, Any]],
    aliases: Mapping[int, Mapping[str, int]],
    manifest: Mapping[str, Any],
) -> None:
    """Write places and their alias names (raw strings -> quality) to a new SQLite file.

    Args:
        out: target path (replaced atomically).
        places: place dicts with the keys of ``PLACE_COLS``; the list index is the id.
        aliases: place id -> {name string: quality (0 official, 1 alternate)}.
        manifest: values stored in ``meta`` (``schema`` must be ``SCHEMA_VERSION``).
    """
    tmp = out.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(tmp)
    con.executescript(
        "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
        "CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT);"
        "CREATE TABLE place(id INTEGER PRIMARY KEY, gid INTEGER, katottg TEXT, name TEXT, feature TEXT,"
        " cc TEXT, a1 TEXT, admin1 TEXT, admin2 TEXT, lat REAL, lon REAL, pop INTEGER, precision INTEGER);"
        "CREATE TABLE alias(key TEXT, place INTEGER, q INTEGER, PRIMARY KEY(key, place)) WITHOUT ROWID;"
        "CREATE TABLE skel(sk TEXT, key TEXT, PRIMARY KEY(sk, key)) WITHOUT ROWID;"
    )
    con.executemany(
        f"INSERT INTO place VALUES (?, {', '.join('?' * len(PLACE_COLS))})",
        ((i, *(p.get(c) for c in PLACE_COLS)) for i, p in enumerate(places)),
    )
    rows: dict[tuple[str, int], int] = {}
    for pid in sorted(aliases):
        for raw, q in aliases[pid].items():
            k = fold_key(raw)
            if k and rows.get((k, pid), 9) > q:
                rows[(k, pid)] = q
    con.executemany("INSERT INTO alias VALUES (?, ?, ?)", ((k, p, q) for (k, p), q in sorted(rows.items())))
    skels = sorted({(skeleton_key(k), k) for k, _ in rows if len(k) >= 4})
    con.executemany("INSERT INTO skel VALUES (?, ?)", skels)
    countries = {p["cc"]: i for i, p in enumerate(places) if p.get("feature") == "country"}
    country_keys = sorted({(k, places[p]["cc"]) for (k, p) in rows if places[p].get("feature") == "country"})
    meta = {**manifest, "countries": countries, "country_keys": country_keys}
    con.executemany("INSERT INTO meta VALUES (?, ?)", ((k, json.dumps(v)) for k, v in sorted(meta.items())))
    con.commit()
    con.execute("VACUUM")
    con.close()
    tmp.replace(out)
