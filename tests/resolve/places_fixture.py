"""A small gazetteer for tests, written by the same code as the real one (store.write_index)."""

from __future__ import annotations

from pathlib import Path

from dateline.resolve.gazetteer import Gazetteer
from dateline.resolve.gazetteer.store import SCHEMA_VERSION, write_index

# (names with quality, row): coordinates are the public GeoNames points of these places.
ROWS = [
    ([("Ukraine", 0)], dict(gid=690791, name="Ukraine", feature="country", cc="UA", a1="UA.", lat=49.0, lon=32.0, pop=44_000_000, precision=3)),
    ([("Ukraine", 0)], dict(gid=1, name="Ukraine", feature="village", cc="ES", a1="ES.51", lat=37.4, lon=-5.3, pop=300, precision=1)),
    ([("Russia", 0), ("Russian Federation", 1)], dict(gid=2017370, name="Russia", feature="country", cc="RU", a1="RU.", lat=60.0, lon=100.0, pop=144_000_000, precision=3)),
    ([("France", 0)], dict(gid=3017382, name="France", feature="country", cc="FR", a1="FR.", lat=46.0, lon=2.0, pop=67_000_000, precision=3)),
    ([("United States", 0), ("US", 1), ("America", 1)], dict(gid=6252001, name="United States", feature="country", cc="US", a1="US.", lat=39.76, lon=-98.5, pop=327_000_000, precision=3)),
    ([("Kyiv", 0), ("Kiev", 1), ("Київ", 1)], dict(gid=703448, katottg="UA80000000000093317", name="Kyiv", feature="city", cc="UA", a1="UA.12", lat=50.45466, lon=30.5238, pop=2_952_301, precision=1)),
    ([("Kharkiv", 0), ("Kharkov", 1)], dict(gid=706483, name="Kharkiv", feature="city", cc="UA", a1="UA.07", lat=49.98081, lon=36.25272, pop=1_430_885, precision=1)),
    ([("Kharkiv Oblast", 0), ("Kharkiv region", 1)], dict(katottg="UA63000000000041885", name="Kharkiv Oblast", feature="region", cc="UA", a1="UA.07", lat=49.98081, lon=36.25272, pop=0, precision=3)),
    ([("Kupiansk", 0), ("Kupyansk", 1)], dict(gid=703656, name="Kupiansk", feature="city", cc="UA", a1="UA.07", lat=49.71003, lon=37.61581, pop=27_169, precision=1)),
    ([("Bakhmut", 0), ("Artemivsk", 1)], dict(gid=713174, name="Bakhmut", feature="city", cc="UA", a1="UA.05", lat=48.59419, lon=37.99886, pop=80_500, precision=1)),
    ([("Sviatohirsk", 0), ("Svyatogorsk", 1)], dict(gid=692475, name="Sviatohirsk", feature="city", cc="UA", a1="UA.05", lat=49.03, lon=37.57, pop=4_300, precision=1)),
    # Two villages of one name: one without its own point (at its hromada centre, Bakhmut), one in Chernihiv oblast.
    ([("Yahidne", 0)], dict(katottg="UA14020010190061896", name="Yahidne", feature="village", cc="UA", a1="UA.05", lat=48.59419, lon=37.99886, pop=0, precision=2)),
    ([("Yahidne", 0)], dict(katottg="UA74100110170054293", name="Yahidne", feature="village", cc="UA", a1="UA.02", lat=51.50541, lon=31.28656, pop=0, precision=2)),
    ([("Paris", 0)], dict(gid=2988507, name="Paris", feature="city", cc="FR", a1="FR.11", lat=48.85341, lon=2.3488, pop=2_138_551, precision=1)),
    ([("Paris", 0)], dict(gid=4303602, name="Paris", feature="city", cc="US", a1="US.IL", lat=39.61115, lon=-87.69614, pop=8_837, precision=1)),
    ([("Illinois", 0)], dict(gid=4896861, name="Illinois", feature="region", cc="US", a1="US.IL", lat=40.0, lon=-89.0, pop=12_000_000, precision=3)),
    ([("Edgar County", 0)], dict(name="Edgar County", feature="district", cc="US", a1="US.IL", lat=39.68, lon=-87.75, pop=18_000, precision=2)),
    ([("Secretary", 0)], dict(gid=4364727, name="Secretary", feature="village", cc="US", a1="US.MD", lat=38.61, lon=-75.95, pop=535, precision=1)),
    ([("Texas", 0), ("Tex.", 1)], dict(gid=4736286, name="Texas", feature="region", cc="US", a1="US.TX", lat=31.25, lon=-99.25, pop=25_000_000, precision=3)),
    ([("Alabama", 0)], dict(gid=4829764, name="Alabama", feature="region", cc="US", a1="US.AL", lat=32.75, lon=-86.75, pop=4_800_000, precision=3)),
    ([("Huntsville", 0)], dict(gid=4068590, name="Huntsville", feature="city", cc="US", a1="US.AL", lat=34.7304, lon=-86.58594, pop=180_105, precision=1)),
    ([("Huntsville", 0)], dict(gid=4696202, name="Huntsville", feature="city", cc="US", a1="US.TX", lat=30.72353, lon=-95.55078, pop=38_548, precision=1)),
    ([("Alexandria", 0)], dict(gid=361058, name="Alexandria", feature="city", cc="EG", a1="EG.06", lat=31.20176, lon=29.91582, pop=3_811_516, precision=1)),
    ([("Alexandria", 0), ("Alexandria Governorate", 1)], dict(gid=361059, name="Alexandria", feature="region", cc="EG", a1="EG.06", lat=30.9, lon=29.7, pop=4_100_000, precision=3)),
    ([("Ontario", 0)], dict(gid=6093943, name="Ontario", feature="region", cc="CA", a1="CA.08", lat=49.25, lon=-84.5, pop=12_000_000, precision=3)),
    ([("Paris", 0)], dict(gid=4655524, name="Paris", feature="city", cc="US", a1="US.TN", lat=36.302, lon=-88.3267, pop=10_156, precision=1)),
    ([("Henry County", 0)], dict(name="Henry County", feature="district", cc="US", a1="US.TN", lat=36.33, lon=-88.32, pop=30_000, precision=2)),
    ([("Henry County", 0)], dict(name="Henry County", feature="district", cc="US", a1="US.IL", lat=41.30, lon=-90.22, pop=50_000, precision=2)),
    ([("Orlov", 0)], dict(gid=515012, name="Orlov", feature="city", cc="RU", a1="RU.33", lat=58.54, lon=48.89, pop=30_000, precision=1)),
]


def build_fixture(path: Path, rows=ROWS, schema: str = SCHEMA_VERSION, meta: dict | None = None) -> Path:
    places = [r for _, r in rows]
    aliases = {i: dict(n) for i, (n, _) in enumerate(rows)}
    write_index(path, places, aliases, {"schema": schema, "version": f"{schema}-fixture", **(meta or {})})
    return path


