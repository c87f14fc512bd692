"""Garbled place names: romanisation variants, the deep alias shadow, place cues of weak spans, a lone city."""

from __future__ import annotations

import pytest

from dateline.resolve.gazetteer import Gazetteer
from dateline.resolve.placegarble import VARIANT_MATCH, place_cue, romanisation_variants, variant_hits
from dateline.resolve.placenames import ALIAS_DEEP_SHADOW_MATCH, ALIAS_SHADOW_MATCH, shadow_aliases

from .places_fixture import ROWS, build_fixture
from .test_places import _places

# Invented places: a Russian town spelt with "dzh" and a smaller one its "dj" spelling folds onto; a city
# whose name a small Ukrainian village bore before it was renamed; a mid-size namesake that bears it too.
INVENTED = [
    ([("Morodzhansk", 0)], dict(gid=990101, name="Morodzhansk", feature="city", cc="RU", a1="RU.41", lat=51.2, lon=35.3,
                                 pop=7_000, precision=1)),
    ([("Morodansk", 0)], dict(gid=990102, name="Morodansk", feature="city", cc="RU", a1="RU.85", lat=59.1, lon=37.5,
                               pop=8_000, precision=1)),
    ([("Kursk Oblast", 0), ("Kursk region", 1)], dict(gid=990103, name="Kursk Oblast", feature="region", cc="RU", a1="RU.41",
                                                     lat=51.7, lon=36.2, pop=1_000_000, precision=3)),
    ([("Velykoport", 0)], dict(gid=990104, name="Velykoport", feature="city", cc="RU", a1="RU.38", lat=44.7, lon=37.8,
                                pop=240_000, precision=1)),
    ([("Siryi Yar", 0), ("Velykoport", 1)], dict(katottg="UA65000000000000001", name="Siryi Yar", feature="village", cc="UA",
                                                  a1="UA.08", lat=46.1, lon=32.6, pop=700, precision=1)),
    ([("Tamar", 0)], dict(gid=990105, name="Tamar", feature="city", cc="SY", a1="SY.05", lat=35.1, lon=36.7,
                           pop=400_000, precision=1)),
    ([("Tamar", 1)], dict(gid=990106, name="Old Tamar", feature="city", cc="SY", a1="SY.05", lat=35.2, lon=36.8,
                           pop=30_000, precision=1)),
    ([("Damar", 0)], dict(gid=990107, name="Damar", feature="city", cc="BR", a1="BR.1", lat=-10.0, lon=-50.0,
                           pop=100_000, precision=1)),
]


@pytest.fixture(scope="module")
def ggaz(tmp_path_factory) -> Gazetteer:
    return Gazetteer(build_fixture(tmp_path_factory.mktemp("gaz") / "gazetteer.sqlite", ROWS + INVENTED))


def test_dj_and_j_have_their_cyrillic_readings():
    assert "morodzhansk" in romanisation_variants("Morodjansk")
    assert {"zhitomar", "dzhitomar"} <= set(romanisation_variants("Jitomar"))
    assert romanisation_variants("Kupiansk") == []


def test_a_dj_spelling_finds_the_dzh_town_below_an_exact_name(ggaz):
    own = list(ggaz.lookup("Morodjansk", fuzzy=False))
    assert [h.place.name for h in own] == ["Morodansk"]  # the fold key's "j" = "y" reading
    extra = variant_hits("Morodjansk", ggaz, own)
    assert [h.place.name for h in extra] == ["Morodzhansk"] and extra[0].match == VARIANT_MATCH


def test_a_name_spelt_as_written_gets_no_variants(ggaz):
    own = list(ggaz.lookup("Morodansk", fuzzy=False))
    assert variant_hits("Morodansk", ggaz, own) == []  # no "j" at all
    assert variant_hits("Kupiansk", ggaz, list(ggaz.lookup("Kupiansk", fuzzy=False))) == []


def test_the_region_picks_the_dzh_reading(ggaz):
    text = "Fighting raged in Russia's Kursk region on Thursday. Troops entered the town of Morodjansk."
    got = _places(text, {"Russia": "GPE", "Kursk region": "GPE", "Morodjansk": "GPE"}, ggaz)
    assert got["Morodjansk"].name == "Morodzhansk"


