"""Organisation names with a spelling slip in one word, in any order (resolve/actors/orgslip.py).

Every garble here is invented for the test (none is from a sample or golden article).
"""

from __future__ import annotations

import pytest

from dateline.resolve.actors.orgs import match_org
from dateline.resolve.actors.orgslip import SLIP_CONFIDENCE, is_slip, slipped_candidates, word_status


def test_a_slip_is_one_edit_on_the_transliteration_blind_key():
    assert is_slip("solidaridy", "solidarity")  # voicing
    assert is_slip("vagner", "wagner")  # the same key (w/v)
    assert not is_slip("eastern", "western")  # two edits apart on the key: another word
    assert not is_slip("cidy", "city")  # too short to tell a slip from another word


def test_a_slipped_word_links_in_any_order(kb):
    hit = match_org(kb, "Whide House", None)
    assert hit.actor is not None and hit.actor["name"] == "White House"
    assert hit.evidence == ("name:slip",) and hit.confidence == SLIP_CONFIDENCE
    moved = match_org(kb, "Solidaridy of the European", None)  # reordered around "of the", one word slipped
    assert moved.actor is not None and moved.actor["name"] == "European Solidarity"


def test_a_slipped_country_word_states_the_country(kb):
    hit = match_org(kb, "Government of Sbain", None)
    assert hit.actor is not None and hit.actor["country"] == "ES" and "country:ES" in hit.evidence


def test_a_real_word_of_a_kb_name_is_never_read_as_a_slip(kb):
    hit = match_org(kb, "Eastern Group of Forces", None)
    assert hit.evidence == ("name:exact",)  # its own name, not "Western" slipped
    assert word_status(kb, "group") == 0 and word_status(kb, "thornton") == 2


def test_made_up_names_do_not_link(kb):
    for name in ("Thornton Group", "Pebble Liberation Front", "Council of Walnut"):
        assert match_org(kb, name, None).actor is None, name


def test_a_national_body_without_its_country_stays_ambiguous(kb):
    hit = match_org(kb, "Ministri of Defence", None)  # every country has one
    assert hit.actor is None and len(hit.candidates) > 1 and "bag:ambiguous" in hit.evidence
    cands, country = slipped_candidates(kb, "minsitry of defence of belarus")
    assert country == "BY" and len(cands) > 1  # the country is stated: orgs keeps that country's body
    stated = match_org(kb, "Minsitry of Defence of Belarus", None)
    assert stated.actor is not None and stated.actor["name"] == "Ministry of Defence of Belarus"


def test_two_slipped_words_are_too_many(kb):
    assert match_org(kb, "Whide Hause", None).actor is None


@pytest.mark.model
def test_a_slipped_name_is_spotted_whatever_ner_made_of_it():
    import dateline

    text = "According to the Russian Volunteer Korps, at least 12 people were killed in the strike."
    ents = dateline.read(text, published="2024-03-12").entities
    (org,) = [e for e in ents if e.kind == "org"]
    assert org.name == "Russian Volunteer Corps" and org.status == "linked"
    assert [m.text for m in org.mentions] == ["Russian Volunteer Korps"]  # "Russian" stays a demonym inside it


@pytest.mark.model
def test_an_article_particle_begins_a_slipped_name():
    import dateline

    text = "The militant group al-Shabaaab said its fighters had carried out the attack."
    ents = dateline.read(text, published="2024-03-12").entities
    assert any(e.kind == "org" and e.name == "Al-Shabaab" and e.status == "linked" for e in ents)


def test_a_name_reordered_around_of_the_links_by_its_word_bag():
    from dateline.resolve.actors.expand import expand
    from dateline.resolve.actors.kb import ActorKB

    rec = {"kind": "org", "name": "Baltic Cable Consortium", "wikidata": None, "country": None, "native": [],
           "aliases": [], "acronyms": [], "roles": [], "org_type": "company", "parent": None, "description": "invented"}
    small = ActorKB.from_records([expand(rec)], version="test")
    assert match_org(small, "Consortium of the Baltic Cable", None).actor["name"] == "Baltic Cable Consortium"
    slipped = match_org(small, "Consortium of the Baltik Cable", None)
    assert slipped.actor is not None and slipped.actor["name"] == "Baltic Cable Consortium"  # fuzzy bag (3 words)
