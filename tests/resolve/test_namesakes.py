"""Namesake signals of round 4: the dominant town of a name, counties by their written name, abbreviations."""

from __future__ import annotations

from collections import Counter

import pytest

from dateline.resolve import placerank
from dateline.resolve.gazetteer import Gazetteer, Hit, PlaceRecord
from dateline.resolve.placenames import ALIAS_SHADOW_MATCH, abbreviation_variants, shadow_aliases
from dateline.resolve.placerank import DOMINANT_RATIO, W_DOMINANT, Scored, dominant_town, focus_from, rank
from dateline.resolve.places import geocode_spans

from .places_fixture import ROWS, build_fixture


def _two(a: tuple, b: tuple, how_a: str = "exact", match_a: float = 1.0) -> list[Hit]:
    """Return two "Quarnby" hits: (feature, cc, pop) each; the first found ``how_a``."""
    return [Hit(_place(1, "Quarnby", *a), match_a, how_a), Hit(_place(2, "Quarnby", *b), 1.0, "exact")]


def _place(pid: int, name: str, feature: str, cc: str, pop: int, lat: float = 0.0, lon: float = 0.0) -> PlaceRecord:
    return PlaceRecord(pid, None, None, name, feature, cc, f"{cc}.01", None, None, lat, lon, pop, 1)


# ---------------------------------------------------------------- the dominant town of a name

def test_dominant_town_is_the_one_far_larger_than_every_namesake():
    big = int(10_000 * DOMINANT_RATIO) + 1
    hits = [Hit(_place(1, "Quarnby", "village", "US", 10_000), 1.0, "exact"),
            Hit(_place(2, "Quarnby", "city", "XA", big), 1.0, "exact"),
            Hit(_place(3, "Quarnby", "village", "CA", 800), 1.0, "exact")]
    assert dominant_town(hits) == 2


@pytest.mark.parametrize("hits", [
    # near-equal namesakes stay a coin toss
    _two(("city", "US", 64_000), ("city", "US", 47_000)),
    # a country or region of the name has its own prior: no town below MAJOR_TOWN_POP is "the" Quarnby
    _two(("city", "US", 200_000), ("village", "US", 500)) + [Hit(_place(3, "Quarnby", "country", "XQ", 3_000_000), 1.0, "exact")],
    # a town found through an alias or a township's name is not "the" town of that name
    _two(("city", "US", 900_000), ("village", "US", 500), "alias", 0.9),
    # a single town has no namesake to outnumber
    [Hit(_place(1, "Quarnby", "city", "US", 900_000), 1.0, "exact")],
    # fuzzy hits are other names
    _two(("city", "US", 900_000), ("village", "US", 500), "fuzzy", 0.8),
])
def test_no_dominant_town(hits):
    assert dominant_town(hits) is None


def test_dominant_town_gains_w_dominant_over_its_context_free_prior():
    hits = [Hit(_place(1, "Quarnby", "city", "XA", 2_000_000), 1.0, "exact"),
            Hit(_place(2, "Quarnby", "village", "US", 1_000), 1.0, "exact")]
    scored = {s.place.id: s.score for s in rank(hits, None, 0, 0, None)}
    assert scored[1] == pytest.approx(placerank.prior(hits[0], None) + W_DOMINANT, abs=1e-3)
    assert scored[2] == pytest.approx(placerank.prior(hits[1], None), abs=1e-3)


# ---------------------------------------------------------------- counties only by their written name

def _units(how: str) -> placerank.Focus:
    county = _place(10, "Quarnby County", "district", "US", 20_000, 37.0, -92.0)
    spans = [[Scored(county, 5.0, 0.9 if how == "alias" else 1.0, how)]]
    return focus_from([(spans[0][0], 0, 1.0)], None, ["quarnby", "town"], spans)


def test_a_county_named_in_full_holds_its_towns():
    town = _place(11, "Fenwick", "village", "US", 900, 37.01, -92.01)
    assert _units("exact").in_named_county(town, 1)


def test_a_county_found_through_its_alias_holds_no_towns():
    # "Texas" matches Texas County, Missouri, by alias: the state's name must not make its towns neighbours.
    town = _place(11, "Fenwick", "village", "US", 900, 37.01, -92.01)
    assert not _units("alias").in_named_county(town, 1)


# ---------------------------------------------------------------- abbreviations

