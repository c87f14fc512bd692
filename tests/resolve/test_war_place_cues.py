"""War-reporting place cues: party demonyms ("Russian troops") and datelines ("ZAPORIZHZHIA, Ukraine")."""

from __future__ import annotations

import pytest

from dateline.resolve.gazetteer import Gazetteer, Hit, PlaceRecord
from dateline.resolve.placecues import party_demonym
from dateline.resolve.placesense import dateline_cities

from .places_fixture import ROWS, build_fixture
from .test_places import _places

# An invented town name borne by a Ukrainian town near Kharkiv and a slightly smaller Russian one.
TWINS = [
    ([("Koroviatyn", 0)], dict(gid=990001, name="Koroviatyn", feature="city", cc="UA", a1="UA.07", lat=49.7, lon=36.6,
                                pop=6_000, precision=1)),
    ([("Koroviatyn", 0)], dict(gid=990002, name="Koroviatyn", feature="city", cc="RU", a1="RU.33", lat=57.9, lon=49.1,
                                pop=5_000, precision=1)),
]


@pytest.fixture(scope="module")
def twins(tmp_path_factory) -> Gazetteer:
    return Gazetteer(build_fixture(tmp_path_factory.mktemp("gaz") / "gazetteer.sqlite", ROWS + TWINS))


@pytest.mark.parametrize(("text", "party"), [
    ("Russian forces withdrew", True),
    ("Russian armed forces withdrew", True),
    ("Ukrainian shelling resumed", True),
    ("Russian soil", False),
    ("Russian", False),
])
def test_party_demonym_reads_the_noun_after_it(text, party):
    demonym = text.split()[0]
    assert party_demonym(text, len(demonym)) is party


def test_party_demonym_does_not_pull_a_town_into_the_partys_country(twins):
    text = "Russian troops withdrew from Koroviatyn on Saturday."
    got = _places(text, {"Russian": "NORP", "Koroviatyn": "GPE"}, twins)
    assert got["Koroviatyn"].country_code == "UA"


def test_demonym_before_a_settlement_word_names_the_places_country(twins):
    text = "Shelling hit Kharkiv overnight. Drones struck the Russian town of Koroviatyn on Saturday."
    got = _places(text, {"Kharkiv": "GPE", "Russian": "NORP", "Koroviatyn": "GPE"}, twins)
    assert got["Koroviatyn"].country_code == "RU"


def _hit(name: str, feature: str, pop: int, a1: str) -> Hit:
    place = PlaceRecord(id=hash((name, a1)) % 10_000, gid=None, katottg=None, name=name, feature=feature, cc="UA",
                        a1=a1, admin1=None, admin2=None, lat=47.0, lon=35.0, pop=pop, precision=1)
    return Hit(place, 1.0, "exact")


def test_a_dateline_drops_villages_of_unknown_size_when_a_large_city_bears_the_name():
    city, village, small = _hit("Oleksyn", "city", 700_000, "UA.26"), _hit("Oleksyn", "village", 0, "UA.08"), \
        _hit("Oleksyn", "village", 1_800, "UA.14")
    assert dateline_cities([village, city, small]) == [city, small]
    assert dateline_cities([village, small]) == [village, small]  # no large city: every candidate stays


def test_a_name_followed_by_river_is_the_river_when_the_gazetteer_has_it(tmp_path):
    river = ([("Koroviatyn River", 0)], dict(gid=990003, name="Koroviatyn River", feature="water", cc="UA", a1="UA.07",
                                              lat=49.5, lon=36.8, pop=0, precision=3))
    gaz = Gazetteer(build_fixture(tmp_path / "gazetteer.sqlite", ROWS + TWINS + [river]))
    got = _places("Troops crossed the Koroviatyn river at dawn.", {"Koroviatyn": "GPE"}, gaz)
    assert got["Koroviatyn"].feature == "water"
    assert _places("Troops entered Koroviatyn at dawn.", {"Koroviatyn": "GPE"}, gaz)["Koroviatyn"].feature == "city"


def test_gold_spans_read_party_demonyms_as_the_raw_text_path_does(twins):
    from dateline.resolve.places import gold_resolutions

    text = "Russian troops withdrew from Koroviatyn on Saturday."
    spans = [(0, 7), (text.index("Koroviatyn"), text.index("Koroviatyn") + len("Koroviatyn"))]
    demonym, town = gold_resolutions(text, spans, gazetteer=twins)
    assert demonym == "RU" and town.ranked[0].place.cc == "UA"
