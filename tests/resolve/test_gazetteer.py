"""Gazetteer: matching keys, candidate generation, bad files."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from dateline.errors import ResourceMissing
from dateline.resolve.gazetteer import Gazetteer, doctor_checks, load_gazetteer
from dateline.resolve.gazetteer.keys import fold_key, plain_key, skeleton_key, vowel_class

from .places_fixture import build_fixture

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "a, b",
    [
        ("Kupyansk", "Kupiansk"),
        ("Kup'yans'k", "Kupiansk"),
        ("Swjatohirsk", "Sviatohirsk"),
        ("Svyatohirs'k", "Sviatohirsk"),
        ("Bakhmutt", "Bakhmut"),
        ("Izyum", "Izium"),
        ("Balakliya", "Balakliia"),
        ("Zaporizhzhya", "Zaporizhzhia"),
        ("Kharkov", "Charkow".replace("Ch", "Kh")),
        ("St. Louis", "Saint Louis"),
        ("Київ", "Kyiv"),
    ],
)
def test_fold_key_merges_romanisations(a, b):
    assert fold_key(a) == fold_key(b)


@pytest.mark.parametrize("a, b", [("Kharkiv", "Kherson"), ("Izium", "Izmail"), ("Paris", "Perth")])
def test_fold_key_keeps_different_names_apart(a, b):
    assert fold_key(a) != fold_key(b)


def test_plain_key_strips_diacritics_and_apostrophes():
    assert plain_key("Куп’янськ") == plain_key("Kup'iansk") or plain_key("São Tomé") == "sao tome"
    assert plain_key("São Tomé") == "sao tome"


def test_skeleton_blocks_voicing_garbles():
    assert skeleton_key("Bagmut") == skeleton_key("Bakhmut") == skeleton_key("Bahkmut")
    assert skeleton_key("Kubyansk") == skeleton_key("Kupiansk")
    assert vowel_class("izuum") == vowel_class("izam")


def test_exact_and_alternate_names(gaz):
    assert {h.place.name for h in gaz.lookup("Kiev")} == {"Kyiv"}
    assert gaz.lookup("Kiev")[0].how == "alias"
    assert gaz.lookup("Artemivsk")[0].place.name == "Bakhmut"  # pre-2016 name


@pytest.mark.parametrize("garble, town", [("Bahkmut", "Bakhmut"), ("Bagmut", "Bakhmut"), ("Kubyansk", "Kupiansk"),
                                          ("Swjatohirsk", "Sviatohirsk"), ("Charkiv", "Kharkiv")])
def test_fuzzy_finds_garbled_towns(gaz, garble, town):
    hits = gaz.lookup(garble)
    assert hits and hits[0].place.name == town


def test_fuzzy_hits_are_marked_and_scored_below_exact(gaz):
    hit = gaz.lookup("Bahkmut")[0]
    assert hit.how == "fuzzy" and hit.match < 1.0
    assert gaz.lookup("Bahkmut", fuzzy=False) == ()


def test_fuzzy_does_not_force_a_match(gaz):
    assert gaz.lookup("Blinken") == ()
    assert gaz.lookup("Tokyo") == ()


def test_missing_gazetteer_is_resource_missing(tmp_path):
    with pytest.raises(ResourceMissing, match="missing.*build_data"):
        load_gazetteer(tmp_path / "nope.sqlite")
    ok, label, detail = doctor_checks(tmp_path / "nope.sqlite")[0]
    assert not ok and label == "gazetteer" and "missing" in detail


def test_corrupt_gazetteer_is_resource_missing(tmp_path):
    bad = tmp_path / "gazetteer.sqlite"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(ResourceMissing, match="corrupt") as exc:
        Gazetteer(bad)
    assert "\n" not in str(exc.value)
    assert not doctor_checks(bad)[0][0]


def test_old_schema_is_resource_missing(tmp_path):
    path = build_fixture(tmp_path / "old.sqlite", schema="gaz0")
    with pytest.raises(ResourceMissing, match="schema"):
        Gazetteer(path)


def test_doctor_reports_version_and_checksum(tmp_path):
    path = build_fixture(tmp_path / "gazetteer.sqlite")
    ok, _, detail = doctor_checks(path)[0]
    assert ok and "fixture" in detail and "sha256" in detail


def test_village_without_point_takes_hromada_centre():
    """KATOTTG builder: a village with no GeoNames point sits at its hromada centre, precision 2."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import gazetteer_katottg as gk
    from gazetteer_sources import Builder

    b = Builder()
    town = b.add([("Bakhmut", 0), ("Бахмут", 1)], gid=713174, name="Bakhmut", feature="city", cc="UA", a1="UA.05",
                 lat=48.59419, lon=37.99886, pop=80500, precision=1)
    o, p, h = "UA14000000000091971", "UA14020000000013572", "UA14020010000088496"
    rows = [
        {"code": o, "o": o, "p": None, "h": None, "cat": "O", "cyr": "Донецька"},
        {"code": p, "o": o, "p": p, "h": None, "cat": "P", "cyr": "Бахмутський"},
        {"code": h, "o": o, "p": p, "h": h, "cat": "H", "cyr": "Бахмутська"},
        {"code": "UA14020010010059145", "o": o, "p": p, "h": h, "cat": "M", "cyr": "Бахмут"},
        {"code": "UA14020010190061896", "o": o, "p": p, "h": h, "cat": "X", "cyr": "Ягідне"},
    ]
    orig = gk.read_codifier
    gk.read_codifier = lambda: rows
    try:
        gk.add_katottg(b, {"UA": [town]})
    finally:
        gk.read_codifier = orig
    village = next(r for r in b.places if r.get("katottg") == "UA14020010190061896")
    assert village["name"] == "Yahidne" and village["precision"] == 2
    assert (village["lat"], village["lon"]) == (48.59419, 37.99886)
    assert b.places[town]["katottg"] == "UA14020010010059145" and b.places[town]["precision"] == 1
    raion = next(r for r in b.places if r.get("katottg") == p)
    assert raion["name"] == "Bakhmut Raion" and raion["feature"] == "district"


