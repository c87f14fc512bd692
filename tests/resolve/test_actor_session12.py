"""Session 12: Hungarian and Polish digraphs, an OCR digit in a name, brothers who share a surname (invented names)."""

from __future__ import annotations

import pytest

from dateline.resolve.actors.cluster import given_compatible, surname_similar
from dateline.resolve.actors.names import skeleton


@pytest.mark.parametrize("a, b", [("Marchenko", "Marcsenko"), ("Chernov", "Czernov"), ("Shevel", "Szevel"),
                                  ("Zhukov", "Zsukov"), ("Kestland", "Kest1and")])
def test_spelling_systems_and_ocr_digits_share_a_skeleton(a, b):
    assert skeleton(a.lower()) == skeleton(b.lower())


def test_a_number_is_not_read_as_letters():
    assert skeleton("1945") != skeleton("lass")


@pytest.mark.parametrize("a, b, verdict", [
    ("hallel", "yagel", "conflict"),  # two brothers: same consonants, different openings
    ("yulia", "iuliia", "equiv"),
    ("heorhiy", "georgiy", "equiv"),
    ("oleksandr", "aleksandr", "equiv"),
])
def test_given_names_need_the_same_onset_to_share_a_skeleton(a, b, verdict):
    assert given_compatible(a, b) == verdict


def test_an_ocr_digit_inside_a_surname_is_a_spelling_of_it():
    from dateline.resolve.actors.link import _name_part

    assert surname_similar("kestland", "kest1and")
    assert _name_part("Kest1and", 0)
    assert not _name_part("F16", 0) and not _name_part("Su25", 0)


@pytest.mark.model
def test_a_countrys_possessive_is_part_of_its_bodys_mention():
    from dateline.pipeline import Pipeline

    text = ("Azerbaijan's defence ministry said 71 of its servicemen had been killed. "
            "Armenia's defence ministry said the situation had remained tense. Romania's defence ministry said it was calm.")
    r = Pipeline().read(text, published="2022-09-14")
    orgs = {m.text: e for e in r.entities if e.kind == "org" for m in e.mentions}
    assert {"Azerbaijan's defence ministry", "Armenia's defence ministry", "Romania's defence ministry"} <= set(orgs)
    assert len({orgs[k].id for k in orgs if "defence ministry" in k}) == 3  # three bodies, each with its country
    unlinked = orgs["Romania's defence ministry"]
    assert unlinked.name == "defence ministry (Romania)"
    assert any(e.kind == "place" and e.name == "Romania" for e in r.entities)  # the country keeps its own mention
