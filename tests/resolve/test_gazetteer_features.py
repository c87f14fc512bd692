"""The curated macro-region / physical-feature table and how such features rank."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from dateline.resolve.places import geocode_spans

from .places_fixture import ROWS, build_fixture

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import gazetteer_features as gf  # noqa: E402
from gazetteer_sources import Builder  # noqa: E402


def test_feature_table_is_well_formed():
    rows = gf.read_features()
    names = [r["name"] for r in rows]
    assert len(names) == len(set(names)), "each feature once"
    assert {r["feature"] for r in rows} == gf.FEATURE_CLASSES
    assert all(-90 <= r["lat"] <= 90 and -180 <= r["lon"] <= 180 for r in rows)
    assert all(r["cc"] is None or (len(r["cc"]) == 2 and r["cc"].isupper()) for r in rows)


def test_malformed_feature_line_names_the_line(tmp_path):
    bad = tmp_path / "f.tsv"
    bad.write_text("# comment\nBlack Sea\t\t43.0\t34.0\tlake\t\n")
    with pytest.raises(ValueError, match=r"f\.tsv:2"):
        gf.read_features(bad)


def test_features_enter_the_builder_without_region_code(tmp_path):
    src = tmp_path / "f.tsv"
    src.write_text("Black Sea\tEuxine\t43.0\t34.0\twater\t\nMidwest\tMiddle West\t42.0\t-90.0\tregion\tUS\n")
    b = Builder()
    assert gf.add_features(b, src) == 2
    sea, mid = b.places
    assert sea["feature"] == "water" and sea["cc"] is None and sea["a1"] is None and sea["precision"] == 3
    assert mid["cc"] == "US" and b.aliases[1] == {"Midwest": 0, "Middle West": 1}


EXTRA = [
    ([("Middle East", 0), ("Mideast", 1)], dict(name="Middle East", feature="region", cc=None, a1=None, lat=29.0, lon=41.0, pop=0, precision=3)),
    ([("Middle East", 0)], dict(gid=9, name="Middle East", feature="village", cc="US", a1="US.TX", lat=31.0, lon=-97.0, pop=40, precision=1)),
    ([("Black Sea", 0)], dict(name="Black Sea", feature="water", cc=None, a1=None, lat=43.0, lon=34.0, pop=0, precision=3)),
]


@pytest.fixture()
def fgaz(tmp_path):
    from dateline.resolve.gazetteer import load_gazetteer
    g = load_gazetteer(build_fixture(tmp_path / "g.sqlite", ROWS + EXTRA))
    yield g
    g.close()


def test_macro_region_beats_same_named_village_even_in_us_news(fgaz):
    text = "Officials in Texas and Huntsville said the Middle East talks would resume."
    spans = [(text.index(s), text.index(s) + len(s)) for s in ("Texas", "Huntsville", "Middle East")]
    ents = geocode_spans(text, spans, gazetteer=fgaz)
    assert ents[2].feature == "region" and ents[2].lat == 29.0


def test_sea_is_not_an_anchor_for_nearby_towns(fgaz):
    """A broad feature has no region code, so it casts no region vote and gives no nearness."""
    text = "Ships left the Black Sea for Paris."
    spans = [(text.index(s), text.index(s) + len(s)) for s in ("Black Sea", "Paris")]
    sea, paris = geocode_spans(text, spans, gazetteer=fgaz)
    assert sea.feature == "water" and paris.country_code == "FR"
