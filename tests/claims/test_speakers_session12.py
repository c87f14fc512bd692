"""Session 12: partitive speakers, a title the tagger took for a body, nominals that fit their antecedent (invented)."""

from __future__ import annotations

import pytest

from dateline.claims.speakers import _nominal_fits
from dateline.model import Speaker


def containing(quotes, words):
    hits = [q for q in quotes if words in q.text]
    assert hits, f"no quote contains {words!r}: {[q.text for q in quotes]}"
    return hits[0]


@pytest.mark.model
def test_one_of_the_men_says_who_speaks(speaker_of):
    text = ('In a video that circulated on Sunday, several prisoners begged for help. '
            '"Please help us, they are shooting in the cells," one of the men said.')
    assert speaker_of(text, "shooting in the cells") == "one of the men"


@pytest.mark.model
def test_the_named_person_after_a_title_speaks(quotes_of):
    text = ('The Bishop of Velmora, Jude Okonkwo, said in a statement that the diocese was in mourning. '
            '"Peace has left our town," he said.')
    qs = quotes_of(text)
    q = containing(qs, "Peace has left")
    assert q.speaker is not None and "Okonkwo" in q.speaker.name
    assert containing(qs, "in mourning").speaker.name.endswith("Okonkwo")


@pytest.mark.parametrize("noun, name, fits", [
    ("government", "Central Penitentiary", False),  # a prison named just before is not "the government"
    ("government", "Ministry of Finance", True),
    ("government", "Northgate Newsroom", False),  # nor is the byline's newsroom
    ("group", "Arakan Army", True),  # "the group" may be an armed group
    ("army", "Defence Ministry", False),
    ("ministry", "Defence Ministry", True),
    ("company", "Northgate Hospital", False),
])
def test_a_nominal_needs_an_antecedent_of_its_kind(noun, name, fits):
    assert _nominal_fits(noun, Speaker(None, name, 0, 1)) == fits
