"""Cities of countrystatecity-countries that cities500 lacks join the gazetteer build."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import gazetteer_csc_cities as csc  # noqa: E402
from gazetteer_sources import Builder  # noqa: E402


def _builder() -> Builder:
    b = Builder()
    b.add([("Cairo", 0), ("Al Qahirah", 1)], name="Cairo", feature="city", cc="EG", a1="EG.11", admin1="Cairo",
          lat=30.06, lon=31.25, pop=7_700_000, precision=1)
    b.add([("Luxor", 0)], name="Luxor", feature="city", cc="EG", a1="EG.28", admin1="Luxor", lat=25.69, lon=32.64,
          pop=420_000, precision=1)
    return b


def test_adds_only_places_the_index_lacks(monkeypatch):
    monkeypatch.setattr(csc, "package_cities", lambda: [
        ("EG", "Zamalek", 30.062, 31.22),   # a quarter of Cairo: new, in Cairo's region
        ("EG", "Al-Qahirah", 30.05, 31.24),  # Cairo again under an alias spelling: skipped
        ("EG", "Luxor", 30.1, 31.3),         # a namesake far from the index's Luxor: added
        ("EG", "Bir Tawil Camp", 21.9, 33.7),  # nowhere near an index settlement: no region
    ])
    b = _builder()
    assert csc.add_csc_cities(b) == 3
    new = {p["name"] + str(i): p for i, p in enumerate(b.places) if i >= 2}
    assert set(new) == {"Zamalek2", "Luxor3", "Bir Tawil Camp4"}
    assert new["Zamalek2"]["a1"] == "EG.11" and new["Zamalek2"]["feature"] == "village" and new["Zamalek2"]["pop"] == 0
    assert new["Luxor3"]["a1"] == "EG.11"
    assert new["Bir Tawil Camp4"]["a1"] is None
    assert b.aliases[2] == {"Zamalek": 0}


def test_a_name_added_once_is_not_added_twice_nearby(monkeypatch):
    monkeypatch.setattr(csc, "package_cities", lambda: [("EG", "Zamalek", 30.062, 31.22), ("EG", "Zamalek", 30.07, 31.221)])
    b = _builder()
    assert csc.add_csc_cities(b) == 1


def test_package_cities_are_read_from_the_installed_package():
    rows = csc.package_cities()
    assert len(rows) > 100_000  # the package ships ~152,000 cities
    assert all(len(cc) == 2 and -90 <= lat <= 90 and -180 <= lon <= 180 for cc, _, lat, lon in rows[:1000])
    assert not any(cc in csc.SKIP_CC for cc, _, _, _ in rows)
