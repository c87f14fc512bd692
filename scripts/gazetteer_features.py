"""Add curated macro-regions and physical features to the gazetteer build.

The facts live in ``scripts/gazetteer_sources/features.tsv`` (name, alternate names,
point, feature class ``region``/``water``/``mountain``, country code or empty when the
feature spans several countries).  cities500 holds only populated places, so without
this table "Middle East", "Caucasus" or "Black Sea" can only match a same-named village.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

FEATURES_TSV = Path(__file__).resolve().parent / "gazetteer_sources" / "features.tsv"
FEATURE_CLASSES = frozenset({"region", "water", "mountain"})


def read_features(path: Path = FEATURES_TSV) -> list[dict[str, Any]]:
    """Return the rows of the feature table; raise ValueError naming the line of a malformed one."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 6 or cols[4] not in FEATURE_CLASSES:
            raise ValueError(f"{path}:{n}: expected 6 tab-separated columns with feature in {sorted(FEATURE_CLASSES)}")
        name, alts, lat, lon, feature, cc = cols
        rows.append({"name": name, "alts": [a for a in alts.split(";") if a], "lat": float(lat), "lon": float(lon),
                     "feature": feature, "cc": cc or None})
    return rows


def add_features(b: Any, path: Path = FEATURES_TSV) -> int:
    """Add the curated features to a gazetteer Builder; return how many were added."""
    rows = read_features(path)
    for r in rows:
        b.add([(r["name"], 0)] + [(a, 1) for a in r["alts"]], gid=None, katottg=None, name=r["name"], feature=r["feature"],
              cc=r["cc"], a1=None, admin1=None, admin2=None, lat=r["lat"], lon=r["lon"], pop=0, precision=3)
    return len(rows)
