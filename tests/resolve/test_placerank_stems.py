"""Runners-up of a name of the same stem ("Quarnby County" for "Quarnby") are no anchors."""

from __future__ import annotations

import pytest

from dateline.resolve import placefocus, placerank
from dateline.resolve.gazetteer import PlaceRecord
from dateline.resolve.placerank import Scored, focus_from, name_stem, near_bonus


def _place(pid: int, name: str, feature: str, lat: float, lon: float) -> PlaceRecord:
    return PlaceRecord(pid, None, None, name, feature, "US", "US.01", None, None, lat, lon, 5000, 1)


@pytest.mark.parametrize("key, stem", [("quarnbi counti", "quarnbi"), ("quarnbi", "quarnbi"),
                                       ("fenvick tovnship", "fenvick"), ("counti", "counti")])
def test_name_stem_drops_a_trailing_unit_word(key, stem):
    assert name_stem(key) == stem


def _focus() -> placerank.Focus:
    # span 0 "Quarnby County": winner in the east, runner-up in the west; span 1 is the town "Quarnby".
    east = _place(1, "Quarnby County", "district", 40.0, -75.0)
    west = _place(2, "Quarnby County", "district", 40.0, -110.0)
    ranked = [[Scored(east, 6.0, 1.0, "exact"), Scored(west, 5.9, 1.0, "exact")], []]
    return focus_from([(ranked[0][0], 0, 1.0), (None, 0, 0.0)], None, ["quarnbi counti", "quarnbi"], ranked)


def test_a_same_stem_runner_up_does_not_pull_the_town(monkeypatch):
    focus = _focus()
    west_town = _place(3, "Quarnby", "village", 40.05, -110.05)
    assert near_bonus(west_town, 0, 1, focus) == 0.0
    monkeypatch.setattr(placefocus, "STEM_ECHO_OFF", False)
    assert near_bonus(west_town, 0, 1, _focus()) > 0.5  # the echo the rule removes


def test_a_same_stem_winner_still_counts():
    east_town = _place(4, "Quarnby", "village", 40.05, -75.05)
    assert near_bonus(east_town, 0, 1, _focus()) > 0.5


def test_another_names_runner_up_still_counts():
    east = _place(1, "Fenwick County", "district", 40.0, -75.0)
    west = _place(2, "Fenwick County", "district", 40.0, -110.0)
    ranked = [[Scored(east, 6.0, 1.0, "exact"), Scored(west, 5.9, 1.0, "exact")], []]
    focus = focus_from([(ranked[0][0], 0, 1.0), (None, 0, 0.0)], None, ["fenvick counti", "quarnbi"], ranked)
    assert near_bonus(_place(3, "Quarnby", "village", 40.05, -110.05), 0, 1, focus) > 0.5


def test_a_saints_name_is_no_context():
    from dateline.resolve.places import _CAP_RUN
    found = [m.group() for m in _CAP_RUN.finditer("On St. Patrick's Day the Quarnby council met in Georgia.")]
    assert "Patrick" not in found and "Georgia" in found


def test_two_names_of_one_place_are_one_anchor(monkeypatch):
    # "Washington" and "D.C." (one place) must not outweigh one other place ("Sherman") twice over.
    capital = _place(5, "Capital", "city", 38.9, -77.0)
    ranked = [[Scored(capital, 6.0, 1.0, "exact")], [Scored(capital, 6.0, 1.0, "exact")], []]
    tops = [(ranked[0][0], 0, 1.0), (ranked[1][0], 0, 1.0), (None, 0, 0.0)]
    groups = ["vashinhton", "d c", "quarnbi"]
    town = _place(6, "Quarnby", "village", 39.2, -77.2)
    one = near_bonus(town, 0, 2, focus_from(tops, None, groups, ranked))
    single = near_bonus(town, 0, 2, focus_from(tops[:1] + [(None, 0, 0.0)] * 2, None, groups, ranked[:1] + [[], []]))
    assert one == pytest.approx(single)
    monkeypatch.setattr(placefocus, "ONE_PLACE_ONE_ANCHOR", False)
    assert near_bonus(town, 0, 2, focus_from(tops, None, groups, ranked)) > one + 0.05
