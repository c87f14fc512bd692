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
