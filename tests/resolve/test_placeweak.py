"""Weak spans (not called a place by NER): bare county names, short aliases, unlinked non-places, muted votes."""

from __future__ import annotations

import pytest

from dateline.resolve import places as places_mod
from dateline.resolve.gazetteer import Gazetteer, PlaceRecord
from dateline.resolve.placefocus import Scored
from dateline.resolve.placespans import Span
from dateline.resolve.placeweak import bare_county, county_cued, lower_words, no_place_unlinked, short_alias

from .places_fixture import build_fixture
from .test_places import _places

ROWS = [
    ([("United States", 0), ("US", 1)], dict(gid=6252001, name="United States", feature="country", cc="US", a1="US.",
                                             lat=39.76, lon=-98.5, pop=327_000_000, precision=3)),
    # a county is also indexed under its bare name, as a weak alias (quality 2)
    ([("Ford County", 0), ("Ford", 2)], dict(name="Ford County", feature="district", cc="US", a1="US.IL", lat=40.6,
                                             lon=-88.2, pop=13_000, precision=2)),
    ([("Edgar County", 0), ("Edgar", 2)], dict(name="Edgar County", feature="district", cc="US", a1="US.IL", lat=39.68,
                                               lon=-87.75, pop=18_000, precision=2)),
    # an invented code alias of a town, as GeoNames alternate names carry them
    ([("Quillport", 0), ("Qpt", 1)], dict(name="Quillport", feature="city", cc="US", a1="US.NJ", lat=40.35, lon=-74.66,
                                          pop=30_000, precision=1)),
    ([("Casino", 0)], dict(name="Casino", feature="city", cc="AU", a1="AU.02", lat=-28.86, lon=153.05, pop=10_863, precision=1)),
    ([("Joliet", 0)], dict(name="Joliet", feature="city", cc="US", a1="US.IL", lat=41.525, lon=-88.08, pop=147_861, precision=1)),
]


@pytest.fixture(scope="module")
def wgaz(tmp_path_factory) -> Gazetteer:
    return Gazetteer(build_fixture(tmp_path_factory.mktemp("weak") / "gazetteer.sqlite", ROWS))


def _scored(name: str, feature: str, how: str, match: float) -> Scored:
    rec = PlaceRecord(1, None, None, name, feature, "US", "US.IL", None, None, 0.0, 0.0, 1000, 2)
    return Scored(rec, 1.0, match, how)


def test_a_county_found_through_its_bare_name_is_weak():
    assert bare_county(_scored("Ford County", "district", "alias", 0.9))
    assert not bare_county(_scored("Ford County", "district", "exact", 1.0))
    assert not bare_county(_scored("District Municipality of Muskoka", "district", "alias", 0.9))  # no "County" to drop


def test_county_cues():
    text = "Floods hit Becker, Clay and Wilkin counties. Clif Moore, D-McDowell, voted no."
    assert county_cued(text, Span(11, 17, "Becker", "ORG", 0))
    assert county_cued(text, Span(60, 68, "McDowell", "PROPN", 1))
    car = "Lueck was driving a 2000 Ford Taurus when it crashed."
    ford = Span(car.index("Ford"), car.index("Ford") + 4, "Ford", "ORG", 0)
    assert not county_cued(car, ford)
    assert county_cued(car + " Ford County deputies came.", ford)
    sent = "This will be telegraphed from Culpeper tonight."
    assert county_cued(sent, Span(30, 38, "Culpeper", "PROPN", 0))


def test_a_short_mixed_case_alias_is_no_place_but_a_press_abbreviation_is():
    assert short_alias(Span(0, 3, "Pct", "PROPN", 0), _scored("Quillport", "city", "alias", 0.97))
    assert not short_alias(Span(0, 3, "Pct", "PROPN", 0), _scored("Quillport", "city", "exact", 1.0))
    assert not short_alias(Span(0, 3, "CAF", "ORG", 0), _scored("Central African Republic", "country", "alias", 0.97))
    assert not short_alias(Span(0, 3, "Pa.", "PROPN", 0), _scored("Pennsylvania", "region", "alias", 0.97))


def test_unlinked_non_places():
    text = "Gov. Tim Pawlenty spoke. Pawlenty and T.R. were seated. Seated nearby was Zorvale."
    spans = [Span(5, 17, "Tim Pawlenty", "PERSON", 0)]
    words = lower_words(text)
    assert no_place_unlinked(Span(25, 33, "Pawlenty", "GPE", 1), words, spans)
    assert no_place_unlinked(Span(38, 41, "T.R", "GPE", 1), words, spans)
    assert no_place_unlinked(Span(55, 61, "Seated", "GPE", 2), words, spans)
    assert not no_place_unlinked(Span(74, 81, "Zorvale", "GPE", 2), words, spans)


def test_a_car_make_is_no_county_but_a_county_list_is(wgaz):
    got = _places("Lueck was driving a 2000 Ford Taurus on County Road 109.", {"Ford Taurus": "ORG"}, wgaz)
    assert "Ford" not in got
    got = _places("Voters in Ford and Edgar counties said no.", {"Ford": "ORG", "Edgar": "ORG"}, wgaz)
    assert got["Ford"].name == "Ford County" and got["Edgar"].name == "Edgar County"


def test_a_short_code_alias_gives_no_dot(wgaz):
    got = _places("Pct. 4 Commissioner Jerry West made the motion.", {"Pct": "PROPN"}, wgaz)
    assert "Pct" not in got
    assert _places("The council of Quillport met.", {"Quillport": "PROPN"}, wgaz)["Quillport"].name == "Quillport"


def test_a_person_name_tagged_as_a_place_is_not_an_unlinked_place(wgaz):
    text = "Gov. Tim Pawlenty spoke on Friday. Lawmakers backed Pawlenty. Zorvale residents objected."
    got = _places(text, {"Tim Pawlenty": "PERSON", "Pawlenty": "GPE", "Zorvale": "GPE"}, wgaz)
    assert "Pawlenty" not in got
    assert got["Zorvale"].status == "unlinked"  # an unknown place stays, without a dot


def test_a_common_word_casts_no_vote_in_the_focus(wgaz, monkeypatch):
    text = ("Casino's sprinklers were off before the fire. Joliet's building inspector says the casino "
            "pavilion was disconnected.")
    labelled = {"Casino": "ORG", "Joliet": "PERSON"}
    got = _places(text, labelled, wgaz)
    assert "Casino" not in got and got["Joliet"].country_code == "US"
    monkeypatch.setattr(places_mod, "MUTE_COMMON_WORDS", False)
    assert "Joliet" not in _places(text, labelled, wgaz)  # the Australian town's vote hid the US city
