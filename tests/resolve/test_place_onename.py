"""One name, one place: split names rejoined, aliases of places named otherwise, casing, region mentions."""

from __future__ import annotations

import pytest

from dateline.resolve.gazetteer import Gazetteer
from dateline.resolve.placeonename import case_clash
from dateline.resolve.placespans import make_span

from .places_fixture import ROWS, build_fixture
from .test_places import _places

# Invented places: a two-word Russian town; a large Pakistani-style city whose name a smaller Indian town bears
# as its former name; a US village with a capitalised generic word; a city and its namesake region.
INVENTED = [
    ([("Tikhaya Gavan", 0)], dict(gid=990201, name="Tikhaya Gavan", feature="city", cc="RU", a1="RU.09", lat=50.5, lon=36.7,
                                   pop=5_000, precision=1)),
    ([("Zarinabad", 0)], dict(gid=990202, name="Zarinabad", feature="city", cc="PK", a1="PK.08", lat=33.7, lon=73.0,
                               pop=600_000, precision=1)),
    ([("Velanpur", 0), ("Zarinabad", 1)], dict(gid=990203, name="Velanpur", feature="city", cc="IN", a1="IN.12",
                                                lat=33.7, lon=75.1, pop=150_000, precision=1)),
    ([("Corvo Strand", 0)], dict(gid=990204, name="Corvo Strand", feature="village", cc="US", a1="US.NY", lat=40.6, lon=-73.6,
                                  pop=2_800, precision=1)),
    ([("Pskovets", 0)], dict(gid=990205, name="Pskovets", feature="city", cc="RU", a1="RU.10", lat=53.3, lon=34.3,
                              pop=400_000, precision=1)),
    ([("Pskovets Oblast", 0), ("Pskovets", 1), ("Pskovets region", 1)], dict(gid=990206, name="Pskovets Oblast",
                                                                              feature="region", cc="RU", a1="RU.10",
                                                                              lat=52.9, lon=33.3, pop=900_000, precision=3)),
]


@pytest.fixture(scope="module")
def ogaz(tmp_path_factory) -> Gazetteer:
    return Gazetteer(build_fixture(tmp_path_factory.mktemp("gaz") / "gazetteer.sqlite", ROWS + INVENTED))


def test_a_name_cut_in_two_by_ner_is_one_place(ogaz):
    text = "Shelling hit the village of Tikhaya Gavan, where one man was killed."
    got = _places(text, {"Tikhaya": "NORP", "Gavan": "NORP"}, ogaz)
    assert got["Tikhaya Gavan"].name == "Tikhaya Gavan" and got["Tikhaya Gavan"].lat == 50.5


def test_two_names_side_by_side_that_name_no_place_together_stay_apart(ogaz):
    text = "Shelling hit Tikhaya Pskovets on Monday."
    got = _places(text, {"Tikhaya": "NORP", "Pskovets": "GPE"}, ogaz)
    assert "Tikhaya Pskovets" not in got and got["Pskovets"].name == "Pskovets"


def test_a_local_former_name_yields_to_the_large_city_that_bears_it_when_the_town_is_named_too(ogaz):
    text = "Gunmen attacked tourists near Velanpur in India. Pakistan denied it, a minister told reporters in Zarinabad."
    got = _places(text, {"Velanpur": "GPE", "India": "GPE", "Pakistan": "GPE", "Zarinabad": "GPE"}, ogaz)
    assert got["Zarinabad"].name == "Zarinabad" and got["Velanpur"].name == "Velanpur"


def test_a_former_name_still_reaches_its_town_when_the_text_never_names_the_town(ogaz):
    text = "Gunmen attacked tourists near Zarinabad in India's north."
    hits = {h.place.name for h in ogaz.lookup("Zarinabad", fuzzy=False)}
    assert hits == {"Zarinabad", "Velanpur"}  # both readings stay candidates; the ranking decides
    assert "Zarinabad" in _places(text, {"Zarinabad": "GPE", "India": "GPE"}, ogaz)


@pytest.mark.parametrize(("span", "name", "clash"), [
    ("Corvo strand", "Corvo Strand", True),
    ("Corvo Strand", "Corvo Strand", False),
    ("Gulf of Aden", "Gulf of Aden", False),
    ("Corvo", "Corvo Strand", False),
])
def test_case_clash(span, name, clash):
    assert case_clash(span, name) is clash


def test_a_common_noun_after_a_name_is_not_the_capitalised_place(ogaz):
    got = _places("Bathers crowded Corvo strand on Friday.", {"Corvo strand": "GPE"}, ogaz)
    assert "Corvo strand" not in got or got["Corvo strand"].lat is None
    assert _places("Bathers crowded Corvo Strand on Friday.", {"Corvo Strand": "GPE"}, ogaz)["Corvo Strand"].lat == 40.6


def test_a_place_noun_inside_an_ner_span_is_not_part_of_the_name():
    text = "Outlets spelled the district Zolotivka differently."
    sp = make_span(text, text.index("district"), text.index(" differently"), "ORG", 0)
    assert sp is not None and sp.text == "Zolotivka" and sp.start == text.index("Zolotivka")


def test_the_region_mention_keeps_its_region_word_when_the_bare_name_is_the_city(ogaz):
    text = "A drone struck a bus in the Pskovets region. Trains near Pskovets were delayed."
    ents = _places(text, {"Pskovets": "GPE"}, ogaz)
    assert ents["Pskovets region"].feature == "region" and ents["Pskovets"].feature == "city"


def test_the_region_mention_stays_bare_when_no_city_shares_the_name(ogaz):
    ents = _places("A drone struck a bus in the Pskovets region.", {"Pskovets": "GPE"}, ogaz)
    assert ents["Pskovets"].feature == "region"


@pytest.mark.parametrize(("text", "after"), [
    ("Zolotivka, about 80 kilometers (50 miles) north of Donetsk, is", True),
    ("Zolotivka, some 12 km from the border, was", True),
    ("Zolotivka, 30 miles south-east of the capital, was", True),
    ("Zolotivka, 45, a teacher from the town, said", False),
    ("Zolotivka, about 80 people, gathered", False),
])
def test_a_distance_from_a_place_after_a_name_makes_it_a_place(text, after):
    from dateline.resolve.placespans import place_word_after

    assert place_word_after(text, len("Zolotivka")) is after


def test_an_org_tagged_garble_placed_by_a_distance_is_looked_up_fuzzily(gaz):
    text = "Kupionsk, about 40 kilometers (25 miles) east of Kharkiv, was shelled. Troops in the Kharkiv region dug in."
    got = _places(text, {"Kupionsk": "ORG", "Kharkiv": "GPE", "Kharkiv region": "GPE"}, gaz)
    assert got["Kupionsk"].kind == "place" and got["Kupionsk"].name == "Kupiansk"