@pytest.mark.parametrize("text, expected", [
    ("Loudon Co.", ["Loudon County"]),
    ("Clay Co", ["Clay County"]),
    ("Caddo Par.", ["Caddo Parish"]),
    ("W. Columbia", ["West Columbia"]),
    ("N. Charleston", ["North Charleston"]),
    ("S.C.", []),  # a state initialism, not "South C."
    ("W. Va.", []),
    ("Co.", []),
    ("Columbia", []),
])
def test_abbreviation_variants(text, expected):
    assert abbreviation_variants(text) == expected


EDGAR_TEXT = "The fair returns to Edgar Co. this summer."


@pytest.fixture(scope="module")
def gaz(tmp_path_factory) -> Gazetteer:
    return Gazetteer(build_fixture(tmp_path_factory.mktemp("gaz") / "gazetteer.sqlite", ROWS))


def test_abbreviated_county_finds_the_county(gaz):
    a = EDGAR_TEXT.index("Edgar Co.")
    ent = geocode_spans(EDGAR_TEXT, [(a, a + len("Edgar Co."))], gazetteer=gaz)[0]
    assert ent is not None and ent.name == "Edgar County" and ent.feature == "district"



# ---------------------------------------------------------------- a country's alias that its own region bears

def test_country_alias_yields_to_its_own_region_of_that_name():
    # An invented kingdom "Velmar" whose largest region is called "Osterland", which is also an alias of the kingdom.
    kingdom = _place(1, "Velmar", "country", "XV", 60_000_000)
    region = _place(2, "Osterland", "region", "XV", 50_000_000)
    hits = [Hit(kingdom, 0.97, "alias"), Hit(region, 1.0, "exact")]
    assert [h.match for h in shadow_aliases(hits)] == [ALIAS_SHADOW_MATCH, 1.0]


def test_country_alias_keeps_its_match_against_a_foreign_region():
    kingdom = _place(1, "Velmar", "country", "XV", 60_000_000)
    region = _place(2, "Osterland", "region", "XW", 5_000_000)
    hits = [Hit(kingdom, 0.97, "alias"), Hit(region, 1.0, "exact")]
    assert [h.match for h in shadow_aliases(hits)] == [0.97, 1.0]


def test_a_major_city_dominates_its_own_name_namesakes_despite_a_region_or_a_larger_alias():
    hits = [Hit(_place(1, "Quarnby", "city", "XA", placerank.MAJOR_TOWN_POP + 1), 1.0, "exact"),
            Hit(_place(2, "Quarnby", "village", "XA", 0), 1.0, "exact"),
            Hit(_place(3, "Quarnby Oblast", "region", "XA", 2_500_000), 0.97, "alias"),
            Hit(_place(4, "Zhoulu", "city", "XC", 990_000), ALIAS_SHADOW_MATCH, "alias")]
    assert dominant_town(hits) == 1
    hits[0] = Hit(_place(1, "Quarnby", "city", "XA", placerank.MAJOR_TOWN_POP - 1), 1.0, "exact")
    assert dominant_town(hits) is None  # below the major size, the region's prior stands


def test_a_major_city_gains_nothing_where_the_text_names_a_namesakes_own_region():
    from dateline.resolve.placefocus import Focus

    big = Hit(_place(1, "Quarnby", "city", "XA", placerank.MAJOR_TOWN_POP * 2), 1.0, "exact")
    small = Hit(PlaceRecord(2, None, None, "Quarnby", "city", "XB", "XB.07", None, None, 0.0, 0.0, 9_000, 1), 1.0, "exact")
    # a region of the name that is not the city's own (another province), so only the major-city rule applies
    region = Hit(PlaceRecord(3, None, None, "Quarnby", "region", "XA", "XA.02", None, None, 10.0, 10.0, 4_000_000, 3),
                 1.0, "exact")
    region_named = Focus(Counter(), Counter(), [], {}, region_names=frozenset({"XB.07"}))
    plain = Focus(Counter(), Counter(), [], {})
    named = {s.place.id: s.parts for s in rank([big, small, region], None, 0, 0, region_named, with_parts=True)}
    other = {s.place.id: s.parts for s in rank([big, small, region], None, 0, 0, plain, with_parts=True)}
    assert "dominant" not in named[1] and other[1].get("dominant") == W_DOMINANT
