"""Round 5 of toponym detection: precision filters and spans the NER model cut or mislabelled."""

from __future__ import annotations

from .test_places import _places


def test_a_garbled_town_of_the_storys_country_is_found(gaz):
    text = "Troops shelled Kupiansk and Sviatohirsk in Ukraine. Bakhmat was hit again overnight."
    got = _places(text, {"Kupiansk": "GPE", "Sviatohirsk": "GPE", "Ukraine": "GPE", "Bakhmat": "GPE"}, gaz)
    assert got["Bakhmat"].name == "Bakhmut" and got["Bakhmat"].lat is not None


def test_a_surname_tagged_as_a_place_gets_no_far_namesake_by_fuzzy_match(gaz):
    text = "Floods hit Huntsville, Texas. Bakhmat said the levee in Texas held."
    got = _places(text, {"Huntsville": "GPE", "Texas": "GPE", "Bakhmat": "GPE"}, gaz)
    assert got["Huntsville"].country_code == "US"
    assert "Bakhmat" not in got or got["Bakhmat"].lat is None


def test_a_state_named_with_a_compass_word_is_looked_up_whole_first():
    from dateline.resolve.placespans import Span, sub_spans
    text = "West Virginia Lottery Commission"
    subs = [s.text for s in sub_spans(text, Span(0, len(text), text, "ORG", 0))]
    assert subs.index("West Virginia") < subs.index("Virginia")
