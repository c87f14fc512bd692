"""Towns named after a famous place are no evidence for each other (placefocus.NAMESAKE_ECHO_OFF)."""

from __future__ import annotations

import pytest

from dateline.resolve import placefocus
from dateline.resolve.gazetteer import Hit, PlaceRecord
from dateline.resolve.placefocus import near_bonuses
from dateline.resolve.placerank import DOMINANT_RATIO, Scored, famous_place, focus_from


def _place(pid: int, name: str, feature: str, cc: str, pop: int, lat: float = 0.0, lon: float = 0.0) -> PlaceRecord:
    return PlaceRecord(pid, None, None, name, feature, cc, f"{cc}.01", None, None, lat, lon, pop, 1)


def test_a_country_of_the_name_is_its_famous_place():
    hits = [Hit(_place(1, "Velmora", "village", "US", 600), 1.0, "exact"),
            Hit(_place(2, "Velmora", "country", "XA", 9_000_000), 1.0, "exact")]
    assert famous_place(hits) == 2


def test_a_dominant_town_is_its_famous_place():
    hits = [Hit(_place(1, "Quarnby", "village", "US", 700), 1.0, "exact"),
            Hit(_place(2, "Quarnby", "city", "XB", int(700 * DOMINANT_RATIO) + 1), 1.0, "exact")]
    assert famous_place(hits) == 2


def test_near_equal_towns_have_no_famous_place():
    hits = [Hit(_place(1, "Quarnby", "city", "US", 60_000), 1.0, "exact"),
            Hit(_place(2, "Quarnby", "city", "XB", 50_000), 1.0, "exact")]
    assert famous_place(hits) is None


def _focus(famous: list[int | None]):
    # span 0 "Velmora": the country (id 2, broad, no point) or, as runner-up, the village Velmora (id 1) in the west.
    country = _place(2, "Velmora", "country", "XA", 9_000_000, 50.0, 30.0)
    village = _place(1, "Velmora", "village", "US", 600, 40.0, -84.0)
    ranked = [[Scored(country, 6.0, 1.0, "exact"), Scored(village, 5.9, 1.0, "exact")], []]
    return focus_from([(ranked[0][0], 0, 1.0), (None, 0, 0.0)], None, ["velmora", "quarnby"], ranked, famous=famous)


def test_a_namesake_takes_no_nearness_from_another_namesake(monkeypatch):
    # span 1 "Quarnby": its famous town is abroad; its village 20 km from the Velmora village is a namesake too.
    near_village = _place(11, "Quarnby", "village", "US", 500, 40.1, -84.2)
    assert near_bonuses([near_village], 0, 1, _focus([2, 12]), [True]) == [0.0]
    monkeypatch.setattr(placefocus, "NAMESAKE_ECHO_OFF", False)
    assert near_bonuses([near_village], 0, 1, _focus([2, 12]), [True])[0] > 0.5  # the echo the rule removes


def test_a_town_that_is_no_namesake_still_finds_its_neighbour():
    near_town = _place(11, "Quarnby", "village", "US", 500, 40.1, -84.2)
    assert near_bonuses([near_town], 0, 1, _focus([2, None]), [False])[0] > 0.5


def test_an_anchor_whose_name_has_no_famous_place_still_counts():
    # the Velmora village is now the only Velmora (no famous place): it is evidence for the namesake Quarnby
    near_village = _place(11, "Quarnby", "village", "US", 500, 40.1, -84.2)
    assert near_bonuses([near_village], 0, 1, _focus([None, 12]), [True])[0] > 0.5


@pytest.mark.parametrize("flags", [[True, False], [False, True]])
def test_flags_apply_per_candidate(flags):
    a = _place(11, "Quarnby", "village", "US", 500, 40.1, -84.2)
    b = _place(13, "Quarnby", "village", "US", 500, 40.1, -84.2)
    got = near_bonuses([a, b], 0, 1, _focus([2, 12]), flags)
    assert [g == 0.0 for g in got] == flags
