"""A demonym before a party noun ("Russian troops") names who acts, not where the place is."""

from __future__ import annotations

import pytest

from dateline.resolve.gazetteer import Gazetteer
from dateline.resolve.placecues import party_demonym

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
