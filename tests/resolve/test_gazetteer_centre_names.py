"""Regions named by an adjective of their centre ("Belgorodskaya oblast'") get their English names."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from gazetteer_subdivisions import alias_names, centre_names  # noqa: E402


@pytest.mark.parametrize(("name", "members", "first"), [
    ("Belgorodskaya oblast'", {"Belgorod", "Shebekino"}, "Belgorod Oblast"),
    ("Kurskaya oblast'", {"Kursk", "Rylsk"}, "Kursk Oblast"),           # the centre's name ends in -sk
    ("Tul'skaya oblast'", {"Tula"}, "Tula Oblast"),
    ("Ivanovskaya oblast'", {"Ivanovo"}, "Ivanovo Oblast"),
    ("Krasnodarskiy kray", {"Krasnodar", "Sochi"}, "Krasnodar Krai"),
])
def test_centre_of_the_region_names_it_in_english(name, members, first):
    names = centre_names(name, members)
    assert names[0] == first and names[1] == first.rsplit(" ", 1)[0] + " region"


def test_no_name_is_guessed_when_no_city_of_the_region_bears_the_stem():
    assert centre_names("Moskovskaya oblast'", {"Moscow", "Podolsk"}) == []
    assert centre_names("Orlovskaya oblast'", {"Kursk"}) == []


def test_other_region_names_are_left_alone():
    assert centre_names("Dagestan, Respublika", {"Makhachkala"}) == []


@pytest.mark.parametrize(("name", "members", "first"), [
    ("Ryazanskaya oblast'", {"Ryazan’", "Kasimov"}, "Ryazan Oblast"),  # the city written with its soft sign
    ("Arkhangel'skaya oblast'", {"Arkhangel’sk"}, "Arkhangelsk Oblast"),
    ("Rostovskaya oblast'", {"Rostov-on-Don", "Taganrog"}, "Rostov Oblast"),  # a hyphenated centre, by its first part
])
def test_centres_written_with_soft_signs_or_hyphens(name, members, first):
    assert centre_names(name, members)[0] == first


def test_an_irregular_adjective_takes_the_english_alternate_name_the_source_lists():
    alts = ["Moskva vilayəti", "Moscow", "Moscow Oblast", "Московская область"]
    assert alias_names("Moskovskaya oblast'", alts) == ["Moscow Oblast", "Moscow region"]
    assert alias_names("Primorskiy kray", ["Primorye", "Приморский Край"]) == []  # no English unit name: none made up
    assert alias_names("Dagestan, Respublika", ["Dagestan Republic"]) == []  # not an adjective-named region