def test_a_press_abbreviation_with_its_stop_names_its_state_only(tmp_path):
    from dateline.resolve.gazetteer import Gazetteer

    from .places_fixture import ROWS, build_fixture

    rows = [*ROWS, ([("Tex", 0)], dict(name="Tex", feature="village", cc="IN", a1="IN.01", lat=20.0, lon=80.0, pop=900, precision=1))]
    gaz = Gazetteer(build_fixture(tmp_path / "abbr.sqlite", rows))
    assert [(h.place.name, h.place.feature) for h in gaz.lookup("Tex.", fuzzy=False)] == [("Texas", "region")]
    assert "Tex" in [h.place.name for h in gaz.lookup("Tex", fuzzy=False)]  # no stop: an ordinary name


def test_derived_tables_are_built_once_per_gazetteer(tmp_path):
    calls = []

    def build(g):
        calls.append(g)
        return {"n": len(calls)}

    a = Gazetteer(build_fixture(tmp_path / "a.sqlite"))
    b = Gazetteer(build_fixture(tmp_path / "b.sqlite"))
    assert a.derived(build) is a.derived(build) and a.derived(build) == {"n": 1}
    assert b.derived(build) == {"n": 2}  # another gazetteer gets its own table
    assert calls == [a, b]


def test_fuzzy_lookup_finds_a_name_with_two_consonants_swapped(gaz):
    # "Kupiasnk": its consonant skeleton differs from Kupiansk's, so only the swap variants reach it
    assert "Kupiansk" in [h.place.name for h in gaz.lookup("Kupiasnk", fuzzy=True)]


