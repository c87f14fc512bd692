"""KB-spotted organisation names: names NER missed or mislabelled are proposed and kept when they link."""

from __future__ import annotations

import pytest

from dateline.resolve.actors.link import resolve_actors
from dateline.resolve.actors.orgspot import LABEL, propose_kb_orgs, two_word_variant
from tests.resolve.helpers_actors import parse

pytestmark = pytest.mark.model


def _ents(text: str, kb) -> list:
    art, p = parse(text)
    return list(resolve_actors(art, p, kb=kb))


def _spots(text: str, kb, **kw) -> list[str]:
    _, p = parse(text)
    return [m.text for m in propose_kb_orgs(text, p, kb, **kw)]


def test_an_alias_ner_tags_as_a_facility_is_spotted_and_linked(kb):
    text = "Rescuers from the White Helmets pulled two children from the rubble in Saraqib, a volunteer said."
    orgs = [e for e in _ents(text, kb) if e.kind == "org"]
    hit = [e for e in orgs if any(m.text == "White Helmets" and m.label == LABEL for m in e.mentions)]
    assert len(hit) == 1 and hit[0].status == "linked" and hit[0].name == "Syrian Civil Defence"


def test_lowercase_words_and_a_sentence_opening_article_are_not_spotted(kb):
    assert _spots("The miners wore white helmets and left the pit at dawn.", kb) == []
    spots = _spots("The Atlantic was rough, and the ship crossed the Atlantic in nine days.", kb)
    assert not any("Atlantic" in s for s in spots)


def test_a_one_word_variant_tagged_as_a_person_links_to_the_company(kb):
    text = "Moscow's state energy giant Gazpromm said the flows would stop."
    orgs = [e for e in _ents(text, kb) if e.kind == "org" and e.status == "linked"]
    assert [(e.name, [m.text for m in e.mentions]) for e in orgs] == [("Gazprom", ["Gazpromm"])]


def test_a_two_word_person_span_one_edit_from_a_body_becomes_the_body(kb):
    text = "Officials said the Shin Bett questioned three men from the village overnight."
    ents = _ents(text, kb)
    assert [(e.kind, e.name) for e in ents if any(m.text == "Shin Bett" for m in e.mentions)] == [("org", "Shin Bet")]


def test_a_two_word_variant_whose_surname_a_kb_person_has_is_left_alone(kb):
    assert two_word_variant(kb, "Shin Bett") is not None
    assert two_word_variant(kb, "Shin Bar") is None  # one edit from "Shin Bet", but Bar is a KB surname (Ronen Bar)


def test_a_place_tagged_variant_needs_the_body_named_in_full(kb):
    named = "The Federal Air Transport Agency, Rosaviatzia, closed two airports on Sunday."
    alone = "Flights over Rosaviatzia were cancelled on Sunday, a spokesman said."
    orgs = [e for e in _ents(named, kb) if e.kind == "org"]
    assert any(e.name == "Rosaviatsia" and any(m.text == "Rosaviatzia" for m in e.mentions) for e in orgs)
    assert "Rosaviatzia" not in _spots(alone, kb)


def test_a_linked_persons_span_is_not_spotted_over(kb):
    text = "Rescuers from the White Helmets pulled two children from the rubble in Saraqib, a volunteer said."
    start = text.index("White Helmets")
    assert _spots(text, kb) == ["White Helmets"]
    assert _spots(text, kb, held=[(start, start + 5)]) == []


def test_an_exact_one_word_company_name_tagged_as_a_person_is_the_company(kb):
    text = "Power cuts hit most regions on Saturday, the operator Gazprom said."
    ents = _ents(text, kb)
    assert [(e.kind, e.name) for e in ents if any(m.text == "Gazprom" for m in e.mentions)] == [("org", "Gazprom")]
