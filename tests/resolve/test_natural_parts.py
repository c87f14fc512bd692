"""A valley, river or creek named after a place is placed at its namesake only inside the region focus."""

from __future__ import annotations

import re

import pytest

from dateline.resolve import placenames
from dateline.resolve.gazetteer import Gazetteer
from dateline.resolve.placenames import natural_part, part_of
from dateline.resolve.places import geocode_spans

from .places_fixture import ROWS, build_fixture

# Invented towns: one Quarnby in Illinois, one in Ontario; one Fenwick, only in Ontario.
TOWNS = [
    ([("Quarnby", 0)], dict(name="Quarnby", feature="village", cc="US", a1="US.IL", lat=39.70, lon=-87.60, pop=900, precision=1)),
    ([("Quarnby", 0)], dict(name="Quarnby", feature="village", cc="CA", a1="CA.08", lat=46.50, lon=-81.00, pop=1_200, precision=1)),
    ([("Fenwick", 0)], dict(name="Fenwick", feature="village", cc="CA", a1="CA.08", lat=45.00, lon=-79.00, pop=700, precision=1)),
]


@pytest.fixture(scope="module")
def gaz(tmp_path_factory) -> Gazetteer:
    return Gazetteer(build_fixture(tmp_path_factory.mktemp("gaz") / "gazetteer.sqlite", ROWS + TOWNS))


def _geocode(text: str, names: list[str], gaz: Gazetteer) -> dict:
    spans = [re.search(re.escape(n), text).span() for n in names]
    return dict(zip(names, geocode_spans(text, spans, gazetteer=gaz)))


@pytest.mark.parametrize("text, inner, natural", [
    ("Quarnby River", "Quarnby", True), ("Fenwick Creek", "Fenwick", True), ("Quarnby Valley", "Quarnby", True),
    ("South Quarnby", "Quarnby", False), ("Quarnby Downtown", "Quarnby", False), ("Quarnby", None, False),
])
def test_natural_part_names(text, inner, natural):
    assert part_of(text) == inner
    assert natural_part(text) is natural


def test_a_river_takes_its_namesake_in_the_region_of_the_story(gaz):
    text = "The Quarnby River flooded farms near Paris, Illinois. Edgar County closed two roads."
    out = _geocode(text, ["Quarnby River", "Paris", "Illinois", "Edgar County"], gaz)
    assert out["Quarnby River"].country_code == "US" and abs(out["Quarnby River"].lat - 39.70) < 0.01


def test_a_valley_with_no_namesake_in_the_story_region_stays_unresolved(gaz, monkeypatch):
    # The only Fenwick is in Ontario; the story is about Illinois: no dot rather than a wrong one.
    text = "Hikers filled the Fenwick Valley. Paris, Illinois, and Edgar County sent buses."
    names = ["Fenwick Valley", "Paris", "Illinois", "Edgar County"]
    out = _geocode(text, names, gaz)
    assert out["Fenwick Valley"] is None
    assert out["Paris"].lat < 40.0 and out["Paris"].country_code == "US"
    monkeypatch.setattr(placenames, "NATURAL_PART_MIN_REGION_SHARE", 0.0)  # without the rule: the Ontario dot
    assert _geocode(text, names, gaz)["Fenwick Valley"].country_code == "CA"


def test_a_valley_beside_its_namesake_shares_its_sense(gaz):
    text = "Smoke hung over the Fenwick Valley. Fenwick residents stayed home; Paris, Illinois, sent help."
    out = _geocode(text, ["Fenwick Valley", "Fenwick", "Paris", "Illinois"], gaz)
    assert out["Fenwick Valley"] is not None and out["Fenwick Valley"].country_code == "CA"


def test_a_lone_valley_keeps_its_namesake(gaz):
    out = _geocode("Snow closed the Fenwick Valley.", ["Fenwick Valley"], gaz)
    assert out["Fenwick Valley"] is not None and out["Fenwick Valley"].country_code == "CA"