def _katottg_build(rows, towns):
    """Run the KATOTTG builder over ``rows`` with GeoNames ``towns`` (name, cyr, lat, lon, pop); return the builder."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import gazetteer_katottg as gk
    from gazetteer_sources import Builder

    b = Builder()
    ids = [b.add([(n, 0), (c, 1)], gid=700000 + i, name=n, feature="city", cc="UA", a1="UA.05", lat=la, lon=lo, pop=pop,
                 precision=1) for i, (n, c, la, lo, pop) in enumerate(towns)]
    orig = gk.read_codifier
    gk.read_codifier = lambda: rows
    try:
        gk.add_katottg(b, {"UA": ids})
    finally:
        gk.read_codifier = orig
    return b


def _unit_rows(hromada: str, members: list[tuple[str, str]]) -> list[dict]:
    o, p, h = "UA14000000000091971", "UA14040000000010000", "UA14040010000020000"
    rows = [{"code": o, "o": o, "p": None, "h": None, "cat": "O", "cyr": "Донецька"},
            {"code": p, "o": o, "p": p, "h": None, "cat": "P", "cyr": "Волноваський"},
            {"code": h, "o": o, "p": p, "h": h, "cat": "H", "cyr": hromada}]
    return rows + [{"code": f"UA140400100{i:02d}0000000", "o": o, "p": p, "h": h, "cat": cat, "cyr": cyr}
                   for i, (cat, cyr) in enumerate(members, 1)]


def test_a_two_word_settlement_is_the_centre_of_the_hromada_its_joined_name_makes():
    """"Великоновосілківська" is the hromada of "Велика Новосілка": its villages sit there, not at the raion centre."""
    rows = _unit_rows("Великоновосілківська", [("X", "Велика Новосілка"), ("C", "Времівка"), ("M", "Волноваха")])
    b = _katottg_build(rows, [("Velyka Novosilka", "Велика Новосілка", 47.84, 36.84, 5200),
                              ("Volnovakha", "Волноваха", 47.60, 37.49, 21000)])
    village = next(r for r in b.places if r.get("katottg") == rows[4]["code"])
    assert (village["lat"], village["lon"], village["precision"]) == (47.84, 36.84, 2)


def test_a_short_name_whose_ending_the_adjective_changes_is_still_the_centre():
    rows = _unit_rows("Плодівська", [("X", "Плодове"), ("C", "Гірка"), ("M", "Волноваха")])
    b = _katottg_build(rows, [("Plodove", "Плодове", 47.70, 37.30, 1500), ("Volnovakha", "Волноваха", 47.60, 37.49, 21000)])
    village = next(r for r in b.places if r.get("katottg") == rows[4]["code"])
    assert (village["lat"], village["lon"]) == (47.70, 37.30)


def test_a_hromada_named_for_no_member_is_centred_on_its_most_populous_placed_settlement():
    rows = _unit_rows("Кіровська", [("X", "Дозорне"), ("X", "Задорне"), ("C", "Низівка")])
    b = _katottg_build(rows, [("Dozorne", "Дозорне", 45.10, 33.10, 900), ("Zadorne", "Задорне", 45.30, 33.40, 2400)])
    village = next(r for r in b.places if r.get("katottg") == rows[5]["code"])
    assert (village["lat"], village["lon"], village["precision"]) == (45.30, 33.40, 2)


def test_a_hromada_centre_far_from_its_raion_centre_is_a_namesake_and_its_villages_take_the_raion_centre():
    rows = _unit_rows("Плодівська", [("X", "Плодове"), ("C", "Гірка"), ("M", "Волноваха")])
    b = _katottg_build(rows, [("Plodove", "Плодове", 44.70, 33.80, 1500), ("Volnovakha", "Волноваха", 47.60, 37.49, 21000)])
    village = next(r for r in b.places if r.get("katottg") == rows[4]["code"])
    assert (village["lat"], village["lon"]) == (47.60, 37.49)
