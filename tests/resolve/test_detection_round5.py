"""Round 5 of toponym detection: precision filters and spans the NER model cut or mislabelled."""

from __future__ import annotations

from dateline.model import Article, Entity, Mention
from dateline.resolve.entities import merge_entities
from dateline.resolve.placecues import demonym_head
from dateline.resolve.places import resolve_places
from dateline.resolve.placespans import Span, sub_spans

from .test_places import _parse, _places


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
    text = "West Virginia Lottery Commission"
    subs = [s.text for s in sub_spans(text, Span(0, len(text), text, "ORG", 0))]
    assert subs.index("West Virginia") < subs.index("Virginia")


def test_a_demonym_heading_an_organisation_is_a_nested_norp_mention(gaz):
    text = "The Russian Defence Ministry said its units left Kupiansk."
    labelled = {"Russian Defence Ministry": "ORG", "Kupiansk": "GPE"}
    parse = _parse(text, labelled)
    org = Entity(id="o0", kind="org", name="Russian Defence Ministry", status="linked", confidence=0.9,
                 mentions=(Mention("Russian Defence Ministry", 4, 28, "ORG"),))
    places = resolve_places(Article(text=text), parse, (org,), gazetteer=gaz)
    ents = merge_entities(parse, (org,), places)
    got = sorted((e.kind, m.text, e.country_code) for e in ents for m in e.mentions)
    assert ("norp", "Russian", "RU") in got and ("org", "Russian Defence Ministry", None) in got


def test_a_street_named_like_a_plural_demonym_is_no_demonym_head(gaz):
    text = "Russians Street was closed."
    assert demonym_head(text, Span(0, 15, "Russians Street", "ORG", 0), gaz) is None
    text = "French Foreign Legion troops"
    assert demonym_head(text, Span(0, 21, "French Foreign Legion", "ORG", 0), gaz)[0] == "FR"


def test_a_name_given_a_personal_title_is_no_place_anywhere_in_the_text(gaz):
    text = "Sgt. Huntsville led the patrol near Kupiansk. Huntsville said the road was mined."
    got = _places(text, {"Huntsville": "GPE", "Kupiansk": "GPE"}, gaz)
    assert "Huntsville" not in got and got["Kupiansk"].name == "Kupiansk"
    assert "Huntsville" in _places("The convoy reached Huntsville, Texas.", {"Huntsville": "GPE", "Texas": "GPE"}, gaz)


def test_a_settlement_word_before_a_mislabelled_name_makes_it_a_place(gaz):
    text = "The Secretary spoke in Kyiv. Shells hit the village of Secretary at dawn."
    got = _places(text, {"Secretary": "PERSON", "Kyiv": "GPE"}, gaz)
    assert got["Secretary"].kind == "place" and got["Secretary"].country_code == "US"
    assert "Secretary" not in _places("The Secretary spoke in Kyiv.", {"Secretary": "PERSON", "Kyiv": "GPE"}, gaz)


def test_the_settlement_cue_needs_the_whole_name():
    from dateline.resolve.placecues import settlement_word_before
    text = "strikes on the city of Han Younis and the village of Yahidne."
    assert not settlement_word_before(text, text.index("Han"), text.index("Han") + 3)
    assert settlement_word_before(text, text.index("Yahidne"), text.index("Yahidne") + 7)


def test_near_outside_and_around_are_settlement_cues_but_from_is_not():
    from dateline.resolve.placecues import settlement_word_before
    for text in ("fighting near Zarichne", "shelling outside Zarichne", "positions around Zarichne"):
        assert settlement_word_before(text, text.index("Zarichne"), len(text)), text
    text = "a message from Zarichne"
    assert not settlement_word_before(text, text.index("Zarichne"), len(text))