def test_a_village_former_name_gives_way_to_the_city_far_larger(ggaz):
    hits = shadow_aliases(list(ggaz.lookup("Velykoport", fuzzy=False)))
    by = {h.place.name: h.match for h in hits}
    assert by["Velykoport"] == 1.0 and by["Siryi Yar"] == ALIAS_DEEP_SHADOW_MATCH


def test_a_big_city_shadowed_by_a_smaller_namesake_keeps_the_ordinary_shadow(ggaz):
    hits = shadow_aliases(list(ggaz.lookup("Tamar", fuzzy=False)))
    by = {h.place.name: h.match for h in hits}
    assert by["Old Tamar"] == ALIAS_SHADOW_MATCH  # Tamar bears it as its own, 13x larger: not a deep shadow


@pytest.mark.parametrize(("text", "name", "cue"), [
    ("Russian forces shelled Zolotivka overnight.", "Zolotivka", True),
    ("Residents of Zolotivka were told to leave.", "Zolotivka", True),
    ("Fighting went on at the outskirts of Zolotivka.", "Zolotivka", True),
    ("Troops dug in near Zolotivka on Monday.", "Zolotivka", True),
    ("The son of Zolotivka spoke.", "Zolotivka", False),
    ("A message from Zolotivka arrived.", "Zolotivka", False),
    ("Crowds gathered in Zolotivka Street.", "Zolotivka", False),
])
def test_place_cue(text, name, cue):
    a = text.index(name)
    assert place_cue(text, a, a + len(name)) is cue


def test_a_person_tagged_garble_after_a_place_cue_is_looked_up_fuzzily(gaz):
    text = "Russian troops shelled Kupionsk in the Kharkiv region overnight."
    got = _places(text, {"Kupionsk": "PERSON", "Kharkiv region": "GPE"}, gaz)
    assert got["Kupionsk"].kind == "place" and got["Kupionsk"].name == "Kupiansk"


def test_a_person_tagged_garble_without_a_cue_is_no_place(gaz):
    text = "Kupionsk said the attack was repelled, officials in the Kharkiv region said."
    got = _places(text, {"Kupionsk": "PERSON", "Kharkiv region": "GPE"}, gaz)
    assert "Kupionsk" not in got


def test_a_lone_garbled_city_is_kept_but_a_lone_garbled_town_is_not(ggaz):
    city = _places("Missiles struck Velykobort overnight.", {"Velykobort": "GPE"}, ggaz)["Velykobort"]
    assert city.status == "resolved" and city.name == "Velykoport"
    town = _places("Missiles struck Sviatohirzk overnight.", {"Sviatohirzk": "GPE"}, ggaz).get("Sviatohirzk")
    assert town is not None and town.lat is None  # 4,300 people: below the lone-city size


def test_a_lone_garbled_city_is_not_kept_beside_other_places(ggaz):
    text = "Missiles struck Velykobort overnight. Paris and Illinois sent aid."
    got = _places(text, {"Velykobort": "GPE", "Paris": "GPE", "Illinois": "GPE"}, ggaz)
    assert got["Velykobort"].lat is None  # other places vote: the lone rule is off, and Russia is not their focus


@pytest.mark.parametrize(("text", "parts"), [
    ("Water rose in the towns of Zolotivka and Nova Brynka.", ["Zolotivka", "Nova Brynka"]),
    ("Shells fell on the villages of Zolotivka and Brynka overnight.", ["Zolotivka", "Brynka"]),
    ("Shares of Zolotivka and Brynka rose.", ["Zolotivka and Brynka"]),  # no settlement word: one name
])
def test_a_list_of_towns_in_one_ner_span_is_split(text, parts):
    from dateline.resolve.placespans import Span, coordinated_places

    name = " and ".join(parts) if len(parts) == 2 else parts[0]
    a = text.index(name)
    got = coordinated_places(text, Span(a, a + len(name), name, "ORG", 0))
    assert [s.text for s in got] == parts
