"""English press spellings, curated exonyms, facilities and city quarters in the gazetteer build (session 8)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from dateline.resolve.gazetteer import Gazetteer
from dateline.resolve.gazetteer.keys import fold_key
from dateline.resolve.gazetteer.store import write_index
from dateline.resolve.places import geocode_spans

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import gazetteer_exonyms as gx  # noqa: E402
from gazetteer_sources import Builder  # noqa: E402


def test_press_variants_drop_the_article_and_vary_the_ending():
    keys = {fold_key(v) for v in gx.press_variants("Ar Raqqah")}
    assert {fold_key("Raqqa"), fold_key("al-Raqqa"), fold_key("Raqqah")} <= keys
    assert fold_key("Deir al-Balah") in {fold_key(v) for v in gx.press_variants("Dayr al Balaḩ")}
    assert fold_key("Mazar-i-Sharif") in {fold_key(v) for v in gx.press_variants("Mazār-e Sharīf", persian=True)}
    assert "bab" not in {fold_key(v) for v in gx.press_variants("Al Bāb")}  # "Bab" alone is too short to be a town's key


def test_source_tables_are_well_formed():
    rows = gx.read_facilities()
    names = [r["name"] for r in rows]
    assert len(names) == len(set(names)), "each facility once"
    assert {r["feature"] for r in rows} == gx.FEATURES
    assert all(-90 <= r["lat"] <= 90 and -180 <= r["lon"] <= 180 and len(r["cc"]) == 2 for r in rows)
    kinds = ("airport", "air base", "airbase", "airfield", "dam", "plant", "reactor", "station", "bridge", "works",
             "crossing", "hospital", "facility", "centre", "center", "npp", "hpp", "hes", "base", "site")
    for r in rows:  # a facility is never indexed under a bare place name
        if r["feature"] == "facility":
            assert all(any(k in n.lower() for k in kinds) for n in [r["name"], *r["alts"]]), r["name"]


def test_malformed_facility_line_names_the_line(tmp_path):
    bad = tmp_path / "f.tsv"
    bad.write_text("# c\nX Airport\t\t1.0\t2.0\tairfield\tUA\t1\tnote\n")
    with pytest.raises(ValueError, match=r"f\.tsv:2"):
        gx.read_facilities(bad)


def _town(b, gid, names, cc, a1, lat, lon, pop):
    return b.add([(n, 0 if i == 0 else 1) for i, n in enumerate(names)], gid=gid, katottg=None, name=names[0],
                 feature="city" if pop >= 5000 else "village", cc=cc, a1=a1, admin1=None, admin2=None,
                 lat=lat, lon=lon, pop=pop, precision=1)


@pytest.fixture(scope="module")
def xgaz(tmp_path_factory):
    d = tmp_path_factory.mktemp("ex")
    b = Builder()
    _town(b, 101, ["Al Ḩudaydah"], "YE", "YE.08", 14.80, 42.95, 734_699)
    _town(b, 102, ["Ar Raqqah"], "SY", "SY.04", 35.95, 39.01, 531_952)
    _town(b, 103, ["Damascus"], "SY", "SY.13", 33.51, 36.29, 1_569_394)
    _town(b, 104, ["Boryspil"], "UA", "UA.13", 50.35, 30.95, 64_117)
    _town(b, 105, ["Kyiv"], "UA", "UA.12", 50.45, 30.52, 2_952_301)
    _town(b, 106, ["Mezze"], "FR", "FR.11", 45.00, 1.00, 600)  # a hamlet whose name folds onto the quarter's
    _town(b, 107, ["Hudayda"], "TN", "TN.01", 36.0, 10.0, 800)  # a small namesake elsewhere
    (d / "ex.tsv").write_text("101\tHodeidah;Hodeida\tYemen\n", encoding="utf-8")
    (d / "fac.tsv").write_text(
        "Boryspil International Airport\tBoryspil Airport\t50.345\t30.895\tfacility\tUA\t104\tairport\n"
        "Mezzeh\tal-Mezzeh\t33.50\t36.25\tquarter\tSY\tSY:Damascus\tquarter\n", encoding="utf-8")
    gx.add_press_variants(b)
    gx.add_exonyms(b, d / "ex.tsv")
    gx.add_facilities(b, d / "fac.tsv")
    write_index(d / "g.sqlite", b.places, b.aliases, {"schema": "gaz3", "version": "gaz3-test"})
    g = Gazetteer(d / "g.sqlite")
    yield g
    g.close()


def _geocode(g, text, *names):
    return geocode_spans(text, [(text.index(n), text.index(n) + len(n)) for n in names], gazetteer=g)


def test_exonym_is_found_and_names_the_place(xgaz):
    (e,) = _geocode(xgaz, "Air strikes hit the port of Hodeidah on Monday.", "Hodeidah")
    assert e.geonames_id == 101 and e.name == "Hodeidah"


def test_press_spelling_without_the_article_is_found(xgaz):
    (e,) = _geocode(xgaz, "Forces advanced on Raqqa from the north.", "Raqqa")
    assert e.geonames_id == 102


def test_airport_is_found_only_by_its_full_name(xgaz):
    text = "Flights left Boryspil International Airport while Boryspil itself was shelled."
    i = text.index("Boryspil itself")
    airport, town = geocode_spans(text, [(text.index("Boryspil International Airport"),
                                          text.index("Boryspil International Airport") + 30), (i, i + 8)], gazetteer=xgaz)
    assert airport.feature == "facility" and airport.precision == 1 and abs(airport.lat - 50.345) < 1e-6
    assert town.feature == "city" and town.geonames_id == 104  # the plain town keeps its own name
    assert all(h.place.feature != "facility" for h in xgaz.lookup("Boryspil", fuzzy=False))


def test_quarter_resolves_inside_its_city(xgaz):
    (e, _) = _geocode(xgaz, "Shelling hit Mezzeh, in western Damascus.", "Mezzeh", "Damascus")
    assert e.feature == "quarter" and e.precision == 1 and e.country_code == "SY"
    assert e.admin2 == "Damascus" and abs(e.lat - 33.50) < 0.01


def test_unknown_city_of_a_facility_is_an_error(tmp_path):
    b = Builder()
    src = tmp_path / "f.tsv"
    src.write_text("X Air Base\t\t1.0\t2.0\tfacility\tUA\tUA:Nowhere\tnote\n")
    with pytest.raises(ValueError, match="Nowhere"):
        gx.add_facilities(b, src)
